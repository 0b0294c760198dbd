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

from vangnet.data import plausibiliteit
from vangnet.data.afdruk import gegevensafdruk
from vangnet.data.bronnen import eigen_documenten, toon_bron
from vangnet.data.cellen import HERZIEN, MARKERING
from vangnet.data.controles import controleer_samenhang
from vangnet.data.lezen import Csvrij, lees_csv, lees_yaml, opname
from vangnet.data.meldingen_pydantic import fouten
from vangnet.data.plausibiliteit import BevestigdeUitzondering
from vangnet.data.schema import BESTANDEN, Bestandsschema, Doorrekening, Dossier
from vangnet.data.teksten import Tekstblok, lees_teksten
from vangnet.meldingen import Gegevensfout, Melding
from vangnet.paden import PACKAGE

REFERENTIE = PACKAGE / "referentie"
"""Landelijke gegevens die vangnet meelevert (zie ``Bestandsschema.referentie``)."""

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
    doorrekening: Doorrekening | None
    """De aannames voor de doorrekening; ``None`` zonder ``doorrekening.yaml`` (dan ontbreekt
    het hoofdstuk over de doorrekening)."""
    tabellen: Mapping[str, pd.DataFrame]
    vingerafdruk: str
    yaml_regels: Mapping[str, Mapping[tuple[Any, ...], int]] = field(default_factory=dict)
    """Per YAML-bestand het regelnummer van elk sleutelpad (voor herkomst en meldingen)."""
    bestandsnamen: Mapping[str, str] = field(default_factory=dict)
    """Per tabel de naam van het bestand waaruit ze komt, zoals de herkomst die toont; voor
    meegeleverde landelijke gegevens ``vangnet/referentie/<naam>``."""
    in_te_vullen: tuple[Melding, ...] = ()
    """Cellen en velden met ``IN TE VULLEN``: nog onbekend, het dossier is dan een concept.
    Een gemarkeerde optionele cel telt als leeg; een rij met een gemarkeerde verplichte cel
    telt niet mee tot ze is ingevuld."""
    teksten: Mapping[str, Tekstblok] = field(default_factory=dict)
    """De eigen teksten van het dossier per plek (zie :mod:`vangnet.data.teksten`)."""
    te_herzien: tuple[Melding, ...] = ()
    """Bronvermeldingen met ``TE HERZIEN:``: rijen die ``nieuw-jaar`` uit een eerder jaar heeft
    overgenomen en die nog moeten worden nagelezen."""
    notities: tuple[str, ...] = ()
    """Wat de lezers herkenden en goed lazen, maar niet gewoon is (UTF-16, een regel ``sep=;``);
    ``vangnet check`` toont het ter informatie."""
    bevestigd: tuple[BevestigdeUitzondering, ...] = ()
    """Bevindingen van de plausibiliteitsregels die ``dossier.yaml`` bevestigt, met de reden
    (zie :mod:`vangnet.data.plausibiliteit`); de bronregels komen in de context erbij."""
    volledig: bool = True
    """Of alle bestanden zijn gelezen (niet bij ``laad_dataset(map_, stammen=...)``)."""

    def tabel(self, stam: str) -> pd.DataFrame:
        return self.tabellen[stam]

    def heeft(self, stam: str) -> bool:
        return stam in self.tabellen

    def bestandsnaam(self, stam: str) -> str:
        """Het bestand van een tabel zoals de herkomst het noemt."""
        return self.bestandsnamen.get(stam, f"{stam}.csv")

    def is_in_te_vullen(self, bestand: str, rij: int | None, kolom: str) -> bool:
        """Of een cel (of YAML-veld, met ``rij`` ``None``) met ``IN TE VULLEN`` is gemarkeerd."""
        return any(m.bestand == bestand and m.kolom == kolom and (rij is None or m.rij == rij)
                   for m in self.in_te_vullen)

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


def _markeringen(rij: Csvrij, schema: Bestandsschema, naam: str
                 ) -> tuple[Csvrij | None, list[Melding]]:
    """Cellen met ``IN TE VULLEN``: als nog in te vullen noteren. Een optionele cel wordt leeg,
    een bronvermelding 'nog in te vullen'; een rij met een gemarkeerde verplichte cel telt niet
    mee (``None``)."""
    gemarkeerd = [k for k, v in rij.cellen.items() if v.strip() == MARKERING]
    if not gemarkeerd:
        return rij, []
    return _vul_markeringen_in(rij, schema, naam, gemarkeerd)


def _herzien(rij: Csvrij, naam: str) -> tuple[Csvrij, list[Melding]]:
    """Een bronvermelding die met ``TE HERZIEN:`` begint: noteren en het voorvoegsel weghalen."""
    bron = rij.cellen.get("bron", "")
    if not bron.strip().upper().startswith(HERZIEN):
        return rij, []
    cellen = dict(rij.cellen)
    cellen["bron"] = bron.strip()[len(HERZIEN):].strip() or "bron te herzien"
    return Csvrij(rij.rij, cellen), [Melding(
        naam, "deze rij komt uit een eerder aanvraagjaar; lees haar na en werk de bron bij "
        f"(en haal '{HERZIEN}' weg).", rij=rij.rij, kolom="bron")]


def _vul_markeringen_in(rij: Csvrij, schema: Bestandsschema, naam: str, gemarkeerd: list[str]
                        ) -> tuple[Csvrij | None, list[Melding]]:
    taken = [Melding(naam, "deze cel moet nog worden ingevuld.", rij=rij.rij, kolom=k)
             for k in gemarkeerd]
    verplicht = set(schema.verplichte_cellen) - {"bron"}
    if verplicht & set(gemarkeerd):
        return None, taken
    cellen = dict(rij.cellen)
    for k in gemarkeerd:
        cellen[k] = "nog in te vullen" if k == "bron" else ""
    return Csvrij(rij.rij, cellen), taken


def _lees_tabel(map_: Path, schema: Bestandsschema, notities: list[str] | None = None
                ) -> tuple[pd.DataFrame | None, list[Melding], list[Melding], str, list[Melding]]:
    """De tabel, de fouten, de nog in te vullen cellen, de bestandsnaam voor de herkomst en de
    rijen die nog moeten worden herzien."""
    pad, naam = map_ / schema.naam, schema.naam
    if not pad.exists() and schema.referentie:
        pad, naam = REFERENTIE / schema.naam, f"vangnet/referentie/{schema.naam}"
    if not pad.exists():
        if schema.verplicht:
            return None, [
                Melding(schema.naam, "het verplichte bestand ontbreekt.",
                        oplossing="Maak het aan in de dossiermap (zie de pagina "
                        "Gegevensformaat), of begin met 'vangnet nieuw-dossier'.")
            ], [], naam, []
        return None, [], [], naam, []
    try:
        rijen = lees_csv(pad, naam, schema.kolommen, schema.verplichte_kolommen,
                         mag_leeg=schema.mag_leeg, notities=notities)
    except Gegevensfout as fout:
        return None, list(fout.meldingen), [], naam, []

    meldingen: list[Melding] = []
    taken: list[Melding] = []
    herzien: list[Melding] = []
    records: list[dict[str, Any]] = []
    for ruw in rijen:
        ruw, h = _herzien(ruw, naam)
        herzien += h
        rij, t = _markeringen(ruw, schema, naam)
        taken += t
        if rij is None:
            continue
        eerste = next(iter(rij.cellen.values()), "")
        sleutels = [rij.cellen.get(k, "") for k in schema.sleutel]
        if any(_TOTAALRIJ.match(v) for v in (eerste, *sleutels) if v):
            meldingen.append(
                Melding(
                    naam,
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
                meldingen.append(Melding(naam, tekst, rij=rij.rij, kolom=kolom))
            continue
        records.append({**model.model_dump(), RIJ: rij.rij})

    kolommen = [*schema.kolommen, RIJ]
    tabel = pd.DataFrame.from_records(records, columns=kolommen)
    for kolom in tabel.columns:
        if tabel[kolom].dtype.kind not in "iufb":
            # tekstkolommen: ontbrekende waarden als None, niet als NaN
            tabel[kolom] = tabel[kolom].astype(object).where(tabel[kolom].notna(), None)
    meldingen += _dubbele_sleutels(tabel, schema, naam)
    return tabel, meldingen, taken, naam, herzien


def _dubbele_sleutels(tabel: pd.DataFrame, schema: Bestandsschema, naam: str) -> list[Melding]:
    meldingen = []
    sleutel = list(schema.sleutel)
    dubbel = tabel[tabel.duplicated(sleutel, keep=False)]
    for waarden, groep in dubbel.groupby(sleutel, dropna=False, sort=False):
        waarden = waarden if isinstance(waarden, tuple) else (waarden,)
        omschrijving = ", ".join(f"{k} {w}" for k, w in zip(sleutel, waarden, strict=True))
        rijen = groep[RIJ].tolist()
        meldingen.append(
            Melding(
                naam,
                f"{omschrijving} komt dubbel voor (ook in rij "
                f"{', '.join(map(str, rijen[1:]))}).",
                rij=rijen[0],
                kolom=sleutel[0],
                oplossing="Houd één rij over; tel bedragen eventueel eerst op.",
            )
        )
    return meldingen


def _yaml_markeringen(gegevens: Any, pad: tuple[Any, ...], naam: str,
                      regels: Mapping[tuple[Any, ...], int]) -> tuple[Any, list[Melding]]:
    """Vervang ``IN TE VULLEN`` in YAML door ``None`` en noteer elk veld als nog in te vullen."""
    if isinstance(gegevens, str) and gegevens.strip() == MARKERING:
        return None, [Melding(naam, "dit veld moet nog worden ingevuld.", rij=regels.get(pad),
                              kolom=".".join(map(str, pad)))]
    taken: list[Melding] = []
    if isinstance(gegevens, dict):
        uit = {}
        for sleutel, waarde in gegevens.items():
            uit[sleutel], t = _yaml_markeringen(waarde, (*pad, sleutel), naam, regels)
            taken += t
        return uit, taken
    if isinstance(gegevens, list):
        lijst = []
        for i, waarde in enumerate(gegevens):
            w, t = _yaml_markeringen(waarde, (*pad, i), naam, regels)
            lijst.append(w)
            taken += t
        return lijst, taken
    return gegevens, taken


def _lees_model(
    map_: Path, naam: str, model: type[BaseModel], regels: dict[str, Any], verplicht: bool = True,
    notities: list[str] | None = None,
) -> tuple[BaseModel | None, list[Melding], list[Melding]]:
    """Het model, de fouten en de nog in te vullen velden van een YAML-bestand."""
    pad = map_ / naam
    if not pad.exists():
        if not verplicht:
            return None, [], []
        return None, [Melding(naam, "het verplichte bestand ontbreekt.",
                              oplossing="Maak het aan in de dossiermap (zie de pagina "
                              "Gegevensformaat), of begin met 'vangnet nieuw-dossier'.")], []
    try:
        gegevens, regels[naam] = lees_yaml(pad, naam, notities)
    except Gegevensfout as fout:
        return None, list(fout.meldingen), []
    if not isinstance(gegevens, dict):
        return None, [Melding(naam, "het bestand moet sleutels met waarden bevatten.", rij=1)], []
    gegevens, taken = _yaml_markeringen(gegevens, (), naam, regels[naam])
    try:
        return model.model_validate(gegevens), [], taken
    except ValidationError as fout:
        meldingen = []
        for plaats, tekst in fouten(fout):
            regel = regels[naam].get(plaats) or regels[naam].get(plaats[:-1]) or None
            veld = ".".join(str(p) for p in plaats)
            if any(t.kolom == veld for t in taken):
                tekst = "dit veld moet nog worden ingevuld, maar is verplicht."
            meldingen.append(Melding(naam, tekst, rij=regel, kolom=veld))
        return None, meldingen, taken


def vingerafdruk(map_: Path) -> str:
    """SHA-256 over namen en inhoud van alle gegevensbestanden: sleutel voor caches."""
    return gegevensafdruk(map_)


def laad_dataset(map_: Path | str, stammen: tuple[str, ...] | None = None) -> Dataset:
    """Lees en valideer alle bestanden in ``map_``; geeft alle problemen tegelijk.

    Met ``stammen`` alleen ``dossier.yaml`` en die tabellen (``("buig",)`` voor de
    vangnetberekening): andere bestanden worden dan niet gelezen en tellen niet mee.

    :raises Gegevensfout: met alle meldingen (bestand, rij, kolom, oplossing).
    """
    map_ = Path(map_)
    if not map_.is_dir():
        raise Gegevensfout([Melding(str(map_), "de dossiermap bestaat niet.",
                                    oplossing="Geef met --data de map van het dossier, of "
                                    "maak er een met 'vangnet nieuw-dossier'.")])
    with opname(map_) as afdruk:
        return _laad(map_, stammen, afdruk)


def _laad(map_: Path, stammen: tuple[str, ...] | None, afdruk: str) -> Dataset:
    """:func:`laad_dataset` binnen de opname van de bestanden (vingerafdruk ``afdruk``)."""
    volledig = stammen is None
    meldingen: list[Melding] = []
    taken: list[Melding] = []
    herzien: list[Melding] = []
    regels: dict[str, Any] = {}
    notities: list[str] = []
    dossier, m, t = _lees_model(map_, "dossier.yaml", Dossier, regels, notities=notities)
    meldingen, taken = meldingen + m, taken + t
    doorrekening = None
    if volledig:
        doorrekening, m, t = _lees_model(map_, "doorrekening.yaml", Doorrekening, regels,
                                         verplicht=False, notities=notities)
        meldingen, taken = meldingen + m, taken + t
    tabellen: dict[str, pd.DataFrame] = {}
    namen: dict[str, str] = {}
    for schema in BESTANDEN:
        if not volledig and schema.stam not in stammen:
            continue
        tabel, m, t, naam, h = _lees_tabel(map_, schema, notities)
        meldingen, taken, herzien = meldingen + m, taken + t, herzien + h
        if tabel is not None:
            tabellen[schema.stam] = tabel
            namen[schema.stam] = naam
    teksten: dict[str, Tekstblok] = {}
    if volledig:
        teksten, m = lees_teksten(map_)
        meldingen += m
    if meldingen:
        raise Gegevensfout(meldingen)
    assert isinstance(dossier, Dossier)
    assert doorrekening is None or isinstance(doorrekening, Doorrekening)
    dataset = Dataset(
        map=map_,
        dossier=dossier,
        doorrekening=doorrekening,
        tabellen=MappingProxyType(tabellen),
        vingerafdruk=afdruk,  # van precies de bytes die zijn gelezen (zie lezen.opname)
        yaml_regels=MappingProxyType(regels),
        bestandsnamen=MappingProxyType(namen),
        in_te_vullen=tuple(taken),
        teksten=MappingProxyType(teksten),
        te_herzien=tuple(herzien),
        notities=tuple(notities),
        volledig=volledig,
    )
    dataset = _bronnen_van_vangnet(dataset)
    meldingen = controleer_samenhang(dataset)
    plausibel, bevestigd = plausibiliteit.pas_toe(
        dataset, plausibiliteit.controleer(dataset),
        regels=set(plausibiliteit.REGEL) - plausibiliteit.BRONREGELS,
        bestanden=gelezen_bestanden(dataset))
    meldingen += plausibiliteit.onbekende_regels(dataset) + plausibel
    if meldingen:
        raise Gegevensfout(meldingen)
    return replace(dataset, bevestigd=tuple(bevestigd))


def _bronnen_van_vangnet(dataset: Dataset) -> Dataset:
    """De bron van een meegeleverde tabel (vangnet/referentie) zoals de lezer van dit dossier
    haar ziet: een document van het voorbeelddossier wordt als zodanig benoemd (zie
    :mod:`vangnet.data.bronnen`)."""
    eigen = eigen_documenten(dataset.dossier.bronnen) if dataset.dossier else frozenset()
    tabellen = dict(dataset.tabellen)
    for stam, naam in dataset.bestandsnamen.items():
        tabel = tabellen.get(stam)
        if naam.startswith("vangnet/referentie/") and tabel is not None and "bron" in tabel:
            tabel = tabel.copy()
            tabel["bron"] = tabel["bron"].map(
                lambda b: toon_bron(b, eigen) if isinstance(b, str) else b)
            tabellen[stam] = tabel
    return replace(dataset, tabellen=MappingProxyType(tabellen))


def gelezen_bestanden(dataset: Dataset) -> set[str]:
    """De bestandsnamen waarvoor een bevestiging kan gelden: bij een volledige lezing elk bekend
    bestand (ook een ontbrekend: een bevestiging ervoor past dan nergens bij), anders alleen de
    gelezen bestanden."""
    namen = set(dataset.bestandsnamen.values())
    if dataset.volledig:
        namen |= {s.naam for s in BESTANDEN} | {"dossier.yaml", "doorrekening.yaml"}
    return namen
