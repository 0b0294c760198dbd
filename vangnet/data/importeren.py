"""``vangnet importeer``: een werkmap terug naar de CSV- en YAML-bestanden van de dossiermap.

De bestanden blijven de bron van het dossier (na te lezen en vast te leggen in git); de werkmap
is een manier om ze bij te werken. Daarom verandert importeren niets wat niet veranderd is:

- eerst de controle: een werkmap die niet door ``vangnet check`` komt, wordt niet geïmporteerd,
  en de dossiermap na het importeren wordt (in een kopie) nog eens gecontroleerd. Pas dan wordt
  er geschreven, elk bestand in één keer (niets half geschreven);
- een bestand zonder gewijzigde waarde blijft byte voor byte gelijk; in een gewijzigd bestand
  blijven de tekenset, de byte-order-mark, het scheidingsteken, de regeleinden en elke
  ongewijzigde regel zoals ze waren, en een gelijk getal houdt zijn schrijfwijze (``0,2815``,
  ``3115.00``);
- YAML-bestanden houden hun commentaar en opmaak (ruamel.yaml, round-trip);
- elke gewijzigde cel wordt genoemd: bestand, rij, kolom, oud → nieuw.

Een werkblad dat in de werkmap ontbreekt, laat zijn bestand ongemoeid; een optioneel werkblad
zonder gegevens verwijdert het bestand (de controle van de werkmap leest het dan ook zo).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import difflib
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from vangnet.data.cellen import MARKERING, lees_getal, lees_keuze
from vangnet.data.lezen import (
    SCHEIDINGSTEKENS,
    decodeer,
    lees_yaml,
    normaliseer_kolomnaam,
    sep_regel,
)
from vangnet.data.werkbladen import (
    Kolom,
    Sleutelblad,
    getaltekst,
    indeling,
    lijsttype,
    ontleed,
)
from vangnet.data.werkmap import Gelezentabel, Gelezenyaml, Werkmap, is_werkmap, yaml_getal
from vangnet.meldingen import Gegevensfout, Melding

LEEG = "(leeg)"


@dataclass(frozen=True)
class Wijziging:
    """Eén wijziging in een bestand, zoals ``importeer`` die toont."""

    bestand: str
    tekst: str
    rij: int | None = None
    plaats: str | None = None
    """``kolom kosten`` of ``sleutel rapportdatum``."""

    def __str__(self) -> str:
        delen = [self.bestand]
        if self.rij is not None:
            delen.append(f"rij {self.rij}")
        if self.plaats:
            delen.append(self.plaats)
        return f"{', '.join(delen)}: {self.tekst}"


def _kort(tekst: str, lengte: int = 70) -> str:
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def _toon(waarde: Any) -> str:
    if waarde is None or waarde == "" or waarde == [] or waarde == {}:
        return LEEG
    if isinstance(waarde, Decimal | int) and not isinstance(waarde, bool):
        return getaltekst(waarde)
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    return _kort(str(waarde).strip())


# -- tekensets en regeleinden ---------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
)


@dataclass(frozen=True)
class _Tekstbestand:
    """De tekst van een bestand met wat nodig is om het net zo terug te schrijven."""

    ruw: bytes
    bom: bytes
    codering: str
    tekst: str

    @property
    def einde(self) -> str:
        if "\r\n" in self.tekst:
            return "\r\n"
        return "\r" if "\r" in self.tekst and "\n" not in self.tekst else "\n"

    def bytes(self, tekst: str) -> bytes:
        return self.bom + tekst.encode(self.codering)


def _lees_bestand(pad: Path) -> _Tekstbestand:
    ruw = pad.read_bytes()
    for bom, codering in _BOMS:
        if ruw.startswith(bom):
            return _Tekstbestand(ruw, bom, codering, ruw[len(bom):].decode(codering))
    try:
        return _Tekstbestand(ruw, b"", "utf-8", ruw.decode("utf-8"))
    except UnicodeDecodeError:
        tekst = decodeer(ruw, pad.name)  # UTF-16 zonder BOM, of een melding
        codering = "utf-16-le" if ruw[1::2].count(0) > ruw[0::2].count(0) else "utf-16-be"
        return _Tekstbestand(ruw, b"", codering, tekst)


def _met_einde(regels: list[str], einde: str) -> str:
    """Plak regels aan elkaar; een regel zonder regeleinde midden in het bestand krijgt er één."""
    uit = []
    regels = [r for r in regels if r]
    for i, regel in enumerate(regels):
        if i < len(regels) - 1 and not regel.endswith(("\n", "\r")):
            regel += einde
        uit.append(regel)
    return "".join(uit)


# -- CSV ------------------------------------------------------------------------------------------


@dataclass
class _Record:
    tekst: str
    """De regel(s) zoals in het bestand, met regeleinde."""
    cellen: list[str]
    rij: int
    voorafgaand: list[str] = field(default_factory=list)
    """Lege regels vóór deze regel (ze blijven staan)."""


@dataclass
class _Csv:
    bestand: _Tekstbestand
    voor: str
    teken: str
    kopregel: str
    kopcellen: list[str]
    records: list[_Record]
    naloop: list[str]

    @property
    def kop(self) -> list[str]:
        return [normaliseer_kolomnaam(k) for k in self.kopcellen]


def _scheidingsteken(kopregel: str, kolommen: list[str]) -> str:
    return max(SCHEIDINGSTEKENS, key=lambda t: len(
        {normaliseer_kolomnaam(n) for n in kopregel.split(t)} & set(kolommen)))


def _lees_csv(pad: Path, kolommen: list[str]) -> _Csv:
    bestand = _lees_bestand(pad)
    rest, teken = sep_regel(bestand.tekst, pad.name, None)
    voor = bestand.tekst[: len(bestand.tekst) - len(rest)]
    regels = list(io.StringIO(rest, newline=""))
    teken = teken or _scheidingsteken(regels[0] if regels else "", kolommen)
    lezer = csv.reader(iter(regels), delimiter=teken)
    kopcellen = next(lezer, [])
    kopregel = "".join(regels[: lezer.line_num])
    records: list[_Record] = []
    leeg: list[str] = []
    while True:
        begin = lezer.line_num
        try:
            cellen = next(lezer)
        except StopIteration:
            break
        tekst = "".join(regels[begin: lezer.line_num])
        if not any(c.strip() for c in cellen):
            leeg.append(tekst)
            continue
        records.append(_Record(tekst, cellen, begin + 1, leeg))
        leeg = []
    return _Csv(bestand, voor, teken, kopregel, kopcellen, records, leeg)


def _vergelijkbaar(tekst: str, kolom: Kolom | None) -> tuple[str, Any]:
    """Een celwaarde om te vergelijken: getallen als getal (0,50 = 0.5), een keuze zoals de
    controle haar leest (beëindigd = beeindigd), de rest als tekst."""
    tekst = tekst.strip()
    if kolom is not None and kolom.soort.numeriek and tekst and tekst != MARKERING:
        try:
            return ("getal", lees_getal(tekst))
        except ValueError:
            pass
    if kolom is not None and kolom.soort.naam == "keuze" and tekst and tekst != MARKERING:
        return ("keuze", lees_keuze(tekst))
    return ("tekst", tekst)


def _csvregel(cellen: list[str], teken: str, einde: str) -> str:
    uit = io.StringIO()
    csv.writer(uit, delimiter=teken, lineterminator=einde).writerow(cellen)
    return uit.getvalue()


def _plan_csv(pad: Path, tabel: Gelezentabel) -> tuple[bytes | None, list[Wijziging]] | None:
    """De nieuwe inhoud van een CSV-bestand en de wijzigingen; ``None`` als niets verandert,
    ``(None, ...)`` als het bestand weg moet."""
    schema = tabel.blad.schema
    naam = schema.naam
    schemakolommen = list(schema.kolommen)
    nieuw = [cellen for _, cellen in tabel.rijen]
    if not pad.exists():
        if not nieuw and not schema.verplicht and not schema.mag_leeg:
            return None
        regels = [_csvregel(schemakolommen, ",", "\n")]
        regels += [_csvregel([r.get(k, "") for k in schemakolommen], ",", "\n") for r in nieuw]
        return ("".join(regels).encode("utf-8-sig"),
                [Wijziging(naam, f"nieuw bestand met {len(nieuw)} "
                           f"{'rij' if len(nieuw) == 1 else 'rijen'}.")])
    oud = _lees_csv(pad, schemakolommen)
    if not nieuw and not schema.verplicht and not schema.mag_leeg:
        return None, [Wijziging(naam, f"bestand verwijderd: het werkblad {tabel.titel} is leeg.")]
    einde = oud.bestand.einde
    oudkop = oud.kop
    kop = list(oudkop)
    kopcellen = list(oud.kopcellen)
    for kolom in schemakolommen:
        if kolom not in kop and any(r.get(kolom, "").strip() for r in nieuw):
            volgende = [k for k in schemakolommen[schemakolommen.index(kolom) + 1:] if k in kop]
            positie = kop.index(volgende[0]) if volgende else len(kop)
            kop.insert(positie, kolom)
            kopcellen.insert(positie, kolom)
    alles_opnieuw = kop != oudkop
    kolommen = [tabel.blad.kolom(k) for k in kop]
    komma = oud.teken != "," and any(
        "," in c and "." not in c
        for r in oud.records for k, c in zip(oudkop, r.cellen, strict=False)
        if (kol := tabel.blad.kolom(k)) is not None and kol.soort.numeriek)

    def oude_cellen(record: _Record) -> dict[str, str]:
        return {k: c for k, c in zip(oudkop, record.cellen, strict=False)}

    def sleutel(cellen: dict[str, str]) -> tuple[Any, ...]:
        return tuple(_vergelijkbaar(cellen.get(k, ""), kol)
                     for k, kol in zip(kop, kolommen, strict=True))

    def nieuwe_tekst(tekst: str, kolom: Kolom | None) -> str:
        if komma and kolom is not None and kolom.soort.numeriek:
            return tekst.replace(".", ",")
        return tekst

    oude = [oude_cellen(r) for r in oud.records]
    oudsleutels = [sleutel(c) for c in oude]
    nieuwsleutels = [sleutel(r) for r in nieuw]
    wijzigingen: list[Wijziging] = []
    regels: list[str] = [oud.voor, oud.kopregel if not alles_opnieuw
                         else _csvregel(kopcellen, oud.teken, einde)]

    def rijnummer() -> int:
        return sum(r.count("\n") or r.count("\r") or 1 for r in regels[1:]) + 1

    def omschrijf(cellen: dict[str, str]) -> str:
        return ", ".join(f"{k} {_kort(cellen[k], 30)}" for k in kop if cellen.get(k, "").strip())

    def behoud(i: int) -> None:
        record = oud.records[i]
        regels.extend(record.voorafgaand)
        if alles_opnieuw:
            regels.append(_csvregel([oude[i].get(k, "") for k in kop], oud.teken,
                                    _einde_van(record.tekst, einde)))
        else:
            regels.append(record.tekst)

    def vervang(i: int, j: int) -> None:
        record = oud.records[i]
        regels.extend(record.voorafgaand)
        rij = rijnummer()
        cellen = []
        for k, kol, (vo, vn) in zip(kop, kolommen, zip(oudsleutels[i], nieuwsleutels[j],
                                                       strict=True), strict=True):
            oudtekst = oude[i].get(k, "")
            if vo == vn:
                cellen.append(oudtekst)
                continue
            cel = nieuwe_tekst(nieuw[j].get(k, ""), kol)
            cellen.append(cel)
            wijzigingen.append(Wijziging(naam, f"{_toon(oudtekst)} → {_toon(cel)}", rij,
                                         f"kolom {k}"))
        regels.append(_csvregel(cellen, oud.teken, _einde_van(record.tekst, einde)))

    def voeg_toe(j: int) -> None:
        rij = rijnummer()
        cellen = [nieuwe_tekst(nieuw[j].get(k, ""), kol) for k, kol in zip(kop, kolommen,
                                                                           strict=True)]
        regels.append(_csvregel(cellen, oud.teken, einde))
        wijzigingen.append(Wijziging(naam, f"nieuwe rij ({omschrijf(nieuw[j])}).", rij))

    def verwijder(i: int) -> None:
        regels.extend(oud.records[i].voorafgaand)
        wijzigingen.append(Wijziging(naam, f"rij verwijderd ({omschrijf(oude[i])}).",
                                     oud.records[i].rij))

    vergelijker = difflib.SequenceMatcher(None, oudsleutels, nieuwsleutels, autojunk=False)
    for soort, i1, i2, j1, j2 in vergelijker.get_opcodes():
        if soort == "equal":
            for i in range(i1, i2):
                behoud(i)
            continue
        paren = min(i2 - i1, j2 - j1) if soort == "replace" else 0
        for n in range(paren):
            vervang(i1 + n, j1 + n)
        for i in range(i1 + paren, i2):
            verwijder(i)
        for j in range(j1 + paren, j2):
            voeg_toe(j)
    regels.extend(oud.naloop)
    tekst = _met_einde(regels, einde)
    ruw = oud.bestand.bytes(tekst)
    if ruw == oud.bestand.ruw:
        return None
    if alles_opnieuw:
        nieuwe = [k for k in kop if k not in oudkop]
        wijzigingen.insert(0, Wijziging(naam, f"kolom{'men' if len(nieuwe) > 1 else ''} "
                                        f"{', '.join(nieuwe)} toegevoegd.", 1))
    return ruw, wijzigingen


def _einde_van(regel: str, standaard: str) -> str:
    for einde in ("\r\n", "\n", "\r"):
        if regel.endswith(einde):
            return einde
    return standaard if regel.endswith(("\n", "\r")) else ""


# -- YAML -----------------------------------------------------------------------------------------


def _leeg(waarde: Any) -> bool:
    return waarde is None or waarde == "" or (isinstance(waarde, list | tuple | dict)
                                              and not waarde)


def gelijk(a: Any, b: Any) -> bool:
    """Of twee YAML-waarden gelijk zijn: getallen als getal (0.50 = 0.5), leeg = ontbrekend."""
    if _leeg(a) and _leeg(b):
        return True
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | Decimal | float) and isinstance(b, int | Decimal | float):
        return Decimal(str(a)) == Decimal(str(b))
    if isinstance(a, dict) and isinstance(b, dict):
        return all(gelijk(a.get(k), b.get(k)) for k in {*a, *b})
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(gelijk(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _plat(waarde: Any, pad: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(waarde, dict) and waarde:
        for k, v in waarde.items():
            yield from _plat(v, (*pad, k))
    elif isinstance(waarde, list | tuple) and waarde:
        for i, v in enumerate(waarde):
            yield from _plat(v, (*pad, i))
    else:
        yield pad, waarde


def _veldnamen(model: type[BaseModel], pad: tuple[Any, ...]) -> list[str]:
    """De velden van het (deel)model op ``pad``, in schemavolgorde."""
    huidig: Any = model
    for deel in pad:
        if isinstance(deel, int) or not (isinstance(huidig, type)
                                         and issubclass(huidig, BaseModel)):
            continue
        veld = huidig.model_fields.get(deel)
        if veld is None:
            return []
        item = lijsttype(veld.annotation)
        huidig = ontleed(item, [])[0] if item is not None else \
            ontleed(veld.annotation, veld.metadata)[0]
    if isinstance(huidig, type) and issubclass(huidig, BaseModel):
        return list(huidig.model_fields)
    return []


class _Yaml:
    """Round-trip met ruamel.yaml: commentaar, aanhalingstekens en opmaak blijven staan."""

    INSPRINGINGEN = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (2, 2, 2), (4, 6, 4), (4, 4, 0))

    def __init__(self, inspringing: tuple[int, int, int] = (2, 4, 2)) -> None:
        from ruamel.yaml import YAML
        from ruamel.yaml.representer import RoundTripRepresenter

        class Weergever(RoundTripRepresenter):
            pass

        def decimaal(weergever: Any, getal: Decimal) -> Any:
            tekst = yaml_getal(getal)
            tag = "tag:yaml.org,2002:int" if "." not in tekst else "tag:yaml.org,2002:float"
            return weergever.represent_scalar(tag, tekst)

        Weergever.add_representer(Decimal, decimaal)
        self.yaml = YAML(typ="rt")
        self.yaml.Representer = Weergever
        self.yaml.preserve_quotes = True
        self.yaml.width = 4096
        mapping, sequence, offset = inspringing
        self.yaml.indent(mapping=mapping, sequence=sequence, offset=offset)

    def laad(self, tekst: str) -> Any:
        return self.yaml.load(tekst)

    def tekst(self, boom: Any) -> str:
        uit = io.StringIO()
        self.yaml.dump(boom, uit)
        return uit.getvalue()

    @classmethod
    def voor(cls, tekst: str) -> _Yaml:
        """De inspringing waarmee het bestand ongewijzigd terugkomt (of de gewone)."""
        for inspringing in cls.INSPRINGINGEN:
            kandidaat = cls(inspringing)
            try:
                if kandidaat.tekst(kandidaat.laad(tekst)) == tekst:
                    return kandidaat
            except Exception:  # dan de gewone inspringing
                break
        return cls()


def _ruamel(waarde: Any) -> Any:
    """Een nieuwe waarde als ruamel-knoop: een lijst van enkele waarden in de vorm [a, b]."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(waarde, dict):
        knoop = CommentedMap()
        for k, v in waarde.items():
            knoop[k] = _ruamel(v)
        return knoop
    if isinstance(waarde, list | tuple):
        lijst = CommentedSeq(_ruamel(v) for v in waarde)
        if all(not isinstance(v, dict | list | tuple) for v in waarde):
            lijst.fa.set_flow_style()
        return lijst
    return waarde


def _voeg_samen(boom: Any, exact: Any, nieuw: dict[str, Any], model: type[BaseModel],
                pad: tuple[Any, ...], in_lijst: bool) -> None:
    """Zet de waarden van ``nieuw`` in de ruamel-boom, alleen waar ze verschillen van de
    exacte waarden ``exact`` uit hetzelfde bestand."""
    exact = exact if isinstance(exact, dict) else {}
    volgorde = _veldnamen(model, pad)
    for sleutel, waarde in nieuw.items():
        oud = exact.get(sleutel)
        if sleutel in boom:
            if isinstance(waarde, dict) and isinstance(boom[sleutel], dict):
                _voeg_samen(boom[sleutel], oud, waarde, model, (*pad, sleutel), False)
            elif isinstance(waarde, list) and isinstance(boom[sleutel], list):
                _lijst_samen(boom[sleutel], oud, waarde, model, (*pad, sleutel))
            elif not gelijk(oud, waarde):
                boom[sleutel] = _ruamel(waarde)
            continue
        if _leeg(waarde):
            continue
        knoop = _ruamel(waarde)
        if sleutel in volgorde:
            plek = volgorde.index(sleutel)
            voor = [i for i, k in enumerate(boom) if k in volgorde and volgorde.index(k) < plek]
            positie = voor[-1] + 1 if voor else 0
            if positie == len(boom):
                _verhuis_commentaar(boom, sleutel, knoop)
            boom.insert(positie, sleutel, knoop)
        else:
            _verhuis_commentaar(boom, sleutel, knoop)
            boom[sleutel] = knoop
    for sleutel in list(boom):
        if sleutel in nieuw or _leeg(exact.get(sleutel)):
            continue
        if in_lijst or sleutel not in volgorde or isinstance(boom[sleutel], dict):
            del boom[sleutel]  # een vrije sleutel (bronnen.loonwaarde) of een veld van een item
        elif isinstance(boom[sleutel], list):
            del boom[sleutel][:]
        else:
            boom[sleutel] = None


def _verhuis_commentaar(boom: Any, sleutel: str, knoop: Any) -> None:
    """Een nieuwe laatste sleutel komt vóór het commentaar dat na de oude laatste sleutel op
    eigen regels staat (dat hoort bij wat erna komt). Is de nieuwe waarde zelf een woordenboek
    (``paragrafen``), dan komt het commentaar na haar laatste sleutel, niet tussen de sleutel
    en haar inhoud."""
    if not boom:
        return
    laatste = list(boom)[-1]
    commentaar = boom.ca.items.get(laatste)
    if commentaar and len(commentaar) > 2 and commentaar[2] is not None \
            and commentaar[2].value.startswith("\n"):
        doel, doelsleutel = boom, sleutel
        while isinstance(knoop, dict) and knoop:
            doel, doelsleutel = knoop, list(knoop)[-1]
            knoop = knoop[doelsleutel]
        doel.ca.items[doelsleutel] = [None, None, commentaar[2], None]
        commentaar[2] = None


def _lijst_samen(boom: Any, exact: Any, nieuw: list[Any], model: type[BaseModel],
                 pad: tuple[Any, ...]) -> None:
    exact = exact if isinstance(exact, list) else []
    for i, waarde in enumerate(nieuw):
        if i < len(boom):
            oud = exact[i] if i < len(exact) else None
            if isinstance(waarde, dict) and isinstance(boom[i], dict):
                _voeg_samen(boom[i], oud, waarde, model, (*pad, i), True)
            elif not gelijk(oud, waarde):
                boom[i] = _ruamel(waarde)
        else:
            boom.append(_ruamel(waarde))
    while len(boom) > len(nieuw):
        del boom[-1]


def _plan_yaml(pad: Path, gelezen: Gelezenyaml) -> tuple[bytes | None, list[Wijziging]] | None:
    blad: Sleutelblad = gelezen.blad
    naam = blad.bestand
    nieuw = gelezen.gegevens
    if not pad.exists():
        if nieuw is None:
            return None
        tekst = _Yaml().tekst(_ruamel(nieuw))
        return tekst.encode("utf-8"), [Wijziging(naam, "nieuw bestand.")]
    if nieuw is None:
        if blad.verplicht:  # pragma: no cover - de controle laat dat niet door
            return None
        return None, [Wijziging(naam, f"bestand verwijderd: het werkblad {blad.naam} is leeg.")]
    bestand = _lees_bestand(pad)
    exact, regels = lees_yaml(pad, naam)
    gewoon = bestand.tekst.replace("\r\n", "\n")
    omzetter = _Yaml.voor(gewoon)
    boom = omzetter.laad(gewoon)
    if not isinstance(boom, dict):  # pragma: no cover - de controle laat dat niet door
        boom = _ruamel({})
    _voeg_samen(boom, exact, nieuw, blad.model, (), False)
    tekst = omzetter.tekst(boom)
    if bestand.einde != "\n":
        tekst = tekst.replace("\n", bestand.einde)
    ruw = bestand.bytes(tekst)
    if ruw == bestand.ruw:
        return None
    oud_plat = dict(_plat(exact or {}))
    nieuw_plat = dict(_plat(nieuw))
    wijzigingen = []
    for sleutelpad in [*oud_plat, *(p for p in nieuw_plat if p not in oud_plat)]:
        oud, nw = oud_plat.get(sleutelpad), nieuw_plat.get(sleutelpad)
        if gelijk(oud, nw):
            continue
        rij = next((regels[sleutelpad[:n]] for n in range(len(sleutelpad), 0, -1)
                    if sleutelpad[:n] in regels), None)
        wijzigingen.append(Wijziging(naam, f"{_toon(oud)} → {_toon(nw)}", rij,
                                     f"sleutel {'.'.join(map(str, sleutelpad))}"))
    return ruw, wijzigingen


# -- het plan -------------------------------------------------------------------------------------


@dataclass
class Importplan:
    """Wat ``importeer`` gaat schrijven: per bestand de nieuwe inhoud (``None``: verwijderen)."""

    werkmap: Path
    map: Path
    bestanden: dict[str, bytes | None]
    wijzigingen: list[Wijziging]
    ongewijzigd: list[str]
    notities: list[str]

    @property
    def aantal_cellen(self) -> int:
        return len(self.wijzigingen)

    def pas_toe(self, map_: Path) -> None:
        """Schrijf de bestanden in ``map_``; elk bestand in één keer (tijdelijk bestand, dan
        hernoemen), zodat geen bestand half geschreven achterblijft."""
        map_.mkdir(parents=True, exist_ok=True)
        for naam, inhoud in self.bestanden.items():
            pad = map_ / naam
            if inhoud is None:
                pad.unlink(missing_ok=True)
                continue
            tijdelijk = pad.with_name(f".{naam}.importeer-{os.getpid()}")
            try:
                tijdelijk.write_bytes(inhoud)
                if pad.exists():
                    shutil.copymode(pad, tijdelijk)
                os.replace(tijdelijk, pad)
            finally:
                tijdelijk.unlink(missing_ok=True)

    def schrijf(self) -> None:
        self.pas_toe(self.map)


def _gebruik(tekst: str, oplossing: str, bestand: str = "importeer") -> Gegevensfout:
    return Gegevensfout([Melding(bestand, tekst, oplossing=oplossing)])


def _laad(map_: Path) -> None:
    from vangnet.data.dataset import laad_dataset

    laad_dataset(map_)


def plan_import(werkmap: Path, map_: Path, controle: Callable[[Path], None] = _laad
                ) -> Importplan:
    """Lees en controleer ``werkmap`` en bepaal wat er in dossiermap ``map_`` verandert.

    ``controle`` controleert een dossiermap en geeft een
    :class:`~vangnet.meldingen.Gegevensfout` bij een fout: standaard het lezen en valideren
    (:func:`~vangnet.data.dataset.laad_dataset`); ``vangnet importeer`` geeft de volledige
    controle van ``vangnet check`` mee. Ze draait op de werkmap (meldingen per werkblad, rij en
    kolom) en op een kopie van de dossiermap zoals die na het importeren wordt.

    :raises Gegevensfout: als de werkmap of de dossiermap erna niet door de controle komt.
    """
    werkmap, map_ = Path(werkmap), Path(map_)
    if not is_werkmap(werkmap):
        raise _gebruik(f"'{werkmap}' is geen Excel-werkmap (.xlsx).",
                       "Geef de werkmap die 'vangnet werkboek' maakte, bijvoorbeeld "
                       "vangnet importeer gegevens.xlsx --data MAP.")
    if is_werkmap(map_) or (map_.exists() and not map_.is_dir()):
        raise _gebruik(f"'{map_}' is geen dossiermap.",
                       "Geef met --data de map waarin de CSV- en YAML-bestanden komen.")
    with Werkmap(werkmap, teksten=map_ / "teksten") as gelezen:
        gelezen.controleer()
        controle(gelezen.map)
        inhoud = gelezen.inhoud
        notities = gelezen.notities
    bestanden: dict[str, bytes | None] = {}
    wijzigingen: list[Wijziging] = []
    ongewijzigd: list[str] = []
    plannen: list[tuple[str, tuple[bytes | None, list[Wijziging]] | None]] = []
    for tabel in inhoud.tabellen.values():
        plannen.append((tabel.blad.bestand, _plan_csv(map_ / tabel.blad.bestand, tabel)))
    for naam, yaml_ in inhoud.yaml.items():
        if not yaml_.aanwezig:
            continue
        plannen.append((naam, _plan_yaml(map_ / naam, yaml_)))
    for naam, plan in plannen:
        if plan is None:
            if (map_ / naam).exists():
                ongewijzigd.append(naam)
            continue
        bestanden[naam], w = plan
        wijzigingen += w
    for naam in inhoud.ontbrekend:
        bestand = next((b.bestand for b in indeling().tabelbladen if b.naam == naam), None)
        if bestand and (map_ / bestand).exists():
            notities.append(f"werkblad '{naam}' ontbreekt in de werkmap; {bestand} blijft zoals "
                            "het is.")
    plan = Importplan(werkmap, map_, bestanden, wijzigingen, sorted(ongewijzigd), notities)
    _controleer_uitkomst(plan, controle)
    return plan


def _controleer_uitkomst(plan: Importplan, controle: Callable[[Path], None]) -> None:
    """Controleer de dossiermap zoals ze na het importeren wordt, in een kopie."""
    if not plan.bestanden:
        return
    with tempfile.TemporaryDirectory(prefix="vangnet-importeer-") as tijdelijk:
        kopie = Path(tijdelijk) / (plan.map.name or "dossier")
        if plan.map.is_dir():
            shutil.copytree(plan.map, kopie, ignore=shutil.ignore_patterns(".git"))
        plan.pas_toe(kopie)
        try:
            controle(kopie)
        except Gegevensfout as fout:
            raise Gegevensfout([
                Melding("importeer", "na het importeren zou de dossiermap niet door de controle "
                        "komen; er is niets geschreven.",
                        oplossing="Los de meldingen hieronder op (in de werkmap of in de "
                        "dossiermap) en importeer opnieuw."),
                *fout.meldingen]) from None
