"""Foutmeldingen in gewone taal voor wie de gegevensbestanden bijhoudt.

Elke melding noemt het bestand, de rij en de kolom waar het probleem zit, wat er mis is
en hoe het op te lossen is. Meldingen worden verzameld en samen gerapporteerd, zodat een
gebruiker niet na elke correctie opnieuw hoeft te beginnen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Melding:
    """Eén probleem in de invoer."""

    bestand: str
    tekst: str
    rij: int | None = None
    kolom: str | None = None
    oplossing: str | None = None

    def __str__(self) -> str:
        zin = self.zonder_oplossing()
        if self.oplossing:
            zin += f" {self.oplossing}"
        return zin

    def zonder_oplossing(self) -> str:
        """Plaats en probleem, zonder de oplossing."""
        plaats = [self.bestand]
        if self.rij is not None:
            plaats.append(f"rij {self.rij}")
        if self.kolom is not None:
            plaats.append(f"kolom '{self.kolom}'")
        return f"{', '.join(plaats)}: {self.tekst}"


class Gegevensfout(Exception):
    """De invoer bevat één of meer fouten; het dossier kan niet worden gebouwd."""

    def __init__(self, meldingen: Iterable[Melding]):
        self.meldingen: tuple[Melding, ...] = tuple(meldingen)
        super().__init__("\n".join(str(m) for m in self.meldingen))

    def __reduce__(self) -> tuple:
        # heel over een procesgrens (de PDF's worden deels in een tweede proces gemaakt)
        return (type(self), (self.meldingen,))


class Rekenfout(Exception):
    """Een berekening kan niet worden uitgevoerd, bijvoorbeeld door een ontbrekende parameter."""


class Sjabloonfout(Exception):
    """Een sjabloon van vangnet (een pagina in ``docs/``) verwijst naar iets dat dit dossier niet
    heeft: een fout in vangnet, niet in de gegevens. De melding noemt pagina en id."""

    def __init__(self, melding: Melding):
        self.melding = melding
        super().__init__(str(melding))

    def __reduce__(self) -> tuple:
        return (type(self), (self.melding,))
