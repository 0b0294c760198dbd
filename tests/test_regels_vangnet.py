"""De regels van het vangnet: handgemaakte gevallen per regime en eigenschappen (hypothesis)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vangnet.exact import exact
from vangnet.meldingen import Rekenfout
from vangnet.regels.parameters import Schijf, laad_parameters
from vangnet.regels.vangnet import (
    benodigde_jaren,
    bepaal_vangnet,
    tekort,
    tekortpercentage,
    toets_regulier,
    toets_uitgebreid,
    vergoeding_volgens_staffel,
)

P = laad_parameters()
REGULIER = P.staffel("vangnet.regulier.vergoeding").op(2025)
UITGEBREID = P.staffel("vangnet.uitgebreid.vergoeding").op(2025)
BUDGET = 10_000_000.0


def _jaren(percentages: dict[int, float], budget: float = BUDGET):
    """Tekorten en budgetten voor jaren met het gegeven tekortpercentage (in procenten)."""
    return ({j: p / 100 * budget for j, p in percentages.items()},
            {j: budget for j in percentages})


# -- handgemaakte gevallen -------------------------------------------------------------------

def test_tekort_is_lasten_min_fouten_min_budget():
    assert tekort(kosten=110, budget=100) == 10
    assert tekort(kosten=110, budget=100, fouten_onzekerheden=4) == 6
    assert tekortpercentage(6, 100) == pytest.approx(0.06)


def test_tekortpercentage_zonder_budget_geeft_een_duidelijke_fout():
    with pytest.raises(Rekenfout, match="groter dan nul"):
        tekortpercentage(10, 0)


def test_regulier_jaar_dat_alleen_de_meerjarige_voorwaarde_niet_haalt():
    """8% tekort in 2024, maar overschotten in 2022 en 2023: som 2022–2024 onder 7,5%."""
    tekorten, budgetten = _jaren({2022: -3.0, 2023: -2.0, 2024: 8.0})
    toets = toets_regulier(2024, tekorten, budgetten, P)
    voldaan = {v.code: v.voldaan for v in toets.voorwaarden}
    assert voldaan == {"jaar": True, "meerjarig": False}
    assert not toets.in_aanmerking and toets.vangnetuitkering == 0


def test_regulier_jaar_dat_beide_voorwaarden_haalt():
    tekorten, budgetten = _jaren({2022: 1.0, 2023: 1.0, 2024: 10.0})
    toets = toets_regulier(2024, tekorten, budgetten, P)
    assert toets.in_aanmerking
    # (10% − 7,5%) × budget × 50%
    assert toets.vangnetuitkering == pytest.approx(0.025 * BUDGET * 0.5)


@pytest.mark.parametrize("regime, drempel", [("regulier", 7.5), ("uitgebreid", 5.0)])
def test_tekort_precies_op_de_drempel_geeft_geen_uitkering(regime, drempel):
    tekorten, budgetten = _jaren({2022: 9.0, 2023: 9.0, 2024: 9.0, 2025: drempel})
    toets = (toets_regulier if regime == "regulier" else toets_uitgebreid)(
        2025, tekorten, budgetten, P)
    jaar = next(v for v in toets.voorwaarden if v.code == "jaar")
    assert not jaar.voldaan, "de drempel moet overschreden worden, niet alleen bereikt"
    assert toets.vangnetuitkering == 0


def test_uitgebreid_telt_een_voorgaand_jaar_van_precies_vijf_procent_mee():
    tekorten, budgetten = _jaren({2022: 5.0, 2023: 5.0, 2024: 0.0, 2025: 6.0})
    toets = toets_uitgebreid(2025, tekorten, budgetten, P)
    assert toets.in_aanmerking


def test_uitgebreid_met_maar_een_voorgaand_jaar_boven_de_drempel_valt_af():
    tekorten, budgetten = _jaren({2022: 9.0, 2023: 4.9, 2024: 4.9, 2025: 6.0})
    besluit = bepaal_vangnet(2025, tekorten, budgetten, P)
    assert not besluit.toets("uitgebreid").in_aanmerking
    assert besluit.gekozen.regime == "regulier", "zonder meerjarig tekort geldt de 7,5%-drempel"
    assert not besluit.in_aanmerking


def test_tekort_boven_de_bovenste_schijf_van_het_uitgebreide_vangnet():
    """12% tekort: (10% − 5%) × 50% + (12% − 10%) × 100% = 4,5% van het budget."""
    tekorten, budgetten = _jaren({2022: 6.0, 2023: 6.0, 2024: 6.0, 2025: 12.0})
    besluit = bepaal_vangnet(2025, tekorten, budgetten, P)
    assert besluit.gekozen.regime == "uitgebreid"
    assert besluit.vangnetuitkering == pytest.approx(0.045 * BUDGET)
    # het reguliere vangnet geeft minder: (12% − 7,5%) × 50% = 2,25%
    assert besluit.toets("regulier").vangnetuitkering == pytest.approx(0.0225 * BUDGET)


def test_tekort_boven_de_bovenste_schijf_van_het_reguliere_vangnet():
    """15%: (12,5% − 7,5%) × 50% + (15% − 12,5%) × 100% = 5% van het budget."""
    tekorten, budgetten = _jaren({2022: 0.0, 2023: 0.0, 2024: 15.0})
    besluit = bepaal_vangnet(2024, tekorten, budgetten, P)
    assert besluit.gekozen.regime == "regulier"
    assert besluit.toets("uitgebreid").van_toepassing is False
    assert besluit.vangnetuitkering == pytest.approx(0.05 * BUDGET)


def test_voor_2025_bestaat_het_uitgebreide_vangnet_niet():
    assert not P.staffel("vangnet.uitgebreid.vergoeding").geldt_in(2024)
    assert benodigde_jaren(2024, P) == (2022, 2023, 2024)
    assert benodigde_jaren(2025, P) == (2022, 2023, 2024, 2025)


def test_ontbrekend_jaar_geeft_een_duidelijke_fout():
    tekorten, budgetten = _jaren({2023: 6.0, 2024: 6.0, 2025: 6.0})
    with pytest.raises(Rekenfout, match="2022"):
        bepaal_vangnet(2025, tekorten, budgetten, P)


# -- eigenschappen van de staffels ------------------------------------------------------------

fracties = st.floats(min_value=-0.5, max_value=1.0, allow_nan=False)
staffels = st.sampled_from([REGULIER, UITGEBREID])


@given(staffels, fracties)
def test_geen_vergoeding_tot_en_met_de_drempel(staffel, f):
    if f <= staffel[0].ondergrens:
        assert vergoeding_volgens_staffel(f, staffel) == 0


@given(staffels, fracties, fracties)
def test_vergoeding_stijgt_niet_als_het_tekort_daalt(staffel, a, b):
    laag, hoog = sorted((a, b))
    assert vergoeding_volgens_staffel(laag, staffel) <= vergoeding_volgens_staffel(hoog, staffel)


@given(staffels, fracties)
def test_vergoeding_is_nooit_meer_dan_het_tekort(staffel, f):
    assert vergoeding_volgens_staffel(f, staffel) <= max(f, 0) + 1e-12


@given(staffels, st.integers(0, 1), st.integers(min_value=1, max_value=10**6))
def test_vergoeding_is_doorlopend_bij_de_schijfgrenzen(staffel, i, n):
    h = Fraction(n, 10**9)
    grens = exact(staffel[i].ondergrens)
    links = vergoeding_volgens_staffel(grens - h, staffel)
    rechts = vergoeding_volgens_staffel(grens + h, staffel)
    # exact: links van de grens geldt het tarief van de schijf eronder, rechts dat van de schijf
    # zelf; de sprong over 2h is dus precies h maal de som van beide tarieven
    onder = exact(staffel[i - 1].tarief) if i > 0 else Fraction(0)
    assert rechts - links == h * (onder + exact(staffel[i].tarief))


@given(st.lists(st.floats(0.0, 0.3), min_size=4, max_size=4), st.floats(1e5, 1e9))
def test_uitkering_nooit_hoger_dan_het_tekort_en_nooit_negatief(percentages, budget):
    tekorten = {2022 + i: p * budget for i, p in enumerate(percentages)}
    budgetten = {j: budget for j in tekorten}
    besluit = bepaal_vangnet(2025, tekorten, budgetten, P)
    assert 0 <= besluit.vangnetuitkering <= max(tekorten[2025], 0) + 1e-6
    if tekorten[2025] <= 0.05 * budget:
        assert besluit.vangnetuitkering == 0


@given(st.lists(st.floats(-0.2, 0.3), min_size=4, max_size=4), st.floats(1e5, 1e9))
def test_gekozen_regime_is_nooit_slechter_dan_het_andere(percentages, budget):
    tekorten = {2022 + i: p * budget for i, p in enumerate(percentages)}
    besluit = bepaal_vangnet(2025, tekorten, {j: budget for j in tekorten}, P)
    assert besluit.vangnetuitkering == max(t.vangnetuitkering for t in besluit.toetsen)


def test_staffel_met_willekeurige_schijven():
    staffel = (Schijf(0.02, 0.25), Schijf(0.04, 0.75))
    # (4% − 2%) × 25% + (5% − 4%) × 75%
    assert vergoeding_volgens_staffel(0.05, staffel) == pytest.approx(0.005 + 0.0075)
