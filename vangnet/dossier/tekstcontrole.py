"""De eigen teksten vooraf controleren: elke macro en elke verwijzing moet in dit dossier bestaan.

Een eigen tekst (``teksten/<plek>.md``) mag macro's gebruiken, zoals
``{{ cijfer("kengetal.uitkeringskosten.benchmark") }}``. Verwijst een tekst naar een cijfer, een
bron of een paragraaf die dit dossier niet heeft, of is de Jinja-syntaxis kapot, dan zou de bouw
pas midden in een pagina stoppen. ``vangnet check`` (en ``vangnet serve``) rendert daarom elke
eigen tekst vooraf met proefmacro's: ze volgen de keuzes in de tekst (``{% if bestaat(...) %}``)
met de echte cijfers en melden elke verwijzing die niet bestaat, met bestand, regel en id.
"""

from __future__ import annotations

import difflib
import traceback
from collections.abc import Callable
from typing import Any

import jinja2

from vangnet.data.lezen import lees_tekst
from vangnet.dossier.context import Dossiercontext
from vangnet.dossier.woorden import Richtingswoorden
from vangnet.grafieken.definities import GRAFIEKEN
from vangnet.meldingen import Gegevensfout, Melding
from vangnet.tabellen.definities import TABELLEN

MACRONAMEN = ("cijfer", "waarde", "bestaat", "tekst", "formule", "uitkomst", "richting", "teken",
              "ten_opzichte_van", "maatregelnamen",
              "tabel", "heeft_tabel", "grafiek", "datum", "parametertabel", "bestandentabel",
              "bronvergelijking", "opmerkingen", "herkomst", "gegevensformaat", "maatregelen",
              "aantal_maatregelen", "vergelijking", "geldig_vanaf", "bevestigd", "kop", "toon",
              "verwijzing", "tekstblok", "opsomming", "brondatum", "peildatum", "peiljaar",
              "volledigheid", "verkenner", "documenten", "bevestigingen", "briefhoofd",
              "bron", "verschil", "aantal",
              "download")
"""De macro's die pagina's en eigen teksten kunnen gebruiken (zie :mod:`vangnet.site.macros`)."""

VARIABELEN = ("t", "gemeente", "uitvoeringsorganisatie", "uitvoeringsvorm", "inwonersklasse",
              "deelnemende_gemeenten", "aanvraag", "rapportdatum", "regime", "berekend",
              "ambitieniveau", "concept", "verkenner_mogelijk", "briefveld", "verklaring",
              "onderzoeker")
"""De variabelen die :func:`vangnet.site.macros.registreer` zet."""

_MKDOCS_MACROS = ("config", "page", "navigation", "files", "environment", "plugin", "git",
                  "extra", "macros_info", "now", "fix_url", "context", "pretty", "raw_markdown")
"""Wat mkdocs-macros zelf in elke pagina zet."""


OPLOSSING_CIJFER = ("Gebruik een id van de pagina Herkomst van alle cijfers (of 'vangnet "
                    "uitleg'), of laat de zin afhangen van bestaat(...) (zie de pagina "
                    "Gegevensformaat).")
OPLOSSING_BRON = ("Voeg de bron met id, titel en datum toe onder bronnen in dossier.yaml, of "
                  "corrigeer de id.")
_OPLOSSING_PLAATS = ("Gebruik een id van een hoofdstuk of paragraaf die dit dossier heeft, of laat "
                     "de zin afhangen van toon(...).")
_OPLOSSING_NAAM = "Controleer de naam (zie de pagina Gegevensformaat)."


class _Ontbreekt(Exception):
    def __init__(self, wat: str, oplossing: str = OPLOSSING_CIJFER):
        self.wat = wat
        self.oplossing = oplossing
        super().__init__(wat)


class _Proefmacros(Richtingswoorden):
    """Macro's die alleen nagaan of waarnaar ze verwijzen bestaat; keuzes volgen de echte
    cijfers, de uitvoer is leeg."""

    def __init__(self, ctx: Dossiercontext):
        self.ctx = ctx

    def _id(self, id_: Any, jaar: Any = None) -> str:
        volledig = str(id_) if jaar is None else f"{id_}.{jaar}"
        if volledig not in self.ctx.cijfers:
            gelijkend = difflib.get_close_matches(volledig, [c.id for c in self.ctx.cijfers],
                                                  n=1, cutoff=0.85)
            oplossing = (f"Bedoelt u '{gelijkend[0]}'? {OPLOSSING_CIJFER}" if gelijkend
                         else OPLOSSING_CIJFER)
            raise _Ontbreekt(f"het cijfer '{volledig}'", oplossing)
        return volledig

    def waarde(self, id_: str, jaar: Any = None) -> Any:
        return self.ctx.cijfers[self._id(id_, jaar)].waarde

    def bestaat(self, id_: str, jaar: Any = None) -> bool:
        return (str(id_) if jaar is None else f"{id_}.{jaar}") in self.ctx.cijfers

    def _cijfermacro(self, id_: str, jaar: Any = None, *args: Any, **kwargs: Any) -> str:
        self._id(id_, jaar)
        return ""

    cijfer = tekst = formule = uitkomst = geldig_vanaf = _cijfermacro

    def bevestigd(self, id_: str, jaar: Any = None) -> bool:
        self._id(id_, jaar)
        return True

    def vergelijking(self, id_: str, jaar: Any = None) -> None:
        return None

    def bron(self, id_: str, jaar: Any = None) -> str:
        self._id(id_, jaar)
        return ""

    def verschil(self, id_: str, jaar: Any = None, *woorden: str) -> str:
        self._id(id_, jaar)
        return ""

    def aantal(self, id_: str, enkelvoud: str, meervoud: str, jaar: Any = None) -> str:
        self._id(id_, jaar)
        return ""

    def download(self, *soorten: str) -> str:
        return ""

    def brondatum(self, id_: str) -> str:
        bron = next((b for b in self.ctx.dataset.dossier.bronnen if b.id == id_), None)
        if bron is None or bron.datum is None:
            raise _Ontbreekt(f"de bron '{id_}' met een datum (bronnen in dossier.yaml)",
                             OPLOSSING_BRON)
        return ""

    def toon(self, id_: str) -> bool:
        return id_ in self.ctx.indeling

    def _plaats(self, id_: str, *args: Any, **kwargs: Any) -> str:
        if id_ not in self.ctx.indeling:
            raise _Ontbreekt(f"het hoofdstuk of de paragraaf '{id_}'", _OPLOSSING_PLAATS)
        return ""

    kop = verwijzing = _plaats

    def tabel(self, naam: str) -> str:
        if naam not in TABELLEN:
            raise _Ontbreekt(f"de tabel '{naam}'", _OPLOSSING_NAAM)
        return ""

    def heeft_tabel(self, naam: str) -> bool:
        if naam not in TABELLEN:
            raise _Ontbreekt(f"de tabel '{naam}'", _OPLOSSING_NAAM)
        return self.ctx.tabel(naam) is not None

    def grafiek(self, naam: str) -> str:
        if naam not in GRAFIEKEN:
            raise _Ontbreekt(f"de grafiek '{naam}'", _OPLOSSING_NAAM)
        return ""

    def aantal_maatregelen(self, **waar: str) -> int:
        return 0

    def _leeg(self, *args: Any, **kwargs: Any) -> str:
        return ""

    def namen(self) -> dict[str, Callable[..., Any] | Any]:
        uit: dict[str, Any] = {n: getattr(self, n, self._leeg) for n in MACRONAMEN}
        uit.update({n: "" for n in VARIABELEN + _MKDOCS_MACROS})
        uit.update(t=self.ctx.jaar, berekend=self.ctx.berekend,
                   aanvraag=self.ctx.dataset.dossier.aanvraag)
        return uit


def _eerste_regel(tekst: str, blok: str) -> int:
    """Het regelnummer in het bestand waar de tekst van het blok begint (na een kop)."""
    plek = tekst.find(blok[:200])
    return tekst[:plek].count("\n") + 1 if plek >= 0 else 1


def _regel_in_sjabloon(fout: BaseException) -> int | None:
    """De regel in het Jinja-sjabloon waar een fout ontstond (uit de traceback van Jinja)."""
    regels = [f.lineno for f in traceback.extract_tb(fout.__traceback__)
              if f.filename == "<template>"]
    return regels[-1] if regels else None


def controleer_teksten(ctx: Dossiercontext) -> list[Melding]:
    """Fouten in de eigen teksten: kapotte Jinja-syntaxis, onbekende macro's of variabelen en
    verwijzingen naar cijfers, bronnen, tabellen of paragrafen die dit dossier niet heeft."""
    omgeving = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    proef = _Proefmacros(ctx).namen()
    meldingen = []
    for blok in ctx.dataset.teksten.values():
        naam = blok.plek.bestand
        try:
            bestand = lees_tekst(ctx.dataset.map / naam, naam)
        except Gegevensfout:
            bestand = blok.tekst
        begin = _eerste_regel(bestand, blok.tekst)

        def melding(tekst: str, regel: int | None, oplossing: str, naam: str = naam,
                    begin: int = begin) -> Melding:
            return Melding(naam, tekst, rij=None if regel is None else begin + regel - 1,
                           oplossing=oplossing)

        try:
            sjabloon = omgeving.from_string(blok.tekst)
        except jinja2.TemplateSyntaxError as fout:
            meldingen.append(melding(
                f"de macro's in de tekst zijn niet geldig ({_syntaxis(fout)}).", fout.lineno,
                "Controleer de haakjes: {{ ... }} voor een waarde, {% if ... %} ... {% endif %} "
                "voor een keuze."))
            continue
        try:
            sjabloon.render(proef)
        except _Ontbreekt as fout:
            if blok.te_herzien(ctx.jaar):
                # overgenomen uit een eerder jaar en nog na te lezen: het dossier toont de
                # tekst dan niet, maar een kader 'Te herzien' (een open punt, geen fout)
                continue
            meldingen.append(melding(
                f"de tekst verwijst naar {fout.wat}, maar dat bestaat niet in dit dossier.",
                _regel_in_sjabloon(fout), fout.oplossing))
        except jinja2.UndefinedError as fout:
            onbekend = str(fout.message or "").split("'")
            wat = onbekend[1] if len(onbekend) > 2 else str(fout.message)
            meldingen.append(melding(
                f"de tekst gebruikt '{wat}', maar zo'n macro of variabele bestaat niet.",
                _regel_in_sjabloon(fout),
                "Controleer de spelling; de macro's staan op de pagina Gegevensformaat."))
        except Exception as fout:  # een verkeerd aantal argumenten, een rekenfout in {{ }}
            meldingen.append(melding(
                f"een macro in de tekst werkt niet ({type(fout).__name__}: {fout}).",
                _regel_in_sjabloon(fout),
                "Controleer de argumenten van de macro (zie de pagina Gegevensformaat)."))
    return meldingen


_SYNTAXIS = {
    "expected ')'": "er ontbreekt een sluithaakje ')'",
    "unexpected '}'": "een accolade te weinig of te veel",
    "unexpected end of template": "een {% if %} zonder {% endif %}, of de tekst houdt op midden "
    "in een macro",
    "expected an expression": "een lege {{ }}",
    "expected token": "er ontbreekt een haakje, een komma of een aanhalingsteken",
    "unexpected char": "een aanhalingsteken of ander teken dat niet wordt afgesloten",
    "encountered unknown tag": "een onbekend woord na {%",
}


def _syntaxis(fout: jinja2.TemplateSyntaxError) -> str:
    bericht = str(fout.message or "").lower()
    for engels, nederlands in _SYNTAXIS.items():
        if engels in bericht:
            return nederlands
    return "de haakjes of aanhalingstekens kloppen niet"
