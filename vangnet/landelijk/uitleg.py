"""De uitleg van één uitkomst: dezelfde cijfers met herkomst als in het dossier.

Het dossier bouwt zijn vangnetcijfers met een :class:`~vangnet.cijfers.bouwer.Bouwer` uit
``buig.csv`` (:mod:`vangnet.cijfers.buig`, :mod:`vangnet.cijfers.vangnet`). Hier doet
:class:`Tabelbouwer` hetzelfde uit de rijen van één gemeente in de landelijke tabel: een
gegeven wijst naar bestand, rij en kolom van de tabel, de rest (tekort, voorwaarden,
uitkering, met formules en parameters) komt uit precies dezelfde functies als in het dossier.
Zo staat bij elke gemeente dezelfde uitleg als in de herkomst van een dossier.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vangnet.cijfers import buig as buigcijfers
from vangnet.cijfers import vangnet as vangnetcijfers
from vangnet.cijfers.bouwer import Bouwer
from vangnet.cijfers.kern import Cijfer, Cijferset, Eenheid, Gegevensbron
from vangnet.exact import exact
from vangnet.landelijk.berekening import Uitkomst
from vangnet.landelijk.tabel import Tabelrij
from vangnet.regels.parameters import Parameters, laad_parameters
from vangnet.regels.vangnet import REGIMES


class Tabelbouwer(Bouwer):
    """Een :class:`Bouwer` die zijn gegevens uit rijen van de landelijke tabel haalt in plaats
    van uit een dossier; alleen de tabel ``buig`` met de kolommen van de landelijke tabel."""

    def __init__(self, rijen: Mapping[int, Tabelrij], bestand: str, parameters: Parameters):
        # bewust zonder Bouwer.__init__: die verwacht een Dataset van een dossier
        self.dataset = None  # type: ignore[assignment]
        self.parameters = parameters
        self.cijfers = Cijferset()
        self._rijen = rijen
        self._bestand = bestand

    def rijen(self, stam: str, **waar: Any) -> dict[str, list[int]]:  # type: ignore[override]
        """Alleen wat :func:`vangnet.cijfers.buig.jaren` vraagt: de jaren van de tabel."""
        if stam != "buig" or waar:
            raise ValueError(f"de landelijke tabel heeft alleen BUIG-gegevens per jaar ({stam})")
        return {"jaar": sorted(self._rijen)}

    def gegeven(self, id_: str, label: str, stam: str, kolom: str, eenheid: Eenheid = "euro",
                *, decimalen: int = 0, exact_decimalen: int | None = None, **waar: Any
                ) -> Cijfer | None:
        rij = self._rijen.get(waar.get("jaar")) if stam == "buig" and set(waar) == {"jaar"} \
            else None
        waarde = getattr(rij, kolom, None) if rij is not None else None
        if waarde is None:
            return None
        bron = Gegevensbron(self._bestand, (rij.rij,), kolom, f"gemeente {rij.gemeente}")
        return self.cijfers.voeg_toe(
            Cijfer(id_, label, eenheid, exact(waarde), gegevens=(bron,), decimalen=decimalen,
                   exact_decimalen=exact_decimalen))


def uitleg_cijfers(u: Uitkomst, rijen: Mapping[int, Tabelrij], bestand: str,
                   parameters: Parameters | None = None) -> Cijferset:
    """De cijfers van de toets over ``u.jaar`` zoals in het dossier (``vangnet.uitkering.<jaar>``
    enzovoort), uit de jaren die de toets nodig heeft. Zonder toets alleen budget, kosten en
    (als die er zijn) tekort en tekortpercentage van het jaar zelf."""
    parameters = parameters or laad_parameters()
    nodig = set(u.nodig) if u.berekend else {u.jaar}
    b = Tabelbouwer({j: r for j, r in rijen.items() if j in nodig}, bestand, parameters)
    buigcijfers.bouw(b)
    if u.berekend:
        vangnetcijfers.parameters(b, u.jaar)
        vangnetcijfers.bouw(b, u.jaar)
        # dezelfde toets als in de tabel: een tweede keer uitgerekend met dezelfde functie
        assert b.cijfers.waarde(f"vangnet.uitkering.{u.jaar}") == u.besluit.vangnetuitkering
    return b.cijfers


def kerncijfers(jaar: int, cijfers: Cijferset) -> list[str]:
    """De cijfers die de uitleg van een jaar toont, in rekenvolgorde: de uitkomst, het regime
    en per regime de voorwaarden en de uitkering, met alles waarop ze rusten."""
    jaren = sorted(int(f.id.rsplit(".", 1)[1]) for f in cijfers
                   if f.id.startswith("buig.tekortpercentage."))
    doelen = [f"buig.tekortpercentage.{j}" for j in jaren] + [
        f"buig.tekort.{jaar}", f"buig.budget.{jaar}", f"buig.kosten.{jaar}"]
    for r in REGIMES:
        doelen += [f"vangnet.{r}.meerjarig_tekort.{jaar}",
                   f"vangnet.{r}.jaren_boven_drempel.{jaar}",
                   f"vangnet.{r}.jaren_boven_drempel_lijst.{jaar}"]
        doelen += sorted(f.id for f in cijfers
                         if f.id.startswith(f"vangnet.{r}.voorwaarde_") and f.id.endswith(
                             f".{jaar}"))
        doelen += [f"vangnet.{r}.in_aanmerking.{jaar}", f"vangnet.{r}.uitkering.{jaar}"]
    doelen += [f"vangnet.regime.{jaar}", f"vangnet.drempel.{jaar}",
               f"vangnet.in_aanmerking.{jaar}", f"vangnet.uitkering.{jaar}"]
    gezien: dict[str, None] = {}
    for doel in doelen:
        if doel not in cijfers:
            continue
        for i in [*cijfers.afhankelijkheden(doel), doel]:
            if cijfers[i].eenheid != "intern":
                gezien.setdefault(i, None)
    return list(gezien)
