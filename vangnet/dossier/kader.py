"""Is de aanvraag compleet? Toetsing aan het beoordelingskader (``beoordelingskader.yaml``).

Het kader legt per eis vast bij welk onderdeel van het aanvraagformulier die hoort, voor welke
aanvragen ze geldt en waar ze vandaan komt. Deze module toetst het dossier eraan en zegt per
eis of eraan is voldaan, en zo niet: wat er ontbreekt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from vangnet import opmaak
from vangnet.cijfers.kern import Cijferset
from vangnet.data.dataset import Dataset
from vangnet.regels.parameters import Referentie

KADER = Path(__file__).resolve().parent / "beoordelingskader.yaml"
REGIMENAAM = {"regulier": "het reguliere vangnet", "uitgebreid": "het uitgebreide vangnet"}


class _Bron(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    href: str | None = None


class _Eis(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    naam: str
    onderdeel: Literal["voorwaarde", "A", "B", "C", "D"]
    omschrijving: str
    geldt_voor: Literal["alle", "uitgebreid"]
    plaats: str
    status: Literal["bevestigd", "niet_bevestigd"]
    bronnen: tuple[_Bron, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Eis:
    id: str
    naam: str
    onderdeel: str
    omschrijving: str
    geldt_voor: str
    plaats: str
    status: str
    bronnen: tuple[Referentie, ...]


@dataclass(frozen=True)
class Toetsing:
    """De uitkomst voor één eis."""

    eis: Eis
    van_toepassing: bool
    voldaan: bool
    toelichting: str

    def __str__(self) -> str:
        teken = "✓" if self.voldaan else ("–" if not self.van_toepassing else "✗")
        return f"{teken} [{self.eis.onderdeel}] {self.eis.naam}: {self.toelichting}"


@cache
def laad_kader(pad: Path = KADER) -> tuple[Eis, ...]:
    ruw = yaml.safe_load(pad.read_text(encoding="utf-8"))
    eisen = [_Eis.model_validate(e) for e in ruw]
    return tuple(
        Eis(e.id, e.naam, e.onderdeel, e.omschrijving, e.geldt_voor, e.plaats, e.status,
            tuple(Referentie(b.title, b.href) for b in e.bronnen))
        for e in eisen
    )


def uitgebreid_of_herhaald(dataset: Dataset) -> bool:
    """Of de zwaardere eisen gelden: uitgebreide aanvraag, of een aanvraag in een van de twee
    voorgaande jaren."""
    aanvraag = dataset.dossier.aanvraag
    jaar = dataset.aanvraagjaar
    return aanvraag.soort == "uitgebreid" or bool(
        {jaar - 1, jaar - 2} & set(aanvraag.eerdere_aanvragen)
    )


def aantal_maatregelen(dataset: Dataset, **waar: str) -> int:
    """Het aantal maatregelen in maatregelen.csv met de gegeven waarden (status, soort, ...)."""
    tabel = dataset.tabel("maatregelen")
    for kolom, waarde in waar.items():
        tabel = tabel[tabel[kolom] == waarde]
    return len(tabel)


def uiterste_indiendatum(cijfers: Cijferset, jaar: int) -> tuple[dt.date, bool] | None:
    """De uiterste datum van indienen en of die datum bevestigd is."""
    id_ = f"aanvraag.uiterste_indiendatum.{jaar}"
    if id_ not in cijfers:
        return None
    cijfer = cijfers[id_]
    bevestigd = cijfer.parameter is not None and cijfer.parameter.status == "bevestigd"
    return dt.date.fromisoformat(str(cijfer.waarde)), bevestigd


def _toets(eis: Eis, dataset: Dataset, cijfers: Cijferset) -> tuple[bool, str]:
    jaar = dataset.aanvraagjaar
    aanvraag = dataset.dossier.aanvraag
    if f"vangnet.regime.{jaar}" not in cijfers and eis.id in ("tekort_boven_drempel",
                                                              "soort_aanvraag"):
        return False, (f"De vangnettoets over {jaar} is nog niet berekend: budget en kosten van "
                       "de jaren die de toets nodig heeft, moeten nog worden ingevuld (buig.csv).")
    regime = cijfers.waarde(f"vangnet.regime.{jaar}") if f"vangnet.regime.{jaar}" in cijfers \
        else ""
    if eis.id == "tekort_boven_drempel":
        if cijfers.waarde(f"vangnet.in_aanmerking.{jaar}"):
            return True, (f"Het tekort voldoet aan de voorwaarden van {REGIMENAAM[regime]} "
                          "(hoofdstuk 3).")
        return False, (f"Het tekort voldoet niet aan de voorwaarden van {REGIMENAAM[regime]}; "
                       "er is geen vangnetuitkering (hoofdstuk 3).")
    if eis.id == "soort_aanvraag":
        if regime == "uitgebreid" and aanvraag.soort != "uitgebreid":
            return False, (f"In {jaar} geldt het uitgebreide vangnet; dien een uitgebreide "
                           "aanvraag in (aanvraag.soort: uitgebreid in dossier.yaml).")
        if regime == "regulier" and aanvraag.soort == "uitgebreid":
            return False, (f"De aanvraag is opgegeven als uitgebreide aanvraag, maar in {jaar} "
                           "geldt het reguliere vangnet; dien een reguliere aanvraag in "
                           "(aanvraag.soort: regulier in dossier.yaml).")
        soort = "uitgebreide" if aanvraag.soort == "uitgebreid" else "reguliere"
        return True, f"Een {soort} aanvraag bij {REGIMENAAM[regime]}."
    if eis.id == "analyse_oorzaken":
        jaren = [j for j in range(jaar - 4, jaar + 1) if f"buig.tekort.{j}" in cijfers]
        eerder = [j for j in jaren if j < jaar]
        if jaar in jaren and len(eerder) >= 2:
            return True, (f"Budget, kosten en tekort over {jaren[0]}–{jaar} in hoofdstuk 3; de "
                          "oorzaken per onderdeel in hoofdstuk 4.")
        return False, (f"Voor de analyse zijn budget en kosten nodig over {jaar} en minstens "
                       "twee jaren ervoor (buig.csv).")
    if eis.id == "maatregel_getroffen":
        aantal = aantal_maatregelen(dataset, status="genomen")
        if aantal:
            return True, f"{aantal} genomen maatregelen in hoofdstuk 5."
        return False, ("Er is geen maatregel met status 'genomen' in maatregelen.csv; "
                       "aangekondigde of aanbevolen maatregelen tellen niet mee.")
    if eis.id == "intern_en_extern":
        intern = aantal_maatregelen(dataset, status="genomen", soort="intern")
        extern = aantal_maatregelen(dataset, status="genomen", soort="extern")
        if intern and extern:
            return True, f"{intern} interne en {extern} externe genomen maatregelen."
        ontbreekt = " en ".join(s for s, n in (("interne", intern), ("externe", extern)) if not n)
        return False, (f"Er is geen {ontbreekt} maatregel met status 'genomen' in "
                       "maatregelen.csv; een uitgebreide of herhaalde aanvraag vraagt beide.")
    if eis.id == "effect_doorgerekend":
        # aanbevelingen tellen niet mee: alleen genomen of geplande maatregelen
        aantal = sum(aantal_maatregelen(dataset, effect="gekwantificeerd", status=status)
                     for status in ("genomen", "gepland"))
        if aantal and f"doorrekening.resterend_tekort.{jaar + 1}" in cijfers:
            woord = "maatregel" if aantal == 1 else "maatregelen"
            return True, f"{aantal} {woord} met een doorgerekend effect in hoofdstuk 6."
        return False, ("Geen enkele genomen of geplande maatregel in maatregelen.csv heeft een "
                       "gekwantificeerd effect (aanbevelingen tellen niet mee); reken het beoogde "
                       "effect door en zet 'effect' op 'gekwantificeerd'.")
    if eis.id == "instemming_raad":
        return _instemming(dataset, cijfers)
    raise ValueError(f"onbekende eis '{eis.id}' in het beoordelingskader")


def _instemming(dataset: Dataset, cijfers: Cijferset) -> tuple[bool, str]:
    aanvraag = dataset.dossier.aanvraag
    jaar = dataset.aanvraagjaar
    uiterst = uiterste_indiendatum(cijfers, jaar)
    if aanvraag.raadsbesluit is None:
        return False, ("De datum van het raadsbesluit ontbreekt (aanvraag.raadsbesluit in "
                       "dossier.yaml); zonder instemming van de raad is de aanvraag niet "
                       "compleet.")
    if aanvraag.collegebesluit and aanvraag.raadsbesluit < aanvraag.collegebesluit:
        return False, (f"De raad stemde in op {opmaak.datum(aanvraag.raadsbesluit)}, vóór het "
                       f"collegebesluit van {opmaak.datum(aanvraag.collegebesluit)}; de raad "
                       "stemt in met een verklaring die het college al heeft afgelegd.")
    if uiterst is not None and aanvraag.raadsbesluit > uiterst[0]:
        voorbehoud = "" if uiterst[1] else " (deze datum is nog niet bevestigd)"
        return False, (f"Het raadsbesluit van {opmaak.datum(aanvraag.raadsbesluit)} ligt na de "
                       f"uiterste datum van indienen, {opmaak.datum(uiterst[0])}{voorbehoud}.")
    if uiterst is None:
        # Geen reden om de aanvraag te weigeren, wel om het te zeggen: de termijn is niet getoetst.
        return True, (f"De raad stemde in op {opmaak.datum(aanvraag.raadsbesluit)}. Let op: de "
                      f"uiterste datum van indienen voor {jaar} is niet bekend, dus niet "
                      "getoetst; voeg de datum met haar bron toe in "
                      "vangnet/parameters/aanvraag/uiterste_indiendatum.yaml.")
    tekst = f"De raad stemde in op {opmaak.datum(aanvraag.raadsbesluit)}"
    if uiterst is not None:
        voorbehoud = "" if uiterst[1] else ", nog niet bevestigd"
        tekst += f", vóór de uiterste datum van {opmaak.datum(uiterst[0])}{voorbehoud}"
    return True, tekst + "."


def toets_volledigheid(dataset: Dataset, cijfers: Cijferset) -> list[Toetsing]:
    """Alle eisen van het kader, getoetst aan het dossier."""
    zwaar = uitgebreid_of_herhaald(dataset)
    uitkomsten = []
    for eis in laad_kader():
        van_toepassing = eis.geldt_voor == "alle" or zwaar
        if not van_toepassing:
            uitkomsten.append(Toetsing(eis, False, True, "Geldt niet voor deze aanvraag."))
            continue
        voldaan, toelichting = _toets(eis, dataset, cijfers)
        uitkomsten.append(Toetsing(eis, True, voldaan, toelichting))
    return uitkomsten


def is_compleet(toetsingen: list[Toetsing]) -> bool:
    return all(t.voldaan for t in toetsingen)


def conceptreden(toetsingen: list[Toetsing]) -> str:
    """Waarom de aanvraag een concept is, of een lege tekst als ze compleet is."""
    ontbrekend = [t.eis.naam.lower() for t in toetsingen if not t.voldaan]
    if not ontbrekend:
        return ""
    from vangnet.opmaak import opsomming

    return f"De aanvraag is nog niet compleet: {opsomming(ontbrekend)} ontbreekt."
