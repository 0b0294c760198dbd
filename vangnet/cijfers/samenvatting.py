"""De uitkomst van de vangnetberekening als eenvoudig object (voor ``bereken --json``).

Bedragen staan erin in euro's, half van nul af afgerond op centen; percentages in procenten,
afgerond op vier decimalen (``5.581`` voor 5,5810%). Beide zijn afgerond op de exacte waarde
(zie :mod:`vangnet.exact`), zodat een uitkering van precies € 32.500,50 ook zo in de JSON staat.
"""

from __future__ import annotations

from typing import Any

from vangnet.cijfers.kern import Cijferset
from vangnet.data.dataset import Dataset
from vangnet.exact import afronden, exact
from vangnet.regels.vangnet import Vangnetbesluit

CENTEN = 2
"""Decimalen van bedragen in de JSON."""
PROCENTDECIMALEN = 4
"""Decimalen van percentages (in procenten) in de JSON."""


def bedrag(waarde: Any) -> float:
    """Een exact bedrag als JSON-getal, afgerond op centen."""
    return float(afronden(waarde, CENTEN))


def procent(fractie: Any) -> float:
    """Een exacte fractie als percentage, afgerond op :data:`PROCENTDECIMALEN` decimalen."""
    return float(afronden(exact(fractie) * 100, PROCENTDECIMALEN))


def vangnet_samenvatting(dataset: Dataset, cijfers: Cijferset, jaar: int) -> dict[str, Any]:
    """Alle kernwaarden van de vangnettoets voor ``jaar``; percentages in procenten."""
    besluit: Vangnetbesluit = cijfers.waarde(f"vangnet.besluit.{jaar}")
    w = cijfers.waarde
    fouten = w(f"buig.fouten_onzekerheden.{jaar}") \
        if f"buig.fouten_onzekerheden.{jaar}" in cijfers else 0
    return {
        "gemeente": dataset.dossier.gemeente.naam,
        "jaar": jaar,
        "budget": bedrag(w(f"buig.budget.{jaar}")),
        "kosten": bedrag(w(f"buig.kosten.{jaar}")),
        "fouten_onzekerheden": bedrag(fouten),
        "resultaat": bedrag(w(f"buig.resultaat.{jaar}")),
        "tekort": bedrag(w(f"buig.tekort.{jaar}")),
    } | besluit_samenvatting(besluit)


def besluit_samenvatting(besluit: Vangnetbesluit) -> dict[str, Any]:
    """De uitkomst van de toets (gekozen regime en beide regimes) met de sleutels van
    ``bereken --json``; ook voor ``vangnet landelijk``."""
    return {
        "tekort_pct": procent(besluit.tekortfractie),
        "drempel_pct": procent(besluit.gekozen.drempel or 0),
        "regime": besluit.gekozen.regime,
        "in_aanmerking": besluit.in_aanmerking,
        "vangnetuitkering": bedrag(besluit.vangnetuitkering),
        "regimes": {
            t.regime: {
                "van_toepassing": t.van_toepassing,
                "drempel_pct": None if t.drempel is None else procent(t.drempel),
                "in_aanmerking": t.in_aanmerking,
                "vangnetuitkering": bedrag(t.vangnetuitkering),
                "voorwaarden": [_voorwaarde(v) for v in t.voorwaarden],
            }
            for t in besluit.toetsen
        },
    }


def _voorwaarde(v: Any) -> dict[str, Any]:
    """Eén voorwaarde: een tekort als percentage (``waarde_pct``, ``grens_pct``) of een aantal
    jaren (``waarde``, ``grens``)."""
    uit: dict[str, Any] = {"code": v.code, "omschrijving": v.omschrijving, "voldaan": v.voldaan,
                           "jaren": list(v.jaren)}
    if v.code == "voorgaande_jaren":
        uit |= {"waarde": int(v.waarde), "grens": int(v.grens)}
    else:
        uit |= {"waarde_pct": procent(v.waarde), "grens_pct": procent(v.grens)}
    return uit
