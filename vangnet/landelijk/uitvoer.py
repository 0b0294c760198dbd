"""De uitkomsten van ``vangnet landelijk`` als CSV, JSON Lines en een samenvatting per jaar.

Afronden zoals ``bereken --json`` (:mod:`vangnet.cijfers.samenvatting`): bedragen half van nul
af op centen, percentages (in procenten) op vier decimalen, beide op de exacte waarde. In de
CSV staan ze als decimaal getal met een punt (``41181.05``, ``5.5810``), in de JSON als getal.
``in_aanmerking`` gaat alleen over de financiële voorwaarden van de regeling: de andere eisen
aan een aanvraag (zoals de verklaring van het college en de instemming van de raad) staan niet
in de tabel.

Alles werkt per uitkomst: een schrijver bewaart niets, de samenvatting alleen tellingen en
exacte sommen per jaar.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, TextIO

from vangnet import opmaak
from vangnet.cijfers.samenvatting import (
    CENTEN,
    PROCENTDECIMALEN,
    bedrag,
    besluit_samenvatting,
    procent,
)
from vangnet.exact import afronden, exact
from vangnet.landelijk.berekening import Uitkomst
from vangnet.regels.vangnet import REGIMES

FINANCIEEL = ("'in_aanmerking' gaat alleen over de financiële voorwaarden (tekort en meerjarige "
              "voorwaarde); de andere eisen aan een aanvraag, zoals de analyse van de oorzaken, "
              "de getroffen maatregelen en de instemming van de gemeenteraad, staan niet in de "
              "tabel.")

VOORWAARDEN: dict[str, tuple[str, ...]] = {
    "regulier": ("jaar", "meerjarig"),
    "uitgebreid": ("jaar", "voorgaande_jaren"),
}
"""De voorwaarden per regime zoals :mod:`vangnet.regels.vangnet` ze noemt (``Voorwaarde.code``);
een onbekende code geeft een fout in plaats van een stil weggelaten kolom."""

KOLOMMEN: tuple[str, ...] = (
    "gemeente", "jaar", "budget", "kosten", "fouten_onzekerheden", "tekort", "tekort_pct",
    "drempel_pct", "regime", "in_aanmerking", "vangnetuitkering",
    *(f"{r}_{c}" for r in REGIMES for c in VOORWAARDEN[r]),
    "regulier_meerjarig_pct", "uitgebreid_jaren_boven_drempel",
    *(f"{r}_vangnetuitkering" for r in REGIMES),
    "berekend", "reden",
)
"""De kolommen van de CSV: eerst die van ``bereken --json``, dan per regime elke voorwaarde
(``ja``/``nee``, leeg als het regime in dat jaar niet bestaat), de waarde van de meerjarige
voorwaarden en de uitkering per regime."""


def _ja_nee(waarde: bool | None) -> str:
    return "" if waarde is None else opmaak.ja_nee(waarde)


def _bedrag_tekst(waarde: Any) -> str:
    return "" if waarde is None else str(afronden(waarde, CENTEN))


def _procent_tekst(fractie: Any) -> str:
    return "" if fractie is None else str(afronden(exact(fractie) * 100, PROCENTDECIMALEN))


def _json_bedrag(waarde: Any) -> float | None:
    return None if waarde is None else bedrag(waarde)


def als_json(u: Uitkomst) -> dict[str, Any]:
    """Eén uitkomst met de sleutels van ``bereken --json``, plus ``berekend`` en ``reden``.

    Zonder toets zijn ``drempel_pct``, ``regime``, ``in_aanmerking``, ``vangnetuitkering`` en
    ``regimes`` ``null``; het tekort en het tekortpercentage staan er wel als budget en kosten
    bekend zijn.
    """
    uit: dict[str, Any] = {
        "gemeente": u.gemeente,
        "jaar": u.jaar,
        "budget": _json_bedrag(u.budget),
        "kosten": _json_bedrag(u.kosten),
        "fouten_onzekerheden": bedrag(u.fouten_onzekerheden or 0),
        "resultaat": None if u.tekort is None else bedrag(-u.tekort),
        "tekort": _json_bedrag(u.tekort),
    }
    if u.besluit is not None:
        uit |= besluit_samenvatting(u.besluit)
    else:
        uit |= {"tekort_pct": None if u.tekortfractie is None else procent(u.tekortfractie),
                "drempel_pct": None, "regime": None, "in_aanmerking": None,
                "vangnetuitkering": None, "regimes": None}
    return uit | {"berekend": u.berekend, "reden": u.reden}


def als_csvrij(u: Uitkomst) -> dict[str, str]:
    """Eén uitkomst als rij van de CSV (zie :data:`KOLOMMEN`)."""
    rij = dict.fromkeys(KOLOMMEN, "")
    rij |= {
        "gemeente": u.gemeente, "jaar": str(u.jaar), "budget": _bedrag_tekst(u.budget),
        "kosten": _bedrag_tekst(u.kosten),
        "fouten_onzekerheden": _bedrag_tekst(u.fouten_onzekerheden or 0),
        "tekort": _bedrag_tekst(u.tekort), "tekort_pct": _procent_tekst(u.tekortfractie),
        "berekend": opmaak.ja_nee(u.berekend), "reden": u.reden or "",
    }
    b = u.besluit
    if b is None:
        return rij
    rij |= {"drempel_pct": _procent_tekst(b.gekozen.drempel or 0), "regime": b.gekozen.regime,
            "in_aanmerking": _ja_nee(b.in_aanmerking),
            "vangnetuitkering": _bedrag_tekst(b.vangnetuitkering)}
    for t in b.toetsen:
        if not t.van_toepassing:
            continue
        rij[f"{t.regime}_vangnetuitkering"] = _bedrag_tekst(t.vangnetuitkering)
        for v in t.voorwaarden:
            kolom = f"{t.regime}_{v.code}"
            if kolom not in rij:
                raise KeyError(f"voorwaarde '{v.code}' van het {t.regime} vangnet heeft geen "
                               "kolom in de uitvoer (vangnet/landelijk/uitvoer.py, VOORWAARDEN)")
            rij[kolom] = _ja_nee(v.voldaan)
            if v.code == "meerjarig":
                rij["regulier_meerjarig_pct"] = _procent_tekst(v.waarde)
            elif v.code == "voorgaande_jaren":
                rij["uitgebreid_jaren_boven_drempel"] = str(int(v.waarde))
    return rij


@dataclass
class Jaartelling:
    """De tellingen en exacte sommen van één budgetjaar."""

    jaar: int
    gemeenten: int = 0
    berekend: int = 0
    regime: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REGIMES, 0))
    in_aanmerking: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REGIMES, 0))
    uitkering: dict[str, Fraction] = field(
        default_factory=lambda: dict.fromkeys(REGIMES, Fraction(0)))

    @property
    def niet_berekend(self) -> int:
        return self.gemeenten - self.berekend

    @property
    def totaal_in_aanmerking(self) -> int:
        return sum(self.in_aanmerking.values())

    @property
    def totale_uitkering(self) -> Fraction:
        return sum(self.uitkering.values(), Fraction(0))


SAMENVATTING_KOLOMMEN: tuple[str, ...] = (
    "jaar", "gemeenten", "berekend", "niet_berekend",
    *(f"regime_{r}" for r in REGIMES), *(f"in_aanmerking_{r}" for r in REGIMES),
    "in_aanmerking", *(f"vangnetuitkering_{r}" for r in REGIMES), "vangnetuitkering",
)


class Samenvatting:
    """Per budgetjaar: gemeenten per regime, in aanmerking en de totale uitkering (exact
    opgeteld, één keer afgerond bij het schrijven)."""

    def __init__(self) -> None:
        self.jaren: dict[int, Jaartelling] = {}

    def tel(self, u: Uitkomst) -> None:
        t = self.jaren.setdefault(u.jaar, Jaartelling(u.jaar))
        t.gemeenten += 1
        if u.besluit is None:
            return
        t.berekend += 1
        regime = u.besluit.gekozen.regime
        t.regime[regime] += 1
        if u.besluit.in_aanmerking:
            t.in_aanmerking[regime] += 1
            t.uitkering[regime] += u.besluit.vangnetuitkering

    def rijen(self) -> list[dict[str, str]]:
        uit = []
        for jaar in sorted(self.jaren):
            t = self.jaren[jaar]
            uit.append({
                "jaar": str(jaar), "gemeenten": str(t.gemeenten), "berekend": str(t.berekend),
                "niet_berekend": str(t.niet_berekend),
                **{f"regime_{r}": str(t.regime[r]) for r in REGIMES},
                **{f"in_aanmerking_{r}": str(t.in_aanmerking[r]) for r in REGIMES},
                "in_aanmerking": str(t.totaal_in_aanmerking),
                **{f"vangnetuitkering_{r}": _bedrag_tekst(t.uitkering[r]) for r in REGIMES},
                "vangnetuitkering": _bedrag_tekst(t.totale_uitkering),
            })
        return uit


class Schrijver:
    """Schrijft uitkomsten meteen weg als CSV en/of JSON Lines en telt ze voor de samenvatting."""

    def __init__(self, csv_uit: TextIO | None = None, json_uit: TextIO | None = None) -> None:
        self._csv = None
        if csv_uit is not None:
            self._csv = csv.DictWriter(csv_uit, fieldnames=KOLOMMEN, lineterminator="\n")
            self._csv.writeheader()
        self._json = json_uit
        self.samenvatting = Samenvatting()
        self.aantal = 0

    def schrijf(self, uitkomsten: Iterable[Uitkomst]) -> None:
        for u in uitkomsten:
            if self._csv is not None:
                self._csv.writerow(als_csvrij(u))
            if self._json is not None:
                self._json.write(json.dumps(als_json(u), ensure_ascii=False) + "\n")
            self.samenvatting.tel(u)
            self.aantal += 1


def schrijf_samenvatting(samenvatting: Samenvatting, uit: TextIO) -> None:
    schrijver = csv.DictWriter(uit, fieldnames=SAMENVATTING_KOLOMMEN, lineterminator="\n")
    schrijver.writeheader()
    schrijver.writerows(samenvatting.rijen())


BESTANDEN = {"csv": "uitkomsten.csv", "json": "uitkomsten.jsonl",
             "samenvatting": "samenvatting_per_jaar.csv"}
"""De bestanden die ``vangnet landelijk --uit MAP`` schrijft."""


def schrijf_map(uitkomsten: Iterable[Uitkomst], map_: Path) -> Samenvatting:
    """Schrijf CSV, JSON Lines en de samenvatting per jaar in ``map_``. Elk bestand komt pas
    op zijn plaats als het helemaal geschreven is."""
    map_.mkdir(parents=True, exist_ok=True)
    tijdelijk = {k: map_ / f".{naam}.{os.getpid()}.tmp" for k, naam in BESTANDEN.items()}
    try:
        with tijdelijk["csv"].open("w", encoding="utf-8", newline="") as c, \
                tijdelijk["json"].open("w", encoding="utf-8") as j:
            schrijver = Schrijver(c, j)
            schrijver.schrijf(uitkomsten)
        with tijdelijk["samenvatting"].open("w", encoding="utf-8", newline="") as s:
            schrijf_samenvatting(schrijver.samenvatting, s)
        for k, naam in BESTANDEN.items():
            tijdelijk[k].replace(map_ / naam)
    finally:
        for pad in tijdelijk.values():
            pad.unlink(missing_ok=True)
    return schrijver.samenvatting
