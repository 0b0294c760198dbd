"""Publiceren met versies: per gemeente één versie per aanvraagjaar; eerdere jaren en andere
gemeenten blijven ongewijzigd.

De versies staan op een git-branch (standaard ``gh-pages``), beheerd met mike, het hulpmiddel
waarvoor de versiekeuze van Material for MkDocs is gemaakt. Elke gemeente heeft een eigen map
op die branch (``zevenaar/2025/``, ``zevenaar/latest/``, ``bergwaard/2025/``; mike's
``deploy_prefix``), zodat de ene gemeente nooit een versie van de andere kan overschrijven. De
startpagina van de branch noemt de gemeenten.

Publiceren gaat in vier stappen:

1. controleren: de dossiermap is vastgelegd in git (anders alleen met ``ongecommit=True``, en
   dan zegt het colofon dat), de gegevens zijn geldig en de aanvraag is compleet (of bewust als
   concept);
2. bouwen: site en PDF in een tijdelijke map, met de versiekeuze in de kopregel en een colofon
   met de commit van de gegevens;
3. vastleggen: pas als de bouw gelukt is, de nieuwe versie onder de map van de gemeente, de
   alias ``latest`` naar het nieuwste jaar en ``versions.json`` van die gemeente;
4. de startpagina van de branch bijwerken.

Versies die vóór de indeling per gemeente in de wortel van de branch stonden (``2025/``), gaan
bij de eerste publicatie van hun gemeente ongewijzigd naar de map van die gemeente; op hun oude
plaats komt voor elke pagina een doorverwijzing, zodat oude links blijven werken.

Een fout in stap 1 of 2 laat de branch ongemoeid. Een jaar dat al gepubliceerd is, wordt alleen
met ``overschrijf=True`` opnieuw gepubliceerd.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import json
import os
import posixpath
import re
import shutil
import subprocess
import tarfile
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
    gemeente: str = ""
    map: str = ""
    """De map van de gemeente op de branch, bijvoorbeeld ``zevenaar``."""
    gegevenscommit: str = ""
    ongecommit: bool = False


def gemeentemap(naam: str) -> str:
    """De map van een gemeente op de publicatiebranch: ``Súdwest-Fryslân`` → ``sudwest-fryslan``."""
    import unicodedata

    zonder = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    map_ = re.sub(r"[^a-z0-9]+", "-", zonder.lower()).strip("-")
    if not map_:
        raise Publicatiefout(f"Van de naam '{naam}' is geen mapnaam te maken.")
    return map_


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


def gepubliceerde_versies(repo: Path, branch: str = STANDAARD_BRANCH,
                          prefix: str = "") -> list[str]:
    """De versies op de branch, voor één gemeente (``prefix``) of, zonder, in de wortel."""
    from mike import commands

    with _in_map(repo):
        return [str(v.version) for v in commands.list_versions(branch, prefix)]


def gepubliceerde_gemeenten(repo: Path, branch: str = STANDAARD_BRANCH) -> dict[str, str]:
    """Per map op de branch met eigen versies: de naam van de gemeente (uit de titel)."""
    if branch_commit(repo, branch) is None:
        return {}
    uit = {}
    for regel in _git(repo, "ls-tree", branch).splitlines():
        soort, naam = regel.split()[1], regel.split("\t")[-1]
        if soort == "tree" and _bestaat(repo, branch, f"{naam}/versions.json"):
            uit[naam] = _gemeente_van(repo, branch, naam) or naam
    return uit


def _bestaat(repo: Path, branch: str, pad: str) -> bool:
    try:
        _git(repo, "cat-file", "-e", f"{branch}:{pad}")
    except Publicatiefout:
        return False
    return True


def _lees(repo: Path, branch: str, pad: str) -> str:
    return _git(repo, "show", f"{branch}:{pad}")


_TITEL = re.compile(r"<title>[^<]*?Vangnetuitkering (.+?) (\d{4})\s*</title>", re.S)


def _gemeente_van(repo: Path, branch: str, map_: str) -> str | None:
    """De gemeente van een gepubliceerde versie of gemeentemap, uit de titel van de pagina."""
    kandidaten = [f"{map_}/index.html"]
    if _bestaat(repo, branch, f"{map_}/versions.json"):
        versies = json.loads(_lees(repo, branch, f"{map_}/versions.json"))
        kandidaten = [f"{map_}/{v['version']}/index.html" for v in versies] + kandidaten
    for pad in kandidaten:
        if _bestaat(repo, branch, pad):
            m = _TITEL.search(html.unescape(_lees(repo, branch, pad)))
            if m:
                return m.group(1)
    return None


_DOORVERWIJZING = """<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>Deze pagina is verhuisd</title>
  <link rel="canonical" href="{doel}">
  <meta http-equiv="refresh" content="0; url={doel}">
</head>
<body>
  <p>Deze pagina staat nu op <a href="{doel}">een nieuw adres</a>.</p>
</body>
</html>
"""


def _oude_versies(repo: Path, branch: str, gemeente: str) -> tuple[list[dict], list[dict]]:
    """De versies in de wortel van de branch (van vóór de indeling per gemeente): die van
    ``gemeente`` en de rest."""
    if branch_commit(repo, branch) is None or not _bestaat(repo, branch, "versions.json"):
        return [], []
    wortel = json.loads(_lees(repo, branch, "versions.json"))
    eigen = [v for v in wortel if _gemeente_van(repo, branch, v["version"]) == gemeente]
    return eigen, [v for v in wortel if v not in eigen]


def _migreer_oude_versies(repo: Path, branch: str, prefix: str, gemeente: str) -> list[str]:
    """Zet versies van ``gemeente`` die nog in de wortel van de branch staan onder ``prefix``.

    De bestanden gaan ongewijzigd mee; op de oude plaats komt voor elke HTML-pagina een
    doorverwijzing naar de nieuwe, andere bestanden (PDF, afbeeldingen) blijven staan zodat
    ook directe links naar een PDF blijven werken. Geeft de verplaatste versies terug.
    """
    from mike import git_utils

    eigen, rest = _oude_versies(repo, branch, gemeente)
    if not eigen:
        return []
    with _in_map(repo), git_utils.Commit(
            branch, f"Versies van {gemeente} naar de map {prefix}/ (oude adressen verwijzen door)"
    ) as commit:
        for versie in eigen:
            for map_ in (versie["version"], *versie["aliases"]):
                for bestand in git_utils.walk_files(branch, map_):
                    nieuw = posixpath.join(prefix, bestand.path)
                    commit.add_file(git_utils.FileInfo(nieuw, bestand.data, bestand.mode))
                    if bestand.path.endswith(".html"):
                        doel = posixpath.relpath(nieuw, posixpath.dirname(bestand.path))
                        commit.add_file(git_utils.FileInfo(
                            bestand.path, _DOORVERWIJZING.format(doel=html.escape(doel))))
        commit.add_file(git_utils.FileInfo(f"{prefix}/versions.json",
                                           json.dumps(eigen, indent=2) + "\n"))
        if rest:
            commit.add_file(git_utils.FileInfo("versions.json", json.dumps(rest, indent=2) + "\n"))
        else:
            commit.delete_files(["versions.json"])
    return [v["version"] for v in eigen]


def _startpagina(gemeenten: dict[str, str]) -> str:
    """De startpagina van de branch: de gemeenten met een gepubliceerd dossier."""
    regels = "\n".join(
        f'    <li><a href="{html.escape(map_)}/">{html.escape(naam)}</a></li>'
        for map_, naam in sorted(gemeenten.items(), key=lambda x: x[1].lower()))
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Dossiers vangnetuitkering</title>
  <style>body{{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;
  line-height:1.5}}a{{color:#1d4f91}}a:focus{{outline:3px solid #1d4f91;outline-offset:2px}}</style>
</head>
<body>
  <main>
  <h1>Dossiers vangnetuitkering</h1>
  <p>Per gemeente het dossier bij de aanvraag van een vangnetuitkering Participatiewet, met alle
  gepubliceerde jaren.</p>
  <ul>
{regels}
  </ul>
  </main>
</body>
</html>
"""


def _werk_startpagina_bij(repo: Path, branch: str) -> None:
    from mike import git_utils
    from mike.git_utils import GitEmptyCommit

    gemeenten = gepubliceerde_gemeenten(repo, branch)
    if not gemeenten:
        return
    with _in_map(repo), contextlib.suppress(GitEmptyCommit), git_utils.Commit(
            branch, "Startpagina: de gemeenten met een dossier") as commit:
        commit.add_file(git_utils.FileInfo("index.html", _startpagina(gemeenten)))


def vastgelegd(data: Path, repo: Path) -> tuple[str, bool]:
    """De commit van de dossiermap en of er wijzigingen zijn die niet zijn vastgelegd."""
    try:
        commit = _git(repo, "rev-parse", "--short=12", "HEAD")
    except Publicatiefout:
        raise Publicatiefout(
            "De repository heeft nog geen commit; leg de dossiermap eerst vast met 'git add' en "
            "'git commit'.") from None
    pad = os.path.relpath(data, repo)
    status = _git(repo, "status", "--porcelain", "--untracked-files=all", "--", pad)
    return commit, bool(status.strip())


def colofontekst(commit: str, ongecommit: bool, datum: dt.date | None = None) -> str:
    """De regel in het colofon van een gepubliceerde versie."""
    tekst = f"Gebouwd uit de gegevens van commit {commit}"
    if ongecommit:
        tekst += ", met wijzigingen in de dossiermap die niet in git zijn vastgelegd"
    return tekst + "."


def branch_commit(repo: Path, branch: str = STANDAARD_BRANCH) -> str | None:
    try:
        return _git(repo, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}")
    except Publicatiefout:
        return None


def publiceer(data: Path, *, repo: Path | None = None, branch: str = STANDAARD_BRANCH,
              overschrijf: bool = False, concept: bool = False,
              ongecommit: bool = False) -> Publicatie:
    """Controleer, bouw en publiceer het dossier van het aanvraagjaar als versie van zijn gemeente.

    :raises Publicatiefout: bij niet vastgelegde wijzigingen in de dossiermap (tenzij
        ``ongecommit``), een onvolledige aanvraag (tenzij ``concept``) of een jaar dat al
        gepubliceerd is (tenzij ``overschrijf``); de branch blijft dan ongewijzigd.
    :raises Gegevensfout: bij fouten in de gegevens.
    """
    from mike import commands
    from mike.git_utils import GitEmptyCommit

    from vangnet.dossier.controle import volledige_controle
    from vangnet.site.bouw import bouw

    data = Path(data).resolve()
    repo = git_root(repo or data)
    commit, vuil = vastgelegd(data, repo)
    if vuil and not ongecommit:
        raise Publicatiefout(
            f"De dossiermap {data} heeft wijzigingen die niet in git zijn vastgelegd; een "
            "gepubliceerde versie moet terug te voeren zijn op een commit. Leg ze vast met "
            "'git add' en 'git commit', of publiceer bewust met --ongecommit (het colofon "
            "zegt dat dan).")
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

    dataset = laad_dataset(data)
    gemeente = dataset.dossier.gemeente.naam
    prefix = gemeentemap(gemeente)
    jaar = str(dataset.aanvraagjaar)
    oud, _ = _oude_versies(repo, branch, gemeente)
    bestaand = gepubliceerde_versies(repo, branch, prefix) + [str(v["version"]) for v in oud]
    if jaar in bestaand and not overschrijf:
        raise Publicatiefout(
            f"Versie {jaar} van {gemeente} is al gepubliceerd; een gepubliceerde versie wordt "
            "niet per ongeluk overschreven. Gebruik --overschrijf als u dat echt wilt."
        )
    titel = f"{jaar} (concept)" if reden else jaar
    nieuwste = max([int(v) for v in bestaand if v.isdigit()] + [int(jaar)])
    aliassen = [ALIAS] if int(jaar) == nieuwste else []
    colofon = colofontekst(commit, vuil)

    with tempfile.TemporaryDirectory(prefix="vangnet-publiceer-") as tijdelijk:
        site = Path(tijdelijk) / "site"
        bouw(data, site, pdf=True, versies=True, colofon=colofon)
        _migreer_oude_versies(repo, branch, prefix, gemeente)
        bericht = (f"Publiceer dossier {gemeente} {titel} (gegevens {commit}"
                   + (", niet vastgelegd" if vuil else "") + ")"
                   + (" (overschreven)" if jaar in bestaand else ""))
        with _in_map(repo):
            try:
                with commands.deploy({"site_dir": str(site), "use_directory_urls": True}, jaar,
                                     title=titel, aliases=aliassen, update_aliases=True,
                                     alias_type=commands.AliasType.copy, branch=branch,
                                     message=bericht, deploy_prefix=prefix):
                    pass
            except GitEmptyCommit:
                pass
            if aliassen:
                with contextlib.suppress(GitEmptyCommit):
                    commands.set_default(ALIAS, template=str(DOORSTUURPAGINA), branch=branch,
                                         message=f"{gemeente}: standaardversie {ALIAS}",
                                         deploy_prefix=prefix)
    _werk_startpagina_bij(repo, branch)
    return Publicatie(jaar, titel, bool(reden), branch_commit(repo, branch) or "",
                      tuple(gepubliceerde_versies(repo, branch, prefix)), gemeente, prefix,
                      commit, vuil)


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
        with tarfile.open(tar) as archief:
            # alleen gewone bestanden binnen de doelmap (het 'data'-filter, waar beschikbaar)
            if hasattr(tarfile, "data_filter"):
                archief.extractall(uitgepakt, filter="data")
            else:  # pragma: no cover - Python 3.11.2 tot 3.11.3
                archief.extractall(uitgepakt)
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

