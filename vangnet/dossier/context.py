"""Alles wat de pagina's van het dossier nodig hebben, één keer berekend per gegevensmap.

De context wordt bewaard met de vingerafdruk van de gegevensbestanden als sleutel: bij
``mkdocs serve`` rekent een nieuwe bouw zonder gewijzigde gegevens niets opnieuw, en na een
wijziging alles (nooit een verouderd cijfer).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path

from vangnet.cijfers import bereken_cijfers
from vangnet.cijfers.bronvergelijking import (
    Vergelijking,
    controleer_bronnen,
    onbekende_cijfers,
    vergelijk,
)
from vangnet.cijfers.kern import Cijferset
from vangnet.data.dataset import Dataset, laad_dataset, vingerafdruk
from vangnet.data.plausibiliteit import BevestigdeUitzondering
from vangnet.dossier.bronnen import leesbare_bron
from vangnet.dossier.kader import Toetsing, toets_volledigheid
from vangnet.dossier.structuur import Indeling, indeling
from vangnet.grafieken.definities import GRAFIEKEN, Grafiek
from vangnet.meldingen import Gegevensfout, Melding
from vangnet.paden import cachemap
from vangnet.regels.parameters import Parameters, laad_parameters
from vangnet.tabellen.definities import TABELLEN, Tabel


@dataclass
class Dossiercontext:
    dataset: Dataset
    cijfers: Cijferset
    parameters: Parameters
    cache: Path
    _tabellen: dict[str, Tabel | None] = field(default_factory=dict)
    _grafieken: dict[str, Grafiek | None] = field(default_factory=dict)
    bronbevestigd: tuple[BevestigdeUitzondering, ...] = ()
    """Bevestigde uitzonderingen op de bronregels (de andere staan in de dataset)."""

    @property
    def bevestigd(self) -> tuple[BevestigdeUitzondering, ...]:
        """Alle bevestigde uitzonderingen op de plausibiliteitsregels, met hun reden."""
        return self.dataset.bevestigd + self.bronbevestigd

    @property
    def jaar(self) -> int:
        return self.dataset.aanvraagjaar

    @property
    def berekend(self) -> bool:
        """Of de vangnettoets over het aanvraagjaar is berekend (niet zolang budget of kosten
        van een benodigd jaar nog moeten worden ingevuld)."""
        return f"vangnet.besluit.{self.jaar}" in self.cijfers

    @cached_property
    def indeling(self) -> Indeling:
        """Welke hoofdstukken en paragrafen er zijn, met hun nummers."""
        return indeling(self)

    @cached_property
    def vergelijkingen(self) -> list[Vergelijking]:
        return vergelijk(self.dataset, self.cijfers)

    @cached_property
    def volledigheid(self) -> list[Toetsing]:
        return toets_volledigheid(self.dataset, self.cijfers)

    @cached_property
    def rapportbronnen(self) -> dict[str, list[str]]:
        """Per cijfer de plaatsen in de brondocumenten waar het voorkomt."""
        bronnen: dict[str, list[str]] = {}
        if self.dataset.heeft("rapportwaarden"):
            for rij in self.dataset.tabel("rapportwaarden").to_dict("records"):
                if rij["cijfer"]:
                    bronnen.setdefault(rij["cijfer"], []).append(rij["bron"])
        return bronnen

    def tabel(self, naam: str) -> Tabel | None:
        """De tabel ``naam`` (pas berekend als een pagina erom vraagt), of ``None`` zonder
        gegevens."""
        if naam not in TABELLEN:
            raise KeyError(f"onbekende tabel '{naam}'")
        if naam not in self._tabellen:
            tabel = TABELLEN[naam](self.dataset, self.cijfers)
            self._tabellen[naam] = None if tabel is None else replace(
                tabel, bron=leesbare_bron(tabel.bron, self.dataset, self.indeling))
        return self._tabellen[naam]

    def grafiek(self, naam: str) -> Grafiek | None:
        """De grafiek ``naam`` (pas berekend als een pagina erom vraagt), of ``None``."""
        if naam not in GRAFIEKEN:
            raise KeyError(f"onbekende grafiek '{naam}'")
        if naam not in self._grafieken:
            grafiek = GRAFIEKEN[naam](self.dataset, self.cijfers)
            if grafiek is not None:
                bron = leesbare_bron(grafiek.tabel.bron, self.dataset, self.indeling)
                grafiek = replace(grafiek, tabel=replace(grafiek.tabel, bron=bron))
            self._grafieken[naam] = grafiek
        return self._grafieken[naam]


@lru_cache(maxsize=4)
def _bouw_context(map_: Path, afdruk: str, cache: Path) -> Dossiercontext:
    dataset = laad_dataset(map_)
    parameters = laad_parameters()
    cijfers = bereken_cijfers(dataset, parameters)
    onbekend = onbekende_cijfers(dataset, cijfers)
    if onbekend:
        raise Gegevensfout(onbekend)
    ctx = Dossiercontext(dataset, cijfers, parameters, cache)
    meldingen, bevestigd = controleer_bronnen(dataset, cijfers, ctx.vergelijkingen)
    if meldingen:
        raise Gegevensfout(meldingen)
    ctx.bronbevestigd = tuple(bevestigd)
    return ctx


POGINGEN = 3
"""Zo vaak wordt opnieuw gelezen als de gegevens tijdens het lezen veranderen."""


def laad_context(map_: Path | str, cache: Path | None = None) -> Dossiercontext:
    """De context voor ``map_``; hergebruikt zolang de gegevensbestanden niet veranderen.

    De context wordt bewaard onder de vingerafdruk van de gegevens. Wordt een bestand opgeslagen
    terwijl het wordt gelezen, dan hoort wat is gelezen niet bij die vingerafdruk: dan wordt
    opnieuw gelezen (:data:`POGINGEN` keer).

    :raises Gegevensfout: bij fouten in de gegevens, of als ze blijven veranderen.
    """
    map_ = Path(map_).resolve()
    for _ in range(POGINGEN):
        afdruk = vingerafdruk(map_)
        ctx = _bouw_context(map_, afdruk, cache or cachemap())
        if ctx.dataset.vingerafdruk == afdruk:
            return ctx
        _bouw_context.cache_clear()
    raise Gegevensfout([Melding(
        str(map_), "de gegevensbestanden veranderden terwijl ze werden gelezen.",
        oplossing="Wacht tot alle bestanden zijn opgeslagen en probeer het opnieuw.")])
