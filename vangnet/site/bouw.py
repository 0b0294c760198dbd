"""Het dossier bouwen: controleren, site en PDF's maken in een tijdelijke map, dan wisselen.

Niets half-geschrevens wordt ooit gepubliceerd: eerst worden de gegevens gecontroleerd, dan
wordt alles gebouwd in een tijdelijke map naast de doelmap. Alleen als alles gelukt is, neemt
die map de plaats in van de vorige versie (twee keer ``rename`` binnen hetzelfde
bestandssysteem). Bij een fout blijft de vorige site ongewijzigd staan.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vangnet.meldingen import Gegevensfout
from vangnet.paden import MKDOCS_YML


@dataclass(frozen=True)
class Bouwresultaat:
    map: Path
    seconden_site: float
    seconden_pdf: float
    pdf: Path | None  # de PDF van het dossier
    bestanden: dict[str, Path] = field(default_factory=dict)
    """Alle bestanden om af te drukken of te downloaden (soort → pad): het dossier, de
    raadsinformatiebrief als PDF en als Word, het aanvraagformulier (zie vangnet.site.pdf)."""


@contextlib.contextmanager
def _omgeving(**waarden: str) -> Iterator[None]:
    """Zet omgevingsvariabelen tijdelijk (``SOURCE_DATE_EPOCH`` voor een reproduceerbare
    bouw)."""
    oud = {k: os.environ.get(k) for k in waarden}
    os.environ.update(waarden)
    try:
        yield
    finally:
        for k, v in oud.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def bouwtijdstip(data: Path) -> str:
    """``SOURCE_DATE_EPOCH`` als die is gezet, anders middernacht (UTC) van de rapportdatum
    (of, zolang die onbekend is, 1 januari na het aanvraagjaar).

    mkdocs gebruikt dit tijdstip voor de sitemap en de gzip-bestanden; zo geven dezelfde
    gegevens op elke dag dezelfde bestanden.
    """
    from vangnet.dossier.context import laad_context

    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    d = laad_context(data).dataset.dossier.stempeldatum
    return str(int(dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC).timestamp()))


def config_opties(data: Path, config: Path | None = None,
                  extra: dict[str, Any] | None = None,
                  gegevens: str | None = None) -> dict[str, Any]:
    """De opties voor ``mkdocs.config.load_config`` (en ``mkdocs serve``) die het dossier
    ``data`` aan de bouw koppelen: de configuratie van het gereedschap, met de optie ``dossier``
    van de plugin ``vangnet`` op deze map. Paden volgen uit de package, niet uit de werkmap."""
    from mkdocs.utils.yaml import yaml_load

    config = Path(config or MKDOCS_YML).resolve()
    with config.open("rb") as f:
        ruw = yaml_load(f)
    plugins = dict(ruw.get("plugins") or {})
    plugins["vangnet"] = {**(plugins.get("vangnet") or {}),
                          "dossier": str(Path(data).resolve())}
    if gegevens is not None:
        plugins["vangnet"]["gegevens"] = gegevens
    opties = {"config_file": str(config), "plugins": plugins}
    if extra is not None:
        opties["extra"] = {**(ruw.get("extra") or {}), **extra}
    return opties


def mkdocs_bouw(data: Path, doel: Path, config: Path | None = None,
                extra: dict | None = None, gegevens: str | None = None) -> None:
    """Bouw de site met mkdocs (strikt: elke waarschuwing is een fout) naar ``doel``.

    ``gegevens`` is de vingerafdruk die de gegevens horen te hebben; zijn ze tijdens het
    bouwen andere, dan is dat een :class:`~vangnet.meldingen.Gegevensfout`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with _omgeving(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=bouwtijdstip(data)):
        opties = {**config_opties(data, config, extra, gegevens), "site_dir": str(doel),
                  "strict": True}
        cfg = load_config(**opties)
        build(cfg)


def vervang_map(nieuw: Path, doel: Path) -> None:
    """Zet ``nieuw`` op de plaats van ``doel``; het oude ``doel`` verdwijnt pas daarna."""
    oud = doel.with_name(f".{doel.name}.oud-{os.getpid()}")
    if doel.exists():
        doel.rename(oud)
    try:
        nieuw.rename(doel)
    except OSError:
        if oud.exists():
            oud.rename(doel)
        raise
    shutil.rmtree(oud, ignore_errors=True)


VERSIEKEUZE = {"concept": "", "version": {"provider": "mike"}}
"""Extra instellingen voor een gepubliceerde versie: de versiekeuze van Material (mike)."""


def bouw(data: Path, uit: Path, *, config: Path | None = None, pdf: bool = True,
         versies: bool = False, na_site: Callable[[Path], None] | None = None,
         colofon: str | None = None) -> Bouwresultaat:
    """Controleer ``data`` en bouw site (en PDF) naar ``uit``; bij een fout blijft ``uit`` staan.

    ``versies`` zet de versiekeuze van mike aan (voor publiceren); ``colofon`` is een regel die
    onderaan elke pagina komt (bij publiceren: de commit van de gegevens)."""
    from vangnet.data.afdruk import gegevensafdruk, gewijzigd_tijdens_bouwen
    from vangnet.dossier.controle import volledige_controle

    afdruk = gegevensafdruk(Path(data))
    rapport = volledige_controle(Path(data))
    if not rapport.in_orde:
        raise Gegevensfout(rapport.fouten)
    uit = Path(uit).resolve()
    uit.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = uit.with_name(f".{uit.name}.bouw-{os.getpid()}")
    shutil.rmtree(tijdelijk, ignore_errors=True)
    try:
        begin = time.perf_counter()
        extra = dict(VERSIEKEUZE) if versies else {}
        if colofon:
            extra["colofon"] = colofon
        mkdocs_bouw(Path(data), tijdelijk, config, extra=extra or None, gegevens=afdruk)
        seconden_site = time.perf_counter() - begin
        bestanden: dict[str, Path] = {}
        seconden_pdf = 0.0
        if pdf:
            from vangnet.site.pdf import maak_alles

            begin = time.perf_counter()
            bestanden = maak_alles(tijdelijk, Path(data), gegevens=afdruk)
            seconden_pdf = time.perf_counter() - begin
        if na_site is not None:
            na_site(tijdelijk)
        if gegevensafdruk(Path(data)) != afdruk:
            raise gewijzigd_tijdens_bouwen(Path(data), "de site met de PDF's" if pdf
                                           else "de site")
        vervang_map(tijdelijk, uit)
    except BaseException:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        raise
    from vangnet import cache as cachebestand
    from vangnet.paden import cachemap

    cachebestand.opruimen(cachemap())  # stopt nooit een bouw (zie opruimen)
    bestanden = {soort: uit / pad.relative_to(tijdelijk) for soort, pad in bestanden.items()}
    return Bouwresultaat(uit, seconden_site, seconden_pdf, bestanden.get("dossier"), bestanden)
