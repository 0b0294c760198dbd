"""Gouden tests: de cijfers van het rapport, opnieuw berekend uit data/.

De verwachte waarden staan in ``golden/rapport_2025.yaml``, overgenomen uit het rapport, met
per geval de afrondingsmarge en de afleiding daarvan. Niets hier is met vangnet zelf berekend.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from vangnet.exact import afronden
from vangnet.regels import doorrekening as d

GOUDEN = yaml.safe_load((Path(__file__).parent / "golden" / "rapport_2025.yaml").read_text())
_PROCENT = {"fractie", "procentpunt"}


@pytest.mark.parametrize("geval", GOUDEN, ids=[g["cijfer"] for g in GOUDEN])
def test_cijfer_uit_het_rapport(geval, cijfers):
    cijfer = cijfers[geval["cijfer"]]
    berekend = cijfer.waarde * (100 if cijfer.eenheid in _PROCENT else 1)
    assert abs(berekend - geval["rapport"]) <= geval["marge"], (
        f"{geval['naam']}: berekend {berekend}, rapport {geval['rapport']}"
    )


def test_regime_2025_is_uitgebreid_omdat_2022_en_2023_boven_vijf_procent_lagen(cijfers):
    besluit = cijfers.waarde("vangnet.besluit.2025")
    assert besluit.gekozen.regime == "uitgebreid"
    assert besluit.in_aanmerking
    voorgaand = next(v for v in besluit.toets("uitgebreid").voorwaarden
                     if v.code == "voorgaande_jaren")
    assert voorgaand.jaren == (2022, 2023)


def test_het_reguliere_vangnet_zou_over_2025_niets_opleveren(cijfers):
    regulier = cijfers.waarde("vangnet.besluit.2025").toets("regulier")
    assert not regulier.in_aanmerking
    assert regulier.vangnetuitkering == 0
    jaar = next(v for v in regulier.voorwaarden if v.code == "jaar")
    assert not jaar.voldaan, "5,6% ligt onder de drempel van 7,5%"


@pytest.mark.parametrize(
    ("soort", "rapport"),
    [("alleenstaande", 28.3), ("alleenstaande_naar_lks", 106.7), ("gehuwden", 19.1),
     ("gehuwden_naar_lks", 37.9)],
)
def test_benodigde_uitstroom_voor_het_tekort_uit_het_rapport(soort, rapport, cijfers):
    """Met het bedrag dat het rapport gebruikt (€ 734.010) komen de aantallen uit § 6.3."""
    besparing = cijfers.waarde(f"doorrekening.besparing.{soort}.2026")
    assert afronden(d.benodigde_uitstroom(734010, besparing), 1) == Decimal(str(rapport))


def test_besparing_twaalf_plus_twaalf_uit_het_rapport(cijfers):
    besparing = {s: cijfers.waarde(f"doorrekening.besparing.{s}.2026")
                 for s in ("alleenstaande_naar_lks", "gehuwden_naar_lks")}
    totaal = d.scenariobesparing({"alleenstaande_naar_lks": 12, "gehuwden_naar_lks": 12},
                                 besparing)
    assert afronden(totaal, 1) == Decimal("314684.7")
    assert afronden(734010 - totaal, -3) == 419000


def test_tussenstappen_van_de_prijzen_uit_de_tabellen_van_paragraaf_6_2(cijfers):
    rapport = {
        "prijs.gehuwden.normbedrag_jaar.2026": 24025.56,
        "prijs.gehuwden.vakantietoeslag.2026": 1922.04,
        "prijs.gehuwden.afdrachten_bruto.2026": 15617.86,
        "prijs.gehuwden.afdrachten_netto.2026": 12502.86,
        "prijs.alleenstaande.afdrachten_netto.2026": 7817.57,
        "prijs.lks.minimumloon_jaar.2026": 28302.04,
        "prijs.lks.werkgeverslasten_bedrag.2026": 7641.55,
        "prijs.lks.loonkosten.2026": 38207.75,
        "doorrekening.besparing.alleenstaande_naar_lks.2026": 6877.14,
        "doorrekening.besparing.gehuwden_naar_lks.2026": 19346.59,
    }
    for cijfer, waarde in rapport.items():
        assert afronden(cijfers.waarde(cijfer), 2) == Decimal(str(waarde)), cijfer


def test_vangnetuitkering_ligt_binnen_de_afrondingsmarge_die_vangnet_zelf_noemt(cijfers):
    """De marge uit de afrondingsanalyse is analytisch ±250 (kosten ±500 × 50%)."""
    from vangnet.cijfers.marge import afrondingsmarge

    marge = afrondingsmarge(cijfers, "vangnet.uitkering.2025")
    assert 249 < marge < 251.5
    assert abs(cijfers.waarde("vangnet.uitkering.2025") - 41075) <= marge
