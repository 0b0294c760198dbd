"""De cache van gecompileerde Jinja-sjablonen (vangnet.site.sjablonen): dezelfde uitkomst als
zonder cache, nooit een verouderd sjabloon, en een kapot cachebestand breekt niets."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from vangnet.site.sjablonen import bewaar_gecompileerd

SJABLOON = ("{% macro rij(a, b) %}{{ a }}: {{ b | upper }}{% endmacro %}"
            "{% for x in items %}{{ rij(loop.index, x) }};{% endfor %}"
            "{% include 'deel.md' %}")


def _omgeving(map_: Path, **opties) -> tuple[jinja2.Environment, list[str | None]]:
    """Een omgeving met een loader (voor include) die telt hoe vaak Jinja echt compileert."""
    (map_ / "sjablonen").mkdir(exist_ok=True)
    (map_ / "sjablonen" / "deel.md").write_text("[deel {{ items | length }}]", encoding="utf-8")
    omgeving = jinja2.Environment(loader=jinja2.FileSystemLoader(map_ / "sjablonen"), **opties)
    gecompileerd: list[str | None] = []
    echt = omgeving.compile

    def tellend(source, name=None, filename=None, raw=False, defer_init=False):
        gecompileerd.append(name)
        return echt(source, name, filename, raw, defer_init)

    omgeving.compile = tellend
    bewaar_gecompileerd(omgeving, map_ / "cache")
    return omgeving, gecompileerd


def test_zelfde_uitkomst_en_de_tweede_keer_niet_opnieuw_gecompileerd(tmp_path):
    eerste, teller1 = _omgeving(tmp_path)
    uit1 = eerste.from_string(SJABLOON).render(items=["a", "b"])
    assert uit1 == "1: A;2: B;[deel 2]"
    assert teller1 == [None, "deel.md"]
    assert len(list((tmp_path / "cache").glob("*.code"))) == 2
    # een nieuwe omgeving (een nieuwe bouw, of een nieuw proces): uit de cache
    tweede, teller2 = _omgeving(tmp_path)
    assert tweede.from_string(SJABLOON).render(items=["a", "b"]) == uit1
    assert teller2 == []


def test_gewijzigd_sjabloon_geeft_de_nieuwe_tekst(tmp_path):
    eerste, _ = _omgeving(tmp_path)
    eerste.from_string(SJABLOON).render(items=["a"])
    tweede, teller = _omgeving(tmp_path)
    (tmp_path / "sjablonen" / "deel.md").write_text("[anders]", encoding="utf-8")
    gewijzigd = SJABLOON.replace("upper", "lower")
    assert tweede.from_string(gewijzigd).render(items=["A"]) == "1: a;[anders]"
    assert teller == [None, "deel.md"]


def test_andere_instellingen_van_de_omgeving_andere_code(tmp_path):
    gewoon, _ = _omgeving(tmp_path)
    assert gewoon.from_string("<< x >>{{ x }}").render(x=1) == "<< x >>1"
    anders, teller = _omgeving(tmp_path, variable_start_string="<<",
                               variable_end_string=">>")
    assert anders.from_string("<< x >>{{ x }}").render(x=1) == "1{{ x }}"
    assert teller == [None]


@pytest.mark.parametrize("inhoud", [b"", b"onzin", b"\xe3\x00\x00\x00kapot", b"N"])
def test_kapot_cachebestand_wordt_genegeerd_en_vervangen(tmp_path, inhoud):
    eerste, _ = _omgeving(tmp_path)
    eerste.from_string("{{ 6 * 7 }}").render()
    (bestand,) = (tmp_path / "cache").glob("*.code")
    bestand.write_bytes(inhoud)
    tweede, teller = _omgeving(tmp_path)
    assert tweede.from_string("{{ 6 * 7 }}").render() == "42"
    assert teller == [None]
    assert bestand.read_bytes() != inhoud


def test_cache_die_niet_kan_worden_geschreven_maakt_niets_stuk(tmp_path):
    (tmp_path / "cache").write_text("een bestand, geen map", encoding="utf-8")
    omgeving, teller = _omgeving(tmp_path)
    assert omgeving.from_string("{{ 'ok' }}").render() == "ok"
    assert teller == [None]
