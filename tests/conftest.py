"""Gedeelde hulpmiddelen voor de tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
SEEDS = PROJECT.parent / "shared" / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _eigen_cache(tmp_path_factory):
    """Een eigen cache per testsessie, zodat tests niet op een eerdere bouw leunen."""
    os.environ["VANGNET_CACHE"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def dataset():
    from vangnet.data.dataset import laad_dataset

    return laad_dataset(DATA)


@pytest.fixture(scope="session")
def cijfers(dataset):
    from vangnet.cijfers import bereken_cijfers

    return bereken_cijfers(dataset)


@pytest.fixture
def datakopie(tmp_path: Path) -> Path:
    """Een kopie van de ingebedde gegevens om in te knoeien."""
    doel = tmp_path / "data"
    shutil.copytree(DATA, doel)
    return doel


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """De site en PDF, gebouwd uit de ingebedde gegevens (één keer per testsessie)."""
    from vangnet.site.bouw import bouw

    uit = tmp_path_factory.mktemp("bouw") / "site"
    bouw(DATA, uit, pdf=True)
    return uit


@pytest.fixture(scope="session")
def jaarcyclus(tmp_path_factory):
    """Publiceer 2025 en 2026 in een tijdelijke repository (zie jaarcyclus.py)."""
    from jaarcyclus import doorloop

    return doorloop(tmp_path_factory.mktemp("gemeente") / "repo")
