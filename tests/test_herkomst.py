"""Elk cijfer verklaart zichzelf, en de scenarioverkenner rekent zoals vangnet."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from vangnet.cijfers.verkenner import maak_verkenner, met
from vangnet.dossier.context import laad_context

from conftest import DATA
from hulp import tekst

BEDRAG_OF_PERCENTAGE = re.compile(r"€\s?-?\d[\d.]*(,\d+)?|\d+(,\d+)?\s?%")
PAGINAS_MET_TEKST = ["", "raadsinformatiebrief/", "aanvraag/", "dossier/inleiding/",
                     "dossier/budget-en-vangnet/", "dossier/tekort/", "dossier/oorzaken/",
                     "dossier/maatregelen/", "dossier/doorrekening/", "dossier/tot-slot/"]


@pytest.mark.parametrize("pagina", PAGINAS_MET_TEKST)
def test_elk_bedrag_en_percentage_heeft_herkomst(site: Path, pagina: str):
    """Geen bedrag of percentage in tekst of tabel dat niet naar zijn herkomst linkt."""
    soep = BeautifulSoup((site / pagina / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    artikel = soep.select_one("article")
    for weg in artikel.select("a.cijfer, svg, script, .grafiek__alt, figcaption, "
                              ".tabel__bron, .tabel__toelichting, details.grafiek__gegevens, "
                              "form.verkenner, .admonition, code, h1, h2, h3, caption"):
        weg.decompose()
    tekst = artikel.get_text(" ").replace("\u00a0", " ")
    zonder = [m.group(0) for m in BEDRAG_OF_PERCENTAGE.finditer(tekst)]
    assert not zonder, f"{pagina}: bedragen of percentages zonder herkomst: {zonder[:5]}"
    # en elke getalcel in een tabel is een cijfer met herkomst
    for cel in (BeautifulSoup((site / pagina / "index.html").read_text(encoding="utf-8"),
                              "html.parser").select("td.getal")):
        assert cel.select_one("a.cijfer") or cel.get_text(strip=True) in ("–", ""), cel


def test_herkomst_json_heeft_formule_bron_en_regel(site: Path):
    alles = json.loads((site / "herkomst" / "herkomst.json").read_text(encoding="utf-8"))
    uitkering = alles["vangnet.uitgebreid.uitkering.2025"]
    assert uitkering["formule"].replace("\u00a0", " ") == \
        "(5,5810% − 5,0%) × € 14.176.798 × 50%"
    assert "Tekortpercentage 2025" in uitkering["woorden"]
    # eerst de bron in woorden, dan ter controle de plek in het gegevensbestand
    gegevens = alles["buig.kosten.2025"]["gegevens"][0]
    assert gegevens.startswith("Rapport vangnet 2025, § 3 (tabel totaal BUIG")
    assert gegevens.endswith("ter controle: gegevensbestand buig.csv, regel 6, kolom kosten")
    assert any("Stb. 2025, 222" in r["titel"]
               for r in alles["vangnet.uitgebreid.grens_1.2025"]["referenties"])
    assert "Rapport vangnet 2025, § 3" in " ".join(alles["vangnet.uitkering.2025"]["bron"])


def test_ids_zijn_stabiel_over_jaren(cijfers):
    """De id bevat het jaar waarop het cijfer slaat, niet het aanvraagjaar."""
    assert "buig.tekort.2024" in cijfers and "buig.tekort.2023" in cijfers
    assert cijfers["buig.tekort.2024"].label == "Tekort 2024"


def test_verkenner_beginstand_is_gelijk_aan_de_berekening(cijfers):
    v = maak_verkenner(cijfers, 2025)
    uit = v.bereken(v.standaard)
    assert uit.vangnetuitkering == pytest.approx(cijfers.waarde("vangnet.uitkering.2025"))
    assert uit.resterend_tekort == pytest.approx(
        cijfers.waarde("doorrekening.resterend_tekort.2026"))
    assert uit.lks_budget == pytest.approx(cijfers.waarde("lks.budget_verwacht.2026"))
    assert uit.besparing == pytest.approx(
        cijfers.waarde("doorrekening.scenario.besparing.2026"))


def test_verkenner_gebruikt_de_staffels_uit_de_parameters(cijfers):
    v = maak_verkenner(cijfers, 2025)
    s = v.standaard
    # reguliere drempel van 7,5%: het tekort van 5,6% geeft niets
    assert v.bereken(met(s, regime="regulier", drempel=0.075)).vangnetuitkering == 0
    # drempel 2,5% bij het uitgebreide regime: schijven verschuiven naar 2,5–7,5% en > 7,5%
    verwacht = (0.055810 - 0.025) * 0.5 * 14176798
    assert v.bereken(met(s, drempel=0.025)).vangnetuitkering == pytest.approx(verwacht, rel=1e-4)
    # extra uitstroom van tien alleenstaanden zonder LKS bespaart tien prijzen
    extra = v.bereken(met(s, uitstroom_alleenstaande=10))
    assert extra.besparing - v.bereken(s).besparing == pytest.approx(
        10 * cijfers.waarde("prijs.alleenstaande.2026"))


def test_cli_uitleg_en_site_leggen_hetzelfde_uit(cijfers):
    from vangnet.cijfers.uitleg import leg_uit

    tekst = leg_uit("lks.budget_verwacht.2026", cijfers)
    alles = laad_context(DATA)
    assert "T-1-systematiek" in tekst
    assert alles.cijfers["lks.budget_verwacht.2026"].regel in tekst


@pytest.mark.parametrize(("formule", "uitkomst"), [
    ("€ 14.968.000 − € 14.176.798", 791_202),
    ("(5,5810% − 5,0%) × € 14.176.798 × 50%", (0.05581 - 0.05) * 14_176_798 * 0.5),
    ("0,2814% × € 644,4 mln", 1_813_341.6),
    ("€ -808 + 8", -800),
    ("€ 1.619.000 / € 575,35 mln", 1_619_000 / 575_350_000),
    ("0,0700 procentpunt × € 644,4 mln", 451_080),
])
def test_een_getoonde_formule_rekent_na_zoals_een_lezer(formule: str, uitkomst: float):
    from vangnet.cijfers.kern import reken_getoonde_formule

    assert reken_getoonde_formule(formule) == pytest.approx(uitkomst, rel=1e-9)


@pytest.mark.parametrize("formule", ["afgerond(23,6) × 50%", "geen uitkering: niet alle "
                                     "voorwaarden zijn vervuld", "__import__('os')", "1 / 0"])
def test_wat_geen_rekenkunde_is_wordt_niet_nagerekend(formule: str):
    from vangnet.cijfers.kern import reken_getoonde_formule

    assert reken_getoonde_formule(formule) is None


def test_is_of_ongeveer_volgt_de_getoonde_getallen(site: Path):
    t = tekst(site, "dossier/tekort/")
    # 5,5810% is afgerond: met de getoonde getallen komt er € 41.184 uit, niet € 41.181
    assert "(5,5810% − 5,0%) × € 14.176.798 × 50% ≈ € 41.181" in t
    assert "€ 14.968.000 − € 14.176.798 = € 791.202" in t


# -- korte, vaste namen ------------------------------------------------------------------------

def test_geen_vaste_naam_is_langer_dan_zestig_tekens(cijfers):
    """Een vaste naam staat in de uitleg bij een cijfer, op de herkomstpagina en in bijlage B
    van de PDF; een naam van meer dan zestig tekens loopt daar buiten de kantlijn."""
    te_lang = [f.id for f in cijfers if len(f.id) > 60]
    assert not te_lang, te_lang


def test_een_indicator_heet_naar_zijn_code_niet_naar_zijn_tekst(cijfers):
    # indicatoren.csv, kolom id: M12-6 is "Jongeren die na een preventief adviesgesprek ...";
    # doel 2025 is hoogstens 25%
    assert cijfers.waarde("indicator.m12_6.doel.2025") == 25
    label = cijfers["indicator.m12_6.doel.2025"].label
    assert "Jongeren die na een preventief adviesgesprek" in label
    assert not any(f.id.startswith("indicator.m12.") for f in cijfers)


def test_een_indicator_zonder_code_krijgt_de_maatregel_met_een_volgnummer():
    from vangnet.cijfers.maatregelen import indicatorcodes

    rijen = [{"id": None, "maatregel": "M02", "indicator": "a"},
             {"id": "M02-1", "maatregel": "M02", "indicator": "b"},
             {"id": None, "maatregel": "M02", "indicator": "c"},
             {"id": None, "maatregel": "M02", "indicator": "a"}]
    # a krijgt het eerste vrije volgnummer (M02-1 is al van b), c het volgende
    assert indicatorcodes(rijen) == {("M02", "a"): "M02-2", ("M02", "b"): "M02-1",
                                     ("M02", "c"): "M02-3"}


def test_een_code_voor_twee_indicatoren_is_een_fout(datakopie: Path):
    from vangnet.dossier.controle import volledige_controle

    from hulp import zet_cel

    zet_cel(datakopie / "indicatoren.csv", {"id": "M12-2", "jaar": "2025"}, "id", "M12-3")
    fouten = [str(m) for m in volledige_controle(datakopie).fouten]
    assert any("indicatoren.csv, rij 12, kolom 'id': de code 'M12-3' hoort al bij de indicator"
               in f for f in fouten), fouten


@pytest.mark.parametrize(("tekst", "maximum", "sleutel"), [
    # 54 tekens: alleen de hele woorden die in 40 tekens passen
    ("Niet verschenen op herhaalde oproep inlichtingenplicht", 40,
     "niet_verschenen_op_herhaalde_oproep"),
    ("Inkomsten uit arbeid", 40, "inkomsten_uit_arbeid"),
    ("6 Betaald werk, zonder groeipotentie", 29, "6_betaald_werk_zonder"),
])
def test_idsleutel_kapt_af_op_hele_woorden(tekst: str, maximum: int, sleutel: str):
    from vangnet.cijfers.analyse import idsleutel

    assert idsleutel(tekst, maximum) == sleutel
