"""Kapotte invoer: elke fout geeft precies de verwachte Nederlandse melding en raakt de site niet.

Het corpus staat in ``corpus/gevallen.yaml``: per geval een kleine wijziging van de ingebedde
gegevens (of met ``dossier:`` van een ander dossier) en de letterlijke meldingen; een geval
zonder meldingen is invoer die bewust wordt geaccepteerd, met de letterlijke opmerkingen die
``vangnet check`` erbij geeft. Elke opdracht eindigt op elk geval met afsluitcode 0 of 1 en een
melding, nooit met een traceback; een steekproef per soort ook onder ``mkdocs serve``.
Daarnaast: invoer die bewust wordt geaccepteerd (BOM, puntkomma met decimale komma, spaties,
Windows-regeleinden) en fuzzing van de lezers (zie ook ``test_fuzz.py``).
"""

from __future__ import annotations

import csv
import html
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vangnet.cli import main
from vangnet.data.dataset import laad_dataset
from vangnet.dossier.controle import volledige_controle
from vangnet.meldingen import Gegevensfout
from vangnet.site.bouw import bouw

from conftest import DATA, PROJECT
from corpus_stappen import pas_toe

GEVALLEN = yaml.safe_load((Path(__file__).parent / "corpus" / "gevallen.yaml").read_text())


def test_het_corpus_is_groot_genoeg():
    assert len(GEVALLEN) >= 80
    assert len({g["naam"] for g in GEVALLEN}) == len(GEVALLEN)
    for geval in GEVALLEN:
        assert geval["meldingen"] or geval.get("opmerkingen"), geval["naam"]


def _bereid_voor(geval: dict, datakopie: Path) -> Path:
    if "dossier" in geval:
        shutil.rmtree(datakopie)
        shutil.copytree(PROJECT / geval["dossier"], datakopie)
    for stap in geval["stappen"]:
        pas_toe(datakopie, stap)
    return datakopie


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g["naam"] for g in GEVALLEN])
def test_kapotte_invoer_geeft_de_verwachte_melding(geval, datakopie: Path, tmp_path: Path,
                                                   capsys):
    _bereid_voor(geval, datakopie)
    rapport = volledige_controle(datakopie)
    meldingen = [str(m) for m in rapport.fouten]
    assert meldingen == geval["meldingen"]
    for opmerking in geval.get("opmerkingen", []):
        assert opmerking in rapport.opmerkingen

    # de opdrachtregel: afsluitcode 1 (of 0 voor geaccepteerde invoer), de meldingen, geen
    # traceback
    assert main(["check", "--data", str(datakopie)]) == (1 if meldingen else 0)
    uitvoer = capsys.readouterr()
    for melding in geval["meldingen"] + geval.get("opmerkingen", []):
        assert melding in uitvoer.out
    assert "Traceback" not in uitvoer.out + uitvoer.err
    if not meldingen:
        return

    # bouwen stopt vóór de site wordt aangeraakt
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("gepubliceerd", encoding="utf-8")
    with pytest.raises(Gegevensfout):
        bouw(datakopie, site, pdf=False)
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "gepubliceerd"


OPDRACHTEN = (["bereken", "--json"], ["aanvraag"], ["uitleg", "vangnet.uitkering.2025"],
              ["bouw", "--zonder-pdf"])


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g["naam"] for g in GEVALLEN])
def test_geen_opdracht_eindigt_zonder_melding(geval, datakopie: Path, tmp_path: Path, capsys):
    """Elke opdracht op elk geval: afsluitcode 0 of 1, bij 1 een melding, nooit een traceback
    of een interne fout (bouwen alleen als de controle al faalt: dan stopt het meteen)."""
    _bereid_voor(geval, datakopie)
    for opdracht in OPDRACHTEN:
        if opdracht[0] == "bouw" and not geval["meldingen"]:
            continue
        extra = ["--uit", str(tmp_path / "site")] if opdracht[0] == "bouw" else []
        code = main([opdracht[0], "--data", str(datakopie), *opdracht[1:], *extra])
        uitvoer = capsys.readouterr()
        assert code in (0, 1), (opdracht, code, uitvoer.err)
        assert "Traceback" not in uitvoer.out + uitvoer.err, opdracht
        assert "Interne fout" not in uitvoer.err, (opdracht, uitvoer.err)
        if code == 1:
            assert uitvoer.err.strip(), opdracht
        else:
            assert uitvoer.out.strip(), opdracht


STEEKPROEF_SERVE = [
    "budget in duizenden in een ander dossier (Bergwaard)", "reden zonder trema in één jaar",
    "aantal instroom tikfout tegen het totaal van de bron",
    "bronvergelijking van een ander dossier",
    "bevestiging die bij geen bevinding past", "mojibake in een reden en een bron",
    "UTF-16 dat halverwege is afgebroken", "eigen tekst met een kapotte macro",
    "eigen tekst verwijst naar een ontbrekend cijfer", "YAML-syntaxfout in dossier.yaml",
    "verplicht bestand ontbreekt", "Windows-1252 in plaats van UTF-8",
]


@pytest.mark.parametrize("naam", STEEKPROEF_SERVE)
def test_onder_serve_een_foutpagina_met_de_meldingen(naam: str, datakopie: Path,
                                                      tmp_path: Path):
    """De bouwstap van mkdocs serve: geen traceback, maar op elke pagina de meldingen."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from vangnet.site.bouw import config_opties

    geval = next(g for g in GEVALLEN if g["naam"] == naam)
    _bereid_voor(geval, datakopie)
    cfg = load_config(**config_opties(datakopie), site_dir=str(tmp_path / "site"))
    cfg.plugins.on_startup(command="serve", dirty=False)
    try:
        build(cfg, serve_url="http://127.0.0.1:8000/")
    finally:
        # zoals mkdocs serve: MkDocs bewaart de plugin voor het hele proces
        cfg.plugins.on_shutdown()
    for pagina in ("index.html", "dossier/tekort/index.html"):
        inhoud = html.unescape((tmp_path / "site" / pagina).read_text(encoding="utf-8"))
        assert "De gegevens bevatten fouten" in inhoud
        for melding in geval["meldingen"]:
            assert melding in inhoud


@pytest.mark.parametrize("naam", ["euroteken in een bedrag", "YAML-syntaxfout in dossier.yaml",
                                  "Windows-1252 in plaats van UTF-8",
                                  "budget en delen in duizenden", "mojibake in een eigen tekst",
                                  "eigen tekst met een onbekende macro",
                                  "bronvergelijking van een ander dossier"])
def test_als_apart_proces_geen_traceback(naam: str, datakopie: Path):
    geval = next(g for g in GEVALLEN if g["naam"] == naam)
    _bereid_voor(geval, datakopie)
    uit = subprocess.run([sys.executable, "-m", "vangnet.cli", "check", "--data", str(datakopie)],
                         capture_output=True, text=True, timeout=120)
    assert uit.returncode == 1
    assert geval["meldingen"][0] in uit.stdout
    assert "Traceback" not in uit.stdout + uit.stderr


# -- bewust geaccepteerde invoer ---------------------------------------------------------------

def _gelijk_aan_origineel(map_: Path) -> None:
    origineel, nieuw = laad_dataset(DATA), laad_dataset(map_)
    for stam, tabel in origineel.tabellen.items():
        assert tabel.drop(columns="_rij").equals(nieuw.tabel(stam).drop(columns="_rij")), stam


def test_bom_wordt_geaccepteerd(datakopie: Path):
    pas_toe(datakopie, {"soort": "bom", "bestand": "buig.csv"})
    _gelijk_aan_origineel(datakopie)


def test_puntkomma_en_decimale_komma_zoals_nederlandse_excel(datakopie: Path):
    for bestand in ("vergelijkingsgroep.csv", "gemiddelde_kosten.csv"):
        pad = datakopie / bestand
        regels = pad.read_text(encoding="utf-8").splitlines()
        nieuw = []
        for regel in regels:
            velden = next(csv.reader(io.StringIO(regel)))
            velden = [v.replace(".", ",") if v.replace(".", "").isdigit() else v for v in velden]
            nieuw.append(";".join(f'"{v}"' if ";" in v else v for v in velden))
        pad.write_text("\r\n".join(nieuw) + "\r\n", encoding="utf-8")
    _gelijk_aan_origineel(datakopie)


def test_spaties_rond_cellen_en_kolomnamen_en_hoofdletters(datakopie: Path):
    pad = datakopie / "huishoudens.csv"
    regels = pad.read_text(encoding="utf-8").splitlines()
    regels[0] = " Jaar , Voorspeld ,gerealiseerd ,bron"
    regels[1] = regels[1].replace("2023,692,747", "2023 , 692 ,747 ")
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    _gelijk_aan_origineel(datakopie)


def test_keuzes_met_accenten_en_hoofdletters(datakopie: Path):
    pad = datakopie / "maatregelen.csv"
    pad.write_text(pad.read_text(encoding="utf-8").replace(",intern,genomen,", ",Intern,Genomen,"),
                   encoding="utf-8")
    _gelijk_aan_origineel(datakopie)
    pad.write_text(pad.read_text(encoding="utf-8").replace(",Intern,Genomen,", ",intern,Beëindigd,",
                                                           1), encoding="utf-8")
    statussen = laad_dataset(datakopie).tabel("maatregelen")["status"]
    assert "beeindigd" in set(statussen)


# -- fuzzing: alleen een geldige dataset of een nette melding ------------------------------------

tekens = st.sampled_from([*"0123456789,;.-€%\"' \tabcéë<>{}", "\n", "2025", "definitief"])


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(inhoud=st.lists(tekens, max_size=80).map("".join))
def test_willekeurige_csv_geeft_alleen_geldige_gegevens_of_een_melding(inhoud, tmp_path_factory):
    map_ = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(DATA, map_, dirs_exist_ok=True)
    (map_ / "huishoudens.csv").write_text(inhoud, encoding="utf-8")
    try:
        laad_dataset(map_)
    except Gegevensfout as fout:
        assert fout.meldingen and all(m.bestand for m in fout.meldingen)


@settings(max_examples=60, deadline=None)
@given(cel=st.text(max_size=20))
def test_willekeurige_cel_in_buig_geeft_alleen_geldige_gegevens_of_een_melding(
    cel, tmp_path_factory
):
    map_ = tmp_path_factory.mktemp("fuzzcel")
    shutil.copytree(DATA, map_, dirs_exist_ok=True)
    pad = map_ / "buig.csv"
    with pad.open(encoding="utf-8", newline="") as f:
        rijen = list(csv.reader(f))
    rijen[3][6] = cel
    with pad.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rijen)
    try:
        laad_dataset(map_)
    except Gegevensfout as fout:
        assert all(m.bestand for m in fout.meldingen)


@settings(max_examples=40, deadline=None)
@given(ruw=st.binary(max_size=200))
def test_willekeurige_bytes_geven_geen_traceback(ruw, tmp_path_factory):
    map_ = tmp_path_factory.mktemp("fuzzbytes")
    shutil.copytree(DATA, map_, dirs_exist_ok=True)
    (map_ / "lks_personen.csv").write_bytes(ruw)
    try:
        laad_dataset(map_)
    except Gegevensfout as fout:
        assert fout.meldingen
