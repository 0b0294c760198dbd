"""Snel opnieuw bouwen: de ingevulde pagina's bewaren, met de inhoud van alle invoer als sleutel.

Een bouw met macro's kost vooral het laden van pandas en Altair, het berekenen van de cijfers
en het invullen van de pagina's. Als de gegevens, de code van vangnet en de pagina zelf niet
zijn veranderd, is de ingevulde Markdown ook niet veranderd. Deze module bewaart die daarom in
de cache (``VANGNET_CACHE``), met als sleutel een hash over:

- de inhoud van alle gegevensbestanden;
- de inhoud van alle bestanden van de package vangnet, van ``macros.py`` en ``mkdocs.yml``;
- de versies van de bibliotheken die de uitvoer bepalen;
- de ruwe Markdown van de pagina.

Bij een treffer wordt de pagina niet opnieuw ingevuld en hoeven de zware modules niet eens te
worden geladen. Verandert er iets, dan valt de sleutel anders uit en wordt alles opnieuw
berekend: een verouderd cijfer is niet mogelijk. Deze module laadt zelf alleen lichte modules.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from vangnet.data.afdruk import gegevensafdruk
from vangnet.paden import ONDERDELEN, PACKAGE, cachemap

BIBLIOTHEKEN = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "altair",
                "vl-convert-python", "babel", "pandas")
MACRONAMEN = ("cijfer", "waarde", "bestaat", "tekst", "formule", "uitkomst", "richting", "teken",
              "ten_opzichte_van",
              "maatregelnamen",
              "tabel", "heeft_tabel", "grafiek", "datum", "parametertabel", "bestandentabel",
              "bronvergelijking", "opmerkingen", "herkomst", "gegevensformaat", "maatregelen",
              "aantal_maatregelen", "vergelijking", "geldig_vanaf", "bevestigd", "kop", "toon",
              "verwijzing", "tekstblok", "opsomming", "brondatum", "peildatum", "peiljaar",
              "volledigheid", "verkenner", "documenten", "bevestigingen", "briefhoofd",
              "bron", "verschil", "aantal",
              "download")
"""Gelijk aan ``vangnet.dossier.tekstcontrole.MACRONAMEN`` (hier herhaald: deze module laadt
geen zware modules; een test houdt de twee gelijk)."""


def codeafdruk(project: Path) -> str:
    """SHA-256 over de package vangnet, macros.py, mkdocs.yml en de bibliotheekversies."""
    h = hashlib.sha256()
    bestanden = sorted(p for p in PACKAGE.rglob("*") if p.is_file()
                       and "__pycache__" not in p.parts)
    bestanden += sorted(ONDERDELEN.glob("*.md"))
    bestanden += [project / "macros.py", project / "mkdocs.yml"]
    for pad in bestanden:
        if pad.exists():
            h.update(str(pad.relative_to(pad.anchor)).encode())
            h.update(pad.read_bytes())
    for naam in BIBLIOTHEKEN:
        try:
            h.update(f"{naam}={metadata.version(naam)}".encode())
        except metadata.PackageNotFoundError:
            h.update(naam.encode())
    return h.hexdigest()


@dataclass
class Bouwtoestand:
    """Wat één bouw over de cache weet; hangt aan het mkdocs-macros-object."""

    project: Path
    data: Path
    sleutel: str
    meta: dict[str, Any] | None
    _macros: Any = None
    uit_cache: set[str] = field(default_factory=set)

    @property
    def map(self) -> Path:
        return cachemap() / "paginas"

    def macros(self, env: Any) -> Any:
        """De echte macro's (zwaar: gegevens, pandas, Altair); pas bij eerste gebruik geladen."""
        if self._macros is None:
            from vangnet.site.macros import registreer

            self._macros = registreer(env, self.data)
            self.meta = {"site_name": env.conf["site_name"],
                         "concept": env.conf["extra"].get("concept", "")}
            _schrijf(self.map / f"{self.sleutel}.meta.json", json.dumps(self.meta))
        return self._macros

    def paginasleutel(self, pagina: Any, markdown: str) -> str:
        h = hashlib.sha256(f"{self.sleutel}\0{pagina.file.src_uri}\0{markdown}".encode())
        return h.hexdigest()


def _schrijf(pad: Path, inhoud: str) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_suffix(f".{os.getpid()}.tmp")
    tijdelijk.write_text(inhoud, encoding="utf-8")
    tijdelijk.replace(pad)


def _lui(toestand: Bouwtoestand, env: Any, naam: str) -> Callable[..., Any]:
    def macro(*args: Any, **kwargs: Any) -> Any:
        return getattr(toestand.macros(env), naam)(*args, **kwargs)

    macro.__name__ = naam
    return macro


def registreer(env: Any) -> None:
    """``define_env``: registreer de macro's; laad de gegevens alleen als dat nodig is."""
    from vangnet.site.plugin import dossiermap, foutmodus

    if foutmodus(env.conf):
        env.vangnet = None  # serve met fouten: alleen de foutpagina, geen gegevens
        return
    project = Path(env.project_dir)
    data = dossiermap(env.conf)
    sleutel = hashlib.sha256(
        f"{gegevensafdruk(data)}\0{codeafdruk(project)}\0{data.resolve()}".encode()
    ).hexdigest()
    meta_pad = cachemap() / "paginas" / f"{sleutel}.meta.json"
    meta = json.loads(meta_pad.read_text(encoding="utf-8")) if meta_pad.exists() else None
    toestand = Bouwtoestand(project, data, sleutel, meta)
    env.vangnet = toestand
    if meta is None:
        toestand.macros(env)  # niets in de cache: alles meteen berekenen
        return
    env.conf["site_name"] = meta["site_name"]
    env.conf["extra"]["concept"] = meta["concept"]
    for naam in MACRONAMEN:
        env.macro(_lui(toestand, env, naam), naam)


def voor_pagina(env: Any) -> None:
    """``on_pre_page_macros``: neem de ingevulde pagina uit de cache als die er is."""
    from vangnet.site.sjablonen import bewaar_gecompileerd

    toestand: Bouwtoestand | None = env.vangnet
    if toestand is None:
        return
    # de pagina's en onderdelen: gecompileerd uit de cache (de omgeving bestaat pas nu)
    bewaar_gecompileerd(env.env)
    sleutel = toestand.paginasleutel(env.page, env.markdown)
    pad = toestand.map / f"{sleutel}.md"
    if pad.exists():
        env.markdown = pad.read_text(encoding="utf-8")
        # al ingevuld: niet nog eens door Jinja; na_pagina haalt de markering weer weg
        env.page.meta["render_macros"] = False
        env.page.meta["_vangnet_uit_cache"] = True
        toestand.uit_cache.add(env.page.file.src_uri)
        return
    toestand.macros(env)  # de pagina moet worden ingevuld: zorg voor variabelen en macro's
    env.page.meta["_vangnet_sleutel"] = sleutel


def na_pagina(env: Any) -> None:
    """``on_post_page_macros``: bewaar een nieuw ingevulde pagina.

    Haalt ook de eigen markeringen uit ``page.meta``: het thema rendert anders (andere witruimte)
    zodra de metadata niet leeg is, en een bouw uit de cache moet byte voor byte gelijk zijn.
    """
    if env.vangnet is None:
        return
    if env.page.meta.pop("_vangnet_uit_cache", False):
        env.page.meta.pop("render_macros", None)
    sleutel = env.page.meta.pop("_vangnet_sleutel", None)
    if sleutel is not None:
        _schrijf(env.vangnet.map / f"{sleutel}.md", env.markdown)


def na_bouw(env: Any) -> None:
    """``on_post_build``: de Vega-bundel en de uitleg van alle cijfers in de site zetten."""
    from vangnet.site.javascript import schrijf_javascript

    toestand: Bouwtoestand | None = env.vangnet
    if toestand is None:
        return
    site_dir = Path(env.conf["site_dir"])
    schrijf_javascript(site_dir, cachemap())
    doel = site_dir / "herkomst" / "herkomst.json"
    bewaard = toestand.map / f"{toestand.sleutel}.herkomst.json"
    if not bewaard.exists():
        from vangnet.site.macros import herkomst_json

        _schrijf(bewaard, herkomst_json(toestand.data))
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(bewaard.read_bytes())
