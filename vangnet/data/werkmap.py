"""Een Excel-werkmap als dossier: dezelfde controle als voor de CSV- en YAML-bestanden.

``vangnet check``, ``bereken``, ``aanvraag`` en ``bouw`` nemen met ``--data`` ook een werkmap
(``.xlsx``). Er is geen tweede controle: :class:`Werkmap` zet elk werkblad om in precies de
tekst die de CSV-lezer anders uit het bestand krijgt (één regel per rij van het werkblad, zodat
rij 5 van het werkblad rij 5 van het CSV-bestand is) en de YAML-werkbladen in YAML, in een
tijdelijke dossiermap. Daarop draait de gewone controle (:func:`vangnet.data.dataset.laad_dataset`);
elke melding wordt daarna vertaald naar het werkblad, de Excel-rij en de kolom (letter en naam):
"werkblad buig, rij 5, kolom H (kosten): ...".

Alleen wat een CSV-bestand niet kan hebben, controleert de omzetting zelf, per cel: een getal dat
als tekst in de cel staat, een datum waar een jaartal of getal hoort, de Excel-opmaak procent (die
0,0994 als 9,94% toont), een Excel-fout (#VERW!), een logische waarde of een formule zonder
berekende waarde. Getallen worden exact: de kortste decimale weergave van de ``float``, met de 15
significante cijfers die Excel bewaart (zie :func:`vangnet.data.werkbladen.getal_uit_excel`).

De eigen teksten staan niet in de werkmap: een map ``teksten/`` naast de werkmap gaat mee.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

import yaml
from pydantic_core import PydanticCustomError

from vangnet.data.cellen import MARKERING, lees_getal
from vangnet.data.lezen import normaliseer_kolomnaam
from vangnet.data.werkbladen import (
    KOLOM_ENKELVOUDIG,
    KOLOMMEN_SLEUTELBLAD,
    UITLEG,
    Indeling,
    Lijstblad,
    Sleutelblad,
    Soort,
    Tabelblad,
    getal_uit_excel,
    getaltekst,
    indeling,
)
from vangnet.meldingen import Gegevensfout, Melding

EXTENSIES = (".xlsx", ".xlsm")
_OUDE_INDELINGEN = {
    ".xls": "een oude Excel-werkmap (.xls)",
    ".ods": "een LibreOffice-werkmap (.ods)",
    ".numbers": "een Numbers-werkmap",
}
_EXCELFOUTEN = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                "#GETTING_DATA", "#SPILL!", "#CALC!", "#LEEG!", "#DEEL/0!", "#WAARDE!",
                "#VERW!", "#NAAM?", "#GETAL!", "#N/B"}


def is_werkmap(pad: Path | str) -> bool:
    """Of ``pad`` een Excel-werkmap is (aan de extensie), in plaats van een dossiermap."""
    return Path(pad).suffix.lower() in EXTENSIES


def andere_werkmap(pad: Path | str) -> str | None:
    """Een omschrijving als ``pad`` een werkmap is die vangnet niet leest (.xls, .ods)."""
    return _OUDE_INDELINGEN.get(Path(pad).suffix.lower())


@dataclass(frozen=True)
class Werkbladmelding(Melding):
    """Een melding over een cel in een werkmap. ``bestand`` is het werkblad ("werkblad buig") en
    ``kolom`` de plaatsaanduiding zoals de gebruiker die ziet ("kolom H (kosten)")."""

    def zonder_oplossing(self) -> str:
        plaats = [self.bestand]
        if self.rij is not None:
            plaats.append(f"rij {self.rij}")
        if self.kolom:
            plaats.append(self.kolom)
        return f"{', '.join(plaats)}: {self.tekst}"


def kolomletter(index: int) -> str:
    """1 → A, 27 → AA."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


@dataclass(frozen=True)
class Celplaats:
    blad: str
    rij: int | None
    kolom: str | None


# -- cellen omzetten ------------------------------------------------------------------------------


def _procentopmaak(opmaak: str | None) -> bool:
    """Of een getalnotatie Excels procentopmaak is (die de waarde met 100 vermenigvuldigt);
    een %-teken tussen aanhalingstekens (``0.0000"%"``) is alleen tekst."""
    if not opmaak:
        return False
    zonder = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", opmaak)
    return "%" in zonder


def _datumtekst(waarde: dt.date | dt.datetime | dt.time) -> str:
    if isinstance(waarde, dt.datetime) and waarde.time() == dt.time(0):
        waarde = waarde.date()
    if isinstance(waarde, dt.date) and not isinstance(waarde, dt.datetime):
        return waarde.strftime("%d-%m-%Y")
    return str(waarde)


def _serienummer(waarde: dt.date | dt.datetime) -> Decimal | None:
    """Het getal achter een datum in Excel (1 januari 1900 is 1)."""
    try:
        from openpyxl.utils.datetime import to_excel

        return getal_uit_excel(to_excel(waarde))
    except (TypeError, ValueError, OverflowError):
        return None


@dataclass(frozen=True)
class Celfout:
    tekst: str
    oplossing: str


def zet_om(waarde: Any, soort: Soort | None, opmaak: str | None = None,
           formule: bool = False) -> tuple[Any, Celfout | None]:
    """Eén cel uit de werkmap: de waarde zoals de controle haar krijgt (een ``Decimal`` voor een
    getal, een ``date`` voor een datum, anders tekst) en eventueel wat eraan mankeert.

    ``soort`` is de soort van de kolom (``None`` voor een onbekende kolom of sleutel)."""
    if waarde is None:
        if formule:
            return None, Celfout(
                "de cel bevat een formule zonder berekende waarde.",
                "Open de werkmap in Excel of LibreOffice en sla haar op, zodat de uitkomst van "
                "de formule wordt bewaard; of typ de waarde zelf.")
        return None, None
    if isinstance(waarde, str) and waarde.strip().upper() in _EXCELFOUTEN:
        return waarde, Celfout(f"de cel bevat de Excel-fout {waarde.strip()}.",
                               "Herstel de formule of typ de waarde zelf.")
    if isinstance(waarde, str) and soort is not None and soort.naam == "datum" \
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde.strip()):
        try:
            return dt.date.fromisoformat(waarde.strip()), None
        except ValueError:
            return waarde, None  # de controle noemt een onmogelijke datum
    if isinstance(waarde, bool):
        return str(waarde), Celfout(
            f"de cel bevat de logische waarde {'WAAR' if waarde else 'ONWAAR'}.",
            "Typ hier een getal of tekst.")
    if isinstance(waarde, dt.date | dt.datetime | dt.time):
        if soort is not None and soort.naam == "datum" and isinstance(waarde, dt.date):
            return (waarde.date() if isinstance(waarde, dt.datetime) else waarde), None
        if soort is None and isinstance(waarde, dt.date):
            return (waarde.date() if isinstance(waarde, dt.datetime) else waarde), None
        tekst = _datumtekst(waarde)
        oplossing = ("Typ hier tekst in een cel met de opmaak 'Tekst'." if
                     soort is not None and soort.naam in ("tekst", "keuze") else
                     "Geef de cel de opmaak 'Standaard' of 'Getal' en typ het getal opnieuw.")
        serie = _serienummer(waarde) if not isinstance(waarde, dt.time) else None
        if soort is not None and soort.eenheid == "jaar":
            if serie is not None and 2000 <= serie <= 2100:
                oplossing = (f"Het jaartal {serie} is als datum opgemaakt ({tekst}); geef de cel "
                             "de opmaak 'Standaard' of 'Getal'.")
            elif isinstance(waarde, dt.date):
                oplossing = (f"Typ het jaartal als getal, bijvoorbeeld {waarde.year}, in een cel "
                             "met de opmaak 'Standaard' of 'Getal'.")
        soortwoord = "een tijd" if isinstance(waarde, dt.time) else "een datum"
        verwacht = "een jaartal" if soort is not None and soort.eenheid == "jaar" else (
            "tekst" if soort is not None and soort.naam in ("tekst", "keuze") else "een getal")
        return tekst, Celfout(f"de cel is {soortwoord} ({tekst}), maar hier hoort {verwacht}.",
                              oplossing)
    if isinstance(waarde, int | float):
        getal = getal_uit_excel(waarde)
        if not getal.is_finite():
            return str(waarde), Celfout("de cel bevat geen eindig getal.", "Typ een getal.")
        if _procentopmaak(opmaak):
            return getal, Celfout(
                f"de cel heeft de Excel-opmaak 'Percentage': Excel toont {_nl(getal * 100)}%, "
                f"maar bewaart {_nl(getal)}, en vangnet leest het bewaarde getal.",
                "Geef de cel de opmaak 'Getal' (of kopieer de opmaak van een andere cel in de "
                "kolom) en typ het percentage zelf, zonder %: "
                f"{_nl(getal * 100)} voor {_nl(getal * 100)}%.")
        if soort is not None and soort.naam == "datum":
            return getal, Celfout(f"de cel bevat het getal {_nl(getal)}, maar hier hoort een "
                                  "datum.", "Geef de cel de opmaak 'Datum' en typ de datum.")
        if soort is None or soort.numeriek:
            return getal, None
        return getaltekst(getal), None
    tekst = str(waarde)
    if soort is not None and soort.numeriek and tekst.strip() \
            and tekst.strip() != MARKERING:
        return tekst, _getal_als_tekst(tekst.strip())
    return tekst, None


def _nl(getal: Decimal) -> str:
    """Een getal zoals een Nederlandse gebruiker het typt: 0,0994."""
    return getaltekst(getal).replace(".", ",")


def _getal_als_tekst(tekst: str) -> Celfout:
    try:
        getal = lees_getal(tekst)
    except PydanticCustomError as fout:
        uitleg = fout.message()
        return Celfout(f"'{tekst}' staat als tekst in de cel, niet als getal.",
                       uitleg[0].upper() + uitleg[1:] + " Typ het getal in een cel met de "
                       "opmaak 'Standaard' of 'Getal'.")
    voorbeeld = _nl(getal) if getal is not None else tekst
    return Celfout(f"'{tekst}' staat als tekst in de cel, niet als getal.",
                   f"Typ het opnieuw als getal ({voorbeeld}) in een cel met de opmaak 'Standaard' "
                   "of 'Getal'; een getal als tekst rekent Excel niet mee en kan anders gelezen "
                   "worden dan bedoeld.")


# -- de werkmap lezen -----------------------------------------------------------------------------


@dataclass
class Gelezentabel:
    """Een tabelwerkblad, omgezet."""

    blad: Tabelblad
    titel: str
    """De naam van het werkblad zoals in de werkmap."""
    kop: list[str]
    letters: dict[str, str]
    """Genormaliseerde kolomnaam → kolomletter."""
    zonder_naam: list[str]
    regels: list[list[str]]
    """Rij 2 tot en met de laatste gevulde rij, elke cel als tekst (lege rijen leeg)."""
    rijen: list[tuple[int, dict[str, str]]]
    """De gevulde rijen: het Excel-rijnummer en de tekst per (genormaliseerde) kolomnaam."""

    def csv(self) -> str:
        """De tekst die de CSV-lezer krijgt: rij *n* van het werkblad is regel *n*."""
        uit = io.StringIO()
        schrijver = csv.writer(uit, lineterminator="\n")
        schrijver.writerow(self.kop)
        for regel in self.regels:
            # een regeleinde in een cel zou de regelnummers verschuiven; de controle leest
            # witruimte in tekst toch als één spatie
            schrijver.writerow([re.sub(r"[\r\n]+", " ", c) for c in regel] if any(regel) else [])
        return uit.getvalue()


@dataclass
class Gelezenyaml:
    """Een YAML-werkblad met zijn lijsten, omgezet."""

    blad: Sleutelblad
    gegevens: dict[str, Any] | None
    """De inhoud van het YAML-bestand, of ``None`` als het werkblad geen enkele waarde heeft."""
    plaatsen: dict[tuple[Any, ...], Celplaats]
    aanwezig: bool
    """Of het werkblad in de werkmap staat."""


@dataclass
class Werkmapinhoud:
    pad: Path
    tabellen: dict[str, Gelezentabel] = field(default_factory=dict)
    """Per bestandsstam; een ontbrekend werkblad ontbreekt hier."""
    yaml: dict[str, Gelezenyaml] = field(default_factory=dict)
    """Per YAML-bestand."""
    meldingen: list[Melding] = field(default_factory=list)
    notities: list[str] = field(default_factory=list)
    ontbrekend: list[str] = field(default_factory=list)
    """Werkbladen die in de werkmap ontbreken."""


def _open(pad: Path, waarden: bool) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(pad, data_only=waarden, read_only=True)
    except FileNotFoundError:
        raise Gegevensfout([Melding(str(pad), "de werkmap bestaat niet.",
                                    oplossing="Geef met --data een dossiermap of een bestaande "
                                    "werkmap (.xlsx).")]) from None
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as fout:
        if isinstance(fout, IsADirectoryError | PermissionError):
            raise
        raise Gegevensfout([Melding(str(pad), "dit is geen leesbare Excel-werkmap (.xlsx).",
                                    oplossing="Open het bestand in Excel of LibreOffice en sla "
                                    "het op als 'Excel-werkmap (.xlsx)'; een werkmap met een "
                                    "wachtwoord kan vangnet niet lezen.")]) from None


def _rijen(werkblad: Any) -> list[list[Any]]:
    """De cellen van een werkblad tot de laatste gevulde rij en kolom."""
    rijen: list[list[Any]] = []
    laatste = 0
    for rij in werkblad.iter_rows():
        cellen = list(rij)
        while cellen and cellen[-1].value in (None, ""):
            cellen.pop()
        rijen.append(cellen)
        if cellen:
            laatste = len(rijen)
    return rijen[:laatste]


def _celmap(formules: Any, titel: str) -> dict[tuple[int, int], bool]:
    """Welke cellen een formule bevatten (uit de werkmap zonder berekende waarden)."""
    uit = {}
    for r, rij in enumerate(formules[titel].iter_rows(), start=1):
        for c, cel in enumerate(rij, start=1):
            if getattr(cel, "data_type", None) == "f":
                uit[(r, c)] = True
    return uit


class _Lezer:
    def __init__(self, pad: Path) -> None:
        self.pad = pad
        self.indeling: Indeling = indeling()
        self.inhoud = Werkmapinhoud(pad)

    def fout(self, titel: str, tekst: str, rij: int | None = None, kolom: str | None = None,
             oplossing: str | None = None) -> None:
        self.inhoud.meldingen.append(
            Werkbladmelding(f"werkblad {titel}", tekst, rij, kolom, oplossing))

    def lees(self) -> Werkmapinhoud:
        waarden = _open(self.pad, waarden=True)
        formules = _open(self.pad, waarden=False)
        try:
            self._lees(waarden, formules)
        finally:
            waarden.close()
            formules.close()
        return self.inhoud

    def _lees(self, waarden: Any, formules: Any) -> None:
        titels = {t.strip().lower(): t for t in waarden.sheetnames}
        bekend = {n.lower() for n in self.indeling.namen()} | {UITLEG.lower()}

        def werkblad(naam: str) -> str | None:
            titel = titels.get(naam.lower())
            if titel is None:
                self.inhoud.ontbrekend.append(naam)
            return titel

        for blad in self.indeling.tabelbladen:
            titel = werkblad(blad.naam)
            if titel is not None:
                self.inhoud.tabellen[blad.schema.stam] = self._tabel(
                    blad, titel, _rijen(waarden[titel]), _celmap(formules, titel))
        for blad in self.indeling.sleutelbladen:
            self.inhoud.yaml[blad.bestand] = self._yaml(blad, waarden, formules, werkblad)
        for sleutel, titel in titels.items():
            if sleutel not in bekend:
                self.inhoud.notities.append(
                    f"werkblad '{titel}' hoort niet bij het dossier en is overgeslagen.")
        optioneel = {b.naam: b.bestand for b in self.indeling.tabelbladen
                     if not b.schema.verplicht}
        optioneel |= {b.naam: b.bestand for b in self.indeling.sleutelbladen if not b.verplicht}
        for naam in self.inhoud.ontbrekend:
            if naam in optioneel:
                self.inhoud.notities.append(
                    f"werkblad '{naam}' ontbreekt; het dossier heeft dan geen gegevens uit "
                    f"{optioneel[naam]}.")
            gelijkend = [t for s, t in titels.items() if s not in bekend
                         and (naam in s or s in naam)]
            if gelijkend:
                self.inhoud.notities.append(
                    f"werkblad '{naam}' ontbreekt; bedoelt u werkblad '{gelijkend[0]}'? Geef het "
                    f"de naam '{naam}'.")

    # tabellen

    def _tabel(self, blad: Tabelblad, titel: str, rijen: list[list[Any]],
               formules: dict[tuple[int, int], bool]) -> Gelezentabel:
        kopcellen = rijen[0] if rijen else []
        kop = ["" if c.value is None else str(c.value).strip() for c in kopcellen]
        breedte = max([len(kop), *(len(r) for r in rijen[1:])], default=0)
        kop += [""] * (breedte - len(kop))
        letters = {normaliseer_kolomnaam(n): kolomletter(i)
                   for i, n in enumerate(kop, start=1) if n}
        zonder_naam = [kolomletter(i) for i, n in enumerate(kop, start=1) if not n]
        regels: list[list[str]] = []
        gevuld: list[tuple[int, dict[str, str]]] = []
        for r, rij in enumerate(rijen[1:], start=2):
            regel: list[str] = []
            for c in range(1, breedte + 1):
                cel = rij[c - 1] if c - 1 < len(rij) else None
                naam = normaliseer_kolomnaam(kop[c - 1])
                kolom = blad.kolom(naam)
                waarde, fout = zet_om(getattr(cel, "value", None),
                                      kolom.soort if kolom else None,
                                      getattr(cel, "number_format", None), (r, c) in formules)
                if fout is not None:
                    self.fout(titel, fout.tekst, r, f"kolom {kolomletter(c)} ({naam or '?'})",
                              fout.oplossing)
                regel.append(_celtekst(waarde))
            regels.append(regel)
            if any(t.strip() for t in regel):
                gevuld.append((r, {normaliseer_kolomnaam(k): t
                                   for k, t in zip(kop, regel, strict=True) if k}))
        return Gelezentabel(blad, titel, kop, letters, zonder_naam, regels, gevuld)

    # YAML

    def _yaml(self, blad: Sleutelblad, waarden: Any, formules: Any, werkblad: Any
              ) -> Gelezenyaml:
        plaatsen: dict[tuple[Any, ...], Celplaats] = {}
        gegevens: dict[str, Any] = {}
        titel = werkblad(blad.naam)
        aanwezig = titel is not None
        gevuld = False
        if titel is not None:
            gevuld |= self._sleutels(blad, titel, _rijen(waarden[titel]),
                                     _celmap(formules, titel), gegevens, plaatsen)
        for lijst in blad.lijsten:
            lijsttitel = werkblad(lijst.naam)
            if lijsttitel is None:
                continue
            aanwezig = True
            gevuld |= self._lijst(lijst, lijsttitel, _rijen(waarden[lijsttitel]),
                                  _celmap(formules, lijsttitel), gegevens, plaatsen)
        return Gelezenyaml(blad, gegevens if gevuld else None, plaatsen, aanwezig)

    def _kopkolommen(self, titel: str, rijen: list[list[Any]], toegestaan: tuple[str, ...],
                     verplicht: tuple[str, ...]) -> dict[str, int] | None:
        """Kolomnaam → index (vanaf 0) uit de kopregel; ``None`` als een verplichte kolom
        ontbreekt."""
        kop = [normaliseer_kolomnaam(str(c.value)) if c.value is not None else ""
               for c in (rijen[0] if rijen else [])]
        kolommen = {}
        for i, naam in enumerate(kop):
            if not naam:
                continue
            if naam not in toegestaan:
                self.fout(titel, f"onbekende kolom '{naam}'.", 1,
                          f"kolom {kolomletter(i + 1)} ({naam})",
                          f"Toegestane kolommen zijn: {', '.join(toegestaan)}.")
            elif naam in kolommen:
                self.fout(titel, f"de kolom '{naam}' komt meer dan eens voor.", 1,
                          f"kolom {kolomletter(i + 1)} ({naam})",
                          "Houd één kolom met deze naam over.")
            else:
                kolommen[naam] = i
        ontbreekt = [n for n in verplicht if n not in kolommen]
        for naam in ontbreekt:
            self.fout(titel, f"de kolom '{naam}' ontbreekt in rij 1.", 1, None,
                      f"Rij 1 moet de kolommen {', '.join(toegestaan)} bevatten.")
        return None if ontbreekt else kolommen

    def _sleutels(self, blad: Sleutelblad, titel: str, rijen: list[list[Any]],
                  formules: dict[tuple[int, int], bool], gegevens: dict[str, Any],
                  plaatsen: dict[tuple[Any, ...], Celplaats]) -> bool:
        kolommen = self._kopkolommen(titel, rijen, KOLOMMEN_SLEUTELBLAD,
                                     KOLOMMEN_SLEUTELBLAD[:2])
        if kolommen is None:
            return False
        s, w = kolommen["sleutel"], kolommen["waarde"]
        letter = kolomletter(w + 1)
        gevuld = False
        gezien: dict[tuple[str, ...], int] = {}
        for r, rij in enumerate(rijen[1:], start=2):
            cel_s = rij[s] if s < len(rij) else None
            cel_w = rij[w] if w < len(rij) else None
            sleutel = "" if cel_s is None or cel_s.value is None else str(cel_s.value).strip()
            pad = tuple(d.strip() for d in sleutel.split("."))
            kolom = blad.soort_van(pad) if sleutel else None
            waarde, fout = zet_om(getattr(cel_w, "value", None), kolom.soort if kolom else None,
                                  getattr(cel_w, "number_format", None), (r, w + 1) in formules)
            plaats = f"kolom {letter} ({sleutel or 'waarde'})"
            if fout is not None:
                self.fout(titel, fout.tekst, r, plaats, fout.oplossing)
            if not sleutel:
                if waarde not in (None, ""):
                    self.fout(titel, "deze waarde heeft geen sleutel in kolom "
                              f"{kolomletter(s + 1)}.", r, plaats,
                              "Zet de naam van het veld in de eerste kolom, of maak de cel leeg.")
                continue
            if pad in gezien:
                self.fout(titel, f"de sleutel '{sleutel}' komt ook voor in rij {gezien[pad]}.", r,
                          f"kolom {kolomletter(s + 1)} (sleutel)",
                          "Houd één rij met deze sleutel over.")
                continue
            gezien[pad] = r
            plaatsen[pad] = Celplaats(titel, r, plaats)
            if waarde in (None, ""):
                continue
            if kolom is not None and kolom.soort.naam == "woordenboek":
                waarde = self._woordenboek(titel, r, plaats, waarde, kolom.soort)
            if not _zet(gegevens, pad, waarde):
                self.fout(titel, f"de sleutel '{sleutel}' botst met een andere sleutel (een veld "
                          "kan niet tegelijk een waarde en onderdelen hebben).", r,
                          f"kolom {kolomletter(s + 1)} (sleutel)",
                          "Controleer de spelling van de sleutel.")
                continue
            gevuld = True
        return gevuld

    def _woordenboek(self, titel: str, r: int, plaats: str, waarde: Any, soort: Soort) -> Any:
        """Sleutels met waarden in één cel, zoals ``{jaar: 2025}`` of ``{4.7: oorzaken.lks}``
        (YAML). Een sleutel is de tekst zoals getypt: paragraaf 4.10 blijft '4.10'."""
        if isinstance(waarde, dict):
            return waarde
        try:
            gelezen = yaml.load(str(waarde), Loader=_TekstsleutelLader) \
                if str(waarde).strip() else {}
        except yaml.YAMLError:
            gelezen = None
        if not isinstance(gelezen, dict):
            self.fout(titel, f"'{waarde}' is geen lijst van sleutels met waarden.", r, plaats,
                      "Schrijf de sleutels met hun waarden tussen accolades, zoals "
                      f"{soort.voorbeeld_cel}.")
            return waarde
        return gelezen

    def _lijst(self, lijst: Lijstblad, titel: str, rijen: list[list[Any]],
               formules: dict[tuple[int, int], bool], gegevens: dict[str, Any],
               plaatsen: dict[tuple[Any, ...], Celplaats]) -> bool:
        namen = tuple(k.naam for k in lijst.kolommen)
        kolommen = self._kopkolommen(titel, rijen, namen,
                                     (KOLOM_ENKELVOUDIG,) if lijst.enkelvoudig else ())
        if kolommen is None:
            return False
        items: list[Any] = []
        for r, rij in enumerate(rijen[1:], start=2):
            item: dict[str, Any] = {}
            celplaatsen: dict[str, Celplaats] = {}
            for naam, i in kolommen.items():
                kolom = lijst.kolom(naam)
                cel = rij[i] if i < len(rij) else None
                plaats = f"kolom {kolomletter(i + 1)} ({naam})"
                waarde, fout = zet_om(getattr(cel, "value", None),
                                      kolom.soort if kolom else None,
                                      getattr(cel, "number_format", None),
                                      (r, i + 1) in formules)
                if fout is not None:
                    self.fout(titel, fout.tekst, r, plaats, fout.oplossing)
                if kolom is not None and kolom.soort.naam == "woordenboek" \
                        and waarde not in (None, ""):
                    waarde = self._woordenboek(titel, r, plaats, waarde, kolom.soort)
                celplaatsen[naam] = Celplaats(titel, r, plaats)
                if waarde not in (None, ""):
                    item[naam] = waarde
            if not item:
                continue
            index = len(items)
            plaatsen[(*lijst.pad, index)] = Celplaats(titel, r, None)
            if lijst.enkelvoudig:
                items.append(item[KOLOM_ENKELVOUDIG])
                plaatsen[(*lijst.pad, index)] = celplaatsen[KOLOM_ENKELVOUDIG]
            else:
                items.append(item)
                for naam, plaats in celplaatsen.items():
                    plaatsen[(*lijst.pad, index, naam)] = plaats
        plaatsen.setdefault(lijst.pad, Celplaats(titel, None, None))
        if items:
            _zet(gegevens, lijst.pad, items)
        return bool(items)


class _TekstsleutelLader(yaml.SafeLoader):
    """YAML met elke enkelvoudige sleutel als tekst, precies zoals geschreven: de sleutels van
    een woordenboek in het schema zijn tekst, en 4.10 als getal zou 4.1 worden."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        for sleutel, _ in node.value:
            if isinstance(sleutel, yaml.ScalarNode):
                sleutel.tag = "tag:yaml.org,2002:str"
        return super().construct_mapping(node, deep=deep)


def _celtekst(waarde: Any) -> str:
    """Een omgezette waarde als celtekst voor de CSV-lezer."""
    if waarde is None:
        return ""
    if isinstance(waarde, Decimal):
        return getaltekst(waarde)
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    return str(waarde)


def _zet(gegevens: dict[str, Any], pad: tuple[Any, ...], waarde: Any) -> bool:
    """Zet ``waarde`` op ``pad`` in geneste woordenboeken; ``False`` bij een botsing."""
    knoop = gegevens
    for deel in pad[:-1]:
        volgende = knoop.setdefault(deel, {})
        if not isinstance(volgende, dict):
            return False
        knoop = volgende
    if pad[-1] in knoop and isinstance(knoop[pad[-1]], dict) != isinstance(waarde, dict):
        return False
    knoop[pad[-1]] = waarde
    return True


def lees_werkmap(pad: Path) -> Werkmapinhoud:
    """Lees een werkmap en zet elk werkblad om (zie de moduledocumentatie).

    :raises Gegevensfout: als het bestand geen leesbare werkmap is.
    """
    return _Lezer(Path(pad)).lees()


# -- YAML en de tijdelijke dossiermap -------------------------------------------------------------

_DUIZENDTALLEN = re.compile(r"-?[1-9]\d{0,2}(\.\d{3})+")


def yaml_getal(getal: Decimal) -> str:
    """Een getal als YAML-tekst, exact. Een getal als 1.234 schrijft vangnet als 1.2340: de
    controle van YAML leest 1.234 anders als een bedrag met een punt tussen de duizendtallen."""
    tekst = getaltekst(getal)
    if _DUIZENDTALLEN.fullmatch(tekst):
        tekst += "0"
    return tekst


class _Schrijver(yaml.SafeDumper):
    pass


def _decimaal(schrijver: yaml.SafeDumper, getal: Decimal) -> yaml.ScalarNode:
    tekst = yaml_getal(getal)
    tag = "tag:yaml.org,2002:int" if "." not in tekst else "tag:yaml.org,2002:float"
    return schrijver.represent_scalar(tag, tekst)


_Schrijver.add_representer(Decimal, _decimaal)


def yaml_tekst(gegevens: Any) -> str:
    return yaml.dump(gegevens, Dumper=_Schrijver, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=10_000)


def schrijf_map(inhoud: Werkmapinhoud, map_: Path) -> None:
    """De bestanden die de controle leest: per tabelwerkblad met gegevens een CSV-bestand (rij
    voor rij als in de werkmap), per YAML-werkblad met waarden een YAML-bestand."""
    map_.mkdir(parents=True, exist_ok=True)
    for tabel in inhoud.tabellen.values():
        schema = tabel.blad.schema
        if tabel.rijen or schema.verplicht or schema.mag_leeg:
            (map_ / schema.naam).write_text(tabel.csv(), encoding="utf-8")
    for naam, gelezen in inhoud.yaml.items():
        if gelezen.gegevens is not None:
            (map_ / naam).write_text(yaml_tekst(gelezen.gegevens), encoding="utf-8")
        elif gelezen.aanwezig and gelezen.blad.verplicht:
            (map_ / naam).write_text("{}\n", encoding="utf-8")


# -- meldingen vertalen ---------------------------------------------------------------------------

_WERKBLADTEKSTEN = {
    "het verplichte bestand ontbreekt.": "het verplichte werkblad ontbreekt.",
    "het bestand bevat alleen een kopregel en geen gegevens.":
        "het werkblad bevat alleen een kopregel en geen gegevens.",
    "de kopregel bevat geen bekende kolomnamen.": "rij 1 bevat geen bekende kolomnamen.",
}


def _pad(kolom: str) -> tuple[Any, ...]:
    return tuple(int(d) if d.isdigit() else d for d in kolom.split("."))


class _Vertaald(Gegevensfout):
    """Meldingen die al in werkbladtermen staan (niet nog eens vertalen of aanvullen)."""


class Werkmap:
    """Een werkmap als tijdelijke dossiermap, met de vertaling van meldingen naar werkbladen.

    Gebruik::

        with Werkmap(pad) as werkmap:
            dataset = laad_dataset(werkmap.map)   # meldingen in werkbladtermen

    Een :class:`~vangnet.meldingen.Gegevensfout` binnen het ``with``-blok komt vertaald naar
    buiten, aangevuld met wat de omzetting van de cellen vond (zie :meth:`controleer`).
    """

    def __init__(self, pad: Path | str, teksten: Path | None = None) -> None:
        self.pad = Path(pad)
        self.teksten = teksten if teksten is not None else self.pad.parent / "teksten"
        self.inhoud: Werkmapinhoud
        self.map: Path
        self._tijdelijk: tempfile.TemporaryDirectory[str] | None = None
        self.vertaal_fouten = True
        """Of een melding die uit het ``with``-blok komt, over deze werkmap gaat (niet bij
        ``bereken`` met meer gegevensmappen: de werkmappen zijn dan vooraf gecontroleerd)."""

    def __enter__(self) -> Werkmap:
        self.inhoud = lees_werkmap(self.pad)
        self._tijdelijk = tempfile.TemporaryDirectory(prefix="vangnet-werkmap-")
        try:
            self.map = Path(self._tijdelijk.name) / (self.pad.stem or "dossier")
            schrijf_map(self.inhoud, self.map)
            if self.teksten.is_dir():
                shutil.copytree(self.teksten, self.map / "teksten")
        except BaseException:
            self._tijdelijk.cleanup()
            raise
        return self

    def __exit__(self, soort: type[BaseException] | None, fout: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._tijdelijk is not None:
            self._tijdelijk.cleanup()
        if isinstance(fout, _Vertaald) or not self.vertaal_fouten:
            return
        if isinstance(fout, Gegevensfout):
            raise _Vertaald(self.samen(fout.meldingen)) from None
        if isinstance(fout, SystemExit) and isinstance(fout.__context__, Gegevensfout):
            # mkdocs-macros stopt met exit(100) bij een fout in een pagina
            raise _Vertaald(self.samen(fout.__context__.meldingen)) from None

    # omzetten en controleren

    @property
    def meldingen(self) -> list[Melding]:
        """Wat de omzetting van de cellen vond (al in werkbladtermen)."""
        return self.inhoud.meldingen

    @property
    def notities(self) -> list[str]:
        return [f"{self.pad.name}: {n}" for n in self.inhoud.notities]

    def _bladen(self, stammen: tuple[str, ...] | None) -> set[str] | None:
        """De werkbladen die de controle met ``stammen`` leest (``None``: alle)."""
        if stammen is None:
            return None
        dossier = next(b for b in indeling().sleutelbladen if b.bestand == "dossier.yaml")
        return {f"werkblad {n}" for n in (*stammen, dossier.naam,
                                          *(lijst.naam for lijst in dossier.lijsten))}

    def controleer(self, stammen: tuple[str, ...] | None = None, altijd: bool = False) -> None:
        """Faal als de omzetting iets vond, met daarbij alle meldingen van de gewone controle.
        Zonder meldingen van de omzetting gebeurt er niets (de opdracht leest de gegevens zelf),
        tenzij ``altijd``: dan draait de controle hier, met ``stammen`` zoals
        :func:`~vangnet.data.dataset.laad_dataset` die neemt."""
        bladen = self._bladen(stammen)
        eigen = [m for m in self.meldingen if bladen is None or m.bestand in bladen]
        if not eigen and not altijd:
            return
        from vangnet.data.dataset import laad_dataset

        try:
            laad_dataset(self.map, stammen=stammen)
        except Gegevensfout as fout:
            raise _Vertaald(self.samen(fout.meldingen, eigen)) from None
        if eigen:
            raise _Vertaald(eigen)

    def samen(self, meldingen: tuple[Melding, ...] | list[Melding],
              eigen: list[Melding] | None = None) -> list[Melding]:
        """De meldingen van de controle vertaald, met die van de omzetting (``eigen``, standaard
        alle) ervoor; een cel met een melding van de omzetting krijgt geen tweede melding van
        de controle."""
        eigen = list(self.meldingen if eigen is None else eigen)
        plekken = {(m.bestand, m.rij, m.kolom) for m in eigen}
        uit = list(eigen)
        for melding in meldingen:
            vertaald = self.vertaal(melding)
            if (vertaald.bestand, vertaald.rij, vertaald.kolom) in plekken \
                    or vertaald in uit:
                continue
            uit.append(vertaald)
        # in de volgorde van de werkmap: werkblad voor werkblad, rij voor rij
        volgorde = {f"werkblad {n}": i for i, n in enumerate(indeling().namen())}
        volgorde |= {f"werkblad {t.titel}": volgorde.get(f"werkblad {t.blad.naam}", 0)
                     for t in self.inhoud.tabellen.values()}
        return sorted(uit, key=lambda m: (volgorde.get(m.bestand, len(volgorde)), m.rij or 0))

    # vertalen

    def _tabel(self, bestand: str) -> tuple[str, Gelezentabel | None] | None:
        for blad in indeling().tabelbladen:
            if blad.bestand == bestand:
                tabel = self.inhoud.tabellen.get(blad.schema.stam)
                return (tabel.titel if tabel else blad.naam), tabel
        return None

    def vertaal(self, melding: Melding) -> Melding:
        """Een melding over een bestand in de tijdelijke map als melding over het werkblad."""
        if isinstance(melding, Werkbladmelding):
            return melding
        tabel = self._tabel(melding.bestand)
        if tabel is not None:
            return self._vertaal_tabel(melding, *tabel)
        gelezen = self.inhoud.yaml.get(melding.bestand)
        if gelezen is not None:
            return self._vertaal_yaml(melding, gelezen)
        return melding

    def _teksten(self, melding: Melding, titel: str) -> tuple[str, str | None]:
        tekst = _WERKBLADTEKSTEN.get(melding.tekst, melding.tekst)
        oplossing = melding.oplossing
        if oplossing and "in dossier.yaml onder 'bevestigd'" in oplossing:
            # een bevinding van de plausibiliteit: bevestigen gaat in de werkmap op het werkblad
            # met de lijst bevestigd van dossier.yaml
            oplossing = oplossing.replace(
                "in dossier.yaml onder 'bevestigd'",
                "op het werkblad 'dossier.bevestigd' (een rij)")
        if melding.tekst == "het verplichte bestand ontbreekt.":
            oplossing = (f"Voeg het werkblad '{titel}' weer toe (bijvoorbeeld gekopieerd uit een "
                         "lege werkmap van 'vangnet werkboek --leeg') en vul het in.")
        elif melding.tekst.startswith("de kopregel bevat geen"):
            oplossing = (oplossing or "").replace("De eerste regel", "Rij 1")
        return tekst, oplossing

    def _vertaal_tabel(self, melding: Melding, titel: str, tabel: Gelezentabel | None
                       ) -> Melding:
        kolom = None
        if melding.kolom:
            letter = tabel.letters.get(melding.kolom) if tabel else None
            kolom = f"kolom {letter} ({melding.kolom})" if letter else f"kolom {melding.kolom}"
        elif tabel is not None and melding.rij == 1:
            genoemd = re.search(r"kolom '([^']*)'", melding.tekst)
            if genoemd and genoemd.group(1) in tabel.letters:
                kolom = f"kolom {tabel.letters[genoemd.group(1)]} ({genoemd.group(1)})"
            elif "zonder naam" in melding.tekst and tabel.zonder_naam:
                kolom = f"kolom {tabel.zonder_naam[0]}"
        tekst, oplossing = self._teksten(melding, titel)
        return Werkbladmelding(f"werkblad {titel}", tekst, melding.rij, kolom, oplossing)

    def _vertaal_yaml(self, melding: Melding, gelezen: Gelezenyaml) -> Melding:
        blad = gelezen.blad.naam
        if not melding.kolom:
            tekst, oplossing = self._teksten(melding, blad)
            return Werkbladmelding(f"werkblad {blad}", tekst, None, None, oplossing)
        pad = _pad(melding.kolom)
        plaats = gelezen.plaatsen.get(pad)
        if plaats is not None and plaats.rij is not None:
            return Werkbladmelding(f"werkblad {plaats.blad}", melding.tekst, plaats.rij,
                                   plaats.kolom, melding.oplossing)
        # een ontbrekend deel (gemeente): de eerste rij met een sleutel daarbinnen
        binnen = sorted((p for p in gelezen.plaatsen.items()
                         if p[0][:len(pad)] == pad and p[1].rij is not None),
                        key=lambda p: p[1].rij or 0)
        if binnen:
            plaats = binnen[0][1]
            return Werkbladmelding(f"werkblad {plaats.blad}", melding.tekst, plaats.rij,
                                   plaats.kolom, melding.oplossing)
        # de dichtstbijzijnde plaats: het werkblad van de lijst, of het YAML-werkblad
        for n in range(len(pad) - 1, 0, -1):
            hoger = gelezen.plaatsen.get(pad[:n])
            if hoger is not None:
                return Werkbladmelding(f"werkblad {hoger.blad}", melding.tekst, hoger.rij,
                                       f"sleutel {melding.kolom}", melding.oplossing)
        tekst = melding.tekst
        if tekst.startswith("deze waarde ontbreekt"):
            oplossing = (f"Voeg een rij toe met in de eerste kolom '{melding.kolom}' en de "
                         "waarde in de tweede.")
        else:
            oplossing = melding.oplossing
        return Werkbladmelding(f"werkblad {blad}", tekst, None, f"sleutel {melding.kolom}",
                               oplossing)

    def vertaal_tekst(self, tekst: str) -> str:
        """Een opmerking (tekst) met een bestandsnaam, rij en kolom in werkbladtermen."""
        def tabel(m: re.Match[str]) -> str:
            bestand = f"{m.group(1)}.csv"
            rij = int(m.group(3)) if m.group(3) else None
            melding = self.vertaal(Melding(bestand, "", rij, m.group(5)))
            return melding.zonder_oplossing().removesuffix(": ")
        return re.sub(r"\b([a-z_]+)\.csv(, rij (\d+))?(, kolom '([^']+)')?", tabel, tekst)

    def vertaal_rapport(self, rapport: Any) -> Any:
        """Het controlerapport van ``vangnet check`` in werkbladtermen (``fouten``,
        ``open_punten``, ``opmerkingen``), met de meldingen van de omzetting erbij."""
        rapport.map = self.pad
        rapport.fouten = self.samen(rapport.fouten)
        rapport.open_punten = [replace(p, melding=self.vertaal(p.melding))
                               for p in rapport.open_punten]
        rapport.opmerkingen = [*self.notities,
                               *(self.vertaal_tekst(o) for o in rapport.opmerkingen)]
        return rapport


# -- de opdrachtregel -----------------------------------------------------------------------------

MET_WERKMAP = ("check", "bereken", "aanvraag", "bouw", "uitleg")
"""De opdrachten die met --data ook een Excel-werkmap (.xlsx) nemen."""


def weigering(opdracht: str, data: Path | list[Path] | None) -> str | None:
    """Waarom ``opdracht`` niet met een werkmap als --data werkt, of ``None``."""
    paden = data if isinstance(data, list) else [data]
    if opdracht in MET_WERKMAP or not any(
            p is not None and (is_werkmap(p) or andere_werkmap(p)) for p in paden):
        return None
    if opdracht == "publiceer":
        return ("vangnet publiceer publiceert alleen uit een vastgelegde dossiermap, niet uit een "
                f"werkmap ({data}). Zet de gegevens eerst terug met 'vangnet importeer {data} "
                "--data MAP', leg ze vast met 'git commit' en publiceer met --data MAP.")
    if opdracht == "importeer":
        return (f"--data is de dossiermap waarin de bestanden komen, niet een werkmap ({data}); "
                "de werkmap is het eerste argument: vangnet importeer WERKMAP.xlsx --data MAP.")
    return (f"vangnet {opdracht} werkt met een dossiermap, niet met een werkmap ({data}). Zet de "
            f"gegevens eerst terug met 'vangnet importeer {data} --data MAP'.")


@contextlib.contextmanager
def als_dossiermap(opdracht: str, data: Path | list[Path]
                   ) -> Iterator[tuple[Path | list[Path], list[Werkmap]]]:
    """Vervang elke werkmap in ``data`` door een tijdelijke dossiermap (zie :class:`Werkmap`);
    geeft de nieuwe ``data`` en de werkmappen. Voor ``check`` draait de controle in de opdracht
    (het rapport wordt vertaald met :meth:`Werkmap.vertaal_rapport`), voor ``bereken`` alleen die
    van ``dossier`` en ``buig`` (zoals bij een dossiermap), voor de rest de volledige controle
    zodra de omzetting iets vond."""
    paden = data if isinstance(data, list) else [data]
    with contextlib.ExitStack() as stapel:
        werkmappen: list[Werkmap] = []
        nieuw: list[Path] = []
        for pad in paden:
            if andere_werkmap(pad):
                raise Gegevensfout([Melding(str(pad), f"dit is {andere_werkmap(pad)}.",
                                            oplossing="Sla het bestand op als Excel-werkmap "
                                            "(.xlsx) en geef dat bestand met --data.")])
            if not is_werkmap(pad):
                nieuw.append(pad)
                continue
            werkmap = stapel.enter_context(Werkmap(pad))
            if opdracht == "bereken":
                try:
                    werkmap.controleer(stammen=("buig",), altijd=len(paden) > 1)
                except _Vertaald as fout:
                    if len(paden) == 1:
                        raise
                    raise _Vertaald([replace(m, bestand=f"{werkmap.pad.name}, {m.bestand}")
                                     for m in fout.meldingen]) from None
                werkmap.vertaal_fouten = len(paden) == 1
            elif opdracht != "check":
                werkmap.controleer()
            werkmappen.append(werkmap)
            nieuw.append(werkmap.map)
        yield (nieuw if isinstance(data, list) else nieuw[0]), werkmappen
