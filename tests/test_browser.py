"""Zoals mensen de site gebruiken: Chromium via Playwright, met axe voor WCAG 2.1 AA.

De gebouwde site wordt geserveerd op 127.0.0.1. Elk verzoek naar een andere host wordt
geregistreerd en afgebroken; de tests eisen dat er geen enkel zo'n verzoek is. Playwright
gebruikt de Chromium van Debian (``/usr/bin/chromium``); er wordt nooit een browser gedownload.
Ontbreekt Chromium, dan worden deze tests luid overgeslagen, behalve in CI
(``VANGNET_BROWSER_VERPLICHT=1``), waar ze dan falen.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
VLAGGEN = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run"]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTEFACTEN = Path(__file__).resolve().parent / "artefacten"

pytestmark = pytest.mark.browser


def _chromium_beschikbaar() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} ontbreekt (installeer met: apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright ontbreekt"
    return None


@pytest.fixture(scope="module")
def browser():
    reden = _chromium_beschikbaar()
    if reden:
        if os.environ.get("VANGNET_BROWSER_VERPLICHT"):
            pytest.fail(f"Browsertests zijn verplicht, maar: {reden}")
        print(f"\n*** BROWSERTESTS OVERGESLAGEN: {reden} ***\n")
        pytest.skip(f"BROWSERTESTS OVERGESLAGEN: {reden}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=VLAGGEN)
        yield b
        b.close()


class _StilleHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(_StilleHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    draad = threading.Thread(target=httpd.serve_forever, daemon=True)
    draad.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def _paginas(site: Path) -> list[str]:
    return sorted(
        str(p.parent.relative_to(site)).replace(".", "") + "/" if p.parent != site else ""
        for p in site.rglob("index.html")
        if "assets" not in p.parts
    )


class Bezoek:
    """Eén pagina geopend in Chromium, met alle verzoeken en consolemeldingen."""

    def __init__(self, browser, basis: str, pad: str, breedte: int = 1280):
        self.context = browser.new_context(viewport={"width": breedte, "height": 900})
        self.extern: list[str] = []
        self.fouten: list[str] = []
        self.context.route("**/*", self._verzoek)
        self.pagina = self.context.new_page()
        self.pagina.on("console", lambda m: self.fouten.append(m.text)
                       if m.type == "error" else None)
        self.pagina.on("pageerror", lambda e: self.fouten.append(str(e)))
        self.pagina.goto(urljoin(basis, pad), wait_until="networkidle")
        self.basis = basis

    def _verzoek(self, route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith("data:"):
            route.continue_()
        else:
            self.extern.append(url)
            route.abort()

    def sluit(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def paginas(site: Path) -> list[str]:
    gevonden = _paginas(site)
    assert len(gevonden) >= 12
    return gevonden


def test_elke_pagina_zonder_fouten_externe_verzoeken_of_toegankelijkheidsproblemen(
    browser, server: str, site: Path, paginas: list[str]
):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    ids_per_pagina = _ids(site)
    problemen: list[str] = []
    grafieken = 0
    for pad in paginas:
        bezoek = Bezoek(browser, server, pad)
        p = bezoek.pagina
        p.wait_for_function(
            "[...document.querySelectorAll('figure.grafiek')].every("
            "f => f.querySelector('.grafiek__interactief svg') !== null)", timeout=15000)
        for cijfer in p.query_selector_all("figure.grafiek"):
            grafieken += 1
            marks = cijfer.query_selector_all(".grafiek__interactief svg .mark-rect path, "
                                              ".grafiek__interactief svg .mark-line path, "
                                              ".grafiek__interactief svg .mark-symbol path")
            if not marks:
                problemen.append(f"{pad}: grafiek {cijfer.get_attribute('id')} zonder markeringen")
        if bezoek.fouten:
            problemen.append(f"{pad}: consolefouten {bezoek.fouten}")
        if bezoek.extern:
            problemen.append(f"{pad}: externe verzoeken {bezoek.extern}")
        for href in p.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            fout = _kapotte_link(href, server, ids_per_pagina)
            if fout:
                problemen.append(f"{pad}: {fout}")
        uitslag = axe.run(p, options={"runOnly": {"type": "tag", "values": WCAG},
                                      "resultTypes": ["violations"]})
        for v in uitslag.response["violations"]:
            doelen = [n["target"] for n in v["nodes"]][:3]
            problemen.append(f"{pad}: axe {v['id']} ({v['impact']}): {doelen}")
        bezoek.sluit()
    assert grafieken >= 10
    assert not problemen, "\n".join(problemen)


def _ids(site: Path) -> dict[str, set[str]]:
    ids = {}
    for pad in _paginas(site):
        inhoud = (site / pad / "index.html").read_text(encoding="utf-8")
        ids[pad] = set(re.findall(r'\sid="([^"]+)"', inhoud))
    return ids


def _kapotte_link(href: str, basis: str, ids: dict[str, set[str]]) -> str | None:
    if not href.startswith(basis):
        return None
    zonder, anker = urldefrag(href)
    pad = zonder[len(basis):]
    if pad.endswith("index.html"):
        pad = pad[: -len("index.html")]
    if pad and not pad.endswith("/"):
        return None  # bestanden zoals de PDF of stylesheets
    if pad not in ids:
        return f"link naar onbekende pagina {href}"
    from urllib.parse import unquote

    if anker and unquote(anker) not in ids[pad]:
        return f"link naar onbekend anker {href}"
    return None


@pytest.mark.parametrize(("zoekterm", "verwacht"), [
    ("vangnetuitkering", "Tekort en verwachte vangnetuitkering"),
    ("loonkostensubsidie", "Doorrekening van de maatregelen"),
    ("maatregel", "Maatregelen"),  # gestemd: vindt "maatregelen"
])
def test_nederlands_zoeken(browser, server: str, zoekterm: str, verwacht: str):
    bezoek = Bezoek(browser, server, "")
    p = bezoek.pagina
    p.keyboard.press("/")  # sneltoets van Material: focus op het zoekveld
    p.keyboard.type(zoekterm)
    p.wait_for_selector(".md-search-result__item", timeout=10000)
    titels = p.eval_on_selector_all(".md-search-result__item h1, .md-search-result__item h2",
                                    "els => els.map(e => e.textContent.trim())")
    bezoek.sluit()
    assert any(verwacht in t for t in titels), titels


@pytest.mark.parametrize("pad", ["dossier/tekort/", "dossier/oorzaken/", "dossier/doorrekening/",
                                 "rekenverantwoording/"])
def test_geen_horizontaal_scrollen_op_een_telefoon(browser, server: str, pad: str):
    bezoek = Bezoek(browser, server, pad, breedte=375)
    breedte = bezoek.pagina.evaluate("document.documentElement.scrollWidth")
    bezoek.sluit()
    assert breedte <= 376, f"{pad} is {breedte}px breed op een scherm van 375px"


@pytest.mark.parametrize(("pad", "naam"), [("", "home"), ("dossier/tekort/", "hoofdstuk3")])
@pytest.mark.parametrize("breedte", [1280, 375])
def test_schermafdrukken(browser, server: str, pad: str, naam: str, breedte: int):
    ARTEFACTEN.mkdir(exist_ok=True)
    bezoek = Bezoek(browser, server, pad, breedte=breedte)
    doel = ARTEFACTEN / f"{naam}-{breedte}.png"
    bezoek.pagina.screenshot(path=str(doel), full_page=True)
    bezoek.sluit()
    assert doel.stat().st_size > 10_000


def test_zonder_javascript_blijft_de_statische_grafiek_staan(browser, server: str):
    context = browser.new_context(java_script_enabled=False)
    pagina = context.new_page()
    pagina.goto(urljoin(server, "dossier/tekort/"))
    assert pagina.query_selector_all(".grafiek__beeld > svg path")
    assert pagina.query_selector("a.cijfer[href*='herkomst/#buig.tekort.2025']")
    context.close()


def test_klik_op_een_cijfer_opent_de_uitleg_met_de_berekening(browser, server: str):
    from axe_playwright_python.sync_playwright import Axe

    bezoek = Bezoek(browser, server, "dossier/tekort/")
    p = bezoek.pagina
    link = p.locator("a.cijfer[data-cijfer='vangnet.uitkering.2025']").first
    link.click()
    venster = p.locator(".herkomst-venster")
    venster.wait_for(state="visible", timeout=5000)
    tekst = venster.inner_text().replace("\u00a0", " ")
    assert "(5,5810% − 5,0%) × € 14.176.798 × 50%" in tekst
    assert "Tekortpercentage 2025" in tekst
    assert p.evaluate("document.activeElement.classList.contains('herkomst-venster')")
    uitslag = Axe().run(p, options={"runOnly": {"type": "tag", "values": WCAG},
                                    "resultTypes": ["violations"]})
    assert uitslag.violations_count == 0, uitslag.generate_report()
    p.keyboard.press("Escape")
    assert venster.count() == 0
    assert p.evaluate("document.activeElement.dataset.cijfer") == "vangnet.uitkering.2025"
    # een parameter toont haar wettelijke bron en een gegeven zijn bestand en rij
    p.locator("a.cijfer[data-cijfer='buig.kosten.2025']").first.click()
    assert "buig.csv, rij 6, kolom 'kosten'" in p.locator(".herkomst-venster").inner_text()
    assert not bezoek.fouten and not bezoek.extern
    bezoek.sluit()


def _lees_verkenner(p) -> dict[str, float]:
    return {k: float(p.get_attribute(f"#uit-{k}", "data-waarde"))
            for k in ("vangnetuitkering", "besparing", "resterend", "lks", "lksverschil")}


def _verwacht(uitkomst) -> dict[str, float]:
    return {"vangnetuitkering": uitkomst.vangnetuitkering, "besparing": uitkomst.besparing,
            "resterend": uitkomst.resterend_tekort, "lks": uitkomst.lks_budget,
            "lksverschil": uitkomst.lks_verschil}


def _zet(p, naam: str, waarde: str) -> None:
    p.evaluate(
        """([naam, waarde]) => {
            const veld = document.getElementById('verkenner').elements[naam];
            veld.value = waarde;
            veld.dispatchEvent(new Event('input', {bubbles: true}));
        }""",
        [naam, waarde],
    )


@pytest.mark.parametrize(("instellingen", "velden"), [
    ({"uitstroom_alleenstaande": 20}, {"alleenstaande": "20"}),
    ({"uitstroom_gehuwden_naar_lks": 40, "kostenaandeel": 0.0035},
     {"gehuwden_naar_lks": "40", "kostenaandeel": "0.35"}),
    ({"regime": "regulier"}, {"regime": "regulier"}),
    ({"uitstroom_alleenstaande_naar_lks": 150}, {"alleenstaande_naar_lks": "150"}),
])
def test_verkenner_rekent_in_de_browser_zoals_vangnet(browser, server: str, instellingen, velden):
    from vangnet.cijfers.verkenner import maak_verkenner, met
    from vangnet.dossier.context import laad_context

    from conftest import DATA

    v = maak_verkenner(laad_context(DATA).cijfers, 2025)
    bezoek = Bezoek(browser, server, "verkenner/")
    p = bezoek.pagina
    p.wait_for_selector("#verkenner[data-klaar='ja']", timeout=10000)
    beginstand = _lees_verkenner(p)
    for sleutel, waarde in _verwacht(v.bereken(v.standaard)).items():
        assert beginstand[sleutel] == pytest.approx(waarde, rel=1e-9, abs=1e-6), sleutel
    for naam, waarde in velden.items():
        _zet(p, naam, waarde)
    uitkomst = _lees_verkenner(p)
    gekozen = met(v.standaard, **instellingen)
    # de drempel is geen keuze: die van de regeling bij het regime (de eerste schijf)
    gekozen = met(gekozen, drempel=v.staffels[gekozen.regime][0]["ondergrens"])
    verwacht = _verwacht(v.bereken(gekozen))
    for sleutel, waarde in verwacht.items():
        assert uitkomst[sleutel] == pytest.approx(waarde, rel=1e-9, abs=1e-6), sleutel
    assert uitkomst != beginstand
    tekst = p.inner_text("#uit-resterend").replace("\u00a0", " ")
    label = p.inner_text("#label-resterend")
    assert tekst.startswith("€ ") and "-" not in tekst and "\u2212" not in tekst
    # een negatief resterend tekort is een overschot
    if verwacht["resterend"] < 0:
        assert label.startswith("Overschot"), label
        assert p.locator("#verkenner-grafiek .grafiek__beeld").get_attribute(
            "aria-label").startswith("Met de gekozen uitstroom ontstaat")
    else:
        assert label.startswith("Resterend tekort"), label
    assert p.query_selector_all("#verkenner-grafiek svg .mark-rect path")
    assert not bezoek.fouten and not bezoek.extern
    bezoek.sluit()


def test_verkenner_toont_de_drempel_als_vaste_waarde_en_leest_voor_zoals_het_scherm(
        browser, server: str):
    """Alleen aannames zijn schuifjes; elk schuifje leest zijn waarde voor zoals die ernaast
    staat (Nederlandse notatie); er is precies één live regio, voor de uitkomsten."""
    from vangnet.cijfers.verkenner import maak_verkenner
    from vangnet.dossier.context import laad_context
    from vangnet.opmaak import percentage

    from conftest import DATA

    v = maak_verkenner(laad_context(DATA).cijfers, 2025)
    bezoek = Bezoek(browser, server, "verkenner/")
    p = bezoek.pagina
    p.wait_for_selector("#verkenner[data-klaar='ja']", timeout=10000)
    assert p.locator("#verkenner [name=drempel]").count() == 0
    namen = p.eval_on_selector_all("#verkenner input[type=range]", "els => els.map(e => e.name)")
    assert sorted(namen) == sorted([*v.labels, "kostenaandeel"])
    for regime in v.staffels:
        p.select_option("#in-regime", regime)
        drempel = p.inner_text("#toon-drempel").replace("\u00a0", " ").strip()
        assert drempel == percentage(v.staffels[regime][0]["ondergrens"], 1), (regime, drempel)
    for naam in namen:
        veld = p.locator(f"#in-{naam}")
        veld.focus()
        p.keyboard.press("ArrowRight")
        valuetext = veld.get_attribute("aria-valuetext")
        assert valuetext == p.inner_text(f"#toon-{naam}").strip(), naam
        assert "." not in valuetext, valuetext  # geen Engelse decimaalpunt
    assert p.inner_text("#toon-kostenaandeel").count(",") == 1
    live = p.evaluate("""() => [...document.querySelectorAll('#verkenner *, #verkenner')]
        .filter(e => e.hasAttribute('aria-live') || ['status', 'log', 'alert']
                     .includes(e.getAttribute('role')) || e.tagName === 'OUTPUT')
        .map(e => e.id)""")
    assert live == ["verkenner-melding"], live
    p.wait_for_function(
        "document.getElementById('verkenner-melding').textContent.length > 0", timeout=5000)
    assert bezoek.fouten == []
    bezoek.sluit()


@pytest.fixture(scope="module")
def export_server(jaarcyclus) -> Iterator[str]:
    handler = functools.partial(_StilleHandler, directory=str(jaarcyclus["export"]))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_geexporteerde_site_met_werkende_versiekeuze(browser, export_server: str):
    from axe_playwright_python.sync_playwright import Axe

    bezoek = Bezoek(browser, export_server, "")
    p = bezoek.pagina
    # de hoofdmap verwijst door naar de nieuwste versie
    p.wait_for_url(re.compile(r".*/latest/$"), timeout=10000)
    p.wait_for_selector(".md-version__current", timeout=10000)
    assert p.inner_text(".md-version__current").strip() == "2026"
    keuzes = p.eval_on_selector_all(".md-version__link",
                                    "els => els.map(e => e.textContent.trim())")
    assert "2025 (concept)" in keuzes and "2026" in keuzes
    # naar 2025 wisselen met één klik
    p.eval_on_selector(".md-version__link:has-text('2025 (concept)')", "e => e.click()")
    p.wait_for_url(re.compile(r".*/2025/.*"), timeout=10000)
    p.wait_for_selector(".md-version__current", timeout=10000)
    assert "2025" in p.inner_text(".md-version__current")
    assert "eerder aanvraagjaar" in p.inner_text("body")
    assert "Vangnetuitkering Zevenaar 2025" in p.title()
    uitslag = Axe().run(p, options={"runOnly": {"type": "tag", "values": WCAG},
                                    "resultTypes": ["violations"]})
    assert uitslag.violations_count == 0, uitslag.generate_report()
    assert not bezoek.fouten, bezoek.fouten
    assert not bezoek.extern
    bezoek.sluit()
