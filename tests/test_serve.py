"""``vangnet serve`` met fouten in de gegevens: een Nederlandse foutpagina en herstel.

Het live voorbeeld draait in een eigen proces op een vrije poort, met een kopie van een dossier.
Een kapot gegevensbestand geeft in de browser een leesbare foutpagina met de meldingen (en
dezelfde meldingen in de terminal), geen Engelse traceback en geen browser die blijft wachten;
na het herstellen van het bestand staat het dossier er weer.
"""

from __future__ import annotations

import html
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import PROJECT

BERGWAARD = PROJECT / "tests" / "fixtures" / "bergwaard"
MELDING = ("buig.csv, rij 5, kolom 'budget': € 20.000 is ongeveer 1.000 keer zo klein als in de "
           "jaren ernaast (2023: € 18.500.000, 2024: € 19.000.000).")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pagina(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as antwoord:
            return html.unescape(antwoord.read().decode("utf-8")).replace("\u00a0", " ")
    except OSError:
        return ""


def _wacht_op(url: str, voorwaarde, seconden: float = 90) -> str:
    """Vraag de pagina op tot ``voorwaarde(inhoud)`` klopt (begrensd in tijd)."""
    einde = time.monotonic() + seconden
    inhoud = ""
    while time.monotonic() < einde:
        inhoud = _pagina(url)
        if voorwaarde(inhoud):
            return inhoud
        time.sleep(0.5)
    pytest.fail(f"{url} toonde na {seconden} s nog niet het verwachte; laatste inhoud:\n"
                f"{inhoud[:2000]}")


@pytest.fixture
def serve(tmp_path: Path):
    """Start ``vangnet serve`` op een kopie van Bergwaard; geeft (map, url, uitvoer)."""
    data = tmp_path / "bergwaard"
    shutil.copytree(BERGWAARD, data)
    poort = _vrije_poort()
    log = tmp_path / "serve.log"
    omgeving = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as uit:
        proces = subprocess.Popen(
            [sys.executable, "-m", "vangnet.cli", "serve", "--data", str(data), "--adres",
             f"127.0.0.1:{poort}"], cwd=tmp_path, stdout=uit, stderr=subprocess.STDOUT,
            env=omgeving)
    try:
        yield data, f"http://127.0.0.1:{poort}/", log
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait(timeout=30)


def test_serve_toont_een_gegevensfout_en_herstelt(serve):
    data, url, log = serve
    pagina = url + "dossier/tekort/"
    _wacht_op(pagina, lambda t: "Vangnetuitkering Bergwaard 2025" in t)

    buig = data / "buig.csv"
    goed = buig.read_text(encoding="utf-8")
    buig.write_text(goed.replace("2025,definitief,ongecontroleerd,20000000,",
                                 "2025,definitief,ongecontroleerd,20000,"), encoding="utf-8")
    fout = _wacht_op(pagina, lambda t: "De gegevens bevatten fouten" in t)
    assert MELDING in fout
    assert "Traceback" not in fout

    buig.write_text(goed, encoding="utf-8")
    hersteld = _wacht_op(pagina, lambda t: "De gegevens bevatten fouten" not in t
                         and "Vangnetuitkering Bergwaard 2025" in t)
    assert MELDING not in hersteld

    terminal = log.read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "vangnet: de gegevens in" in terminal and MELDING in terminal
    assert "vangnet: de gegevens zijn weer in orde" in terminal
    assert "Traceback" not in terminal


def test_serve_begint_ook_met_kapotte_gegevens(tmp_path: Path):
    """Al bij het starten kapot: de foutpagina, en na herstel het dossier."""
    data = tmp_path / "bergwaard"
    shutil.copytree(BERGWAARD, data)
    teksten = data / "teksten"
    teksten.mkdir()
    tekst = teksten / "oorzaken.conclusie.md"
    tekst.write_text('Het tekort was {{ cijfer("buig.tekort", t }}.\n', encoding="utf-8")
    poort = _vrije_poort()
    proces = subprocess.Popen(
        [sys.executable, "-m", "vangnet.cli", "serve", "--data", str(data), "--adres",
         f"127.0.0.1:{poort}"], cwd=tmp_path, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        url = f"http://127.0.0.1:{poort}/dossier/oorzaken/"
        fout = _wacht_op(url, lambda t: "De gegevens bevatten fouten" in t)
        assert ("teksten/oorzaken.conclusie.md, rij 1: de macro's in de tekst zijn niet geldig "
                "(er ontbreekt een sluithaakje ')').") in fout
        tekst.write_text('Het tekort was {{ cijfer("buig.tekort", t) }}.\n', encoding="utf-8")
        hersteld = _wacht_op(url, lambda t: "Het tekort was" in t)
        assert "De gegevens bevatten fouten" not in hersteld
    finally:
        proces.terminate()
        proces.wait(timeout=30)


def test_serve_met_een_map_die_niet_bestaat_stopt_met_een_melding(tmp_path: Path):
    uit = subprocess.run([sys.executable, "-m", "vangnet.cli", "serve", "--data",
                          str(tmp_path / "bestaat-niet")], capture_output=True, text=True,
                         timeout=120)
    assert uit.returncode == 1
    assert "de dossiermap bestaat niet" in uit.stderr
    assert "Traceback" not in uit.stderr


def test_een_gewone_bouw_na_serve_in_hetzelfde_proces_is_geen_serve():
    """MkDocs bewaart een plugin met on_startup voor het hele proces; een bouw na serve mag
    niet meer als serve gelden (dan zou een mislukte bouw een foutpagina worden)."""
    from types import SimpleNamespace

    from vangnet.site.plugin import VangnetPlugin, onder_serve

    plugin = VangnetPlugin()
    config = SimpleNamespace(plugins={"vangnet": plugin})
    assert not onder_serve(config)
    plugin.on_startup(command="serve", dirty=False)
    assert onder_serve(config)
    plugin.on_shutdown()
    assert not onder_serve(config)
