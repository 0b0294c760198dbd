"""Koppeling tussen mkdocs-macros en de package vangnet.

Hier staat bewust geen logica: alle macro's staan in :mod:`vangnet.site.macros`.
"""

from pathlib import Path

from vangnet.site.macros import gegevensmap, registreer, schrijf_herkomst, schrijf_javascript


def define_env(env):
    """Maak de cijfers, tabellen en grafieken van het dossier beschikbaar in de pagina's."""
    registreer(env)


def on_post_build(env):
    """Zet de lokale Vega-bundel en de uitleg van alle cijfers in de site (geen CDN)."""
    site_dir = Path(env.conf["site_dir"])
    schrijf_javascript(site_dir)
    schrijf_herkomst(site_dir, gegevensmap(Path(env.project_dir)))
