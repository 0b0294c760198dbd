"""Woorden in de tekst die de richting van een verandering volgen (gestegen, gedaald, ...).

Zo'n woord hangt van de gegevens af en mag dus nooit getypt zijn (zie de test op getypte
richtingswoorden). De site en de export van het aanvraagformulier gebruiken dezelfde macro's.
"""

from __future__ import annotations

from typing import Any


def richtingswoord(verschil: float, positief: str, negatief: str, nul: str) -> str:
    """Het woord bij een positief, negatief of nul verschil."""
    return positief if verschil > 0 else negatief if verschil < 0 else nul


class Richtingswoorden:
    """Macro's ``richting`` en ``teken`` voor elke klasse met ``waarde(id_, jaar)``."""

    def waarde(self, id_: str, jaar: Any = None) -> Any:  # pragma: no cover - in de subklasse
        raise NotImplementedError

    def richting(self, id_: str, nieuw: Any, oud: Any, stijging: str = "gestegen",
                 daling: str = "gedaald", gelijk: str = "gelijk gebleven") -> str:
        """Het woord bij de verandering van een cijfer tussen twee jaren (of perioden)."""
        return richtingswoord(self.waarde(id_, nieuw) - self.waarde(id_, oud), stijging, daling,
                              gelijk)

    def teken(self, id_: str, jaar: Any = None, positief: str = "gestegen",
              negatief: str = "gedaald", nul: str = "gelijk gebleven") -> str:
        """Het woord bij een cijfer dat zelf al een verandering is (een groei, een mutatie)."""
        return richtingswoord(self.waarde(id_, jaar), positief, negatief, nul)

    def ten_opzichte_van(self, id_: str, ander: str, jaar: Any = None, groter: str = "boven",
                  kleiner: str = "onder", gelijk: str = "gelijk aan") -> str:
        """Het woord bij twee cijfers van hetzelfde jaar naast elkaar (een percentage en een
        drempel)."""
        return richtingswoord(self.waarde(id_, jaar) - self.waarde(ander, jaar), groter, kleiner,
                              gelijk)
