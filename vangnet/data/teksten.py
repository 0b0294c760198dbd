"""De eigen teksten van een dossier: korte Markdown-passages per benoemde plek in de hoofdstukken.

Wat uit de gegevens volgt, schrijven de sjablonen zelf (met macro's). Wat niet uit de gegevens
volgt — bevindingen, de analyse van het beheer, een bezwaar tegen het budget, aanbevelingen,
de rol van een externe onderzoeker — is de tekst van de gemeente zelf. Die staat in het dossier,
in ``teksten/<plek>.md``, en de sjablonen zetten hem op zijn plek tussen de zinnen die uit de
gegevens volgen. Een passage mag macro's gebruiken (``{{ cijfer("buig.tekort", t) }}``).

Een passage kan beginnen met een kop tussen ``---``-regels::

    ---
    herzien: 2025
    ---
    De analyse vindt geen eenmalige gebeurtenis ...

``herzien`` is het aanvraagjaar waarvoor de tekst voor het laatst is nagelezen; ouder dan het
aanvraagjaar betekent "te herzien" (``vangnet nieuw-jaar`` laat de jaartallen staan).

Ontbreekt een verplichte passage, dan toont een concept op die plek een kader "in te vullen"
en noemt ``vangnet check --aanvraag`` de plek; een ontbrekende optionele passage laat de plek
leeg. Nooit verschijnt de tekst van een ander dossier.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from vangnet.data.lezen import lees_tekst
from vangnet.data.tekenset import kort, verminkt
from vangnet.meldingen import Gegevensfout, Melding

MAP = "teksten"


@dataclass(frozen=True)
class Tekstplek:
    """Een plek in de sjablonen voor een eigen tekst van de gemeente."""

    naam: str
    paragraaf: str
    """De hoofdstuk- of paragraaf-id waar de tekst staat (zie ``vangnet.dossier.structuur``);
    een verplichte tekst is alleen nodig als die paragraaf in het dossier staat."""
    omschrijving: str
    verplicht: bool = False

    @property
    def bestand(self) -> str:
        return f"{MAP}/{self.naam}.md"


PLEKKEN: tuple[Tekstplek, ...] = (
    Tekstplek("inleiding.opdracht", "inleiding",
              "Wie het dossier heeft opgesteld, in wiens opdracht, en de rol van een externe "
              "onderzoeker als die er is."),
    Tekstplek("oorzaken.budget", "oorzaken.budget",
              "Bevindingen bij de ontwikkeling van het budget die niet uit de tabellen volgen "
              "(bijvoorbeeld over het budgetaandeel)."),
    Tekstplek("oorzaken.gemiddelde_kosten", "oorzaken.gemiddelde-kosten",
              "Bevindingen over de gemiddelde kosten van een uitkering, zoals een benchmark."),
    Tekstplek("oorzaken.beheer", "oorzaken.gemiddelde-kosten",
              "Hoe de uitvoering het bestand beheert (handhaving, terugvordering, verhaal, "
              "bijverdiensten) en wat daarvan de invloed op de kosten is.", verplicht=True),
    Tekstplek("oorzaken.huishoudens", "oorzaken.huishoudens",
              "Hoe de gemeente het verschil tussen voorspeld en werkelijk aantal huishoudens "
              "verklaart."),
    Tekstplek("oorzaken.stromen", "oorzaken.stromen",
              "Bevindingen bij de in- en uitstroom, bijvoorbeeld over onderzoeken naar de "
              "rechtmatigheid en de capaciteit daarvoor."),
    Tekstplek("oorzaken.treden", "oorzaken.treden",
              "Bevindingen over de indeling op de treden van de participatieladder en over het "
              "verloop tussen de treden."),
    Tekstplek("oorzaken.lks", "oorzaken.lks",
              "Bevindingen over de inzet van loonkostensubsidie (loonwaarde, deeltijd, "
              "doelgroepen)."),
    Tekstplek("oorzaken.bezwaar", "oorzaken.conclusie",
              "Een bezwaar of beroep van de gemeente tegen de vaststelling van het budget, met "
              "de stand ervan."),
    Tekstplek("oorzaken.conclusie", "oorzaken.conclusie",
              "De conclusie van de analyse van de oorzaken: wat het tekort vooral verklaart en "
              "waarop de gemeente invloed heeft.", verplicht=True),
    Tekstplek("maatregelen.herkomst", "maatregelen.getroffen",
              "Waar de maatregelen zijn vastgelegd (eerdere aanvragen, bestuurlijke opdrachten, "
              "rapportages)."),
    Tekstplek("maatregelen.bevindingen", "maatregelen.getroffen",
              "Wat bekend is over de uitvoering, het bereik en het effect van de maatregelen.",
              verplicht=True),
    Tekstplek("maatregelen.conclusie", "maatregelen.conclusie",
              "De conclusie over de maatregelen en het advies voor het vervolg.", verplicht=True),
    Tekstplek("maatregelen.randvoorwaarden", "maatregelen.randvoorwaarden",
              "Wat meer inzet vraagt van de gemeente, de uitvoering en de ketenpartners."),
    Tekstplek("doorrekening.conclusie", "doorrekening.conclusie",
              "De conclusie over het doorgerekende effect en wat daarnaast nodig is.",
              verplicht=True),
    Tekstplek("brief.bevindingen", "inleiding",
              "Voor de raadsinformatiebrief: de kritische bevindingen uit het onderzoek die de "
              "raad moet kennen (bijvoorbeeld over de uitvoering en de evaluatie van "
              "maatregelen), kort en in gewone taal."),
    Tekstplek("verantwoording.niet_overgenomen", "inleiding",
              "Voor de rekenverantwoording: wat uit de brondocumenten bewust niet is "
              "overgenomen, met de reden (bijvoorbeeld gegevens die alleen als grafiek "
              "bestaan, of namen van personen)."),
)
PLEK_PER_NAAM = {p.naam: p for p in PLEKKEN}

_KOP = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_KOPVELDEN = {"herzien"}


@dataclass(frozen=True)
class Tekstblok:
    """De eigen tekst van het dossier voor één plek."""

    plek: Tekstplek
    tekst: str
    herzien: int | None = None

    def te_herzien(self, aanvraagjaar: int) -> bool:
        """Of de tekst voor een eerder aanvraagjaar is geschreven en nog moet worden nagelezen."""
        return self.herzien is not None and self.herzien < aanvraagjaar


def _lees_blok(pad: Path, plek: Tekstplek) -> tuple[Tekstblok | None, list[Melding]]:
    naam = plek.bestand
    try:
        tekst = lees_tekst(pad, naam)
    except Gegevensfout as fout:
        if all("leeg" in m.tekst for m in fout.meldingen):
            return None, []  # een leeg bestand: de plek is (nog) leeg
        return None, list(fout.meldingen)
    volledig = tekst
    herzien = None
    kop = _KOP.match(tekst)
    if kop:
        try:
            velden = yaml.safe_load(kop.group(1)) or {}
        except yaml.YAMLError:
            return None, [Melding(naam, "de kop tussen de regels '---' is geen geldige YAML.",
                                  rij=2, oplossing="Schrijf bijvoorbeeld 'herzien: 2025'.")]
        if not isinstance(velden, dict) or set(velden) - _KOPVELDEN:
            onbekend = sorted(set(velden) - _KOPVELDEN) if isinstance(velden, dict) else []
            return None, [Melding(naam, "onbekend veld in de kop: "
                                  + (", ".join(map(str, onbekend)) or "geen sleutel: waarde")
                                  + ".", rij=2, oplossing="Alleen 'herzien: JJJJ' is toegestaan.")]
        herzien = velden.get("herzien")
        if herzien is not None and (not isinstance(herzien, int) or not 2000 <= herzien <= 2100):
            return None, [Melding(naam, f"'{herzien}' is geen jaartal.", rij=2,
                                  kolom="herzien", oplossing="Schrijf een jaartal, zoals 2025.")]
        tekst = tekst[kop.end():]
    verminkte = [(i, regel, fout) for i, regel in enumerate(volledig.splitlines(), start=1)
                 if (fout := verminkt(regel, csv=False)) is not None]
    if verminkte:
        return None, [Melding(naam, f"'{kort(regel.strip())}' {uitleg}", rij=i,
                              oplossing=oplossing) for i, regel, (uitleg, oplossing) in verminkte]
    tekst = tekst.strip()
    if not tekst:
        return None, []
    if re.search(r"<\s*script", tekst, re.I):
        return None, [Melding(naam, "de tekst bevat een script.",
                              oplossing="Gebruik gewone Markdown zonder <script>.")]
    return Tekstblok(plek, tekst, herzien), []


def lees_teksten(map_: Path) -> tuple[dict[str, Tekstblok], list[Melding]]:
    """Alle eigen teksten in ``map_/teksten``; een onbekende bestandsnaam is een fout (een
    tikfout zou de tekst anders stil laten verdwijnen)."""
    blokken: dict[str, Tekstblok] = {}
    meldingen: list[Melding] = []
    map_teksten = Path(map_) / MAP
    if not map_teksten.is_dir():
        return blokken, meldingen
    for pad in sorted(map_teksten.iterdir()):
        if pad.name.startswith(".") or pad.is_dir():
            continue
        stam = pad.name.removesuffix(".md")
        plek = PLEK_PER_NAAM.get(stam)
        if plek is None or pad.suffix != ".md":
            lijkt = difflib.get_close_matches(stam, list(PLEK_PER_NAAM), n=1)
            meldingen.append(Melding(
                f"{MAP}/{pad.name}", "dit is geen bekende plek voor een eigen tekst.",
                oplossing=(f"Bedoelt u '{lijkt[0]}.md'? " if lijkt else "")
                + "De plekken staan op de pagina Gegevensformaat."))
            continue
        blok, m = _lees_blok(pad, plek)
        meldingen += m
        if blok is not None:
            blokken[stam] = blok
    return blokken, meldingen
