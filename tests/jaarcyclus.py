"""De jaarcyclus van publiceren, één keer per testsessie uitgevoerd (zie test_publiceren.py)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from vangnet.cli import main
from vangnet.data.nieuwjaar import nieuw_jaar
from vangnet.dossier.controle import volledige_controle
from vangnet.meldingen import Gegevensfout
from vangnet.site.publiceren import (
    Publicatiefout,
    branch_commit,
    exporteer,
    gepubliceerde_versies,
    publiceer,
)

from conftest import DATA
from hulp import wijzig_csv

FIXTURE = yaml.safe_load((Path(__file__).parent / "fixtures" / "jaar2026.yaml").read_text())


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          check=True).stdout


def bestanden_van(repo: Path, map_: str) -> dict[str, str]:
    """Per bestand op de publicatiebranch onder ``map_``: de git-hash van de inhoud."""
    uit = git(repo, "ls-tree", "-r", "gh-pages", "--", map_)
    return {regel.split("\t")[1]: regel.split()[2] for regel in uit.splitlines()}


def vul_in(data: Path) -> None:
    for bestand, regels in FIXTURE["csv"].items():
        for regel in regels:
            def aanpassen(rijen, regel=regel, bestand=bestand):
                geraakt = 0
                for rij in rijen:
                    if all(rij[k] == v for k, v in regel["waar"].items()):
                        rij.update({k: str(v) for k, v in regel["zet"].items()})
                        geraakt += 1
                assert geraakt, (bestand, regel["waar"])
                return rijen
            wijzig_csv(data / bestand, aanpassen)
    for bestand, inhoud in FIXTURE.get("bestanden", {}).items():
        (data / bestand).write_text(inhoud, encoding="utf-8")
    for bestand, waarden in FIXTURE["yaml"].items():
        pad = data / bestand
        tekst = pad.read_text(encoding="utf-8")
        for sleutel, waarde in waarden.items():
            tekst = re.sub(rf"^(\s*{sleutel}:).*$", rf"\g<1> {waarde}", tekst, count=1,
                           flags=re.M)
        pad.write_text(tekst, encoding="utf-8")



def doorloop(map_: Path) -> dict[str, Any]:
    """Voer de cyclus uit in een nieuwe git-repository in ``map_`` en leg alles vast."""
    w: dict[str, Any] = {"repo": map_}
    map_.mkdir(parents=True, exist_ok=True)
    git(map_, "init", "-q", "-b", "main")
    git(map_, "config", "user.name", "Test")
    git(map_, "config", "user.email", "test@example.invalid")
    data = map_ / "data"
    shutil.copytree(DATA, data)
    git(map_, "add", "-A")
    git(map_, "commit", "-q", "-m", "Gegevens 2025")

    try:
        publiceer(data)
    except Publicatiefout as fout:
        w["onvolledig_geweigerd"] = str(fout)
    w["branch_na_weigering"] = branch_commit(map_)
    w["eerste"] = publiceer(data, concept=True)
    w["versies_na_2025"] = json.loads(git(map_, "show", "gh-pages:versions.json"))
    w["bestanden_2025_voor"] = bestanden_van(map_, "2025")
    commit = branch_commit(map_)
    try:
        publiceer(data, concept=True)
    except Publicatiefout as fout:
        w["dubbel_geweigerd"] = str(fout)
    w["branch_na_dubbel"] = (commit, branch_commit(map_))

    w["stappen_2026"] = nieuw_jaar(data, 2026)
    w["open_2026_leeg"] = [str(p) for p in volledige_controle(data).open_punten]
    try:
        publiceer(data)
    except (Gegevensfout, Publicatiefout) as fout:
        w["weigering_2026_leeg"] = str(fout)
    w["branch_na_lege_2026"] = (commit, branch_commit(map_))
    vul_in(data)
    w["rest_markeringen"] = "".join(p.read_text(encoding="utf-8") for p in data.glob("*.*"))
    w["tweede"] = publiceer(data)
    w["versies"] = {v["version"]: v for v in json.loads(git(map_, "show",
                                                           "gh-pages:versions.json"))}
    w["bestanden_2025_na"] = bestanden_van(map_, "2025")
    w["bestanden_2026"] = bestanden_van(map_, "2026")
    w["bestanden_latest"] = bestanden_van(map_, "latest")
    for jaar in ("2025", "2026"):
        w[f"tekort_{jaar}"] = git(map_, "show", f"gh-pages:{jaar}/dossier/tekort/index.html")
    w["index_2026"] = git(map_, "show", "gh-pages:2026/index.html")

    commit = branch_commit(map_)
    nieuw_jaar(data, 2027)
    w["publiceer_2027_afsluitcode"] = main(["publiceer", "--data", str(data)])
    w["branch_na_2027"] = (commit, branch_commit(map_))
    w["versies_na_2027"] = sorted(gepubliceerde_versies(map_))
    w["export"] = exporteer(map_, map_.parent / "export")
    w["zip"] = exporteer(map_, map_.parent / "site.zip", als_zip=True)
    return w
