"""Grafieken omzetten naar een statische SVG voor de PDF (de site laat de browser tekenen).

vl-convert rendert de Vega-Lite-specificatie zonder browser. Het resultaat hangt alleen af
van de specificatie, dus het wordt bewaard in een cache met de hash van de specificatie als
sleutel; een tweede bouw met dezelfde gegevens rendert niets opnieuw.
"""

from __future__ import annotations

import copy
import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

import vl_convert as vlc
from altair.utils._importers import vl_version_for_vl_convert

from vangnet import cache as cachebestand

LOCALE = "nl-NL"
STATISCHE_BREEDTE = 640
"""Breedte in CSS-pixels van een statische grafiek op een pagina zonder JavaScript."""


def vl_versie() -> str:
    """De Vega-Lite-versie die bij Altair hoort (bijvoorbeeld ``v6_4``)."""
    return vl_version_for_vl_convert()


def statische_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """Een specificatie met vaste breedte; ``width: container`` werkt alleen in een browser."""
    kopie = copy.deepcopy(spec)
    if kopie.get("width") == "container":
        kopie["width"] = STATISCHE_BREEDTE
    return kopie


def svg(spec: dict[str, Any], cachemap: Path | None = None) -> str:
    """De grafiek als SVG-tekst met Nederlandse getalnotatie, voor een pagina zonder JavaScript
    (de landelijke site); het dossier laat de browser tekenen en de PDF gebruikt
    :func:`druk_svg`."""
    return _render(statische_spec(spec), cachemap)


def drukspec(spec: dict[str, Any], breedte: int) -> dict[str, Any]:
    """Een specificatie voor papier: precies ``breedte`` CSS-pixels breed, alles inbegrepen.

    Op het scherm is een grafiek zo breed als de kolom (``width: container``) en verkleint de
    browser de statische SVG zo nodig. Op papier wordt de SVG niet geschaald: ze wordt gemaakt op
    de breedte van de bedrukte kolom, zodat een letter van 12 px ook 12 px (9 pt) blijft.
    ``autosize: fit`` met ``contains: padding`` laat de assen, de legenda en de marge binnen
    die breedte vallen. Zonder witte achtergrond blijft een watermerk onder de grafiek zichtbaar.
    """
    kopie = copy.deepcopy(spec)
    kopie["width"] = breedte
    kopie["autosize"] = {"type": "fit", "contains": "padding"}
    kopie["background"] = "transparent"
    # rechts meer ruimte: het laatste label van een x-as (bijvoorbeeld "50") staat gecentreerd
    # op het einde van de as en valt met de standaardmarge van 5 px net buiten de kolom
    kopie["padding"] = {"left": 5, "top": 5, "right": 16, "bottom": 5}
    return kopie


def _sleutel(spec: dict[str, Any]) -> str:
    inhoud = json.dumps(spec, sort_keys=True, ensure_ascii=False) + vl_versie() + vlc.__version__
    return hashlib.sha256(inhoud.encode()).hexdigest()


def druk_svg(spec: dict[str, Any], breedte: int, cachemap: Path | None = None) -> str:
    """De grafiek als SVG voor papier, ``breedte`` CSS-pixels breed (zie :func:`drukspec`)."""
    return _render(drukspec(spec, breedte), cachemap)


def _render(statisch: dict[str, Any], cachemap: Path | None) -> str:
    pad = cachemap / f"{_sleutel(statisch)}.svg" if cachemap else None
    bewaard = cachebestand.lees_tekst(pad) if pad is not None else None
    if bewaard is not None:
        return bewaard
    resultaat = vlc.vegalite_to_svg(statisch, vl_version=vl_versie(), format_locale=LOCALE,
                                    time_format_locale=LOCALE)
    if pad is not None:
        cachebestand.schrijf_tekst(pad, resultaat)
    return resultaat


@cache
def formaat_locale() -> dict[str, Any]:
    """De Nederlandse getalnotatie voor vega-embed in de browser."""
    return vlc.get_format_locale(LOCALE)


@cache
def tijd_locale() -> dict[str, Any]:
    return vlc.get_time_format_locale(LOCALE)


def javascript_bundel() -> str:
    """Vega, Vega-Lite en vega-embed als één ES-module, zonder verwijzingen naar een CDN."""
    return vlc.javascript_bundle("export { vegaEmbed };", vl_version=vl_versie())
