"""De MkDocs-plugin ``vangnet``: welk dossier de site bouwt, en wat het gereedschap zelf instelt.

Het dossier (de map met de gegevens en teksten van één gemeente en één aanvraagjaar) komt via
de MkDocs-configuratie binnen, als optie ``dossier`` van deze plugin::

    plugins:
      vangnet:
        dossier: data     # relatief ten opzichte van mkdocs.yml, of een absoluut pad

``vangnet bouw --data MAP`` en ``vangnet serve --data MAP`` zetten die optie (zie
:func:`vangnet.site.bouw.laad_config`); een gewone ``mkdocs build`` in de repository bouwt het
voorbeelddossier. Verder zet de plugin de map met de onderdelen van het aanvraagformulier voor
mkdocs-macros (vanuit de package, zodat elke werkmap werkt) en laat ``mkdocs serve`` het
dossier bewaken.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin

from vangnet.dossier.structuur import HOOFDSTUKKEN, hoofdstukken
from vangnet.paden import ONDERDELEN


class VangnetConfig(base.Config):
    dossier = c.Type(str, default="data")
    """De dossiermap; een relatief pad geldt ten opzichte van de map van mkdocs.yml."""


class VangnetPlugin(BasePlugin[VangnetConfig]):
    """Koppelt één dossier aan de bouw (zie de moduledocumentatie)."""

    map: Path
    _weg: set[str]

    def on_config(self, config: Any) -> Any:
        pad = Path(self.config.dossier)
        if not pad.is_absolute():
            pad = Path(config.config_file_path).resolve().parent / pad
        self.map = pad.resolve()
        macros = config.plugins.get("macros")
        if macros is not None:
            macros.config["include_dir"] = str(ONDERDELEN)
        self._nummer_hoofdstukken(config)
        return config

    def _nummer_hoofdstukken(self, config: Any) -> None:
        """Hoofdstukken in de navigatie: nummer en titel uit de indeling; zonder gegevens weg."""
        aanwezig = {h.pad: f"{n}. {h.titel}" for n, h in hoofdstukken(self.map)}
        self._weg = {h.pad for h in HOOFDSTUKKEN} - set(aanwezig)

        def herschrijf(items: list[Any]) -> list[Any]:
            uit = []
            for item in items:
                if isinstance(item, str):
                    if item in self._weg:
                        continue
                    uit.append({aanwezig[item]: item} if item in aanwezig else item)
                elif isinstance(item, dict):
                    (titel, waarde), = item.items()
                    if isinstance(waarde, list):
                        uit.append({titel: herschrijf(waarde)})
                    elif waarde not in self._weg:
                        uit.append({aanwezig.get(waarde, titel): waarde})
                else:
                    uit.append(item)
            return uit

        if config.nav:
            config.nav = herschrijf(config.nav)

    def on_files(self, files: Any, config: Any) -> Any:
        """Een hoofdstuk dat dit dossier niet heeft, wordt niet gebouwd."""
        for pad in self._weg:
            bestand = files.get_file_from_path(pad)
            if bestand is not None:
                files.remove(bestand)
        return files

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        server.watch(str(self.map))
        return server


def dossiermap(config: Any) -> Path:
    """De dossiermap van een bouw, zoals de plugin ``vangnet`` die heeft vastgesteld."""
    plugin = config.plugins.get("vangnet")
    if plugin is None or not hasattr(plugin, "map"):
        raise RuntimeError("de MkDocs-plugin 'vangnet' ontbreekt in mkdocs.yml of is nog niet "
                           "geconfigureerd")
    return plugin.map
