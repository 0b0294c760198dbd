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


# -- beweringen niet sterker dan hun bron -----------------------------------------------------

def test_onbevestigde_regels_heten_onbevestigd_in_de_geraadpleegde_bronnen(site: Path):
    brief = tekst(site, "raadsinformatiebrief/")
    # in de woorden van het college, niet sterker dan 'niet bevestigd'
    assert ("De percentages waarmee het Rijk vergoedt, hebben wij voor 2025 nog niet in een "
            "officiële bekendmaking teruggevonden; de uitkomst kan daardoor nog "
            "veranderen") in brief
    for pagina in LEESPAGINAS:
        t = tekst(site, pagina)
        assert "nog niet in de regelgeving bevestigd" not in t, pagina
        assert "werkgeverslasten uit de regelgeving" not in t, pagina


def test_werkgeverslasten_van_het_rapport_naast_die_van_de_regeling(site: Path):
    t = tekst(site, "dossier/doorrekening/")
    # 25% uit het rapport; 23,5% in de Regeling loonkostensubsidie Participatiewet 2021
    assert ("werkgeverslasten 25% zoals in het rapport bij de aanvraag, niet bevestigd: de laatst "
            "gevonden regeling noemt 23,5%, een percentage voor 2026 is niet gevonden") in t
    # € 30.566,20 × 1,235 × 0,5 = € 18.874,63; tegenover € 19.103,88 is dat € 229 minder
    assert "€ 18.874,63" in t and "€ 229 minder" in t


def test_de_prijstabel_van_loonkostensubsidie_heeft_uren_en_loonwaarde(site: Path):
    t = tekst(site, "dossier/doorrekening/")
    assert "Uren per week (cao) 37" in t
    assert "Gemiddelde loonwaarde 50%" in t
    assert "Deel dat de loonwaarde dekt (betaalt de werkgever) € 19.103,88" in t


def test_het_lks_aandeel_is_gewogen_tegen_de_landelijke_groei(site: Path):
    t = tekst(site, "dossier/oorzaken/")
    # landelijk 600,8 / 319,4 − 1 = 88%; gemeente 1.549.000 / 719.000 − 1 = 115%;
    # budgetaandeel (1.549.000 / 600,8 mln) / (719.000 / 319,4 mln) − 1 = 15%
    assert "is het landelijke LKS-budget gestegen met 88% en het LKS-budget van de gemeente " \
        "gestegen met 115%" in t
    assert "van 0,2251% gestegen naar 0,2578%, ofwel 15% meer" in t
    assert "de gemeente zet steeds meer in op LKS" not in t


def test_kosten_per_persoon_in_de_brief_op_een_vergelijkbare_afbakening(site: Path):
    """De kosten in de tabel van § 4.2 van het rapport zijn in 2023 en 2024 anders afgebakend
    dan in 2025 (de rekenverantwoording noemt het verschil). De brief rekent daarom met de
    kosten van het uitkeringen-deel uit § 4.1: 12.002.000 / 749,17 = 16.020 (2023) en
    13.349.000 / 729,25 = 18.305 (2025), 18.305 / 16.020 − 1 = 14%."""
    t = tekst(site, "raadsinformatiebrief/")
    assert "gingen van € 16.020 in 2023 naar € 18.305 in 2025, 14% meer" in t
    assert "27%" not in t and "€ 14.409" not in t


def test_kosten_per_persoon_in_onderdeel_a_met_beide_reeksen_en_de_reden(site: Path):
    t = tekst(site, "aanvraag/")
    assert "stegen van € 16.020 in 2023 naar € 18.305 in 2025 (14% meer)" in t
    # de reeks uit de tabel van het rapport: 10.794.475 / 749,17 = 14.409; +27%
    assert ("De tabel met gemiddelde kosten in de bron geeft € 14.409 in 2023 (27% meer tot "
            "2025), maar bakent de kosten in 2023 en 2024 anders af dan in 2025") in t


def test_het_formulier_is_geen_webpagina_en_heeft_een_ondertekening(site: Path):
    t = tekst(site, "aanvraag/")
    assert "Deze pagina" not in t
    assert ("Datum van het besluit in te vullen in te vullen Handtekening de burgemeester: de "
            "voorzitter van de raad: Handtekening de secretaris: de griffier: Datum van "
            "ondertekening") in t


def test_de_bronvergelijking_kent_een_relatieve_verandering(site: Path):
    t = tekst(site, "rekenverantwoording/")
    # 23,00% / 24,18% − 1 = −4,9%: de bron bedoelt een relatieve verandering
    assert ("-5% -1,18 procentpunt relatieve verandering, geen procentpunten De bron geeft een "
            "relatieve verandering (nieuw / oud − 1): berekend -4,9%") in t
    assert "-5 procentpunt" not in t


# -- broninhoud overgenomen of verantwoord ----------------------------------------------------

def test_bevindingen_uit_de_bron_staan_in_eigen_woorden_in_het_dossier(site: Path):
    oorzaken = tekst(site, "dossier/oorzaken/")
    for stuk in ("Wajong", "warme overdracht", "inburgering en werk lopen na elkaar",
                 "budgetaandeel LKS is 15% groter dan in 2022"):
        assert stuk in oorzaken, stuk
    inleiding = tekst(site, "dossier/inleiding/")
    assert "bevestigd op 13 oktober 2025" in inleiding
    assert "tussentijds memorandum van 19 januari 2026" in inleiding


def test_wat_niet_is_overgenomen_staat_in_de_rekenverantwoording(site: Path):
    t = tekst(site, "rekenverantwoording/")
    assert "Niet overgenomen" in t
    assert "Gegevens die alleen als grafiek bestaan." in t
    assert "Namen en contactgegevens van personen." in t


def test_paragrafen_van_het_rapport_met_het_nummer_in_het_dossier(site: Path):
    oorzaken = tekst(site, "dossier/oorzaken/")
    assert "Bron: Rapport vangnet 2025, § 4.7 (hier § 4.6)" in oorzaken
    assert "§ 4.7 (hier § 4.6)" in tekst(site, "rekenverantwoording/")


def test_een_onbekende_paragraaf_bij_een_bron_is_een_fout(datakopie: Path):
    from vangnet.dossier.controle import volledige_controle

    from corpus_stappen import pas_toe

    pas_toe(datakopie, {"soort": "tekst", "bestand": "dossier.yaml",
                        "van": '"4.7": oorzaken.lks', "naar": '"4.7": oorzaken.lkss'})
    assert [str(m) for m in volledige_controle(datakopie).fouten] == [
        "dossier.yaml, kolom 'bronnen.0.paragrafen': de paragraaf 'oorzaken.lkss' bij § 4.7 van "
        "'Ondersteuning aanvraag vangnetuitkering 2025, gemeente Zevenaar' bestaat niet. Gebruik "
        "een paragraaf van het dossier, zoals oorzaken.lks; de pagina Gegevensformaat noemt ze."]


def test_leesbare_bron_vertaalt_bestanden_en_paragrafen(dataset):
    from vangnet.dossier.bronnen import leesbare_bron
    from vangnet.dossier.context import laad_context

    ctx = laad_context(dataset.map)
    assert leesbare_bron("buig.csv en de parameters van de regeling", dataset) == \
        "Rapport vangnet 2025, § 4.1 en § 6.1; de parameters van de regeling"
    assert leesbare_bron("instroom.csv en uitstroom.csv", dataset) == "Rapport vangnet 2025, § 4.4"
    assert leesbare_bron("Rapport vangnet 2025, § 4.7; Rapport vangnet 2025, § 4.5", dataset,
                         ctx.indeling) == "Rapport vangnet 2025, § 4.5 en § 4.7 (hier § 4.6)"
    assert leesbare_bron("berekening uit de prijzen van een uitkering en van loonkostensubsidie",
                         dataset) == "berekening uit de prijzen van een uitkering en van " \
        "loonkostensubsidie"


# -- de brief als brief ----------------------------------------------------------------------

def test_de_brief_heeft_een_briefhoofd_met_open_velden_die_er_een_keer_staan(site: Path):
    t = tekst(site, "raadsinformatiebrief/")
    assert t.startswith("Raadsinformatiebrief: Aanvraag vangnetuitkering 2025")
    assert ("Aan: De gemeenteraad van Zevenaar Datum: in te vullen Kenmerk: in te vullen "
            "Onderwerp: Aanvraag vangnetuitkering 2025 Portefeuillehouder: in te vullen "
            "Inlichtingen: in te vullen Bijlagen: Dossier bij de aanvraag van een "
            "vangnetuitkering over 2025; Aanvraagformulier vangnetuitkering 2025, onderdelen A "
            "tot en met D") in t
    # één briefhoofd: geen tweede lijst, geen los kader met wat er nog open is
    assert t.count("Aan:") == 1 and t.count("Kenmerk") == 1
    assert "Deze brief is nog niet af" not in t and "Nog in te vullen" not in t
    # vier velden in het briefhoofd, de raadsvergadering, de dekking en de bezwaren
    assert t.lower().count("in te vullen") == 7


def test_de_samenvatting_staat_bovenaan_voor_het_briefhoofd(site: Path):
    t = tekst(site, "raadsinformatiebrief/")
    kort = t[:t.index("Aan:")]
    assert "In het kort" in kort
    for stuk in ("tekort van € 791.000", "5,6% van het budget",
                 "Het Rijk vergoedt daarvan naar verwachting ongeveer € 41.000",
                 "Ongeveer € 750.000 blijft voor rekening van de gemeente",
                 "Wij vragen de raad in te stemmen met onze verklaring",
                 "uiterlijk 15 augustus 2026"):
        assert stuk in kort, stuk


VERKLARING = ("Het college van burgemeester en wethouders van de gemeente Zevenaar verklaart dat "
              "het maatregelen heeft getroffen om te komen tot tekortreductie.")


def test_de_brief_zegt_wat_de_raad_wordt_gevraagd_hoe_en_wanneer(site: Path):
    t = tekst(site, "raadsinformatiebrief/")
    assert f"Wij vragen de raad in te stemmen met deze verklaring: {VERKLARING}" in t
    assert "Wanneer: in de raadsvergadering van in te vullen." in t
    assert "De aanvraag moet uiterlijk 15 augustus 2026 bij de Toetsingscommissie zijn." in t
    # zoals onderdeel D: de raad besluit én tekent; een raadsbesluit vervangt de handtekening
    # niet (Toetsingscommissie, beoordeling en advisering 2023)
    assert ("Hoe: de raad besluit over de instemming. Daarna ondertekenen de voorzitter en de "
            "griffier namens de raad de verklaring in onderdeel D van het aanvraagformulier. "
            "Volgens de Toetsingscommissie vervangt een raadsbesluit die handtekening niet.") in t
    # dezelfde verklaring, letterlijk, in onderdeel D
    assert VERKLARING.removeprefix("Het ") in tekst(site, "aanvraag/")


def test_de_brief_noemt_beide_bedragen_van_de_vangnetuitkering(site: Path):
    """(5,5810% − 5%) × 14.176.798 × 50% = 41.181 met de kosten op duizendtallen; het rapport
    noemt 41.075. De brief verstopt dat verschil niet."""
    t = tekst(site, "raadsinformatiebrief/")
    assert ("De verwachte vangnetuitkering is ongeveer € 41.000 (paragraaf 3.3). Het dossier "
            "berekent € 41.181.") in t
    # het bedrag van het rapport heeft geen herkomst in het dossier: in een kader, zoals de
    # verschillen met de bron in het dossier zelf
    assert ("Ander bedrag in het onderzoeksrapport Het onderzoeksrapport komt uit op € 41.075, "
            "het dossier op € 41.181. Dat verschil komt door afronding") in t


def test_de_brief_zegt_wat_de_gemeente_zelf_draagt_en_dat_de_dekking_open_is(site: Path):
    t = tekst(site, "raadsinformatiebrief/")
    # 791.202 − 41.181 = 750.021
    assert ("Gevolgen voor de begroting ¶ Van het tekort over 2025 blijft ongeveer € 750.000 "
            "voor rekening van de gemeente: het tekort min de verwachte vangnetuitkering. Hoe de "
            "gemeente dit bedrag dekt: in te vullen.") in t


def test_de_drie_resterende_tekorten_staan_naast_elkaar(site: Path):
    t = tekst(site, "raadsinformatiebrief/")
    # 791.202 − 58.000 = 733.202; 733.202 − 314.685 = 418.517
    assert "Zonder extra inzet verwachten wij over 2026 een tekort van ongeveer € 733.000" in t
    assert "het tekort over 2026 zou dan ongeveer € 419.000 zijn" in t
    assert ("Naast elkaar: ongeveer € 750.000 is het deel van het tekort over 2025 dat de gemeente "
            "zelf betaalt; ongeveer € 733.000 en ongeveer € 419.000 zijn schattingen van het "
            "tekort over 2026, zonder en met het rekenvoorbeeld.") in t
    assert "Bij verder gelijke prijzen en budgetten" not in t


def test_de_herijking_is_een_schatting_van_het_onderzoek(site: Path):
    t = tekst(site, "raadsinformatiebrief/")
    assert ("Het onderzoek schat dat de gemeente daardoor ongeveer € 160.000 minder budget kreeg. "
            "Die schatting kunnen wij niet zelf narekenen. Als ze klopt, was het tekort zonder "
            "die aanpassing 4,4% van het budget geweest") in t
    # het rapport: € 686.000, uitgaande van een tekort van € 847.000
    assert ("Het onderzoek zelf noemt voor het tekort zonder de aanpassing een ander bedrag, "
            "omdat het van een ander tekort uitging dan het dossier (paragraaf 4.1).") in t
    assert "Zonder die daling was" not in t


def test_de_brief_legt_uit_waarom_een_jaar_onder_de_drempel_niet_uitmaakt(site: Path):
    t = tekst(site, "raadsinformatiebrief/")
    assert ("in minstens 2 van de 3 jaren ervoor ook 5,0% of meer zijn geweest. Dat was zo in 2022 "
            "en 2023; dat het tekort in 2024 lager was, maakt daarom niet uit.") in t


@pytest.mark.parametrize("vaktaal", [
    "M17", "M0", "trede", "regime", "staat niet in de bronnen", "nog niet ingevuld", "ad hoc",
    "Volgens het onderzoek", "namelijk Onafhankelijk", "blijkt uit de stukken",
    "geraadpleegde bronnen", "Elk cijfer in deze brief is een link",
])
def test_de_brief_spreekt_de_taal_van_een_raadslid(site: Path, vaktaal: str):
    assert vaktaal not in tekst(site, "raadsinformatiebrief/")


def test_de_brief_noemt_resultaten_kritische_punten_en_het_bezwaar(site: Path):
    t = tekst(site, "raadsinformatiebrief/")
    assert ("Het aantal mensen dat met loonkostensubsidie werkt, ging van 59 in januari 2023 naar "
            "140 in december 2025") in t
    assert "Van geen enkele maatregel is het resultaat gemeten en beoordeeld." in t
    assert "Kritische punten uit het onderzoek" in t
    assert "door gebrek aan capaciteit niet altijd worden gedaan" in t
    assert "bezwaar gemaakt tegen de vaststelling van het budget" in t
    assert "Voor de aanvraag telt alleen een maatregel waarover een besluit is genomen." in t


@pytest.mark.parametrize("machinaal", [
    "bereidt de aanvraag voor van een vangnetuitkering",
    "voorspeld tegenover",
    "in de jaren daarvoor: 2022",
    "het LKS-deel gestegen met",
    "in dossier.yaml",
])
def test_geen_machinale_zinnen(site: Path, machinaal: str):
    for pagina in LEESPAGINAS:
        assert machinaal not in tekst(site, pagina), (pagina, machinaal)


@pytest.fixture(scope="module")
def ingevuld(tmp_path_factory) -> Path:
    """Het voorbeeld met verzonnen briefvelden en besluiten, gebouwd zonder PDF."""
    import shutil

    from test_aanvraag import COMPLEET

    from vangnet.site.bouw import bouw

    from conftest import DATA
    from corpus_stappen import pas_toe

    data = tmp_path_factory.mktemp("ingevuld") / "data"
    shutil.copytree(DATA, data)
    for stap in COMPLEET:
        pas_toe(data, stap)
    uit = data.parent / "site"
    bouw(data, uit, pdf=False)
    return uit


def test_ingevulde_briefvelden_staan_in_de_brief(ingevuld: Path):
    t = tekst(ingevuld, "raadsinformatiebrief/")
    for stuk in ("Datum: 12 maart 2026", "Kenmerk: RIB-TEST-1",
                 "Portefeuillehouder: wethouder Werk en Inkomen", "Inlichtingen: de griffie",
                 "om het tekort terug te dringen, in de raadsvergadering van 14 april 2026.",
                 "Wanneer: in de raadsvergadering van 14 april 2026.",
                 "De raad besluit over de instemming met de verklaring van het college, naar "
                 "verwachting op 14 april 2026",
                 "Hoe de gemeente dit bedrag dekt: uit de algemene reserve (test).",
                 "Hoe de bezwaren zijn afgelopen: ongegrond verklaard (test).",
                 "Met vragen over deze brief kunt u terecht bij de griffie."):
        assert stuk in t, stuk
    assert "in te vullen" not in t.lower()
    assert "Concept" not in (ingevuld / "raadsinformatiebrief" / "index.html").read_text(
        encoding="utf-8")


def test_een_briefdatum_van_een_eerdere_brief_is_een_open_punt(datakopie: Path):
    from vangnet.dossier.controle import volledige_controle

    from corpus_stappen import pas_toe

    pas_toe(datakopie, {"soort": "tekst", "bestand": "dossier.yaml",
                        "van": "  datum: IN TE VULLEN", "naar": "  datum: 2025-03-12"})
    open_ = [str(p) for p in volledige_controle(datakopie).open_punten]
    assert ("dossier.yaml, rij 27, kolom 'brief.datum': de datum 12 maart 2025 ligt niet na het "
            "aanvraagjaar 2025; die hoort bij een eerdere brief. Vul de datum waarop de brief "
            "wordt verzonden in.") in open_


def test_contactgegevens_horen_niet_in_de_brief(datakopie: Path):
    from vangnet.dossier.controle import volledige_controle

    from corpus_stappen import pas_toe

    pas_toe(datakopie, {"soort": "tekst", "bestand": "dossier.yaml",
                        "van": "  contact: IN TE VULLEN", "naar": "  contact: iemand@gemeente.nl"})
    fouten = [str(m) for m in volledige_controle(datakopie).fouten]
    assert len(fouten) == 1 and "zonder naam of contactgegevens" in fouten[0]


def test_ontbrekende_briefvelden_zijn_open_punten_in_een_ander_dossier(tmp_path: Path):
    import shutil

    from vangnet.dossier.concept import conceptreden, open_punten
    from vangnet.dossier.context import laad_context

    data = tmp_path / "bergwaard"
    shutil.copytree(Path(__file__).parent / "fixtures" / "bergwaard", data)
    ctx = laad_context(data)
    velden = [p.melding.kolom for p in open_punten(ctx) if p.soort == "brief"]
    # de dekking en de bezwaren zijn optioneel: zonder waarde geen open punt
    assert velden == ["brief.datum", "brief.kenmerk", "brief.portefeuillehouder",
                      "brief.contact", "brief.besluit_raad"]
    assert "5 velden van de raadsinformatiebrief" in conceptreden(ctx)


def test_zonder_dekking_zegt_de_brief_dat_die_er_niet_in_staat(tmp_path: Path):
    import shutil

    from vangnet.site.bouw import bouw

    data = tmp_path / "bergwaard"
    shutil.copytree(Path(__file__).parent / "fixtures" / "bergwaard", data)
    bouw(data, tmp_path / "site", pdf=False)
    t = tekst(tmp_path / "site", "raadsinformatiebrief/")
    # bergwaard: tekort 1.900.000, regulier vangnet, uitkering 200.000
    assert "Ongeveer € 1.700.000 blijft voor rekening van de gemeente." in t
    assert "Hoe de gemeente dit bedrag dekt, staat niet in deze brief." in t
    assert "in te vullen" not in t[t.index("Gevolgen voor de begroting"):]


# -- leespagina's spreken de lezer aan --------------------------------------------------------

_ONTWIKKELAAR = re.compile(r"\b[a-z_]+\.(?:csv|yaml)\b|\bvangnet (?:check|bouw|serve|nieuw-|"
                           r"bereken|aanvraag|uitleg)|\b(?:aanvraag|brief|gemeente)\.[a-z_]+\b")


@pytest.mark.parametrize("pagina", ["", *LEESPAGINAS, "dossier/tekort/",
                                    "dossier/budget-en-vangnet/", "verkenner/"])
def test_leespaginas_noemen_geen_bestanden_of_opdrachten(site: Path, pagina: str):
    t = tekst(site, pagina)
    assert not _ONTWIKKELAAR.search(t), _ONTWIKKELAAR.search(t).group(0)


def test_waar_in_het_dossier_is_een_link_met_de_titel(site: Path):
    from bs4 import BeautifulSoup

    soep = BeautifulSoup((site / "aanvraag" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    rijen = soep.select("table.tabel-volledigheid tbody tr")
    links = [r.find_all("td")[2].find("a") for r in rijen]
    titels = [a.get_text(strip=True) for a in links if a is not None]
    assert "5. Maatregelen" in titels and "6. Doorrekening van de maatregelen" in titels
