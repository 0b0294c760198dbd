"""Hulpfuncties voor tests die gegevensbestanden aanpassen."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup


def wijzig_csv(pad: Path, functie: Callable[[list[dict[str, str]]], list[dict[str, str]]]) -> None:
    """Lees een CSV als lijst van dicts, laat ``functie`` die aanpassen en schrijf terug (met
    een BOM als het bestand er een had, zoals na ``vangnet nieuw-jaar``)."""
    codering = "utf-8-sig" if pad.read_bytes().startswith(b"\xef\xbb\xbf") else "utf-8"
    with pad.open(encoding=codering, newline="") as f:
        lezer = csv.DictReader(f)
        kop = list(lezer.fieldnames or [])
        rijen = list(lezer)
    rijen = functie(rijen)
    with pad.open("w", encoding=codering, newline="") as f:
        schrijver = csv.DictWriter(f, fieldnames=kop, lineterminator="\n")
        schrijver.writeheader()
        schrijver.writerows(rijen)


def zet_cel(pad: Path, waar: dict[str, str], kolom: str, waarde: str) -> None:
    """Zet ``kolom`` op ``waarde`` in de rij(en) die aan ``waar`` voldoen."""

    def aanpassen(rijen):
        gevonden = False
        for rij in rijen:
            if all(rij[k] == v for k, v in waar.items()):
                rij[kolom] = waarde
                gevonden = True
        assert gevonden, f"geen rij met {waar} in {pad.name}"
        return rijen

    wijzig_csv(pad, aanpassen)


def zet_tekorten(map_: Path, percentages: dict[int, float]) -> None:
    """Pas de kosten in buig.csv aan zodat elk jaar het gegeven tekortpercentage heeft.

    Het verschil gaat naar het uitkeringen-deel, zodat de delen blijven optellen tot het totaal.
    """

    def aanpassen(rijen):
        for rij in rijen:
            jaar = int(rij["jaar"])
            if jaar in percentages:
                budget = float(rij["budget"])
                kosten = round(budget * (1 + percentages[jaar] / 100))
                if rij["kosten_uitkeringen"]:
                    rij["kosten_uitkeringen"] = str(kosten - int(float(rij["kosten_lks"])))
                rij["kosten"] = str(kosten)
        return rijen

    wijzig_csv(map_ / "buig.csv", aanpassen)


def verwijder_rapportwaarden(map_: Path) -> None:
    """Een gewijzigde dataset hoort niet meer bij de bron: de bronvergelijking vervalt."""
    (map_ / "rapportwaarden.csv").unlink()


def tekst(site: Path, pagina: str) -> str:
    """De leesbare tekst van een pagina, met gewone spaties."""
    soep = BeautifulSoup((site / pagina / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    artikel = soep.select_one("article")
    for weg in artikel.select("script, svg"):
        weg.decompose()
    platte = " ".join(artikel.get_text(" ").replace("\u00a0", " ").split())
    # get_text zet spaties rond inline-elementen; haal die weg waar ze niet horen
    platte = re.sub(r"\(\s+", "(", platte)
    return re.sub(r"\s+([),.;:])", r"\1", platte)
