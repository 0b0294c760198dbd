"""Nederlandse notatie van bedragen, percentages, aantallen en datums (via Babel, nl_NL).

Eén module voor de hele uitvoer: site, tabellen, grafieken, PDF en de opdrachtregel.
Afronden gebeurt op de exacte waarde (zie :mod:`vangnet.exact`), half van nul af zoals in
financiële rapportages gebruikelijk, vóórdat Babel het getal opmaakt; Babel zelf zou
bankiersafronding gebruiken.
Tussen € en het bedrag staat een harde spatie, zodat het bedrag niet over twee regels breekt.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import Any

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from vangnet.exact import afronden, afronden_op, exact

LOCALE = "nl_NL"
HARDE_SPATIE = "\u00a0"


def afgerond(waarde: Any, afronding: Any = 1) -> Decimal:
    """Rond de exacte waarde af op een veelvoud van ``afronding`` (1000, 1, 0,01 ...), half van
    nul af."""
    return afronden_op(waarde, afronding)


def _decimalen(afronding: Any) -> int:
    stap = Decimal(repr(afronding) if isinstance(afronding, float) else str(afronding))
    return max(-stap.normalize().as_tuple().exponent, 0)  # type: ignore[operator]


def _patroon(decimalen: int) -> str:
    return "#,##0" + ("." + "0" * decimalen if decimalen else "")


def bedrag(waarde: Any, afronding: Any = 1) -> str:
    """``€ 14.177.000`` (afronding 1000), ``€ -791.000``, ``€ 19.103,88`` (afronding 0,01)."""
    return _euro(str(afgerond(waarde, afronding)), _decimalen(afronding))


# Babel leest bij elke aanroep het patroon opnieuw; een dossier toont dezelfde bedragen vaak
# (honderden cijfers, duizenden keren). De sleutel is de tekst van het al afgeronde Decimal, dus
# het resultaat is gelijk aan een nieuwe aanroep (ook -0 blijft -0).
@lru_cache(maxsize=8192)
def _euro(afgerond_bedrag: str, decimalen: int) -> str:
    patroon = _patroon(decimalen)
    return format_currency(
        Decimal(afgerond_bedrag),
        "EUR",
        format=f"¤{HARDE_SPATIE}{patroon};¤{HARDE_SPATIE}-{patroon}",
        locale=LOCALE,
        currency_digits=False,
    )


@lru_cache(maxsize=8192)
def _decimaal(afgerond_getal: str, decimalen: int) -> str:
    return format_decimal(Decimal(afgerond_getal), format=_patroon(decimalen), locale=LOCALE)


def miljoen(waarde: Any, decimalen: int = 1) -> str:
    """Bedrag in miljoenen: ``€ 575,3 mln``."""
    return f"€{HARDE_SPATIE}{getal(exact(waarde) / 1_000_000, decimalen)}{HARDE_SPATIE}mln"


def getal(waarde: Any, decimalen: int = 0) -> str:
    """``1.017``, ``28,3``, ``749,17``; een negatief aantal decimalen rondt af op tientallen,
    duizendtallen enz."""
    return _decimaal(str(afronden(waarde, decimalen)), max(decimalen, 0))


def percentage(fractie: Any, decimalen: int = 1) -> str:
    """Een fractie als percentage: ``0.0558`` → ``5,6%``; ``0.002815`` (4 dec.) → ``0,2815%``."""
    return getal(exact(fractie) * 100, decimalen) + "%"


def procentpunt(fractie: Any, decimalen: int = 1) -> str:
    """Verschil tussen percentages: ``0,0700 procentpunt``."""
    return getal(exact(fractie) * 100, decimalen) + f"{HARDE_SPATIE}procentpunt"


def jaartal(jaar: int) -> str:
    """Een jaartal zonder scheidingsteken: ``2025``."""
    return str(int(jaar))


def datum(d: dt.date) -> str:
    """``25 februari 2026``."""
    return format_date(d, format="long", locale=LOCALE)


def maand(periode: str) -> str:
    """Een periode ``JJJJ-MM`` als ``januari 2023`` (zo staat hij in lks_personen.csv)."""
    jaar, nummer = (int(deel) for deel in periode.split("-"))
    return format_date(dt.date(jaar, nummer, 1), format="MMMM y", locale=LOCALE)


_KWARTALEN = ("eerste", "tweede", "derde", "vierde")


def peildatum(waarde: str) -> str:
    """Een peildatum als tekst met het jaar: ``2025`` → ``2025``, ``2025-K4`` → ``het vierde
    kwartaal van 2025``, ``2025-12`` → ``december 2025``, ``2025-12-31`` → ``31 december 2025``."""
    waarde = waarde.strip()
    if "-K" in waarde:
        jaar, kwartaal = waarde.split("-K")
        return f"het {_KWARTALEN[int(kwartaal) - 1]} kwartaal van {jaar}"
    if waarde.count("-") == 2:
        return datum(dt.date.fromisoformat(waarde))
    if waarde.count("-") == 1:
        return maand(waarde)
    return waarde


def ja_nee(waarde: bool) -> str:
    return "ja" if waarde else "nee"


def opsomming(delen: list[str], voegwoord: str = "en") -> str:
    """``2022, 2023 en 2024``."""
    if not delen:
        return ""
    if len(delen) == 1:
        return delen[0]
    return f"{', '.join(delen[:-1])} {voegwoord} {delen[-1]}"
