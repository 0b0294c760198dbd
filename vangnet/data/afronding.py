"""Afrondingsmarge van een invoerwaarde: hoeveel kan de werkelijke waarde afwijken doordat de
bron het bedrag heeft afgerond?"""

from __future__ import annotations

from decimal import Decimal
from typing import Any


def afrondingsmarge(waarde: Any, grootste_eenheid: Any) -> Decimal:
    """Halve afrondingseenheid van een invoerwaarde, exact.

    Een bron die bedragen op duizendtallen afrondt, schrijft 14968000; de werkelijke waarde
    ligt dan tussen 14967500 en 14968500. We nemen de grootste eenheid (tot en met
    ``grootste_eenheid``, in stappen van een factor tien, niet kleiner dan 1 of de eenheid
    zelf) waarvan de waarde een veelvoud is; een waarde als 14176798 is exact.

    ``waarde`` en ``grootste_eenheid`` zijn ``Decimal``, ``int`` of tekst; het resultaat is een
    ``Decimal`` (0 als de waarde exact is).
    """
    w, grootste = Decimal(str(waarde)), Decimal(str(grootste_eenheid))
    if grootste <= 0 or w == 0 or not w.is_finite():
        return Decimal(0)
    eenheid = grootste
    kleinste = min(Decimal(1), grootste)
    while eenheid >= kleinste:
        if w % eenheid == 0:
            return eenheid / 2
        eenheid /= 10
    return Decimal(0)
