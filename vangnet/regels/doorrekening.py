"""Doorrekening van maatregelen: wat uitstroom uit de uitkering bespaart (hoofdstuk 6).

Het tekort kan dalen doordat huishoudens volledig uitstromen, met of zonder
loonkostensubsidie (LKS). Uitstroom met LKS bespaart de uitkering, maar kost de subsidie.
Per type uitstroom is de besparing per huishouden:

- alleenstaande zonder LKS: prijs uitkering alleenstaande;
- alleenstaande naar LKS: prijs uitkering alleenstaande − prijs LKS;
- gehuwden zonder LKS: prijs uitkering gehuwden;
- één van de gehuwden naar LKS: prijs uitkering gehuwden − prijs LKS.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from vangnet.exact import Getal, exact
from vangnet.meldingen import Rekenfout

Uitstroomtype = Literal[
    "alleenstaande", "alleenstaande_naar_lks", "gehuwden", "gehuwden_naar_lks"
]
UITSTROOMTYPEN: tuple[Uitstroomtype, ...] = (
    "alleenstaande", "alleenstaande_naar_lks", "gehuwden", "gehuwden_naar_lks",
)


def besparing_per_uitstroom(
    prijs_alleenstaande: Getal, prijs_gehuwden: Getal, prijs_lks: Getal
) -> dict[Uitstroomtype, Fraction]:
    """Besparing op het BUIG-resultaat per huishouden dat volledig uitstroomt, per type."""
    alleen, gehuwd, lks = exact(prijs_alleenstaande), exact(prijs_gehuwden), exact(prijs_lks)
    return {
        "alleenstaande": alleen,
        "alleenstaande_naar_lks": alleen - lks,
        "gehuwden": gehuwd,
        "gehuwden_naar_lks": gehuwd - lks,
    }


def benodigde_uitstroom(tekort: Getal, besparing: Getal) -> Fraction:
    """Aantal huishoudens van één type dat moet uitstromen om ``tekort`` weg te werken."""
    if besparing <= 0:
        raise Rekenfout(
            "Uitstroom van dit type bespaart niets (de loonkostensubsidie is even duur als "
            "de uitkering); het benodigde aantal is niet te berekenen."
        )
    return max(exact(tekort), Fraction(0)) / exact(besparing)


def te_compenseren_tekort(tekort: Getal, extra_budget: Getal) -> Fraction:
    """Tekort dat volgend jaar resteert als alleen het budget verandert (fictief)."""
    return exact(tekort) - exact(extra_budget)


def scenariobesparing(
    aantallen: Mapping[Uitstroomtype, Getal], besparing: Mapping[Uitstroomtype, Getal]
) -> Fraction:
    """Totale besparing van een mix van uitstroom."""
    return sum((exact(aantal) * exact(besparing[t]) for t, aantal in aantallen.items()),
               Fraction(0))


@dataclass(frozen=True)
class Ambitie:
    """Afstand tot een ambitieniveau in de vergelijkingsgroep, in aandeel, euro's en personen."""

    kostenaandeel: Fraction
    grens: Fraction
    gap: Fraction
    extra_lks_uitgaven: Fraction
    personen: Fraction


def ambitie_lks(
    kostenaandeel: Getal, grens: Getal, macrobudget_volgend_jaar: Getal, prijs_lks: Getal
) -> Ambitie:
    """Hoeveel extra LKS-inzet nodig is om het kostenaandeel op de grens te brengen.

    Het verschil in aandeel maal het macrobudget geeft de extra uitgaven; gedeeld door de
    prijs van een jaar LKS het aantal personen.
    """
    aandeel, grens_ = exact(kostenaandeel), exact(grens)
    gap = max(grens_ - aandeel, Fraction(0))
    extra = gap * exact(macrobudget_volgend_jaar)
    return Ambitie(aandeel, grens_, gap, extra, extra / exact(prijs_lks))


def verdeel_personen(personen: Getal, aandeel_alleenstaanden: Getal
                     ) -> dict[Uitstroomtype, Fraction]:
    """Verdeel het (half naar boven afgeronde) aantal personen over alleenstaanden en
    gehuwden, beide met LKS."""
    totaal = Fraction(math.floor(exact(personen) + Fraction(1, 2)))
    aandeel = exact(aandeel_alleenstaanden)
    return {
        "alleenstaande_naar_lks": totaal * aandeel,
        "gehuwden_naar_lks": totaal * (1 - aandeel),
    }
