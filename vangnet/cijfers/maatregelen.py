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
                        ("de maatregelen " + ", ".join(r["id"] for r in rijen)) if rijen
                        else "geen maatregelen")
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
                 f"Het aantal maatregelen met status '{woord}'.")
    besluiten = list(dict.fromkeys(r["besluit"] for r in getroffen))
    bron = Gegevensbron(b.dataset.bestandsnaam("maatregelen"),
                        tuple(int(r[RIJ]) for r in getroffen), "besluit",
                        "; ".join(besluiten) or "geen besluiten")
    b.cijfers.voeg_toe(Cijfer(
        "maatregelen.besluiten", "Verschillende besluiten onder de getroffen maatregelen",
        "aantal", len(besluiten), gegevens=(bron,),
        regel="Maatregelen met dezelfde omschrijving van het besluit steunen op hetzelfde "
        "besluit en tellen hier één keer."))
    indicatoren(b, jaar)


def _leeg(waarde: object) -> bool:
    return waarde is None or waarde != waarde  # NaN is niet gelijk aan zichzelf


def _gehaald(rij: dict) -> bool:
    if rij["norm"] == "maximaal":
        return rij["realisatie"] <= rij["doel"]
    return rij["realisatie"] >= rij["doel"]


def indicatorcodes(rijen: list[dict]) -> dict[tuple[str, str], str]:
    """De korte code van elke indicator (maatregel, indicator): de kolom id, of zonder id de
    code van de maatregel met een volgnummer (M12-1, M12-2, ...) in de volgorde van het bestand.

    De code is het deel van de vaste naam van een cijfer dat de indicator noemt; ze hangt niet
    af van de tekst van de indicator, zodat de naam kort blijft en niet verandert als de tekst
    wordt verbeterd."""
    codes: dict[tuple[str, str], str] = {}
    for rij in rijen:
        if rij.get("id"):
            codes.setdefault((rij["maatregel"], rij["indicator"]), rij["id"])
    bezet = set(codes.values())
    volgnummers: dict[str, int] = {}
    for rij in rijen:
        paar = (rij["maatregel"], rij["indicator"])
        if paar in codes:
            continue
        code = ""
        while not code or code in bezet:
            volgnummers[rij["maatregel"]] = volgnummers.get(rij["maatregel"], 0) + 1
            code = f"{rij['maatregel']}-{volgnummers[rij['maatregel']]}"
        codes[paar] = code
        bezet.add(code)
    return codes


def indicatorbasis(code: str) -> str:
    """``M12-1a`` → ``indicator.m12_1a``."""
    return f"indicator.{sleutel(code)}"


def indicatoren(b: Bouwer, jaar: int) -> None:
    """Doel en realisatie per indicator en jaar; een lege realisatie geeft geen cijfer."""
    if not b.dataset.heeft("indicatoren"):
        return
    alle = b.dataset.tabel("indicatoren").to_dict("records")
    codes = indicatorcodes(alle)
    for rij in alle:
        eenheid = "procent" if rij["eenheid"] == "procent" else "aantal"
        basis = indicatorbasis(codes[(rij["maatregel"], rij["indicator"])])
        for kolom, woord in (("doel", "doel"), ("realisatie", "realisatie")):
            b.gegeven(f"{basis}.{kolom}.{rij['jaar']}",
                      f"{rij['indicator']} ({rij['maatregel']}), {woord} {rij['jaar']}",
                      "indicatoren", kolom, eenheid, maatregel=rij["maatregel"],
                      indicator=rij["indicator"], jaar=rij["jaar"])
    rijen = [r for r in b.dataset.tabel("indicatoren").to_dict("records")
             if r["jaar"] <= jaar and not _leeg(r["doel"])]
    bekend = [r for r in rijen if not _leeg(r["realisatie"])]
    bestand = b.dataset.bestandsnaam("indicatoren")
    # een indicator met een doel voor twee jaren is één indicator met twee jaardoelen
    eerste_per_indicator = list({(r["maatregel"], r["indicator"]): r
                                 for r in reversed(rijen)}.values())
    for id_, label, deel, regel in (
            ("maatregelen.doelen", f"Doelen van maatregelen tot en met {jaar}", rijen,
             "Doelen van de indicatoren, tot en met het aanvraagjaar: één per indicator en jaar."),
            ("maatregelen.indicatoren_met_doel", f"Indicatoren met een doel tot en met {jaar}",
             eerste_per_indicator, "Verschillende indicatoren met een doel tot en met het "
             "aanvraagjaar; een indicator met doelen voor meer jaren telt één keer."),
            ("maatregelen.doelen_bekend", "Doelen waarvan de realisatie bekend is", bekend,
             "Doelen waarvan de realisatie bekend is."),
            ("maatregelen.doelen_gehaald", "Doelen die zijn gehaald",
             [r for r in bekend if _gehaald(r)],
             "Doelen waarbij de realisatie minstens het doel is (bij een bovengrens: hoogstens).")):
        b.cijfers.voeg_toe(Cijfer(id_, label, "aantal", len(deel), gegevens=(Gegevensbron(
            bestand, tuple(int(r[RIJ]) for r in deel), "realisatie",
            "de doelen in de tabel Doelen en resultaten van maatregelen"),), regel=regel))
