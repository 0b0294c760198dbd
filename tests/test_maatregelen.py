"""Maatregelen met bewijs: de status van een maatregel, het besluit, de indicatoren, en hoe het
beoordelingskader onderdeel B (getroffen maatregelen) en C (doorgerekend effect) toetst.

De verwachte uitkomsten staan hier met de hand; ze volgen uit de regel van de
Toetsingscommissie dat een aangekondigde of aanbevolen maatregel niet meetelt.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from vangnet.data.dataset import laad_dataset
from vangnet.data.schema import MaatregelRij
from vangnet.dossier.context import laad_context
from vangnet.dossier.controle import volledige_controle
from vangnet.dossier.kader import maatregelbewijs

from conftest import DATA
from corpus_stappen import pas_toe
from hulp import verwijder_rapportwaarden, wijzig_csv, zet_cel

BASIS = {"id": "X1", "maatregel": "Iets", "omschrijving": "Iets doen.", "soort": "intern",
         "effect": "kwalitatief", "bron_document": "Een stuk"}


@pytest.mark.parametrize(("status", "besluit", "gelezen"), [
    ("aanbevolen", "", "aanbevolen"),
    ("toegezegd", "", "toegezegd"),
    ("besloten", "Collegebesluit", "besloten"),
    ("uitgevoerd", "Collegebesluit", "uitgevoerd"),
    ("geëvalueerd", "Collegebesluit", "geevalueerd"),
    ("Geevalueerd", "Raadsbesluit", "geevalueerd"),
    ("beëindigd", "", "beeindigd"),
])
def test_elke_status_wordt_gelezen(status: str, besluit: str, gelezen: str):
    rij = MaatregelRij.model_validate({**BASIS, "status": status, "besluit": besluit})
    assert rij.status == gelezen


@pytest.mark.parametrize("status", ["besloten", "uitgevoerd", "geëvalueerd"])
def test_een_getroffen_status_vraagt_een_besluit(status: str):
    with pytest.raises(ValidationError, match=r"vraagt het besluit.*kies dan de status "
                       r"'toegezegd'"):
        MaatregelRij.model_validate({**BASIS, "status": status, "besluit": ""})


@pytest.mark.parametrize(("oud", "advies"), [
    ("genomen", "Kies 'besloten' als er een besluit is"),
    ("gepland", "Kies 'toegezegd' als de maatregel is aangekondigd zonder besluit"),
])
def test_oude_statussen_worden_gemeld_met_hoe_om_te_zetten(datakopie: Path, oud: str,
                                                            advies: str):
    zet_cel(datakopie / "maatregelen.csv", {"id": "M01"}, "status", oud)
    meldingen = [str(m) for m in volledige_controle(datakopie).fouten]
    assert len(meldingen) == 1
    assert meldingen[0].startswith("maatregelen.csv, rij 2, kolom 'status': de status "
                                   f"'{oud}' bestaat niet meer.")
    assert advies in meldingen[0]


def test_gekwantificeerd_wordt_gemeld_met_de_doorrekeningen_die_er_zijn(datakopie: Path):
    zet_cel(datakopie / "maatregelen.csv", {"id": "M06"}, "effect", "gekwantificeerd")
    meldingen = [str(m) for m in volledige_controle(datakopie).fouten]
    assert meldingen == [
        "maatregelen.csv, rij 7, kolom 'effect': de waarde 'gekwantificeerd' bestaat niet meer. "
        "Noem de doorrekening die het effect laat zien: 'lks-budget' (het LKS-budget van het "
        "volgende jaar) of 'ambitie' (het scenario met de ambitie uit de vergelijkingsgroep)."]


def test_een_indicator_hoort_bij_een_bestaande_maatregel(datakopie: Path):
    zet_cel(datakopie / "indicatoren.csv", {"indicator": "Inwoners werkfit gemaakt (hele RSD)",
                                            "jaar": "2024"}, "maatregel", "M99")
    meldingen = [str(m) for m in volledige_controle(datakopie).fouten]
    assert meldingen == ["indicatoren.csv, rij 4, kolom 'maatregel': de maatregel 'M99' staat "
                         "niet in maatregelen.csv. Gebruik de code uit de kolom id van "
                         "maatregelen.csv."]


# -- het voorbeeld ------------------------------------------------------------------------------

def test_het_voorbeeld_telt_alleen_maatregelen_met_een_besluit(cijfers):
    # de bron noemt 17 maatregelen die in eerdere stukken zijn toegezegd; alleen die met een
    # besluit tellen: de bestuurlijke opdracht 2024-2026 en de opdracht aan het onderzoeksbureau
    assert cijfers.waarde("maatregelen.getroffen") == 9
    assert cijfers.waarde("maatregelen.getroffen_extern") == 1
    assert cijfers.waarde("maatregelen.besluiten") == 2
    assert cijfers.waarde("maatregelen.status.toegezegd") == 7
    assert cijfers.waarde("maatregelen.status.aanbevolen") == 4
    assert cijfers.waarde("maatregelen.status.geevalueerd") == 0


def test_de_kpi_s_van_de_bestuurlijke_opdracht_zijn_gegevens(dataset, cijfers):
    """De zeven indicatoren van de bestuurlijke opdracht (de eerste in twee delen), met de
    doelen uit de bron en de realisatie nog open."""
    tabel = dataset.tabel("indicatoren")
    assert set(tabel["jaar"]) == {2024, 2025}
    doelen = sorted(int(d) for d in tabel[tabel["jaar"] == 2025]["doel"])
    assert doelen == [10, 25, 30, 75, 80, 90, 200, 250]
    assert tabel["realisatie"].isna().all() or all(r is None for r in tabel["realisatie"])
    assert sum(m.bestand == "indicatoren.csv" and m.kolom == "realisatie"
               for m in dataset.in_te_vullen) == 16
    assert cijfers.waarde("maatregelen.doelen") == 16
    assert cijfers.waarde("maatregelen.doelen_bekend") == 0


def test_het_bewijs_noemt_besluit_datum_en_uitvoering():
    dataset = laad_dataset(DATA)
    m17 = next(m for m in maatregelbewijs(dataset, "getroffen") if m.id == "M17")
    assert ("Besluit", "Opdracht van de gemeente aan een extern onderzoeksbureau "
            "(opdrachtbevestiging) (13 oktober 2025)") in m17.bewijs
    m09 = next(m for m in maatregelbewijs(dataset, "getroffen") if m.id == "M09")
    assert ("Uitvoering", "daarover zeggen de bronnen niets") in m09.bewijs
    assert any("datum nog in te vullen" in tekst for _, tekst in m09.bewijs)
    m13 = next(m for m in maatregelbewijs(dataset, "toegezegd") if m.id == "M13")
    assert ("Besluit", "geen besluit bekend") in m13.bewijs


# -- het beoordelingskader --------------------------------------------------------------------

def _toetsing(map_: Path, eis: str):
    rapport = volledige_controle(map_)
    assert rapport.in_orde, [str(f) for f in rapport.fouten]
    return next(t for t in rapport.volledigheid if t.eis.id == eis)


def test_b_noemt_de_maatregelen_zonder_besluit():
    b = _toetsing(DATA, "maatregel_getroffen")
    assert b.voldaan
    assert b.toelichting.startswith("9 maatregelen met een besluit (hoofdstuk 5). Zonder "
                                    "besluit, dus niet meegeteld, toegezegd: M01 Huidig beleid "
                                    "voortzetten, M03 Taallessen,")
    assert "aanbevolen: A01 Meer loonkostensubsidie" in b.toelichting
    assert "M02" not in b.toelichting  # besloten, dus meegeteld


def test_b_zonder_externe_maatregel_met_besluit_faalt(datakopie: Path):
    zet_cel(datakopie / "maatregelen.csv", {"id": "M17"}, "status", "toegezegd")
    b = _toetsing(datakopie, "intern_en_extern")
    assert not b.voldaan
    assert b.toelichting == ("Er is geen externe maatregel met een besluit; een uitgebreide of "
                             "herhaalde aanvraag vraagt beide.")
    assert "kolom besluit" in b.oplossing
    assert "M17 Onafhankelijk onderzoek" in _toetsing(datakopie, "maatregel_getroffen").toelichting


def test_c_telt_het_effect_van_een_uitgevoerde_maatregel_en_noemt_de_berekening():
    c = _toetsing(DATA, "effect_doorgerekend")
    assert c.voldaan
    assert c.toelichting == (
        "Doorgerekend effect van Inzet op loonkostensubsidie (M06, uitgevoerd): de doorrekening "
        "van het LKS-budget voor 2026. Dat is een effect op het LKS-budget, niet op het tekort: "
        "wat de getroffen maatregelen met het tekort doen, is niet doorgerekend. Niet "
        "meegeteld, want zonder besluit: Meer "
        "loonkostensubsidie en aandacht voor beschut werk (A01, aanbevolen).")


def test_c_faalt_als_het_enige_effect_bij_een_aanbeveling_hoort(datakopie: Path):
    zet_cel(datakopie / "maatregelen.csv", {"id": "M06"}, "effect", "kwalitatief")
    c = _toetsing(datakopie, "effect_doorgerekend")
    assert not c.voldaan
    assert c.toelichting == (
        "Alleen Meer loonkostensubsidie en aandacht voor beschut werk (A01, aanbevolen) heeft "
        "een doorgerekend effect, en zonder besluit telt dat niet mee: een aanbeveling of "
        "toezegging is geen getroffen maatregel.")


def test_c_slaagt_met_een_besloten_maatregel_met_doorgerekend_effect(datakopie: Path):
    zet_cel(datakopie / "maatregelen.csv", {"id": "M06"}, "effect", "kwalitatief")

    def besluit(rijen):
        for rij in rijen:
            if rij["id"] == "A01":
                rij.update(status="besloten", besluit="Collegebesluit meer loonkostensubsidie")
        return rijen

    wijzig_csv(datakopie / "maatregelen.csv", besluit)
    c = _toetsing(datakopie, "effect_doorgerekend")
    assert c.voldaan
    assert c.toelichting == (
        "Doorgerekend effect van Meer loonkostensubsidie en aandacht voor beschut werk (A01, "
        "besloten): het scenario met de ambitie uit de vergelijkingsgroep voor 2026.")


def test_c_faalt_als_de_berekening_ontbreekt(datakopie: Path):
    (datakopie / "vergelijkingsgroep.csv").unlink()
    verwijder_rapportwaarden(datakopie)
    pas_toe(datakopie, {"soort": "regel_weg", "bestand": "doorrekening.yaml",
                        "bevat": "ambitie_vergelijkingsgroep:"})
    zet_cel(datakopie / "maatregelen.csv", {"id": "M06"}, "effect", "ambitie")
    c = _toetsing(datakopie, "effect_doorgerekend")
    assert not c.voldaan
    assert c.toelichting == (
        "Inzet op loonkostensubsidie (M06) en Meer loonkostensubsidie en aandacht voor beschut "
        "werk (A01) verwijzen naar een doorrekening die in dit dossier ontbreekt, omdat de "
        "gegevens ervoor niet zijn aangeleverd.")


def test_hoofdstuk_zes_en_onderdeel_c_scheiden_besloten_effect_en_scenario(site: Path):
    from hulp import tekst

    h6 = tekst(site, "dossier/doorrekening/")
    assert ("Deze berekening laat het effect zien van Inzet op loonkostensubsidie (M06, "
            "uitgevoerd): een maatregel waarover is besloten.") in h6
    assert "6.4 Scenario met de ambitie uit de vergelijkingsgroep" in h6
    assert ("Dit scenario hoort bij Meer loonkostensubsidie en aandacht voor beschut werk (A01, "
            "aanbevolen). Daarover is nog niet besloten") in h6
    c = tekst(site, "aanvraag/").split("Onderdeel C")[1].split("Onderdeel D")[0]
    assert c.index("Effect van getroffen maatregelen") < c.index("Scenario met een hogere ambitie")
    assert "het telt voor deze aanvraag niet mee" in c


def test_onderdeel_b_noemt_toegezegd_apart_en_telt_het_niet(site: Path):
    from hulp import tekst

    b = tekst(site, "aanvraag/").split("Onderdeel B")[1].split("Onderdeel C")[0]
    assert "hebben 9 maatregelen getroffen waarover een besluit is genomen" in b
    assert "Ze steunen op 2 verschillende besluiten." in b
    getroffen, rest = b.split("Toegezegd, maar zonder bekend besluit")
    assert "Huidig beleid voortzetten (M01" in rest and "(M01" not in getroffen
    assert "Geen enkele maatregel is al op zijn resultaat geëvalueerd." in b
    assert "16 genomen" not in tekst(site, "dossier/maatregelen/")


def test_een_ander_dossier_zonder_maatregelen_met_besluit(tmp_path: Path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).parent / "fixtures" / "bergwaard", data)
    wijzig_csv(data / "maatregelen.csv",
               lambda rijen: [{**r, "status": "toegezegd", "besluit": "", "besluitdatum": ""}
                              for r in rijen])
    ctx = laad_context(data)
    assert ctx.cijfers.waarde("maatregelen.getroffen") == 0
    b = next(t for t in ctx.volledigheid if t.eis.id == "maatregel_getroffen")
    assert not b.voldaan
    assert b.toelichting == (
        "Geen enkele maatregel heeft een besluit; aangekondigde, toegezegde of aanbevolen "
        "maatregelen tellen niet mee. Zonder besluit, dus niet meegeteld, toegezegd: B1 "
        "Werkgeversteam en B2 Extern onderzoek.")


def test_c_zegt_welke_gegevens_de_doorrekening_van_het_lks_budget_mist(datakopie: Path):
    """Zonder de LKS-kosten over het aanvraagjaar is er geen verwacht LKS-budget; de oplossing
    noemt dan bestand, kolom en jaar in plaats van 'lever de gegevens aan'."""
    verwijder_rapportwaarden(datakopie)

    def zonder_lks(rijen):
        for rij in rijen:
            if rij["jaar"] == "2025":
                rij["kosten_lks"] = ""
        return rijen

    wijzig_csv(datakopie / "buig.csv", zonder_lks)
    c = _toetsing(datakopie, "effect_doorgerekend")
    assert not c.voldaan
    assert "in buig.csv de kosten_lks over 2025" in c.oplossing
    assert "macrobudget" not in c.oplossing  # de landelijke reeks is er wel


def test_c_is_niet_voldaan_zonder_hoofdstuk_over_de_doorrekening(datakopie: Path):
    """Het verwachte LKS-budget is ook zonder doorrekening.yaml te berekenen, maar het effect
    staat in het hoofdstuk over de doorrekening, en dat is er dan niet: de aanvraag mag C dan
    niet als voldaan tellen terwijl onderdeel C 'niet doorgerekend' zegt."""
    verwijder_rapportwaarden(datakopie)
    (datakopie / "doorrekening.yaml").unlink()
    c = _toetsing(datakopie, "effect_doorgerekend")
    assert not c.voldaan
    assert "doorrekening.yaml" in c.oplossing
