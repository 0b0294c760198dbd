"""Wat er nog openstaat voordat de aanvraag compleet is, en waarom het dossier een concept is.

Vijf soorten open punten:

- een eis van het beoordelingskader waaraan nog niet is voldaan (:mod:`vangnet.dossier.kader`);
- een cel of veld met ``IN TE VULLEN`` in de gegevens;
- een verplichte eigen tekst (``teksten/<plek>.md``) die ontbreekt, op een plek die in dit
  dossier staat;
- iets dat uit een eerder aanvraagjaar is overgenomen en nog moet worden nagelezen: een eigen
  tekst waarvan ``herzien`` een eerder jaar noemt, of een rij met een bron die met
  ``TE HERZIEN:`` begint (``vangnet nieuw-jaar`` zet beide).
- een veld van de raadsinformatiebrief (datum, kenmerk, ...) dat ontbreekt of bij een eerdere
  brief hoort (:mod:`vangnet.dossier.brief`).

``vangnet check`` noemt ze allemaal; ``vangnet check --aanvraag`` en ``vangnet publiceer``
(zonder ``--concept``) falen zolang er één is; de site en de PDF dragen dan het opschrift
Concept met de reden.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from vangnet import opmaak
from vangnet.data.teksten import PLEKKEN
from vangnet.dossier.brief import open_briefvelden
from vangnet.dossier.context import Dossiercontext
from vangnet.meldingen import Melding

Soort = Literal["cel", "tekst", "brief", "herzien"]


@dataclass(frozen=True)
class OpenPunt:
    """Iets dat nog moet worden ingevuld, met de plaats waar."""

    soort: Soort
    melding: Melding

    def __str__(self) -> str:
        return str(self.melding)


def open_punten(ctx: Dossiercontext) -> list[OpenPunt]:
    """De cellen en eigen teksten die nog moeten worden ingevuld (de eisen van het kader staan
    in ``ctx.volledigheid``)."""
    punten = [OpenPunt("brief" if m.bestand == "dossier.yaml" and (m.kolom or "")
                       .startswith("brief.") else "cel", m) for m in ctx.dataset.in_te_vullen]
    punten += [OpenPunt("brief", m) for m in open_briefvelden(ctx.dataset)]
    for plek in PLEKKEN:
        if plek.verplicht and plek.paragraaf in ctx.indeling \
                and plek.naam not in ctx.dataset.teksten:
            punten.append(OpenPunt("tekst", Melding(
                plek.bestand, f"deze eigen tekst ontbreekt nog: {plek.omschrijving[0].lower()}"
                f"{plek.omschrijving[1:]}",
                oplossing="Schrijf de tekst in dit bestand (Markdown); het dossier toont tot "
                "dan op die plek een kader 'In te vullen'.")))
    punten += [OpenPunt("herzien", m) for m in ctx.dataset.te_herzien]
    for blok in ctx.dataset.teksten.values():
        if blok.te_herzien(ctx.jaar) and blok.plek.paragraaf in ctx.indeling:
            punten.append(OpenPunt("herzien", Melding(
                blok.plek.bestand, f"deze tekst is geschreven voor {blok.herzien}; lees hem na "
                f"voor {ctx.jaar}.", kolom="herzien",
                oplossing=f"Pas de tekst aan en zet 'herzien: {ctx.jaar}' in de kop; tot dan "
                "staat hij in een kader 'Te herzien'.")))
    return punten


def _telling(aantal: int, enkelvoud: str, meervoud: str) -> str:
    return f"{opmaak.getal(aantal)} {enkelvoud if aantal == 1 else meervoud}"


def conceptreden(ctx: Dossiercontext, *, behalve: tuple[str, ...] = ()) -> str:
    """Waarom het dossier een concept is, of een lege tekst als de aanvraag compleet is.

    ``behalve`` noemt onderdelen van het beoordelingskader die niet meetellen. De
    raadsinformatiebrief gebruikt ``("D",)``: de brief vraagt de raad om instemming en kan dus
    niet wachten tot die er is."""
    eisen = [t.eis.naam.lower() for t in ctx.volledigheid
             if not t.voldaan and t.eis.onderdeel not in behalve]
    punten = open_punten(ctx)
    cellen = sum(1 for p in punten if p.soort == "cel")
    teksten = sum(1 for p in punten if p.soort == "tekst")
    herzien = sum(1 for p in punten if p.soort == "herzien")
    brief = sum(1 for p in punten if p.soort == "brief")
    delen = []
    if eisen:
        delen.append(f"{opmaak.opsomming(eisen)} {'ontbreekt' if len(eisen) == 1 else 'ontbreken'}")
    open_ = [t for t in (_telling(teksten, "eigen tekst", "eigen teksten") if teksten else "",
                         _telling(cellen, "gegeven", "gegevens")
                         if cellen else "",
                         _telling(brief, "veld van de raadsinformatiebrief",
                                  "velden van de raadsinformatiebrief") if brief else "") if t]
    if open_:
        delen.append(f"{opmaak.opsomming(open_)} "
                     f"{'moet' if teksten + cellen + brief == 1 else 'moeten'} nog worden "
                     "ingevuld")
    if herzien:
        delen.append(f"{_telling(herzien, 'passage of rij', 'passages en rijen')} uit een eerder "
                     f"jaar {'moet' if herzien == 1 else 'moeten'} nog worden nagelezen")
    if not delen:
        return ""
    return f"De aanvraag is nog niet compleet: {'; '.join(delen)}."
