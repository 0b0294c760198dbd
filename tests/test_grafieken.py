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



DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def _breedte(tekst: str, grootte: float, vet: bool) -> float:
    from PIL import ImageFont

    font = ImageFont.truetype(str(DEJAVU / ("DejaVuSans-Bold.ttf" if vet else "DejaVuSans.ttf")),
                              size=100)
    return font.getlength(tekst) * grootte / 100


@pytest.mark.parametrize("dossier", sorted(DOSSIERS))
def test_geen_tekst_afgekapt_op_papier(dossier, tmp_path):
    """Op papier past elke tekst van een grafiek: geen label dat Vega met '…' afkapt en geen
    gedraaide astitel die langer is dan de hoogte van de grafiek (die wordt afgesneden)."""
    import re

    from vangnet.grafieken.render import druk_svg
    from vangnet.site.pdf.druk import KOLOM_PX

    ctx = laad_context(DOSSIERS[dossier], cache=tmp_path)
    afgekapt, getekend = [], 0
    for naam in GRAFIEKEN:
        grafiek = ctx.grafiek(naam)
        if grafiek is None:
            continue
        svg = druk_svg(grafiek.spec, KOLOM_PX)
        for attr, tekst in re.findall(r"<text([^>]*)>([^<]*)</text>", svg):
            getekend += 1
            if "…" in tekst:
                afgekapt.append((naam, tekst))
            gedraaid = re.search(r"translate\([-\d.]+,([\d.]+)\) rotate\(-90\)", attr)
            if gedraaid:
                grootte = float(re.search(r'font-size="([\d.]+)px"', attr).group(1))
                lang = _breedte(tekst, grootte, 'font-weight="bold"' in attr)
                if lang > 2 * float(gedraaid.group(1)) + 4:
                    afgekapt.append((naam, tekst, round(lang), gedraaid.group(1)))
    assert getekend > 20
    assert not afgekapt
