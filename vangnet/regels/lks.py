"""Het LKS-deel van het BUIG-budget volgens de T-1-systematiek.

Het Rijk verdeelt het landelijke macrobudget loonkostensubsidie (LKS) naar het aandeel van
elke gemeente in de landelijke LKS-uitgaven van het jaar ervoor: het kostenaandeel in jaar
*t* wordt het budgetaandeel in jaar *t+1* (Besluit Participatiewet; zie de parameter
``lks.t_min_1``). Zolang de landelijke uitgaven van jaar *t* nog niet bekend zijn, schatten
we ze met de gemiddelde uitnutting van het macrobudget in eerdere jaren.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from vangnet.exact import Getal, exact
from vangnet.meldingen import Rekenfout


def uitnutting(uitgaven: Getal, macrobudget: Getal) -> Fraction:
    """Deel van het landelijke macrobudget dat gemeenten samen werkelijk uitgaven (exact)."""
    if macrobudget <= 0:
        raise Rekenfout("Het landelijke macrobudget LKS moet groter dan nul zijn.")
    return exact(uitgaven) / exact(macrobudget)


def kostenaandeel(uitgaven_gemeente: Getal, uitgaven_landelijk: Getal) -> Fraction:
    """Aandeel van de gemeente in de landelijke LKS-uitgaven (exacte fractie)."""
    if uitgaven_landelijk <= 0:
        raise Rekenfout("De landelijke LKS-uitgaven moeten groter dan nul zijn.")
    return exact(uitgaven_gemeente) / exact(uitgaven_landelijk)


def budget_volgens_aandeel(aandeel: Getal, macrobudget: Getal) -> Fraction:
    """LKS-budget van de gemeente in euro's: budgetaandeel maal landelijk macrobudget."""
    return exact(aandeel) * exact(macrobudget)


def gemiddelde(waarden: list[Getal] | tuple[Getal, ...]) -> Fraction:
    """Het exacte rekenkundige gemiddelde."""
    if not waarden:
        raise Rekenfout("Het gemiddelde van nul waarden bestaat niet.")
    return sum((exact(w) for w in waarden), Fraction(0)) / len(waarden)


@dataclass(frozen=True)
class LksProjectie:
    """Verwacht LKS-budget voor ``jaar + 1`` op basis van de uitgaven in ``jaar``."""

    jaar: int
    uitnutting_per_jaar: Mapping[int, Fraction]
    gemiddelde_uitnutting: Fraction
    macrobudget: Fraction
    geschatte_landelijke_uitgaven: Fraction
    uitgaven_gemeente: Fraction
    kostenaandeel: Fraction
    macrobudget_volgend_jaar: Fraction
    verwacht_budget_volgend_jaar: Fraction
    voorlopig_budget_volgend_jaar: Fraction

    @property
    def verschil_met_voorlopig(self) -> Fraction:
        return self.verwacht_budget_volgend_jaar - self.voorlopig_budget_volgend_jaar


def projecteer_lks_budget(
    jaar: int,
    macrobudgetten: Mapping[int, Getal],
    landelijke_uitgaven: Mapping[int, Getal],
    uitgaven_gemeente: Getal,
    voorlopig_budget_volgend_jaar: Getal,
) -> LksProjectie:
    """Schat het LKS-budget voor ``jaar + 1`` volgens de T-1-systematiek.

    1. uitnutting per bekend jaar = landelijke uitgaven / macrobudget;
    2. geschatte landelijke uitgaven in ``jaar`` = macrobudget ``jaar`` x gemiddelde uitnutting;
    3. kostenaandeel ``jaar`` = uitgaven gemeente / geschatte landelijke uitgaven;
    4. verwacht budget ``jaar + 1`` = kostenaandeel x macrobudget ``jaar + 1``.
    """
    bekende = {j: uitnutting(u, macrobudgetten[j])
               for j, u in sorted(landelijke_uitgaven.items()) if j < jaar and j in macrobudgetten}
    if not bekende:
        raise Rekenfout(
            f"Voor de schatting van de landelijke LKS-uitgaven in {jaar} is minstens één eerder "
            "jaar met landelijke uitgaven en macrobudget nodig."
        )
    for nodig in (jaar, jaar + 1):
        if nodig not in macrobudgetten:
            raise Rekenfout(f"Het landelijke macrobudget LKS voor {nodig} ontbreekt.")
    gemiddeld = gemiddelde(list(bekende.values()))
    geschat = exact(macrobudgetten[jaar]) * gemiddeld
    aandeel = kostenaandeel(uitgaven_gemeente, geschat)
    verwacht = budget_volgens_aandeel(aandeel, macrobudgetten[jaar + 1])
    return LksProjectie(
        jaar, bekende, gemiddeld, exact(macrobudgetten[jaar]), geschat, exact(uitgaven_gemeente),
        aandeel, exact(macrobudgetten[jaar + 1]), verwacht, exact(voorlopig_budget_volgend_jaar),
    )
