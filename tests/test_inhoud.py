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
    assert ("werkgeverslasten 25% volgens Rapport vangnet 2025, § 6.2, niet bevestigd: de "
            "laatst gevonden regeling noemt 23,5%, een percentage voor 2026 is niet gevonden; "
            "uren per week en loonwaarde: Rapport vangnet 2025, § 6.2") in t
    assert ("Dit dossier rekent met het percentage van de parameters van vangnet (bron: Rapport "
            "vangnet 2025, § 6.2).") in t
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
    # (de bron geeft de kosten en het bestand, niet het bedrag per persoon: dat rekent het
    # dossier uit; de afwijkende afbakening is een vermoeden, geen bewering van de bron)
    assert ("Met de kosten uit de tabel met gemiddelde kosten in de bron is dat € 14.409 in 2023 "
            "(27% meer tot 2025), maar die kosten wijken in 2023 en 2024 af van de kosten van "
            "het uitkeringen-deel; mogelijk zijn ze anders afgebakend") in t
    # 2.609.626 / 10.794.475 = 24,18%; 2.609.626 / 12.002.000 = 21,74%; 3.070.111 / 13.348.833
    assert ("daalden volgens die tabel als deel van de kosten van 24,18% naar 23,00%; als deel "
            "van de kosten van het uitkeringen-deel stegen ze van 21,74% naar 23,00%.") in t


def test_het_formulier_is_geen_webpagina_en_heeft_een_ondertekening(site: Path):
    t = tekst(site, "aanvraag/")
    assert "Deze pagina" not in t
    assert ("Datum van het besluit in te vullen in te vullen Handtekening de burgemeester: de "
            "voorzitter van de raad: Handtekening de secretaris: de griffier: Datum van "
            "ondertekening") in t


def test_kosten_per_persoon_met_een_reeks_die_elk_jaar_gelijk_is_afgebakend(cijfers):
    from fractions import Fraction

    # kosten van het uitkeringen-deel (buig.csv) / bestand (gemiddelde_kosten.csv)
    assert cijfers.waarde("gemkosten.per_persoon_buig.2023") == Fraction(12_002_000) / \
        Fraction("749.17")  # = 16.020,40
    assert cijfers.waarde("gemkosten.per_persoon_buig.2025") == Fraction(13_349_000) / \
        Fraction("729.25")  # = 18.305,11
    # 18.305,11 / 16.020,40 − 1 = 0,1426
    assert round(float(cijfers.waarde("gemkosten.mutatie.per_persoon_buig")), 4) == 0.1426


def test_42_zet_beide_reeksen_naast_elkaar_en_houdt_de_gekorte_inkomsten_in_verhouding(
        site: Path):
    t = tekst(site, "dossier/oorzaken/")
    t = t[t.index("4.2 Gemiddelde kosten"):t.index("4.3 Aantal")]
    # 12.002.000 / 749,17 = 16.020; 13.349.000 / 729,25 = 18.305; +14%
    assert "van € 16.020 naar € 18.305, 14% meer" in t
    # de tabel van de bron: 10.794.475 / 749,17 = 14.409; 13.348.833 / 729,25 = 18.305; +27%
    assert "van € 14.409 naar € 18.305, 27% meer" in t
    # 12.002.000 − 10.794.475 = 1.207.525
    assert "in 2023 zijn ze € 1.207.525 lager" in t
    assert "Dit dossier gaat daarom uit van de reeks met de kosten van het uitkeringen-deel" in t
    # verhouding 2023 = 2.609.626 / 10.794.475 = 0,241756; kosten 2025 zonder die daling:
    # (13.348.833 + 3.070.111) / 1,241756 = 13.222.362, dus 126.471 lager (≈ € 126.000);
    # per persoon 126.471 / 729,25 = 173; van de stijging 18.305,11 − 16.020,40 = 2.284,71
    # is dat 173,43 / 2.284,71 = 7,6% (≈ 8%)
    assert "ongeveer € 126.000 lager geweest" in t
    assert "€ 173 per persoon, ongeveer 8% van de stijging van € 2.285 per persoon" in t
    assert "Het grootste deel daarvan verklaart dit dus niet." in t
    # met de kosten van het uitkeringen-deel: 2.609.626 / 12.002.000 = 21,74% → 23,00%
    assert "gestegen van 21,74% naar 23,00%" in t
    # de benchmark is van de hele RSD, zonder afdrachten
    assert "bij de hele RSD De Liemers, dus niet alleen in Zevenaar" in t
    assert "zonder de afdrachten aan de Belastingdienst" in t
    # geen dubbele zinnen: gehuwden en het innen van vorderingen elk één keer
    assert t.count("uitkering voor gehuwden") == 1
    assert t.count("geïnd") == 1


def test_de_doorrekening_ook_als_de_norm_de_vakantietoeslag_al_bevat(cijfers):
    from fractions import Fraction as F

    # zonder opslag: normbedrag × 12 × (1 + afdrachten 60,19%) − correctie heffingskorting
    alleen = F("1401.50") * 12 * (1 + F("0.6019")) - 3115  # 23.825,7542
    gehuwd = F("2002.13") * 12 * (1 + F("0.6019")) - 3115  # 35.371,5446
    assert cijfers.waarde("vtnorm.prijs.alleenstaande.2026") == alleen
    assert cijfers.waarde("vtnorm.prijs.gehuwden.2026") == gehuwd
    # LKS: 14,71 × 37 × 52 × 1,08 × 1,25 × 0,5 = 19.103,877 (ongewijzigd)
    lks = F("14.71") * 37 * 52 * F("1.08") * F("1.25") * F("0.5")
    # scenario: 12 alleenstaanden en 12 gehuwden naar LKS = 56.662,53 + 195.212,01
    besparing = 12 * (alleen - lks) + 12 * (gehuwd - lks)
    assert cijfers.waarde("vtnorm.scenario.besparing.2026") == besparing
    assert round(float(besparing), 2) == 251_874.54
    # resterend tekort: 791.202 − 58.000 − 251.874,54 = 481.327,46
    assert cijfers.waarde("vtnorm.resterend_tekort.2026") == 791_202 - 58_000 - besparing
    # de berekening van het rapport blijft staan: 733.202 − 314.684,7 = 418.517
    assert round(float(cijfers.waarde("doorrekening.resterend_tekort.2026"))) == 418_517


def test_hoofdstuk_6_toont_beide_lezingen_van_het_normbedrag(site: Path):
    t = tekst(site, "dossier/doorrekening/")
    assert ("Of het normbedrag de vakantietoeslag al bevat, is in de geraadpleegde bronnen "
            "niet bevestigd") in t
    assert "Prijs als het normbedrag de vakantietoeslag al bevat € 35.371,54" in t
    assert "Besparing als de norm de vakantietoeslag al bevat" in t
    # zie de vorige test: 251.875 en 314.685; 481.327 en 418.517 op duizendtallen
    assert ("ligt de besparing dus tussen € 251.875 en € 314.685, en het resterende tekort "
            "tussen € 419.000 en € 481.000") in t
    assert "welke juist is, zegt dit dossier niet" in t
    verantwoording = tekst(site, "rekenverantwoording/")
    assert "Vakantietoeslag over de norm 8% niet bevestigd" in verantwoording


def test_het_fictieve_tekort_zegt_wat_het_weglaat(site: Path):
    t = tekst(site, "dossier/doorrekening/")
    assert "Dat is geen prognose van het tekort over 2026" in t
    # voorlopig LKS-budget 2026 1.661.000 − definitief 2025 1.549.000 = 112.000;
    # verwacht 1.813.292 − 1.661.000 = 152.292
    assert "het voorlopige LKS-budget voor 2026 is al € 112.000 hoger" in t
    assert "verwacht nog € 152.000 meer" in t
    assert "de indexatie van de normbedragen" in t
    # huishoudens en personen worden niet zonder meer naast elkaar gezet
    assert "De aantallen hierboven zijn huishoudens" in t
    assert "137 personen uit de bijstand" not in t


def test_de_herijking_is_een_inschatting_van_het_onderzoek(site: Path):
    t = tekst(site, "dossier/oorzaken/")
    # 791.202 − 160.000 = 631.202; het rapport noemt 686.000 (uit 847.000 − 160.000 ≈ 686.000 +
    # afronding); 686.000 − 631.202 = 54.798
    assert "Dat bedrag is een inschatting van het onderzoek die niet na te rekenen is" in t
    assert ("Verschil met de bron Rapport vangnet 2025, § 4.1 (tekst: tekort zonder herijking) "
            "noemt als tekort zonder herijking € 686.000; "
            "uit de gegevens volgt € 631.202, € 54.798 lager.") in t
    conclusie = t[t.index("4.7 Conclusie"):]
    assert ("Het onderzoek schat de daling van het budget op ongeveer € 160.000; dat is niet "
            "na te rekenen. Volgens die inschatting was het tekort zonder de daling 4,4%") \
        in conclusie
    assert ("Dat tekort zonder herijking, € 631.000, volgt uit het tekort van hoofdstuk 3; de "
            "bron komt op een ander bedrag uit.") in conclusie
    assert ("Rapport vangnet 2025, § 4.1 (tekst: tekort zonder herijking) noemt als tekort "
            "zonder herijking € 686.000, hier € 631.202 "
            "(€ 54.798 lager; zie paragraaf 4.1)") in conclusie
    # alleen het budget van het uitkeringen-deel ligt buiten de invloed van de gemeente
    assert "geen invloed heeft" not in conclusie
    assert "waarvan de gemeente de hoogte van het budget niet kan beïnvloeden" in conclusie
    assert "de gemeente heeft er geen invloed op" not in t
    # het LKS-budget: het rapport zegt beïnvloedbaar, het dossier deels, en zegt waarom (in de
    # eigen tekst van het voorbeeld: de tabel van vangnet noemt geen bevinding van één onderzoek)
    assert ("Het onderzoek noemt het LKS-budget beïnvloedbaar; omdat dat budget ook de uitgaven "
            "van alle andere gemeenten volgt, noemt dit dossier het deels beïnvloedbaar.") in t


def test_cijfers_van_de_hele_rsd_zeggen_dat_in_de_tekst(site: Path):
    t = tekst(site, "dossier/oorzaken/")
    assert ("voor de hele RSD De Liemers (dus niet alleen voor Zevenaar) rekening met 35 "
            "plaatsingen") in t
    assert ("Tot februari 2026, de stand bij het onderzoek, werkten er in de hele RSD De "
            "Liemers 13") in t
    # de peildatum van de treden is gecorrigeerd, en dat staat in de tekst
    assert "Het onderzoek noemt bij trede vier het vierde kwartaal van 2024" in t
    assert "dat is een correctie op de tekst van het onderzoek" in t
    # geen bewering die sterker is dan de bron (die alleen meer inzet op de samenloop 'niet
    # opportuun' noemt)
    assert "valt het meeste te winnen" not in t
    assert "lijkt meer inzet op die groep volgens het onderzoek niet zinvol" in t
    # lks_treden.csv: trede 6 met uitkering: 7 zonder en 5 met groeipotentie
    assert "bij betaald werk zijn dat er 7 zonder en 5 met groeipotentie" in t
    # alle acht indicatoren van de bestuurlijke opdracht zijn van de hele RSD
    maatregelen = tekst(site, "dossier/maatregelen/")
    assert maatregelen.count("(hele RSD") >= 8


def test_het_uitgebreide_vangnet_legt_het_jaar_onder_de_drempel_uit(site: Path):
    t = tekst(site, "dossier/tekort/")
    # 2024: 609.000 / 13.341.000 = 4,56% < 5%; 2022 (10,39%) en 2023 (9,17%) wel: 2 van de 3
    assert ("In 2024 was het tekort 4,6% van het budget, minder dan 5,0%. Dat staat het "
            "uitgebreide vangnet niet in de weg: de voorwaarde vraagt een tekort van die omvang "
            "in minstens 2 van de 3 voorgaande jaren, niet in elk jaar.") in t
    uitleg = tekst(site, "dossier/budget-en-vangnet/")
    assert "Niet elk voorgaand jaar hoeft dus zo'n tekort te hebben" in uitleg


def test_buig_tabellen_noemen_de_paragraaf_van_hun_gegevens_en_de_afronding(site: Path):
    from bs4 import BeautifulSoup

    def tabel(pagina: str, id_: str) -> str:
        soep = BeautifulSoup((site / pagina / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        kader = soep.find(id=f"tabel-{id_}").find_parent(class_="tabel")
        return " ".join(kader.get_text(" ").replace("\u00a0", " ").split())

    totaal = tabel("dossier/tekort", "buig_meerjarig")
    # de totaaltabel staat in § 3 van het rapport (2021 alleen in § 4.1); § 6.1 gaat over het
    # voorlopige LKS-budget 2026, dat niet in deze tabel staat
    assert "Bron: Rapport vangnet 2025, § 3 en § 4.1" in totaal and "§ 6.1" not in totaal
    # 2021: 11.315.000 − 11.753.000 = −438.000, het rapport noemt −437.000; 2023: § 4.1 noemt
    # −1.085.000, 11.823.000 − 12.907.000 = −1.084.000
    assert "wijkt het in 2021 en 2023 op de afronding af" in totaal
    lks = tabel("dossier/oorzaken", "buig_lks")
    # 719.000 − 690.000 = 29.000 (rapport 28.000); 1.184.000 − 1.270.000 = −86.000 (−85.000);
    # 1.549.000 − 1.619.000 = −70.000 (−71.000)
    assert "Bron: Rapport vangnet 2025, § 4.1 " in lks + " " and "§ 6.1" not in lks
    assert "wijkt het in 2022, 2024 en 2025 op de afronding af" in lks


def test_de_geschatte_landelijke_lks_uitgaven_staan_overal_hetzelfde(site: Path):
    # 600,8 mln × (309,3/319,4 + 393,8/415,3 + 492,7/515,2) / 3 = 575,353 mln
    for pagina in ("dossier/doorrekening/", "rekenverantwoording/", "herkomst/"):
        t = tekst(site, pagina)
        assert "€ 575,4 mln" not in t and "€ 575,36 mln" not in t, pagina
    assert "€ 575,35 mln" in tekst(site, "dossier/doorrekening/")


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
        "Rapport vangnet 2025, § 3, § 4.1 en § 6.1; de parameters van de regeling"
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
    # de datum is niet bevestigd: 'naar verwachting' (raadslid: eerst feit, dan onbevestigd)
    assert ("De aanvraag moet naar verwachting uiterlijk 15 augustus 2026 bij de "
            "Toetsingscommissie zijn.") in t
    assert "moet uiterlijk" not in t
    # het eigen risico in euro's: 5% × 14.176.798 = 708.840
    assert ("Het tekort tot die drempel, ongeveer € 709.000, betaalt de gemeente zelf.") in t
    # de stappen beginnen bij de accountant, want de kosten over 2025 zijn nog niet gecontroleerd
    assert "Hoe verder ¶ De accountant controleert de kosten over 2025" in t
    # zoals onderdeel D: de raad besluit én tekent; een raadsbesluit vervangt de handtekening
    # niet (Toetsingscommissie, beoordeling en advisering 2023)
    assert ("Hoe: het college legt de raad daarvoor een raadsvoorstel met een ontwerpbesluit "
            "voor; deze brief is de informatie vooraf en zelf geen voorstel. De raad besluit over "
            "de instemming. Daarna ondertekenen de voorzitter en de "
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
    assert ("Ander bedrag in de bron Rapport vangnet 2025, § 3 (berekening "
            "vangnetuitkering) noemt € 41.075, "
            "het dossier berekent € 41.181. Dat verschil is klein genoeg om uit de afronding van "
            "bedragen in de gegevens te komen.") in t
    # (791.000 − 5% × 14.177.000) × 50% = 41.075: het rapport rekende met zijn afgeronde tabel
    assert ("Met het tekort en het budget op duizendtallen uit zijn tabel komt de formule precies "
            "op de uitkomst van het rapport") in t
    assert "het rapport zelf rekende met de kosten tot op de euro" not in t


def test_de_brief_zegt_wat_de_gemeente_zelf_draagt_en_dat_de_dekking_open_is(site: Path):
    t = tekst(site, "raadsinformatiebrief/")
    # 791.202 − 41.181 = 750.021
    assert ("Gevolgen voor de begroting ¶ Van het tekort over 2025 blijft ongeveer € 750.000 "
            "voor rekening van de gemeente: het tekort min de verwachte vangnetuitkering. Hoe de "
            "gemeente dit bedrag dekt: in te vullen.") in t


def test_de_brief_zegt_hoe_dicht_het_tekort_bij_de_drempel_ligt(site: Path):
    """791.202 − 5% × 14.176.798 = 82.362: zoveel lagere gecontroleerde kosten en er is geen
    vangnetuitkering. Dat risico staat bij de zin over de controle van de kosten."""
    t = tekst(site, "raadsinformatiebrief/")
    assert ("De kosten over 2025 zijn nog niet door de accountant gecontroleerd. De "
            "gecontroleerde cijfers kunnen het tekort en de vangnetuitkering nog veranderen. Het "
            "tekort ligt ongeveer € 82.000 boven de drempel van 5,0% van het budget: vallen de "
            "gecontroleerde kosten zoveel lager uit, dan is er geen vangnetuitkering.") in t


def test_de_drie_resterende_tekorten_staan_naast_elkaar(site: Path):
    t = tekst(site, "raadsinformatiebrief/")
    # 791.202 − 58.000 = 733.202; 733.202 − 314.685 = 418.517
    # de fictieve tekorten zijn rekenmaten, geen verwachting (commissie: geen prognose)
    assert "Het dossier rekent met een fictief tekort over 2026 van ongeveer € 733.000" in t
    assert "Dat is geen verwachting van het tekort" in t
    assert "verwachten wij over 2026 een tekort" not in t
    assert "het fictieve tekort over 2026 zou dan ongeveer € 419.000 zijn" in t
    assert ("Naast elkaar: ongeveer € 750.000 is het deel van het tekort over 2025 dat de gemeente "
            "zelf betaalt; ongeveer € 733.000 en ongeveer € 419.000 zijn fictieve tekorten over "
            "2026, zonder en met het rekenvoorbeeld: rekenmaten, geen verwachtingen.") in t
    assert "Bij verder gelijke prijzen en budgetten" not in t


def test_de_herijking_is_een_schatting_van_het_onderzoek(site: Path):
    t = tekst(site, "raadsinformatiebrief/")
    assert ("Het onderzoek schat dat de gemeente daardoor ongeveer € 160.000 minder budget kreeg. "
            "Die schatting kunnen wij niet zelf narekenen. Als ze klopt, was het tekort zonder "
            "die aanpassing 4,4% van het budget geweest") in t
    # het rapport: € 686.000, uitgaande van een tekort van € 847.000
    # het bedrag van het onderzoek zelf staat in het kader in paragraaf 4.1: een bedrag in de
    # lopende tekst heeft altijd een herkomst in het dossier, en dit bedrag heeft die niet
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
    assert "Geen enkele maatregel is al op zijn resultaat geëvalueerd." in t
    # indicatoren.csv: 8 indicatoren met elk een doel voor 2024 en 2025, niet "16 doelen"
    assert ("Voor de maatregelen zijn 8 meetbare doelen vastgelegd, samen 16 doelen per jaar "
            "tot en met 2025.") in t
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


# -- de verantwoording in gewone taal --------------------------------------------------------

_JARGON = re.compile(r"vangnet/(?:regels|parameters)|vangnet uitleg|\brij \d+, kolom|BWBR\d|"
                     r"bij het bouwen|\bcellen in de gegevens|JavaScript")


@pytest.mark.parametrize("pagina", ["", "rekenverantwoording/", "herkomst/", "verkenner/"])
def test_verantwoording_en_startpagina_zonder_ontwikkelaarstaal(site: Path, pagina: str):
    t = tekst(site, pagina)
    assert not _JARGON.search(t), _JARGON.search(t).group(0)


def test_de_uitleg_bij_een_cijfer_begint_met_de_bron_in_woorden(site: Path):
    import json

    alles = json.loads((site / "herkomst" / "herkomst.json").read_text(encoding="utf-8"))
    regels = [g for item in alles.values() for g in item.get("gegevens", [])]
    assert regels
    for regel in regels:
        # niet met een bestandsnaam beginnen; de plek in het bestand staat erachter, als regel
        assert not re.match(r"[a-z_]+\.(?:csv|yaml)", regel), regel
        assert "; ter controle: gegevensbestand " in regel, regel
        assert not re.search(r"\brij \d", regel), regel
    # een YAML-bestand heeft regels, geen rijen en kolommen (doorrekening.yaml: regel 7)
    assert alles["aanname.vakantietoeslag_uitkering"]["gegevens"][0].endswith(
        "ter controle: gegevensbestand doorrekening.yaml, regel 7 (vakantietoeslag_uitkering)")
    # kengetallen.csv regel 16: de daling door de herijking, uit § 4.1 van het rapport
    assert alles["kengetal.herijking.daling_uitkeringen_deel"]["gegevens"] == [
        "Rapport vangnet 2025, § 4.1 (tekst); ter controle: gegevensbestand kengetallen.csv, "
        "regel 16, kolom waarde"]
    # een parameter zonder code
    assert alles["prijs.gehuwden.normbedrag_maand.2026"]["parameter"] == (
        "Normbedrag gehuwden per maand, geldig vanaf 1 januari 2026, status niet bevestigd")


def test_het_gegevensformaat_is_een_handleiding_buiten_de_aanvraag(site: Path):
    from bs4 import BeautifulSoup

    t = tekst(site, "gegevens/")
    assert t.startswith("Gegevensformaat: handleiding")
    assert "Handleiding, geen deel van de aanvraag" in t
    soep = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    navigatie = " ".join(soep.select_one("nav.md-nav--primary").get_text(" ").split())
    assert "Handleiding (geen deel van de aanvraag)" in navigatie
    # in de navigatie niet onder Verantwoording
    verantwoording = navigatie[navigatie.index("Verantwoording"):
                               navigatie.index("Handleiding (geen deel van de aanvraag)")]
    assert "Gegevensformaat" not in verantwoording
