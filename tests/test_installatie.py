"""De vastgepinde versies installeren op elke ondersteunde Python: 3.11.2 (Debian 12), 3.12, 3.13.

pip lost ``requirements.lock`` op voor een andere Python dan de eigen (``--python-version``),
alleen met wheels (``--only-binary=:all:``) en zonder iets te installeren (``--dry-run``). Zo
blijkt zonder die interpreters of elke pin een wheel voor die versie heeft en of geen pin een
nieuwere Python vraagt (pymdown-extensions 13 en soupsieve 3 vragen bijvoorbeeld 3.11.5).

pip houdt bij ``--python-version`` de omgevingsmarkeringen (``; python_version < "3.12"``) tegen
de eigen Python, niet tegen de doelversie. Deze tests kiezen daarom zelf de regels die voor de
doelversie gelden en geven pip alleen die. Is er geen pakketindex bereikbaar, dan worden de
pip-tests luid overgeslagen, met de melding van pip als reden.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

from conftest import PROJECT

LOCK = PROJECT / "requirements.lock"
PYPROJECT = PROJECT / "pyproject.toml"

# Zoals README.md ze noemt; 3.11.2 exact, want dat is de Python van Debian 12.
ONDERSTEUND = ["3.11.2", "3.12", "3.13"]

# Meldingen van pip (en urllib3) als de index niet te bereiken is.
GEEN_VERBINDING = re.compile(
    r"NewConnectionError|Failed to establish a new connection|Temporary failure in name resolution"
    r"|Name or service not known|No address associated with hostname|ConnectTimeoutError"
    r"|ReadTimeoutError|Network is unreachable|Connection refused|ProxyError|Max retries exceeded"
)


def _volledige_versie(versie: str) -> str:
    """'3.12' → '3.12.0': zo vult pip een onvolledige --python-version aan."""
    delen = versie.split(".")
    return ".".join(delen + ["0"] * (3 - len(delen)))


def _omgeving(versie: str) -> dict[str, str]:
    """De omgeving voor markeringen, maar dan van de doelversie in plaats van de eigen Python."""
    omgeving = default_environment()
    volledig = _volledige_versie(versie)
    omgeving["python_full_version"] = volledig
    omgeving["python_version"] = ".".join(volledig.split(".")[:2])
    omgeving["implementation_version"] = volledig
    return omgeving


def _regels() -> list[Requirement]:
    regels = []
    for regel in LOCK.read_text(encoding="utf-8").splitlines():
        regel = regel.strip()
        if regel and not regel.startswith("#"):
            regels.append(Requirement(regel))
    return regels


def _pins(versie: str) -> dict[str, Version]:
    """Naam → vastgepinde versie, alleen de regels waarvan de markering voor `versie` geldt."""
    omgeving = _omgeving(versie)
    pins: dict[str, Version] = {}
    for req in _regels():
        if req.marker is not None and not req.marker.evaluate(omgeving):
            continue
        naam = canonicalize_name(req.name)
        assert naam not in pins, f"{req.name} staat voor Python {versie} twee keer in de lock"
        (spec,) = req.specifier
        pins[naam] = Version(spec.version)
    return pins


def _pip(*args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True,
                              text=True, timeout=900)
    except subprocess.TimeoutExpired as fout:
        pytest.fail(f"pip {' '.join(args)} gaf na {fout.timeout} s nog geen antwoord")


def _dry_run(versie: str, requirements: Path, doel: Path,
             *extra: str) -> subprocess.CompletedProcess[str]:
    # --target is nodig voor --python-version bij pip < 24; met --dry-run wordt er niets geschreven.
    return _pip("install", "--dry-run", "--ignore-installed", "--only-binary=:all:",
                "--python-version", versie, "--target", str(doel), "--progress-bar", "off",
                "--disable-pip-version-check", *extra, "-r", str(requirements))


def _geen_index(uit: subprocess.CompletedProcess[str]) -> str | None:
    """De regel waarin pip meldt dat de index onbereikbaar is, of None."""
    if uit.returncode == 0:
        return None
    for regel in (uit.stdout + uit.stderr).splitlines():
        if GEEN_VERBINDING.search(regel):
            return regel.strip()
    return None


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> None:
    """Sla de pip-tests over als pip geen pakketindex bereikt; snel, met één klein pakket."""
    map_ = tmp_path_factory.mktemp("index")
    naam = "packaging"
    (map_ / "probe.txt").write_text(f"{naam}=={_pins(ONDERSTEUND[0])[naam]}\n", encoding="utf-8")
    uit = _dry_run(ONDERSTEUND[0], map_ / "probe.txt", map_ / "doel",
                   "--no-deps", "--retries", "1", "--timeout", "15")
    reden = _geen_index(uit)
    if reden is None and uit.returncode != 0 and "(from versions: none)" in uit.stderr:
        # pip meldt een geweigerde verbinding niet altijd; de pin uit de lock bestaat wel.
        reden = f"pip vindt in geen enkele index een versie van {naam}"
    if reden:
        print(f"\n*** INSTALLATIETESTS OVERGESLAGEN: geen pakketindex bereikbaar ({reden}) ***\n")
        pytest.skip(f"INSTALLATIETESTS OVERGESLAGEN: geen pakketindex bereikbaar ({reden})")


@pytest.mark.parametrize("versie", ONDERSTEUND)
def test_requires_python_laat_elke_ondersteunde_versie_toe(versie: str):
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    vereist = SpecifierSet(project["requires-python"])
    assert vereist.contains(_volledige_versie(versie)), (
        f"requires-python = {vereist} sluit Python {versie} uit")


def test_elke_regel_in_de_lock_is_een_exacte_pin():
    for req in _regels():
        specs = list(req.specifier)
        assert len(specs) == 1 and specs[0].operator == "==", (
            f"{req}: in requirements.lock hoort precies één versie (naam==versie)")


def test_de_lock_bevat_alle_afhankelijkheden_uit_pyproject():
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    nodig = project["dependencies"] + [d for groep in project["optional-dependencies"].values()
                                       for d in groep]
    for versie in ONDERSTEUND:
        pins = _pins(versie)
        ontbreekt = sorted(Requirement(d).name for d in nodig
                           if canonicalize_name(Requirement(d).name) not in pins)
        assert not ontbreekt, f"niet in requirements.lock voor Python {versie}: {ontbreekt}"


@pytest.mark.parametrize("versie", ONDERSTEUND)
def test_de_lock_installeert_met_wheels_op_elke_ondersteunde_python(index, versie: str,
                                                                    tmp_path: Path):
    pins = _pins(versie)
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("".join(f"{naam}=={v}\n" for naam, v in pins.items()),
                            encoding="utf-8")
    uit = _dry_run(versie, requirements, tmp_path / "doel")
    reden = _geen_index(uit)
    if reden:
        pytest.skip(f"INSTALLATIETEST OVERGESLAGEN: geen pakketindex bereikbaar ({reden})")
    melding = f"pip voor Python {versie}:\n{uit.stdout[-3000:]}\n{uit.stderr[-3000:]}"
    assert uit.returncode == 0, melding

    regels = [r for r in uit.stdout.splitlines() if r.startswith("Would install ")]
    assert len(regels) == 1, melding
    geinstalleerd: dict[str, Version] = {}
    for pakket in regels[0].removeprefix("Would install ").split():
        naam, _, v = pakket.rpartition("-")
        geinstalleerd[canonicalize_name(naam)] = Version(v)
    # Gelijk aan de lock: niets ontbreekt (pip haalt er niets bij) en niets wijkt af.
    assert geinstalleerd == pins, {
        "niet in de lock": sorted(geinstalleerd.keys() - pins.keys()),
        "niet geïnstalleerd": sorted(pins.keys() - geinstalleerd.keys()),
        "andere versie": sorted(n for n in pins.keys() & geinstalleerd.keys()
                                if pins[n] != geinstalleerd[n]),
    }
