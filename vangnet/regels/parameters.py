"""Gedateerde parameters van de regeling, gelezen uit ``vangnet/parameters``.

Naar het voorbeeld van OpenFisca en PolicyEngine staat elk wettelijk getal in een eigen
YAML-bestand; het pad is de naam (``vangnet/regulier/eigenrisicodrempel.yaml`` heet
``vangnet.regulier.eigenrisicodrempel``). Elke waarde geldt vanaf een datum (1 januari van
het budgetjaar) tot de volgende waarde, en draagt een verwijzing naar de bron. Een
aangekondigde maar nog niet vastgestelde wijziging staat onder ``aangekondigd`` en telt niet
mee in berekeningen.

De status geldt per jaar, niet per bestand: een waarde die een bron voor 2025 bevestigt, is
daarmee niet voor 2026 bevestigd. ``bevestigd_voor`` (bij een waarde of in de metadata) noemt
de jaren waarvoor een bron de waarde bevestigt; zonder die lijst alleen het jaar waarop de
waarde ingaat. Voor een ander jaar heet de status ``overgenomen`` (zie :meth:`Parameter.status`).
Een parameter met ``jaarlijks: true`` (normbedragen, minimumloon) krijgt elk jaar een nieuwe
waarde; wordt voor een jaar nog de waarde van een eerder jaar gebruikt, dan is die
``overgenomen`` en zeggen de tekst en de rekenverantwoording dat.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from vangnet.meldingen import Rekenfout

PARAMETERMAP = Path(__file__).resolve().parent.parent / "parameters"


class _Verwijzing(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    href: str | None = None


_Status = Literal["bevestigd", "niet_bevestigd", "aangekondigd", "aanname"]


class _Metadata(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: str
    unit: Literal["/1", "currency-EUR", "jaar", "aantal", "datum", "uur", "week"]
    period: Literal["budgetjaar", "kalenderjaar", "aanvraagjaar"] = "budgetjaar"
    status: _Status
    reference: tuple[_Verwijzing, ...] = Field(min_length=1)
    toelichting: str
    bevestigd_voor: tuple[int, ...] = ()
    jaarlijks: bool = False


class DecimaalLader(yaml.SafeLoader):
    """YAML-lader die kommagetallen exact als ``Decimal`` leest: ``0.075`` blijft 0,075 (een
    ``float`` zou 0,07499999999999999722… zijn)."""


def _decimaal(lader: yaml.SafeLoader, knoop: yaml.ScalarNode) -> Decimal:
    tekst = str(lader.construct_scalar(knoop)).replace("_", "")
    return Decimal(tekst)


DecimaalLader.add_constructor("tag:yaml.org,2002:float", _decimaal)


def lees_yaml_exact(tekst: str) -> Any:
    """YAML lezen met kommagetallen als ``Decimal`` (zie :class:`DecimaalLader`)."""
    return yaml.load(tekst, Loader=DecimaalLader)


class _Waarde(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: Decimal | int | str | None
    reference: tuple[_Verwijzing, ...] = ()
    status: _Status | None = None
    bevestigd_voor: tuple[int, ...] = ()


class _Aangekondigd(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: Decimal | int | str | None = None
    toelichting: str
    reference: tuple[_Verwijzing, ...] = ()


class _Parameterbestand(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    description: str
    metadata: _Metadata
    values: dict[dt.date, _Waarde] = Field(default_factory=dict)
    aangekondigd: _Aangekondigd | None = None


class _Schijfbestand(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    threshold: dict[dt.date, Decimal]
    rate: dict[dt.date, Decimal]


class _Staffelbestand(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    description: str
    metadata: _Metadata
    brackets: tuple[_Schijfbestand, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Referentie:
    titel: str
    href: str | None = None

    def __str__(self) -> str:
        return self.titel


@dataclass(frozen=True)
class Metadata:
    label: str
    eenheid: str
    periode: str
    status: str
    referenties: tuple[Referentie, ...]
    toelichting: str
    bevestigd_voor: tuple[int, ...] = ()
    jaarlijks: bool = False


@dataclass(frozen=True)
class Waarde:
    vanaf: dt.date
    waarde: Decimal | int | str | None
    referenties: tuple[Referentie, ...]
    status: str
    bevestigd_voor: tuple[int, ...] = ()
    """De jaren waarvoor een bron deze waarde bevestigt (leeg: alleen het jaar van ``vanaf``)."""

    def status_voor(self, jaar: int) -> str:
        """De status van deze waarde voor ``jaar``: ``bevestigd`` alleen voor de jaren die een
        bron bevestigt; voor een ander jaar ``overgenomen``."""
        if self.status != "bevestigd":
            return self.status
        jaren = self.bevestigd_voor or (self.vanaf.year,)
        return "bevestigd" if jaar in jaren else "overgenomen"


def _refs(verwijzingen: tuple[_Verwijzing, ...]) -> tuple[Referentie, ...]:
    return tuple(Referentie(v.title, v.href) for v in verwijzingen)


def _meta(m: _Metadata) -> Metadata:
    return Metadata(m.label, m.unit, m.period, m.status, _refs(m.reference), m.toelichting,
                    m.bevestigd_voor, m.jaarlijks)


def _geldig(waarden: Mapping[dt.date, object], jaar: int) -> dt.date | None:
    peildatum = dt.date(jaar, 1, 1)
    data = [d for d in waarden if d <= peildatum]
    return max(data) if data else None


@dataclass(frozen=True)
class Parameter:
    """Eén gedateerde parameter.

    Een waarde geldt vanaf haar datum tot de volgende waarde; alleen een parameter met
    ``period: aanvraagjaar`` (zoals de uiterste indiendatum) geldt uitsluitend voor dat jaar.
    """

    naam: str
    omschrijving: str
    metadata: Metadata
    waarden: tuple[Waarde, ...]
    aangekondigd: Waarde | None = None
    aangekondigd_toelichting: str | None = None

    def geldende(self, jaar: int) -> Waarde:
        """De waarde die op 1 januari van ``jaar`` geldt, met de bron ervan."""
        per_datum = {w.vanaf: w for w in self.waarden}
        vanaf = _geldig(per_datum, jaar)
        if vanaf is not None and self.metadata.periode == "aanvraagjaar" and vanaf.year != jaar:
            vanaf = None  # geldt alleen voor dat ene aanvraagjaar, niet voor latere jaren
        if vanaf is None or per_datum[vanaf].waarde is None:
            raise Rekenfout(
                f"De parameter '{self.metadata.label}' ({self.naam}) heeft geen waarde voor "
                f"{jaar}. Voeg een waarde toe in vangnet/parameters/"
                f"{self.naam.replace('.', '/')}.yaml, met een bronverwijzing."
            )
        return per_datum[vanaf]

    def waarde(self, jaar: int) -> Decimal | int:
        """De (exacte) waarde die op 1 januari van ``jaar`` geldt."""
        return self.geldende(jaar).waarde  # type: ignore[return-value]

    def status(self, jaar: int) -> str:
        """De status van de waarde die voor ``jaar`` geldt, voor dát jaar (zie de module)."""
        w = self.geldende(jaar)
        if self.overgenomen(jaar):
            return "overgenomen"
        return w.status_voor(jaar)

    def overgenomen(self, jaar: int) -> bool:
        """Of voor ``jaar`` de waarde van een eerder jaar wordt gebruikt bij een parameter die
        elk jaar een eigen waarde krijgt (``jaarlijks``)."""
        return self.metadata.jaarlijks and self.geldende(jaar).vanaf.year < jaar

    def geldt_in(self, jaar: int) -> bool:
        try:
            self.geldende(jaar)
        except Rekenfout:
            return False
        return True


@dataclass(frozen=True)
class Schijf:
    """Een schijf van een staffel: vanaf ``ondergrens`` (deel van het budget) ``tarief``, beide
    exact zoals in het parameterbestand."""

    ondergrens: Decimal
    tarief: Decimal


@dataclass(frozen=True)
class Staffel:
    """Een gedateerde staffel (OpenFisca: *scale*) van schijven met een tarief."""

    naam: str
    omschrijving: str
    metadata: Metadata
    schijven: tuple[tuple[dict[dt.date, Decimal], dict[dt.date, Decimal]], ...]

    def op(self, jaar: int) -> tuple[Schijf, ...]:
        schijven = []
        for drempels, tarieven in self.schijven:
            d, t = _geldig(drempels, jaar), _geldig(tarieven, jaar)
            if d is None or t is None:
                raise Rekenfout(
                    f"De staffel '{self.metadata.label}' ({self.naam}) heeft geen waarde voor "
                    f"{jaar}."
                )
            schijven.append(Schijf(drempels[d], tarieven[t]))
        return tuple(sorted(schijven, key=lambda s: s.ondergrens))

    def geldt_in(self, jaar: int) -> bool:
        try:
            self.op(jaar)
        except Rekenfout:
            return False
        return True

    def status(self, jaar: int) -> str:
        """De status van de staffel voor ``jaar``: ``bevestigd`` alleen voor de jaren in
        ``bevestigd_voor`` (of, zonder die lijst, het jaar waarop de staffel ingaat)."""
        if self.metadata.status != "bevestigd":
            return self.metadata.status
        jaren = self.metadata.bevestigd_voor or (self.vanaf(jaar).year,)
        return "bevestigd" if jaar in jaren else "overgenomen"

    def vanaf(self, jaar: int) -> dt.date:
        """Vanaf welke datum de staffel van ``jaar`` geldt."""
        return max(
            _geldig(deel, jaar) or dt.date.min
            for schijf in self.schijven
            for deel in schijf
        )


@dataclass(frozen=True)
class Parameters:
    """Alle parameters, op naam."""

    items: Mapping[str, Parameter | Staffel]

    def __getitem__(self, naam: str) -> Parameter | Staffel:
        try:
            return self.items[naam]
        except KeyError:
            raise Rekenfout(f"Onbekende parameter '{naam}'.") from None

    def __iter__(self) -> Iterator[Parameter | Staffel]:
        return iter(self.items.values())

    def parameter(self, naam: str) -> Parameter:
        item = self[naam]
        assert isinstance(item, Parameter), naam
        return item

    def staffel(self, naam: str) -> Staffel:
        item = self[naam]
        assert isinstance(item, Staffel), naam
        return item

    def waarde(self, naam: str, jaar: int) -> Decimal | int:
        return self.parameter(naam).waarde(jaar)


def _lees(pad: Path, naam: str) -> Parameter | Staffel:
    inhoud = lees_yaml_exact(pad.read_text(encoding="utf-8"))
    if "brackets" in inhoud:
        s = _Staffelbestand.model_validate(inhoud)
        return Staffel(
            naam, s.description, _meta(s.metadata),
            tuple((dict(b.threshold), dict(b.rate)) for b in s.brackets),
        )
    p = _Parameterbestand.model_validate(inhoud)
    waarden = tuple(
        Waarde(d, w.value, _refs(w.reference) or _refs(p.metadata.reference),
               w.status or p.metadata.status,
               w.bevestigd_voor or (p.metadata.bevestigd_voor if not w.status else ()))
        for d, w in sorted(p.values.items())
    )
    aangekondigd = (
        Waarde(dt.date.max, p.aangekondigd.value, _refs(p.aangekondigd.reference),
               "aangekondigd")
        if p.aangekondigd
        else None
    )
    return Parameter(
        naam, p.description, _meta(p.metadata), waarden, aangekondigd,
        p.aangekondigd.toelichting if p.aangekondigd else None,
    )


@cache
def laad_parameters(map_: Path = PARAMETERMAP) -> Parameters:
    """Lees alle parameterbestanden onder ``map_`` (standaard die van de package)."""
    items: dict[str, Parameter | Staffel] = {}
    for pad in sorted(map_.rglob("*.yaml")):
        naam = ".".join(pad.relative_to(map_).with_suffix("").parts)
        items[naam] = _lees(pad, naam)
    return Parameters(items)
