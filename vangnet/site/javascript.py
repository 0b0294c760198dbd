"""De Vega-bundel (vega, vega-lite, vega-embed) als lokaal bestand in de site, zonder CDN.

De bundel hangt alleen af van de versies van vl-convert en Altair. Voor de vastgepinde versies
wordt hij meegeleverd in de package (``vangnet/assets/vega/``, gecomprimeerd); een bouw pakt
hem alleen uit. Met andere versies wordt hij één keer gemaakt (ruim een seconde) en in de
cache bewaard. ``python -m vangnet.site.javascript`` maakt de meegeleverde bundel opnieuw, na
een update van vl-convert of Altair in ``requirements.lock``.
"""

from __future__ import annotations

import gzip
import json
from importlib import metadata
from pathlib import Path

from vangnet import cache as cachebestand
from vangnet.paden import PACKAGE

MEEGELEVERD = PACKAGE / "assets" / "vega"


def versies() -> str:
    """De versies waar de bundel van afhangt, zoals ``1.9.0.post1-6.3.0``."""
    return f"{metadata.version('vl-convert-python')}-{metadata.version('altair')}"


def meegeleverde_bundel() -> Path:
    """Het pad van de meegeleverde bundel voor de geïnstalleerde versies (kan ontbreken)."""
    return MEEGELEVERD / f"vega-{versies()}.mjs.gz"


def maak_bundel() -> str:
    """De bundel met de Nederlandse getalnotatie maken met vl-convert (traag: ruim een seconde)."""
    from vangnet.grafieken.render import formaat_locale, javascript_bundel, tijd_locale

    return (javascript_bundel()
            + f"\nexport const formatLocale = {json.dumps(formaat_locale())};"
            + f"\nexport const timeFormatLocale = {json.dumps(tijd_locale())};\n")


def bundel(cache: Path) -> bytes:
    """De bundel als bytes: meegeleverd, anders uit de cache, anders nieuw gemaakt."""
    meegeleverd = meegeleverde_bundel()
    if meegeleverd.exists():
        return gzip.decompress(meegeleverd.read_bytes())
    pad = cache / f"vega-{versies()}.mjs"
    bewaard = cachebestand.lees(pad)
    if bewaard is None:
        bewaard = maak_bundel().encode("utf-8")
        cachebestand.schrijf(pad, bewaard)
    return bewaard


def schrijf_javascript(site_dir: Path, cache: Path) -> Path:
    """Zet ``javascripts/vega.mjs`` (met de Nederlandse getalnotatie) in de gebouwde site."""
    doel = site_dir / "javascripts" / "vega.mjs"
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(bundel(cache))
    return doel


def ververs_meegeleverde_bundel() -> Path:
    """Maak de meegeleverde bundel voor de geïnstalleerde versies; verwijder oudere."""
    for oud in MEEGELEVERD.glob("vega-*.mjs.gz"):
        oud.unlink()
    pad = meegeleverde_bundel()
    # mtime=0: dezelfde versies geven byte voor byte hetzelfde bestand
    cachebestand.schrijf_atomair(pad, gzip.compress(maak_bundel().encode("utf-8"), 9, mtime=0))
    return pad


if __name__ == "__main__":
    print(ververs_meegeleverde_bundel())
