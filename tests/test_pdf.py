"""De PDF's: het dossier, de raadsinformatiebrief en het aanvraagformulier, en de brief in Word.

Zoals een lezer ze ziet (lettergrootte, kopregels, hoe vol een pagina is, afbreken, tekst die
je eruit kopieert) en zoals een schermlezer ze leest (de structuurboom: /Alt bij figuren,
kopregels als artefact, /Scope bij kopcellen). Paginabeelden komen in tests/artefacten/pdf/.
"""

from __future__ import annotations

import functools
import math
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pikepdf
import pyphen
import pytest
from bs4 import BeautifulSoup
from pdfminer.pdftypes import resolve1
from pypdf import PdfReader

from conftest import PROJECT

HOOFDSTUKKEN = ["1. Inleiding", "2. BUIG-budget en vangnetuitkering",
                "3. Tekort en verwachte vangnetuitkering", "4. Oorzaken van het tekort",
                "5. Maatregelen", "6. Doorrekening van de maatregelen", "7. Tot slot",
                "Bijlage A. Rekenverantwoording", "Bijlage B. Herkomst van alle cijfers"]
BERGWAARD = PROJECT / "tests" / "fixtures" / "bergwaard"
ARTEFACTEN = PROJECT / "tests" / "artefacten" / "pdf"
MM = 72 / 25.4
KOP_ONDER = 22 * MM  # de bovenmarge: daarin staat de kopregel
VOET_BOVEN = 20 * MM  # de ondermarge: daarin staat het paginanummer
KLEINSTE_PT = 7.0
SOORTEN = ("dossier", "brief", "formulier")


# -- fixtures ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pdf(site: Path) -> Path:
    pad = site / "pdf" / "vangnet-zevenaar-2025.pdf"
    assert pad.exists()
    return pad


@pytest.fixture(scope="module")
def bestanden(site: Path) -> dict[str, Path]:
    basis = site / "pdf" / "vangnet-zevenaar-2025"
    uit = {"dossier": basis.with_name(basis.name + ".pdf"),
           "brief": basis.with_name(basis.name + "-raadsinformatiebrief.pdf"),
           "brief-word": basis.with_name(basis.name + "-raadsinformatiebrief.docx"),
           "formulier": basis.with_name(basis.name + "-aanvraagformulier.pdf")}
    for pad in uit.values():
        assert pad.exists(), pad
    return uit


@pytest.fixture(scope="module")
def bergwaard(tmp_path_factory) -> dict[str, Path]:
    """Een tweede, kleiner dossier (zonder hoofdstuk over de doorrekening)."""
    from vangnet.site.bouw import bouw

    resultaat = bouw(BERGWAARD, tmp_path_factory.mktemp("bergwaard") / "site", pdf=True)
    return resultaat.bestanden


@pytest.fixture(scope="module")
def lezer(pdf: Path) -> PdfReader:
    return PdfReader(pdf)


@pytest.fixture(scope="module")
def paginas(lezer: PdfReader) -> list[str]:
    return [" ".join((p.extract_text() or "").replace("\u00a0", " ").split())
            for p in lezer.pages]


def _alle_pdfs(bestanden: dict[str, Path], bergwaard: dict[str, Path]) -> Iterator[Path]:
    for soort in SOORTEN:
        yield bestanden[soort]
        yield bergwaard[soort]


# -- hulp ----------------------------------------------------------------------------------

def gedrukte_grootte(teken: dict) -> float:
    """De lettergrootte zoals gedrukt, in pt, ook voor gedraaide tekst.

    pdfminer geeft als ``size`` de hoogte van de rechthoek om het teken; bij een gedraaid teken
    (de titel van een y-as) is dat de breedte van de letter. Hier wordt uit die rechthoek, de
    draaiing in de tekstmatrix en de breedte van het teken de echte grootte teruggerekend.
    """
    a, b, _c, _d, _e, _f = teken["matrix"]
    schaal, hoek = math.hypot(a, b), math.atan2(b, a)
    cos, sin = abs(math.cos(hoek)), abs(math.sin(hoek))
    if cos >= sin:
        return (teken["height"] - teken["adv"] * schaal * sin) / cos
    return (teken["width"] - teken["adv"] * schaal * cos) / sin


@dataclass
class Pagina:
    """Wat de tests van een pagina nodig hebben, één keer gelezen met pdfplumber."""

    nummer: int
    width: float
    height: float
    chars: list[dict]
    woorden: list[dict]
    tekst: str
    lijnen: int
    inhoud: bytes


@functools.cache
def lees(pad: Path) -> tuple[Pagina, ...]:
    uit = []
    with pdfplumber.open(pad) as document:
        for nummer, p in enumerate(document.pages, start=1):
            inhoud = resolve1(p.page_obj.attrs["Contents"])
            stromen = [resolve1(s) for s in inhoud] if isinstance(inhoud, list) else [inhoud]
            uit.append(Pagina(
                nummer, p.width, p.height, list(p.chars),
                # x_tolerance 1,5 pt: in grafieken is een spatie een kleine tussenruimte
                p.extract_words(x_tolerance=1.5, return_chars=True), p.extract_text() or "",
                len(p.lines), b"".join(s.get_data() for s in stromen)))
    return tuple(uit)


def kopregel(pagina: Pagina) -> str:
    return " ".join(w["text"] for w in pagina.woorden if w["bottom"] < KOP_ONDER)


def romp(pagina: Pagina, rechtop: bool = False) -> list[dict]:
    """De woorden tussen kopregel en voetregel (met ``rechtop`` zonder gedraaide tekst, die
    pdfplumber achterstevoren leest: "gardeB" voor de astitel "Bedrag")."""
    return [w for w in pagina.woorden
            if w["top"] > KOP_ONDER and w["bottom"] < pagina.height - VOET_BOVEN
            and (w["upright"] or not rechtop)]


def vulling(pagina) -> float:
    """Hoe ver de pagina tussen de marges gevuld is (0 = leeg, 1 = tot onderaan)."""
    woorden = romp(pagina)
    if not woorden:
        return 0.0
    return (max(w["bottom"] for w in woorden) - KOP_ONDER) / (
        pagina.height - KOP_ONDER - VOET_BOVEN)


def beginpaginas(pad: Path, niveau: int) -> set[int]:
    """Paginanummers (vanaf 1) waarop een bladwijzer van ``niveau`` of hoger begint."""
    lezer = PdfReader(pad)
    uit: set[int] = set()

    def loop(items, diepte):
        for item in items:
            if isinstance(item, list):
                loop(item, diepte + 1)
            elif diepte <= niveau:
                uit.add(lezer.get_destination_page_number(item) + 1)
    loop(lezer.outline, 1)
    return uit


def bladwijzers(pad: Path) -> list[str]:
    """De titels van alle bladwijzers, op elk niveau."""
    uit: list[str] = []

    def loop(items):
        for item in items:
            if isinstance(item, list):
                loop(item)
            else:
                uit.append(item.title)
    loop(PdfReader(pad).outline)
    return uit


def structuur(pad: Path) -> tuple[pikepdf.Pdf, list[pikepdf.Dictionary]]:
    """De PDF en alle structuurelementen die vanuit de wortel bereikbaar zijn."""
    pdf = pikepdf.open(pad)
    uit, gezien = [], set()
    stapel = [pdf.Root.StructTreeRoot]
    while stapel:
        element = stapel.pop()
        k = element.get("/K")
        for kind in (k if isinstance(k, pikepdf.Array) else [k] if k is not None else []):
            if isinstance(kind, pikepdf.Dictionary) and "/S" in kind \
                    and kind.objgen not in gezien:
                gezien.add(kind.objgen)
                uit.append(kind)
                stapel.append(kind)
    return pdf, uit


def paginabeelden(pad: Path, naam: str) -> list[Path]:
    """Alle pagina's als PNG in tests/artefacten/pdf/, om naar te kijken."""
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    for oud in ARTEFACTEN.glob(f"{naam}-*.png"):
        oud.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pad), str(ARTEFACTEN / naam)],
                   check=True)
    return sorted(ARTEFACTEN.glob(f"{naam}-*.png"))


# -- het dossier ---------------------------------------------------------------------------

def test_metadata(lezer: PdfReader):
    info = lezer.metadata
    assert info.title == "Vangnetuitkering Zevenaar 2025"
    assert info.author == "Gemeente Zevenaar"
    assert info["/CreationDate"].startswith("D:20260225")
    catalogus = lezer.trailer["/Root"]
    assert catalogus["/Lang"] == "nl"
    assert bool(catalogus["/MarkInfo"]["/Marked"]), "tagged PDF"
    assert "/StructTreeRoot" in catalogus


def test_a4_en_een_redelijk_aantal_paginas(lezer: PdfReader):
    assert 30 <= len(lezer.pages) <= 90
    breedte, hoogte = (float(x) for x in lezer.pages[0].mediabox[2:])
    assert abs(breedte - 595.3) < 1 and abs(hoogte - 841.9) < 1


def test_outline_bevat_alle_hoofdstukken(lezer: PdfReader):
    titels = [o.title for o in lezer.outline if not isinstance(o, list)]
    for hoofdstuk in HOOFDSTUKKEN:
        assert hoofdstuk in titels, hoofdstuk


def test_omslag_en_inhoudsopgave_met_paginanummers(paginas: list[str]):
    assert "Vangnetuitkering 2025" in paginas[0] and "Gemeente Zevenaar" in paginas[0]
    assert "25 februari 2026" in paginas[0]
    inhoud = next(p for p in paginas[:5] if "Inhoud 1. Inleiding" in p)
    for hoofdstuk in HOOFDSTUKKEN:
        nummer = re.search(re.escape(hoofdstuk) + r"[ .]*?(\d+)", inhoud)
        assert nummer, hoofdstuk
        doel = int(nummer.group(1))
        assert hoofdstuk.split(". ", 1)[1] in paginas[doel - 1], (hoofdstuk, doel)


def test_kopregel_en_paginanummering(paginas: list[str]):
    totaal = len(paginas)
    for i, p in enumerate(paginas[1:], start=2):
        assert f"Pagina {i} van {totaal}" in p
        assert "Vangnetuitkering Zevenaar 2025" in p


def test_de_kerncijfers_staan_er_als_tekst_in(paginas: list[str]):
    alles = " ".join(paginas)
    for stuk in ("€ 791.000", "5,6%", "€ 41.181", "€ 41.075", "uitgebreide vangnet",
                 "€ 38.450,47", "€ 19.103,88", "0,2814%", "€ 419.000"):
        assert stuk in alles, stuk


def test_de_omslag_zegt_waarom_het_een_concept_is(paginas: list[str]):
    assert "Concept. De aanvraag is nog niet compleet" in paginas[0]


def test_geen_lege_pagina(paginas: list[str]):
    for i, p in enumerate(paginas, start=1):
        assert len(p) > 80, f"pagina {i} is (bijna) leeg: {p!r}"


def test_grafieken_zijn_vector_en_er_is_geen_javascript(pdf: Path, lezer: PdfReader):
    inhoud = pdf.read_bytes()
    assert b"/JavaScript" not in inhoud and b"/JS " not in inhoud
    # de astitels van de grafieken zijn tekst (vector), geen afbeelding
    alles = " ".join((p.extract_text() or "") for p in lezer.pages)
    assert "Aantal huishoudens" in alles
    for pagina in lezer.pages:
        bronnen = pagina.get("/Resources") or {}
        xobjecten = bronnen.get("/XObject") or {}
        for obj in xobjecten.values():
            assert obj.get_object().get("/Subtype") != "/Image", "grafiek als rasterafbeelding"


def test_cijfers_linken_naar_de_herkomst_in_de_bijlage(lezer: PdfReader):
    doelen = set(lezer.named_destinations)
    assert any(d.startswith("herkomst--buig.tekort.2025") for d in doelen)
    links = 0
    for pagina in lezer.pages[:30]:
        for annot in pagina.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") == "/Link":
                links += 1
    assert links > 100


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils ontbreekt")
def test_pdftotext_leest_de_tabellen(pdf: Path):
    uit = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout.replace("\u00a0", " ")
    assert re.search(r"2025\s+€ 14\.177\.000\s+€ 14\.968\.000\s+€ -791\.000\s+-5,6%", uit)


def test_bijlage_b_houdt_elke_id_en_herhaalt_geen_enkele_invoer(site: Path, pdf: Path):
    from vangnet.dossier.context import laad_context
    from vangnet.site.pdf.dossier import maak_html

    from conftest import DATA

    ctx = laad_context(DATA)
    soep = BeautifulSoup(maak_html(site, ctx.dataset, ctx), "html.parser")
    in_tekst = {a["data-cijfer"] for a in soep.select("section.hoofdstuk a[data-cijfer], "
                                                      "section.bijlage a[data-cijfer]")}
    alineas = {p["id"].removeprefix("herkomst--"): p for p in soep.select("p.hk")}
    assert in_tekst and in_tekst <= alineas.keys(), sorted(in_tekst - alineas.keys())[:5]
    bestemmingen = set(PdfReader(pdf).named_destinations)
    assert {f"herkomst--{i}" for i in in_tekst} <= bestemmingen
    # een formule die alleen één invoer overneemt, noemt die invoer bij zijn code en niet
    # nog eens het getal: "= −buig.tekortpercentage.2021", niet "= −3,8710%"
    regels = {id_: [BeautifulSoup(r, "html.parser").get_text().replace("\u00a0", " ")
                    for r in p.decode_contents().split("<br/>")] for id_, p in alineas.items()}
    for id_, tekst in regels.items():
        waarde = ctx.cijfers[id_].tekst(exact=True).lstrip("−-").replace("\u00a0", " ")
        for regel in tekst:
            if regel.startswith("= "):
                assert regel.removeprefix("= ").lstrip("−-+ ") != waarde, (id_, regel)
    assert "= −buig.tekortpercentage.2021" in regels["buig.resultaatpercentage.2021"]
    assert "3,8710%" in regels["buig.resultaatpercentage.2021"][0]


# -- alle drie de PDF's, van beide dossiers ----------------------------------------------

def test_geen_tekst_kleiner_dan_7_pt(bestanden, bergwaard):
    for pad in _alle_pdfs(bestanden, bergwaard):
        te_klein = []
        for pagina in lees(pad):
            for woord in pagina.woorden:
                grootte = min(gedrukte_grootte(c) for c in woord["chars"])
                if grootte < KLEINSTE_PT - 0.01:
                    te_klein.append((pagina.nummer, woord["text"], round(grootte, 2)))
        assert not te_klein, (pad.name, len(te_klein), te_klein[:10])


def test_gedrukte_grootte_meet_ook_gedraaide_tekst(bestanden):
    # de y-as van een grafiek staat gedraaid; pdfminer meet daar de breedte van de letter
    gedraaid = [c for p in lees(bestanden["dossier"]) for c in p.chars if not c["upright"]]
    assert gedraaid, "de grafieken hebben gedraaide astitels"
    smalle = [c for c in gedraaid if c["text"] in "il"]
    assert smalle and min(c["size"] for c in smalle) < 5, "pdfminer meet de letterbreedte"
    assert all(abs(gedrukte_grootte(c) - 9) < 0.1 for c in gedraaid), "12 px = 9 pt"


def test_tekst_blijft_binnen_de_marges(bestanden, bergwaard):
    for pad in _alle_pdfs(bestanden, bergwaard):
        for pagina in lees(pad):
            buiten = [c["text"] for c in pagina.chars
                      if c["x0"] < 20 * MM or c["x1"] > pagina.width - 19 * MM]
            assert not buiten, (pad.name, pagina.nummer, "".join(buiten)[:40])


def test_watermerk_is_geen_tekst_en_concept_staat_in_de_kopregel(bestanden, bergwaard):
    for pad in _alle_pdfs(bestanden, bergwaard):
        for pagina in lees(pad):
            # het watermerk was tekst van 96 pt; de grootste tekst is nu de titel (30 pt)
            groot = [c["text"] for c in pagina.chars if gedrukte_grootte(c) > 31]
            assert not groot, (pad.name, pagina.nummer, "".join(groot))
            if pagina.nummer > 1 or pad.name.endswith(("brief.pdf", "formulier.pdf")):
                assert "· Concept" in kopregel(pagina), (pad.name, pagina.nummer)
            # zichtbaar is het wel: een achtergrond (XObject) als artefact
            assert re.search(rb"/Artifact\s+BMC(?:(?!EMC).)*?/x\d+\s+Do", pagina.inhoud,
                             re.S), (pad.name, pagina.nummer, "geen watermerk")
    if shutil.which("pdftotext"):
        tekst = subprocess.run(["pdftotext", str(bestanden["dossier"]), "-"],
                               capture_output=True, text=True, check=True).stdout
        for regel in tekst.splitlines():
            assert regel.strip() not in set("Concept"), f"losse letter: {regel!r}"


def test_kopregel_zonder_herhaling(bestanden, bergwaard):
    """Links de titel van het document (met "· Concept"), rechts alleen een hoofdstuk,
    bijlage of onderdeel: niet nog eens de titel ("... 2025 | Vangnetuitkering 2025")."""
    for pad in _alle_pdfs(bestanden, bergwaard):
        rechts_mag = {"", "Inhoud"} | set(bladwijzers(pad))
        rechts_mag |= {t.split(":")[0] for t in rechts_mag}  # "Onderdeel A"
        gemeente = pad.name.split("-")[1].capitalize()
        links = {"dossier": f"Vangnetuitkering {gemeente} 2025",
                 "raadsinformatiebrief": f"Raadsinformatiebrief vangnetuitkering {gemeente} 2025",
                 "aanvraagformulier": f"Aanvraagformulier vangnetuitkering {gemeente} 2025",
                 }[pad.stem.split("-")[3] if pad.stem.count("-") == 3 else "dossier"]
        for pagina in lees(pad):
            kop = kopregel(pagina)
            if not kop:
                continue
            assert kop.startswith(f"{links} · Concept"), (pad.name, pagina.nummer, kop)
            rechts = kop.removeprefix(f"{links} · Concept").strip()
            assert rechts in rechts_mag, (pad.name, pagina.nummer, kop)


def test_geen_pagina_minder_dan_een_kwart_vol(bestanden, bergwaard):
    for pad in _alle_pdfs(bestanden, bergwaard):
        # een hoofdstuk, een bijlage (het dossier) of een onderdeel (het formulier) begint op
        # een nieuwe pagina; de pagina ervoor mag kort zijn
        niveau = 2 if "aanvraagformulier" in pad.name else 1
        begin = beginpaginas(pad, niveau)
        paginas = lees(pad)
        for pagina in paginas:
            if pagina.nummer == len(paginas) or pagina.nummer + 1 in begin:
                continue
            assert vulling(pagina) >= 0.25, (pad.name, pagina.nummer, round(vulling(pagina), 2))


def test_afbreken_alleen_op_nederlandse_afbreekpunten(site: Path, bestanden):
    """WeasyPrint breekt met een afbreekstreepje (U+2010) op de punten van pyphen; een woord
    dat zonder streepje middenin breekt ('procentpun t') komt niet voor."""
    from vangnet.dossier.context import laad_context
    from vangnet.site.pdf import brief, dossier, formulier

    from conftest import DATA

    ctx = laad_context(DATA)
    bron = {"dossier": dossier.maak_html(site, ctx.dataset, ctx),
            "brief": brief.maak_html(site, ctx), "formulier": formulier.maak_html(site, ctx)}
    nl = pyphen.Pyphen(lang="nl_NL")
    for soort in SOORTEN:
        woorden = set(re.findall(r"[^\W\d_]+", BeautifulSoup(bron[soort], "html.parser")
                                 .get_text(" ")))
        # een stuk voor een afbreekstreepje loopt van het begin of een afbreekpunt tot een
        # afbreekpunt ("sparingsmogelijkhe‐" uit be-spa-rings-mo-ge-lijk-he-den); een stuk
        # zonder streepje is een heel woord of loopt van een afbreekpunt tot het eind
        begin, eind = set(), set()
        for w in woorden:
            punten = nl.positions(w)
            begin |= {w[i:j] for i in [0, *punten] for j in punten if i < j}
            eind |= {w[i:] for i in punten}
        afgebroken = 0
        for pagina in lees(bestanden[soort]):
            for woord in romp(pagina, rechtop=True):  # zonder kopregel en paginanummer
                tekst = woord["text"]
                delen = re.findall(r"[^\W\d_]+", tekst.rstrip("\u2010"))
                if tekst.endswith("\u2010"):
                    afgebroken += 1
                    assert delen and delen[-1] in begin, (soort, tekst)
                    delen = delen[:-1]
                for deel in delen:
                    assert deel in woorden or deel in eind, (soort, tekst)
        if soort == "dossier":
            assert afgebroken, "er wordt ergens afgebroken, dus deze test kijkt echt"


# -- structuur voor schermlezers (PDF/UA) --------------------------------------------------

def test_figuren_hebben_het_tekstalternatief_als_alt(site: Path, bestanden, bergwaard):
    for pad in _alle_pdfs(bestanden, bergwaard):
        _, elementen = structuur(pad)
        figuren = [e for e in elementen if e.S == "/Figure"]
        for figuur in figuren:
            assert str(figuur.get("/Alt", "")).strip(), (pad.name, "figuur zonder /Alt")
    # in het dossier precies de tekstalternatieven van de grafieken uit de site
    alts = set()
    for pagina in (site / "dossier").glob("*/index.html"):
        soep = BeautifulSoup(pagina.read_text(encoding="utf-8"), "html.parser")
        alts |= {b["aria-label"] for b in soep.select("figure.grafiek .grafiek__beeld")}
    _, elementen = structuur(bestanden["dossier"])
    in_pdf = {str(e.Alt) for e in elementen if e.S == "/Figure"}
    assert alts and in_pdf == alts


def test_kopregels_voetregels_en_watermerk_zijn_artefacten(bestanden, bergwaard):
    for pad in _alle_pdfs(bestanden, bergwaard):
        for pagina in lees(pad):
            for teken in pagina.chars:
                in_marge = teken["bottom"] < KOP_ONDER or \
                    teken["top"] > pagina.height - VOET_BOVEN
                if in_marge:
                    assert teken["tag"] == "Artifact", (pad.name, pagina.nummer, teken["text"])
                else:
                    assert teken["mcid"] is not None, (pad.name, pagina.nummer, teken["text"])
        # elke MCID in de inhoud hoort bij een element in de structuurboom
        document, elementen = structuur(pad)
        bereikbaar = {e.objgen for e in elementen}
        nums = document.Root.StructTreeRoot.ParentTree.Nums
        for i in range(0, len(nums), 2):
            if isinstance(nums[i + 1], pikepdf.Array):
                for element in nums[i + 1]:
                    if isinstance(element, pikepdf.Dictionary):
                        assert element.objgen in bereikbaar, (pad.name, "los element")


def test_kopcellen_hebben_een_scope(bestanden, bergwaard):
    for pad in _alle_pdfs(bestanden, bergwaard):
        _, elementen = structuur(pad)
        koppen = [e for e in elementen if e.S == "/TH"]
        for th in koppen:
            verwacht = "/Column" if th.P.P.S == "/THead" else "/Row"
            assert str(th.A.Scope) == verwacht, pad.name
        if "aanvraagformulier" in pad.name or pad.name.endswith("2025.pdf"):
            assert koppen, pad.name


def test_bijschriften_zijn_niet_genest(bestanden, bergwaard):
    for pad in _alle_pdfs(bestanden, bergwaard):
        _, elementen = structuur(pad)
        for e in elementen:
            if e.S == "/Caption":
                ouder = e.get("/P")
                while ouder is not None and "/S" in ouder:
                    assert ouder.S != "/Caption", (pad.name, "Caption in een Caption")
                    ouder = ouder.get("/P")


# -- de brief en het formulier -------------------------------------------------------------

def _koppen(site: Path, pagina: str) -> list[str]:
    soep = BeautifulSoup((site / pagina / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    return [h.get_text(" ", strip=True).removesuffix("¶").strip()
            for h in soep.select("article h2")]


def _tekst(pad: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").replace("\u00a0", " ").split())
                    for p in PdfReader(pad).pages)


BRIEFHOOFD = ["Aan", "Datum", "Kenmerk", "Onderwerp", "Portefeuillehouder", "Inlichtingen",
              "Bijlagen"]


def test_de_brief_is_een_brief_met_de_tekst_van_de_site(site: Path, bestanden):
    tekst = _tekst(bestanden["brief"])
    for veld in ("Aan De gemeenteraad van Zevenaar", "Datum in te vullen",
                 "Kenmerk in te vullen", "Onderwerp Aanvraag vangnetuitkering 2025",
                 "Portefeuillehouder in te vullen", "Inlichtingen in te vullen",
                 "Bijlagen 1. Dossier bij de aanvraag van een vangnetuitkering over 2025 "
                 "2. Aanvraagformulier vangnetuitkering 2025, onderdelen A tot en met D",
                 "Geachte leden van de raad,", "Met vriendelijke groet",
                 "burgemeester en wethouders van Zevenaar", "de secretaris, de burgemeester,"):
        assert veld in tekst, veld
    # één briefhoofd, één status voor de datum: de rapportdatum is niet de datum van de brief
    assert tekst.count("Aan De gemeenteraad") == 1 and tekst.count("Kenmerk") == 1
    assert "25 februari 2026" not in tekst
    assert "Deze brief is nog niet af" not in tekst and "Nog in te vullen" not in tekst
    assert ".pdf" not in tekst  # bijlagen bij hun titel, niet bij hun bestandsnaam
    # de samenvatting direct onder het briefhoofd, vóór de aanhef
    assert tekst.index("In het kort") < tekst.index("Geachte leden van de raad,")
    assert tekst.index("Bijlagen") < tekst.index("In het kort")
    koppen = _koppen(site, "raadsinformatiebrief")
    assert "Het tekort" in koppen
    for kop in koppen:
        assert kop in tekst, kop
    for bedrag in ("€ 791.000", "€ 41.181", "5,6%"):
        assert bedrag in tekst, bedrag
    lezer = PdfReader(bestanden["brief"])
    assert lezer.metadata.title == "Raadsinformatiebrief: Aanvraag vangnetuitkering 2025"
    assert [o.title for o in lezer.outline if not isinstance(o, list)] == ["Raadsinformatiebrief"]


def test_het_formulier_heeft_de_onderdelen_a_tot_en_met_d(site: Path, bestanden):
    tekst = _tekst(bestanden["formulier"])
    for kop in _koppen(site, "aanvraag"):
        assert kop in tekst, kop
    begin = beginpaginas(bestanden["formulier"], 2)
    for letter in "ABCD":
        paginas = [p for p in lees(bestanden["formulier"]) if f"Onderdeel {letter}:" in p.tekst]
        assert paginas, letter
        assert paginas[0].nummer in begin, f"onderdeel {letter} begint op een nieuwe pagina"
        assert kopregel(paginas[0]).endswith(f"Onderdeel {letter}")
    assert "€ 791.000" in tekst


def test_de_brief_op_papier_zegt_waar_de_onderbouwing_staat(bestanden):
    """Op papier is een cijfer geen link: de brief belooft dat niet, maar noemt het dossier als
    bijlage; 'tik op een cijfer' staat er niet."""
    import docx

    pdf = _tekst(bestanden["brief"])
    word = " ".join(p.text for p in docx.Document(str(bestanden["brief-word"])).paragraphs)
    for tekst in (pdf, word):
        assert ("De onderbouwing van alle cijfers staat in het dossier (bijlage 1). Een "
                "verwijzing naar een hoofdstuk of paragraaf gaat over dat dossier.") in tekst
        assert "is een link" not in tekst and "Tik of klik" not in tekst
        assert "scenarioverkenner" not in tekst
    # zonder webadres geen links in de brief
    assert not [a for p in PdfReader(bestanden["brief"]).pages for a in p.get("/Annots") or []
                if "/URI" in (a.get_object().get("/A") or {})]


def test_met_een_webadres_zijn_de_cijfers_in_de_brief_links(site: Path, tmp_path: Path):
    import shutil as sh

    from vangnet.dossier.context import laad_context
    from vangnet.site.pdf import brief
    from vangnet.site.pdf.druk import schrijf_pdf

    from conftest import DATA

    data = tmp_path / "data"
    sh.copytree(DATA, data)
    pad = data / "dossier.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace(
        "onderzoeker:", "publicatie_url: https://dossier.example.nl/zevenaar/2025/\nonderzoeker:"),
        encoding="utf-8")
    ctx = laad_context(data)
    uit = schrijf_pdf(brief.maak_html(site, ctx), tmp_path / "brief.pdf", site, tmp_path)
    # zonder spaties: een webadres mag over twee regels breken
    tekst = "".join(_tekst(uit).split())
    zin = ("Het dossier staat ook online, op https://dossier.example.nl/zevenaar/2025/. Daar is "
           "bij elk cijfer te zien hoe het is berekend en waar het vandaan komt.")
    assert "".join(zin.split()) in tekst
    links = [str(a.get_object()["/A"]["/URI"]) for p in PdfReader(uit).pages
             for a in p.get("/Annots") or [] if "/URI" in (a.get_object().get("/A") or {})]
    assert any(u.startswith("https://dossier.example.nl/zevenaar/2025/herkomst/#buig.tekort.")
               for u in links), links[:5]
    assert any(u.startswith("https://dossier.example.nl/zevenaar/2025/dossier/tekort/")
               for u in links), links[:5]


def test_het_formulier_heeft_een_ondertekening_en_geen_eigen_datum(bestanden):
    """Zolang het college niet heeft besloten, heeft het formulier geen datum: de rapportdatum
    is de stand van de gegevens. Onderdeel D heeft plaats voor de handtekeningen van college
    (burgemeester en secretaris) en raad (voorzitter en griffier), als rol, zonder namen."""
    paginas = lees(bestanden["formulier"])
    eerste = " ".join(paginas[0].tekst.split())
    assert "Besluit van het college in te vullen" in eerste
    assert "Instemming van de raad in te vullen" in eerste
    assert "Stand van de gegevens 25 februari 2026" in eerste
    assert "Datum 25 februari 2026" not in eerste
    assert "Deze pagina" not in _tekst(bestanden["formulier"])
    d = [" ".join(p.tekst.split()) for p in paginas if "Onderdeel D:" in p.tekst]
    assert len(d) == 1
    for stuk in ("Ondertekening", "Het college van burgemeester en wethouders",
                 "De gemeenteraad", "Datum van het besluit in te vullen in te vullen",
                 "de burgemeester: de voorzitter van de raad:", "de secretaris: de griffier:",
                 "Datum van ondertekening",
                 "Volgens de Toetsingscommissie vervangt een raadsbesluit die ondertekening "
                 "niet."):
        assert stuk in d[0], stuk


def test_de_toetsing_staat_liggend_met_de_inleiding_bij_de_tabel(bestanden):
    paginas = lees(bestanden["formulier"])
    liggend = [p for p in paginas if p.width > p.height]
    assert liggend, "geen liggende pagina"
    eerste = " ".join(liggend[0].tekst.split())
    # de inleidende zin en het begin van de tabel op dezelfde pagina
    assert "Volledigheid van de aanvraag" in eerste and "De tabel toetst het dossier" in eerste
    woorden = {w["text"] for w in romp(liggend[0])}  # de tabel in kolommen, niet als zinnen
    assert {"Toetsing", "beoordelingskader", "Onderdeel", "Bron", "voorwaarde"} <= woorden
    # alles van de toetsing staat liggend, en niets breekt af ('voorwaar- de')
    assert all(p.width > p.height for p in paginas[liggend[0].nummer - 1:])
    for pagina in liggend:
        afgebroken = [w["text"] for w in romp(pagina) if w["text"].endswith("\u2010")]
        assert not afgebroken, (pagina.nummer, afgebroken)
    # de pagina ervoor is niet bijna leeg door een inleiding zonder tabel
    assert "De tabel toetst" not in paginas[liggend[0].nummer - 2].tekst


def test_de_brief_in_word(site: Path, bestanden):
    import docx

    document = docx.Document(str(bestanden["brief-word"]))
    koppen = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert koppen == ["Raadsinformatiebrief", *_koppen(site, "raadsinformatiebrief")]
    tekst = "\n".join(p.text for p in document.paragraphs).replace("\u00a0", " ")
    for bedrag in ("€ 791.000", "€ 41.181", "5,6%", "€ 750.000"):
        assert bedrag in tekst, bedrag
    assert "  " not in tekst and " ," not in tekst and " ." not in tekst
    # hetzelfde briefhoofd als de PDF
    velden = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert list(velden) == BRIEFHOOFD
    assert velden["Onderwerp"] == "Aanvraag vangnetuitkering 2025"
    assert velden["Datum"] == "in te vullen"
    assert velden["Bijlagen"] == ("1. Dossier bij de aanvraag van een vangnetuitkering over 2025"
                                  "\n2. Aanvraagformulier vangnetuitkering 2025, onderdelen A "
                                  "tot en met D")
    pdf_tekst = _tekst(bestanden["brief"])
    for naam, waarde in velden.items():
        assert f"{naam} {waarde.splitlines()[0]}" in pdf_tekst, naam
    assert tekst.index("In het kort") < tekst.index("Geachte leden van de raad,")
    # A4, Nederlands, paginanummers
    sectie = document.sections[0]
    assert (round(sectie.page_width.mm), round(sectie.page_height.mm)) == (210, 297)
    stijlen = document.styles.element.xml
    standaard = stijlen[stijlen.index("<w:docDefaults"):stijlen.index("</w:docDefaults>")]
    assert '<w:lang w:val="nl-NL"' in standaard and "en-US" not in standaard
    voet = sectie.footer.paragraphs[0]._p.xml
    assert "Pagina " in voet and 'w:instr=" PAGE "' in voet and 'w:instr=" NUMPAGES "' in voet
    assert document.core_properties.title == "Raadsinformatiebrief: Aanvraag vangnetuitkering 2025"
    assert "Concept" in document.sections[0].header.paragraphs[0].text
    # dezelfde tekst als de PDF
    pdf = _tekst(bestanden["brief"])
    for alinea in document.paragraphs:
        if alinea.style.name == "Normal" and len(alinea.text) > 40:
            assert alinea.text.replace("\u00a0", " ")[:40] in pdf, alinea.text[:40]


def test_de_startpagina_linkt_naar_alle_bestanden(site: Path, bestanden):
    soep = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["href"] for a in soep.select("article a[href]")}
    for pad in bestanden.values():
        assert f"pdf/{pad.name}" in links, pad.name
    assert any("Afdrukken en downloaden" in h.get_text() for h in soep.select("article h2"))


# -- om naar te kijken ---------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils ontbreekt")
def test_paginabeelden_voor_de_artefacten(bestanden, bergwaard):
    """Alle pagina's van de drie PDF's (en van het tweede dossier) als PNG."""
    for soort in SOORTEN:
        for pad, naam in ((bestanden[soort], soort), (bergwaard[soort], f"bergwaard-{soort}")):
            beelden = paginabeelden(pad, naam)
            assert len(beelden) == len(lees(pad)), naam
            for png in beelden:
                assert png.stat().st_size > 1000, png


# -- twee processen ------------------------------------------------------------------------

def test_in_twee_processen_dezelfde_bestanden_als_na_elkaar(site: Path, tmp_path: Path):
    """maak_alles maakt de brief, het Word-bestand en het formulier in een tweede proces terwijl
    het dossier wordt gemaakt; dat mag geen byte veranderen."""
    import shutil

    from vangnet.site.pdf import maak_alles

    from conftest import DATA

    uitkomsten = {}
    for parallel in (True, False):
        kopie = tmp_path / f"site-{parallel}"
        shutil.copytree(site, kopie)
        shutil.rmtree(kopie / "pdf")
        gemaakt = maak_alles(kopie, DATA, cache=tmp_path / f"cache-{parallel}",
                             parallel=parallel)
        assert list(gemaakt) == ["dossier", "brief", "brief-word", "formulier"]
        uitkomsten[parallel] = {soort: pad.read_bytes() for soort, pad in gemaakt.items()}
    for soort, inhoud in uitkomsten[False].items():
        assert inhoud[:4] in (b"%PDF", b"PK\x03\x04"), soort
        assert uitkomsten[True][soort] == inhoud, soort


def test_fout_in_het_tweede_proces_komt_terug_ook_uit_een_script_zonder_main(
        tmp_path: Path, datakopie: Path):
    """Een fout in het tweede proces komt in de ouder terug als dezelfde fout met dezelfde
    meldingen; en een script dat het zonder ``if __name__ == "__main__"`` aanroept, start
    zichzelf niet opnieuw (zoals multiprocessing met spawn zou doen)."""
    import subprocess
    import sys

    from vangnet.meldingen import Gegevensfout
    from vangnet.site.pdf import brief_en_formulier
    from vangnet.site.pdf.tweede import start

    (datakopie / "buig.csv").write_text("jaar,budget\n2025,veel\n", encoding="utf-8")
    with pytest.raises(Gegevensfout) as na_elkaar:
        brief_en_formulier(tmp_path, datakopie, None)
    with pytest.raises(Gegevensfout) as tweede:
        start(tmp_path, datakopie, None)()
    assert tweede.value.meldingen and tweede.value.meldingen == na_elkaar.value.meldingen
    script = tmp_path / "zonder_main.py"
    script.write_text(
        "from pathlib import Path\n"
        "from vangnet.site.pdf.tweede import start\n"
        f"wacht = start(Path({str(tmp_path)!r}), Path({str(datakopie)!r}), None)\n"
        "try:\n    wacht()\nexcept Exception as fout:\n    print(type(fout).__name__)\n",
        encoding="utf-8")
    uit = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         timeout=120)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip() == "Gegevensfout"


def test_fout_uit_het_tweede_proces_komt_heel_terug():
    """Een Gegevensfout of Sjabloonfout gaat over de procesgrens met al zijn meldingen."""
    import pickle

    from vangnet.meldingen import Gegevensfout, Melding, Sjabloonfout

    melding = Melding("buig.csv", "de kosten ontbreken.", rij=3, kolom="kosten",
                      oplossing="Vul de kosten in.")
    terug = pickle.loads(pickle.dumps(Gegevensfout([melding, melding])))
    assert isinstance(terug, Gegevensfout) and terug.meldingen == (melding, melding)
    assert str(terug) == f"{melding}\n{melding}"
    sjabloon = pickle.loads(pickle.dumps(Sjabloonfout(melding)))
    assert isinstance(sjabloon, Sjabloonfout) and sjabloon.melding == melding
