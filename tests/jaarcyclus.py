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
from vangnet.site.bouw import bouw
from vangnet.site.publiceren import (
    Publicatiefout,
    branch_commit,
    exporteer,
    gepubliceerde_versies,
    publiceer,
)

from conftest import DATA, PROJECT
from hulp import wijzig_csv

BERGWAARD = PROJECT / "tests" / "fixtures" / "bergwaard"
FIXTURE = yaml.safe_load((Path(__file__).parent / "fixtures" / "jaar2026.yaml").read_text())


def _pdftekst(repo: Path, object_: str) -> str:
    """De tekst van een PDF op de publicatiebranch (pdftotext)."""
    pdf = subprocess.run(["git", "-C", str(repo), "show", object_], capture_output=True,
                         check=True).stdout
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode("utf-8")


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
    # nalezen wat nieuw-jaar als te herzien markeerde: bronnen en eigen teksten
    for pad in data.glob("*.csv"):
        tekst = pad.read_text(encoding="utf-8-sig")
        if "TE HERZIEN: " in tekst:
            pad.write_text(tekst.replace("TE HERZIEN: ", ""), encoding="utf-8")
    for pad in (data / "teksten").glob("*.md"):
        pad.write_text(re.sub(r"^herzien: \d{4}$", "herzien: 2026",
                              pad.read_text(encoding="utf-8"), count=1, flags=re.M),
                       encoding="utf-8")
    for bestand, inhoud in FIXTURE.get("bestanden", {}).items():
        (data / bestand).write_text(inhoud, encoding="utf-8")
    for bestand, waarden in FIXTURE["yaml"].items():
        pad = data / bestand
        tekst = pad.read_text(encoding="utf-8")
        for sleutel, waarde in waarden.items():
            tekst = re.sub(rf"^(\s*{sleutel}:).*$", rf"\g<1> {waarde}", tekst, count=1,
                           flags=re.M)
        pad.write_text(tekst, encoding="utf-8")



def commit(repo: Path, bericht: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", bericht)


def publiceer_zoals_vroeger(repo: Path, data: Path) -> None:
    """Zoals vangnet vóór de indeling per gemeente publiceerde: de versie in de wortel van de
    branch (mike zonder deploy_prefix), met latest en een doorverwijzende startpagina."""
    from mike import commands

    from vangnet.site.bouw import bouw
    from vangnet.site.publiceren import ALIAS, DOORSTUURPAGINA, _in_map

    site = repo.parent / "oude-site"
    bouw(data, site, pdf=True, versies=True)
    with _in_map(repo):
        with commands.deploy({"site_dir": str(site), "use_directory_urls": True}, "2025",
                             title="2025 (concept)", aliases=[ALIAS], update_aliases=True,
                             alias_type=commands.AliasType.copy, branch="gh-pages",
                             message="Publiceer dossier 2025 (concept)"):
            pass
        commands.set_default(ALIAS, template=str(DOORSTUURPAGINA), branch="gh-pages")


def doorloop(map_: Path) -> dict[str, Any]:
    """Voer de cyclus uit in een nieuwe git-repository in ``map_`` en leg alles vast."""
    w: dict[str, Any] = {"repo": map_}
    map_.mkdir(parents=True, exist_ok=True)
    git(map_, "init", "-q", "-b", "main")
    git(map_, "config", "user.name", "Test")
    git(map_, "config", "user.email", "test@example.invalid")
    data = map_ / "data"
    shutil.copytree(DATA, data)
    commit(map_, "Gegevens 2025")

    try:
        publiceer(data)
    except Publicatiefout as fout:
        w["onvolledig_geweigerd"] = str(fout)
    w["branch_na_weigering"] = branch_commit(map_)

    # 2025 zoals een eerdere versie van vangnet het publiceerde: in de wortel van de branch
    publiceer_zoals_vroeger(map_, data)
    w["oud_2025"] = bestanden_van(map_, "2025")
    w["oude_startpagina"] = git(map_, "show", "gh-pages:index.html")
    voor = branch_commit(map_)
    try:
        publiceer(data, concept=True)
    except Publicatiefout as fout:
        w["dubbel_geweigerd"] = str(fout)
    w["branch_na_dubbel"] = (voor, branch_commit(map_))

    w["stappen_2026"] = nieuw_jaar(data, 2026)
    w["open_2026_leeg"] = [str(p) for p in volledige_controle(data).open_punten]
    w["huishoudens_2026"] = (data / "huishoudens.csv").read_text(encoding="utf-8-sig")
    concept = map_.parent / "concept-2026"
    bouw(data, concept, pdf=False)
    w["concept_2026"] = {str(p.parent.relative_to(concept)): p.read_text(encoding="utf-8")
                         for p in concept.rglob("index.html")}
    voor = branch_commit(map_)
    try:
        publiceer(data)
    except Publicatiefout as fout:
        w["weigering_vuil"] = str(fout)
    commit(map_, "Nieuw jaar 2026, nog niet ingevuld")
    try:
        publiceer(data)
    except (Gegevensfout, Publicatiefout) as fout:
        w["weigering_2026_leeg"] = str(fout)
    w["branch_na_lege_2026"] = (voor, branch_commit(map_))
    vul_in(data)
    w["rest_markeringen"] = "".join(p.read_text(encoding="utf-8") for p in data.glob("*.*"))
    commit(map_, "Gegevens 2026")
    w["tweede"] = publiceer(data)
    w["versies"] = {v["version"]: v for v in json.loads(git(map_, "show",
                                                           "gh-pages:zevenaar/versions.json"))}
    w["bestanden_2025_na"] = bestanden_van(map_, "zevenaar/2025")
    w["bestanden_2026"] = bestanden_van(map_, "zevenaar/2026")
    w["bestanden_latest"] = bestanden_van(map_, "zevenaar/latest")
    w["oud_2025_na"] = bestanden_van(map_, "2025")
    w["doorverwijzing_2025"] = git(map_, "show", "gh-pages:2025/dossier/tekort/index.html")
    for jaar in ("2025", "2026"):
        w[f"tekort_{jaar}"] = git(map_, "show",
                                  f"gh-pages:zevenaar/{jaar}/dossier/tekort/index.html")
    w["index_2026"] = git(map_, "show", "gh-pages:zevenaar/2026/index.html")
    w["pdf_2026"] = {naam: _pdftekst(map_, f"gh-pages:zevenaar/2026/pdf/{naam}")
                     for naam in ("vangnet-zevenaar-2026.pdf",
                                  "vangnet-zevenaar-2026-aanvraagformulier.pdf")}

    # een tweede gemeente in dezelfde repository
    zevenaar_voor = bestanden_van(map_, "zevenaar")
    bergwaard = map_ / "bergwaard"
    shutil.copytree(BERGWAARD, bergwaard)
    commit(map_, "Gegevens Bergwaard")
    w["bergwaard"] = publiceer(bergwaard, concept=True)
    w["zevenaar_na_bergwaard"] = (zevenaar_voor, bestanden_van(map_, "zevenaar"))
    w["startpagina"] = git(map_, "show", "gh-pages:index.html")
    (bergwaard / "maatregelen.csv").write_text(
        (bergwaard / "maatregelen.csv").read_text(encoding="utf-8") + "B3,Nieuw,Nog niet "
        "vastgelegd.,intern,toegezegd,,,,kwalitatief,Werkdocument,2026\n", encoding="utf-8")
    try:
        publiceer(bergwaard, concept=True, overschrijf=True)
    except Publicatiefout as fout:
        w["bergwaard_vuil_geweigerd"] = str(fout)
    w["bergwaard_ongecommit"] = publiceer(bergwaard, concept=True, overschrijf=True,
                                          ongecommit=True)
    w["bergwaard_index"] = git(map_, "show", "gh-pages:bergwaard/2025/index.html")
    git(map_, "checkout", "-q", "--", "bergwaard")

    voor = branch_commit(map_)
    nieuw_jaar(data, 2027)
    commit(map_, "Nieuw jaar 2027, kapot")
    w["publiceer_2027_afsluitcode"] = main(["publiceer", "--data", str(data)])
    w["branch_na_2027"] = (voor, branch_commit(map_))
    w["versies_na_2027"] = sorted(gepubliceerde_versies(map_, prefix="zevenaar"))
    w["export"] = exporteer(map_, map_.parent / "export")
    w["zip"] = exporteer(map_, map_.parent / "site.zip", als_zip=True)
    return w
