"""Koppeling tussen mkdocs-macros en de package vangnet.

Hier staat bewust geen logica: alle macro's staan in :mod:`vangnet.site.macros`.
"""

from pathlib import Path

from vangnet.site.macros import registreer, schrijf_javascript


def define_env(env):
    """Maak de cijfers, tabellen en grafieken van het dossier beschikbaar in de pagina's."""
    registreer(env)


def on_post_build(env):
    """Zet de lokale Vega-bundel in de site (geen CDN)."""
    schrijf_javascript(Path(env.conf["site_dir"]))
