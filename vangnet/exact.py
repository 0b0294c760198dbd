"""Exact rekenen met bedragen en percentages, en één keer afronden waar een waarde wordt getoond.

Bedragen komen als tekst uit de gegevens (``14176798``, ``0.075``) en worden als
:class:`~decimal.Decimal` gelezen. De regels rekenen met :class:`~fractions.Fraction`: optellen,
aftrekken, vermenigvuldigen én delen blijven dan exact, zodat een tekort van precies 5,95% of
een vangnetuitkering van precies € 32.500,50 ook precies zo wordt afgerond (half naar boven,
dus 6,0% en € 32.501), in plaats van als 5,9499999… of 32.500,4999… van een kommagetal.

Afronden gebeurt alleen bij het tonen (:func:`afronden`), op de exacte waarde, half van nul af
(``ROUND_HALF_UP`` van :mod:`decimal`): 2,5 → 3 en −2,5 → −3.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from numbers import Rational
from typing import Any

Getal = int | Decimal | Fraction
"""Een exact getal: een geheel getal, een Decimal (zoals gelezen) of een Fraction (berekend)."""


def exact(waarde: Any) -> Fraction:
    """``waarde`` als exacte breuk.

    Geaccepteerd: ``int``, ``Decimal``, ``Fraction``, en tekst als ``"0.075"``. Een ``float``
    wordt gelezen via zijn kortste decimale weergave (``0.1`` wordt precies 1/10), zodat ook
    een getal dat als kommagetal binnenkomt (bijvoorbeeld uit een test) exact verder gaat.

    :raises TypeError: bij een waarheidswaarde of een ander type.
    :raises ValueError: bij oneindig of geen getal (NaN).
    """
    if isinstance(waarde, bool):
        raise TypeError("een waarheidswaarde is geen getal")
    if isinstance(waarde, Fraction):
        return waarde
    if isinstance(waarde, int | Rational):
        return Fraction(waarde)
    if isinstance(waarde, float):
        waarde = Decimal(repr(waarde))
    if isinstance(waarde, str):
        waarde = Decimal(waarde.strip())
    if isinstance(waarde, Decimal):
        if not waarde.is_finite():
            raise ValueError(f"'{waarde}' is geen eindig getal")
        return Fraction(waarde)
    if hasattr(waarde, "item"):  # een getal van NumPy
        return exact(waarde.item())
    raise TypeError(f"'{waarde!r}' is geen getal")


def afronden(waarde: Any, decimalen: int = 0) -> Decimal:
    """Rond de exacte waarde af op ``decimalen`` decimalen, half van nul af.

    Een negatief aantal decimalen rondt af op tientallen (-1), duizendtallen (-3), enz.
    Het resultaat is een ``Decimal`` met precies dat aantal decimalen (bij een negatief aantal:
    een geheel getal).
    """
    x = exact(waarde)
    # |x| × 10^decimalen als teller/noemer, in gehele getallen (sneller dan met breuken)
    teller, noemer = abs(x.numerator), x.denominator
    if decimalen >= 0:
        teller *= 10**decimalen
    else:
        noemer *= 10**-decimalen
    heel, rest = divmod(teller, noemer)  # naar beneden, want teller >= 0
    if 2 * rest >= noemer:  # de rest is minstens een half: van nul af
        heel += 1
    if x < 0:
        heel = -heel
    if decimalen >= 0:
        return Decimal(heel).scaleb(-decimalen)
    return Decimal(heel * 10 ** -decimalen)


def afronden_op(waarde: Any, stap: Any) -> Decimal:
    """Rond af op een veelvoud van ``stap`` (1000, 1, 0,01, 0,5 ...), half van nul af."""
    x, s = exact(waarde), exact(stap)
    if s <= 0:
        raise ValueError("de afrondingsstap moet groter dan nul zijn")
    aantal = afronden(x / s, 0)
    uit = exact(aantal) * s
    return Decimal(uit.numerator) / Decimal(uit.denominator)


def naar_float(waarde: Any) -> float:
    """Een exact getal als ``float``, alleen voor wat geen exacte getallen kent: de gegevens van
    een grafiek (Vega-Lite) en de rekenregels van de scenarioverkenner in de browser."""
    return float(exact(waarde))
