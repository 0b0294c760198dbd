"""De parameterbestanden: geldig schema, bronverwijzing en de bekende waarden."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from vangnet.meldingen import Rekenfout
from vangnet.regels.parameters import PARAMETERMAP, Parameter, Staffel, laad_parameters

P = laad_parameters()


def test_elk_parameterbestand_wordt_gelezen():
    bestanden = sorted(PARAMETERMAP.rglob("*.yaml"))
    assert len(bestanden) == len(P.items) > 0


@pytest.mark.parametrize("item", list(P), ids=lambda p: p.naam)
def test_elke_parameter_heeft_een_bron_een_label_en_een_toelichting(item):
    assert item.metadata.referenties, item.naam
    assert item.metadata.label and item.metadata.toelichting
    if isinstance(item, Parameter) and item.metadata.status != "aangekondigd":
        assert item.waarden, f"{item.naam} heeft geen enkele waarde"


def test_waarde_geldt_vanaf_een_datum_tot_de_volgende():
    drempel = P.staffel("vangnet.uitgebreid.vergoeding")
    assert drempel.op(2025)[0].ondergrens == Decimal("0.05")  # exact, geen 0,0500000000000000027
    assert drempel.vanaf(2026) == dt.date(2025, 1, 1)
    assert not drempel.geldt_in(2024)


def test_ontbrekende_waarde_noemt_parameter_en_bestand():
    with pytest.raises(Rekenfout, match=r"prijzen/normbedrag_gehuwden\.yaml"):
        P.waarde("prijzen.normbedrag_gehuwden", 2020)


def test_staffels_lopen_op():
    for item in P:
        if isinstance(item, Staffel):
            for jaar in (2019, 2025, 2026):
                if item.geldt_in(jaar):
                    grenzen = [s.ondergrens for s in item.op(jaar)]
                    assert grenzen == sorted(grenzen)
                    assert all(0 <= s.tarief <= 1 for s in item.op(jaar))
