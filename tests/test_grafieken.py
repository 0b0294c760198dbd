"""Elke grafiek van het voorbeeld en van de verzonnen tweede gemeente is geldige Vega-Lite.

De bouw slaat de controle tegen het schema over; deze test
doet haar dus, met het schema van de Vega-Lite-versie die bij Altair hoort.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema import load_schema

from vangnet.dossier.context import laad_context
from vangnet.grafieken.definities import GRAFIEKEN

TESTS = Path(__file__).resolve().parent
DOSSIERS = {"voorbeeld": TESTS.parent / "data", "bergwaard": TESTS / "fixtures" / "bergwaard"}


@pytest.mark.parametrize("dossier", sorted(DOSSIERS))
def test_elke_grafiek_is_geldige_vega_lite(dossier, tmp_path):
    ctx = laad_context(DOSSIERS[dossier], cache=tmp_path)
    schema = load_schema()
    gecontroleerd = 0
    for naam in GRAFIEKEN:
        grafiek = ctx.grafiek(naam)
        if grafiek is None:
            continue
        validate_jsonschema(grafiek.spec, schema)  # SchemaValidationError bij een fout
        gecontroleerd += 1
    assert gecontroleerd >= (10 if dossier == "voorbeeld" else 1)


def test_schemacontrole_vangt_een_fout(tmp_path):
    ctx = laad_context(DOSSIERS["voorbeeld"], cache=tmp_path)
    spec = dict(ctx.grafiek("budget_kosten").spec, mark={"type": "staaf"})
    with pytest.raises(Exception, match="staaf"):
        validate_jsonschema(spec, load_schema())
