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
from vangnet.data.dataset import RIJ, Dataset
from vangnet.data.schema import GETROFFEN, MAATREGELSTATUS
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
    """De uitkomst voor één eis.

    ``toelichting`` is voor de lezer van het dossier (geen bestandsnamen of velden);
    ``oplossing`` zegt de opsteller waar in de gegevens het te verhelpen is en verschijnt alleen
    bij ``vangnet check``."""

    eis: Eis
    van_toepassing: bool
    voldaan: bool
    toelichting: str
    oplossing: str = ""

    def __str__(self) -> str:
        teken = "✓" if self.voldaan else ("–" if not self.van_toepassing else "✗")
        tekst = f"{teken} [{self.eis.onderdeel}] {self.eis.naam}: {self.toelichting}"
        return f"{tekst} {self.oplossing}" if self.oplossing else tekst


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


def maatregelrijen(dataset: Dataset, groep: str | None = None, **waar: str) -> list[dict]:
    """De rijen van maatregelen.csv in een groep en met de gegeven waarden (soort, effect, ...).

    ``groep`` is een status (``besloten``, ``toegezegd``, ...) of ``getroffen`` (er is een
    besluit: besloten, uitgevoerd of geëvalueerd); zonder groep alle maatregelen."""
    if not dataset.heeft("maatregelen"):
        return []
    rijen = dataset.tabel("maatregelen").to_dict("records")
    if groep == "getroffen":
        rijen = [r for r in rijen if r["status"] in GETROFFEN]
    elif groep is not None:
        if groep not in MAATREGELSTATUS:
            raise KeyError(f"onbekende groep maatregelen '{groep}'")
        rijen = [r for r in rijen if r["status"] == groep]
    return [r for r in rijen if all(r[k] == v for k, v in waar.items())]


def aantal_maatregelen(dataset: Dataset, **waar: str) -> int:
    """Het aantal maatregelen met de gegeven waarden; ``status="getroffen"`` telt de maatregelen
    met een besluit."""
    status = waar.pop("status", None)
    return len(maatregelrijen(dataset, status, **waar))


def _namen(rijen: list[dict], status: bool = False, codes: bool = True) -> str:
    """'Huidig beleid voortzetten (M01) en Taallessen (M03)'; zonder codes 'Huidig beleid
    voortzetten' en 'Taallessen' tussen aanhalingstekens (een naam midden in een zin)."""
    if not codes:
        return opmaak.opsomming([f"‘{r['maatregel']}’" for r in rijen])
    return opmaak.opsomming([
        f"{r['maatregel']} ({r['id']}" + (f", {MAATREGELSTATUS[r['status']]})" if status else ")")
        for r in rijen])


@dataclass(frozen=True)
class Maatregelbewijs:
    """Een maatregel zoals de tekst hem toont: naam, kenmerken, omschrijving en het bewijs
    (besluit, datum, uitvoering) als (label, tekst)."""

    id: str
    naam: str
    kenmerken: str
    omschrijving: str
    bewijs: tuple[tuple[str, str], ...]


def maatregelbewijs(dataset: Dataset, groep: str | None = None, **waar: str
                    ) -> list[Maatregelbewijs]:
    """De maatregelen in een groep met hun bewijs, in de volgorde van het bestand."""
    uit = []
    for r in maatregelrijen(dataset, groep, **waar):
        bewijs: list[tuple[str, str]] = []
        if r["besluit"]:
            if r["besluitdatum"]:
                datum = opmaak.datum(r["besluitdatum"])
            elif dataset.is_in_te_vullen("maatregelen.csv", r[RIJ], "besluitdatum"):
                datum = "datum nog in te vullen"
            else:
                datum = "datum niet bekend"
            bewijs.append(("Besluit", f"{r['besluit']} ({datum})"))
        elif r["status"] in ("toegezegd", "beeindigd"):
            bewijs.append(("Besluit", "geen besluit bekend"))
        if r["uitvoering"]:
            bewijs.append(("Uitvoering", r["uitvoering"]))
        elif r["status"] != "aanbevolen":
            bewijs.append(("Uitvoering", "daarover zeggen de bronnen niets"))
        bewijs.append(("Vastgelegd in", r["bron_document"]))
        kenmerken = [r["id"], r["soort"], MAATREGELSTATUS[r["status"]]]
        start = r["jaar_start"]
        if start is not None and start == start:  # een lege cel kan NaN zijn
            kenmerken.append(f"sinds {int(start)}")
        uit.append(Maatregelbewijs(r["id"], r["maatregel"], ", ".join(kenmerken),
                                   r["omschrijving"], tuple(bewijs)))
    return uit


def maatregelnamen(dataset: Dataset, groep: str | None = None, *, codes: bool = True,
                   **waar: str) -> str:
    """'Inzet op loonkostensubsidie (M06, uitgevoerd)': de maatregelen in een groep bij naam;
    met ``codes=False`` zonder code en status, voor een lezer buiten het dossier."""
    return _namen(maatregelrijen(dataset, groep, **waar), status=codes, codes=codes)


EFFECTCIJFER = {
    "lks-budget": ("lks.budget_verwacht", 1, "doorrekening.lks-budget",
                   "de doorrekening van het LKS-budget voor {jaar}"),
    "ambitie": ("doorrekening.scenario.besparing", 1, "doorrekening.ambitie",
                "het scenario met de ambitie uit de vergelijkingsgroep voor {jaar}"),
}
"""Per soort effect (kolom ``effect``): het cijfer dat het effect laat zien, het jaar ten
opzichte van het aanvraagjaar, de paragraaf en hoe de tekst de berekening noemt."""

OP_HET_TEKORT = frozenset({"ambitie"})
"""De soorten effect die een verandering van het tekort doorrekenen; ``lks-budget`` rekent het
LKS-budget van het volgende jaar door, niet wat dat met het tekort doet."""


def doorgerekend(dataset: Dataset, cijfers: Cijferset, effect: str) -> str | None:
    """De id van het cijfer dat het effect laat zien, of ``None`` als die berekening in dit
    dossier ontbreekt."""
    basis, verschuiving, _, _ = EFFECTCIJFER[effect]
    id_ = f"{basis}.{dataset.aanvraagjaar + verschuiving}"
    # het effect staat in het hoofdstuk over de doorrekening; zonder doorrekening.yaml is dat
    # hoofdstuk er niet, dus is het effect in dit dossier niet doorgerekend
    if dataset.doorrekening is None:
        return None
    return id_ if id_ in cijfers else None


def ontbrekend_voor(dataset: Dataset, cijfers: Cijferset, effect: str) -> list[str]:
    """Wat er voor de doorrekening bij ``effect`` nog ontbreekt, in woorden met bestand en kolom
    (leeg als niets ontbreekt of als het niet precies te zeggen is)."""
    jaar = dataset.aanvraagjaar
    if effect == "lks-budget":
        uit = [] if dataset.doorrekening is not None else ["doorrekening.yaml"]
        if f"buig.kosten_lks.{jaar}" not in cijfers:
            uit.append(f"in buig.csv de kosten_lks over {jaar} (en budget_lks, kosten_uitkeringen "
                       "en budget_uitkeringen, die samen het totaal vormen)")
        for j in (jaar, jaar + 1):
            if f"lks.macrobudget.{j}" not in cijfers:
                uit.append(f"in lks_landelijk.csv het landelijke macrobudget LKS voor {j}")
        if not any(f"lks.uitnutting.{j}" in cijfers for j in range(jaar - 10, jaar)):
            uit.append(f"in lks_landelijk.csv de landelijke uitgaven van minstens één jaar vóór "
                       f"{jaar}")
        return uit
    if effect == "ambitie":
        uit = []
        if dataset.doorrekening is None:
            uit.append("doorrekening.yaml")
        if not dataset.heeft("vergelijkingsgroep"):
            uit.append("vergelijkingsgroep.csv")
        return uit
    return []


def berekening(dataset: Dataset, effect: str) -> str:
    """Hoe de tekst de berekening bij een soort effect noemt."""
    _, verschuiving, _, naam = EFFECTCIJFER[effect]
    return naam.format(jaar=dataset.aanvraagjaar + verschuiving)


def uiterste_indiendatum(cijfers: Cijferset, jaar: int) -> tuple[dt.date, bool] | None:
    """De uiterste datum van indienen en of die datum bevestigd is."""
    id_ = f"aanvraag.uiterste_indiendatum.{jaar}"
    if id_ not in cijfers:
        return None
    cijfer = cijfers[id_]
    bevestigd = cijfer.parameter is not None and cijfer.parameter.status == "bevestigd"
    return dt.date.fromisoformat(str(cijfer.waarde)), bevestigd


def _toets(eis: Eis, dataset: Dataset, cijfers: Cijferset) -> tuple[bool, str, str]:
    """(voldaan, toelichting voor de lezer, oplossing voor de opsteller)."""
    jaar = dataset.aanvraagjaar
    aanvraag = dataset.dossier.aanvraag
    if f"vangnet.regime.{jaar}" not in cijfers and eis.id in ("tekort_boven_drempel",
                                                              "soort_aanvraag"):
        return False, (f"De vangnettoets over {jaar} is nog niet berekend: budget en kosten van "
                       "de jaren die de toets nodig heeft, ontbreken nog."),\
            "Vul ze in in buig.csv."
    regime = cijfers.waarde(f"vangnet.regime.{jaar}") if f"vangnet.regime.{jaar}" in cijfers \
        else ""
    if eis.id == "tekort_boven_drempel":
        if cijfers.waarde(f"vangnet.in_aanmerking.{jaar}"):
            return True, (f"Het tekort voldoet aan de voorwaarden van {REGIMENAAM[regime]} "
                          "(hoofdstuk 3)."), ""
        return False, (f"Het tekort voldoet niet aan de voorwaarden van {REGIMENAAM[regime]}; "
                       "er is geen vangnetuitkering (hoofdstuk 3)."), ""
    if eis.id == "soort_aanvraag":
        if regime == "uitgebreid" and aanvraag.soort != "uitgebreid":
            return False, (f"In {jaar} geldt het uitgebreide vangnet; daarvoor is een "
                           "uitgebreide aanvraag nodig."), \
                "Zet aanvraag.soort in dossier.yaml op uitgebreid."
        if regime == "regulier" and aanvraag.soort == "uitgebreid":
            return False, (f"De aanvraag is opgegeven als uitgebreide aanvraag, maar in {jaar} "
                           "geldt het reguliere vangnet; daarvoor is een reguliere aanvraag "
                           "nodig."), "Zet aanvraag.soort in dossier.yaml op regulier."
        soort = "uitgebreide" if aanvraag.soort == "uitgebreid" else "reguliere"
        return True, f"Een {soort} aanvraag bij {REGIMENAAM[regime]}.", ""
    if eis.id == "analyse_oorzaken":
        jaren = [j for j in range(jaar - 4, jaar + 1) if f"buig.tekort.{j}" in cijfers]
        eerder = [j for j in jaren if j < jaar]
        if jaar in jaren and len(eerder) >= 2:
            return True, (f"Budget, kosten en tekort over {jaren[0]}–{jaar} in hoofdstuk 3; de "
                          "oorzaken per onderdeel in hoofdstuk 4."), ""
        return False, (f"Voor de analyse zijn budget en kosten nodig over {jaar} en minstens "
                       "twee jaren ervoor."), "Vul ze in in buig.csv."
    if eis.id == "maatregel_getroffen":
        return _getroffen(dataset)
    if eis.id == "intern_en_extern":
        return _intern_en_extern(dataset)
    if eis.id == "effect_doorgerekend":
        return _effect(dataset, cijfers)
    if eis.id == "instemming_raad":
        return _instemming(dataset, cijfers)
    raise ValueError(f"onbekende eis '{eis.id}' in het beoordelingskader")


_OPLOSSING_BESLUIT = ("Heeft een maatregel een besluit, zet dan in maatregelen.csv de status "
                      "op 'besloten' (of 'uitgevoerd' of 'geëvalueerd') en noem het besluit in "
                      "de kolom besluit.")


def _zonder_besluit(dataset: Dataset) -> str:
    """' Zonder besluit, dus niet meegeteld: toegezegd: M01 ...; aanbevolen: A01 ...'."""
    delen = []
    for status in ("toegezegd", "aanbevolen"):
        rijen = maatregelrijen(dataset, status)
        if rijen:
            delen.append(f"{status}: " + opmaak.opsomming(
                [f"{r['id']} {r['maatregel']}" for r in rijen]))
    if not delen:
        return ""
    return f" Zonder besluit, dus niet meegeteld, {'; '.join(delen)}."


def _aantal(aantal: int, enkelvoud: str, meervoud: str) -> str:
    return f"{aantal} {enkelvoud if aantal == 1 else meervoud}"


def _getroffen(dataset: Dataset) -> tuple[bool, str, str]:
    getroffen = maatregelrijen(dataset, "getroffen")
    if getroffen:
        return True, (f"{_aantal(len(getroffen), 'maatregel', 'maatregelen')} met een besluit "
                      "(hoofdstuk 5)."
                      + _zonder_besluit(dataset)), ""
    return False, ("Geen enkele maatregel heeft een besluit; aangekondigde, toegezegde of "
                   "aanbevolen maatregelen tellen niet mee." + _zonder_besluit(dataset)), \
        _OPLOSSING_BESLUIT


def _intern_en_extern(dataset: Dataset) -> tuple[bool, str, str]:
    intern = maatregelrijen(dataset, "getroffen", soort="intern")
    extern = maatregelrijen(dataset, "getroffen", soort="extern")
    if intern and extern:
        return True, (f"{len(intern)} interne en "
                      f"{_aantal(len(extern), 'externe maatregel', 'externe maatregelen')} met "
                      f"een besluit; extern: {_namen(extern)}."), ""
    ontbreekt = " en ".join(s for s, n in (("interne", intern), ("externe", extern)) if not n)
    return False, (f"Er is geen {ontbreekt} maatregel met een besluit; een uitgebreide of "
                   "herhaalde aanvraag vraagt beide."), \
        _OPLOSSING_BESLUIT


def _effect(dataset: Dataset, cijfers: Cijferset) -> tuple[bool, str, str]:
    """Onderdeel C: het doorgerekende effect van een maatregel met een besluit. Een aanbeveling
    of toezegging met een doorgerekend effect telt niet mee."""
    met_effect = [r for r in maatregelrijen(dataset) if r["effect"] in EFFECTCIJFER]
    berekend = [r for r in met_effect if doorgerekend(dataset, cijfers, r["effect"])]
    geldig = [r for r in berekend if r["status"] in GETROFFEN]
    if geldig:
        delen = [f"{r['maatregel']} ({r['id']}, {MAATREGELSTATUS[r['status']]}): "
                 f"{berekening(dataset, r['effect'])}" for r in geldig]
        tekst = f"Doorgerekend effect van {opmaak.opsomming(delen)}."
        if not any(r["effect"] in OP_HET_TEKORT for r in geldig):
            tekst += (" Dat is een effect op het LKS-budget, niet op het tekort: wat de "
                      "getroffen maatregelen met het tekort doen, is niet doorgerekend.")
        overig = [r for r in berekend if r["status"] not in GETROFFEN]
        if overig:
            tekst += (f" Niet meegeteld, want zonder besluit: {_namen(overig, status=True)}.")
        return True, tekst, ""
    if berekend:
        return False, (f"Alleen {_namen(berekend, status=True)} "
                       f"{'heeft' if len(berekend) == 1 else 'hebben'} een doorgerekend "
                       "effect, en zonder besluit telt dat niet mee: een aanbeveling of "
                       "toezegging is geen getroffen maatregel."), \
            ("Reken het effect door van een maatregel met een besluit en noem in "
             "maatregelen.csv in de kolom effect welke doorrekening erbij hoort.")
    if met_effect:
        werkwoord = "verwijst" if len(met_effect) == 1 else "verwijzen"
        nodig = [n for effect in dict.fromkeys(r["effect"] for r in met_effect)
                 for n in ontbrekend_voor(dataset, cijfers, effect)]
        return False, (f"{_namen(met_effect)} {werkwoord} naar een doorrekening die in dit "
                       "dossier ontbreekt, omdat de gegevens ervoor niet zijn aangeleverd."), \
            (f"Daarvoor ontbreekt nog: {opmaak.opsomming(nodig)} (zie de pagina "
             "Gegevensformaat)." if nodig else
             "Lever de gegevens voor die doorrekening aan (zie de pagina Gegevensformaat).")
    return False, "Geen enkele maatregel met een besluit heeft een doorgerekend effect.", \
        ("Noem in maatregelen.csv in de kolom effect welke doorrekening het effect laat zien "
         "('lks-budget' of 'ambitie').")


def _instemming(dataset: Dataset, cijfers: Cijferset) -> tuple[bool, str, str]:
    aanvraag = dataset.dossier.aanvraag
    jaar = dataset.aanvraagjaar
    uiterst = uiterste_indiendatum(cijfers, jaar)
    if aanvraag.raadsbesluit is None:
        return False, ("De gemeenteraad heeft nog niet ingestemd; zonder die instemming is de "
                       "aanvraag niet compleet."), \
            "Vul de datum van het raadsbesluit in bij aanvraag.raadsbesluit in dossier.yaml."
    if aanvraag.collegebesluit is None:
        return False, (f"De raad stemde in op {opmaak.datum(aanvraag.raadsbesluit)}, maar de "
                       "datum van het collegebesluit ontbreekt; de raad stemt in met een "
                       "verklaring van het college, en onderdeel D noemt die datum."), \
            "Vul de datum van het collegebesluit in bij aanvraag.collegebesluit in dossier.yaml."
    if aanvraag.raadsbesluit < aanvraag.collegebesluit:
        return False, (f"De raad stemde in op {opmaak.datum(aanvraag.raadsbesluit)}, vóór het "
                       f"collegebesluit van {opmaak.datum(aanvraag.collegebesluit)}; de raad "
                       "stemt in met een verklaring die het college al heeft afgelegd."), ""
    if uiterst is not None and aanvraag.raadsbesluit > uiterst[0]:
        voorbehoud = "" if uiterst[1] else " (deze datum is nog niet bevestigd)"
        return False, (f"Het raadsbesluit van {opmaak.datum(aanvraag.raadsbesluit)} ligt na de "
                       f"uiterste datum van indienen, {opmaak.datum(uiterst[0])}{voorbehoud}."), ""
    if uiterst is None:
        # Geen reden om de aanvraag te weigeren, wel om het te zeggen: de termijn is niet getoetst.
        return True, (f"De raad stemde in op {opmaak.datum(aanvraag.raadsbesluit)}. Let op: de "
                      f"uiterste datum van indienen voor {jaar} is niet bekend, dus niet "
                      "getoetst."), ("Voeg de datum met haar bron toe in "
                                     "vangnet/parameters/aanvraag/uiterste_indiendatum.yaml.")
    tekst = f"De raad stemde in op {opmaak.datum(aanvraag.raadsbesluit)}"
    if uiterst is not None:
        voorbehoud = "" if uiterst[1] else ", nog niet bevestigd"
        tekst += f", vóór de uiterste datum van {opmaak.datum(uiterst[0])}{voorbehoud}"
    return True, tekst + ".", ""


def toets_volledigheid(dataset: Dataset, cijfers: Cijferset) -> list[Toetsing]:
    """Alle eisen van het kader, getoetst aan het dossier."""
    zwaar = uitgebreid_of_herhaald(dataset)
    uitkomsten = []
    for eis in laad_kader():
        van_toepassing = eis.geldt_voor == "alle" or zwaar
        if not van_toepassing:
            uitkomsten.append(Toetsing(eis, False, True, "Geldt niet voor deze aanvraag."))
            continue
        voldaan, toelichting, oplossing = _toets(eis, dataset, cijfers)
        uitkomsten.append(Toetsing(eis, True, voldaan, toelichting, oplossing))
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
