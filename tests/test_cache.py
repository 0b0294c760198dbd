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


def test_opruimen_verwijdert_alleen_wat_lang_niet_is_gebruikt(tmp_path: Path):
    import os
    import time

    oud, gelezen, nieuw = (tmp_path / "p" / n for n in ("oud.md", "gelezen.md", "nieuw.md"))
    for pad in (oud, gelezen, nieuw):
        cache.schrijf_tekst(pad, pad.name)
    lang_geleden = time.time() - (cache.BEWAARDAGEN + 1) * 86400
    for pad in (oud, gelezen):
        os.utime(pad, (lang_geleden, lang_geleden))
    assert cache.lees_tekst(gelezen) == "gelezen.md"  # lezen telt als gebruik
    assert cache.opruimen(tmp_path) == 1
    assert not oud.exists() and gelezen.exists() and nieuw.exists()
