"""Labels uit de gegevens worden nergens uitgevoerd of uitgevouwen, en bouwen is reproduceerbaar."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from vangnet.cijfers.kern import Cijferset
from vangnet.grafieken.definities import Grafiek
from vangnet.site import html
from vangnet.site.bouw import bouw
from vangnet.tabellen.definities import Cel, Tabel

from conftest import DATA
from corpus_stappen import pas_toe

JINJA = "{{ 7*7 }} {% if true %}uitgevoerd{% endif %}"
MARKDOWN = "*nadruk* _ook_ [link](https://voorbeeld.invalid) `code` # kop"
TEKENS = 'a < b & c > d "aanhalingstekens" \'enkel\''


@pytest.fixture(scope="module")
def site_met_rare_labels(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("rare") / "data"
    shutil.copytree(DATA, data)
    pas_toe(data, {"soort": "tekst", "bestand": "instroom.csv", "van": "Vermogen ingeteerd",
                   "naar": JINJA})
    pas_toe(data, {"soort": "tekst", "bestand": "uitstroom.csv", "van": "Geen inlichtingen",
                   "naar": MARKDOWN})
    pas_toe(data, {"soort": "tekst", "bestand": "maatregelen.csv", "van": "Taallessen",
                   "naar": TEKENS})
    pas_toe(data, {"soort": "tekst", "bestand": "dossier.yaml", "van": "naam: Zevenaar",
                   "naar": "naam: \"Zevenaar {{ 6*7 }}\""})
    uit = data.parent / "site"
    bouw(data, uit, pdf=True)
    return uit


def _artikel(site: Path, pad: str) -> str:
    inhoud = (site / pad / "index.html").read_text(encoding="utf-8")
    return inhoud[inhoud.index("<article"):inhoud.index("</article>")]


def test_jinja_in_labels_wordt_niet_uitgevoerd(site_met_rare_labels: Path):
    artikel = _artikel(site_met_rare_labels, "dossier/oorzaken/")
    assert "uitgevoerd</" not in artikel and ">49<" not in artikel
    assert "&#123;&#123; 7&#42;7 &#125;&#125;" in artikel
    home = (site_met_rare_labels / "index.html").read_text(encoding="utf-8")
    assert "Zevenaar 42" not in home


def test_markdown_in_labels_blijft_letterlijk(site_met_rare_labels: Path):
    artikel = _artikel(site_met_rare_labels, "dossier/oorzaken/")
    assert "<em>nadruk</em>" not in artikel
    assert 'href="https://voorbeeld.invalid"' not in artikel
    assert "<code>code</code>" not in artikel
    assert "&#42;nadruk&#42;" in artikel


def test_html_tekens_in_labels_worden_escaped(site_met_rare_labels: Path):
    artikel = _artikel(site_met_rare_labels, "dossier/maatregelen/")
    assert "a &lt; b &amp; c &gt; d" in artikel
    assert "a < b & c > d" not in artikel


@pytest.mark.parametrize("pagina, label", [("dossier/oorzaken/", JINJA),
                                           ("dossier/oorzaken/", MARKDOWN),
                                           ("dossier/maatregelen/", TEKENS)])
def test_labels_staan_letterlijk_in_de_zichtbare_tekst(site_met_rare_labels: Path, pagina: str,
                                                        label: str):
    # wat de lezer ziet: precies het label, niet '&#39;' of een andere entiteit
    from bs4 import BeautifulSoup

    zichtbaar = BeautifulSoup(_artikel(site_met_rare_labels, pagina), "html.parser").get_text()
    assert label in zichtbaar


def test_labels_in_de_grafiekspecificatie_zijn_gegevens(site_met_rare_labels: Path):
    inhoud = (site_met_rare_labels / "dossier/oorzaken/index.html").read_text(encoding="utf-8")
    specs = re.findall(r'<script type="application/json" class="grafiek__spec">(.*?)</script>',
                       inhoud, re.S)
    teksten = json.dumps([json.loads(s) for s in specs], ensure_ascii=False)
    assert MARKDOWN in teksten  # als gegevenswaarde, niet als code


def test_labels_staan_letterlijk_in_de_pdf(site_met_rare_labels: Path):
    pdf = next((site_met_rare_labels / "pdf").glob("vangnet-*-[0-9][0-9][0-9][0-9].pdf"))
    tekst = " ".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    assert "{{ 7*7 }}" in tekst
    assert "a < b & c > d" in tekst


def test_script_in_een_tabelcel_en_in_json_wordt_onschadelijk():
    """Ook als een label de validatie zou omzeilen, escapet de weergave het."""
    kwaad = "<script>alert(1)</script>"
    t = Tabel("t", kwaad, (kwaad,), ((Cel(tekst=kwaad),),), kwaad, toelichting=kwaad)
    uit = str(html.tabel(t, Cijferset(), lambda i: "#"))
    assert "<script>" not in uit and "&lt;script&gt;" in uit
    spec = {"data": {"values": [{"label": "</script><script>alert(1)</script>"}]}}
    g = Grafiek("g", kwaad, kwaad, spec, t)
    uit = str(html.grafiek(g, Cijferset(), lambda i: "#"))
    assert uit.count("<script") == 1, "alleen het eigen JSON-blok"
    assert "\\u003c/script\\u003e" in uit


def _inhoud(map_: Path) -> dict[str, str]:
    return {str(p.relative_to(map_)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*")) if p.is_file()}


def test_twee_bouwen_van_dezelfde_invoer_zijn_byte_voor_byte_gelijk(tmp_path: Path, site: Path,
                                                                    monkeypatch):
    # een tweede bouw, op een ander moment, met een lege cache: alles opnieuw gemaakt
    monkeypatch.setenv("VANGNET_CACHE", str(tmp_path / "andere-cache"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    tweede = tmp_path / "site"
    bouw(DATA, tweede, pdf=True)
    eerste, nieuw = _inhoud(site), _inhoud(tweede)
    assert eerste.keys() == nieuw.keys()
    verschillen = [naam for naam in eerste if eerste[naam] != nieuw[naam]]
    assert not verschillen, verschillen
    assert os.environ.get("SOURCE_DATE_EPOCH") is None, "bouw zet de omgeving terug"


def _paginacache() -> set[str]:
    map_ = Path(os.environ["VANGNET_CACHE"]) / "paginas"
    return {p.name for p in map_.glob("*.md")}


def test_een_bouw_uit_de_cache_is_gelijk_aan_een_volledige_bouw(tmp_path: Path, site: Path):
    # `site` is gebouwd met de cache van deze testsessie; nu nog eens, met dezelfde cache
    voor = _paginacache()
    assert voor, "de eerste bouw heeft de ingevulde pagina's bewaard"
    tweede = tmp_path / "site"
    bouw(DATA, tweede, pdf=True)
    assert _paginacache() == voor, "geen enkele pagina opnieuw ingevuld"
    eerste, nieuw = _inhoud(site), _inhoud(tweede)
    assert eerste.keys() == nieuw.keys()
    assert [naam for naam in eerste if eerste[naam] != nieuw[naam]] == []


def test_na_een_wijziging_in_de_gegevens_komt_niets_uit_de_oude_cache(tmp_path: Path,
                                                                       datakopie: Path):
    from hulp import verwijder_rapportwaarden, zet_tekorten

    verwijder_rapportwaarden(datakopie)
    bouw(datakopie, tmp_path / "eerst", pdf=False)
    assert "5,6%" in (tmp_path / "eerst" / "dossier" / "tekort" / "index.html").read_text("utf-8")
    zet_tekorten(datakopie, {2025: 7.25})
    dossier = datakopie / "dossier.yaml"
    dossier.write_text(dossier.read_text("utf-8").replace("naam: Zevenaar", "naam: Testdorp"),
                       encoding="utf-8")
    bouw(datakopie, tmp_path / "daarna", pdf=False)
    pagina = (tmp_path / "daarna" / "dossier" / "tekort" / "index.html").read_text("utf-8")
    assert "7,3%" in pagina and "5,6%" not in pagina
    assert "Vangnetuitkering Testdorp 2025" in pagina, "ook de titel uit de cache is vernieuwd"


def test_een_pagina_die_niet_in_de_cache_staat_wordt_alsnog_goed_ingevuld(tmp_path: Path,
                                                                          site: Path,
                                                                          monkeypatch):
    # zoals na het bewerken van een pagina in mkdocs serve: de gegevens zijn bekend (de
    # metagegevens staan in de cache), maar de pagina zelf moet opnieuw worden ingevuld
    monkeypatch.setenv("VANGNET_CACHE", str(tmp_path / "cache"))
    bouw(DATA, tmp_path / "vullen", pdf=False)
    map_ = Path(os.environ["VANGNET_CACHE"]) / "paginas"
    paginas = list(map_.glob("*.md"))
    assert list(map_.glob("*.meta.json")) and paginas
    for pad in paginas:
        pad.unlink()
    tweede = tmp_path / "site"
    bouw(DATA, tweede, pdf=True)
    assert _paginacache() == {p.name for p in paginas}, "alle pagina's opnieuw ingevuld"
    eerste, nieuw = _inhoud(site), _inhoud(tweede)
    assert [naam for naam in eerste if eerste[naam] != nieuw.get(naam)] == []


# -- de caches tegen beschadiging en gelijktijdige wijzigingen -----------------------------

def test_afgebroken_cachebestanden_worden_opnieuw_gemaakt(tmp_path: Path, site: Path,
                                                         monkeypatch):
    """Een ingekort cachebestand (pagina, metagegevens, herkomst, grafiek, PDF) geeft geen
    halve pagina of kapotte PDF maar wordt opnieuw gemaakt."""
    monkeypatch.setenv("VANGNET_CACHE", str(tmp_path / "cache"))
    bouw(DATA, tmp_path / "vullen", pdf=True)
    bestanden = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()
                 and p.parent.name in ("paginas", "svg", "pdf")]
    soorten = {p.suffix for p in bestanden} | {"".join(p.suffixes[-2:]) for p in bestanden}
    assert {".md", ".meta.json", ".herkomst.json", ".svg", ".pdf"} <= soorten, soorten
    for pad in bestanden:
        pad.write_bytes(pad.read_bytes()[: pad.stat().st_size // 2])
    tweede = tmp_path / "site"
    bouw(DATA, tweede, pdf=True)
    eerste, nieuw = _inhoud(site), _inhoud(tweede)
    assert [naam for naam in eerste if eerste[naam] != nieuw.get(naam)] == []


def test_paginasleutel_hangt_af_van_de_front_matter():
    from types import SimpleNamespace

    from vangnet.site.snel import Bouwtoestand

    toestand = Bouwtoestand(Path("."), DATA, "gegevens", "sleutel", None)

    def pagina(meta: dict) -> SimpleNamespace:
        return SimpleNamespace(meta=meta, file=SimpleNamespace(src_uri="dossier/tot-slot.md"))

    een = toestand.paginasleutel(pagina({"regel": "EEN"}), "{{ regel }}")
    assert een == toestand.paginasleutel(pagina({"regel": "EEN"}), "{{ regel }}")
    assert een != toestand.paginasleutel(pagina({"regel": "TWEE"}), "{{ regel }}")
    assert een != toestand.paginasleutel(pagina({}), "{{ regel }}")


@pytest.mark.parametrize(("markdown", "bewaard"), [
    ("Gebouwd op {{ now() }}.", False),
    ("Commit {{ git.short_commit }}.", False),
    ("{% set moment = now %}Gebouwd op {{ moment() }}.", False),
    ("Commit {{ git['short_commit'] }}.", False),
    ("Het tekort: {{ cijfer('buig.tekort', t) }}.", True),
    ("Bekend (zie boven); een github.com-link.", True),
])
def test_een_pagina_met_tijd_of_commit_komt_nooit_uit_de_cache(markdown: str, bewaard: bool):
    from types import SimpleNamespace

    import jinja2

    from vangnet.site.snel import Bouwtoestand, voor_pagina

    toestand = Bouwtoestand(Path("."), DATA, "gegevens", "sleutel", None)
    toestand._macros = object()  # de macro's zijn al geladen
    env = SimpleNamespace(vangnet=toestand, markdown=markdown, env=jinja2.Environment(),
                          page=SimpleNamespace(meta={}, file=SimpleNamespace(src_uri="a.md")))
    voor_pagina(env)
    assert ("_vangnet_sleutel" in env.page.meta) is bewaard


def test_gegevens_die_tijdens_het_bouwen_veranderen_komen_niet_in_de_cache(
        tmp_path: Path, monkeypatch):
    """Zoals een bestand dat wordt opgeslagen terwijl de bouw loopt: de sleutel van de cache
    (aan het begin) hoort bij andere gegevens dan de cijfers. Dan niets bewaren, en buiten
    mkdocs serve geen site opleveren."""
    from vangnet.meldingen import Gegevensfout
    from vangnet.site import snel

    monkeypatch.setenv("VANGNET_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(snel, "gegevensafdruk", lambda map_: "de gegevens van eerder")
    with pytest.raises(Gegevensfout, match="tijdens het bouwen gewijzigd"):
        bouw(DATA, tmp_path / "site", pdf=False)
    assert not (tmp_path / "site").exists()
    assert _paginacache() == set()
    assert not list((tmp_path / "cache" / "paginas").glob("*.json"))


def test_bouw_levert_niets_op_als_de_gegevens_onderweg_veranderen(tmp_path: Path,
                                                                   datakopie: Path,
                                                                   monkeypatch):
    from vangnet.data import afdruk
    from vangnet.meldingen import Gegevensfout

    bouw(datakopie, tmp_path / "site", pdf=False)
    voor = _inhoud(tmp_path / "site")
    echt = afdruk.gegevensafdruk
    aanroepen: list[Path] = []

    def later_anders(map_: Path) -> str:
        aanroepen.append(map_)
        return echt(map_) if len(aanroepen) == 1 else "na een wijziging"

    monkeypatch.setattr(afdruk, "gegevensafdruk", later_anders)
    with pytest.raises(Gegevensfout, match="tijdens het bouwen gewijzigd") as fout:
        bouw(datakopie, tmp_path / "site", pdf=False)
    assert "Bouw opnieuw" in str(fout.value)
    assert _inhoud(tmp_path / "site") == voor, "de vorige site is onaangeroerd"


def test_laad_context_leest_opnieuw_als_de_gegevens_tijdens_het_lezen_veranderen(
        datakopie: Path, monkeypatch):
    from vangnet.data.dataset import vingerafdruk
    from vangnet.dossier import context
    from vangnet.meldingen import Gegevensfout

    afdrukken = iter(["tijdens het lezen gewijzigd"])
    monkeypatch.setattr(context, "vingerafdruk",
                        lambda map_: next(afdrukken, None) or vingerafdruk(map_))
    ctx = context.laad_context(datakopie)
    assert ctx.dataset.vingerafdruk == vingerafdruk(datakopie.resolve())
    monkeypatch.setattr(context, "vingerafdruk", lambda map_: "blijft veranderen")
    with pytest.raises(Gegevensfout, match="veranderden terwijl ze werden gelezen"):
        context.laad_context(datakopie)


def test_dezelfde_gegevens_in_een_andere_map_gebruiken_de_cache(tmp_path: Path,
                                                                 datakopie: Path,
                                                                 monkeypatch):
    """Een verplaatste dossiermap (of de tijdelijke map van een Excel-werkmap) vult geen
    pagina's opnieuw in en laat de cache niet groeien."""
    monkeypatch.setenv("VANGNET_CACHE", str(tmp_path / "cache"))
    bouw(datakopie, tmp_path / "eerst", pdf=False)
    voor = _paginacache()
    assert voor
    elders = tmp_path / "elders" / "dossier"
    shutil.copytree(datakopie, elders)
    bouw(elders, tmp_path / "daarna", pdf=False)
    assert _paginacache() == voor
    assert _inhoud(tmp_path / "eerst") == _inhoud(tmp_path / "daarna")


def test_een_wijziging_die_tijdens_het_lezen_weer_wordt_teruggezet(datakopie: Path,
                                                                   monkeypatch):
    """Een bestand dat wordt opgeslagen en weer teruggezet terwijl het dossier wordt gelezen:
    wat is gelezen hoort toch bij de vingerafdruk (alles komt uit één opname van de
    bestanden), zodat er geen cijfers van een andere versie onder die vingerafdruk belanden."""
    from vangnet.data import dataset as dataset_module
    from vangnet.data.dataset import laad_dataset, vingerafdruk

    buig = datakopie / "buig.csv"
    origineel = buig.read_text(encoding="utf-8")
    anders = origineel.replace("14968000", "14998000").replace("13349000", "13379000")
    assert anders != origineel
    echt = dataset_module._lees_tabel
    stappen: list[str] = []

    def lees_tabel(map_, schema, notities):
        # vlak voor buig.csv: iemand slaat een andere versie op; daarna weer het origineel
        if schema.stam == "buig":
            buig.write_text(anders, encoding="utf-8")
            stappen.append("anders")
        uitkomst = echt(map_, schema, notities)
        if schema.stam == "buig":
            buig.write_text(origineel, encoding="utf-8")
            stappen.append("terug")
        return uitkomst

    monkeypatch.setattr(dataset_module, "_lees_tabel", lees_tabel)
    dataset = laad_dataset(datakopie)
    assert stappen == ["anders", "terug"]
    assert dataset.vingerafdruk == vingerafdruk(datakopie)
    kosten = dataset.tabel("buig").set_index("jaar").loc[2025, "kosten"]
    assert int(kosten) == 14968000


def test_pdf_met_andere_gegevens_dan_de_site_is_een_fout(tmp_path: Path, site: Path):
    """vangnet bouw geeft de vingerafdruk van de gegevens mee: een PDF die uit andere gegevens
    zou komen dan de site (ook als ze daarna worden teruggezet), wordt niet gemaakt."""
    from vangnet.data.dataset import vingerafdruk
    from vangnet.meldingen import Gegevensfout
    from vangnet.site.pdf import maak_alles

    for parallel in (True, False):
        with pytest.raises(Gegevensfout, match="tijdens het bouwen gewijzigd"):
            maak_alles(site, DATA, cache=tmp_path / "cache", parallel=parallel,
                       gegevens="een andere versie")
    gemaakt = maak_alles(site, DATA, cache=tmp_path / "cache", parallel=False,
                         gegevens=vingerafdruk(DATA.resolve()))
    assert set(gemaakt) == {"dossier", "brief", "brief-word", "formulier"}


def test_site_met_andere_gegevens_dan_bij_het_begin_is_een_fout(tmp_path: Path,
                                                                 monkeypatch):
    from vangnet.meldingen import Gegevensfout
    from vangnet.site.bouw import mkdocs_bouw

    monkeypatch.setenv("VANGNET_CACHE", str(tmp_path / "cache"))
    with pytest.raises(Gegevensfout, match="tijdens het bouwen gewijzigd"):
        mkdocs_bouw(DATA, tmp_path / "site", gegevens="een andere versie")
    assert _paginacache() == set()
