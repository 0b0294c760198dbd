"""Exact geld: bedragen en percentages worden exact berekend en één keer, half naar boven, afgerond.

De verwachte waarden rekenen de tests zelf uit met ``fractions.Fraction``, los van vangnet; de
rekenregels staan in het commentaar.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as st

from vangnet.cijfers.kern import formatteer
from vangnet.data.cellen import lees_getal
from vangnet.exact import afronden, exact
from vangnet.regels.parameters import laad_parameters, lees_yaml_exact
from vangnet.regels.vangnet import bepaal_vangnet, tekort, tekortpercentage

from conftest import PROJECT

P = laad_parameters()
BERGWAARD = PROJECT / "tests" / "fixtures" / "bergwaard"


def half_naar_boven(x: Fraction, decimalen: int) -> Fraction:
    """Onafhankelijke referentie: afronden op ``decimalen`` decimalen, ,5 van nul af."""
    schaal = Fraction(10) ** decimalen
    n = abs(x) * schaal
    heel = n.numerator // n.denominator
    if n - heel >= Fraction(1, 2):
        heel += 1
    return Fraction(heel if x >= 0 else -heel) / schaal


def nl(x: Fraction, decimalen: int) -> str:
    """Een afgeronde breuk in Nederlandse notatie (zonder duizendtallen), voor de vergelijking."""
    tekst = f"{Decimal(x.numerator) / Decimal(x.denominator):.{max(decimalen, 0)}f}"
    return tekst.replace(".", ",")


# -- afronden ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("waarde", "decimalen", "verwacht"), [
    (Fraction(595, 100), 1, Decimal("6.0")),        # 5,95 → 6,0 (een float zou 5,9 geven)
    (Fraction(3250025, 100), 0, Decimal("32500")),  # 32.500,25 → 32.500
    (Fraction(3250050, 100), 0, Decimal("32501")),  # 32.500,50 → 32.501
    (Fraction(-5, 2), 0, Decimal("-3")),            # van nul af
    (Fraction(24, 10), 0, Decimal("2")),
    (Fraction(791500), -3, Decimal("792000")),      # op duizendtallen
    (Fraction(1, 3), 4, Decimal("0.3333")),
])
def test_afronden_half_van_nul_af(waarde, decimalen, verwacht):
    assert afronden(waarde, decimalen) == verwacht


def test_een_kommagetal_wordt_via_zijn_decimale_weergave_exact():
    assert exact(0.1) == Fraction(1, 10)
    assert exact(Decimal("0.075")) == Fraction(3, 40)
    with pytest.raises(TypeError):
        exact(True)


def test_parameters_en_cellen_worden_exact_gelezen():
    assert lees_yaml_exact("waarde: 0.075")["waarde"] == Decimal("0.075")
    assert P.waarde("vangnet.regulier.meerjarige_drempel", 2025) == Decimal("0.075")
    assert lees_getal("0,2815") == Decimal("0.2815")
    assert lees_getal("14176798") == Decimal(14176798)


# -- eigenschappen: de getoonde waarde is de afronding van de exacte waarde ---------------------

@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=50, max_value=500_000), st.integers(min_value=-200, max_value=400))
@example(5_000, 119)  # budget 10.000.000, tekort 595.000: precies 5,95% → 6,0%
def test_het_getoonde_tekortpercentage_is_de_afronding_van_de_exacte_breuk(m, k):
    """Budget 2000·m en tekort m·k: het tekortpercentage is k/20 procent, dus voor elke oneven
    k precies een vijf op de tweede decimaal, de rand van de afronding op één decimaal."""
    budget, tekortbedrag = 2000 * m, m * k
    fractie = tekortpercentage(tekort(budget + tekortbedrag, budget), budget)
    verwacht = half_naar_boven(Fraction(k, 20), 1)
    assert fractie == Fraction(k, 2000)
    assert formatteer(fractie, "fractie", 1) == nl(verwacht, 1) + "%"


def _vijf_procent_regime(budget: int, tekort_2025: int):
    """Uitgebreid vangnet: 2022 en 2023 een tekort van 6%, 2024 1%; alleen 2025 varieert."""
    tekorten = {2022: budget * 6 // 100, 2023: budget * 6 // 100, 2024: budget // 100,
                2025: tekort_2025}
    return bepaal_vangnet(2025, tekorten, {j: budget for j in tekorten}, P)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=100, max_value=200_000), st.integers(min_value=1, max_value=10**6))
@example(100, 65_001)  # budget 10.000.000, tekort 565.001: € 32.500,50 → € 32.501
def test_de_getoonde_vangnetuitkering_is_de_afronding_van_het_exacte_product(m, extra):
    """Budget 100.000·m, tekort 5% van het budget plus ``extra``: tussen 5% en 10% vergoedt
    het uitgebreide vangnet de helft van het deel boven de drempel, dus precies extra / 2 —
    voor elke oneven ``extra`` een halve euro, de rand van de afronding op hele euro's."""
    budget = 100_000 * m
    extra = min(extra, budget * 5 // 100)  # binnen de eerste schijf (5% tot 10%)
    besluit = _vijf_procent_regime(budget, budget * 5 // 100 + extra)
    assert besluit.gekozen.regime == "uitgebreid" and besluit.in_aanmerking
    verwacht = Fraction(extra, 2)  # (tekort − 5% × budget) × 50%
    assert besluit.vangnetuitkering == verwacht
    assert formatteer(besluit.vangnetuitkering, "euro", 0) == \
        f"€\u00a0{int(half_naar_boven(verwacht, 0)):,}".replace(",", ".")
    assert afronden(besluit.vangnetuitkering, 2) == Decimal(extra) / 2


# -- de gevallen van het issue, door de hele keten ---------------------------------------------

def _dossier(tmp: Path, regels: list[str]) -> Path:
    data = tmp / "data"
    shutil.copytree(BERGWAARD, data)
    (data / "dossier.yaml").write_text(
        (data / "dossier.yaml").read_text(encoding="utf-8").replace("soort: regulier",
                                                                     "soort: uitgebreid"),
        encoding="utf-8")
    kop = "jaar,status_budget,status_kosten,budget,kosten,bron\n"
    (data / "buig.csv").write_text(kop + "\n".join(regels) + "\n", encoding="utf-8")
    return data


def test_kosten_van_10_565_001_geven_32_501_euro_en_centen_in_json(tmp_path: Path):
    data = _dossier(tmp_path, [
        "2022,definitief,gecontroleerd,10000000,10600000,test",
        "2023,definitief,gecontroleerd,10000000,10600000,test",
        "2024,definitief,gecontroleerd,10000000,10100000,test",
        "2025,definitief,gecontroleerd,10000000,10565001,test"])
    uit = subprocess.run([sys.executable, "-m", "vangnet.cli", "bereken", "--json", "--data",
                          str(data)], capture_output=True, text=True, check=True)
    gegevens = json.loads(uit.stdout)
    assert gegevens["vangnetuitkering"] == 32500.5  # (565.001 − 500.000) × 50%
    assert '"vangnetuitkering": 32500.5' in uit.stdout
    assert gegevens["tekort_pct"] == 5.65  # 565.001 / 10.000.000 = 5,65001% → 5,6500
    tekst = subprocess.run([sys.executable, "-m", "vangnet.cli", "bereken", "--data", str(data)],
                           capture_output=True, text=True, check=True).stdout
    assert "€ 32.501" in tekst.replace("\u00a0", " ")


def test_een_tekort_van_precies_5_95_procent_staat_er_als_6_0(tmp_path: Path):
    from vangnet.site.bouw import bouw

    data = _dossier(tmp_path, [
        "2022,definitief,gecontroleerd,10000000,10100000,test",
        "2023,definitief,gecontroleerd,10000000,10100000,test",
        "2024,definitief,gecontroleerd,10000000,10100000,test",
        "2025,definitief,gecontroleerd,10000000,10595000,test"])
    site = bouw(data, tmp_path / "site", pdf=False).map
    for pagina in ("", "dossier/tekort/", "raadsinformatiebrief/"):
        tekst = BeautifulSoup((site / pagina / "index.html").read_text(encoding="utf-8"),
                              "html.parser").select_one("article").get_text(" ")
        assert "6,0%" in tekst and "5,9%" not in tekst, pagina


def test_json_van_het_voorbeeld_heeft_centen(tmp_path: Path):
    uit = subprocess.run([sys.executable, "-m", "vangnet.cli", "bereken", "--json"],
                         capture_output=True, text=True, check=True, cwd=tmp_path)
    gegevens = json.loads(uit.stdout)
    # (791.202 / 14.176.798 − 5%) × 14.176.798 × 50% = (791.202 − 708.839,9) × 50% = 41.181,05
    assert gegevens["vangnetuitkering"] == 41181.05
    assert gegevens["tekort_pct"] == 5.581
    assert "41181.049999" not in uit.stdout


def test_een_deling_van_gehele_getallen_in_een_berekening_blijft_exact(cijfers):
    from fractions import Fraction

    # 52 weken / 12 maanden = 13/3, geen kommagetal 4,333333333333333
    assert cijfers.waarde("prijs.lks.weken_per_maand.2026") == Fraction(13, 3)
    # 14,71 × 37 × 52 × 1,08 × 1,25 × 0,5 = 19.103,877 precies
    assert cijfers.waarde("prijs.lks.2026") == Fraction("19103.877")
    # een som van gehele getallen blijft een geheel getal: 129 + 16 = 145
    assert cijfers.waarde("lks_treden.totaal") == 145
    assert isinstance(cijfers.waarde("lks_treden.totaal"), int)
