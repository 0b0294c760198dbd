"""De uitkomst van de vangnetberekening als eenvoudig object (voor ``bereken --json``)."""

from __future__ import annotations

from typing import Any

from vangnet.cijfers.kern import Cijferset
from vangnet.data.dataset import Dataset
from vangnet.regels.vangnet import Vangnetbesluit


def vangnet_samenvatting(dataset: Dataset, cijfers: Cijferset, jaar: int) -> dict[str, Any]:
    """Alle kernwaarden van de vangnettoets voor ``jaar``; percentages in procenten."""
    besluit: Vangnetbesluit = cijfers.waarde(f"vangnet.besluit.{jaar}")
    w = cijfers.waarde
    return {
        "gemeente": dataset.dossier.gemeente.naam,
        "jaar": jaar,
        "budget": w(f"buig.budget.{jaar}"),
        "kosten": w(f"buig.kosten.{jaar}"),
        "fouten_onzekerheden": (w(f"buig.fouten_onzekerheden.{jaar}")
                                if f"buig.fouten_onzekerheden.{jaar}" in cijfers else 0.0),
        "resultaat": w(f"buig.resultaat.{jaar}"),
        "tekort": w(f"buig.tekort.{jaar}"),
        "tekort_pct": besluit.tekortfractie * 100,
        "drempel_pct": (besluit.gekozen.drempel or 0.0) * 100,
        "regime": besluit.gekozen.regime,
        "in_aanmerking": besluit.in_aanmerking,
        "vangnetuitkering": besluit.vangnetuitkering,
        "regimes": {
            t.regime: {
                "van_toepassing": t.van_toepassing,
                "drempel_pct": None if t.drempel is None else t.drempel * 100,
                "in_aanmerking": t.in_aanmerking,
                "vangnetuitkering": t.vangnetuitkering,
                "voorwaarden": [
                    {"code": v.code, "omschrijving": v.omschrijving, "voldaan": v.voldaan,
                     "waarde": v.waarde, "grens": v.grens, "jaren": list(v.jaren)}
                    for v in t.voorwaarden
                ],
            }
            for t in besluit.toetsen
        },
    }
