"""De jaarcyclus: publiceren met versies, een nieuw jaar klaarzetten, niets aanraken bij fouten.

De cyclus zelf staat in ``jaarcyclus.py`` en draait één keer (fixture ``jaarcyclus``): in een
tijdelijke git-repository 2025 publiceren uit de ingebedde gegevens (als concept, want de
instemming van de raad ontbreekt), ``nieuw-jaar 2026`` met testgegevens, 2026 publiceren en een
kapotte dataset voor 2027 proberen.
"""

from __future__ import annotations

import zipfile

from vangnet.data.cellen import MARKERING


def test_een_onvolledige_aanvraag_wordt_alleen_als_concept_gepubliceerd(jaarcyclus):
    assert "instemming van de gemeenteraad ontbreekt" in jaarcyclus["onvolledig_geweigerd"]
    assert jaarcyclus["branch_na_weigering"] is None
    eerste = jaarcyclus["eerste"]
    assert eerste.versie == "2025" and eerste.concept
    assert jaarcyclus["versies_na_2025"] == [
        {"version": "2025", "title": "2025 (concept)", "aliases": ["latest"]}]
    assert "2025/pdf/vangnet-zevenaar-2025.pdf" in jaarcyclus["bestanden_2025_voor"]


def test_een_gepubliceerd_jaar_wordt_niet_per_ongeluk_overschreven(jaarcyclus):
    assert "al gepubliceerd" in jaarcyclus["dubbel_geweigerd"]
    voor, na = jaarcyclus["branch_na_dubbel"]
    assert voor == na


def test_nieuw_jaar_markeert_wat_moet_worden_ingevuld(jaarcyclus):
    assert any("buig.csv" in s for s in jaarcyclus["stappen_2026"])
    assert any("buig.csv, rij 7, kolom 'kosten': deze cel moet nog worden ingevuld" in m
               for m in jaarcyclus["open_2026_leeg"])
    assert "moeten nog worden ingevuld" in jaarcyclus["weigering_2026_leeg"]
    voor, na = jaarcyclus["branch_na_lege_2026"]
    assert voor == na, "een mislukte publicatie raakt de branch niet"
    assert MARKERING not in jaarcyclus["rest_markeringen"]


def test_beide_jaren_bestaan_met_latest_naar_het_nieuwste(jaarcyclus):
    assert not jaarcyclus["tweede"].concept
    versies = jaarcyclus["versies"]
    assert sorted(versies) == ["2025", "2026"]
    assert versies["2026"]["aliases"] == ["latest"]
    assert versies["2025"]["aliases"] == []
    assert jaarcyclus["bestanden_latest"].keys() == {
        k.replace("2026/", "latest/", 1) for k in jaarcyclus["bestanden_2026"]}


def test_de_bestanden_van_2025_zijn_byte_voor_byte_ongewijzigd(jaarcyclus):
    assert jaarcyclus["bestanden_2025_na"] == jaarcyclus["bestanden_2025_voor"]


def test_elke_versie_toont_haar_eigen_cijfers(jaarcyclus):
    t2025, t2026 = jaarcyclus["tekort_2025"], jaarcyclus["tekort_2026"]
    assert "komt over 2025 in aanmerking" in t2025
    assert "komt over 2026 in aanmerking" in t2026
    assert "€\u00a01.022.000" in t2026 and "€\u00a01.022.000" not in t2025
    assert "<strong>Concept</strong>" in t2025 and "<strong>Concept</strong>" not in t2026
    assert '"provider":"mike"' in jaarcyclus["index_2026"].replace(" ", "")


def test_kapotte_gegevens_voor_2027_veranderen_niets(jaarcyclus):
    assert jaarcyclus["publiceer_2027_afsluitcode"] == 1
    voor, na = jaarcyclus["branch_na_2027"]
    assert voor == na
    assert jaarcyclus["versies_na_2027"] == ["2025", "2026"]


def test_export_als_map_en_als_zip(jaarcyclus):
    map_ = jaarcyclus["export"]
    assert (map_ / "versions.json").exists() and (map_ / "index.html").exists()
    assert (map_ / "2025" / "index.html").exists() and (map_ / "latest" / "index.html").exists()
    doorsturen = (map_ / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in doorsturen and 'href="latest/"' in doorsturen
    assert "Redirecting" not in doorsturen
    with zipfile.ZipFile(jaarcyclus["zip"]) as z:
        namen = set(z.namelist())
    assert "2026/pdf/vangnet-zevenaar-2026.pdf" in namen and "versions.json" in namen
