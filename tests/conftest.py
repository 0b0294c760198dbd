"""Gedeelde hulpmiddelen voor de tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
SEEDS = PROJECT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def dataset():
    from vangnet.data.dataset import laad_dataset

    return laad_dataset(DATA)


@pytest.fixture(scope="session")
def figuren(dataset):
    from vangnet.figuren import bereken_figuren

    return bereken_figuren(dataset)


@pytest.fixture
def datakopie(tmp_path: Path) -> Path:
    """Een kopie van de ingebedde gegevens om in te knoeien."""
    doel = tmp_path / "data"
    shutil.copytree(DATA, doel)
    return doel
