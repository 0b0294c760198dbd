"""Opmerkingen: verschillen in de bronnen die geen fout zijn, maar wel zichtbaar moeten zijn."""

from __future__ import annotations

from pathlib import Path

from vangnet.data.controles import opmerkingen
from vangnet.data.dataset import laad_dataset

from conftest import DATA
from hulp import zet_cel


def test_de_ingebedde_gegevens_geven_de_bekende_opmerkingen():
    regels = [r.replace("\u00a0", " ") for r in opmerkingen(laad_dataset(DATA))]
    assert any("over 2025 zijn nog niet door de accountant gecontroleerd" in r for r in regels)
    # tabel 4.2 van het rapport tegenover tabel 4.1 (kosten van het uitkeringen-deel)
    assert any("noemt voor 2023 kosten van de uitkeringen van € 10.794.475" in r
               and "€ 12.002.000" in r for r in regels)
    assert any("noemt voor 2024" in r for r in regels)
    assert not any("noemt voor 2025" in r for r in regels)
    assert any("gemiddelde loonwaarde van 55,77%" in r and "met 50%" in r for r in regels)


def test_zonder_verschillen_geen_opmerkingen(datakopie: Path):
    zet_cel(datakopie / "buig.csv", {"jaar": "2025"}, "status_kosten", "gecontroleerd")
    zet_cel(datakopie / "gemiddelde_kosten.csv", {"jaar": "2023"}, "kosten_uitkeringen",
            "12002000")
    zet_cel(datakopie / "gemiddelde_kosten.csv", {"jaar": "2024"}, "kosten_uitkeringen",
            "12680000")
    pad = datakopie / "doorrekening.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("loonwaarde: 0.50",
                                                           "loonwaarde: 0.5577"),
                   encoding="utf-8")
    assert opmerkingen(laad_dataset(datakopie)) == []


def test_een_ontbrekende_kolom_kosten_is_een_fout_in_de_kopregel(datakopie: Path):
    """Zonder kolom kosten zou elke rij 'status maar geen bedrag' melden; de melding hoort bij
    de kopregel: één keer, met de kolom."""
    import csv

    import pytest

    from vangnet.meldingen import Gegevensfout

    pad = datakopie / "buig.csv"
    with pad.open(encoding="utf-8-sig", newline="") as f:
        rijen = list(csv.DictReader(f))
    kop = [k for k in rijen[0] if k != "kosten"]
    with pad.open("w", encoding="utf-8", newline="") as f:
        schrijver = csv.DictWriter(f, fieldnames=kop, extrasaction="ignore", lineterminator="\n")
        schrijver.writeheader()
        schrijver.writerows(rijen)
    with pytest.raises(Gegevensfout) as fout:
        laad_dataset(datakopie)
    teksten = [str(m) for m in fout.value.meldingen]
    assert teksten[0].startswith("buig.csv, rij 1: de verplichte kolom 'kosten' ontbreekt.")
    assert not any("status voor de kosten" in t for t in teksten)


def test_uitstroom_zonder_instroom_wordt_gemeld(datakopie):
    """Een geldig uitstroom.csv zonder instroom.csv wordt gecontroleerd maar niet getoond; check
    zegt dat, in plaats van dat het bestand stil verdwijnt."""
    from vangnet.dossier.controle import volledige_controle

    from hulp import verwijder_rapportwaarden

    (datakopie / "instroom.csv").unlink()
    verwijder_rapportwaarden(datakopie)
    rapport = volledige_controle(datakopie)
    assert rapport.in_orde, [str(f) for f in rapport.fouten]
    assert ("uitstroom.csv is gelezen, maar de paragraaf over de in- en uitstroom gebruikt het "
            "alleen samen met instroom.csv; zonder instroom.csv staat het niet in het dossier. "
            "Lever instroom.csv aan of laat uitstroom.csv weg.") in rapport.opmerkingen
