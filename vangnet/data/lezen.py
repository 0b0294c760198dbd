"""Bestanden lezen zoals spreadsheetprogramma's ze wegschrijven.

Wie de gegevens bijhoudt, werkt meestal in Excel of LibreOffice. Die schrijven CSV met een
komma of een puntkomma als scheidingsteken, soms met een byte-order-mark (BOM) en soms in
Windows-1252 in plaats van UTF-8. Deze module leest zulke bestanden of geeft een melding
die zegt wat de gebruiker moet aanpassen. Regelnummers tellen zoals in de spreadsheet:
de kopregel is rij 1, de eerste gegevensregel rij 2.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from vangnet.meldingen import Gegevensfout, Melding
from vangnet.regels.parameters import lees_yaml_exact

SCHEIDINGSTEKENS = (",", ";", "\t")
_NAAM_SCHEIDINGSTEKEN = {",": "komma", ";": "puntkomma", "\t": "tab"}


@dataclass(frozen=True)
class Csvrij:
    """Eén gegevensregel: het rijnummer zoals in de spreadsheet en de cellen per kolom."""

    rij: int
    cellen: dict[str, str]


def lees_tekst(pad: Path, naam: str) -> str:
    """Lees een tekstbestand als UTF-8; een BOM wordt genegeerd, andere coderingen geweigerd."""
    try:
        ruw = pad.read_bytes()
    except FileNotFoundError:
        raise Gegevensfout([Melding(naam, "het bestand ontbreekt.")]) from None
    if ruw.startswith(b"\xef\xbb\xbf"):
        ruw = ruw[3:]
    try:
        tekst = ruw.decode("utf-8")
    except UnicodeDecodeError as fout:
        rij = ruw[: fout.start].count(b"\n") + 1
        raise Gegevensfout(
            [
                Melding(
                    naam,
                    "het bestand is niet opgeslagen als UTF-8 (waarschijnlijk Windows-1252).",
                    rij=rij,
                    oplossing="Sla het in Excel op via 'Opslaan als' > 'CSV UTF-8 (door komma's "
                    "gescheiden)', of kies in LibreOffice de tekenset 'Unicode (UTF-8)'.",
                )
            ]
        ) from None
    if not tekst.strip():
        raise Gegevensfout(
            [Melding(naam, "het bestand is leeg.", oplossing="Vul de kopregel en de gegevens in.")]
        )
    return tekst


def _kies_scheidingsteken(kopregel: str, kolommen: Sequence[str]) -> str | None:
    """Het scheidingsteken waarmee de kopregel de meeste bekende kolomnamen oplevert."""
    beste, aantal = None, 0
    for teken in SCHEIDINGSTEKENS:
        namen = {normaliseer_kolomnaam(n) for n in kopregel.split(teken)}
        gevonden = len(namen & set(kolommen))
        if gevonden > aantal:
            beste, aantal = teken, gevonden
    return beste


def normaliseer_kolomnaam(naam: str) -> str:
    """Kolomnamen vergelijken zonder spaties rondom en zonder onderscheid in hoofdletters."""
    return naam.strip().strip('"').strip().lower()


def lees_csv(
    pad: Path,
    naam: str,
    kolommen: Sequence[str],
    verplicht: Sequence[str],
    mag_leeg: bool = False,
) -> list[Csvrij]:
    """Lees een CSV-bestand en controleer de kopregel.

    ``kolommen`` zijn alle toegestane kolommen, ``verplicht`` de kolommen die er moeten zijn.
    Het scheidingsteken (komma, puntkomma of tab) wordt afgeleid uit de kopregel. Met
    ``mag_leeg`` is een bestand met alleen een kopregel geldig (een lege lijst).
    """
    tekst = lees_tekst(pad, naam)
    regels = tekst.splitlines()
    kopregel = regels[0]
    teken = _kies_scheidingsteken(kopregel, kolommen)
    if teken is None:
        for ander in ("|", ":", " "):
            if {normaliseer_kolomnaam(n) for n in kopregel.split(ander)} & set(kolommen):
                raise Gegevensfout(
                    [
                        Melding(
                            naam,
                            f"het bestand gebruikt '{ander}' als scheidingsteken.",
                            rij=1,
                            oplossing="vangnet leest alleen komma's, puntkomma's of tabs; sla "
                            "het bestand opnieuw op als CSV (bijvoorbeeld 'CSV UTF-8' in Excel).",
                        )
                    ]
                )
        raise Gegevensfout(
            [
                Melding(
                    naam,
                    "de kopregel bevat geen bekende kolomnamen.",
                    rij=1,
                    oplossing=f"De eerste regel moet de kolomnamen bevatten, gescheiden door "
                    f"komma's of puntkomma's: {', '.join(kolommen)}.",
                )
            ]
        )
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=teken)
    kop = [normaliseer_kolomnaam(n) for n in next(lezer)]
    meldingen: list[Melding] = []
    onbekend = [n for n in kop if n not in kolommen]
    for n in onbekend:
        lijkt = difflib.get_close_matches(n, [k for k in kolommen if k not in kop], n=1)
        meldingen.append(
            Melding(
                naam,
                f"onbekende kolom '{n}'." if n else "een kolom zonder naam.",
                rij=1,
                oplossing=(f"Bedoelt u '{lijkt[0]}'? " if lijkt else "")
                + f"Toegestane kolommen zijn: {', '.join(kolommen)}.",
            )
        )
    dubbel = sorted({n for n in kop if kop.count(n) > 1 and n})
    for n in dubbel:
        meldingen.append(
            Melding(naam, f"de kolom '{n}' komt meer dan eens voor.", rij=1,
                    oplossing="Houd één kolom met deze naam over.")
        )
    for n in verplicht:
        if n not in kop:
            meldingen.append(
                Melding(
                    naam,
                    f"de verplichte kolom '{n}' ontbreekt.",
                    rij=1,
                    oplossing="Voeg de kolom toe aan de kopregel (zie de pagina Gegevensformaat).",
                )
            )
    if meldingen:
        raise Gegevensfout(meldingen)

    rijen: list[Csvrij] = []
    for velden in lezer:
        rijnummer = lezer.line_num
        if not any(v.strip() for v in velden):
            continue
        if len(velden) != len(kop):
            meldingen.append(
                Melding(
                    naam,
                    f"deze rij heeft {len(velden)} velden, de kopregel {len(kop)}.",
                    rij=rijnummer,
                    oplossing=_advies_veldaantal(teken),
                )
            )
            continue
        rijen.append(Csvrij(rijnummer, {k: v.strip() for k, v in zip(kop, velden, strict=True)}))
    if meldingen:
        raise Gegevensfout(meldingen)
    if not rijen and not mag_leeg:
        raise Gegevensfout(
            [
                Melding(
                    naam,
                    "het bestand bevat alleen een kopregel en geen gegevens.",
                    oplossing="Vul onder de kopregel minstens één rij in.",
                )
            ]
        )
    return rijen


def _advies_veldaantal(teken: str) -> str:
    naam = _NAAM_SCHEIDINGSTEKEN[teken]
    if teken == ",":
        return (
            f"Het scheidingsteken is een {naam}: een getal met een decimale komma moet dan "
            "een punt krijgen (0.2815), of sla het bestand op met puntkomma's. Zet tekst met "
            "een komma tussen aanhalingstekens."
        )
    return f"Controleer of elke rij evenveel velden heeft, gescheiden door een {naam}."


def lees_yaml(pad: Path, naam: str) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Lees YAML en onthoud per sleutelpad het regelnummer, voor meldingen met een rij."""
    tekst = lees_tekst(pad, naam)
    try:
        knoop = yaml.compose(tekst, Loader=yaml.SafeLoader)
        gegevens = lees_yaml_exact(tekst)
    except yaml.MarkedYAMLError as fout:
        teken = fout.problem_mark or fout.context_mark
        raise Gegevensfout(
            [
                Melding(
                    naam,
                    f"dit is geen geldige YAML: {_yaml_probleem(fout)}.",
                    rij=teken.line + 1 if teken else None,
                    oplossing="Controleer de inspringing (spaties, geen tabs) en dubbele punten.",
                )
            ]
        ) from None
    meldingen = [
        Melding(naam, f"'{n.value}' lijkt een bedrag met punten tussen de duizendtallen; YAML "
                "leest een punt als decimaalteken, dus niet als "
                f"{n.value.replace('.', '').lstrip('-')} maar als een kommagetal.",
                rij=n.start_mark.line + 1,
                oplossing=f"Schrijf het getal zonder punten ({n.value.replace('.', '')}).")
        for n in _scalairen(knoop)
        if n.tag == "tag:yaml.org,2002:float" and _DUIZENDTALLEN.fullmatch(n.value)
    ]
    if meldingen:
        raise Gegevensfout(meldingen)
    regels: dict[tuple[Any, ...], int] = {}
    _verzamel_regels(knoop, (), regels)
    return gegevens, regels


_DUIZENDTALLEN = re.compile(r"-?[1-9]\d{0,2}(\.\d{3})+")
"""60.000 of 1.250.000: in een Nederlands bedrag zijn dat duizendtallen, voor YAML een
kommagetal (60,0). Een echt kommagetal als 0.075 of 1.5 valt hier niet onder."""


def _scalairen(knoop: yaml.Node | None) -> Iterator[yaml.ScalarNode]:
    """Alle enkelvoudige waarden in een YAML-boom."""
    if isinstance(knoop, yaml.ScalarNode):
        yield knoop
    elif isinstance(knoop, yaml.MappingNode):
        for _, waarde in knoop.value:
            yield from _scalairen(waarde)
    elif isinstance(knoop, yaml.SequenceNode):
        for item in knoop.value:
            yield from _scalairen(item)


def _verzamel_regels(knoop: yaml.Node | None, pad: tuple[Any, ...], regels: dict) -> None:
    if knoop is None:
        return
    regels[pad] = knoop.start_mark.line + 1
    if isinstance(knoop, yaml.MappingNode):
        for sleutel, waarde in knoop.value:
            sleutelpad = (*pad, sleutel.value)
            regels[sleutelpad] = sleutel.start_mark.line + 1
            _verzamel_regels(waarde, sleutelpad, regels)
            regels[sleutelpad] = sleutel.start_mark.line + 1
    elif isinstance(knoop, yaml.SequenceNode):
        for index, item in enumerate(knoop.value):
            _verzamel_regels(item, (*pad, index), regels)


_YAML_PROBLEMEN = {
    "could not find expected ':'": "er ontbreekt een dubbele punt na een sleutel",
    "mapping values are not allowed here": "er staat een dubbele punt op een plek waar dat "
    "niet mag (zet tekst met een dubbele punt tussen aanhalingstekens)",
    "found character '\\t' that cannot start any token": "er staat een tab; gebruik spaties",
    "found unexpected end of stream": "het bestand houdt midden in een waarde op",
    "expected <block end>, but found '-'": "een lijstitem staat op de verkeerde inspringing",
}


def _yaml_probleem(fout: yaml.MarkedYAMLError) -> str:
    probleem = (fout.problem or fout.context or "").strip()
    for engels, nederlands in _YAML_PROBLEMEN.items():
        if probleem.startswith(engels):
            return nederlands
    if "flow sequence" in probleem or "flow mapping" in probleem:
        return "een lijst of verzameling tussen [ ] of { } is niet afgesloten"
    return "de structuur van het bestand klopt niet"
