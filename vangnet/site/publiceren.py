"""Publiceren met versies: één versie per aanvraagjaar, eerdere jaren blijven ongewijzigd.

De versies staan op een git-branch (standaard ``gh-pages``), beheerd met mike, het hulpmiddel
waarvoor de versiekeuze van Material for MkDocs is gemaakt. Publiceren gaat in drie stappen:

1. controleren: gegevens geldig, aanvraag compleet (of bewust als concept);
2. bouwen: site en PDF in een tijdelijke map, met de versiekeuze in de kopregel;
3. vastleggen: pas als de bouw gelukt is, één commit op de branch met de nieuwe versie, de
   alias ``latest`` naar het nieuwste jaar en ``versions.json``.

Een fout in stap 1 of 2 laat de branch ongemoeid. Een jaar dat al gepubliceerd is, wordt alleen
met ``overschrijf=True`` opnieuw gepubliceerd.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from vangnet.meldingen import Gegevensfout
from vangnet.paden import PACKAGE

STANDAARD_BRANCH = "gh-pages"
ALIAS = "latest"
DOORSTUURPAGINA = PACKAGE / "assets" / "mike-index.html"
"""De index.html boven de versies: stuurt door naar latest (Nederlands, werkt zonder JavaScript)."""


class Publicatiefout(Exception):
    """Publiceren kan niet doorgaan; de gepubliceerde versies zijn niet aangeraakt."""


@dataclass(frozen=True)
class Publicatie:
    versie: str
    titel: str
    concept: bool
    commit: str
    versies: tuple[str, ...]


def _git(repo: Path, *args: str) -> str:
    uit = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True)
    if uit.returncode != 0:
        raise Publicatiefout(f"git {' '.join(args)} mislukte: {uit.stderr.strip()}")
    return uit.stdout.strip()


def git_root(map_: Path) -> Path:
    try:
        return Path(_git(map_, "rev-parse", "--show-toplevel"))
    except (Publicatiefout, FileNotFoundError):
        raise Publicatiefout(
            f"{map_} is geen git-repository; publiceren legt de versies vast op een git-branch. "
            "Maak er een repository van met 'git init'."
        ) from None


@contextlib.contextmanager
def _in_map(map_: Path) -> Iterator[None]:
    """mike werkt in de huidige map; zet die tijdelijk en zorg voor een git-auteur."""
    oud = Path.cwd()
    omgeving = {}
    for sleutel, standaard in (("GIT_COMMITTER_NAME", "vangnet"),
                               ("GIT_COMMITTER_EMAIL", "vangnet@localhost"),
                               ("GIT_AUTHOR_NAME", "vangnet"),
                               ("GIT_AUTHOR_EMAIL", "vangnet@localhost")):
        if not os.environ.get(sleutel):
            omgeving[sleutel] = standaard
    os.environ.update(omgeving)
    os.chdir(map_)
    try:
        yield
    finally:
        os.chdir(oud)
        for sleutel in omgeving:
            os.environ.pop(sleutel, None)


def gepubliceerde_versies(repo: Path, branch: str = STANDAARD_BRANCH) -> list[str]:
    from mike import commands

    with _in_map(repo):
        return [str(v.version) for v in commands.list_versions(branch)]


def branch_commit(repo: Path, branch: str = STANDAARD_BRANCH) -> str | None:
    try:
        return _git(repo, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}")
    except Publicatiefout:
        return None


def publiceer(data: Path, *, repo: Path | None = None, branch: str = STANDAARD_BRANCH,
              overschrijf: bool = False, concept: bool = False) -> Publicatie:
    """Controleer, bouw en publiceer het dossier van het aanvraagjaar als versie."""
    from mike import commands
    from mike.git_utils import GitEmptyCommit

    from vangnet.dossier.controle import volledige_controle
    from vangnet.site.bouw import bouw

    data = Path(data).resolve()
    repo = git_root(repo or data)
    rapport = volledige_controle(data)
    if not rapport.in_orde:
        raise Gegevensfout(rapport.fouten)
    reden = rapport.conceptreden
    if reden and not concept:
        raise Publicatiefout(
            f"{reden} Publiceren van een onvolledige aanvraag kan alleen als concept: "
            "gebruik --concept (het dossier krijgt dan op elke pagina het opschrift Concept)."
        )
    from vangnet.data.dataset import laad_dataset

    jaar = str(laad_dataset(data).aanvraagjaar)
    bestaand = gepubliceerde_versies(repo, branch)
    if jaar in bestaand and not overschrijf:
        raise Publicatiefout(
            f"Versie {jaar} is al gepubliceerd; een gepubliceerde versie wordt niet per ongeluk "
            "overschreven. Gebruik --overschrijf als u dat echt wilt."
        )
    titel = f"{jaar} (concept)" if reden else jaar
    nieuwste = max([int(v) for v in bestaand if v.isdigit()] + [int(jaar)])
    aliassen = [ALIAS] if int(jaar) == nieuwste else []

    with tempfile.TemporaryDirectory(prefix="vangnet-publiceer-") as tijdelijk:
        site = Path(tijdelijk) / "site"
        bouw(data, site, pdf=True, versies=True)
        bericht = f"Publiceer dossier {titel}" + (" (overschreven)" if jaar in bestaand else "")
        with _in_map(repo):
            try:
                with commands.deploy({"site_dir": str(site), "use_directory_urls": True}, jaar,
                                     title=titel, aliases=aliassen, update_aliases=True,
                                     alias_type=commands.AliasType.copy, branch=branch,
                                     message=bericht):
                    pass
            except GitEmptyCommit:
                pass
            if aliassen:
                with contextlib.suppress(GitEmptyCommit):
                    commands.set_default(ALIAS, template=str(DOORSTUURPAGINA), branch=branch,
                                         message=f"Standaardversie: {ALIAS}")
    return Publicatie(jaar, titel, bool(reden), branch_commit(repo, branch) or "",
                      tuple(gepubliceerde_versies(repo, branch)))


def exporteer(repo: Path, doel: Path, *, branch: str = STANDAARD_BRANCH,
              als_zip: bool = False) -> Path:
    """De hele site met alle versies als gewone map (of zip) voor elke statische host."""
    repo = git_root(repo)
    if branch_commit(repo, branch) is None:
        raise Publicatiefout(f"De branch '{branch}' bestaat niet; publiceer eerst een versie.")
    doel = Path(doel).resolve()
    with tempfile.TemporaryDirectory(prefix="vangnet-export-") as tijdelijk:
        tar = Path(tijdelijk) / "site.tar"
        _git(repo, "archive", "--format=tar", "-o", str(tar), branch)
        uitgepakt = Path(tijdelijk) / "site"
        uitgepakt.mkdir()
        shutil.unpack_archive(tar, uitgepakt)
        if als_zip:
            doel.parent.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as z:
                for pad in sorted(uitgepakt.rglob("*")):
                    if pad.is_file():
                        info = zipfile.ZipInfo(str(pad.relative_to(uitgepakt)),
                                               date_time=(1980, 1, 1, 0, 0, 0))
                        info.compress_type = zipfile.ZIP_DEFLATED
                        z.writestr(info, pad.read_bytes())
            return doel
        if doel.exists():
            shutil.rmtree(doel)
        shutil.copytree(uitgepakt, doel)
    return doel

