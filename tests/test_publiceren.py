"""De jaarcyclus: publiceren met versies per gemeente, een nieuw jaar klaarzetten, niets
aanraken bij fouten.

De cyclus zelf staat in ``jaarcyclus.py`` en draait één keer (fixture ``jaarcyclus``): in een
tijdelijke git-repository staat 2025 van het voorbeeld gepubliceerd zoals een eerdere versie
van vangnet dat deed (in de wortel van de branch); daarna ``nieuw-jaar 2026`` met testgegevens,
2026 publiceren (de oude versie verhuist naar de map van de gemeente), een tweede gemeente in
dezelfde repository, een dossiermap met niet vastgelegde wijzigingen en een kapotte dataset
voor 2027.
"""

from __future__ import annotations

import zipfile

from vangnet.data.cellen import MARKERING


def test_een_onvolledige_aanvraag_wordt_alleen_als_concept_gepubliceerd(jaarcyclus):
    assert "instemming van de gemeenteraad ontbreekt" in jaarcyclus["onvolledig_geweigerd"]
    assert jaarcyclus["branch_na_weigering"] is None


def test_een_gepubliceerd_jaar_wordt_niet_per_ongeluk_overschreven(jaarcyclus):
    """Ook een versie die nog in de wortel staat (van vóór de indeling per gemeente) telt."""
    assert "al gepubliceerd" in jaarcyclus["dubbel_geweigerd"]
    voor, na = jaarcyclus["branch_na_dubbel"]
    assert voor == na


def test_een_dossiermap_met_niet_vastgelegde_wijzigingen_wordt_geweigerd(jaarcyclus):
    assert "niet in git zijn vastgelegd" in jaarcyclus["weigering_vuil"]
    assert "niet in git zijn vastgelegd" in jaarcyclus["bergwaard_vuil_geweigerd"]
    ongecommit = jaarcyclus["bergwaard_ongecommit"]
    assert ongecommit.ongecommit
    assert "niet in git zijn vastgelegd" in jaarcyclus["bergwaard_index"]


def test_het_colofon_noemt_de_commit_van_de_gegevens(jaarcyclus):
    tweede = jaarcyclus["tweede"]
    assert len(tweede.gegevenscommit) == 12
    assert f"commit {tweede.gegevenscommit}" in jaarcyclus["index_2026"]
    # ook de PDF's van het dossier en het formulier noemen de commit (pdftotext breekt regels)
    for naam, tekst in jaarcyclus["pdf_2026"].items():
        assert tweede.gegevenscommit in " ".join(tekst.split()), naam


def test_oude_versies_verhuizen_naar_de_map_van_de_gemeente_en_verwijzen_door(jaarcyclus):
    oud, na = jaarcyclus["oud_2025"], jaarcyclus["bestanden_2025_na"]
    # dezelfde bestanden, byte voor byte, nu onder zevenaar/
    assert {k.replace("2025/", "zevenaar/2025/", 1): v for k, v in oud.items()} == na
    # op de oude plaats: HTML verwijst door, een PDF blijft staan
    doorverwijzing = jaarcyclus["doorverwijzing_2025"]
    assert 'url=../../../zevenaar/2025/dossier/tekort/index.html' in doorverwijzing
    assert '<html lang="nl">' in doorverwijzing
    pdf = "2025/pdf/vangnet-zevenaar-2025.pdf"
    assert jaarcyclus["oud_2025_na"][pdf] == oud[pdf]


def test_een_tweede_gemeente_raakt_de_eerste_niet(jaarcyclus):
    assert jaarcyclus["bergwaard"].map == "bergwaard"
    voor, na = jaarcyclus["zevenaar_na_bergwaard"]
    assert voor == na
    startpagina = jaarcyclus["startpagina"]
    assert 'href="bergwaard/"' in startpagina and 'href="zevenaar/"' in startpagina
    assert ">Bergwaard<" in startpagina and ">Zevenaar<" in startpagina


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
    assert jaarcyclus["tweede"].map == "zevenaar"
    versies = jaarcyclus["versies"]
    assert sorted(versies) == ["2025", "2026"]
    assert versies["2026"]["aliases"] == ["latest"]
    assert versies["2025"]["aliases"] == []
    assert jaarcyclus["bestanden_latest"].keys() == {
        k.replace("zevenaar/2026/", "zevenaar/latest/", 1) for k in jaarcyclus["bestanden_2026"]}


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
    map_ = jaarcyclus["export"] / "zevenaar"
    assert (map_ / "versions.json").exists() and (map_ / "index.html").exists()
    assert (map_ / "2025" / "index.html").exists() and (map_ / "latest" / "index.html").exists()
    doorsturen = (map_ / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in doorsturen and 'href="latest/"' in doorsturen
    assert "Redirecting" not in doorsturen
    with zipfile.ZipFile(jaarcyclus["zip"]) as z:
        namen = set(z.namelist())
    assert "zevenaar/2026/pdf/vangnet-zevenaar-2026.pdf" in namen
    assert "zevenaar/versions.json" in namen and "bergwaard/versions.json" in namen


def _zichtbaar(html: str) -> str:
    from bs4 import BeautifulSoup

    artikel = BeautifulSoup(html, "html.parser").select_one("article")
    return " ".join(artikel.get_text(" ").split()) if artikel else ""


def test_na_nieuw_jaar_staat_elke_overgenomen_tekst_in_een_kader_te_herzien(jaarcyclus):
    """Geen passage uit 2025 staat in het concept van 2026 als actueel: elke eigen tekst van
    het voorbeeld die op een pagina staat, staat binnen een kader 'Te herzien'."""
    from bs4 import BeautifulSoup

    from conftest import DATA

    gevonden = 0
    for pad in sorted((DATA / "teksten").glob("*.md")):
        regels = [r for r in pad.read_text(encoding="utf-8").splitlines()
                  if r and not r.startswith("---") and ":" not in r[:12] and "{" not in r]
        zin = " ".join(regels[0].split()[:6])
        for pagina, html in jaarcyclus["concept_2026"].items():
            soep = BeautifulSoup(html, "html.parser")
            for element in soep.select("article p, article li"):
                if zin in " ".join(element.get_text(" ").split()):
                    gevonden += 1
                    kader = element.find_parent(class_="admonition")
                    assert kader is not None and "te-herzien" in kader["class"], (pad.name,
                                                                                   pagina)
    assert gevonden >= 10


def test_een_overgenomen_tekst_met_cijfers_die_er_nog_niet_zijn_wordt_niet_getoond(jaarcyclus):
    """oorzaken.bezwaar.md vergelijkt het tekort van t met t - 1; na nieuw-jaar bestaat het
    tekort over 2026 nog niet. Het concept bouwt, en zegt in het kader waarom de tekst ontbreekt
    (bij een tekst die al voor 2026 is herzien, blijft zo'n verwijzing een fout)."""
    tekst = _zichtbaar(jaarcyclus["concept_2026"]["dossier/oorzaken"])
    assert "wordt niet getoond: de tekst verwijst naar het cijfer 'buig.tekort.2026'" in tekst
    assert "Lees hem na voor 2026" in tekst


def test_een_overgenomen_kengetal_toont_zijn_jaar(jaarcyclus):
    tekst = _zichtbaar(jaarcyclus["concept_2026"]["dossier/oorzaken"])
    assert "In het vierde kwartaal van 2025 stonden er" in tekst
    assert "sinds het begin van 2025" in tekst


def test_een_bron_die_zei_dat_de_waarde_onbekend_was_verdwijnt(jaarcyclus):
    regel = next(r for r in jaarcyclus["huishoudens_2026"].splitlines() if r.startswith("2026,"))
    assert "nog niet bekend" not in regel and "IN TE VULLEN" in regel


def test_parameters_zijn_per_jaar_bevestigd(jaarcyclus):
    """De Voorwaarden 2025 bevestigen de staffel voor 2025, niet voor 2026; de normbedragen voor
    2027 zijn er nog niet: de tekst en de rekenverantwoording zeggen dat."""
    verantwoording = _zichtbaar(jaarcyclus["concept_2026"]["rekenverantwoording"])
    assert "voor dit jaar niet bevestigd" in verantwoording
    assert "de laatst bekende waarde, van 2026" in verantwoording
    doorrekening = _zichtbaar(jaarcyclus["concept_2026"]["dossier/doorrekening"])
    assert "voor 2027 is nog niet vastgelegd; de berekening gebruikt de laatst bekende waarde, " \
        "van 2026" in doorrekening
    verantwoording_2025 = _zichtbaar(jaarcyclus["tekort_2025"])
    assert "voor dit jaar niet bevestigd" not in verantwoording_2025
