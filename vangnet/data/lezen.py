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
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from vangnet.data.afdruk import afdruk_van, afdrukpaden
from vangnet.data.tekenset import kort, verminkt
from vangnet.meldingen import Gegevensfout, Melding
from vangnet.regels.parameters import lees_yaml_exact

SCHEIDINGSTEKENS = (",", ";", "\t")
_NAAM_SCHEIDINGSTEKEN = {",": "komma", ";": "puntkomma", "\t": "tab"}


@dataclass(frozen=True)
class Csvrij:
    """Eén gegevensregel: het rijnummer zoals in de spreadsheet en de cellen per kolom."""

    rij: int
    cellen: dict[str, str]


_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 (big-endian)"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 (little-endian)"),
    (b"\xef\xbb\xbf", "utf-8", None),
    (b"\xfe\xff", "utf-16-be", "UTF-16 (big-endian)"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 (little-endian)"),
)
"""Byte-order-marks, de langste eerst (de BOM van UTF-32 little-endian begint als die van
UTF-16 little-endian). UTF-8 met BOM is wat Excel als 'CSV UTF-8' schrijft: geen notitie."""

_WERKMAPPEN = (
    (b"PK\x03\x04", "een Excel-werkmap (.xlsx) of een ander zip-bestand"),
    (b"\xd0\xcf\x11\xe0", "een oude Excel-werkmap (.xls)"),
    (b"%PDF", "een PDF-bestand"),
)

_OPSLAAN_ALS_UTF8 = ("Sla het in Excel op via 'Opslaan als' > 'CSV UTF-8 (door komma's "
                     "gescheiden)', of kies in LibreOffice de tekenset 'Unicode (UTF-8)'.")
_OPSLAAN_ALS_UTF8_TEKST = "Sla het bestand in uw teksteditor op met de tekenset UTF-8."


def _opslaan_als_utf8(naam: str) -> str:
    """Hoe een bestand als UTF-8 op te slaan: een CSV in een spreadsheet, YAML of Markdown in
    een teksteditor."""
    return _OPSLAAN_ALS_UTF8 if naam.endswith(".csv") else _OPSLAAN_ALS_UTF8_TEKST


def _rij_van(ruw: bytes, positie: int, codering: str = "utf-8") -> int:
    """Het regelnummer van een byte, ook in UTF-16 en UTF-32 (tel de regeleinden)."""
    return ruw[:positie].decode(codering, errors="replace").count("\n") + 1


def _utf16_zonder_bom(ruw: bytes) -> str | None:
    """UTF-16 zonder BOM herkennen aan de nul-bytes: Latijnse tekst heeft in UTF-16 om de byte
    een nul (little-endian op de oneven plaatsen, big-endian op de even)."""
    if len(ruw) < 4 or len(ruw) % 2:
        return None
    even, oneven = ruw[0::2].count(0), ruw[1::2].count(0)
    helft = len(ruw) // 2
    if oneven > 0.6 * helft and even < 0.1 * helft:
        return "utf-16-le"
    if even > 0.6 * helft and oneven < 0.1 * helft:
        return "utf-16-be"
    return None


def _woord_rond(tekst: str, positie: int) -> str:
    """Het woord rond een positie, voor een melding ('Beëindiging')."""
    begin = positie
    while begin > 0 and not tekst[begin - 1].isspace() and tekst[begin - 1] not in ",;\t\"":
        begin -= 1
    eind = positie
    while eind < len(tekst) and not tekst[eind].isspace() and tekst[eind] not in ",;\t\"":
        eind += 1
    return tekst[begin:eind]


def decodeer(ruw: bytes, naam: str, notities: list[str] | None = None) -> str:
    """Bytes als tekst: UTF-8 (met of zonder BOM), UTF-16 of UTF-32 (herkend aan de BOM, of
    UTF-16 aan de nul-bytes); wat vangnet herkent maar niet gewoon is, komt in ``notities``.
    Een andere tekenset (Windows-1252) of een werkmap in plaats van tekst geeft een melding."""
    for bom, codering, omschrijving in _BOMS:
        if ruw.startswith(bom):
            if codering == "utf-32-le" and len(ruw) % 4:
                # geen UTF-32 (dat is altijd een veelvoud van vier bytes), maar UTF-16 waarvan
                # het eerste teken een nul-teken is: FF FE 00 00 is dan de BOM van UTF-16
                continue
            try:
                tekst = ruw[len(bom):].decode(codering)
            except UnicodeDecodeError as fout:
                raise Gegevensfout([Melding(
                    naam, f"het bestand begint als {omschrijving or 'UTF-8'}, maar is verderop "
                    "beschadigd of in een andere tekenset opgeslagen.",
                    rij=_rij_van(ruw[len(bom):], fout.start, codering),
                    oplossing=_opslaan_als_utf8(naam))]) from None
            if omschrijving and notities is not None:
                notities.append(f"{naam}: gelezen als {omschrijving}, herkend aan de "
                                "byte-order-mark (UTF-8 is gebruikelijker).")
            return tekst
    for handtekening, soort in _WERKMAPPEN:
        if ruw.startswith(handtekening):
            raise Gegevensfout([Melding(
                naam, f"dit is geen tekstbestand maar {soort}.",
                oplossing="Open het in Excel of LibreOffice en sla het op als 'CSV UTF-8 (door "
                "komma's gescheiden)' onder deze naam.")])
    codering = _utf16_zonder_bom(ruw)
    if codering is not None:
        try:
            tekst = ruw.decode(codering)
        except UnicodeDecodeError:
            pass
        else:
            if notities is not None:
                soort = "little" if codering.endswith("le") else "big"
                notities.append(f"{naam}: gelezen als UTF-16 ({soort}-endian) zonder "
                                "byte-order-mark (UTF-8 is gebruikelijker).")
            return tekst
    try:
        return ruw.decode("utf-8")
    except UnicodeDecodeError as fout:
        rij = _rij_van(ruw, fout.start)
        if b"\x00" in ruw:
            raise Gegevensfout([Melding(
                naam, "dit is geen tekstbestand (het bevat nul-bytes).", rij=rij,
                oplossing="Sla het bestand op als 'CSV UTF-8 (door komma's gescheiden)'.")]
            ) from None
        try:
            als_1252 = ruw.decode("cp1252")
        except UnicodeDecodeError:
            soort, woord = "in een andere tekenset", ""
        else:
            positie = len(ruw[:fout.start].decode("cp1252"))
            soort = "waarschijnlijk Windows-1252"
            woord = _woord_rond(als_1252, positie)
        raise Gegevensfout([Melding(
            naam, f"het bestand is niet opgeslagen als UTF-8 ({soort}"
            + (f"; het eerste teken dat geen UTF-8 is, staat in '{woord}'" if woord else "")
            + ").", rij=rij,
            oplossing=_opslaan_als_utf8(naam))]) from None


_OPNAME: ContextVar[Mapping[Path, bytes] | None] = ContextVar("vangnet_opname", default=None)


@contextmanager
def opname(map_: Path) -> Iterator[str]:
    """Lees alle bestanden van de vingerafdruk één keer; binnen dit blok leest
    :func:`lees_tekst` ze uit die opname. Geeft de vingerafdruk van precies die bytes.

    Zo hoort wat wordt ingelezen altijd bij de vingerafdruk, ook als iemand een bestand opslaat
    (en weer terugzet) terwijl het dossier wordt gelezen. Een bestand dat niet te lezen is,
    slaat de opname over; :func:`lees_tekst` meldt het dan zelf.
    """
    map_ = Path(map_)
    bestanden: dict[Path, bytes] = {}
    for pad in afdrukpaden(map_):
        try:
            bestanden[pad] = pad.read_bytes()
        except OSError:
            continue
    token = _OPNAME.set({pad.resolve(): inhoud for pad, inhoud in bestanden.items()})
    try:
        yield afdruk_van(map_, bestanden)
    finally:
        _OPNAME.reset(token)


def lees_tekst(pad: Path, naam: str, notities: list[str] | None = None) -> str:
    """Lees een tekstbestand (zie :func:`decodeer`); leeg of onleesbaar geeft een melding.
    Binnen :func:`opname` komt de inhoud uit de opname."""
    try:
        bewaard = _OPNAME.get()
        ruw = bewaard.get(pad.resolve()) if bewaard is not None else None
        if ruw is None:
            ruw = pad.read_bytes()
    except FileNotFoundError:
        raise Gegevensfout([Melding(naam, "het bestand ontbreekt.")]) from None
    except IsADirectoryError:
        raise Gegevensfout([Melding(naam, "dit is een map, geen bestand.",
                                    oplossing="Geef het bestand deze naam, niet een map.")]
                           ) from None
    except OSError as fout:
        raise Gegevensfout([Melding(naam, f"het bestand kan niet worden gelezen ({fout.strerror}).",
                                    oplossing="Controleer de rechten van het bestand.")]) from None
    tekst = decodeer(ruw, naam, notities)
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


_SEP = re.compile(r'\s*"?sep=(.?)"?[,;\t]*\s*', re.IGNORECASE)
"""De regel ``sep=;`` die Excel bovenaan een CSV-bestand zet (of verwacht) om het
scheidingsteken te kiezen; Excel toont die regel niet."""


def sep_regel(tekst: str, naam: str, notities: list[str] | None) -> tuple[str, str | None]:
    """Haal een eerste regel ``sep=X`` weg; geeft de rest van de tekst en het teken ``X``."""
    eerste, _, rest = tekst.partition("\n")
    gevonden = _SEP.fullmatch(eerste.rstrip("\r"))
    if gevonden is None:
        return tekst, None
    teken = gevonden.group(1)
    if teken not in SCHEIDINGSTEKENS:
        raise Gegevensfout([Melding(
            naam, f"de eerste regel '{eerste.strip()}' kiest "
            + (f"'{teken}'" if teken else "geen teken") + " als scheidingsteken.", rij=1,
            oplossing="vangnet leest alleen komma's, puntkomma's of tabs; schrijf 'sep=;' of "
            "'sep=,', of laat de regel weg.")])
    if not rest.strip():
        raise Gegevensfout([Melding(naam, "het bestand bevat alleen de regel "
                                    f"'{eerste.strip()}' en geen kopregel.",
                                    oplossing="Vul de kopregel en de gegevens in.")])
    if notities is not None:
        notities.append(f"{naam}: de eerste regel '{eerste.strip()}' (van Excel) is overgeslagen; "
                        f"het scheidingsteken is de {_NAAM_SCHEIDINGSTEKEN[teken]} en de rijen "
                        "tellen zoals Excel ze toont, met de kopregel als rij 1.")
    return rest, teken


def lees_csv(
    pad: Path,
    naam: str,
    kolommen: Sequence[str],
    verplicht: Sequence[str],
    mag_leeg: bool = False,
    notities: list[str] | None = None,
) -> list[Csvrij]:
    """Lees een CSV-bestand en controleer de kopregel.

    ``kolommen`` zijn alle toegestane kolommen, ``verplicht`` de kolommen die er moeten zijn.
    Het scheidingsteken (komma, puntkomma of tab) wordt afgeleid uit de kopregel, of volgt uit
    een eerste regel ``sep=;`` zoals Excel die schrijft. Met ``mag_leeg`` is een bestand met
    alleen een kopregel geldig (een lege lijst). Wat de lezer herkende maar niet gewoon is
    (een BOM van UTF-16, een regel ``sep=``), komt als zin in ``notities``.
    """
    tekst, gekozen = sep_regel(lees_tekst(pad, naam, notities), naam, notities)
    regels = tekst.splitlines()
    kopregel = regels[0]
    teken = gekozen or _kies_scheidingsteken(kopregel, kolommen)
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


def lees_yaml(pad: Path, naam: str, notities: list[str] | None = None
              ) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Lees YAML en onthoud per sleutelpad het regelnummer, voor meldingen met een rij."""
    tekst = lees_tekst(pad, naam, notities)
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
    for n in _scalairen(knoop):
        fout = verminkt(n.value, csv=False) if isinstance(n.value, str) else None
        if fout is not None:
            meldingen.append(Melding(naam, f"'{kort(n.value)}' {fout[0]}",
                                     rij=n.start_mark.line + 1, oplossing=fout[1]))
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
