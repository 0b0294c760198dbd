"""De velden van de raadsinformatiebrief: aan, datum, kenmerk, onderwerp, portefeuillehouder,
contact en de geplande datum van het raadsbesluit (``brief`` in ``dossier.yaml``).

Wat de bronnen niet geven, staat in een concept zichtbaar als "in te vullen" en telt als open
punt (:mod:`vangnet.dossier.concept`): de brief gaat pas de deur uit als alles er is. Een datum
die niet na het aanvraagjaar ligt, hoort bij een eerdere brief en telt ook als open punt.
De opmaak van de brief als PDF of Word gebruikt dezelfde velden (:func:`briefvelden`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vangnet import opmaak
from vangnet.data.dataset import Dataset
from vangnet.meldingen import Melding

VELDEN: tuple[tuple[str, str, str, bool], ...] = (
    ("aan", "Aan", "aan wie de brief is gericht", False),
    ("datum", "Datum", "de datum waarop de brief wordt verzonden", True),
    ("kenmerk", "Kenmerk", "het kenmerk of zaaknummer van de brief", True),
    ("onderwerp", "Onderwerp", "het onderwerp", False),
    ("portefeuillehouder", "Portefeuillehouder",
     "de portefeuillehouder, als rol (bijvoorbeeld wethouder Werk en Inkomen)", True),
    ("contact", "Vragen", "waar raadsleden met vragen terechtkunnen, als rol of afdeling", True),
    ("besluit_raad", "Besluit van de raad",
     "de raadsvergadering waarin de raad besluit over de instemming", True),
)
"""(veld in ``dossier.yaml``, label in de brief, wat er moet staan, verplicht)."""

IN_TE_VULLEN = "in te vullen"


@dataclass(frozen=True)
class Briefveld:
    naam: str
    label: str
    waarde: str
    """De tekst in de brief, of :data:`IN_TE_VULLEN`."""
    in_te_vullen: bool
    uitleg: str


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
    for naam, label, uitleg, _ in VELDEN:
        waarde = getattr(brief, naam) or _standaard(dataset, naam)
        if waarde is None or _verouderd(dataset, waarde):
            velden.append(Briefveld(naam, label, IN_TE_VULLEN, True, uitleg))
            continue
        tekst = opmaak.datum(waarde) if isinstance(waarde, dt.date) else str(waarde)
        velden.append(Briefveld(naam, label, tekst, False, uitleg))
    return velden


def open_briefvelden(dataset: Dataset) -> list[Melding]:
    """De verplichte velden die nog ontbreken of bij een eerdere brief horen. Een veld met
    ``IN TE VULLEN`` staat al bij de cellen en velden van de gegevens."""
    brief = dataset.dossier.brief
    regels = dataset.yaml_regels.get("dossier.yaml", {})
    meldingen = []
    for naam, _, uitleg, verplicht in VELDEN:
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
