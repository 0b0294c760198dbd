"""Koppeling tussen mkdocs-macros en de package vangnet.

Hier staat bewust geen logica: :mod:`vangnet.site.snel` registreert de macro's (en laadt de
gegevens pas als een pagina echt moet worden ingevuld); de macro's zelf staan in
:mod:`vangnet.site.macros`.
"""

from vangnet.site import snel


def define_env(env):
    """Maak de cijfers, tabellen en grafieken van het dossier beschikbaar in de pagina's."""
    snel.registreer(env)


def on_pre_page_macros(env):
    snel.voor_pagina(env)


def on_post_page_macros(env):
    snel.na_pagina(env)


def on_post_build(env):
    """Zet de lokale Vega-bundel en de uitleg van alle cijfers in de site (geen CDN)."""
    snel.na_bouw(env)
