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
from typing import Literal

from vangnet.meldingen import Rekenfout

Uitstroomtype = Literal[
    "alleenstaande", "alleenstaande_naar_lks", "gehuwden", "gehuwden_naar_lks"
]
UITSTROOMTYPEN: tuple[Uitstroomtype, ...] = (
    "alleenstaande", "alleenstaande_naar_lks", "gehuwden", "gehuwden_naar_lks",
)


def besparing_per_uitstroom(
    prijs_alleenstaande: float, prijs_gehuwden: float, prijs_lks: float
) -> dict[Uitstroomtype, float]:
    """Besparing op het BUIG-resultaat per huishouden dat volledig uitstroomt, per type."""
    return {
        "alleenstaande": prijs_alleenstaande,
        "alleenstaande_naar_lks": prijs_alleenstaande - prijs_lks,
        "gehuwden": prijs_gehuwden,
        "gehuwden_naar_lks": prijs_gehuwden - prijs_lks,
    }


def benodigde_uitstroom(tekort: float, besparing: float) -> float:
    """Aantal huishoudens van één type dat moet uitstromen om ``tekort`` weg te werken."""
    if besparing <= 0:
        raise Rekenfout(
            "Uitstroom van dit type bespaart niets (de loonkostensubsidie is even duur als "
            "de uitkering); het benodigde aantal is niet te berekenen."
        )
    return max(tekort, 0.0) / besparing


def te_compenseren_tekort(tekort: float, extra_budget: float) -> float:
    """Tekort dat volgend jaar resteert als alleen het budget verandert (fictief)."""
    return tekort - extra_budget


def scenariobesparing(
    aantallen: Mapping[Uitstroomtype, float], besparing: Mapping[Uitstroomtype, float]
) -> float:
    """Totale besparing van een mix van uitstroom."""
    return sum(aantal * besparing[t] for t, aantal in aantallen.items())


@dataclass(frozen=True)
class Ambitie:
    """Afstand tot een ambitieniveau in de vergelijkingsgroep, in aandeel, euro's en personen."""

    kostenaandeel: float
    grens: float
    gap: float
    extra_lks_uitgaven: float
    personen: float


def ambitie_lks(
    kostenaandeel: float, grens: float, macrobudget_volgend_jaar: float, prijs_lks: float
) -> Ambitie:
    """Hoeveel extra LKS-inzet nodig is om het kostenaandeel op de grens te brengen.

    Het verschil in aandeel maal het macrobudget geeft de extra uitgaven; gedeeld door de
    prijs van een jaar LKS het aantal personen.
    """
    gap = max(grens - kostenaandeel, 0.0)
    extra = gap * macrobudget_volgend_jaar
    return Ambitie(kostenaandeel, grens, gap, extra, extra / prijs_lks)


def verdeel_personen(personen: float, aandeel_alleenstaanden: float) -> dict[Uitstroomtype, float]:
    """Verdeel het (half naar boven afgeronde) aantal personen over alleenstaanden en
    gehuwden, beide met LKS."""
    totaal = float(math.floor(personen + 0.5))
    return {
        "alleenstaande_naar_lks": totaal * aandeel_alleenstaanden,
        "gehuwden_naar_lks": totaal * (1 - aandeel_alleenstaanden),
    }
