"""Cijfers over de maatregelen: hoeveel er per status zijn, hoeveel als getroffen tellen (er is
een besluit) en op hoeveel besluiten die steunen, en de doelen en realisaties van hun
indicatoren (``indicatoren.csv``).

Elk aantal wijst naar de rijen van ``maatregelen.csv`` waaruit het volgt, zodat een lezer kan
nagaan welke maatregelen zijn meegeteld.
"""

from __future__ import annotations

from vangnet.cijfers.analyse import sleutel
from vangnet.cijfers.bouwer import Bouwer
from vangnet.cijfers.kern import Cijfer, Gegevensbron
from vangnet.data.dataset import RIJ
from vangnet.data.schema import GETROFFEN, MAATREGELSTATUS

_REGEL_GETROFFEN = ("Als getroffen telt een maatregel met een besluit: status besloten, "
                    "uitgevoerd of geëvalueerd. Aanbevolen en toegezegde maatregelen tellen niet.")


def _telling(b: Bouwer, id_: str, label: str, rijen: list[dict], kolom: str,
             regel: str) -> Cijfer:
    bron = Gegevensbron(b.dataset.bestandsnaam("maatregelen"),
                        tuple(int(r[RIJ]) for r in rijen), kolom,
                        "; ".join(r["id"] for r in rijen) or "geen rijen")
    return b.cijfers.voeg_toe(Cijfer(id_, label, "aantal", len(rijen), gegevens=(bron,),
                                     regel=regel))


def bouw(b: Bouwer, jaar: int) -> None:
    if not b.dataset.heeft("maatregelen"):
        return
    alle = b.dataset.tabel("maatregelen").to_dict("records")
    getroffen = [r for r in alle if r["status"] in GETROFFEN]
    _telling(b, "maatregelen.getroffen", "Getroffen maatregelen (met een besluit)", getroffen,
             "status", _REGEL_GETROFFEN)
    for soort in ("intern", "extern"):
        _telling(b, f"maatregelen.getroffen_{soort}", f"Getroffen {soort}e maatregelen",
                 [r for r in getroffen if r["soort"] == soort], "soort", _REGEL_GETROFFEN)
    for status, woord in MAATREGELSTATUS.items():
        _telling(b, f"maatregelen.status.{status}", f"Maatregelen met status {woord}",
                 [r for r in alle if r["status"] == status], "status",
                 f"Het aantal rijen met status '{woord}'.")
    besluiten = list(dict.fromkeys(r["besluit"] for r in getroffen))
    bron = Gegevensbron(b.dataset.bestandsnaam("maatregelen"),
                        tuple(int(r[RIJ]) for r in getroffen), "besluit",
                        "; ".join(besluiten) or "geen besluiten")
    b.cijfers.voeg_toe(Cijfer(
        "maatregelen.besluiten", "Verschillende besluiten onder de getroffen maatregelen",
        "aantal", len(besluiten), gegevens=(bron,),
        regel="Maatregelen met dezelfde tekst in de kolom besluit steunen op hetzelfde "
        "besluit en tellen hier één keer."))
    indicatoren(b, jaar)


def _leeg(waarde: object) -> bool:
    return waarde is None or waarde != waarde  # NaN is niet gelijk aan zichzelf


def _gehaald(rij: dict) -> bool:
    if rij["norm"] == "maximaal":
        return rij["realisatie"] <= rij["doel"]
    return rij["realisatie"] >= rij["doel"]


def indicatoren(b: Bouwer, jaar: int) -> None:
    """Doel en realisatie per indicator en jaar; een lege realisatie geeft geen cijfer."""
    if not b.dataset.heeft("indicatoren"):
        return
    for rij in b.dataset.tabel("indicatoren").to_dict("records"):
        eenheid = "procent" if rij["eenheid"] == "procent" else "aantal"
        basis = f"indicator.{sleutel(rij['maatregel'])}.{sleutel(rij['indicator'])}"
        for kolom, woord in (("doel", "doel"), ("realisatie", "realisatie")):
            b.gegeven(f"{basis}.{kolom}.{rij['jaar']}",
                      f"{rij['indicator']} ({rij['maatregel']}), {woord} {rij['jaar']}",
                      "indicatoren", kolom, eenheid, maatregel=rij["maatregel"],
                      indicator=rij["indicator"], jaar=rij["jaar"])
    rijen = [r for r in b.dataset.tabel("indicatoren").to_dict("records")
             if r["jaar"] <= jaar and not _leeg(r["doel"])]
    bekend = [r for r in rijen if not _leeg(r["realisatie"])]
    bestand = b.dataset.bestandsnaam("indicatoren")
    for id_, label, deel, regel in (
            ("maatregelen.doelen", f"Doelen van maatregelen tot en met {jaar}", rijen,
             "Rijen van indicatoren.csv met een doel, tot en met het aanvraagjaar."),
            ("maatregelen.doelen_bekend", "Doelen waarvan de realisatie bekend is", bekend,
             "Rijen met een doel en een realisatie."),
            ("maatregelen.doelen_gehaald", "Doelen die zijn gehaald",
             [r for r in bekend if _gehaald(r)],
             "Rijen waarin de realisatie minstens het doel is (bij een bovengrens: hoogstens).")):
        b.cijfers.voeg_toe(Cijfer(id_, label, "aantal", len(deel), gegevens=(Gegevensbron(
            bestand, tuple(int(r[RIJ]) for r in deel), "realisatie", ""),), regel=regel))
