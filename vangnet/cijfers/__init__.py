"""Alle cijfers van het dossier, met herkomst; zie :mod:`vangnet.cijfers.kern`."""

from __future__ import annotations

from vangnet.cijfers import analyse, buig, doorrekening, lks, maatregelen, vangnet
from vangnet.cijfers.bouwer import Bouwer
from vangnet.cijfers.kern import Cijfer, Cijferset
from vangnet.data.dataset import Dataset
from vangnet.regels.parameters import Parameters, laad_parameters

__all__ = ["Cijfer", "Cijferset", "bereken_cijfers", "bereken_vangnet", "berekenbare_jaren"]


def berekenbare_jaren(dataset: Dataset, parameters: Parameters | None = None) -> list[int]:
    """De budgetjaren waarvoor de vangnettoets kan: een regime met parameters, en budget en
    kosten voor alle jaren die de toets nodig heeft."""
    from vangnet.meldingen import Rekenfout
    from vangnet.regels.vangnet import benodigde_jaren

    parameters = parameters or laad_parameters()
    buig = dataset.tabel("buig")
    volledig = {int(r["jaar"]) for r in buig.to_dict("records")
                if r["budget"] == r["budget"] and r["kosten"] == r["kosten"]
                and r["budget"] is not None and r["kosten"] is not None}
    jaren = []
    for jaar in sorted(volledig):
        try:
            nodig = benodigde_jaren(jaar, parameters)
        except Rekenfout:
            continue
        regimes = [parameters.staffel(f"vangnet.{r}.vergoeding")
                   for r in ("regulier", "uitgebreid")]
        if any(s.geldt_in(jaar) for s in regimes) and set(nodig) <= volledig:
            jaren.append(jaar)
    return jaren


def bereken_vangnet(
    dataset: Dataset, jaar: int | None = None, parameters: Parameters | None = None
) -> Cijferset:
    """Alleen de BUIG-cijfers en de vangnettoets, voor ``jaar`` (standaard het aanvraagjaar)."""
    b = Bouwer(dataset, parameters or laad_parameters())
    jaar = jaar or dataset.aanvraagjaar
    buig.bouw(b)
    vangnet.parameters(b, jaar)
    vangnet.bouw(b, jaar)
    return b.cijfers


def bereken_cijfers(dataset: Dataset, parameters: Parameters | None = None) -> Cijferset:
    """Alle cijfers van het dossier voor het aanvraagjaar van ``dataset``.

    Zolang budget of kosten van een jaar dat de vangnettoets nodig heeft nog moeten worden
    ingevuld, ontbreken de cijfers van de toets (``vangnet.*``); de rest wordt berekend."""
    b = Bouwer(dataset, parameters or laad_parameters())
    jaar = dataset.aanvraagjaar
    buig.bouw(b)
    vangnet.parameters(b, jaar)
    if vangnet.berekenbaar(b, jaar):
        vangnet.bouw(b, jaar)
    lks.bouw(b, jaar)
    analyse.bouw(b, jaar)
    doorrekening.bouw(b, jaar)
    maatregelen.bouw(b, jaar)
    return b.cijfers
