"""Afrondingsmarge van een invoerwaarde: hoeveel kan de werkelijke waarde afwijken doordat de
bron het bedrag heeft afgerond?"""

from __future__ import annotations

import math


def afrondingsmarge(waarde: float, grootste_eenheid: float) -> float:
    """Halve afrondingseenheid van een invoerwaarde.

    Een bron die bedragen op duizendtallen afrondt, schrijft 14968000; de werkelijke waarde
    ligt dan tussen 14967500 en 14968500. We nemen de grootste eenheid (tot en met
    ``grootste_eenheid``) waarvan de waarde een veelvoud is; een waarde als 14176798 is exact.
    """
    if grootste_eenheid <= 0 or waarde == 0 or not math.isfinite(waarde):
        return 0.0
    eenheid = grootste_eenheid
    kleinste = min(1.0, grootste_eenheid)
    while eenheid >= kleinste * (1 - 1e-9):
        veelvoud = waarde / eenheid
        if abs(veelvoud - round(veelvoud)) < 1e-6:
            return eenheid / 2
        eenheid /= 10
    return 0.0
