"""``vangnet landelijk``: alle gemeenten uit één tabel.

De verwachte uitkomsten zijn met de hand uitgerekend, met de rekensom in het commentaar; de
code onder test rekent ze nergens voor. Alle budgetten zijn € 1.000.000 (tenzij anders
vermeld), zodat een tekort van € 75.000 precies 7,5% is. Regels (vangnet/parameters):

- regulier vangnet (vanaf 2019): tekort in het jaar méér dan 7,5%, en de som van de tekorten
  over het jaar en de twee jaren ervoor, gedeeld door het budget van het jaar zelf, méér dan
  7,5%; vergoeding 50% van 7,5% tot 12,5%, 100% daarboven;
- uitgebreid vangnet (vanaf 2025): tekort in het jaar méér dan 5%, en in minstens 2 van de 3
  jaren ervoor een tekort van minstens 5%; vergoeding 50% van 5% tot 10%, 100% daarboven;
- beide van toepassing: het regime met de hoogste uitkering; zonder uitkering het regime met
  de laagste drempel waarvan de meerjarige voorwaarde is vervuld, anders het reguliere.

In 2024 geldt alleen het reguliere vangnet (2022–2024 nodig), in 2025 beide (2022–2025 nodig).
"""

# De fixtures browser en server komen uit test_browser.py (Chromium van Debian, een eigen
# server per module); als argument van een test lijken ze voor ruff een tweede definitie.
# ruff: noqa: F811

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_browser import WCAG, Bezoek, _ids, _kapotte_link, browser, server  # noqa: F401

from vangnet.cli import main

from hulp import tekst

B = 1_000_000
"""Het budget van elk jaar, tenzij anders vermeld."""


def _rij(gemeente: str, jaar: int, tekort: int | str, budget: int = B,
         fouten: str = "") -> list[str]:
    """Een rij met kosten = budget + tekort (+ fouten en onzekerheden)."""
    kosten = f"{budget + int(tekort) + int(fouten or 0)}" if isinstance(tekort, int) else tekort
    return [gemeente, str(jaar), str(budget), kosten, fouten]


def _gemeente(naam: str, tekorten: dict[int, int | str], **extra) -> list[list[str]]:
    return [_rij(naam, j, t, **extra) for j, t in tekorten.items()]


def _reeks(naam: str, t22: int, t23: int, t24: int, t25: int | None = None) -> list[list[str]]:
    tekorten = {2022: t22, 2023: t23, 2024: t24}
    if t25 is not None:
        tekorten[2025] = t25
    return _gemeente(naam, tekorten)


TABEL: list[list[str]] = [
    # -- regulier vangnet, getoetst over 2024 --------------------------------------------
    # 2024: 75.000 / 1.000.000 = 7,5% is niet méér dan 7,5%: niet in aanmerking
    *_reeks("Regulier op de drempel", 100_000, 100_000, 75_000),
    # 2024: 75.001 / 1.000.000 = 7,5001% > 7,5%; samen (100.000 + 100.000 + 75.001) = 27,5001%
    # uitkering (7,5001% − 7,5%) × 1.000.000 × 50% = 1 × 0,5 = € 0,50
    *_reeks("Regulier net boven de drempel", 100_000, 100_000, 75_001),
    # 2024: 12,5%: (12,5% − 7,5%) × 1.000.000 × 50% = € 25.000
    *_reeks("Regulier op de schijfgrens", 100_000, 100_000, 125_000),
    # 2024: 15%: 25.000 + (15% − 12,5%) × 1.000.000 × 100% = 25.000 + 25.000 = € 50.000
    *_reeks("Regulier boven de schijfgrens", 100_000, 100_000, 150_000),
    # 2024: 10% > 7,5%, maar samen −12.500 − 12.500 + 100.000 = 75.000 = 7,5%, niet méér:
    # de meerjarige voorwaarde faalt, geen uitkering (met overschotten in 2022 en 2023)
    *_reeks("Meerjarig op de drempel", -12_500, -12_500, 100_000),
    # samen −12.499 − 12.500 + 100.000 = 75.001 = 7,5001% > 7,5%: in aanmerking,
    # (10% − 7,5%) × 1.000.000 × 50% = € 12.500
    *_reeks("Meerjarig net erboven", -12_499, -12_500, 100_000),
    # de meerjarige som gaat over het budget van 2024 alleen: 2022 en 2023 hebben een budget
    # van 2.000.000 en geen tekort; 2024: 80.000 / 1.000.000 = 8%, samen 80.000 / 1.000.000 =
    # 8% > 7,5% (over alle budgetten zou het 80.000 / 5.000.000 = 1,6% zijn)
    # uitkering (8% − 7,5%) × 1.000.000 × 50% = € 2.500
    _rij("Meerjarig over het eigen budget", 2022, 0, budget=2_000_000),
    _rij("Meerjarig over het eigen budget", 2023, 0, budget=2_000_000),
    _rij("Meerjarig over het eigen budget", 2024, 80_000),
    # kosten 1.075.000,01: tekort 75.000,01 = 7,500001%; uitkering (75.000,01 − 75.000) × 50%
    # = € 0,005 precies, half van nul af: € 0,01 (een float gaf 0,004999…)
    _rij("Halve cent", 2022, 100_000), _rij("Halve cent", 2023, 100_000),
    _rij("Halve cent", 2024, "1075000.01"),
    _rij("Halve cent bis", 2022, 100_000), _rij("Halve cent bis", 2023, 100_000),
    _rij("Halve cent bis", 2024, "1075000.01"),
    # fouten en onzekerheden 80.000 tellen niet mee: kosten 1.200.000 − 80.000 − 1.000.000 =
    # tekort 120.000 = 12%; uitkering (12% − 7,5%) × 1.000.000 × 50% = € 22.500
    # (zonder aftrek: 20%, 25.000 + 75.000 = € 100.000)
    _rij("Fouten en onzekerheden", 2022, 100_000), _rij("Fouten en onzekerheden", 2023, 100_000),
    _rij("Fouten en onzekerheden", 2024, 120_000, fouten="80000"),
    # overschot: 2024 −50.000 = −5%; samen −30.000 − 40.000 − 50.000 = −12%: niets
    *_reeks("Overschot", -30_000, -40_000, -50_000),
    # -- uitgebreid vangnet, getoetst over 2025 ------------------------------------------
    # 2025: 5% is niet méér dan 5%; 2022–2024 elk 6% ≥ 5%. Regulier: 5% ≤ 7,5%, samen 2023–2025
    # 60.000 + 60.000 + 50.000 = 17% > 7,5%. Geen uitkering; beide meerjarige voorwaarden
    # vervuld, dus het regime met de laagste drempel: uitgebreid, 5%
    *_reeks("Uitgebreid op de drempel", 60_000, 60_000, 60_000, 50_000),
    # 2025: 5,0001%: (5,0001% − 5%) × 1.000.000 × 50% = € 0,50; regulier: 5,0001% ≤ 7,5%
    *_reeks("Uitgebreid net boven de drempel", 60_000, 60_000, 60_000, 50_001),
    # 2025: 10%: uitgebreid (10% − 5%) × 1.000.000 × 50% = € 25.000; regulier (10% − 7,5%) ×
    # 1.000.000 × 50% = € 12.500 (samen 22% > 7,5%); de hoogste: uitgebreid € 25.000
    *_reeks("Uitgebreid op de schijfgrens", 60_000, 60_000, 60_000, 100_000),
    # 2025: 15%: uitgebreid 25.000 + (15% − 10%) × 1.000.000 = € 75.000; regulier 25.000 +
    # (15% − 12,5%) × 1.000.000 = € 50.000; de hoogste: uitgebreid € 75.000
    *_reeks("Uitgebreid boven de schijfgrens", 60_000, 60_000, 60_000, 150_000),
    # voorgaande jaren precies 5% tellen mee (minstens): 2022 en 2023 5%, 2024 0% → 2 van 3.
    # 2025 8%: uitgebreid (8% − 5%) × 1.000.000 × 50% = € 15.000; regulier (8% − 7,5%) ×
    # 1.000.000 × 50% = € 2.500 (samen 5% + 0% + 8% = 13%); uitgebreid € 15.000
    *_reeks("Voorgaande jaren op de drempel", 50_000, 50_000, 0, 80_000),
    # 2023 4,9999% < 5%: 1 van 3, uitgebreid vervalt. Regulier: 8% > 7,5%, samen 4,9999% + 0% +
    # 8% = 12,9999% > 7,5%: (8% − 7,5%) × 1.000.000 × 50% = € 2.500
    *_reeks("Voorgaand jaar net onder de drempel", 50_000, 49_999, 0, 80_000),
    # 2025 6%, eerdere jaren 0%: uitgebreid 0 van 3; regulier 6% ≤ 7,5% en samen 6% ≤ 7,5%.
    # Geen regime waarvan de meerjarige voorwaarde is vervuld: het reguliere (hoogste drempel)
    *_reeks("Geen toegang", 0, 0, 0, 60_000),
    # -- niet te toetsen -----------------------------------------------------------------
    # 2024 ontbreekt: de toets over 2025 heeft 2022–2025 nodig; 2025 wordt gemeld, niet geschat
    *_gemeente("Jaar ontbreekt", {2022: 60_000, 2023: 60_000, 2025: 100_000}),
    # kosten 2025 nog niet bekend (lege cel)
    *_reeks("Kosten onbekend", 60_000, 60_000, 60_000), ["Kosten onbekend", "2025", str(B), "", ""],
    # 2018: geen regime in de parameters; wel een jaar waarop de toets over 2020 rust.
    # 2020: 8% > 7,5%, samen 10% + 10% + 8% = 28%: (8% − 7,5%) × 1.000.000 × 50% = € 2.500
    *_gemeente("Vroeg", {2018: 100_000, 2019: 100_000, 2020: 80_000}),
]
KOP = ["gemeente", "jaar", "budget", "kosten", "fouten_onzekerheden"]


def schrijf_tabel(pad: Path, rijen: list[list[str]] = TABEL, kop: list[str] = KOP,
                  scheiding: str = ",") -> Path:
    with pad.open("w", encoding="utf-8", newline="") as f:
        schrijver = csv.writer(f, delimiter=scheiding, lineterminator="\n")
        schrijver.writerow(kop)
        schrijver.writerows(rijen)
    return pad


def draai(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["landelijk", *args])
    uit = capsys.readouterr()
    return code, uit.out, uit.err


@pytest.fixture
def tabel(tmp_path: Path) -> Path:
    return schrijf_tabel(tmp_path / "gemeenten.csv")


@pytest.fixture
def json_uit(tabel: Path, capsys) -> dict[tuple[str, int], dict]:
    code, uit, fout = draai(capsys, str(tabel), "--json")
    assert code == 0, fout
    regels = [json.loads(r) for r in uit.splitlines()]
    assert len(regels) == len(TABEL)  # één regel per rij van de tabel, niets weggelaten
    return {(r["gemeente"], r["jaar"]): r for r in regels}


@pytest.mark.parametrize(("gemeente", "jaar", "tekort_pct", "regime", "drempel", "in_aanmerking",
                          "uitkering"), [
    ("Regulier op de drempel", 2024, 7.5, "regulier", 7.5, False, 0.0),
    ("Regulier net boven de drempel", 2024, 7.5001, "regulier", 7.5, True, 0.5),
    ("Regulier op de schijfgrens", 2024, 12.5, "regulier", 7.5, True, 25_000.0),
    ("Regulier boven de schijfgrens", 2024, 15.0, "regulier", 7.5, True, 50_000.0),
    ("Meerjarig op de drempel", 2024, 10.0, "regulier", 7.5, False, 0.0),
    ("Meerjarig net erboven", 2024, 10.0, "regulier", 7.5, True, 12_500.0),
    ("Meerjarig over het eigen budget", 2024, 8.0, "regulier", 7.5, True, 2_500.0),
    ("Halve cent", 2024, 7.5, "regulier", 7.5, True, 0.01),  # 7,500001% → 4 decimalen: 7,5
    ("Fouten en onzekerheden", 2024, 12.0, "regulier", 7.5, True, 22_500.0),
    ("Overschot", 2024, -5.0, "regulier", 7.5, False, 0.0),
    ("Uitgebreid op de drempel", 2025, 5.0, "uitgebreid", 5.0, False, 0.0),
    ("Uitgebreid net boven de drempel", 2025, 5.0001, "uitgebreid", 5.0, True, 0.5),
    ("Uitgebreid op de schijfgrens", 2025, 10.0, "uitgebreid", 5.0, True, 25_000.0),
    ("Uitgebreid boven de schijfgrens", 2025, 15.0, "uitgebreid", 5.0, True, 75_000.0),
    ("Voorgaande jaren op de drempel", 2025, 8.0, "uitgebreid", 5.0, True, 15_000.0),
    ("Voorgaand jaar net onder de drempel", 2025, 8.0, "regulier", 7.5, True, 2_500.0),
    ("Geen toegang", 2025, 6.0, "regulier", 7.5, False, 0.0),
    ("Vroeg", 2020, 8.0, "regulier", 7.5, True, 2_500.0),
])
def test_elke_bandrand_met_de_hand_uitgerekend(json_uit, gemeente, jaar, tekort_pct, regime,
                                                drempel, in_aanmerking, uitkering):
    r = json_uit[(gemeente, jaar)]
    assert r["berekend"] is True and r["reden"] is None
    assert (r["tekort_pct"], r["regime"], r["drempel_pct"], r["in_aanmerking"],
            r["vangnetuitkering"]) == (tekort_pct, regime, drempel, in_aanmerking, uitkering)


def test_voorwaarden_en_beide_regimes_staan_in_de_json(json_uit):
    # regulier en uitgebreid in 2025 naast elkaar: € 12.500 en € 25.000 (zie de tabel)
    schijfgrens = json_uit[("Uitgebreid op de schijfgrens", 2025)]["regimes"]
    assert schijfgrens["regulier"]["vangnetuitkering"] == 12_500.0
    assert schijfgrens["uitgebreid"]["vangnetuitkering"] == 25_000.0
    # de meerjarige som 75.000 / 1.000.000 = 7,5%: niet vervuld
    meerjarig = json_uit[("Meerjarig op de drempel", 2024)]["regimes"]["regulier"]["voorwaarden"]
    assert [(v["code"], v["voldaan"]) for v in meerjarig] == [("jaar", True),
                                                               ("meerjarig", False)]
    assert meerjarig[1]["waarde_pct"] == 7.5 and meerjarig[1]["jaren"] == [2022, 2023, 2024]
    # 2022 en 2023 precies 5%, 2024 0%: twee jaren, en 2 is genoeg
    voorgaand = json_uit[("Voorgaande jaren op de drempel", 2025)]["regimes"]["uitgebreid"]
    assert voorgaand["voorwaarden"][1] | {"omschrijving": ""} == {
        "code": "voorgaande_jaren", "omschrijving": "", "voldaan": True, "jaren": [2022, 2023],
        "waarde": 2, "grens": 2}
    # 2023 4,9999%: alleen 2022 telt, 1 < 2
    onder = json_uit[("Voorgaand jaar net onder de drempel", 2025)]["regimes"]["uitgebreid"]
    assert (onder["voorwaarden"][1]["waarde"], onder["in_aanmerking"]) == (1, False)


def test_bedragen_tekort_en_fouten_in_de_json(json_uit):
    f = json_uit[("Fouten en onzekerheden", 2024)]
    # kosten 1.000.000 + 120.000 + 80.000 = 1.200.000; tekort 1.200.000 − 80.000 − 1.000.000
    assert (f["budget"], f["kosten"], f["fouten_onzekerheden"], f["tekort"], f["resultaat"]) == (
        1_000_000.0, 1_200_000.0, 80_000.0, 120_000.0, -120_000.0)
    o = json_uit[("Overschot", 2024)]
    assert (o["tekort"], o["resultaat"]) == (-50_000.0, 50_000.0)


def test_ontbrekende_jaren_worden_gemeld_en_niet_geschat(json_uit):
    ontbreekt = json_uit[("Jaar ontbreekt", 2025)]
    assert ontbreekt["berekend"] is False
    assert ontbreekt["reden"] == ("De toets over 2025 heeft budget en kosten nodig van 2022, "
                                  "2023, 2024 en 2025; in de tabel ontbreken die voor 2024.")
    # het tekort zelf is wel bekend: 100.000 / 1.000.000 = 10%; de toets niet
    assert ontbreekt["tekort_pct"] == 10.0
    assert [ontbreekt[k] for k in ("regime", "drempel_pct", "in_aanmerking", "vangnetuitkering",
                                   "regimes")] == [None] * 5
    onbekend = json_uit[("Kosten onbekend", 2025)]
    assert (onbekend["berekend"], onbekend["kosten"], onbekend["tekort_pct"]) == (False, None,
                                                                                  None)
    assert onbekend["reden"] == "De kosten over 2025 ontbreken in de tabel."
    # 2022 heeft 2020 en 2021 nodig; 2023 heeft 2021 nodig
    assert json_uit[("Overschot", 2022)]["reden"] == (
        "De toets over 2022 heeft budget en kosten nodig van 2020, 2021 en 2022; in de tabel "
        "ontbreken die voor 2020 en 2021.")
    assert json_uit[("Overschot", 2023)]["reden"].endswith("ontbreken die voor 2021.")
    assert json_uit[("Vroeg", 2018)]["reden"] == (
        "Voor budgetjaar 2018 is geen vangnetregime vastgelegd in de parameters.")
    assert json_uit[("Vroeg", 2019)]["reden"].endswith("ontbreken die voor 2017.")


def test_csv_op_het_scherm_met_voorwaarden_en_exacte_afronding(tabel: Path, capsys):
    code, uit, fout = draai(capsys, str(tabel))
    assert code == 0
    rijen = {(r["gemeente"], r["jaar"]): r for r in csv.DictReader(io.StringIO(uit))}
    assert len(rijen) == len(TABEL)
    halve = rijen[("Halve cent", "2024")]
    # € 0,005 exact wordt € 0,01; 7,500001% op vier decimalen 7,5000
    assert (halve["vangnetuitkering"], halve["tekort_pct"], halve["kosten"]) == (
        "0.01", "7.5000", "1075000.01")
    m = rijen[("Meerjarig op de drempel", "2024")]
    assert (m["regulier_jaar"], m["regulier_meerjarig"], m["regulier_meerjarig_pct"],
            m["in_aanmerking"], m["uitgebreid_jaar"]) == ("ja", "nee", "7.5000", "nee", "")
    v = rijen[("Voorgaande jaren op de drempel", "2025")]
    assert (v["uitgebreid_voorgaande_jaren"], v["uitgebreid_jaren_boven_drempel"],
            v["regulier_vangnetuitkering"], v["uitgebreid_vangnetuitkering"],
            v["vangnetuitkering"]) == ("ja", "2", "2500.00", "15000.00", "15000.00")
    assert rijen[("Jaar ontbreekt", "2025")]["berekend"] == "nee"
    # de samenvatting en de kanttekening over de andere eisen staan op stderr
    assert "financiële voorwaarden" in fout and "gemeente-jaren" in fout


def test_uit_schrijft_csv_json_en_een_samenvatting_per_jaar(tabel: Path, tmp_path: Path, capsys):
    map_ = tmp_path / "uit"
    code, uit, _ = draai(capsys, str(tabel), "--uit", str(map_))
    assert code == 0 and "samenvatting_per_jaar.csv" in uit
    assert len((map_ / "uitkomsten.jsonl").read_text(encoding="utf-8").splitlines()) == len(TABEL)
    with (map_ / "samenvatting_per_jaar.csv").open(encoding="utf-8") as f:
        per_jaar = {r["jaar"]: r for r in csv.DictReader(f)}
    # 2025: negen gemeenten met een rij (7 uitgebreid-gevallen, Jaar ontbreekt, Kosten
    # onbekend), 7 getoetst. Regime uitgebreid: op de drempel, net boven, schijfgrens, boven,
    # voorgaande jaren op de drempel = 5; regulier: net onder de drempel, geen toegang = 2.
    # In aanmerking uitgebreid 4 (niet: op de drempel), regulier 1 (net onder de drempel).
    # Uitkering uitgebreid 0,50 + 25.000 + 75.000 + 15.000 = 115.000,50; regulier 2.500.
    assert per_jaar["2025"] == {
        "jaar": "2025", "gemeenten": "9", "berekend": "7", "niet_berekend": "2",
        "regime_regulier": "2", "regime_uitgebreid": "5", "in_aanmerking_regulier": "1",
        "in_aanmerking_uitgebreid": "4", "in_aanmerking": "5",
        "vangnetuitkering_regulier": "2500.00", "vangnetuitkering_uitgebreid": "115000.50",
        "vangnetuitkering": "117500.50"}
    # 2024: 9 regulier-gevallen (op de drempel, net boven, schijfgrens, boven, meerjarig op de
    # drempel, net erboven, eigen budget, twee halve centen), fouten, overschot, de 7
    # uitgebreid-gevallen en Kosten onbekend: 9 + 1 + 1 + 7 + 1 = 19, alle getoetst, regulier.
    # In aanmerking: net boven, schijfgrens, boven, meerjarig net erboven, eigen budget, twee
    # halve centen, fouten = 8. Uitkering: 0,50 + 25.000 + 50.000 + 12.500 + 2.500 + 0,005 +
    # 0,005 + 22.500 = 112.500,51 exact; per rij afgerond was het 112.500,52 geweest.
    assert per_jaar["2024"]["gemeenten"] == "19"
    assert per_jaar["2024"]["berekend"] == "19"
    assert per_jaar["2024"]["in_aanmerking_regulier"] == "8"
    assert per_jaar["2024"]["vangnetuitkering"] == "112500.51"
    # 2018 en 2019: alleen Vroeg, niet getoetst (geen regime; 2017 ontbreekt)
    assert (per_jaar["2018"]["niet_berekend"], per_jaar["2019"]["niet_berekend"]) == ("1", "1")


def test_dezelfde_uitkomst_als_bereken_json_voor_het_voorbeelddossier(tmp_path: Path, capsys):
    """Zevenaar uit data/buig.csv als landelijke tabel: elk getoetst jaar geeft precies de JSON
    van ``vangnet bereken --alle-jaren`` (dezelfde regels, dezelfde afronding)."""
    from conftest import DATA

    with (DATA / "buig.csv").open(encoding="utf-8") as f:
        rijen = [["Zevenaar", r["jaar"], r["budget"], r["kosten"], r["fouten_onzekerheden"]]
                 for r in csv.DictReader(f)]
    tabel = schrijf_tabel(tmp_path / "zevenaar.csv", rijen)
    assert main(["bereken", "--alle-jaren", "--data", str(DATA)]) == 0
    dossier = [json.loads(r) for r in capsys.readouterr().out.splitlines()]
    code, uit, _ = draai(capsys, str(tabel), "--json")
    assert code == 0
    landelijk = {r["jaar"]: r for r in map(json.loads, uit.splitlines())}
    assert [d["jaar"] for d in dossier] == [2023, 2024, 2025]
    for d in dossier:
        r = landelijk[d["jaar"]]
        assert (r.pop("berekend"), r.pop("reden")) == (True, None)
        assert r == d
    assert landelijk[2025]["vangnetuitkering"] == 41181.05  # zoals in de README
    assert landelijk[2026]["reden"] == "Budget en kosten over 2026 ontbreken in de tabel."


def test_350_gemeenten_maal_10_jaar(tmp_path: Path, capsys):
    """De omvang van de landelijke tabel: 350 gemeenten, 2016–2025. Gemeente g heeft elk jaar
    een budget van 1.000.000 + g en een tekort van g × 100 euro (0 tot 34.900): overal onder
    de drempels, behalve waar hieronder uitgerekend."""
    rijen = [[f"Gemeente {g:03d}", str(j), str(B + g), str(B + g + g * 100), ""]
             for g in range(350) for j in range(2016, 2026)]
    # Gemeente 349 krijgt in 2025 een tekort van 100.000 + 349 = 100.349 op 1.000.349: net
    # boven 10% (100.349 / 1.000.349 = 10,0314…%); de jaren ervoor 34.900 / 1.000.349 = 3,49%
    # < 5%, dus geen uitgebreid vangnet. Regulier: 10,03% > 7,5%, samen (34.900 + 34.900 +
    # 100.349) / 1.000.349 = 17,0% > 7,5%: (100.349 − 75.026,175) × 50% = € 12.661,4125,
    # afgerond € 12.661,41 (75.026,175 = 7,5% van 1.000.349)
    rijen[-1][3] = str(B + 349 + 100_349)
    tabel = schrijf_tabel(tmp_path / "nl.csv", rijen)
    code, uit, _ = draai(capsys, str(tabel), "--json")
    assert code == 0
    regels = [json.loads(r) for r in uit.splitlines()]
    assert len(regels) == 3500
    # 2016–2018 zonder regime, 2019–2025 getoetst: 7 × 350 = 2.450
    assert sum(r["berekend"] for r in regels) == 2450
    assert {r["jaar"] for r in regels if not r["berekend"]} == {2016, 2017, 2018}
    in_aanmerking = [r for r in regels if r["in_aanmerking"]]
    assert [(r["gemeente"], r["jaar"], r["regime"], r["vangnetuitkering"])
            for r in in_aanmerking] == [("Gemeente 349", 2025, "regulier", 12661.41)]


def test_puntkomma_en_decimale_komma_zoals_nederlandse_excel(tmp_path: Path, capsys):
    rijen = [["A", str(j), "1000000", "1075000,01", ""] for j in (2022, 2023, 2024)]
    tabel = schrijf_tabel(tmp_path / "excel.csv", rijen, scheiding=";")
    code, uit, _ = draai(capsys, str(tabel))
    assert code == 0
    # zoals "Halve cent": (75.000,01 − 75.000) × 50% = € 0,005 → € 0,01
    assert list(csv.DictReader(io.StringIO(uit)))[2]["vangnetuitkering"] == "0.01"


# -- invoer met fouten: een Nederlandse melding met bestand, rij en kolom, afsluitcode 1 ----

@pytest.mark.parametrize(("rijen", "kop", "melding"), [
    ([["Alfa", "2024", "€ 1.000.000", "1075000", ""]], KOP,
     "gemeenten.csv, rij 2, kolom 'budget': '€ 1.000.000' bevat een euroteken. Schrijf alleen "
     "het getal, zonder € (bijvoorbeeld 1000000)."),
    ([["Alfa", "2024", "1.000.000", "1075000", ""]], KOP,
     "gemeenten.csv, rij 2, kolom 'budget': '1.000.000' gebruikt scheidingstekens voor "
     "duizendtallen."),
    ([["Alfa", "2024", "1000000", "-5", ""]], KOP,
     "gemeenten.csv, rij 2, kolom 'kosten': de waarde -5 mag niet negatief zijn."),
    ([["Alfa", "2024,5", "1000000", "1075000", ""]], KOP,
     "gemeenten.csv, rij 2, kolom 'jaar': '2024,5' is geen geheel getal."),
    ([["", "2024", "1000000", "1075000", ""]], KOP,
     "gemeenten.csv, rij 2, kolom 'gemeente': deze cel is leeg, maar is verplicht."),
    ([["Alfa", "2024", "0", "1075000", ""]], KOP,
     "gemeenten.csv, rij 2, kolom 'budget': het budget is 0. Vul het toegekende budget in "
     "euro's in."),
    ([["Alfa", "2024", "1000000", "1075000", ""], ["Alfa", "2024", "1000000", "1080000", ""]],
     KOP, "gemeenten.csv, rij 2, kolom 'gemeente': gemeente Alfa, jaar 2024 komt dubbel voor "
     "(ook in rij 3). Houd één rij over; tel bedragen eventueel eerst op."),
    ([["Alfa", "2024", "1000000", "1075000", ""], ["Totaal", "2024", "1000000", "1075000", ""]],
     KOP, "gemeenten.csv, rij 3, kolom 'gemeente': deze rij lijkt een totaalrij. Verwijder de "
     "rij: vangnet berekent totalen zelf."),
    ([["Alfa", "2024", "1000000", "1075000"]], ["gemeente", "jaar", "budget", "kostn"],
     "gemeenten.csv, rij 1: onbekende kolom 'kostn'. Bedoelt u 'kosten'?"),
    ([["Alfa", "2024", "1000000"]], ["gemeente", "jaar", "budget"],
     "gemeenten.csv, rij 1: de verplichte kolom 'kosten' ontbreekt."),
])
def test_foute_invoer_geeft_een_nederlandse_melding(tmp_path: Path, capsys, rijen, kop, melding):
    tabel = schrijf_tabel(tmp_path / "gemeenten.csv", rijen, kop)
    code, uit, fout = draai(capsys, str(tabel))
    assert code == 1
    assert uit == ""
    assert fout.startswith("De gegevens bevatten fouten:")
    assert melding in fout
    assert "Traceback" not in fout


def test_alle_fouten_tegelijk(tmp_path: Path, capsys):
    rijen = [["Alfa", "2024", "€ 1", "1075000", ""], ["Beta", "2024", "1000000", "abc", ""]]
    code, _, fout = draai(capsys, str(schrijf_tabel(tmp_path / "gemeenten.csv", rijen)))
    assert code == 1
    assert "rij 2, kolom 'budget'" in fout and "rij 3, kolom 'kosten': 'abc' is geen getal." in fout


def test_een_ods_werkmap_wordt_niet_gelezen_maar_benoemd(tmp_path: Path, capsys):
    pad = tmp_path / "gemeenten.ods"
    pad.write_bytes(b"PK\x03\x04")
    code, _, fout = draai(capsys, str(pad))
    assert code == 1
    assert "gemeenten.ods: vangnet leest een LibreOffice-werkmap (.ods) niet." in fout
    assert "Excel-werkmap (.xlsx)" in fout and "CSV UTF-8" in fout


def test_een_kapotte_xlsx_geeft_een_melding(tmp_path: Path, capsys):
    pad = tmp_path / "gemeenten.xlsx"
    pad.write_bytes(b"PK\x03\x04")
    code, _, fout = draai(capsys, str(pad))
    assert code == 1 and "geen leesbare Excel-werkmap" in fout and "Traceback" not in fout


def _als_werkmap(pad: Path, rijen: list[list[object]], kop: list[str] = KOP) -> Path:
    from openpyxl import Workbook

    werkmap = Workbook()
    blad = werkmap.active
    blad.title = "Gemeenten"
    blad.append(kop)
    for rij in rijen:
        blad.append(rij)
    werkmap.save(pad)
    return pad


def test_een_xlsx_geeft_dezelfde_uitkomst_als_de_csv(tabel: Path, tmp_path: Path, capsys):
    """Getallen als getal in de cel (zoals Excel ze bewaart), lege cellen leeg."""
    from decimal import Decimal

    rijen = [[g, int(j), *(float(Decimal(c)) if c else None for c in rest)]
             for g, j, *rest in TABEL]
    werkmap = _als_werkmap(tmp_path / "gemeenten.xlsx", rijen)
    code, uit_csv, fout = draai(capsys, str(tabel), "--json")
    assert code == 0, fout
    code, uit_xlsx, fout = draai(capsys, str(werkmap), "--json")
    assert code == 0, fout
    assert uit_xlsx == uit_csv


def test_een_getal_als_tekst_en_een_datum_als_jaar_in_een_werkmap(tmp_path: Path, capsys):
    import datetime as dt

    rijen = [["Aa", 2024, "1.000.000", 1_050_000, None],
             ["Aa", dt.datetime(2025, 1, 1), 1_000_000, 1_060_000, None]]
    werkmap = _als_werkmap(tmp_path / "gemeenten.xlsx", rijen)
    code, _, fout = draai(capsys, str(werkmap))
    assert code == 1 and "Traceback" not in fout
    assert ("gemeenten.xlsx, werkblad Gemeenten, rij 2, kolom C (budget): '1.000.000' staat als "
            "tekst in de cel, niet als getal.") in fout
    assert "gemeenten.xlsx, werkblad Gemeenten, rij 3, kolom B (jaar): de cel is een datum" in fout


def test_een_ontbrekende_kolom_in_een_werkmap(tmp_path: Path, capsys):
    werkmap = _als_werkmap(tmp_path / "gemeenten.xlsx", [["Aa", 2024, 1_000_000]],
                           kop=["gemeente", "jaar", "budget"])
    code, _, fout = draai(capsys, str(werkmap))
    assert code == 1 and "gemeenten.xlsx, werkblad Gemeenten" in fout and "kosten" in fout


@pytest.mark.parametrize(("pad", "melding"), [
    ("bestaat-niet.csv", "bestaat-niet.csv: het bestand ontbreekt."),
    (".", "dit is een map, geen tabel."),
])
def test_geen_tabel(tmp_path: Path, capsys, pad: str, melding: str):
    code, _, fout = draai(capsys, str(tmp_path / pad))
    assert code == 1 and melding in fout and "Traceback" not in fout


def test_eigen_controles_over_de_hele_tabel(tabel: Path):
    """De plek voor de plausibiliteitsregels: een controle krijgt de gevalideerde tabel en geeft
    meldingen met bestand, rij en kolom."""
    from vangnet.landelijk.tabel import CONTROLES, lees_tabel
    from vangnet.meldingen import Gegevensfout, Melding

    def tekort_boven_tien_procent(t):
        return [Melding(t.naam, "tekort boven 10%.", rij=r.rij, kolom="kosten")
                for r in t.rijen if r.kosten and r.budget and r.kosten > r.budget * 11 / 10]

    with pytest.raises(Gegevensfout) as fout:
        lees_tabel(tabel, controles=(*CONTROLES, tekort_boven_tien_procent))
    # kosten boven 1.100.000: 1.125.000, 1.150.000, 1.200.000 (2024) en 1.150.000 (2025);
    # precies 1.100.000 (Uitgebreid op de schijfgrens, Jaar ontbreekt) niet
    meldingen = fout.value.meldingen
    assert [TABEL[m.rij - 2][0] for m in meldingen] == [
        "Regulier op de schijfgrens", "Regulier boven de schijfgrens", "Fouten en onzekerheden",
        "Uitgebreid boven de schijfgrens"]
    assert all(m.bestand == "gemeenten.csv" and m.kolom == "kosten" for m in meldingen)
    assert lees_tabel(tabel).rijen[0].gemeente == "Regulier op de drempel"


# Plausibiliteit: dezelfde regels als voor buig.csv van een dossier. Aa vult in 2024 het budget
# in duizenden in (10.000 tegenover 10.000.000 in de jaren ernaast: factor 1.000); daardoor ligt
# ook het tekort van 2024 ver boven 50% van dat budget. Bee heeft in 2024 kosten van 9.000.000 op
# 5.000.000 budget: 80% boven het budget, meer dan de helft. Cee blijft binnen de grenzen
# (5.400.000 op 5.000.000: 8%).
ONWAARSCHIJNLIJK = [
    ["Aa", "2022", "10000000", "10300000", ""], ["Aa", "2023", "10000000", "10400000", ""],
    ["Aa", "2024", "10000", "10500000", ""], ["Aa", "2025", "10000000", "10600000", ""],
    ["Bee", "2024", "5000000", "9000000", ""], ["Bee", "2025", "5000000", "5100000", ""],
    ["Cee", "2024", "5000000", "5400000", ""],
]


def test_plausibiliteitsregels_gelden_ook_voor_de_landelijke_tabel(tmp_path: Path, capsys):
    pad = schrijf_tabel(tmp_path / "landelijk.csv", ONWAARSCHIJNLIJK)
    code, uit, fout = draai(capsys, str(pad))
    assert code == 1 and uit == "" and "Traceback" not in fout
    regels = [r.replace("\u00a0", " ") for r in fout.splitlines() if r.startswith("- ")]
    assert len(regels) == 3
    assert regels[0].startswith("- landelijk.csv, rij 4, kolom 'budget': € 10.000 is ongeveer "
                                "1.000 keer zo klein als in de jaren ernaast")
    assert "sleutel: {gemeente: Aa, jaar: 2024, kolom: budget}" in regels[0]
    assert regels[1].startswith("- landelijk.csv, rij 4, kolom 'kosten'")
    # (9.000.000 − 5.000.000) / 5.000.000 = 80%
    assert regels[2].startswith("- landelijk.csv, rij 6, kolom 'kosten': de kosten "
                                "(€ 9.000.000) liggen 80% boven het budget (€ 5.000.000)")
    assert "Cee" not in fout


def test_bevestigde_uitzonderingen_en_een_vergeten_bevestiging(tmp_path: Path, capsys):
    pad = schrijf_tabel(tmp_path / "landelijk.csv", ONWAARSCHIJNLIJK)
    bevestigd = tmp_path / "bevestigd.yaml"
    regels = [("duizendvoud", "{gemeente: Aa, jaar: 2024, kolom: budget}"),
              ("tekort_buiten_marge", "{gemeente: Aa, jaar: 2024}"),
              ("tekort_buiten_marge", "{gemeente: Bee, jaar: 2024}")]
    bevestigd.write_text("bevestigd:\n" + "".join(
        f"  - regel: {r}\n    bestand: landelijk.csv\n    sleutel: {k}\n"
        "    reden: Nagekeken in de jaarrekening.\n" for r, k in regels), encoding="utf-8")
    code, uit, fout = draai(capsys, str(pad), "--bevestigd", str(bevestigd), "--json")
    assert code == 0, fout
    assert {json.loads(r)["gemeente"] for r in uit.splitlines()} == {"Aa", "Bee", "Cee"}
    # een bevestiging die nergens bij past blijft niet stil staan
    bevestigd.write_text(bevestigd.read_text(encoding="utf-8")
                         + "  - regel: tekort_buiten_marge\n    bestand: landelijk.csv\n"
                         "    sleutel: {gemeente: Cee}\n    reden: Vergeten.\n",
                         encoding="utf-8")
    code, _, fout = draai(capsys, str(pad), "--bevestigd", str(bevestigd))
    assert code == 1
    assert "past bij geen enkele bevinding" in fout and "'gemeente': 'Cee'" in fout
    assert fout.count("\n- ") == 1, fout
    # een bevestiging zonder reden: de melding noemt bestand, regel en veld
    bevestigd.write_text("bevestigd:\n  - regel: duizendvoud\n    bestand: landelijk.csv\n",
                         encoding="utf-8")
    code, _, fout = draai(capsys, str(pad), "--bevestigd", str(bevestigd))
    assert code == 1 and "bevestigd.yaml, rij 2, kolom 'bevestigd.0.reden'" in fout


def test_json_samen_met_uit(tabel: Path, tmp_path: Path, capsys):
    code, uit, fout = draai(capsys, str(tabel), "--json", "--uit", str(tmp_path / "u"))
    assert code == 0
    assert len(uit.splitlines()) == len(TABEL)
    assert (tmp_path / "u" / "uitkomsten.csv").exists() and "Geschreven in" in fout


# -- de statische site -----------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    map_ = tmp_path_factory.mktemp("landelijk")
    tabel = schrijf_tabel(map_ / "gemeenten.csv")
    assert main(["landelijk", str(tabel), "--site", str(map_ / "site")]) == 0
    return map_ / "site"


def test_elke_gemeente_krijgt_een_eigen_bestandsnaam():
    from vangnet.site.landelijk import slugs

    assert slugs(["'s-Hertogenbosch", "Súdwest-Fryslân", "Bergen (NH.)", "Bergen (L.)",
                  "Bergen NH", "Index"]) == {
        "'s-Hertogenbosch": "s-hertogenbosch", "Súdwest-Fryslân": "sudwest-fryslan",
        "Bergen (NH.)": "bergen-nh", "Bergen (L.)": "bergen-l", "Bergen NH": "bergen-nh-2",
        "Index": "index-2"}


@pytest.mark.traag
def test_site_heeft_per_jaar_en_per_gemeente_een_pagina(site: Path):
    assert (site / "index.html").exists()
    # de jaren met een rij in de tabel: 2018–2020 (Vroeg) en 2022–2025; 2021 komt niet voor
    jaren = sorted(p.name for p in (site / "jaren").iterdir() if (p / "index.html").exists())
    assert jaren == ["2018", "2019", "2020", "2022", "2023", "2024", "2025"]
    assert (site / "gemeenten" / "uitgebreid-op-de-schijfgrens" / "index.html").exists()
    start = tekst(site, "")
    assert "Alleen de financiële voorwaarden." in start
    jaar = tekst(site, "jaren/2025")
    # zie test_uit_schrijft_csv_json_en_een_samenvatting_per_jaar: 5 in aanmerking, € 117.500,50
    assert "5 gemeenten voldoen aan de financiële voorwaarden" in jaar
    assert "€ 117.501" in jaar  # getoond in hele euro's, half van nul af


def test_site_vervangt_geen_map_met_iets_anders(tabel: Path, tmp_path: Path, capsys):
    map_ = tmp_path / "documenten"
    map_.mkdir()
    (map_ / "brief.txt").write_text("niet weggooien", encoding="utf-8")
    code, _, fout = draai(capsys, str(tabel), "--site", str(map_))
    assert code == 1
    assert "deze map bestaat al en is geen site van 'vangnet landelijk'" in fout
    assert (map_ / "brief.txt").read_text(encoding="utf-8") == "niet weggooien"


@pytest.mark.traag
def test_een_tweede_bouw_vervangt_de_vorige_site(site: Path, tmp_path: Path, capsys):
    import shutil

    kopie = tmp_path / "site"
    shutil.copytree(site, kopie)
    (kopie / "oud.html").write_text("oud", encoding="utf-8")
    tabel = schrijf_tabel(tmp_path / "gemeenten.csv", TABEL[:3])  # Regulier op de drempel, 3 jaar
    code, _, _ = draai(capsys, str(tabel), "--site", str(kopie))
    assert code == 0
    assert not (kopie / "oud.html").exists()
    assert sorted(p.name for p in (kopie / "gemeenten").iterdir()) == ["regulier-op-de-drempel"]


@pytest.mark.traag
def test_uitleg_per_gemeente_met_formule_en_ingevulde_waarden(site: Path):
    uitleg = tekst(site, "gemeenten/uitgebreid-op-de-schijfgrens")
    # (10% − 5%) × 1.000.000 × 50% = 25.000, zoals in de herkomst van een dossier
    assert "Vangnetuitkering 2025 € 25.000" in uitleg
    assert "= (10,0000% − 5,0%) × € 1.000.000 × 50%" in uitleg
    assert "Gegevens: gemeenten.csv, rij" in uitleg
    assert "Parameter vangnet.uitgebreid.vergoeding" in uitleg
    fouten = tekst(site, "gemeenten/fouten-en-onzekerheden")
    assert "= € 1.200.000 − € 80.000 − € 1.000.000" in fouten
    ontbreekt = tekst(site, "gemeenten/jaar-ontbreekt")
    assert "Niet getoetst. De toets over 2025 heeft budget en kosten nodig van 2022, 2023, 2024 " \
        "en 2025; in de tabel ontbreken die voor 2024." in ontbreekt


# -- in Chromium: axe (WCAG 2.1 AA), geen verzoeken naar derden, werkende links, toetsenbord --

GETOETSTE_PAGINAS = ["", "jaren/2018/", "jaren/2020/", "jaren/2022/", "jaren/2023/",
                     "jaren/2024/", "jaren/2025/", "gemeenten/uitgebreid-op-de-schijfgrens/",
                     "gemeenten/fouten-en-onzekerheden/", "gemeenten/jaar-ontbreekt/",
                     "gemeenten/vroeg/", "404.html"]


@pytest.mark.browser
def test_in_chromium_toegankelijk_zonder_verzoeken_naar_derden(browser, server: str, site: Path):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    ids = _ids(site)
    problemen: list[str] = []
    for pad in GETOETSTE_PAGINAS:
        bezoek = Bezoek(browser, server, pad)
        p = bezoek.pagina
        if pad.startswith("jaren/"):
            # het filter verschijnt pas met JavaScript; de grafiek is een statische SVG
            assert p.is_visible("form.landelijk-filter"), pad
            assert p.query_selector_all(".grafiek__beeld[role=img] svg path"), pad
        problemen += [f"{pad}: consolefout {f}" for f in bezoek.fouten]
        problemen += [f"{pad}: extern verzoek {u}" for u in bezoek.extern]
        for href in p.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            fout = _kapotte_link(href, server, ids)
            if fout:
                problemen.append(f"{pad}: {fout}")
        uitslag = axe.run(p, options={"runOnly": {"type": "tag", "values": WCAG},
                                      "resultTypes": ["violations"]})
        for v in uitslag.response["violations"]:
            doelen = [n["target"] for n in v["nodes"]][:3]
            problemen.append(f"{pad}: axe {v['id']} ({v['impact']}): {doelen}")
        bezoek.sluit()
    assert not problemen, "\n".join(problemen)


@pytest.mark.browser
def test_sorteren_en_filteren_met_het_toetsenbord(browser, server: str):
    bezoek = Bezoek(browser, server, "jaren/2025/")
    p = bezoek.pagina

    def zichtbaar() -> list[str]:
        return p.eval_on_selector_all(
            "#gemeenten-2025-blok tbody tr:not([hidden]) th",
            "els => els.map(e => e.textContent.trim())")

    status = p.locator("[data-status]")
    assert len(zichtbaar()) == 9  # negen gemeenten met een rij voor 2025
    p.focus("#zoek-2025")
    p.keyboard.type("BOVEN")  # hoofdletters en accenten tellen niet
    assert sorted(zichtbaar()) == ["Uitgebreid boven de schijfgrens",
                                   "Uitgebreid net boven de drempel"]
    assert status.inner_text() == "2 van 9 gemeenten getoond."
    p.keyboard.press("Control+A")
    p.keyboard.press("Backspace")
    p.keyboard.press("Tab")  # naar de keuze van het regime
    assert p.evaluate("document.activeElement.id") == "regime-2025"
    p.select_option("#regime-2025", "uitgebreid")
    # uitgebreid: op de drempel, net boven, schijfgrens, boven, voorgaande jaren op de drempel
    assert len(zichtbaar()) == 5
    kop = p.locator("th[data-sorteer]", has=p.locator("button", has_text="Vangnetuitkering"))
    kop.locator("button").focus()
    p.keyboard.press("Enter")
    assert kop.get_attribute("aria-sort") == "ascending"
    # oplopend: 0 (op de drempel), 0,50, 15.000, 25.000, 75.000
    assert zichtbaar() == ["Uitgebreid op de drempel", "Uitgebreid net boven de drempel",
                           "Voorgaande jaren op de drempel", "Uitgebreid op de schijfgrens",
                           "Uitgebreid boven de schijfgrens"]
    p.keyboard.press("Space")
    assert kop.get_attribute("aria-sort") == "descending"
    assert zichtbaar()[0] == "Uitgebreid boven de schijfgrens"
    assert status.inner_text() == ("5 van 9 gemeenten getoond, gesorteerd op vangnetuitkering, "
                                   "aflopend.")
    # de naam leidt naar de uitleg van dat jaar
    with p.expect_navigation():
        p.locator("#gemeenten-2025-blok tbody a", has_text="Uitgebreid boven de schijfgrens"
                  ).click()
    assert p.url.endswith("/gemeenten/uitgebreid-boven-de-schijfgrens/#jaar-2025"), p.url
    assert not bezoek.fouten and not bezoek.extern
    bezoek.sluit()


@pytest.mark.browser
@pytest.mark.parametrize("pad", ["", "jaren/2025/", "gemeenten/uitgebreid-op-de-schijfgrens/"])
def test_geen_horizontaal_scrollen_op_een_telefoon(browser, server: str, pad: str):
    bezoek = Bezoek(browser, server, pad, breedte=375)
    breedte = bezoek.pagina.evaluate("document.documentElement.scrollWidth")
    bezoek.sluit()
    assert breedte <= 376, f"{pad} is {breedte}px breed op een scherm van 375px"
