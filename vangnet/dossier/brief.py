"""De velden van de raadsinformatiebrief (``brief`` in ``dossier.yaml``): het briefhoofd (aan,
datum, kenmerk, onderwerp, portefeuillehouder, inlichtingen), de geplande datum van het
raadsbesluit, en twee optionele velden voor de tekst: hoe de gemeente haar deel van het tekort
dekt en hoe de bezwaren tegen het budget zijn afgelopen.

Wat de bronnen niet geven, staat in een concept één keer zichtbaar als "in te vullen" en telt
als open punt (:mod:`vangnet.dossier.concept`): de brief gaat pas de deur uit als alles er is.
Een datum die niet na het aanvraagjaar ligt, hoort bij een eerdere brief en telt ook als open
punt. De site, de PDF en het Word-bestand gebruiken dezelfde velden (:func:`briefvelden`) en
dezelfde bijlagen (:func:`bijlagen`): er is één briefhoofd.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vangnet import opmaak
from vangnet.data.dataset import Dataset
from vangnet.meldingen import Melding

VELDEN: tuple[tuple[str, str, str, bool, bool], ...] = (
    ("aan", "Aan", "aan wie de brief is gericht", False, True),
    ("datum", "Datum", "de datum waarop de brief wordt verzonden", True, True),
    ("kenmerk", "Kenmerk", "het kenmerk of zaaknummer van de brief", True, True),
    ("onderwerp", "Onderwerp", "het onderwerp", False, True),
    ("portefeuillehouder", "Portefeuillehouder",
     "de portefeuillehouder, als rol (bijvoorbeeld wethouder Werk en Inkomen)", True, True),
    ("contact", "Inlichtingen",
     "waar raadsleden met vragen terechtkunnen, als rol of afdeling", True, True),
    ("besluit_raad", "Raadsvergadering",
     "de raadsvergadering waarin de raad besluit over de instemming", True, False),
    ("dekking", "Dekking",
     "hoe de gemeente het deel van het tekort dekt dat voor haar rekening blijft", False, False),
    ("bezwaren", "Bezwaren",
     "hoe de bezwaren tegen de vaststelling van het budget zijn afgelopen", False, False),
)
"""(veld in ``dossier.yaml``, label, wat er moet staan, verplicht, in het briefhoofd).

De velden in het briefhoofd staan bovenaan de brief (site, PDF en Word gelijk); de andere
komen in de tekst: de datum van de raadsvergadering in het verzoek aan de raad, de dekking bij
de gevolgen voor de begroting, de bezwaren bij de oorzaken."""

IN_TE_VULLEN = "in te vullen"


@dataclass(frozen=True)
class Briefveld:
    naam: str
    label: str
    waarde: str
    """De tekst in de brief, of :data:`IN_TE_VULLEN`; leeg voor een optioneel veld dat niet is
    gegeven en ook niet als ``IN TE VULLEN`` is gemarkeerd."""
    in_te_vullen: bool
    uitleg: str
    briefhoofd: bool = False

    @property
    def gegeven(self) -> bool:
        return bool(self.waarde) and not self.in_te_vullen


@dataclass(frozen=True)
class Bijlage:
    titel: str
    pad: str
    """De pagina van de site (``dossier/inleiding/``)."""


def bijlagen(dataset: Dataset) -> tuple[Bijlage, ...]:
    """De bijlagen van de brief, in hun volgorde (bijlage 1, bijlage 2): het dossier en het
    aanvraagformulier, bij hun titel."""
    jaar = dataset.aanvraagjaar
    return (Bijlage(f"Dossier bij de aanvraag van een vangnetuitkering over {jaar}",
                    "dossier/inleiding/"),
            Bijlage(f"Aanvraagformulier vangnetuitkering {jaar}, onderdelen A tot en met D",
                    "aanvraag/"))


def _standaard(dataset: Dataset, naam: str) -> str | None:
    dossier = dataset.dossier
    if naam == "aan":
        return f"De gemeenteraad van {dossier.gemeente.naam}"
    if naam == "onderwerp":
        return f"Aanvraag vangnetuitkering {dataset.aanvraagjaar}"
    return None


def _verouderd(dataset: Dataset, waarde: object) -> bool:
    """Een datum van een brief over dit aanvraagjaar ligt na het aanvraagjaar."""
    return isinstance(waarde, dt.date) and waarde.year <= dataset.aanvraagjaar


def briefvelden(dataset: Dataset) -> list[Briefveld]:
    """De velden van de brief in de volgorde van de brief."""
    brief = dataset.dossier.brief
    velden = []
    for naam, label, uitleg, verplicht, hoofd in VELDEN:
        waarde = getattr(brief, naam) or _standaard(dataset, naam)
        gemarkeerd = dataset.is_in_te_vullen("dossier.yaml", None, f"brief.{naam}")
        if waarde is None and not verplicht and not gemarkeerd:
            velden.append(Briefveld(naam, label, "", False, uitleg, hoofd))
        elif waarde is None or _verouderd(dataset, waarde):
            velden.append(Briefveld(naam, label, IN_TE_VULLEN, True, uitleg, hoofd))
        else:
            tekst = opmaak.datum(waarde) if isinstance(waarde, dt.date) else str(waarde)
            velden.append(Briefveld(naam, label, tekst, False, uitleg, hoofd))
    return velden


def open_briefvelden(dataset: Dataset) -> list[Melding]:
    """De verplichte velden die nog ontbreken of bij een eerdere brief horen. Een veld met
    ``IN TE VULLEN`` staat al bij de cellen en velden van de gegevens."""
    brief = dataset.dossier.brief
    regels = dataset.yaml_regels.get("dossier.yaml", {})
    meldingen = []
    for naam, _, uitleg, verplicht, _ in VELDEN:
        kolom = f"brief.{naam}"
        waarde = getattr(brief, naam)
        rij = regels.get(("brief", naam))
        if _verouderd(dataset, waarde):
            meldingen.append(Melding(
                "dossier.yaml", f"de datum {opmaak.datum(waarde)} ligt niet na het aanvraagjaar "
                f"{dataset.aanvraagjaar}; die hoort bij een eerdere brief.", rij=rij, kolom=kolom,
                oplossing=f"Vul {uitleg} in."))
        elif verplicht and waarde is None \
                and not dataset.is_in_te_vullen("dossier.yaml", None, kolom):
            meldingen.append(Melding(
                "dossier.yaml", f"dit veld van de raadsinformatiebrief ontbreekt nog: {uitleg}.",
                rij=rij, kolom=kolom,
                oplossing="Vul het in onder brief: in dossier.yaml; de brief toont tot dan "
                "'in te vullen'."))
    return meldingen
