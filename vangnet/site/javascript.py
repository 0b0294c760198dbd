"""De Vega-bundel (vega, vega-lite, vega-embed) als lokaal bestand in de site, zonder CDN.

De bundel hangt alleen af van de versies van vl-convert en Altair; hij wordt één keer gemaakt
en daarna uit de cache gekopieerd. Zonder cache worden de zware modules pas hier geladen.
"""

from __future__ import annotations

import json
import os
from importlib import metadata
from pathlib import Path


def schrijf_javascript(site_dir: Path, cache: Path) -> Path:
    """Zet ``javascripts/vega.mjs`` (met de Nederlandse getalnotatie) in de gebouwde site."""
    versies = f"{metadata.version('vl-convert-python')}-{metadata.version('altair')}"
    bewaard = cache / f"vega-{versies}.mjs"
    if not bewaard.exists():
        from vangnet.grafieken.render import (
            formaat_locale,
            javascript_bundel,
            tijd_locale,
        )

        inhoud = (javascript_bundel()
                  + f"\nexport const formatLocale = {json.dumps(formaat_locale())};"
                  + f"\nexport const timeFormatLocale = {json.dumps(tijd_locale())};\n")
        bewaard.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = bewaard.with_suffix(f".{os.getpid()}.tmp")
        tijdelijk.write_text(inhoud, encoding="utf-8")
        tijdelijk.replace(bewaard)
    doel = site_dir / "javascripts" / "vega.mjs"
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(bewaard.read_bytes())
    return doel
