"""Een gegevensmap inlezen tot een gevalideerde :class:`Dataset`.

Alle fouten worden verzameld: eerst per bestand (kopregel, cellen, dubbele sleutels), dan
de samenhang tussen bestanden (zie :mod:`vangnet.data.controles`). Pas als alles klopt, is
er een :class:`Dataset`; anders volgt één :class:`~vangnet.meldingen.Gegevensfout` met alle
meldingen.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pandas as pd
from pydantic import BaseModel, ValidationError

from vangnet.data.afdruk import gegevensafdruk
from vangnet.data.lezen import lees_csv, lees_yaml
from vangnet.data.meldingen_pydantic import fouten
from vangnet.data.schema import BESTANDEN, Bestandsschema, Doorrekening, Dossier
from vangnet.meldingen import Gegevensfout, Melding

RIJ = "_rij"
"""Kolom met het rijnummer in het bronbestand (kopregel = rij 1), voor herkomst en meldingen."""

_TOTAALRIJ = re.compile(r"^\s*(sub)?totaal\b", re.IGNORECASE)


@dataclass(frozen=True)
class Dataset:
    """Alle gegevens van één gemeente, gevalideerd.

    ``tabellen`` bevat per bestandsstam (``buig``, ``instroom``, ...) een DataFrame met de
    kolommen van het bestand plus :data:`RIJ`. Ontbrekende optionele bestanden ontbreken
    ook in ``tabellen``.
    """

    map: Path
    dossier: Dossier
    doorrekening: Doorrekening
    tabellen: Mapping[str, pd.DataFrame]
    vingerafdruk: str
    yaml_regels: Mapping[str, Mapping[tuple[Any, ...], int]] = field(default_factory=dict)
    """Per YAML-bestand het regelnummer van elk sleutelpad (voor herkomst en meldingen)."""

    def tabel(self, stam: str) -> pd.DataFrame:
        return self.tabellen[stam]

    def heeft(self, stam: str) -> bool:
        return stam in self.tabellen

    @property
    def aanvraagjaar(self) -> int:
        return self.dossier.aanvraagjaar

    def met_cel(self, stam: str, index: Any, kolom: str, waarde: Any) -> Dataset:
        """Een kopie met één gewijzigde cel (voor de afrondingsanalyse); zelf ongewijzigd."""
        tabel = self.tabellen[stam].copy()
        tabel.loc[index, kolom] = waarde
        tabellen = dict(self.tabellen)
        tabellen[stam] = tabel
        return replace(
            self, tabellen=MappingProxyType(tabellen), vingerafdruk=f"{self.vingerafdruk}*"
        )


def _lees_tabel(map_: Path, schema: Bestandsschema) -> tuple[pd.DataFrame | None, list[Melding]]:
    pad = map_ / schema.naam
    if not pad.exists():
        if schema.verplicht:
            return None, [
                Melding(schema.naam, "het verplichte bestand ontbreekt.",
                        oplossing="Maak het aan in de gegevensmap (zie de pagina "
                        "Gegevensformaat).")
            ]
        return None, []
    try:
        rijen = lees_csv(pad, schema.naam, schema.kolommen, schema.verplichte_kolommen)
    except Gegevensfout as fout:
        return None, list(fout.meldingen)

    meldingen: list[Melding] = []
    records: list[dict[str, Any]] = []
    for rij in rijen:
        eerste = next(iter(rij.cellen.values()), "")
        sleutels = [rij.cellen.get(k, "") for k in schema.sleutel]
        if any(_TOTAALRIJ.match(v) for v in (eerste, *sleutels) if v):
            meldingen.append(
                Melding(
                    schema.naam,
                    "deze rij lijkt een totaalrij.",
                    rij=rij.rij,
                    oplossing="Verwijder de rij: vangnet berekent totalen zelf.",
                )
            )
            continue
        try:
            model = schema.model.model_validate(rij.cellen)
        except ValidationError as fout:
            for plaats, tekst in fouten(fout):
                kolom = str(plaats[0]) if plaats else None
                meldingen.append(Melding(schema.naam, tekst, rij=rij.rij, kolom=kolom))
            continue
        records.append({**model.model_dump(), RIJ: rij.rij})

    kolommen = [*schema.kolommen, RIJ]
    tabel = pd.DataFrame.from_records(records, columns=kolommen)
    for kolom in tabel.columns:
        if tabel[kolom].dtype.kind not in "iufb":
            # tekstkolommen: ontbrekende waarden als None, niet als NaN
            tabel[kolom] = tabel[kolom].astype(object).where(tabel[kolom].notna(), None)
    meldingen += _dubbele_sleutels(tabel, schema)
    return tabel, meldingen


def _dubbele_sleutels(tabel: pd.DataFrame, schema: Bestandsschema) -> list[Melding]:
    meldingen = []
    sleutel = list(schema.sleutel)
    dubbel = tabel[tabel.duplicated(sleutel, keep=False)]
    for waarden, groep in dubbel.groupby(sleutel, dropna=False, sort=False):
        waarden = waarden if isinstance(waarden, tuple) else (waarden,)
        omschrijving = ", ".join(f"{k} {w}" for k, w in zip(sleutel, waarden, strict=True))
        rijen = groep[RIJ].tolist()
        meldingen.append(
            Melding(
                schema.naam,
                f"{omschrijving} komt dubbel voor (ook in rij "
                f"{', '.join(map(str, rijen[1:]))}).",
                rij=rijen[0],
                kolom=sleutel[0],
                oplossing="Houd één rij over; tel bedragen eventueel eerst op.",
            )
        )
    return meldingen


def _lees_model(
    map_: Path, naam: str, model: type[BaseModel], regels: dict[str, Any]
) -> tuple[BaseModel | None, list[Melding]]:
    pad = map_ / naam
    if not pad.exists():
        return None, [Melding(naam, "het verplichte bestand ontbreekt.",
                              oplossing="Maak het aan in de gegevensmap (zie de pagina "
                              "Gegevensformaat).")]
    try:
        gegevens, regels[naam] = lees_yaml(pad, naam)
    except Gegevensfout as fout:
        return None, list(fout.meldingen)
    if not isinstance(gegevens, dict):
        return None, [Melding(naam, "het bestand moet sleutels met waarden bevatten.", rij=1)]
    try:
        return model.model_validate(gegevens), []
    except ValidationError as fout:
        meldingen = []
        for plaats, tekst in fouten(fout):
            regel = regels[naam].get(plaats) or regels[naam].get(plaats[:-1]) or None
            veld = ".".join(str(p) for p in plaats)
            meldingen.append(Melding(naam, tekst, rij=regel, kolom=veld))
        return None, meldingen


def vingerafdruk(map_: Path) -> str:
    """SHA-256 over namen en inhoud van alle gegevensbestanden: sleutel voor caches."""
    return gegevensafdruk(map_)


def laad_dataset(map_: Path | str) -> Dataset:
    """Lees en valideer alle bestanden in ``map_``; geeft alle problemen tegelijk."""
    from vangnet.data.controles import controleer_samenhang

    map_ = Path(map_)
    if not map_.is_dir():
        raise Gegevensfout([Melding(str(map_), "de gegevensmap bestaat niet.")])
    meldingen: list[Melding] = []
    regels: dict[str, Any] = {}
    dossier, m = _lees_model(map_, "dossier.yaml", Dossier, regels)
    meldingen += m
    doorrekening, m = _lees_model(map_, "doorrekening.yaml", Doorrekening, regels)
    meldingen += m
    tabellen: dict[str, pd.DataFrame] = {}
    for schema in BESTANDEN:
        tabel, m = _lees_tabel(map_, schema)
        meldingen += m
        if tabel is not None:
            tabellen[schema.stam] = tabel
    if meldingen:
        raise Gegevensfout(meldingen)
    assert isinstance(dossier, Dossier) and isinstance(doorrekening, Doorrekening)
    dataset = Dataset(
        map=map_,
        dossier=dossier,
        doorrekening=doorrekening,
        tabellen=MappingProxyType(tabellen),
        vingerafdruk=vingerafdruk(map_),
        yaml_regels=MappingProxyType(regels),
    )
    meldingen = controleer_samenhang(dataset)
    if meldingen:
        raise Gegevensfout(meldingen)
    return dataset
