"""De Vega-bundel wordt meegeleverd voor de vastgepinde versies, en is precies wat vl-convert
zou maken: een koude bouw hoeft hem niet te maken."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from vangnet.site import javascript

LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"


def _gepind(naam: str) -> str:
    gevonden = re.search(rf"^{re.escape(naam)}==(\S+)", LOCK.read_text(encoding="utf-8"),
                         re.MULTILINE)
    assert gevonden, f"{naam} staat niet vastgepind in requirements.lock"
    return gevonden.group(1)


def test_meegeleverde_bundel_hoort_bij_de_lock():
    verwacht = f"vega-{_gepind('vl-convert-python')}-{_gepind('altair')}.mjs.gz"
    bestanden = sorted(p.name for p in javascript.MEEGELEVERD.glob("vega-*.mjs.gz"))
    assert bestanden == [verwacht], (
        "Maak de bundel opnieuw met: .venv/bin/python -m vangnet.site.javascript")


@pytest.mark.traag
def test_meegeleverde_bundel_is_wat_vl_convert_maakt():
    meegeleverd = gzip.decompress(javascript.meegeleverde_bundel().read_bytes()).decode()
    assert meegeleverd == javascript.maak_bundel()
    assert "export const formatLocale" in meegeleverd and '"decimal":","' in meegeleverd.replace(
        " ", "")


def test_bouw_gebruikt_de_meegeleverde_bundel(tmp_path, monkeypatch):
    def verboden() -> str:
        raise AssertionError("de bundel werd opnieuw gemaakt")

    monkeypatch.setattr(javascript, "maak_bundel", verboden)
    doel = javascript.schrijf_javascript(tmp_path / "site", tmp_path / "cache")
    assert doel.stat().st_size > 500_000 and b"vegaEmbed" in doel.read_bytes()
    assert not (tmp_path / "cache").exists()
