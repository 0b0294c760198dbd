"""De gebouwde site: inhoud, cijfers, formaten en werking voor andere gegevens."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from vangnet.site.bouw import bouw

from conftest import DATA, PROJECT
from hulp import tekst, verwijder_rapportwaarden, zet_cel, zet_tekorten

PAGINAS = ["", "raadsinformatiebrief/", "dossier/inleiding/", "dossier/budget-en-vangnet/",
           "dossier/tekort/", "dossier/oorzaken/", "dossier/maatregelen/",
           "dossier/doorrekening/", "dossier/tot-slot/", "rekenverantwoording/", "herkomst/",
           "gegevens/"]


@pytest.mark.parametrize("pagina", PAGINAS)
def test_elke_pagina_is_gebouwd_in_het_nederlands(site: Path, pagina: str):
    inhoud = (site / pagina / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in inhoud
    assert "Vangnetuitkering Zevenaar 2025" in inhoud
    zichtbaar = BeautifulSoup(inhoud, "html.parser").body.get_text(" ")
    for engels in ("Made with", "Skip to content", "Back to top", "Table of contents"):
        assert engels not in zichtbaar, engels


def test_de_foutpagina_is_nederlands(site: Path):
    inhoud = (site / "404.html").read_text(encoding="utf-8")
    zichtbaar = BeautifulSoup(inhoud, "html.parser").body.get_text(" ")
    assert "Pagina niet gevonden" in zichtbaar
    assert "Not found" not in zichtbaar


def test_hoofdstuk_drie_toont_de_cijfers_van_het_rapport(site: Path):
    t = tekst(site, "dossier/tekort/")
    for stuk in ("€ 791.000", "5,6%", "komt over 2025 in aanmerking voor het uitgebreide vangnet",
                 "eigenrisicodrempel van 5,0%", "2022 en 2023",
                 "(5,5810% − 5,0%) × € 14.176.798 × 50%", "€ 41.075",
                 "Onder het reguliere vangnet zou de gemeente niets ontvangen"):
        assert stuk in t, stuk


def test_elk_cijfer_linkt_naar_een_bestaande_herkomst(site: Path):
    herkomst = (site / "herkomst" / "index.html").read_text(encoding="utf-8")
    ankers = set(re.findall(r'<dt id="([^"]+)"', herkomst))
    assert len(ankers) > 300
    for pagina in PAGINAS:
        soep = BeautifulSoup((site / pagina / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        for link in soep.select("a.cijfer"):
            doel = link["href"].split("#")[1]
            assert doel == link["data-cijfer"]
            assert html.unescape(doel) in ankers, (pagina, doel)


def test_tabellen_hebben_bijschrift_koppen_en_bron(site: Path):
    soep = BeautifulSoup((site / "dossier/oorzaken/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    tabellen = soep.select("div.tabel table")
    assert len(tabellen) >= 8
    for tabel in tabellen:
        assert tabel.caption and tabel.caption.get_text(strip=True)
        assert tabel.select("thead th[scope=col]")
    totaal = soep.select_one("#tabel-uitstroom-blok tfoot tr.totaal")
    assert totaal is not None and "137" in totaal.get_text()
    assert soep.select_one("#tabel-uitstroom-blok .tabel__bron")


def test_grafieken_hebben_specificatie_tekstalternatief_en_gegevens(site: Path):
    soep = BeautifulSoup((site / "dossier/tekort/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    grafieken = soep.select("figure.grafiek")
    assert len(grafieken) == 2
    for g in grafieken:
        beeld = g.select_one(".grafiek__beeld[role=img]")
        # eerst de bevinding, daarna wat voor grafiek het is (tests/test_toegankelijkheid.py)
        assert "diagram" in beeld["aria-label"]
        assert not beeld["aria-label"].startswith(("Staafdiagram", "Liggend", "Lijn", "Gestapeld"))
        # de browser tekent; de site bevat geen vooraf getekende SVG (tests/test_browser.py)
        assert not beeld.select("svg") and beeld.select_one("noscript")
        spec = json.loads(g.select_one("script.grafiek__spec").string)
        assert spec.get("mark") or spec.get("layer")
        assert spec.get("datasets") or spec["data"].get("values")
        assert g.select_one("details table")


def test_nederlandse_notatie_in_tabellen(site: Path):
    t = tekst(site, "dossier/doorrekening/")
    assert "€ 38.450,47" in t and "€ 19.103,88" in t and "0,2814%" in t
    # de geschatte landelijke uitgaven met twee decimalen, zoals in de tekst
    assert "€ 575,35 mln" in t


def test_geen_verwijzingen_naar_externe_bestanden(site: Path):
    """Scripts, stijlen en lettertypen komen van de site zelf (geen CDN, geen Google Fonts)."""
    for bestand in site.rglob("*.html"):
        inhoud = bestand.read_text(encoding="utf-8")
        assert not re.search(r'<(script|img|iframe)[^>]+src="(https?:)?//', inhoud), bestand
        assert not re.search(r'<link[^>]+rel="stylesheet"[^>]+href="(https?:)?//', inhoud)
        assert "fonts.googleapis" not in inhoud
    assert (site / "javascripts" / "vega.mjs").stat().st_size > 100_000


def test_zoekindex_is_nederlands(site: Path):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    assert (site / "assets/javascripts/lunr/min/lunr.nl.min.js").exists()


def test_search_override_volgt_material_op_het_label_na():
    import material

    origineel = (Path(material.__file__).parent / "templates/partials/search.html").read_text()
    eigen = (PROJECT / "overrides/partials/search.html").read_text()
    zonder_label = eigen.replace('role="dialog" aria-label="{{ lang.t(\'search\') }}"',
                                 'role="dialog"', 1)
    assert origineel.split("-#}", 1)[1] == zonder_label.split("-#}", 1)[1]


# -- andere gegevens: de tekst moet blijven kloppen ------------------------------------------

@pytest.fixture(scope="module")
def geen_vangnet(tmp_path_factory) -> Path:
    """Regulier regime, geen vangnet: 6% tekort, voorgaande jaren onder de 5%."""
    data = tmp_path_factory.mktemp("geen") / "data"
    shutil.copytree(DATA, data)
    zet_tekorten(data, {2021: 1.0, 2022: 2.0, 2023: 3.0, 2024: 4.0, 2025: 6.0})
    verwijder_rapportwaarden(data)
    uit = data.parent / "site"
    bouw(data, uit, pdf=False)
    return uit


@pytest.fixture(scope="module")
def boven_de_schijf(tmp_path_factory) -> Path:
    """Uitgebreid vangnet met een tekort boven de bovenste schijf (12%)."""
    data = tmp_path_factory.mktemp("hoog") / "data"
    shutil.copytree(DATA, data)
    zet_tekorten(data, {2022: 6.0, 2023: 7.0, 2024: 8.0, 2025: 12.0})
    verwijder_rapportwaarden(data)
    zet_cel(data / "buig.csv", {"jaar": "2025"}, "status_kosten", "gecontroleerd")
    uit = data.parent / "site"
    bouw(data, uit, pdf=False)
    return uit


def test_zonder_vangnet_zegt_de_tekst_dat_de_gemeente_niet_in_aanmerking_komt(geen_vangnet):
    t = tekst(geen_vangnet, "dossier/tekort/")
    assert "komt over 2025 niet in aanmerking voor een vangnetuitkering" in t
    assert "ligt het tekort van 6,0000% niet boven de drempel van 7,5%" in t
    assert "de gemeente had in 0 van de voorgaande jaren een tekort van minstens 5,0%" in t
    assert "in aanmerking voor het uitgebreide vangnet" not in t
    assert "Vangnetuitkering:" not in t
    home = tekst(geen_vangnet, "")
    assert "regulier vangnet, eigenrisicodrempel 7,5%" in home
    brief = tekst(geen_vangnet, "raadsinformatiebrief/")
    assert "niet in aanmerking voor een vangnetuitkering" in brief
    assert "Verschil met de bron" not in t


def test_boven_de_bovenste_schijf_rekent_de_tekst_met_twee_schijven(boven_de_schijf):
    t = tekst(boven_de_schijf, "dossier/tekort/")
    assert "komt over 2025 in aanmerking voor het uitgebreide vangnet" in t
    assert "(10,0% − 5,0%) × € 14.176.798 × 50% + (12,0000% − 10,0%) × € 14.176.798 × 100%" in t
    # 5% × 50% + 2% × 100% = 4,5% van € 14.176.798
    assert "€ 637.956" in t
    assert "Ook het reguliere vangnet zou een uitkering geven" in t
    assert "nog niet door de accountant gecontroleerd" not in t


def test_een_mislukte_bouw_laat_de_vorige_site_staan(tmp_path: Path, datakopie: Path):
    from vangnet.meldingen import Gegevensfout

    uit = tmp_path / "site"
    uit.mkdir()
    (uit / "index.html").write_text("vorige versie", encoding="utf-8")
    zet_cel(datakopie / "buig.csv", {"jaar": "2025"}, "kosten", "veel")
    with pytest.raises(Gegevensfout, match="geen getal"):
        bouw(datakopie, uit, pdf=False)
    assert (uit / "index.html").read_text(encoding="utf-8") == "vorige versie"
    assert not list(tmp_path.glob(".site.*")), "geen halve bouw achtergelaten"


_RESTEN = {
    "entiteit als tekst": re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.I),
    "ontbrekende waarde": re.compile(r"\b(?:nan|NaN|None|null|undefined)\b"),
    "jaar als kommagetal": re.compile(r"\b(?:19|20)\d\d\.0\b"),
    "Jinja": re.compile(r"\{\{|\{%"),
    "HTML als tekst": re.compile(r"</?(?:h\d|p|code|div|table|tr|td|a|ul|li|span)\b[^<]*>"),
}


@pytest.mark.parametrize("pagina", [*PAGINAS, "aanvraag/", "verkenner/"])
def test_geen_technische_resten_in_de_zichtbare_tekst(site: Path, pagina: str):
    soep = BeautifulSoup((site / pagina / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    artikel = soep.select_one("article")
    # een macro als voorbeeld in de handleiding mag er staan, en alleen daar
    voorbeelden = artikel.select("code.voorbeeld")
    assert bool(voorbeelden) == (pagina == "gegevens/"), pagina
    for weg in artikel.select("script, code.voorbeeld"):
        weg.decompose()
    zichtbaar = artikel.get_text(" ")
    for soort, patroon in _RESTEN.items():
        assert not patroon.search(zichtbaar), (soort, patroon.search(zichtbaar).group(0))


@pytest.fixture(scope="module")
def tekort_in_lks(tmp_path_factory) -> Path:
    """Hetzelfde totale tekort over 2025, maar een overschot op het uitkeringen-deel."""
    data = tmp_path_factory.mktemp("lks") / "data"
    shutil.copytree(DATA, data)
    verwijder_rapportwaarden(data)
    zet_cel(data / "buig.csv", {"jaar": "2025"}, "kosten_uitkeringen", "12428000")
    zet_cel(data / "buig.csv", {"jaar": "2025"}, "kosten_lks", "2540000")
    uit = data.parent / "site"
    bouw(data, uit, pdf=False)
    return uit


def test_de_tekst_over_de_oorzaken_volgt_waar_het_tekort_zit(tekort_in_lks: Path, site: Path):
    # de brief zegt het in gewone woorden: het deel van het budget voor uitkeringen
    for pagina, vooral in (("raadsinformatiebrief/", "vooral in het deel van het budget voor "
                            "uitkeringen"), ("aanvraag/", "vooral in het uitkeringen-deel"),
                           ("dossier/oorzaken/", "vooral in het uitkeringen-deel")):
        assert vooral in tekst(site, pagina), pagina
        t = tekst(tekort_in_lks, pagina)
        assert vooral not in t, pagina
        assert "uitkeringen-deel € 200.000" in t or "uitkeringen-deel was € 200.000" in t \
            or "deel voor uitkeringen was € 200.000" in t, pagina


def test_brief_en_formulier_linken_naar_hun_eigen_bestanden(site: Path):
    """Wie de brief op een telefoon leest, vindt de PDF en het Word-bestand op dezelfde pagina,
    niet alleen op de startpagina; ze bestaan ook echt."""
    from bs4 import BeautifulSoup

    for pagina, namen in (("raadsinformatiebrief/", ("-raadsinformatiebrief.pdf",
                                                     "-raadsinformatiebrief.docx")),
                          ("aanvraag/", ("-aanvraagformulier.pdf",))):
        soep = BeautifulSoup((site / pagina / "index.html").read_text("utf-8"), "html.parser")
        links = [a["href"] for a in soep.select("article a[href*='pdf/']")]
        for naam in namen:
            gevonden = [h for h in links if h.endswith(naam)]
            assert gevonden, (pagina, naam, links)
            assert (site / pagina / gevonden[0]).resolve().exists()


def test_de_zoekindex_plakt_geen_tabelcellen_aan_elkaar(site: Path):
    """De zoekfunctie toont tekst zonder opmaak; cellen zonder spatie ertussen werden
    'drempelsJaarTekortpercentage20213,9%'. Nu staat er tussen elke cel een spatie, en de
    verkenner (invoervelden, geen tekst om te vinden) staat niet in de index."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    tekst = " ".join(d["text"] for d in index["docs"])
    assert "Jaar Tekortpercentage" in tekst and "2021 3,9%" in tekst
    aan_elkaar = re.findall(r"[a-z]{3,}(?:Jaar|Regime|Onderdeel|Kenmerk|Bron|Waarde)\b", tekst)
    assert not aan_elkaar, aan_elkaar[:5]
    assert not re.search(r"\b20\d\d\d{1,2},\d%", tekst)  # jaar en percentage aan elkaar
