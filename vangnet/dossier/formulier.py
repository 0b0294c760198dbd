"""Het aanvraagformulier: onderdelen A tot en met D als tekst om in het webformulier te plakken.

De teksten staan als sjablonen in ``docs/onderdelen``. De site toont ze met dezelfde
macro's als de hoofdstukken (met links naar de herkomst); ``vangnet aanvraag`` rendert ze hier
met dezelfde namen, maar als platte tekst, Markdown of eenvoudige HTML zonder links in de
tabellen, zodat ze een plakactie in een webformulier overleven. Elk cijfer dat in de uitvoer
komt, wordt bijgehouden (voor de test dat formulier en dossier dezelfde cijfers tonen).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

import jinja2
from markupsafe import escape

from vangnet import opmaak, paden
from vangnet.data.schema import AMBITIENIVEAUS
from vangnet.dossier.context import Dossiercontext
from vangnet.dossier.kader import aantal_maatregelen, maatregelbewijs, maatregelnamen
from vangnet.dossier.woorden import Richtingswoorden
from vangnet.tabellen.definities import Cel, Tabel

ONDERDELEN = ("onderdeel_a.md", "onderdeel_b.md", "onderdeel_c.md", "onderdeel_d.md")
Formaat = Literal["md", "txt", "html"]


@dataclass
class PlatteMacros(Richtingswoorden):
    """De macro's van de sjablonen, voor platte uitvoer."""

    ctx: Dossiercontext
    formaat: Formaat
    basis_url: str = ""
    gebruikt: set[str] = field(default_factory=set)
    tabellen: list[str] = field(default_factory=list)

    def _tekst(self, id_: str, **opties: Any) -> str:
        self.gebruikt.add(id_)
        return self.ctx.cijfers[id_].tekst(**opties)

    def cijfer(self, id_: str, jaar: int | None = None, *, exact: bool = False,
               decimalen: int | None = None, absoluut: bool = False) -> str:
        volledig = id_ if jaar is None else f"{id_}.{jaar}"
        cijfer = self.ctx.cijfers[volledig]
        self.gebruikt.add(volledig)
        if absoluut and isinstance(cijfer.waarde, int | float | Fraction) and cijfer.waarde < 0:
            from vangnet.cijfers.kern import formatteer

            d = decimalen if decimalen is not None else (
                cijfer.exact_decimalen if exact and cijfer.exact_decimalen is not None
                else cijfer.decimalen)
            return self._veilig(formatteer(-cijfer.waarde, cijfer.eenheid, d))
        return self._veilig(cijfer.tekst(exact=exact, decimalen=decimalen))

    def waarde(self, id_: str, jaar: int | None = None) -> Any:
        return self.ctx.cijfers.waarde(id_ if jaar is None else f"{id_}.{jaar}")

    def bestaat(self, id_: str, jaar: int | None = None) -> bool:
        return (id_ if jaar is None else f"{id_}.{jaar}") in self.ctx.cijfers

    def _veilig(self, tekst: str) -> str:
        return str(escape(tekst)) if self.formaat == "html" else tekst

    def toon(self, id_: str) -> bool:
        return id_ in self.ctx.indeling

    def verwijzing(self, id_: str, tekst: str | None = None, hoofdletter: bool = False) -> str:
        """Een verwijzing naar een hoofdstuk of paragraaf van het online dossier."""
        plaats = self.ctx.indeling[id_]
        anker = f"#{plaats.anker}" if plaats.anker else ""
        url = f"{self.basis_url}{plaats.pad.removesuffix('.md')}/{anker}"
        soort = plaats.soort.capitalize() if hoofdletter else plaats.soort
        tekst = tekst or f"{soort} {plaats.nummer} van het dossier"
        if self.formaat == "md":
            return f"[{tekst}]({url})"
        if self.formaat == "html":
            return f'<a href="{escape(url)}">{escape(tekst)}</a>'
        return f"{tekst} ({url})"

    def aantal_maatregelen(self, **waar: str) -> int:
        return aantal_maatregelen(self.ctx.dataset, **waar)

    def maatregelen(self, groep: str) -> str:
        """De maatregelen in een groep (een status of 'getroffen') met hun bewijs."""
        def zin(tekst: str) -> str:
            return tekst if tekst.endswith((".", "!", "?")) else f"{tekst}."

        regels = [f"{i.naam} ({i.kenmerken}). {zin(i.omschrijving)} "
                  + " ".join(zin(f"{label}: {tekst}") for label, tekst in i.bewijs)
                  for i in maatregelbewijs(self.ctx.dataset, groep)]
        if self.formaat == "html":
            return "<ul>" + "".join(f"<li>{escape(r)}</li>" for r in regels) + "</ul>"
        return "\n".join(f"- {r}" for r in regels)

    def maatregelnamen(self, groep: str | None = None, *, codes: bool = True,
                       **waar: str) -> str:
        return self._veilig(maatregelnamen(self.ctx.dataset, groep, codes=codes, **waar))

    def datum(self, waarde: Any) -> str:
        return opmaak.datum(waarde)

    def opsomming(self, delen: list[str], voegwoord: str = "en") -> str:
        return opmaak.opsomming([str(d) for d in delen], voegwoord)

    def heeft_tabel(self, naam: str) -> bool:
        return self.ctx.tabel(naam) is not None

    def tabel(self, naam: str) -> str:
        t = self.ctx.tabel(naam)
        if t is None:
            return ""
        self.tabellen.append(naam)
        rijen = [[self._cel(c) for c in r] for r in t.rijen]
        if t.totaal:
            rijen.append([self._cel(c) for c in t.totaal])
        numeriek = [any(r[i].numeriek for r in t.rijen) for i in range(len(t.koppen))]
        return {"md": _markdown, "txt": _tekst, "html": _html}[self.formaat](
            t, list(t.koppen), rijen, numeriek)

    def _cel(self, cel: Cel) -> str:
        if cel.cijfer is None:
            return cel.tekst or ""
        return self._tekst(cel.cijfer, decimalen=cel.decimalen, exact=cel.exact)


def _markdown(t: Tabel, koppen: list[str], rijen: list[list[str]], numeriek: list[bool]) -> str:
    def regel(cellen: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cellen) + " |"

    scheiding = "|" + "|".join("---:" if n else "---" for n in numeriek) + "|"
    return "\n".join([f"**{t.titel}**", "", regel(koppen), scheiding,
                      *(regel(r) for r in rijen), "", f"Bron: {t.bron}"])


def _tekst(t: Tabel, koppen: list[str], rijen: list[list[str]], numeriek: list[bool]) -> str:
    breedtes = [max(len(r[i]) for r in [koppen, *rijen]) for i in range(len(koppen))]

    def regel(cellen: list[str]) -> str:
        return "  ".join(c.rjust(b) if n else c.ljust(b)
                         for c, b, n in zip(cellen, breedtes, numeriek, strict=True)).rstrip()

    lijn = "  ".join("-" * b for b in breedtes)
    return "\n".join([t.titel, "", regel(koppen), lijn, *(regel(r) for r in rijen), "",
                      f"Bron: {t.bron}"])


def _html(t: Tabel, koppen: list[str], rijen: list[list[str]], numeriek: list[bool]) -> str:
    def cel(tag: str, tekst: str, i: int) -> str:
        uitlijning = ' style="text-align:right"' if numeriek[i] else ""
        return f"<{tag}{uitlijning}>{escape(tekst)}</{tag}>"

    kop = "".join(cel("th", k, i) for i, k in enumerate(koppen))
    body = "".join("<tr>" + "".join(cel("td", c, i) for i, c in enumerate(r)) + "</tr>"
                   for r in rijen)
    return (f"<table><caption>{escape(t.titel)}</caption><thead><tr>{kop}</tr></thead>"
            f"<tbody>{body}</tbody></table><p>Bron: {escape(t.bron)}</p>")


def omgeving(laden: Callable[[], jinja2.BaseLoader] | None = None) -> jinja2.Environment:
    return jinja2.Environment(
        loader=(laden or (lambda: jinja2.FileSystemLoader(paden.ONDERDELEN)))(),
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
        trim_blocks=False,
    )


def render(ctx: Dossiercontext, formaat: Formaat = "txt", basis_url: str = "",
           onderdelen: tuple[str, ...] = ONDERDELEN) -> tuple[str, PlatteMacros]:
    """Render de onderdelen in de volgorde van het formulier."""
    macros = PlatteMacros(ctx, formaat, basis_url)
    env = omgeving()
    waarden = variabelen(ctx)
    for naam in ("cijfer", "waarde", "bestaat", "richting", "teken", "toon", "verwijzing",
                 "aantal_maatregelen", "maatregelen", "maatregelnamen", "datum", "tabel",
                 "heeft_tabel", "ten_opzichte_van", "opsomming"):
        waarden[naam] = getattr(macros, naam)
    delen = [env.get_template(o).render(**waarden) for o in onderdelen]
    tekst = "\n\n".join(_opschonen(d) for d in delen)
    if formaat == "txt":
        tekst = tekst.replace("## ", "").replace("**", "")
    if formaat == "html":
        tekst = _naar_html(tekst)
    return tekst.replace("\u00a0", " ") if formaat != "html" else tekst, macros


def verklaring(gemeente: str) -> str:
    """De verklaring van het college waarmee de raad moet instemmen (Besluit Participatiewet,
    art. 10, eerste lid, onderdeel d), zoals onderdeel D en de raadsinformatiebrief haar
    letterlijk noemen."""
    return (f"Het college van burgemeester en wethouders van de gemeente {gemeente} verklaart "
            "dat het maatregelen heeft getroffen om te komen tot tekortreductie.")


def variabelen(ctx: Dossiercontext) -> dict[str, Any]:
    """De variabelen die zowel de site als de export aan de sjablonen geeft."""
    dossier = ctx.dataset.dossier
    return {"t": ctx.jaar, "gemeente": dossier.gemeente.naam, "dossier": dossier,
            "verklaring": verklaring(dossier.gemeente.naam),
            "aanvraag": dossier.aanvraag, "ambitieniveau": ambitieniveau(ctx),
            "berekend": ctx.berekend,
            "regime": ctx.cijfers.waarde(f"vangnet.regime.{ctx.jaar}") if ctx.berekend else ""}


def ambitieniveau(ctx: Dossiercontext) -> str:
    """Het gekozen ambitieniveau in woorden, bijvoorbeeld 'de grens van het beste kwart'; leeg
    zonder ambitieniveau in ``doorrekening.yaml``."""
    dr = ctx.dataset.doorrekening
    if dr is None or dr.ambitie_vergelijkingsgroep is None:
        return ""
    return AMBITIENIVEAUS[dr.ambitie_vergelijkingsgroep]


_GEEN_ALINEA = re.compile(r"^(\||- |#|<|-{3,})|\S {2,}\S")


def _opschonen(tekst: str) -> str:
    """Lege regels samenvoegen en alinea's op één regel zetten.

    Een alinea die in het sjabloon over meerdere regels loopt, wordt één regel, zodat ze in
    een webformulier niet midden in een zin afbreekt. Tabellen en lijsten blijven zoals ze zijn.
    """
    blokken = re.split(r"\n\s*\n", tekst.strip())
    uit = []
    for blok in blokken:
        regels = [r.rstrip() for r in blok.splitlines() if r.strip()]
        if not regels:
            continue
        if any(_GEEN_ALINEA.search(r) for r in regels):
            uit.append("\n".join(regels))
        else:
            uit.append(" ".join(r.strip() for r in regels))
    return "\n\n".join(uit)


def _naar_html(tekst: str) -> str:
    """Kopjes en alinea's als eenvoudige HTML; tabellen en lijsten zijn al HTML."""
    blokken = [b.strip() for b in tekst.split("\n\n") if b.strip()]
    uit = []
    for blok in blokken:
        if blok.startswith("## "):
            uit.append(f"<h2>{escape(blok[3:])}</h2>")
        elif blok.startswith("<"):
            uit.append(blok)
        else:
            uit.append(f"<p>{' '.join(blok.split())}</p>")
    return "\n".join(uit)
