"""De inhoud zoals een lezer die leest: de raadsinformatiebrief, de onderdelen A–D en de
beweringen in het dossier, op het voorbeeld en op andere gegevens."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hulp import tekst

LEESPAGINAS = ["raadsinformatiebrief/", "aanvraag/", "dossier/oorzaken/", "dossier/maatregelen/",
               "dossier/doorrekening/", "dossier/inleiding/", "dossier/tot-slot/"]


@pytest.mark.parametrize("pagina", LEESPAGINAS)
def test_een_tekort_heeft_geen_minteken(site: Path, pagina: str):
    """'een tekort van € -721.000' is een dubbele ontkenning: het bedrag staat er zonder
    minteken (absoluut), ook nu bedragen exacte breuken zijn."""
    t = tekst(site, pagina)
    gevonden = re.findall(r"tekort (?:van|daarop was|was) € -[\d.]+", t)
    assert not gevonden, gevonden
