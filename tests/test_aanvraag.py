"""Het aanvraagformulier (onderdelen A–D) en de toetsing aan het beoordelingskader."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from vangnet.cli import main
from vangnet.dossier.context import laad_context
from vangnet.dossier.controle import volledige_controle
from vangnet.dossier.formulier import render
from vangnet.dossier.kader import conceptreden, laad_kader

from conftest import DATA
from corpus_stappen import pas_toe
from hulp import verwijder_rapportwaarden, wijzig_csv, zet_tekorten

COMPLEET = [
    {"soort": "tekst", "bestand": "dossier.yaml", "van": "  collegebesluit:\n",
     "naar": "  collegebesluit: 2026-03-10\n"},
    {"soort": "tekst", "bestand": "dossier.yaml", "van": "  raadsbesluit:",
     "naar": "  raadsbesluit: 2026-04-14"},
    # verzonnen waarden voor wat het voorbeeld als 'IN TE VULLEN' laat staan
    {"soort": "tekst", "bestand": "maatregelen.csv", "van": "IN TE VULLEN", "naar": "2023-11-09"},
    {"soort": "tekst", "bestand": "indicatoren.csv", "van": "IN TE VULLEN", "naar": "1"},
    {"soort": "tekst", "bestand": "dossier.yaml", "van": "  datum: IN TE VULLEN",
     "naar": "  datum: 2026-03-12"},
    {"soort": "tekst", "bestand": "dossier.yaml", "van": "  kenmerk: IN TE VULLEN",
     "naar": "  kenmerk: RIB-TEST-1"},
    {"soort": "tekst", "bestand": "dossier.yaml", "van": "  portefeuillehouder: IN TE VULLEN",
     "naar": "  portefeuillehouder: wethouder Werk en Inkomen"},
    {"soort": "tekst", "bestand": "dossier.yaml", "van": "  contact: IN TE VULLEN",
     "naar": "  contact: de griffie"},
    {"soort": "tekst", "bestand": "dossier.yaml", "van": "  besluit_raad: IN TE VULLEN",
     "naar": "  besluit_raad: 2026-04-14"},
    {"soort": "tekst", "bestand": "dossier.yaml", "van": "  dekking: IN TE VULLEN",
     "naar": "  dekking: 'Hoe de gemeente dit bedrag dekt: uit de algemene reserve (test).'"},
    {"soort": "tekst", "bestand": "dossier.yaml", "van": "  bezwaren: IN TE VULLEN",
     "naar": "  bezwaren: 'Hoe de bezwaren zijn afgelopen: ongegrond verklaard (test).'"},
]


def _ontbrekend(map_: Path) -> list[str]:
    rapport = volledige_controle(map_)
    assert rapport.in_orde, [str(f) for f in rapport.fouten]
    return [f"{t.eis.id}: {t.toelichting}" for t in rapport.volledigheid if not t.voldaan]


def test_het_kader_noemt_per_eis_onderdeel_en_bron():
    kader = laad_kader()
    assert {e.onderdeel for e in kader} >= {"A", "B", "C", "D"}
    for eis in kader:
        assert eis.bronnen and eis.status in ("bevestigd", "niet_bevestigd")


def test_de_ingebedde_aanvraag_mist_alleen_de_instemming_van_de_raad():
    assert _ontbrekend(DATA) == [
        "instemming_raad: De gemeenteraad heeft nog niet ingestemd; zonder die instemming is de "
        "aanvraag niet compleet."
    ]


def test_de_toelichting_voor_de_lezer_noemt_geen_bestanden_of_velden():
    """Bestanden en velden horen bij de oplossing voor de opsteller (vangnet check), niet in de
    tekst die een lezer van het dossier ziet."""
    rapport = volledige_controle(DATA)
    for toetsing in rapport.volledigheid:
        assert not re.search(r"\.csv|\.yaml|aanvraag\.", toetsing.toelichting), toetsing
    instemming = next(t for t in rapport.volledigheid if t.eis.id == "instemming_raad")
    assert "aanvraag.raadsbesluit in dossier.yaml" in instemming.oplossing
    assert "aanvraag.raadsbesluit in dossier.yaml" in rapport.tekst()


def test_check_toont_de_volledigheid_en_faalt_met_aanvraag(capsys):
    assert main(["check", "--data", str(DATA)]) == 0
    uit = capsys.readouterr().out
    assert "✗ [D] Instemming van de gemeenteraad" in uit
    assert "✓ [B] Interne en externe maatregelen" in uit
    assert "Het dossier wordt als concept gebouwd." in uit
    assert main(["check", "--data", str(DATA), "--aanvraag"]) == 1


def test_met_besluiten_van_college_en_raad_is_de_aanvraag_compleet(datakopie: Path, capsys):
    for stap in COMPLEET:
        pas_toe(datakopie, stap)
    assert _ontbrekend(datakopie) == []
    assert main(["check", "--data", str(datakopie), "--aanvraag"]) == 0
    assert "de aanvraag is compleet" in capsys.readouterr().out


def _alle(rijen, kolom, waarde):
    for rij in rijen:
        rij[kolom] = waarde
    return rijen


@pytest.mark.parametrize(("naam", "wijzig", "verwacht"), [
    ("geen externe maatregel",
     lambda m: wijzig_csv(m / "maatregelen.csv", lambda r: _alle(r, "soort", "intern")),
     "intern_en_extern: Er is geen externe maatregel met een besluit; een uitgebreide of "
     "herhaalde aanvraag vraagt beide."),
    ("uitsluitend een externe maatregel",
     lambda m: wijzig_csv(m / "maatregelen.csv", lambda r: _alle(r, "soort", "extern")),
     "intern_en_extern: Er is geen interne maatregel met een besluit; een uitgebreide of "
     "herhaalde aanvraag vraagt beide."),
    ("raadsbesluit na de uiterste datum",
     lambda m: pas_toe(m, {"soort": "tekst", "bestand": "dossier.yaml",
                           "van": "raadsbesluit: 2026-04-14", "naar": "raadsbesluit: 2026-09-01"}),
     "instemming_raad: Het raadsbesluit van 1 september 2026 ligt na de uiterste datum van "
     "indienen, 15 augustus 2026 (deze datum is nog niet bevestigd)."),
    ("raadsbesluit ontbreekt",
     lambda m: pas_toe(m, {"soort": "tekst", "bestand": "dossier.yaml",
                           "van": "  raadsbesluit: 2026-04-14", "naar": "  raadsbesluit:"}),
     "instemming_raad: De gemeenteraad heeft nog niet ingestemd; zonder die instemming is de "
     "aanvraag niet compleet."),
    ("uitgebreide aanvraag in een jaar met het reguliere vangnet",
     lambda m: (zet_tekorten(m, {2022: 2.0, 2023: 3.0, 2024: 9.0, 2025: 9.0}),
                verwijder_rapportwaarden(m)),
     "soort_aanvraag: De aanvraag is opgegeven als uitgebreide aanvraag, maar in 2025 geldt het "
     "reguliere vangnet; daarvoor is een reguliere aanvraag nodig."),
])
def test_elk_ontbrekend_onderdeel_geeft_de_juiste_melding(naam, wijzig, verwacht,
                                                          datakopie: Path):
    for stap in COMPLEET:
        pas_toe(datakopie, stap)
    wijzig(datakopie)
    assert _ontbrekend(datakopie) == [verwacht], naam


def test_zonder_getroffen_maatregel_ontbreken_verklaring_en_maatregelen(datakopie: Path):
    wijzig_csv(datakopie / "maatregelen.csv", lambda r: _alle(r, "status", "aanbevolen"))
    ontbrekend = [regel.split(":")[0] for regel in _ontbrekend(datakopie)]
    # een aanbeveling met een doorgerekend effect telt niet als doorgerekende maatregel
    assert ontbrekend == ["maatregel_getroffen", "intern_en_extern", "effect_doorgerekend",
                          "instemming_raad"]
    tekst, _ = render(laad_context(datakopie), "txt")
    assert "heeft maatregelen getroffen" not in tekst
    assert "Zolang er geen maatregel is getroffen, kan het college de verklaring niet afleggen." \
        in tekst
    tekst, _ = render(laad_context(DATA), "txt")
    assert "verklaart dat het maatregelen heeft getroffen om te komen tot tekortreductie" in tekst


def test_export_in_alle_formaten_in_de_volgorde_van_het_formulier(capsys):
    for formaat in ("txt", "md", "html"):
        assert main(["aanvraag", "--data", str(DATA), "--formaat", formaat]) == 0
        uit = capsys.readouterr().out
        posities = [uit.index(f"Onderdeel {o}") for o in "ABCD"]
        assert posities == sorted(posities)
        assert "Instemming van de gemeenteraad" in uit
        assert "CONCEPT" in uit
        assert "€ 791.000" in uit.replace("\u00a0", " ")
    assert "<table>" in uit and "<caption>" in uit


def test_tabellen_in_de_tekstexport_zijn_plakbaar():
    tekst, _ = render(laad_context(DATA), "txt")
    assert re.search(r"^2025 +€ 14\.177\.000 +€ 14\.968\.000 +€ -791\.000 +-5,6%$", tekst,
                     re.M)
    assert "<" not in tekst and "{{" not in tekst


def _cijfers_in(html: str, selector: str = "a.cijfer") -> set[str]:
    soep = BeautifulSoup(html, "html.parser")
    return {a["data-cijfer"] for a in soep.select(selector)}


@pytest.mark.parametrize(("onderdeel", "hoofdstuk"), [
    ("onderdeel_a.md", "dossier/oorzaken/"),
    ("onderdeel_c.md", "dossier/doorrekening/"),
])
def test_export_en_hoofdstuk_tonen_dezelfde_cijfers(site: Path, onderdeel: str, hoofdstuk: str):
    ctx = laad_context(DATA)
    _, macros = render(ctx, "txt", onderdelen=(onderdeel,))
    pagina = (site / hoofdstuk / "index.html").read_text(encoding="utf-8")
    aanvraag = (site / "aanvraag/index.html").read_text(encoding="utf-8")
    # geen cijfer in de export dat de site niet toont (hoofdstuk of aanvraagpagina)
    op_de_site = _cijfers_in(pagina) | _cijfers_in(aanvraag)
    assert macros.gebruikt <= op_de_site, macros.gebruikt - op_de_site
    # en de tabellen van dit onderdeel bevatten op de site en in de export dezelfde cijfers
    for naam in macros.tabellen:
        in_tabel = _cijfers_in(pagina + aanvraag, f"#tabel-{naam}-blok a.cijfer")
        tabel = ctx.tabel(naam)
        cellen = [c for r in (*tabel.rijen, tabel.totaal or ()) for c in r]
        export = {c.cijfer for c in cellen if c.cijfer}
        assert export == in_tabel, naam


def test_aanvraagpagina_op_de_site_is_concept_en_gelinkt(site: Path):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="aanvraag/"' in home
    aanvraag = (site / "aanvraag/index.html").read_text(encoding="utf-8")
    assert "tabel-volledigheid" in aanvraag
    for pagina in ("index.html", "dossier/tekort/index.html", "aanvraag/index.html"):
        inhoud = (site / pagina).read_text(encoding="utf-8")
        assert "<strong>Concept</strong>" in inhoud, pagina


def test_conceptreden_is_leeg_als_alles_compleet_is(datakopie: Path, tmp_path: Path):
    for stap in COMPLEET:
        pas_toe(datakopie, stap)
    ctx = laad_context(datakopie)
    assert conceptreden(ctx.volledigheid) == ""
    from vangnet.site.bouw import bouw

    uit = tmp_path / "site"
    bouw(datakopie, uit, pdf=False)
    assert "<strong>Concept</strong>" not in (uit / "index.html").read_text(encoding="utf-8")
    assert shutil.which("true")


def test_zonder_uiterste_datum_meldt_de_toets_dat_de_termijn_niet_getoetst_is(
        datakopie: Path, tmp_path: Path):
    from vangnet.cijfers import bereken_cijfers
    from vangnet.data.dataset import laad_dataset
    from vangnet.dossier.kader import toets_volledigheid
    from vangnet.regels.parameters import PARAMETERMAP, laad_parameters

    for stap in COMPLEET:
        pas_toe(datakopie, stap)
    parameters = tmp_path / "parameters"
    shutil.copytree(PARAMETERMAP, parameters)
    bestand = parameters / "aanvraag" / "uiterste_indiendatum.yaml"
    tekst = bestand.read_text(encoding="utf-8")
    bestand.write_text(tekst[:tekst.index("  2025-01-01:")], encoding="utf-8")  # geen 2025
    dataset = laad_dataset(datakopie)
    uitkomsten = toets_volledigheid(dataset, bereken_cijfers(dataset, laad_parameters(parameters)))
    assert all(t.voldaan for t in uitkomsten)
    instemming = next(t for t in uitkomsten if t.eis.id == "instemming_raad")
    assert instemming.toelichting == (
        "De raad stemde in op 14 april 2026. Let op: de uiterste datum van indienen voor 2025 "
        "is niet bekend, dus niet getoetst.")
    assert instemming.oplossing == ("Voeg de datum met haar bron toe in "
                                    "vangnet/parameters/aanvraag/uiterste_indiendatum.yaml.")


def test_de_brief_wacht_niet_op_de_instemming_waarom_hij_vraagt(datakopie: Path):
    """Alles compleet behalve het raadsbesluit: het dossier blijft een concept (D ontbreekt),
    maar de raadsinformatiebrief, die de raad om die instemming vraagt, is dat niet."""
    from vangnet.dossier.concept import conceptreden as dossierreden
    from vangnet.site.pdf.brief import briefvelden

    for stap in COMPLEET:
        if "raadsbesluit" not in stap["van"]:
            pas_toe(datakopie, stap)
    ctx = laad_context(datakopie)
    assert dossierreden(ctx) == ("De aanvraag is nog niet compleet: instemming van de "
                                 "gemeenteraad ontbreekt.")
    assert dossierreden(ctx, behalve=("D",)) == ""
    assert briefvelden(ctx, "Raadsinformatiebrief: Aanvraag").concept == ""
    # zonder een veld van de brief is de brief wel weer een concept
    pas_toe(datakopie, {"soort": "tekst", "bestand": "dossier.yaml", "van": "  kenmerk: RIB-TEST-1",
                        "naar": "  kenmerk: IN TE VULLEN"})
    velden = briefvelden(laad_context(datakopie), "Raadsinformatiebrief: Aanvraag")
    assert velden.concept.startswith("Concept, nog niet verzonden.")


def test_instemming_van_de_raad_vraagt_ook_het_collegebesluit(datakopie: Path):
    """Onderdeel D noemt de verklaring van het college met haar datum; zonder die datum is de
    instemming van de raad niet compleet, ook als het raadsbesluit er is."""
    for stap in COMPLEET:
        if "collegebesluit" not in stap["van"]:
            pas_toe(datakopie, stap)
    toetsing = next(t for t in laad_context(datakopie).volledigheid
                    if t.eis.id == "instemming_raad")
    assert not toetsing.voldaan
    assert "datum van het collegebesluit ontbreekt" in toetsing.toelichting
    assert toetsing.oplossing == ("Vul de datum van het collegebesluit in bij "
                                  "aanvraag.collegebesluit in dossier.yaml.")
