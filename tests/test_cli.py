"""De opdrachtregel zoals een gebruiker hem aanroept (in een apart proces)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import DATA
from hulp import zet_cel

VERPLICHTE_SLEUTELS = {"gemeente", "jaar", "budget", "kosten", "resultaat", "tekort_pct",
                       "drempel_pct", "regime", "in_aanmerking", "vangnetuitkering"}


def vangnet(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vangnet.cli", *args], capture_output=True,
                          text=True, timeout=120)


def test_check_op_de_ingebedde_gegevens_is_in_orde():
    uit = vangnet("check", "--data", str(DATA))
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "Uitkomst: de gegevens zijn in orde." in uit.stdout
    assert "bronvergelijking" in uit.stdout


def test_check_faalt_duidelijk_op_een_kapotte_kopie(datakopie: Path):
    zet_cel(datakopie / "buig.csv", {"jaar": "2024"}, "kosten", "€ 13.950.000")
    uit = vangnet("check", "--data", str(datakopie))
    assert uit.returncode == 1
    assert "buig.csv, rij 5, kolom 'kosten'" in uit.stdout
    assert "euroteken" in uit.stdout
    assert "Traceback" not in uit.stdout + uit.stderr


def test_bereken_json_geeft_de_uitkomst_van_het_rapport():
    uit = vangnet("bereken", "--data", str(DATA), "--json")
    assert uit.returncode == 0, uit.stderr
    resultaat = json.loads(uit.stdout)
    assert resultaat.keys() >= VERPLICHTE_SLEUTELS
    assert resultaat["gemeente"] == "Zevenaar"
    assert resultaat["jaar"] == 2025
    assert resultaat["regime"] == "uitgebreid"
    assert resultaat["drempel_pct"] == 5.0
    assert resultaat["in_aanmerking"] is True
    assert round(resultaat["tekort_pct"], 2) == 5.58
    assert round(resultaat["resultaat"], -3) == -791000
    assert abs(resultaat["vangnetuitkering"] - 41075) <= 250.5


def test_bereken_voor_een_ander_jaar_gebruikt_alleen_het_reguliere_vangnet():
    uit = vangnet("bereken", "--data", str(DATA), "--jaar", "2023", "--json")
    resultaat = json.loads(uit.stdout)
    assert resultaat["regime"] == "regulier"
    assert resultaat["regimes"]["uitgebreid"]["van_toepassing"] is False
    # 2023: 9,2% tekort, 2021–2023 samen ruim boven 7,5%: (9,17% − 7,5%) × budget × 50%
    assert resultaat["in_aanmerking"] is True
    assert round(resultaat["vangnetuitkering"], -2) == round(
        (1084000 / 11823000 - 0.075) * 11823000 * 0.5, -2)


def test_bereken_als_tekst_legt_elke_stap_uit():
    uit = vangnet("bereken", "--data", str(DATA))
    assert uit.returncode == 0
    for stuk in ("Toets regulier vangnet", "Toets uitgebreid vangnet", "niet in aanmerking",
                 "(5,5810% − 5,0%) × € 14.176.798 × 50%"):
        assert stuk in uit.stdout.replace("\u00a0", " ")


def test_uitleg_van_een_cijfer_noemt_formule_bron_en_regel():
    uit = vangnet("uitleg", "--data", str(DATA), "vangnet.uitkering.2025")
    tekst = uit.stdout.replace("\u00a0", " ")
    assert uit.returncode == 0
    assert "gegevensbestand buig.csv, regel 6, kolom kosten" in tekst
    assert "Stb. 2025, 222" in tekst
    assert "(5,5810% − 5,0%) × € 14.176.798 × 50%" in tekst


def test_uitleg_van_een_onbekend_cijfer_geeft_suggesties():
    uit = vangnet("uitleg", "--data", str(DATA), "vangnet.uitkering")
    assert uit.returncode == 1
    assert "vangnet.uitkering.2025" in uit.stderr


def test_ontbrekende_gegevensmap():
    uit = vangnet("check", "--data", "/bestaat/niet")
    assert uit.returncode == 1
    assert "bestaat niet" in uit.stdout


ENGELSE_ARGPARSE_WOORDEN = ("usage:", "options:", "positional arguments", "show this help",
                            "error:", "invalid", "required", "unrecognized", "expected")


def test_hulpteksten_zijn_nederlands():
    for args in (["--help"], ["bereken", "--help"], ["nieuw-jaar", "--help"]):
        uit = vangnet(*args)
        assert uit.returncode == 0
        assert uit.stdout.startswith("gebruik: vangnet")
        assert "toon deze hulp en stop" in uit.stdout
        for woord in ENGELSE_ARGPARSE_WOORDEN:
            assert woord not in uit.stdout, (args, woord)


def test_verkeerd_gebruik_geeft_een_nederlandse_melding():
    gevallen = {
        ("bereken", "--jaar", "abc"): "--jaar: 'abc' is geen jaartal",
        ("foo",): "onbekende keuze 'foo' (kies uit 'check'",
        ("check", "--onzin"): "onbekende argumenten: --onzin",
        ("nieuw-jaar",): "deze argumenten ontbreken: JAAR",
        ("check", "--data"): "--data: hier hoort één waarde bij",
    }
    for args, melding in gevallen.items():
        uit = vangnet(*args)
        assert uit.returncode == 2, args
        assert melding in uit.stderr, (args, uit.stderr)
        assert "fout:" in uit.stderr and "Traceback" not in uit.stderr
        for woord in ENGELSE_ARGPARSE_WOORDEN:
            assert woord not in uit.stderr, (args, woord, uit.stderr)


# -- afsluitcodes: 0, 1, 2 of 3, altijd met een Nederlandse melding --------------------------------

def test_een_gesloten_pijp_eindigt_stil_met_nul():
    """``vangnet bereken ... | head``: de lezer stopt, vangnet ook, zonder melding."""
    proces = subprocess.Popen(
        [sys.executable, "-m", "vangnet.cli", "bereken", "--alle-jaren", "--data",
         *[str(DATA)] * 40], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proces.stdout is not None and proces.stderr is not None
    eerste = proces.stdout.read(20)
    proces.stdout.close()
    fout = proces.stderr.read().decode("utf-8")
    assert proces.wait(timeout=120) == 0
    assert eerste.startswith(b'{"gemeente"')
    assert fout == ""


def test_een_interne_fout_geeft_drie_en_zegt_wat_te_melden(monkeypatch, capsys):
    from vangnet import cli

    def kapot(args):
        raise RuntimeError("iets onverwachts")

    monkeypatch.setattr(cli, "opdracht_check", kapot)
    assert cli.main(["check", "--data", str(DATA)]) == 3
    fout = capsys.readouterr().err
    assert fout.startswith("Interne fout in vangnet: RuntimeError: iets onverwachts\n")
    assert ("Dit is geen fout in uw gegevens maar in vangnet zelf. Meld het aan de beheerders"
            in fout)
    assert "vangnet --debug check ..." in fout
    assert "Traceback" not in fout


def test_exit_100_van_mkdocs_macros_wordt_de_oorzaak(monkeypatch, capsys):
    """mkdocs-macros stopt met exit(100) binnen de uitzondering; de melding is die oorzaak."""
    from vangnet import cli
    from vangnet.meldingen import Gegevensfout, Melding, Sjabloonfout

    def macrofout(oorzaak):
        def opdracht(args):
            try:
                raise oorzaak
            except Exception:
                exit(100)
        return opdracht

    monkeypatch.setattr(cli, "opdracht_bouw", macrofout(Gegevensfout([Melding(
        "teksten/oorzaken.beheer.md", "de tekst verwijst naar het cijfer 'x', maar dat bestaat "
        "niet in dit dossier.")])))
    assert cli.main(["bouw", "--data", str(DATA)]) == 1
    assert ("- teksten/oorzaken.beheer.md: de tekst verwijst naar het cijfer 'x', maar dat "
            "bestaat niet in dit dossier.") in capsys.readouterr().err

    monkeypatch.setattr(cli, "opdracht_bouw", macrofout(Sjabloonfout(Melding(
        "docs/dossier/oorzaken.md", "de pagina verwijst naar het cijfer 'kengetal.x', maar dat "
        "bestaat niet in dit dossier."))))
    assert cli.main(["bouw", "--data", str(DATA)]) == 3
    fout = capsys.readouterr().err
    assert ("Interne fout in vangnet: docs/dossier/oorzaken.md: de pagina verwijst naar het "
            "cijfer 'kengetal.x', maar dat bestaat niet in dit dossier.") in fout

    monkeypatch.setattr(cli, "opdracht_bouw", lambda args: exit(100))
    assert cli.main(["bouw", "--data", str(DATA)]) == 3
    assert "de bouw stopte met code 100" in capsys.readouterr().err


def test_debug_toont_de_traceback_van_een_fout_in_een_pagina(monkeypatch, capsys):
    """Met --debug ziet een ontwikkelaar waar het misging, niet een stille exit 100."""
    from vangnet import cli

    def opdracht(args):
        try:
            raise ValueError("kapotte sjabloon in docs/x.md")
        except Exception:
            exit(100)

    monkeypatch.setattr(cli, "opdracht_bouw", opdracht)
    assert cli.main(["--debug", "bouw", "--data", str(DATA)]) == 3
    fout = capsys.readouterr().err
    assert "Traceback" in fout and "ValueError: kapotte sjabloon in docs/x.md" in fout


def test_een_map_die_niet_te_maken_is_is_verkeerd_gebruik(tmp_path: Path):
    """Een pad dat niet kan (hier: onder een bestand) geeft 2 en een Nederlandse melding."""
    bestand = tmp_path / "een-bestand"
    bestand.write_text("geen map", encoding="utf-8")
    uit = vangnet("nieuw-dossier", "--data", str(bestand / "nieuw"), "--gemeente", "Duinhaven",
                  "--jaar", "2025")
    assert uit.returncode == 2, uit.stdout + uit.stderr
    assert uit.stderr.startswith(f"Kan '{bestand / 'nieuw'}' niet gebruiken: een deel van het "
                                 "pad is geen map."), uit.stderr
    assert "Traceback" not in uit.stderr


def test_bouw_noemt_elk_bestand_om_af_te_drukken(monkeypatch, capsys, tmp_path: Path):
    """Na de bouw ziet de gebruiker waar de drie PDF's en het Word-bestand staan, niet één."""
    from vangnet import cli
    from vangnet.site import bouw as bouwmodule

    namen = {"dossier": "d.pdf", "brief": "b.pdf", "brief-word": "b.docx", "formulier": "f.pdf"}
    bestanden = {soort: tmp_path / naam for soort, naam in namen.items()}
    monkeypatch.setattr(bouwmodule, "bouw", lambda data, uit, pdf: bouwmodule.Bouwresultaat(
        tmp_path, 1.0, 2.0, bestanden["dossier"], bestanden))
    assert cli.main(["bouw", "--data", str(DATA), "--uit", str(tmp_path)]) == 0
    uit = capsys.readouterr().out
    for pad in bestanden.values():
        assert str(pad) in uit
