"""De vangnettoets voor elke gemeente en elk jaar van de landelijke tabel.

Per gemeente worden de tekorten eenmaal berekend (:func:`~vangnet.regels.vangnet.tekort`);
daarna krijgt elk jaar de toets van het dossier (:func:`~vangnet.regels.vangnet.bepaal_vangnet`)
met de jaren die de regels nodig hebben (:func:`~vangnet.regels.vangnet.benodigde_jaren`). Er
is geen tweede implementatie van een regel. Ontbreekt een jaar dat de toets nodig heeft (of
budget of kosten daarvan), dan wordt dat jaar niet berekend en zegt :attr:`Uitkomst.reden`
waarom; er wordt nooit iets aangevuld of geschat.

De uitkomsten komen per gemeente vrij (een generator), zodat wie ze wegschrijft niets hoeft
te bewaren.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from vangnet import opmaak
from vangnet.exact import exact
from vangnet.landelijk.tabel import LandelijkeTabel, Tabelrij
from vangnet.meldingen import Rekenfout
from vangnet.regels.parameters import Parameters, laad_parameters
from vangnet.regels.vangnet import (
    Vangnetbesluit,
    benodigde_jaren,
    bepaal_vangnet,
    tekort,
    tekortpercentage,
)


@dataclass(frozen=True, slots=True)
class Uitkomst:
    """De toets voor één gemeente en één jaar, of de reden dat die niet kon."""

    gemeente: str
    jaar: int
    rij: int
    """De rij in de tabel (kopregel = rij 1)."""
    budget: Decimal | None
    kosten: Decimal | None
    fouten_onzekerheden: Decimal | None
    tekort: Fraction | None
    """Exact; ``None`` zonder budget of kosten."""
    tekortfractie: Fraction | None
    besluit: Vangnetbesluit | None
    """De toets zoals in het dossier; ``None`` als hij niet kon (zie :attr:`reden`)."""
    reden: str | None = None
    nodig: tuple[int, ...] = ()
    """De jaren die de toets nodig heeft (leeg als dat niet vast te stellen was)."""
    ontbrekend: tuple[int, ...] = ()
    """De jaren uit :attr:`nodig` zonder budget of kosten in de tabel."""

    @property
    def berekend(self) -> bool:
        return self.besluit is not None


def _ontbreekt(r: Tabelrij, nodig: tuple[int, ...], ontbrekend: list[int]) -> str:
    """Waarom de toets over het jaar van ``r`` niet kan, in een zin."""
    zinnen = []
    if r.jaar in ontbrekend:
        wat = {(True, True): "Budget en kosten over {} ontbreken",
               (True, False): "Het budget over {} ontbreekt",
               (False, True): "De kosten over {} ontbreken"}[(r.budget is None,
                                                               r.kosten is None)]
        zinnen.append(wat.format(r.jaar) + " in de tabel.")
    eerder = [j for j in ontbrekend if j != r.jaar]
    if eerder:
        zinnen.append(f"De toets over {r.jaar} heeft budget en kosten nodig van "
                      f"{opmaak.opsomming([str(j) for j in nodig])}; in de tabel ontbreken die "
                      f"voor {opmaak.opsomming([str(j) for j in eerder])}.")
    return " ".join(zinnen)


def bereken_gemeente(gemeente: str, rijen: Mapping[int, Tabelrij], parameters: Parameters
                     ) -> Iterator[Uitkomst]:
    """De toets voor elk jaar van één gemeente, oplopend in jaar."""
    tekorten: dict[int, Fraction] = {}
    budgetten: dict[int, Fraction] = {}  # eenmaal exact gemaakt, niet in elke toets opnieuw
    for jaar, r in rijen.items():
        if r.budget is not None and r.kosten is not None:
            budgetten[jaar] = exact(r.budget)
            tekorten[jaar] = tekort(r.kosten, budgetten[jaar], r.fouten_onzekerheden or 0)
    for jaar in sorted(rijen):
        r = rijen[jaar]
        t = tekorten.get(jaar)
        basis = dict(gemeente=gemeente, jaar=jaar, rij=r.rij, budget=r.budget, kosten=r.kosten,
                     fouten_onzekerheden=r.fouten_onzekerheden, tekort=t)
        fractie = None if t is None else tekortpercentage(t, budgetten[jaar])
        try:
            nodig = benodigde_jaren(jaar, parameters)
        except Rekenfout as fout:
            yield Uitkomst(**basis, tekortfractie=fractie, besluit=None, reden=str(fout))
            continue
        ontbrekend = [j for j in nodig if j not in tekorten]
        if ontbrekend:
            yield Uitkomst(**basis, tekortfractie=fractie, besluit=None,
                           reden=_ontbreekt(r, nodig, ontbrekend), nodig=nodig,
                           ontbrekend=tuple(ontbrekend))
            continue
        try:
            besluit = bepaal_vangnet(jaar, tekorten, budgetten, parameters)
        except Rekenfout as fout:
            yield Uitkomst(**basis, tekortfractie=fractie, besluit=None, reden=str(fout),
                           nodig=nodig)
            continue
        yield Uitkomst(**basis, tekortfractie=besluit.tekortfractie, besluit=besluit,
                       nodig=nodig)


def bereken(tabel: LandelijkeTabel, parameters: Parameters | None = None) -> Iterator[Uitkomst]:
    """De toets voor elke gemeente en elk jaar van de tabel: per gemeente in de volgorde van
    de tabel, per gemeente oplopend in jaar."""
    parameters = parameters or laad_parameters()
    for gemeente, rijen in tabel.per_gemeente().items():
        yield from bereken_gemeente(gemeente, rijen, parameters)
