"""Elke gemeente: het gereedschap los van het voorbeelddossier.

Een verzonnen tweede gemeente (``fixtures/bergwaard``: alleen de drie verplichte bestanden,
het reguliere vangnet, andere bedragen) en een dossier vers uit ``vangnet nieuw-dossier``
worden gecontroleerd, berekend en gebouwd vanuit een werkmap buiten de repository, zoals een
gebruiker bij een andere gemeente dat doet. Geen van beide mag iets van het voorbeeld tonen
(namen uit zijn ``dossier.yaml``, bedragen uit zijn gegevensbestanden, zinnen uit zijn eigen
teksten), en op geen enkele pagina van welk dossier ook mag een zin kapot zijn.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import DATA, PROJECT

BERGWAARD = PROJECT / "tests" / "fixtures" / "bergwaard"
VANGNET = [sys.executable, "-m", "vangnet.cli"]


def vangnet(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    omgeving = {**os.environ, "PYTHONPATH": ""}
    return subprocess.run([*VANGNET, *args], cwd=cwd, capture_output=True, text=True,
                          env=omgeving, timeout=600)


@pytest.fixture(scope="module")
def werkmap(tmp_path_factory) -> Path:
    """Een werkmap buiten de repository."""
    map_ = tmp_path_factory.mktemp("elders")
    assert PROJECT not in map_.parents
    return map_


@pytest.fixture(scope="module")
def bergwaard(werkmap: Path) -> dict:
    data = werkmap / "bergwaard"
    shutil.copytree(BERGWAARD, data)
    uit = {"data": data,
           "check": vangnet("check", "--data", "bergwaard", cwd=werkmap),
           "bereken": vangnet("bereken", "--data", "bergwaard", "--json", cwd=werkmap),
           "bouw": vangnet("bouw", "--data", "bergwaard", "--uit", "bergwaard-site",
                           cwd=werkmap)}
    uit["site"] = werkmap / "bergwaard-site"
    return uit


@pytest.fixture(scope="module")
def nieuw(werkmap: Path) -> dict:
    uit = {"maak": vangnet("nieuw-dossier", "--data", "duinhaven", "--gemeente", "Duinhaven",
                           "--jaar", "2025", cwd=werkmap)}
    uit["check"] = vangnet("check", "--data", "duinhaven", cwd=werkmap)
    uit["aanvraag"] = vangnet("check", "--aanvraag", "--data", "duinhaven", cwd=werkmap)
    begin = time.perf_counter()
    uit["bouw"] = vangnet("bouw", "--data", "duinhaven", "--uit", "duinhaven-site", cwd=werkmap)
    uit["seconden_bouw"] = time.perf_counter() - begin
    uit["site"] = werkmap / "duinhaven-site"
    uit["data"] = werkmap / "duinhaven"
    return uit


def paginas(site: Path) -> dict[str, str]:
    """De zichtbare tekst van elke pagina (zonder navigatie, kop- en voettekst)."""
    uit = {}
    for pad in sorted(site.rglob("index.html")):
        soep = BeautifulSoup(pad.read_text(encoding="utf-8"), "html.parser")
        artikel = soep.select_one("article")
        if artikel is None:
            continue
        for weg in artikel.select("script, style, .headerlink"):
            weg.decompose()
        uit[str(pad.parent.relative_to(site))] = " ".join(artikel.get_text(" ").split())
    return uit


def pdftekst(site: Path) -> str:
    pdf = next((site / "pdf").glob("vangnet-*-[0-9][0-9][0-9][0-9].pdf"))  # het dossier
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) ontbreekt")
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


# -- de verzonnen tweede gemeente -----------------------------------------------------------

def test_tweede_gemeente_wordt_gecontroleerd_berekend_en_gebouwd_van_buiten(bergwaard):
    for stap in ("check", "bereken", "bouw"):
        assert bergwaard[stap].returncode == 0, (stap, bergwaard[stap].stderr)
    assert "3 bestanden" in bergwaard["check"].stdout
    uitkomst = json.loads(bergwaard["bereken"].stdout)
    # (21.900.000 − 20.000.000) / 20.000.000 = 9,5%; regulier: (9,5% − 7,5%) × 20.000.000 × 50%
    assert uitkomst["regime"] == "regulier"
    assert round(uitkomst["vangnetuitkering"]) == 200_000
    assert (bergwaard["site"] / "index.html").exists()
    assert list((bergwaard["site"] / "pdf").glob("vangnet-bergwaard-2025.pdf"))


def test_bereken_heeft_alleen_dossier_en_buig_nodig(werkmap: Path):
    data = werkmap / "alleen-twee"
    data.mkdir()
    for naam in ("dossier.yaml", "buig.csv"):
        shutil.copy(BERGWAARD / naam, data / naam)
    uit = vangnet("bereken", "--data", "alleen-twee", "--json", cwd=werkmap)
    assert uit.returncode == 0, uit.stderr
    assert json.loads(uit.stdout)["in_aanmerking"] is True
    check = vangnet("check", "--data", "alleen-twee", cwd=werkmap)
    assert check.returncode == 1
    assert "maatregelen.csv: het verplichte bestand ontbreekt" in check.stdout


def test_zonder_doorrekening_vervalt_het_hoofdstuk_en_de_nummering_volgt(bergwaard):
    site = bergwaard["site"]
    assert not (site / "dossier" / "doorrekening").exists()
    nav = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    titels = [a.get_text(" ", strip=True) for a in nav.select("nav.md-nav--primary a")]
    assert "6. Tot slot" in titels and not any("Doorrekening" in t for t in titels)
    tekst = paginas(site)
    assert "niet doorgerekend" in tekst["aanvraag"]
    assert "Verschil met het ambitieniveau" not in " ".join(tekst.values())
    pdf = pdftekst(site)
    assert "6. Tot slot" in pdf and "Doorrekening van de maatregelen" not in pdf


def _namen_van_het_voorbeeld() -> set[str]:
    dossier = yaml.safe_load((DATA / "dossier.yaml").read_text(encoding="utf-8"))
    g = dossier["gemeente"]
    namen = {g["naam"], g["uitvoeringsorganisatie"], *g["deelnemende_gemeenten"]}
    namen |= {w for w in g["uitvoeringsorganisatie"].split() if len(w) > 3}
    return namen


def _bedragen(map_: Path) -> set[str]:
    """Elk bedrag van minstens duizend in de eigen gegevensbestanden van een dossier, in de
    notatie van de site (14.176.798) en afgerond op duizendtallen (14.177.000)."""
    uit = set()
    for pad in map_.glob("*.csv"):
        with pad.open(encoding="utf-8-sig") as f:
            for rij in csv.DictReader(f):
                for kolom, waarde in rij.items():
                    if kolom == "afronding":  # een afrondingseenheid, geen bedrag
                        continue
                    try:
                        getal = abs(Decimal((waarde or "").replace(",", ".")))
                    except ArithmeticError:
                        continue
                    if getal >= 1000:
                        duizendtal = (getal / 1000).quantize(Decimal(1), "ROUND_HALF_UP") * 1000
                        for vorm in (int(getal), int(duizendtal)):
                            uit.add(f"{vorm:,}".replace(",", "."))
    return uit


def _bedragen_van_het_voorbeeld(ander: Path) -> set[str]:
    """De bedragen van het voorbeeld die niet ook in de gegevens van het andere dossier staan
    (een rond bedrag als 100.000 kan in beide voorkomen)."""
    return _bedragen(DATA) - _bedragen(ander)


def _zinnen_uit_de_eigen_teksten() -> set[str]:
    """Een kenmerkende zin (de eerste regel zonder macro) uit elke eigen tekst van het
    voorbeeld."""
    zinnen = set()
    for pad in (DATA / "teksten").glob("*.md"):
        regels = [r for r in pad.read_text(encoding="utf-8").splitlines()
                  if r and not r.startswith("---") and ":" not in r[:12] and "{" not in r]
        if regels:
            zinnen.add(" ".join(regels[0].split()))
    return zinnen


def test_van_het_voorbeeld_is_niets_te_zien(bergwaard, nieuw):
    namen, zinnen = _namen_van_het_voorbeeld(), _zinnen_uit_de_eigen_teksten()
    assert "Zevenaar" in namen and len(zinnen) > 10
    for dossier in (bergwaard, nieuw):
        bedragen = _bedragen_van_het_voorbeeld(dossier["data"])
        assert len(bedragen) > 50
        teksten = {**paginas(dossier["site"]), "PDF": pdftekst(dossier["site"])}
        for pagina, tekst in teksten.items():
            gevonden = [n for n in namen if re.search(rf"\b{re.escape(n)}\b", tekst)]
            assert not gevonden, (pagina, gevonden)
            gevonden = [b for b in bedragen
                        if re.search(rf"(?<![\d.]){re.escape(b)}(?!\d|\.\d)", tekst)]
            assert not gevonden, (pagina, gevonden)
            gevonden = [z for z in zinnen if z in tekst]
            assert not gevonden, (pagina, gevonden)


def test_bronnen_van_vangnet_uit_het_voorbeeld_heten_zo_bij_een_andere_gemeente(bergwaard,
                                                                               site: Path):
    """Een parameter of de meegeleverde LKS-reeks die uit het rapport van het voorbeelddossier
    komt, noemt bij een andere gemeente dat het om het voorbeelddossier gaat; in het voorbeeld
    zelf is het gewoon het eigen rapport. Het voorvoegsel uit de bestanden staat nergens."""
    ander = {**paginas(bergwaard["site"]),
             # afgebroken woorden in smalle tabelkolommen weer heel
             "PDF": re.sub("\u2010 ", "", " ".join(pdftekst(bergwaard["site"]).split()))}
    kaal = re.compile(r"(?:Rapport vangnet 2025|Raadsinformatiebrief 2023)"
                      r"(?! uit het voorbeelddossier van vangnet)")
    genoemd = 0
    for pagina, tekst in ander.items():
        assert "(voorbeelddossier)" not in tekst, pagina
        assert not kaal.search(tekst), (pagina, kaal.search(tekst))
        genoemd += tekst.count("uit het voorbeelddossier van vangnet")
    assert genoemd >= 5  # parameters, beoordelingskader en de LKS-reeks
    eigen = {**paginas(site), "PDF": pdftekst(site)}
    for pagina, tekst in eigen.items():
        assert "voorbeelddossier" not in tekst, pagina


def test_sjablonen_noemen_geen_document_van_een_dossier():
    """Een pagina of tabel van vangnet verwijst naar de bron van een aanname of parameter (via
    de macro ``bron`` of doorrekening.yaml), nooit naar 'het rapport': een andere gemeente
    heeft er misschien geen."""
    bestanden = [*sorted((PROJECT / "docs").rglob("*.md")),
                 *sorted((PROJECT / "vangnet" / "tabellen").glob("*.py")),
                 *sorted((PROJECT / "vangnet" / "site").rglob("*.py")),
                 *sorted((PROJECT / "vangnet" / "dossier").glob("*.py"))]
    assert len(bestanden) > 30
    verboden = re.compile(r"\b(?:het|dit|een|zijn) (?:onderzoeks)?rapport\b|rapport bij de "
                          r"aanvraag|onderzoek noemt", re.I)
    gevonden = [(pad.name, m.group(0)) for pad in bestanden
                for m in verboden.finditer(pad.read_text(encoding="utf-8"))]
    assert not gevonden
    # ook de toelichting van een parameter (die elke gemeente in haar rekenverantwoording ziet)
    # noemt geen rapport, hoofdstuk of bronvergelijking van het voorbeeld
    toelichting = re.compile(r"^\s*toelichting:.*\b(?:rapport|bronvergelijking|hoofdstuk \d)",
                             re.I | re.M)
    parameters = sorted((PROJECT / "vangnet" / "parameters").rglob("*.yaml"))
    assert len(parameters) > 10
    assert not [p.name for p in parameters
                if toelichting.search(p.read_text(encoding="utf-8"))]


def test_zinnen_die_van_de_gegevens_afhangen_kloppen_zonder_doorrekening(bergwaard):
    teksten = paginas(bergwaard["site"])
    assert "De hoofdstukken over de oorzaken en de maatregelen volgen" in teksten["."]
    # de kosten over 2025 zijn in Bergwaard nog niet gecontroleerd
    assert "De accountant controleert de lasten over 2025." in teksten["dossier/tot-slot"]
    # zonder doorrekening geen scenarioverkenner in het menu (en geen pagina)
    assert "verkenner" not in teksten
    assert "Scenarioverkenner" not in (bergwaard["site"] / "index.html").read_text("utf-8")


def test_de_zoektest_vindt_het_voorbeeld_wel_in_het_voorbeeld(site: Path):
    """Tegenproef: dezelfde zoektocht vindt namen, bedragen en zinnen in het voorbeeld zelf."""
    tekst = " ".join(paginas(site).values())
    assert "Zevenaar" in tekst and "14.176.798" in tekst
    assert any(z in tekst for z in _zinnen_uit_de_eigen_teksten())


# -- geen kapotte zinnen ----------------------------------------------------------------------

_KAPOT = re.compile(
    r"\b(?:de|het|een|van|in|op|met|voor|door|naar|tot|bij|uit|aan|over|en|of|dan|als)"
    r"\s+[.,;:!?)]|\(\s*\)|\(\s*[,;]|\s[,;]\s*[.,;]")


def kapotte_zinnen(tekst: str) -> list[str]:
    return [tekst[max(m.start() - 40, 0):m.end() + 10] for m in _KAPOT.finditer(tekst)]


@pytest.mark.parametrize("tekst", [
    "De uitvoering ligt bij , een samenwerking van .",
    "een eigen sociale dienst van .",
    "Zie de tabel () hieronder.",
    "Het tekort was € 5 en .",
])
def test_de_zoektocht_naar_kapotte_zinnen_vindt_ze(tekst: str):
    assert kapotte_zinnen(tekst)


def test_geen_kapotte_zinnen_in_enig_dossier(site: Path, bergwaard, nieuw):
    for naam, map_ in (("voorbeeld", site), ("bergwaard", bergwaard["site"]),
                       ("nieuw", nieuw["site"])):
        for pagina, tekst in paginas(map_).items():
            assert not kapotte_zinnen(tekst), (naam, pagina, kapotte_zinnen(tekst))
        for pad in sorted(map_.rglob("index.html")):
            blokken = kapotte_blokken(pad.read_text(encoding="utf-8"))
            assert not blokken, (naam, str(pad.parent.relative_to(map_)), blokken)


# Een alinea of opsommingsteken dat op een lidwoord, voorzetsel of voegwoord eindigt, is
# afgebroken. Zo'n zin valt niet op in de tekst van de hele pagina: het volgende blok lijkt de
# zin af te maken ("tot en met Wat daarvan ..."). Een bekende oorzaak: een jaartal uit een
# macro aan het begin van een regel ("  {{ t }}. Wat ...") maakt Markdown tot een nieuw
# genummerd opsommingsteken, en het jaartal verdwijnt als nummer.
_BLOKEIND = re.compile(
    r"\b(?:de|het|een|van|in|op|met|voor|door|naar|tot|bij|uit|aan|over|en|of|dan|als|dat|"
    r"die|is|zijn|was|waren)\s*$", re.I)


def _eigen_tekst(blok) -> str:
    """De tekst van een blok zonder de lijsten die erin staan."""
    from bs4 import NavigableString

    delen = [str(d) for d in blok.descendants if isinstance(d, NavigableString)
             and not any(o.name in ("ul", "ol") for o in d.parents
                         if o is not blok and blok in o.parents)]
    return " ".join(" ".join(delen).split())


def kapotte_blokken(html: str) -> list[str]:
    """Alinea's en opsommingstekens die midden in een zin ophouden. Een alinea vóór een lijst
    mag op 'als' eindigen, een opsommingsteken vóór het volgende op 'en' of 'of'."""
    soep = BeautifulSoup(html, "html.parser")
    artikel = soep.select_one("article") or soep
    for weg in artikel.select("script, style, svg, .headerlink"):
        weg.decompose()
    kapot = []
    for blok in artikel.find_all(["p", "li", "dd", "figcaption"]):
        tekst = _eigen_tekst(blok)
        eind = _BLOKEIND.search(tekst)
        if eind is None:
            continue
        volgende = blok.find_next_sibling()
        if blok.name == "p" and volgende is not None and volgende.name in ("ul", "ol"):
            continue
        if blok.name == "li" and volgende is not None and eind.group(0).strip() in ("en", "of"):
            continue
        kapot.append(tekst[-80:])
    return kapot


def test_de_zoektocht_naar_kapotte_blokken_vindt_het_verdwenen_jaartal():
    import markdown

    # zo stond het in de raadsinformatiebrief: het jaartal begon een regel in een lijst
    tekst = ("- Er zijn meetbare doelen\n  vastgelegd voor de jaren tot en met\n"
             "  2025. Wat daarvan is bereikt, is nog niet bekend.\n- Volgende punt.\n")
    html = f"<article>{markdown.markdown(tekst)}</article>"
    assert kapotte_blokken(html) == ["Er zijn meetbare doelen vastgelegd voor de jaren tot en met"]
    heel = tekst.replace("met\n  2025.", "met 2025.\n ")
    assert kapotte_blokken(f"<article>{markdown.markdown(heel)}</article>") == []
    # een opsomming die doorloopt en een inleiding op een lijst zijn niet kapot
    assert kapotte_blokken("<article><p>Het kan als</p><ul><li>dit, en</li><li>dat.</li></ul>"
                           "</article>") == []


# -- een nieuw dossier ------------------------------------------------------------------------

def test_nieuw_dossier_is_meteen_een_concept_met_open_plekken(nieuw):
    assert nieuw["maak"].returncode == 0, nieuw["maak"].stderr
    assert sorted(p.name for p in nieuw["data"].iterdir()) == [
        "buig.csv", "dossier.yaml", "maatregelen.csv"]
    assert nieuw["check"].returncode == 0, nieuw["check"].stdout
    assert "Nog in te vullen" in nieuw["check"].stdout
    assert "buig.csv, rij 2, kolom 'budget': deze cel moet nog worden ingevuld" \
        in nieuw["check"].stdout
    assert "teksten/oorzaken.conclusie.md: deze eigen tekst ontbreekt" in nieuw["check"].stdout
    # ook de velden van de brief en de inwonersklasse staan klaar, met IN TE VULLEN
    for veld in ("gemeente.inwonersklasse", "brief.datum", "brief.kenmerk",
                 "brief.portefeuillehouder", "brief.contact", "brief.besluit_raad"):
        assert f"kolom '{veld}': dit veld moet nog worden ingevuld" in nieuw["check"].stdout
    assert nieuw["aanvraag"].returncode == 1
    assert nieuw["bouw"].returncode == 0, nieuw["bouw"].stderr
    tekst = paginas(nieuw["site"])
    assert "In te vullen" in tekst["dossier/oorzaken"]
    assert "In te vullen" in tekst["."]
    assert "Concept" in (nieuw["site"] / "index.html").read_text(encoding="utf-8")
    assert (nieuw["data"] / "buig.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_nieuw_dossier_overschrijft_niets(werkmap: Path, nieuw):
    uit = vangnet("nieuw-dossier", "--data", "duinhaven", "--gemeente", "Duinhaven",
                  "--jaar", "2025", cwd=werkmap)
    assert uit.returncode == 2  # verkeerd gebruik, geen fout in de gegevens
    assert "bestaat al en is niet leeg" in uit.stderr and "Traceback" not in uit.stderr


# -- het live voorbeeld -----------------------------------------------------------------------

def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_toont_het_dossier_van_elders(werkmap: Path, bergwaard):
    poort = _vrije_poort()
    proces = subprocess.Popen([*VANGNET, "serve", "--data", "bergwaard", "--adres",
                               f"127.0.0.1:{poort}"], cwd=werkmap, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        inhoud = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{poort}/", timeout=2) as antwoord:
                    inhoud = antwoord.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.5)
        assert "Vangnetuitkering Bergwaard 2025" in inhoud
    finally:
        proces.terminate()
        proces.wait(timeout=30)


def test_zonder_onderzoek_geen_uitleg_over_het_onderzoek(bergwaard):
    """Bergwaard noemt geen onderzoeker: de brief legt dan niet uit wat 'het onderzoek' is."""
    brief = paginas(bergwaard["site"])["raadsinformatiebrief"]
    assert "De cijfers en de analyse in deze brief komen uit het dossier dat als bijlage bij " \
        "deze brief hoort." in brief
    assert "„het onderzoek”" not in brief
