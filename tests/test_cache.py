"""Cachebestanden die zichzelf controleren (vangnet.cache)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vangnet import cache


def test_terug_wat_er_in_ging(tmp_path: Path):
    pad = tmp_path / "a" / "b.md"
    cache.schrijf_tekst(pad, "Tekort € 791.000\n")
    assert cache.lees_tekst(pad) == "Tekort € 791.000\n"
    cache.schrijf(pad, b"")
    assert cache.lees(pad) == b""
    assert list(pad.parent.iterdir()) == [pad], "geen tijdelijke bestanden achtergelaten"


@pytest.mark.parametrize("beschadig", [
    lambda b: b[:-1],  # de laatste regel afgebroken
    lambda b: b[: len(b) // 2],  # halverwege afgebroken
    lambda b: b"",  # leeg
    lambda b: b.replace(b"791", b"821", 1),  # een cijfer veranderd
    lambda b: b[:-72],  # de controleregel weg
    lambda b: b + b"extra",  # iets achteraan toegevoegd
])
def test_beschadigd_bestand_telt_als_leeg_en_verdwijnt(tmp_path: Path, beschadig):
    pad = tmp_path / "pagina.md"
    cache.schrijf_tekst(pad, "Het tekort is € 791.000.\n" * 20)
    pad.write_bytes(beschadig(pad.read_bytes()))
    assert cache.lees_tekst(pad) is None
    assert not pad.exists()


def test_ontbrekend_bestand_en_geen_utf8(tmp_path: Path):
    assert cache.lees(tmp_path / "er-niet") is None
    pad = tmp_path / "bin"
    cache.schrijf(pad, b"\xff\xfe kapot")
    assert cache.lees(pad) == b"\xff\xfe kapot"
    assert cache.lees_tekst(pad) is None and not pad.exists()


def test_niet_schrijfbare_cache_maakt_niets_stuk(tmp_path: Path):
    (tmp_path / "bestand").write_text("geen map", encoding="utf-8")
    cache.schrijf_tekst(tmp_path / "bestand" / "pagina.md", "x")
    assert cache.lees_tekst(tmp_path / "bestand" / "pagina.md") is None


def test_een_ander_geldig_cachebestand_op_deze_plek_telt_niet(tmp_path: Path):
    """De controleregel hoort bij de naam (de sleutel): een geldig bestand dat over een ander
    is gekopieerd, geeft niet ongemerkt de cijfers van een andere bouw."""
    a, b = tmp_path / ("a" * 64 + ".md"), tmp_path / ("b" * 64 + ".md")
    cache.schrijf_tekst(a, "tekort € 821.000")
    cache.schrijf_tekst(b, "tekort € 791.000")
    b.write_bytes(a.read_bytes())
    assert cache.lees_tekst(b) is None
    assert cache.lees_tekst(a) == "tekort € 821.000"


def test_opruimen_verwijdert_alleen_eigen_bestanden_die_lang_niet_zijn_gebruikt(
        tmp_path: Path):
    import os
    import time

    naam = "0123456789abcdef" * 4
    oud, gelezen, nieuw = (tmp_path / "paginas" / f"{naam}.{e}" for e in ("md", "meta.json",
                                                                          "herkomst.json"))
    oude_pdf = tmp_path / "pdf" / f"{naam}.pdf"
    tijdelijk = tmp_path / "svg" / f".{naam}.svg.1234.tmp"
    for pad in (oud, gelezen, nieuw, oude_pdf):
        cache.schrijf_tekst(pad, pad.name)
    tijdelijk.parent.mkdir()
    tijdelijk.write_text("half", encoding="utf-8")
    # wat vangnet niet maakte: blijft staan, hoe oud ook (VANGNET_CACHE per vergissing op een
    # map met andere bestanden)
    vreemd = [tmp_path / "begroting-2024.xlsx", tmp_path / "pdf" / "rapport.pdf",
              tmp_path / "paginas" / "notities.md", tmp_path / "Documenten" / f"{naam}.pdf"]
    for pad in vreemd:
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text("van iemand anders", encoding="utf-8")
    lang_geleden = time.time() - (cache.BEWAARDAGEN + 1) * 86400
    for pad in (oud, gelezen, oude_pdf, tijdelijk, *vreemd):
        os.utime(pad, (lang_geleden, lang_geleden))
    assert cache.lees_tekst(gelezen) == gelezen.name  # lezen telt als gebruik
    assert cache.opruimen(tmp_path) == 3
    assert not oud.exists() and not oude_pdf.exists() and not tijdelijk.exists()
    assert gelezen.exists() and nieuw.exists()
    assert all(pad.exists() for pad in vreemd)


def test_opruimen_van_een_onleesbare_cache_stopt_niets(tmp_path: Path):
    (tmp_path / "paginas").write_text("een bestand waar een map hoort", encoding="utf-8")
    assert cache.opruimen(tmp_path) == 0
    assert cache.opruimen(tmp_path / "bestaat-niet") == 0
