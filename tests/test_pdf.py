"""De PDF: zelfde dossier als de site, met omslag, inhoudsopgave, paginanummers en bijlagen."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

HOOFDSTUKKEN = ["1. Inleiding", "2. BUIG-budget en vangnetuitkering",
                "3. Tekort en verwachte vangnetuitkering", "4. Oorzaken van het tekort",
                "5. Maatregelen", "6. Doorrekening van de maatregelen", "7. Tot slot",
                "Bijlage A. Rekenverantwoording", "Bijlage B. Herkomst van alle cijfers"]


@pytest.fixture(scope="module")
def pdf(site: Path) -> Path:
    pad = site / "pdf" / "vangnet-zevenaar-2025.pdf"
    assert pad.exists()
    return pad


@pytest.fixture(scope="module")
def lezer(pdf: Path) -> PdfReader:
    return PdfReader(pdf)


@pytest.fixture(scope="module")
def paginas(lezer: PdfReader) -> list[str]:
    return [" ".join((p.extract_text() or "").replace("\u00a0", " ").split())
            for p in lezer.pages]


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


def test_concept_staat_op_elke_pagina_zolang_de_aanvraag_niet_compleet_is(paginas: list[str]):
    assert "Concept. De aanvraag is nog niet compleet" in paginas[0]
    assert all("Concept" in p for p in paginas)


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
