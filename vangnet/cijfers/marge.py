"""Hoe ver een cijfer kan afwijken doordat de invoer in de bron is afgerond.

De brondocumenten ronden bedragen vaak af (op duizendtallen, op tonnen). Een berekend cijfer
verschilt daardoor soms een beetje van wat de bron noemt. Om te laten zien of zo'n verschil
door afronding te verklaren is, verschuiven we elke afgeronde invoer met zijn halve
afrondingseenheid en tellen we de uitslagen op: een eerste-orde (lineaire) schatting van de
grootst mogelijke afwijking.
"""

from __future__ import annotations

from fractions import Fraction

from vangnet.cijfers.kern import Cijferset


def afrondingsmarge(cijfers: Cijferset, id_: str) -> Fraction:
    """Grootste afwijking van ``id_`` door afronding van de invoer (eerste orde, exact)."""
    basis = cijfers.waarde(id_)
    if not isinstance(basis, int | Fraction) or isinstance(basis, bool):
        return Fraction(0)
    marge = Fraction(0)
    for invoer in cijfers.afhankelijkheden(id_):
        f = cijfers[invoer]
        if f.marge <= 0:
            continue
        uitslagen = (
            abs(cijfers.herbereken({invoer: f.waarde + teken * f.marge}).get(id_, basis) - basis)
            for teken in (1, -1)
        )
        marge += max(uitslagen)
    return marge
