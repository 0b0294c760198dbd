"""De vangnetregeling: tekort, toets per regime en de hoogte van de vangnetuitkering.

Bronnen (zie de parameterbestanden voor de precieze verwijzingen en wat is bevestigd):

- Besluit Participatiewet (BWBR0020183), de artikelen over de vangnetuitkering: het
  **reguliere vangnet** met een eigenrisicodrempel van 7,5% van de gebundelde uitkering
  (art. 69 Participatiewet) en een meerjarige voorwaarde over drie jaren;
- Stb. 2025, 222: het **uitgebreide vangnet** vanaf budgetjaar 2025, met een drempel van 5%
  voor gemeenten die ook in minstens twee van de drie voorgaande jaren een tekort van minstens
  5% hadden.

De hoogte van de uitkering volgt een staffel: van het deel van het tekort (als fractie van
het budget) dat in een schijf valt, wordt het tarief van die schijf vergoed. Onder de eerste
schijf (de eigenrisicodrempel) wordt niets vergoed. Als beide regimes van toepassing zijn,
geldt het regime met de hoogste uitkering.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from vangnet.exact import Getal, exact
from vangnet.meldingen import Rekenfout
from vangnet.regels.parameters import Parameters, Schijf

Regime = Literal["regulier", "uitgebreid"]
REGIMES: tuple[Regime, ...] = ("regulier", "uitgebreid")


def tekort(kosten: Getal, budget: Getal, fouten_onzekerheden: Getal = 0) -> Fraction:
    """Tekort in euro's (exact): netto lasten min fouten en onzekerheden min budget.

    Positief bij een tekort, negatief bij een overschot. Bedragen die de accountant als fout
    of onzekerheid rapporteert (art. 5 Bado) tellen niet mee in de lasten.
    """
    return exact(kosten) - exact(fouten_onzekerheden) - exact(budget)


def tekortpercentage(tekortbedrag: Getal, budget: Getal) -> Fraction:
    """Tekort als exacte fractie van het budget (0,0558 voor 5,58%).

    :raises Rekenfout: als het budget nul of negatief is.
    """
    if budget <= 0:
        raise Rekenfout("Het budget moet groter dan nul zijn om een tekortpercentage te berekenen.")
    return exact(tekortbedrag) / exact(budget)


def vergoeding_volgens_staffel(tekortfractie: Getal, schijven: Sequence[Schijf]) -> Fraction:
    """Vergoede fractie van het budget volgens de staffel (exact).

    Voor elke schijf wordt het deel van het tekort tussen haar ondergrens en de ondergrens van
    de volgende schijf vermenigvuldigd met haar tarief. Het resultaat is nul tot en met de
    eerste ondergrens, doorlopend (continu) en niet-dalend in het tekort, en nooit groter dan
    het tekort zelf zolang geen tarief groter is dan 1.
    """
    fractie = exact(tekortfractie)
    vergoed = Fraction(0)
    grenzen: list[Fraction | None] = [exact(s.ondergrens) for s in schijven[1:]] + [None]
    for schijf, bovengrens in zip(schijven, grenzen, strict=True):
        tot = fractie if bovengrens is None else min(fractie, bovengrens)
        deel = tot - exact(schijf.ondergrens)
        if deel > 0:
            vergoed += deel * exact(schijf.tarief)
    return vergoed


@dataclass(frozen=True)
class Voorwaarde:
    """Eén voorwaarde van een regime, met de getoetste waarde en de grens."""

    code: str
    omschrijving: str
    voldaan: bool
    waarde: Fraction
    grens: Fraction
    jaren: tuple[int, ...]


@dataclass(frozen=True)
class Regimetoets:
    """Uitkomst van de toets aan één regime voor één budgetjaar."""

    regime: Regime
    jaar: int
    van_toepassing: bool
    """Of het regime voor dit budgetjaar bestaat (parameters geldig)."""
    drempel: Fraction | None
    schijven: tuple[Schijf, ...]
    voorwaarden: tuple[Voorwaarde, ...]
    vergoede_fractie: Fraction
    vangnetuitkering: Fraction
    """Exact in euro's; afronden gebeurt pas bij het tonen."""

    @property
    def in_aanmerking(self) -> bool:
        return self.van_toepassing and all(v.voldaan for v in self.voorwaarden)


@dataclass(frozen=True)
class Vangnetbesluit:
    """De vangnetberekening voor één budgetjaar: beide regimes en het gekozen regime."""

    jaar: int
    budget: Fraction
    tekort: Fraction
    tekortfractie: Fraction
    toetsen: tuple[Regimetoets, ...]
    gekozen: Regimetoets

    @property
    def in_aanmerking(self) -> bool:
        return self.gekozen.in_aanmerking

    @property
    def vangnetuitkering(self) -> Fraction:
        return self.gekozen.vangnetuitkering

    def toets(self, regime: Regime) -> Regimetoets:
        return next(t for t in self.toetsen if t.regime == regime)


def _fracties(jaren: Sequence[int], tekorten: Mapping[int, Getal],
              budgetten: Mapping[int, Getal]) -> dict[int, Fraction]:
    ontbrekend = [j for j in jaren if j not in tekorten or j not in budgetten]
    if ontbrekend:
        raise Rekenfout(
            "Voor de vangnettoets ontbreken budget of kosten voor "
            + ", ".join(map(str, ontbrekend)) + "."
        )
    return {j: tekortpercentage(tekorten[j], budgetten[j]) for j in jaren}


def benodigde_jaren(jaar: int, parameters: Parameters) -> tuple[int, ...]:
    """Alle budgetjaren waarvan budget en kosten nodig zijn voor de toets over ``jaar``."""
    jaren = {jaar}
    if parameters.staffel("vangnet.regulier.vergoeding").geldt_in(jaar):
        n = int(parameters.waarde("vangnet.regulier.meerjarige_periode", jaar))
        jaren |= set(range(jaar - n + 1, jaar + 1))
    if parameters.staffel("vangnet.uitgebreid.vergoeding").geldt_in(jaar):
        n = int(parameters.waarde("vangnet.uitgebreid.voorgaande_jaren", jaar))
        jaren |= set(range(jaar - n, jaar))
    return tuple(sorted(jaren))


def _niet_van_toepassing(regime: Regime, jaar: int) -> Regimetoets:
    return Regimetoets(regime, jaar, False, None, (), (), Fraction(0), Fraction(0))


def _voorwaarde_jaar(jaar: int, fractie: Fraction, drempel: Fraction) -> Voorwaarde:
    """De voorwaarde die beide regimes delen: het tekort in het budgetjaar zelf ligt boven de
    eigenrisicodrempel (strikt: precies op de drempel geeft geen vergoeding)."""
    return Voorwaarde("jaar", f"tekort in {jaar} meer dan de drempel", fractie > drempel,
                      fractie, drempel, (jaar,))


def toets_regulier(
    jaar: int, tekorten: Mapping[int, Getal], budgetten: Mapping[int, Getal], p: Parameters
) -> Regimetoets:
    """Regulier vangnet: het tekort in ``jaar`` én de som van de tekorten over de meerjarige
    periode (``jaar`` en de jaren ervoor) zijn elk meer dan de drempel, als deel van het
    budget van ``jaar``."""
    staffel = p.staffel("vangnet.regulier.vergoeding")
    if not staffel.geldt_in(jaar):
        return _niet_van_toepassing("regulier", jaar)
    schijven = staffel.op(jaar)
    drempel = exact(schijven[0].ondergrens)
    meerjarige_drempel = exact(p.waarde("vangnet.regulier.meerjarige_drempel", jaar))
    n = int(p.waarde("vangnet.regulier.meerjarige_periode", jaar))
    periode = tuple(range(jaar - n + 1, jaar + 1))
    fracties = _fracties(periode, tekorten, budgetten)
    cumulatief = sum(exact(tekorten[j]) for j in periode) / exact(budgetten[jaar])
    voorwaarden = (
        _voorwaarde_jaar(jaar, fracties[jaar], drempel),
        Voorwaarde(
            "meerjarig",
            f"som van de tekorten {periode[0]}–{jaar} meer dan de drempel, als deel van het "
            f"budget {jaar}",
            cumulatief > meerjarige_drempel, cumulatief, meerjarige_drempel, periode,
        ),
    )
    return _uitkomst("regulier", jaar, drempel, schijven, voorwaarden, fracties[jaar],
                     budgetten[jaar])


def toets_uitgebreid(
    jaar: int, tekorten: Mapping[int, Getal], budgetten: Mapping[int, Getal], p: Parameters
) -> Regimetoets:
    """Uitgebreid vangnet (Stb. 2025, 222): tekort in ``jaar`` meer dan de drempel, en in
    minstens het vereiste aantal van de voorgaande jaren een tekort van minstens de drempel."""
    staffel = p.staffel("vangnet.uitgebreid.vergoeding")
    if not staffel.geldt_in(jaar):
        return _niet_van_toepassing("uitgebreid", jaar)
    schijven = staffel.op(jaar)
    drempel = exact(schijven[0].ondergrens)
    drempel_eerder = exact(p.waarde("vangnet.uitgebreid.drempel_voorgaande_jaren", jaar))
    n = int(p.waarde("vangnet.uitgebreid.voorgaande_jaren", jaar))
    minimum = int(p.waarde("vangnet.uitgebreid.minimum_jaren_boven_drempel", jaar))
    eerder = tuple(range(jaar - n, jaar))
    fracties = _fracties((*eerder, jaar), tekorten, budgetten)
    boven = tuple(j for j in eerder if fracties[j] >= drempel_eerder)
    voorwaarden = (
        _voorwaarde_jaar(jaar, fracties[jaar], drempel),
        Voorwaarde(
            "voorgaande_jaren",
            f"in minstens {minimum} van de jaren {eerder[0]}–{eerder[-1]} een tekort van "
            "minstens de drempel",
            len(boven) >= minimum, Fraction(len(boven)), Fraction(minimum), boven,
        ),
    )
    return _uitkomst("uitgebreid", jaar, drempel, schijven, voorwaarden, fracties[jaar],
                     budgetten[jaar])


def _uitkomst(
    regime: Regime, jaar: int, drempel: Fraction, schijven: tuple[Schijf, ...],
    voorwaarden: tuple[Voorwaarde, ...], fractie: Fraction, budget: Getal,
) -> Regimetoets:
    in_aanmerking = all(v.voldaan for v in voorwaarden)
    vergoed = vergoeding_volgens_staffel(fractie, schijven) if in_aanmerking else Fraction(0)
    return Regimetoets(regime, jaar, True, drempel, schijven, voorwaarden, vergoed,
                       vergoed * exact(budget))


def bepaal_vangnet(
    jaar: int, tekorten: Mapping[int, Getal], budgetten: Mapping[int, Getal], p: Parameters
) -> Vangnetbesluit:
    """Toets beide regimes en kies het regime waarvan de drempel geldt.

    1. Levert minstens één regime een uitkering op, dan het regime met de hoogste uitkering
       (het gunstigste voor de gemeente).
    2. Anders het regime met de laagste drempel waarvan alle voorwaarden behalve die over het
       tekort in het jaar zelf zijn vervuld (de gemeente valt dan onder die drempel, maar het
       tekort van het jaar is te laag).
    3. Anders het regime met de hoogste drempel: het algemene regime.
    """
    toetsen = (
        toets_regulier(jaar, tekorten, budgetten, p),
        toets_uitgebreid(jaar, tekorten, budgetten, p),
    )
    geldig = [t for t in toetsen if t.van_toepassing]
    if not geldig:
        raise Rekenfout(
            f"Voor budgetjaar {jaar} is geen vangnetregime vastgelegd in de parameters."
        )
    in_aanmerking = [t for t in geldig if t.in_aanmerking]
    toegang = [
        t for t in geldig if all(v.voldaan for v in t.voorwaarden if v.code != "jaar")
    ]
    if in_aanmerking:
        gekozen = max(in_aanmerking, key=lambda t: (t.vangnetuitkering, -(t.drempel or 0)))
    elif toegang:
        gekozen = min(toegang, key=lambda t: t.drempel or 0)
    else:
        gekozen = max(geldig, key=lambda t: t.drempel or 0)
    fractie = tekortpercentage(tekorten[jaar], budgetten[jaar])
    return Vangnetbesluit(jaar, exact(budgetten[jaar]), exact(tekorten[jaar]), fractie, toetsen,
                          gekozen)
