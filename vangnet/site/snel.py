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
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from vangnet import cache as cachebestand
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
    """Wat één bouw over de cache weet; hangt aan het mkdocs-macros-object.

    ``gegevens`` is de vingerafdruk van de gegevens aan het begin van de bouw; de sleutel van de
    cache volgt eruit. Berekent de bouw de cijfers uit andere gegevens (een bestand dat tijdens
    het bouwen werd opgeslagen), dan schrijft hij niets in de cache (``schrijven`` wordt
    ``False``): anders zou een pagina met de nieuwe cijfers onder de sleutel van de oude
    gegevens komen te staan.
    """

    project: Path
    data: Path
    gegevens: str
    sleutel: str
    meta: dict[str, Any] | None
    _macros: Any = None
    uit_cache: set[str] = field(default_factory=set)
    schrijven: bool = True

    @property
    def map(self) -> Path:
        return cachemap() / "paginas"

    def macros(self, env: Any) -> Any:
        """De echte macro's (zwaar: gegevens, pandas, Altair); pas bij eerste gebruik geladen."""
        if self._macros is None:
            from vangnet.site.macros import registreer

            self._macros = registreer(env, self.data)
            self.controleer(self._macros.ctx.dataset.vingerafdruk)
            self.meta = {"site_name": env.conf["site_name"],
                         "concept": env.conf["extra"].get("concept", "")}
            self.bewaar(f"{self.sleutel}.meta.json", json.dumps(self.meta))
        return self._macros

    def controleer(self, vingerafdruk: str) -> None:
        """Gegevens met een andere vingerafdruk dan aan het begin: niets meer in de cache."""
        if vingerafdruk != self.gegevens:
            self.schrijven = False

    def bewaar(self, naam: str, inhoud: str) -> None:
        if self.schrijven:
            cachebestand.schrijf_tekst(self.map / naam, inhoud)

    def paginasleutel(self, pagina: Any, markdown: str) -> str:
        """Sleutel van een ingevulde pagina: de bouw, de pagina, haar front matter en tekst."""
        kop = json.dumps(pagina.meta, sort_keys=True, ensure_ascii=False, default=str)
        h = hashlib.sha256(f"{self.sleutel}\0{pagina.file.src_uri}\0{kop}\0{markdown}"
                           .encode("utf-8", "surrogatepass"))
        return h.hexdigest()


_TIJDAFHANKELIJK = re.compile(r"\bnow\b|\bgit\b")
"""Macro's van mkdocs-macros waarvan de uitkomst niet uit de invoer volgt (het tijdstip, de
laatste commit): een pagina die het woord ``now`` of ``git`` bevat (ook als
``{% set t = now %}`` of ``git['commit']``), wordt nooit uit de cache genomen."""


def _lui(toestand: Bouwtoestand, env: Any, naam: str) -> Callable[..., Any]:
    def macro(*args: Any, **kwargs: Any) -> Any:
        return getattr(toestand.macros(env), naam)(*args, **kwargs)

    macro.__name__ = naam
    return macro


def registreer(env: Any) -> None:
    """``define_env``: registreer de macro's; laad de gegevens alleen als dat nodig is."""
    from vangnet.site.plugin import dossiermap, foutmodus, verwachte_gegevens

    if foutmodus(env.conf):
        env.vangnet = None  # serve met fouten: alleen de foutpagina, geen gegevens
        return
    project = Path(env.project_dir)
    data = dossiermap(env.conf)
    gegevens = gegevensafdruk(data)
    # niet de plaats van de map: dezelfde gegevens elders (een verplaatste map, de tijdelijke
    # map van een Excel-werkmap) geven dezelfde pagina's; de site noemt die plaats nergens
    sleutel = hashlib.sha256(f"{gegevens}\0{codeafdruk(project)}".encode()).hexdigest()
    meta = _lees_json(cachemap() / "paginas" / f"{sleutel}.meta.json")
    toestand = Bouwtoestand(project, data, gegevens, sleutel, meta)
    env.vangnet = toestand
    verwacht = verwachte_gegevens(env.conf)
    if verwacht:
        toestand.controleer(verwacht)  # al anders dan toen vangnet bouw begon
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
    if _TIJDAFHANKELIJK.search(env.markdown):
        toestand.macros(env)  # altijd opnieuw invullen, en niet bewaren
        return
    sleutel = toestand.paginasleutel(env.page, env.markdown)
    bewaard = cachebestand.lees_tekst(toestand.map / f"{sleutel}.md")
    if bewaard is not None:
        env.markdown = bewaard
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
        env.vangnet.bewaar(f"{sleutel}.md", env.markdown)


def na_bouw(env: Any) -> None:
    """``on_post_build``: de Vega-bundel en de uitleg van alle cijfers in de site zetten.

    Zijn de gegevens tijdens de bouw gewijzigd, dan kan de site cijfers van voor en na de
    wijziging bevatten. Onder ``mkdocs serve`` volgt vanzelf een nieuwe bouw (de wijziging is
    gezien); anders is dat een fout, zodat zo'n site niet wordt gepubliceerd.
    """
    from vangnet.site.javascript import schrijf_javascript
    from vangnet.site.plugin import onder_serve

    toestand: Bouwtoestand | None = env.vangnet
    if toestand is None:
        return
    site_dir = Path(env.conf["site_dir"])
    schrijf_javascript(site_dir, cachemap())
    naam = f"{toestand.sleutel}.herkomst.json"
    inhoud = cachebestand.lees_tekst(toestand.map / naam) if toestand.schrijven else None
    if inhoud is None:
        from vangnet.dossier.context import laad_context
        from vangnet.site.macros import herkomst_json

        # dezelfde cijfers als de pagina's van deze bouw
        ctx = (toestand._macros.ctx if toestand._macros is not None
               else laad_context(toestand.data))
        toestand.controleer(ctx.dataset.vingerafdruk)
        inhoud = herkomst_json(ctx)
        toestand.bewaar(naam, inhoud)
    doel = site_dir / "herkomst" / "herkomst.json"
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_text(inhoud, encoding="utf-8")
    toestand.controleer(gegevensafdruk(toestand.data))
    if not toestand.schrijven and not onder_serve(env.conf):
        from vangnet.data.afdruk import gewijzigd_tijdens_bouwen

        raise gewijzigd_tijdens_bouwen(toestand.data)


def _lees_json(pad: Path) -> dict[str, Any] | None:
    tekst = cachebestand.lees_tekst(pad)
    if tekst is None:
        return None
    try:
        waarde = json.loads(tekst)
    except ValueError:
        return None
    return waarde if isinstance(waarde, dict) else None
