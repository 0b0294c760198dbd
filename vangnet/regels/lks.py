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
from statistics import fmean

from vangnet.meldingen import Rekenfout


def uitnutting(uitgaven: float, macrobudget: float) -> float:
    """Deel van het landelijke macrobudget dat gemeenten samen werkelijk uitgaven."""
    if macrobudget <= 0:
        raise Rekenfout("Het landelijke macrobudget LKS moet groter dan nul zijn.")
    return uitgaven / macrobudget


def kostenaandeel(uitgaven_gemeente: float, uitgaven_landelijk: float) -> float:
    """Aandeel van de gemeente in de landelijke LKS-uitgaven (fractie)."""
    if uitgaven_landelijk <= 0:
        raise Rekenfout("De landelijke LKS-uitgaven moeten groter dan nul zijn.")
    return uitgaven_gemeente / uitgaven_landelijk


def budget_volgens_aandeel(aandeel: float, macrobudget: float) -> float:
    """LKS-budget van de gemeente: budgetaandeel maal landelijk macrobudget."""
    return aandeel * macrobudget


@dataclass(frozen=True)
class LksProjectie:
    """Verwacht LKS-budget voor ``jaar + 1`` op basis van de uitgaven in ``jaar``."""

    jaar: int
    uitnutting_per_jaar: Mapping[int, float]
    gemiddelde_uitnutting: float
    macrobudget: float
    geschatte_landelijke_uitgaven: float
    uitgaven_gemeente: float
    kostenaandeel: float
    macrobudget_volgend_jaar: float
    verwacht_budget_volgend_jaar: float
    voorlopig_budget_volgend_jaar: float

    @property
    def verschil_met_voorlopig(self) -> float:
        return self.verwacht_budget_volgend_jaar - self.voorlopig_budget_volgend_jaar


def projecteer_lks_budget(
    jaar: int,
    macrobudgetten: Mapping[int, float],
    landelijke_uitgaven: Mapping[int, float],
    uitgaven_gemeente: float,
    voorlopig_budget_volgend_jaar: float,
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
    gemiddeld = fmean(bekende.values())
    geschat = macrobudgetten[jaar] * gemiddeld
    aandeel = kostenaandeel(uitgaven_gemeente, geschat)
    verwacht = budget_volgens_aandeel(aandeel, macrobudgetten[jaar + 1])
    return LksProjectie(
        jaar, bekende, gemiddeld, macrobudgetten[jaar], geschat, uitgaven_gemeente, aandeel,
        macrobudgetten[jaar + 1], verwacht, voorlopig_budget_volgend_jaar,
    )
