"""Nederlandse notatie van bedragen, percentages, aantallen en datums (via Babel, nl_NL).

Eén module voor de hele uitvoer: site, tabellen, grafieken, PDF en de opdrachtregel.
Afronden gebeurt rekenkundig (half naar boven, zoals in financiële rapportages gebruikelijk)
vóórdat Babel het getal opmaakt; Babel zelf zou bankiersafronding gebruiken.
Tussen € en het bedrag staat een harde spatie, zodat het bedrag niet over twee regels breekt.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALE = "nl_NL"
HARDE_SPATIE = "\u00a0"


def afgerond(waarde: float, afronding: float = 1.0) -> Decimal:
    """Rond af op een veelvoud van ``afronding`` (1000, 1, 0.01 ...), half naar boven."""
    stap = Decimal(repr(afronding))
    getal = Decimal(repr(float(waarde)))
    return (getal / stap).quantize(Decimal(1), rounding=ROUND_HALF_UP) * stap


def _decimalen(afronding: float) -> int:
    stap = Decimal(repr(afronding)).normalize()
    return max(-stap.as_tuple().exponent, 0)  # type: ignore[operator]


def _patroon(decimalen: int) -> str:
    return "#,##0" + ("." + "0" * decimalen if decimalen else "")


def bedrag(waarde: float, afronding: float = 1.0) -> str:
    """``€ 14.177.000`` (afronding 1000), ``€ -791.000``, ``€ 19.103,88`` (afronding 0,01)."""
    d = _decimalen(afronding)
    patroon = _patroon(d)
    return format_currency(
        afgerond(waarde, afronding),
        "EUR",
        format=f"¤{HARDE_SPATIE}{patroon};¤{HARDE_SPATIE}-{patroon}",
        locale=LOCALE,
        currency_digits=False,
    )


def miljoen(waarde: float, decimalen: int = 1) -> str:
    """Bedrag in miljoenen: ``€ 575,3 mln``."""
    return f"€{HARDE_SPATIE}{getal(waarde / 1_000_000, decimalen)}{HARDE_SPATIE}mln"


def getal(waarde: float, decimalen: int = 0) -> str:
    """``1.017``, ``28,3``, ``749,17``."""
    afronding = 10.0 ** -decimalen
    return format_decimal(afgerond(waarde, afronding), format=_patroon(decimalen), locale=LOCALE)


def percentage(fractie: float, decimalen: int = 1) -> str:
    """Een fractie als percentage: ``0.0558`` → ``5,6%``; ``0.002815`` (4 dec.) → ``0,2815%``."""
    return getal(fractie * 100, decimalen) + "%"


def procentpunt(fractie: float, decimalen: int = 1) -> str:
    """Verschil tussen percentages: ``0,0700 procentpunt``."""
    return getal(fractie * 100, decimalen) + f"{HARDE_SPATIE}procentpunt"


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


def ja_nee(waarde: bool) -> str:
    return "ja" if waarde else "nee"


def opsomming(delen: list[str], voegwoord: str = "en") -> str:
    """``2022, 2023 en 2024``."""
    if not delen:
        return ""
    if len(delen) == 1:
        return delen[0]
    return f"{', '.join(delen[:-1])} {voegwoord} {delen[-1]}"
