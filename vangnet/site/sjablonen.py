"""Gecompileerde Jinja-sjablonen bewaren, met de tekst van het sjabloon als sleutel.

Jinja zet elk sjabloon eerst om in Python-code: de pagina's met macro's (mkdocs-macros rendert
elke pagina met ``from_string``, dat nooit iets bewaart), de ingevoegde onderdelen en de
sjablonen van het thema. Dat omzetten kost bij elke bouw opnieuw ongeveer een derde seconde,
ook als alleen de gegevens veranderden en geen enkel sjabloon. Deze module bewaart de
gecompileerde code (``marshal``) in de cache, met als sleutel een hash over de tekst van het
sjabloon, zijn naam en bestandsnaam, de instellingen van de omgeving die de code bepalen, de
Jinja-versie en de Python-versie. Een gewijzigd sjabloon geeft dus een andere sleutel; een
verouderde versie kan niet worden gebruikt. Een onleesbaar of beschadigd cachebestand wordt
genegeerd en opnieuw gemaakt (:mod:`vangnet.cache`). De gegevens spelen hier geen rol: die
komen pas bij het renderen binnen.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2

from vangnet import cache as cachebestand
from vangnet.paden import cachemap


def _instellingen(omgeving: jinja2.Environment) -> str:
    """Wat van de omgeving de gegenereerde code bepaalt (scheidingstekens, extensies ...)."""
    delen = [jinja2.__version__, sys.implementation.cache_tag, sys.version]
    for naam in ("block_start_string", "block_end_string", "variable_start_string",
                 "variable_end_string", "comment_start_string", "comment_end_string",
                 "line_statement_prefix", "line_comment_prefix", "trim_blocks",
                 "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
                 "is_async"):
        delen.append(f"{naam}={getattr(omgeving, naam, None)!r}")
    delen.append(f"autoescape={omgeving.autoescape!r}")
    delen.append(f"finalize={omgeving.finalize is not None}")
    delen.append("extensies=" + ",".join(sorted(omgeving.extensions)))
    return "\0".join(delen)


def bewaar_gecompileerd(omgeving: jinja2.Environment, map_: Path | None = None) -> None:
    """Laat ``omgeving`` gecompileerde sjablonen uit de cache halen en erin bewaren.

    ``map_`` is de map voor de bestanden (standaard ``<cache>/jinja``). Werkt voor
    ``from_string`` en voor sjablonen die een loader leest; de uitkomst van het renderen is
    dezelfde als zonder cache (de code is byte voor byte die van Jinja zelf).
    """
    if getattr(omgeving, "_vangnet_cache", False):
        return
    doelmap = map_ or cachemap() / "jinja"
    instellingen = _instellingen(omgeving)
    origineel = omgeving.compile

    def compile(source: Any, name: str | None = None, filename: str | None = None,
                raw: bool = False, defer_init: bool = False) -> Any:
        if raw or not isinstance(source, str):
            return origineel(source, name, filename, raw, defer_init)
        sleutel = hashlib.sha256("\0".join(
            (instellingen, repr(name), repr(filename), repr(defer_init), source)
        ).encode("utf-8", "surrogatepass")).hexdigest()
        pad = doelmap / f"{sleutel}.code"
        bewaard = cachebestand.lees(pad)
        if bewaard is not None:
            try:
                code = marshal.loads(bewaard)
                if isinstance(code, CodeType):
                    return code
            except (ValueError, EOFError, TypeError):
                pass
        code = origineel(source, name, filename, raw, defer_init)
        cachebestand.schrijf(pad, marshal.dumps(code))
        return code

    omgeving.compile = compile  # type: ignore[method-assign]
    omgeving._vangnet_cache = True  # type: ignore[attr-defined]
