"""Geen getypte getallen in de tekst: elk bedrag, percentage, aantal en jaartal komt uit een macro.

De scanner haalt uit elke pagina wat door een macro wordt ingevuld (``{{ … }}``, ``{% … %}``)
en de linkdoelen weg, en meldt dan elk cijfer dat overblijft. Toegestaan zijn alleen
structurele nummers: de nummering van koppen (``## 4.1 …``), genummerde lijsten en
verwijzingen naar een hoofdstuk of paragraaf (ook van een brondocument: ``§ 4.7``).

Dat geldt voor de sjablonen in ``docs/`` en ook voor de eigen teksten van het voorbeelddossier
(``data/teksten/*.md``): ook daar komt een getal of een richting uit een macro.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
DOCS = PROJECT / "docs"


_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_LINKDOEL = re.compile(r"\]\([^)]*\)")
_HTML_ATTRIBUUT = re.compile(r'\b[a-z-]+="[^"]*"')
_VOORPAGINA = re.compile(r"\A---\n.*?\n---\n", re.S)
_KOPNUMMER = re.compile(r"^(#{1,6} )\d+(\.\d+)*\.?(?= )", re.M)
_LIJSTNUMMER = re.compile(r"^(\s*)\d+\.(?= )", re.M)
_VERWIJZING = re.compile(r"(?:\b(?:[Hh]oofdstuk|[Pp]aragraaf)|§)\s*\d+(?:\.\d+)?")
_NAMEN = re.compile(r"\bUTF-8\b")
_CIJFER = re.compile(r"\d")


def getypte_getallen(tekst: str) -> list[str]:
    """De regels met een cijfer buiten macro's, linkdoelen en structurele nummering."""
    tekst = _VOORPAGINA.sub("", tekst)
    tekst = _MACRO.sub("", tekst)
    tekst = _LINKDOEL.sub("]", tekst)
    tekst = _HTML_ATTRIBUUT.sub("", tekst)
    tekst = _KOPNUMMER.sub(r"\1", tekst)
    tekst = _LIJSTNUMMER.sub(r"\1", tekst)
    tekst = _VERWIJZING.sub("", tekst)
    tekst = _NAMEN.sub("", tekst)
    return [regel.strip() for regel in tekst.splitlines() if _CIJFER.search(regel)]


PAGINAS = sorted(DOCS.rglob("*.md")) + sorted((PROJECT / "data" / "teksten").glob("*.md"))


def test_er_zijn_paginas_om_te_controleren():
    assert len([p for p in PAGINAS if DOCS in p.parents]) >= 10
    assert len([p for p in PAGINAS if "teksten" in p.parts]) >= 10


@pytest.mark.parametrize("pagina", PAGINAS, ids=lambda p: str(p.relative_to(PROJECT)))
def test_geen_getypte_getallen_in_de_tekst(pagina: Path):
    gevonden = getypte_getallen(pagina.read_text(encoding="utf-8"))
    assert not gevonden, f"getypte getallen in {pagina.name}: {gevonden}"


@pytest.mark.parametrize(
    "tekst",
    [
        "Het tekort is € 791.000.",
        "Het tekort is 5,6% van het budget.",
        "In 2025 was er een tekort.",
        "Er stroomden 126 personen in.",
        "De uitkering is {{ cijfer('x') }} en niet 41.075 euro.",
        "Zie [hoofdstuk 3](tekort.md) voor 12 tabellen.",
        "Het hoofdstuk telt 7 paragrafen.",
    ],
)
def test_de_scanner_vindt_getypte_getallen(tekst: str):
    assert getypte_getallen(tekst), tekst


@pytest.mark.parametrize(
    "tekst",
    [
        "## 4.1 Ontwikkeling van het BUIG-budget",
        "1. Tekort: {{ formule('buig.tekort', t) }}",
        "Het tekort is {{ cijfer('buig.tekort', t) }} in {{ t }}.",
        "Zie [paragraaf](oorzaken.md#41-ontwikkeling-van-het-buig-budget).",
        "Zie [paragraaf 6.1](doorrekening.md) en hoofdstuk 5.",
        "Alleen als grafiek (§ 4.7), zoals in § 4.1 van het rapport.",
        "{% if waarde('x', t - 1) > 0 %}gestegen{% endif %}",
    ],
)
def test_de_scanner_laat_macros_en_structuur_met_rust(tekst: str):
    assert not getypte_getallen(tekst), tekst


# Woorden die een waargenomen verandering beschrijven hangen van de gegevens af: ze komen uit
# een macro (``richting``, ``teken``), nooit uit de tekst of een vaste tak van een {% if %}.
_RICHTINGSWOORD = re.compile(
    r"\b(gestegen|gedaald|stegen|daalden|steeg|daalde|gegroeid|gekrompen|toegenomen|afgenomen"
    r"|(?:nam|namen) (?:toe|af))\b", re.I)
_UITVOER = re.compile(r"\{\{.*?\}\}|\{#.*?#\}", re.S)


def getypte_richtingswoorden(tekst: str) -> list[str]:
    """De regels met een richtingswoord buiten ``{{ … }}``."""
    return [regel.strip() for regel in _UITVOER.sub("", tekst).splitlines()
            if _RICHTINGSWOORD.search(regel)]


@pytest.mark.parametrize("pagina", PAGINAS, ids=lambda p: str(p.relative_to(PROJECT)))
def test_geen_getypte_richtingswoorden_in_de_tekst(pagina: Path):
    gevonden = getypte_richtingswoorden(pagina.read_text(encoding="utf-8"))
    assert not gevonden, f"getypte richtingswoorden in {pagina.name}: {gevonden}"


@pytest.mark.parametrize("tekst", [
    "Het budget is de afgelopen jaren gestegen.",
    "De kosten stegen van {{ cijfer('a', 1) }} naar {{ cijfer('a', 2) }}.",
    "{% if waarde('x') > 0 %}Het aantal is toegenomen.{% endif %}",
    "Het aantal nam toe.",
])
def test_de_scanner_vindt_getypte_richtingswoorden(tekst: str):
    assert getypte_richtingswoorden(tekst), tekst


@pytest.mark.parametrize("tekst", [
    "Het budget is {{ richting('buig.budget', t, t - 1) }}.",
    "{{ teken('groei', positief='gegroeid', negatief='gekrompen') }}",
    "De kosten van een uitkering stijgen als het normbedrag stijgt.",
])
def test_de_scanner_laat_richting_uit_macros_met_rust(tekst: str):
    assert not getypte_richtingswoorden(tekst), tekst
