"""Waar de extra tijd van een koude bouw zit: elk onderdeel na elkaar in één nieuw proces.

Meet de processortijd (``time.process_time``) van de stappen die een koude bouw bovenop een
gewone MkDocs-bouw doet, in de volgorde waarin de bouw ze doet. Geeft JSON op stdout:
stap → seconden. ``bench/bench.py`` draait dit een paar keer en neemt de mediaan.

Gebruik: ``.venv/bin/python bench/kosten.py [DOSSIERMAP]``
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

STAPPEN: list[tuple[str, float]] = []
_begin = time.process_time()


def _stap(naam: str) -> None:
    global _begin
    nu = time.process_time()
    STAPPEN.append((naam, round(nu - _begin, 4)))
    _begin = nu


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent.parent / "data")
    global _begin
    import material.plugins.search.plugin  # noqa: F401  (dit laadt de ondergrens ook)
    import mkdocs.commands.build  # noqa: F401

    _begin = time.process_time()
    import mkdocs_macros.plugin  # noqa: F401

    _stap("mkdocs-macros laden")
    import numpy  # noqa: F401
    import pandas  # noqa: F401

    _stap("pandas en numpy laden")
    import altair  # noqa: F401

    _stap("Altair laden")
    import vangnet.site.macros  # noqa: F401

    _stap("vangnet en de rest laden (pydantic, Babel, ftfy, ...)")
    from vangnet.dossier.context import laad_context

    ctx = laad_context(data)
    ctx.vergelijkingen  # noqa: B018  (bronvergelijking; de context doet haar al)
    _stap("gegevens lezen en controleren, cijfers berekenen, bronvergelijking")
    from vangnet.grafieken.definities import GRAFIEKEN
    from vangnet.tabellen.definities import TABELLEN

    for naam in GRAFIEKEN:
        ctx.grafiek(naam)
    _stap("grafieken (Vega-Lite-specificaties)")
    for naam in TABELLEN:
        ctx.tabel(naam)
    _stap("tabellen")
    from vangnet.dossier.tekstcontrole import controleer_teksten

    controleer_teksten(ctx)
    _stap("eigen teksten controleren")
    from vangnet.site import verantwoording

    verantwoording.herkomst(ctx, lambda i: f"#{i}")
    _stap("pagina Herkomst (alle cijfers met formule)")
    import jinja2

    from vangnet.paden import DOCS

    omgeving = jinja2.Environment()
    for sjabloon in sorted(DOCS.rglob("*.md")):
        omgeving.compile(sjabloon.read_text(encoding="utf-8"))
    _stap("Jinja: de paginasjablonen omzetten in Python-code (lege cache)")
    print(json.dumps(dict(STAPPEN), ensure_ascii=False))


if __name__ == "__main__":
    main()
