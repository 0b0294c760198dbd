"""Nederlandse notatie (Babel, nl_NL)."""

from __future__ import annotations

import datetime as dt

from vangnet import opmaak

NBSP = "\u00a0"


def test_bedragen():
    assert opmaak.bedrag(14176798, 1000) == f"€{NBSP}14.177.000"
    assert opmaak.bedrag(-791202, 1000) == f"€{NBSP}-791.000"
    assert opmaak.bedrag(19103.875, 0.01) == f"€{NBSP}19.103,88"
    assert opmaak.miljoen(575353325, 1) == f"€{NBSP}575,4{NBSP}mln"


def test_percentages_en_getallen():
    assert opmaak.percentage(0.055809) == "5,6%"
    assert opmaak.percentage(0.002815, 4) == "0,2815%"
    assert opmaak.getal(1017) == "1.017"
    assert opmaak.procentpunt(0.0007, 4) == f"0,0700{NBSP}procentpunt"


def test_half_naar_boven_afronden_zoals_het_rapport():
    # Babel zelf zou 28,25 naar 28,2 afronden (bankiersafronding)
    assert opmaak.getal(28.25, 1) == "28,3"
    assert opmaak.bedrag(0.5) == f"€{NBSP}1"


def test_datum_en_opsomming():
    assert opmaak.datum(dt.date(2026, 2, 25)) == "25 februari 2026"
    assert opmaak.opsomming(["2022", "2023", "2024"]) == "2022, 2023 en 2024"
    assert opmaak.jaartal(2025) == "2025"


def test_ten_opzichte_van_kiest_het_woord_bij_twee_cijfers():
    from vangnet.dossier.woorden import Richtingswoorden

    class Vast(Richtingswoorden):
        def waarde(self, id_, jaar=None):
            return {"tekort": 0.044, "drempel": 0.05, "hoog": 0.06}[id_]

    w = Vast()
    assert w.ten_opzichte_van("tekort", "drempel", 2025) == "onder"
    assert w.ten_opzichte_van("hoog", "drempel", 2025, "nog steeds boven") == "nog steeds boven"
    assert w.ten_opzichte_van("drempel", "drempel", 2025) == "gelijk aan"
