"""Waar het gereedschap zijn eigen bestanden vindt: altijd vanuit de package, nooit vanuit de
huidige map.

vangnet is één repository met de package, de algemene hoofdstuksjablonen (``docs/``), de
thema-aanpassingen (``overrides/``), ``mkdocs.yml`` en ``macros.py``. Elke opdracht werkt
vanuit elke map: deze paden volgen uit de plaats van de package (een bewerkbare installatie,
``pip install -e .``, zoals ``make`` die maakt).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
"""De package ``vangnet``."""
PROJECT = PACKAGE.parent
"""De map van het gereedschap: ``mkdocs.yml``, ``docs/``, ``overrides/``, ``macros.py``."""
MKDOCS_YML = PROJECT / "mkdocs.yml"
DOCS = PROJECT / "docs"
ONDERDELEN = DOCS / "onderdelen"
"""De sjablonen van de onderdelen A–D van het aanvraagformulier (ingevoegd in de site en
gerenderd door ``vangnet aanvraag``)."""
VOORBEELD = PROJECT / "data"
"""Het voorbeelddossier (de standaard van ``--data``)."""
STANDAARD_CACHE = Path.home() / ".cache" / "vangnet"


def cachemap() -> Path:
    """Map voor gerenderde pagina's, grafieken, de JavaScript-bundel en PDF's
    (``VANGNET_CACHE`` of ``~/.cache/vangnet``); mag altijd worden weggegooid."""
    return Path(os.environ.get("VANGNET_CACHE", STANDAARD_CACHE))
