"""Zoals mensen de site gebruiken: Chromium via Playwright, met axe voor WCAG 2.1 AA.

De gebouwde site wordt geserveerd op 127.0.0.1. Elk verzoek naar een andere host wordt
geregistreerd en afgebroken; de tests eisen dat er geen enkel zo'n verzoek is. Playwright
gebruikt de Chromium van Debian (``/usr/bin/chromium``); er wordt nooit een browser gedownload.
Ontbreekt Chromium, dan worden deze tests luid overgeslagen, behalve in CI
(``VANGNET_BROWSER_VERPLICHT=1``), waar ze dan falen (zie browserhulp.py).

Op een telefoon (390 px) en een bureaublad (1280 px) wordt elke pagina van het voorbeeld en van
de tweede gemeente bekeken: geen horizontaal scrollen, grafieken die niets afsnijden en hun
staven en lijnen minstens een derde van de breedte geven, en het herkomstvenster volledig in
beeld. Schermafdrukken van elke pagina komen in ``tests/artefacten/``.
"""

# De fixtures komen uit browserhulp.py; pytest vindt ze via de import, ruff ziet de parameters
# met dezelfde naam als een herdefinitie.
# ruff: noqa: F811

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest
from browserhulp import (  # noqa: F401  (fixtures)
    ARTEFACTEN,
    BREEDTES,
    WCAG,
    Bezoek,
    _StilleHandler,
    artefactnaam,
    bergwaard_server,
    bergwaard_site,
    browser,
    paginas_van,
    serveer,
    server,
)

pytestmark = pytest.mark.browser


def _paginas(site: Path) -> list[str]:
    return paginas_van(site)


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


def test_zonder_javascript_blijven_bijschrift_en_gegevens(browser, server: str):
    """Zonder JavaScript tekent niemand de grafiek: de lezer ziet een melding, het
    tekstalternatief en kan de tabel met de gegevens openen; er blijft geen lege ruimte."""
    context = browser.new_context(java_script_enabled=False)
    pagina = context.new_page()
    pagina.goto(urljoin(server, "dossier/tekort/"))
    figuur = pagina.locator("figure.grafiek").first
    assert "wordt in de browser getekend" in figuur.locator(".grafiek__beeld").inner_text()
    assert "tekort" in figuur.locator(".grafiek__alt").inner_text()
    assert figuur.locator(".grafiek__beeld").bounding_box()["height"] < 120
    figuur.locator("summary").click()
    assert figuur.locator("details table td").count() >= 6
    assert pagina.query_selector("a.cijfer[href*='herkomst/#buig.tekort.2025']")
    context.close()


def test_met_javascript_verdwijnt_de_melding_en_staat_de_grafiek_er(browser, server: str):
    pagina = browser.new_page()
    pagina.goto(urljoin(server, "dossier/tekort/"))
    beeld = pagina.locator("figure.grafiek .grafiek__beeld").first
    beeld.locator(".grafiek__interactief svg path").first.wait_for(timeout=10000)
    assert "wordt in de browser getekend" not in beeld.inner_text()
    assert "grafiek__beeld--getekend" in beeld.get_attribute("class")
    pagina.close()


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
    # een parameter toont haar wettelijke bron en een gegeven zijn brondocument en (ter
    # controle) zijn plek in het gegevensbestand
    p.locator("a.cijfer[data-cijfer='buig.kosten.2025']").first.click()
    venstertekst = p.locator(".herkomst-venster").inner_text()
    assert "Rapport vangnet 2025, § 3" in venstertekst
    assert "gegevensbestand buig.csv, regel 6, kolom kosten" in venstertekst
    assert not bezoek.fouten and not bezoek.extern
    bezoek.sluit()


def test_wie_met_tab_het_uitlegvenster_verlaat_ziet_waar_de_focus_is(browser, server: str):
    """Het venster sloot alleen met Esc of Sluiten; wie verder tabde, kreeg de focus op een
    cijfer dat onder het nog open venster lag (WCAG 2.4.11). Nu sluit het venster zodra de
    focus eruit gaat, zonder de focus terug te zetten."""
    bezoek = Bezoek(browser, server, "raadsinformatiebrief/")
    p = bezoek.pagina
    link = p.locator("article a.cijfer").first
    link.focus()
    p.keyboard.press("Enter")
    venster = p.locator(".herkomst-venster")
    venster.wait_for(state="visible", timeout=5000)
    for _ in range(12):
        p.keyboard.press("Tab")
        if venster.count() == 0:
            break
    assert venster.count() == 0
    actief = p.evaluate("""() => { const e = document.activeElement;
        const r = e.getBoundingClientRect();
        const boven = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {buiten: !e.closest('.herkomst-venster'),
                zichtbaar: !!boven && (boven === e || e.contains(boven))}; }""")
    assert actief == {"buiten": True, "zichtbaar": True}
    assert not bezoek.fouten
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

    bezoek = Bezoek(browser, export_server, "zevenaar/")
    p = bezoek.pagina
    # Bij een andere versie zoekt Material in haar sitemap.xml of dezelfde pagina daar ook
    # bestaat. Een dossier heeft geen sitemap (het adres van de site is bij het bouwen niet
    # bekend, zie overrides/sitemap.xml): dan opent Material de startpagina van die versie.
    # Dat ene mislukte verzoek is geen fout; elk ander wel.
    mislukt: list[str] = []
    p.on("response", lambda r: mislukt.append(r.url) if r.status >= 400 else None)
    # de map van de gemeente verwijst door naar de nieuwste versie
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
    sitemaps = [u for u in mislukt if u.endswith("/sitemap.xml")]
    assert mislukt == sitemaps, mislukt
    fouten = [f for f in bezoek.fouten if "status of 404" not in f]
    assert not fouten and len(bezoek.fouten) == len(sitemaps), bezoek.fouten
    assert not bezoek.extern
    bezoek.sluit()


# -- op een telefoon en een bureaublad ------------------------------------------------------

# Per grafiek: de breedte van de figuur en van de SVG, hoe breed de staven, lijnen en punten
# samen zijn (van de linkerrand van de meest linkse tot de rechterrand van de meest rechtse) en
# welke teksten (labels, astitels, legenda) buiten de SVG vallen en dus afgesneden zijn.
_GRAFIEKMETING = """() => [...document.querySelectorAll('figure.grafiek')].map(f => {
  const svg = f.querySelector('.grafiek__interactief svg');
  const fig = f.getBoundingClientRect();
  if (!svg) return {id: f.id, svg: false};
  const s = svg.getBoundingClientRect();
  let links = Infinity, rechts = -Infinity;
  for (const m of svg.querySelectorAll('.mark-rect path, .mark-line path, .mark-symbol path')) {
    const r = m.getBoundingClientRect();
    if (r.width <= 0 && r.height <= 0) continue;
    links = Math.min(links, r.left); rechts = Math.max(rechts, r.right);
  }
  const buiten = [];
  for (const t of svg.querySelectorAll('text')) {
    const r = t.getBoundingClientRect();
    // een label dat Vega verbergt (labelOverlap, labelBound) heeft opacity 0
    if (!t.textContent.trim() || r.width === 0 || getComputedStyle(t).opacity === '0') continue;
    if (r.left < s.left - 1 || r.right > s.right + 1 || r.top < s.top - 1
        || r.bottom > s.bottom + 1) buiten.push(t.textContent.trim());
  }
  return {id: f.id, svg: true, figuur: fig.width, breedte: s.width,
          markeringen: rechts > links ? rechts - links : 0, buiten};
})"""


def _dossier(naam: str, request) -> tuple[str, Path]:
    """De basis-URL en de map van het voorbeeld of van de tweede gemeente."""
    if naam == "voorbeeld":
        return request.getfixturevalue("server"), request.getfixturevalue("site")
    return request.getfixturevalue("bergwaard_server"), request.getfixturevalue("bergwaard_site")


@pytest.mark.parametrize("breedte", BREEDTES)
@pytest.mark.parametrize("dossier", ["voorbeeld", "bergwaard"])
def test_elke_pagina_past_op_het_scherm_en_grafieken_houden_ruimte(
        browser, request, dossier: str, breedte: int):
    """Geen horizontaal scrollen; elke grafiek binnen haar figuur, zonder afgesneden tekst,
    met staven en lijnen over minstens een derde van de breedte. Schermafdruk van elke pagina
    (tests/artefacten/<dossier>-<pagina>-<breedte>.png)."""
    basis, map_ = _dossier(dossier, request)
    problemen: list[str] = []
    gemeten = 0
    for pad in paginas_van(map_):
        bezoek = Bezoek(browser, basis, pad, breedte=breedte, wacht="load")
        p = bezoek.pagina
        bezoek.wacht_op_grafieken()
        p.evaluate("document.fonts.ready.then(() => true)")
        scrollbreedte = p.evaluate("document.documentElement.scrollWidth")
        if scrollbreedte > breedte:
            problemen.append(f"{pad or '/'}: {scrollbreedte} px breed op {breedte} px")
        for g in p.evaluate(_GRAFIEKMETING):
            gemeten += 1
            if not g["svg"]:
                problemen.append(f"{pad}: {g['id']} niet getekend")
                continue
            if g["breedte"] > g["figuur"] + 1:
                problemen.append(f"{pad}: {g['id']} {g['breedte']:.0f} px in {g['figuur']:.0f}")
            if g["markeringen"] < g["figuur"] / 3:
                problemen.append(f"{pad}: {g['id']} markeringen {g['markeringen']:.0f} px van "
                                 f"{g['figuur']:.0f} px (minder dan een derde)")
            if g["buiten"]:
                problemen.append(f"{pad}: {g['id']} afgesneden tekst {g['buiten'][:5]}")
        bezoek.schermafdruk(ARTEFACTEN / f"{dossier}-{artefactnaam(pad)}-{breedte}.png")
        if bezoek.fouten:
            problemen.append(f"{pad}: consolefouten {bezoek.fouten}")
        bezoek.sluit()
    assert gemeten >= (10 if dossier == "voorbeeld" else 2)
    assert not problemen, "\n".join(problemen)


def test_een_grafiek_wordt_opnieuw_getekend_als_het_scherm_smal_wordt(browser, server: str):
    """Een telefoon draaien: van breed naar smal past de grafiek zich aan (en terug)."""
    bezoek = Bezoek(browser, server, "dossier/oorzaken/", breedte=1280)
    p = bezoek.pagina
    bezoek.wacht_op_grafieken()

    def meting() -> dict:
        return next(g for g in p.evaluate(_GRAFIEKMETING) if g["id"] == "grafiek-uitstroom_redenen")

    breed = meting()
    p.set_viewport_size({"width": 390, "height": 900})
    p.wait_for_function(
        "document.querySelector('#grafiek-uitstroom_redenen .grafiek__interactief svg')"
        ".getBoundingClientRect().width < 400", timeout=5000)
    p.wait_for_timeout(800)  # de nieuwe tekening na de wachttijd van 200 ms
    smal = meting()
    assert smal["markeringen"] >= smal["figuur"] / 3, smal
    assert not smal["buiten"], smal
    assert breed["markeringen"] >= breed["figuur"] / 3, breed
    # het lange label staat op een telefoon over meer regels, niet afgekapt tot niets
    regels = p.eval_on_selector_all(
        "#grafiek-uitstroom_redenen .grafiek__interactief svg .role-axis-label text",
        "els => els.map(e => e.querySelectorAll('tspan').length || 1)")
    assert max(regels) >= 2, regels
    assert not bezoek.fouten
    bezoek.sluit()


# Cijfers om het herkomstvenster vanuit te openen: in de kerncijfers op de startpagina (de
# laatste, rechtsonder), in een tabelcel, in de lopende tekst en in een brede tabel die schuift.
_VENSTERGEVALLEN = [
    ("", ".kerncijfers a.cijfer", -1),
    ("dossier/tekort/", ".tabel td a.cijfer", -1),
    ("dossier/tekort/", "p a.cijfer", 0),
    ("rekenverantwoording/", ".tabel td a.cijfer", 3),
]


@pytest.mark.parametrize("breedte", BREEDTES)
@pytest.mark.parametrize(("pad", "kiezer", "nummer"), _VENSTERGEVALLEN)
def test_herkomstvenster_helemaal_in_beeld_en_breed_genoeg(
        browser, server: str, breedte: int, pad: str, kiezer: str, nummer: int):
    bezoek = Bezoek(browser, server, pad, breedte=breedte, hoogte=800)
    p = bezoek.pagina
    links = p.locator(kiezer)
    link = links.nth(nummer if nummer >= 0 else links.count() - 1)
    link.scroll_into_view_if_needed()
    # met het toetsenbord openen: focus op het cijfer, Enter
    link.focus()
    p.keyboard.press("Enter")
    venster = p.locator(".herkomst-venster")
    venster.wait_for(state="visible", timeout=5000)
    v = venster.bounding_box()
    cel = link.evaluate("a => (a.closest('td, th, p, li') || a).getBoundingClientRect().width")
    assert v["width"] >= min(280, breedte - 16), v
    assert v["width"] > cel or v["width"] >= 448, (v, cel)  # niet ingeklemd in de cel
    assert v["x"] >= 0 and v["x"] + v["width"] <= breedte, v
    assert v["y"] >= 0 and v["y"] + v["height"] <= 800, v
    # de tekst in het venster past: niets loopt horizontaal buiten het venster
    assert venster.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    assert p.evaluate("document.activeElement.classList.contains('herkomst-venster')")
    # het venster volgt het cijfer bij scrollen en blijft in beeld
    p.mouse.wheel(0, 60)
    p.wait_for_timeout(200)
    na = venster.bounding_box()
    assert na["x"] >= 0 and na["x"] + na["width"] <= breedte
    p.keyboard.press("Escape")
    assert venster.count() == 0
    assert p.evaluate("document.activeElement.classList.contains('cijfer')")
    assert not bezoek.fouten and not bezoek.extern
    bezoek.sluit()


# -- brede tabellen op een telefoon ----------------------------------------------------------

# Per tabel: past ze in haar kader, is ze een stapel kaartjes (tabellen.js), of schuift ze? Van
# een kaartjestabel: valt een cel buiten het kader. Van een tabel die schuift: is de aanwijzing
# te zien, en blijven titel en (vaste) eerste kolom staan als de tabel tot het eind geschoven
# is. Per kolomkop: of alle cellen van die kolom zonder schuiven helemaal in beeld zijn.
_TABELMETING = """() => [...document.querySelectorAll('article .tabel')].map(blok => {
  const regio = blok.querySelector(':scope > .tabel__scroll');
  const tabel = regio && regio.querySelector(':scope > table');
  if (!tabel || !tabel.tHead || regio.getBoundingClientRect().width === 0) return null;
  const r = regio.getBoundingClientRect();
  const inBeeld = e => { const b = e.getBoundingClientRect();
    return b.width > 0 && b.height > 0 && b.left >= Math.max(r.left, 0) - 1
      && b.right <= Math.min(r.right, innerWidth) + 1; };
  const koppen = [...tabel.tHead.rows[0].cells].map(c => c.textContent.trim());
  const rijen = [...tabel.tBodies].flatMap(b => [...b.rows]);
  const zichtbaar = {};
  koppen.forEach((k, j) => { zichtbaar[k] = rijen.map(rij => rij.cells[j])
    .filter(c => c && c.textContent.trim()).every(inBeeld); });
  const uit = {id: blok.id, titel: tabel.caption ? tabel.caption.firstChild.textContent.trim() : '',
    kaarten: blok.classList.contains('tabel--kaarten'),
    vast: blok.classList.contains('tabel--vast'),
    past: regio.scrollWidth <= regio.clientWidth + 1, zichtbaar, rol: tabel.getAttribute('role')};
  if (uit.kaarten) {
    // een cel die in beeld staat, maar waarvan de inhoud eruit loopt, telt ook
    uit.buiten = [...tabel.querySelectorAll('tbody th, tbody td')]
      .filter(c => c.textContent.trim() && (!inBeeld(c) || c.scrollWidth > c.clientWidth + 1))
      .length + (uit.past ? 0 : 1);
  } else if (!uit.past) {
    const hint = blok.querySelector('.tabel__hint');
    uit.hint = hint && inBeeld(hint) && getComputedStyle(hint).visibility === 'visible'
      ? hint.textContent : null;
    regio.scrollLeft = regio.scrollWidth;
    regio.dispatchEvent(new Event('scroll'));
    uit.titelBlijft = !tabel.caption || inBeeld(tabel.caption.firstChild.parentElement);
    const eerste = tabel.querySelector('tbody th[scope=row]');
    uit.eersteBlijft = !uit.vast || inBeeld(eerste);
    uit.laatsteNaSchuiven = rijen.map(rij => rij.cells[rij.cells.length - 1]).every(inBeeld);
    regio.scrollLeft = 0;
  }
  return uit;
}).filter(Boolean)"""

# Per pagina de tabellen waarvan de beslissende kolommen op een telefoon zonder schuiven in
# beeld moeten zijn (bevinding 10 van het raadslid).
_BESLISSEND = {
    "dossier/tekort/": {"tabel-vangnet_toets-blok": ["Voldaan", "Grens", "Waarde"]},
    "dossier/maatregelen/": {
        "tabel-indicatoren-blok": ["Doel 2024", "Bereikt 2024", "Doel 2025", "Bereikt 2025"],
        "tabel-maatregelen-blok": ["Status", "Besluit", "Doorgerekend", "Vastgelegd in"],
    },
}


def _open_uitklapblokken(p) -> None:
    p.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    p.wait_for_timeout(150)  # tabellen.js deelt de tabellen opnieuw in na 'toggle'


def test_brede_tabellen_op_een_telefoon_tonen_de_beslissende_kolom_of_wijzen_op_schuiven(
        browser, server: str, site: Path):
    """Op 390 px: elke tabel past, is een stapel kaartjes met alle cellen in beeld (en nog
    steeds een tabel voor een schermlezer), of schuift met een zichtbare aanwijzing, een titel
    die blijft staan en (als die smal is) een vaste eerste kolom. De kolommen Voldaan (toets
    aan de voorwaarden) en de doelen en resultaten van de maatregelen zijn zonder schuiven te
    zien. Op 1280 px blijven het gewone tabellen."""
    problemen: list[str] = []
    soorten = {"past": 0, "kaarten": 0, "schuift": 0}
    for pad in paginas_van(site):
        bezoek = Bezoek(browser, server, pad, breedte=390, hoogte=844, wacht="load",
                        telefoon=True)
        p = bezoek.pagina
        p.evaluate("document.fonts.ready.then(() => true)")
        _open_uitklapblokken(p)
        metingen = p.evaluate(_TABELMETING)
        for t in metingen:
            wat = f"{pad or '/'} {t['titel']!r}"
            if t["kaarten"]:
                soorten["kaarten"] += 1
                if t["buiten"]:
                    problemen.append(f"{wat}: {t['buiten']} cellen van de kaartjes buiten beeld")
                if t["rol"] != "table":
                    problemen.append(f"{wat}: kaartjes zonder role=table")
            elif t["past"]:
                soorten["past"] += 1
            else:
                soorten["schuift"] += 1
                if not (t["hint"] and "opzij" in t["hint"]):
                    problemen.append(f"{wat}: schuift zonder zichtbare aanwijzing")
                if not t["titelBlijft"]:
                    problemen.append(f"{wat}: de titel schuift mee uit beeld")
                if not t["eersteBlijft"]:
                    problemen.append(f"{wat}: de vaste eerste kolom schuift mee")
                if not t["laatsteNaSchuiven"]:
                    problemen.append(f"{wat}: de laatste kolom ook na schuiven niet in beeld")
        for blok, kolommen in _BESLISSEND.get(pad, {}).items():
            t = next((t for t in metingen if t["id"] == blok), None)
            if t is None:
                problemen.append(f"{pad}: tabel {blok} niet gevonden")
                continue
            for kolom in kolommen:
                if not t["zichtbaar"].get(kolom):
                    problemen.append(f"{pad} {t['titel']!r}: kolom {kolom!r} niet in beeld")
        if pad == "dossier/tekort/":
            p.locator("#tabel-vangnet_toets-blok").screenshot(
                path=str(ARTEFACTEN / "tabel-kaartjes-390.png"))
            # voor een schermlezer nog steeds een tabel, met kolomkoppen en cellen (de
            # toegankelijkheidsboom van Chromium zelf)
            cdp = bezoek.context.new_cdp_session(p)
            wortel = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
            kop = cdp.send("Accessibility.queryAXTree", {
                "nodeId": wortel, "role": "columnheader", "accessibleName": "Voldaan"})["nodes"]
            tabel = cdp.send("Accessibility.queryAXTree", {
                "nodeId": wortel, "role": "table",
                "accessibleName": "Toets aan de voorwaarden van het vangnet over 2025"})["nodes"]
            if not (kop and tabel):
                problemen.append(f"{pad}: kaartjes niet meer als tabel in de toegankelijkheidsboom")
        if bezoek.fouten:
            problemen.append(f"{pad}: consolefouten {bezoek.fouten}")
        bezoek.sluit()
    # op een bureaublad geen kaartjes
    bezoek = Bezoek(browser, server, "dossier/tekort/", breedte=1280, wacht="load")
    assert bezoek.pagina.locator(".tabel--kaarten").count() == 0
    bezoek.sluit()
    print(f"\ntabellen op 390 px: {soorten}")
    assert not problemen, "\n".join(problemen)
    assert soorten["kaarten"] >= 5 and soorten["schuift"] >= 1


# -- tikdoelen (WCAG 2.5.8) -------------------------------------------------------------------

# Per cijferlink: raakt een tik binnen het vierkant van 24 × 24 px rond het midden van het
# cijfer (9 punten: midden, hoeken en zijden, 11 px van het midden) die link, en niets anders?
# Gemeten met elementFromPoint, dus met wat er echt bovenop ligt (ook een buurcijfer).
_TIKDOELEN = """(kiezer) => {
  const uit = [];
  for (const a of document.querySelectorAll(kiezer)) {
    if (!a.checkVisibility() || a.getBoundingClientRect().width === 0) continue;
    const r0 = a.getBoundingClientRect();
    window.scrollTo(0, r0.top + scrollY - innerHeight / 2);
    const r = a.getBoundingClientRect();
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    if (cx - 12 < 0 || cx + 12 > innerWidth) continue;  // in een tabel die schuift
    let mis = 0;
    for (const dx of [-11, 0, 11]) for (const dy of [-11, 0, 11]) {
      const h = document.elementFromPoint(cx + dx, cy + dy);
      if (!h || !(h === a || a.contains(h))) mis++;
    }
    const midden = document.elementFromPoint(cx, cy);
    uit.push({tekst: a.textContent.trim(), w: r.width, h: r.height, mis,
              midden: !!midden && (midden === a || a.contains(midden)),
              tabel: !!a.closest("td, th"), weergave: getComputedStyle(a).display});
  }
  return uit;
}"""


@pytest.mark.parametrize("pad", ["", "raadsinformatiebrief/", "dossier/tekort/",
                                 "dossier/maatregelen/"])
def test_elk_cijfer_is_op_een_telefoon_een_tikdoel_van_24_px(browser, server: str, pad: str):
    """Een 'ja' of '2' in een tabel (eerst 10 × 19 px): het hele vierkant van 24 × 24 px rond
    het cijfer is het cijfer zelf. Een cijfer in een zin valt onder de uitzondering 'inline'
    van WCAG 2.5.8: het krijgt het vlak eromheen, maar geen eigen breedte die gaten in de zin
    slaat ('er  9 :  8'); een tik op het cijfer zelf raakt het altijd."""
    bezoek = Bezoek(browser, server, pad, breedte=390, hoogte=844, wacht="load", telefoon=True)
    p = bezoek.pagina
    p.evaluate("document.fonts.ready.then(() => true)")
    gemeten = p.evaluate(_TIKDOELEN, "article a.cijfer")
    assert len(gemeten) >= 5
    in_zin = [g for g in gemeten if not g["tabel"]]
    assert all(g["weergave"] == "inline" and g["midden"] for g in in_zin), \
        [g for g in in_zin if g["weergave"] != "inline" or not g["midden"]][:10]
    te_klein = [g for g in gemeten if g["tabel"] and g["mis"]]
    kleinste = min(gemeten, key=lambda g: g["w"])
    print(f"\n{pad or '/'}: {len(gemeten)} cijfers; smalste {kleinste['tekst']!r} "
          f"{kleinste['w']:.0f}×{kleinste['h']:.0f} px")
    assert not te_klein, te_klein[:10]
    assert not bezoek.fouten
    bezoek.sluit()


def test_verkenner_en_uitlegvenster_groot_genoeg_voor_een_vinger(browser, server: str):
    """Op een telefoon: schuifjes en de keuzelijst minstens 44 px hoog (eerst 16 en 19 px),
    net als de knop Sluiten in het uitlegvenster (eerst 25 px)."""
    bezoek = Bezoek(browser, server, "verkenner/", breedte=390, hoogte=844, wacht="load",
                    telefoon=True)
    p = bezoek.pagina
    p.wait_for_selector("#verkenner[data-klaar='ja']", timeout=10000)
    hoogtes = p.eval_on_selector_all(
        "#verkenner input[type=range], #verkenner select",
        "els => els.map(e => [e.name, e.getBoundingClientRect().height, "
        "e.getBoundingClientRect().width])")
    assert len(hoogtes) >= 6
    for naam, hoogte, breedte in hoogtes:
        assert hoogte >= 44 and breedte >= 200, (naam, hoogte, breedte)
    # de hele hoogte is het schuifje zelf: een tik net boven of onder de baan raakt het
    geraakt = p.evaluate("""() => [...document.querySelectorAll('#verkenner input[type=range]')]
        .map(e => { e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();
          return [r.top + 2, r.bottom - 2].every(y =>
            document.elementFromPoint(r.left + r.width / 2, y) === e); })""")
    assert all(geraakt), geraakt
    bezoek.sluit()
    bezoek = Bezoek(browser, server, "dossier/tekort/", breedte=390, hoogte=844, wacht="load",
                    telefoon=True)
    p = bezoek.pagina
    p.locator("p a.cijfer").first.tap()
    knop = p.locator(".herkomst-venster button")
    knop.wait_for(state="visible", timeout=5000)
    assert knop.bounding_box()["height"] >= 44
    assert not bezoek.fouten
    bezoek.sluit()


# -- de grafiek van de verkenner --------------------------------------------------------------

_VERKENNERGRAFIEK = """() => {
  const f = document.getElementById('verkenner-grafiek');
  const svg = f.querySelector('.grafiek__interactief svg');
  const s = svg.getBoundingClientRect();
  const teksten = [...svg.querySelectorAll('text')]
    .filter(t => t.textContent.trim() && getComputedStyle(t).opacity !== '0')
    .map(t => { const r = t.getBoundingClientRect();
      return {tekst: t.textContent.trim().replace(/\\u00a0/g, ' '),
              binnen: r.left >= s.left - 1 && r.right <= s.right + 1 && r.top >= s.top - 1
                      && r.bottom <= s.bottom + 1}; });
  const uitkomst = id => document.getElementById(id).textContent.trim().replace(/\\u00a0/g, ' ');
  return {witruimte: f.querySelector('figcaption').getBoundingClientRect().top - s.bottom,
          teksten, besparing: uitkomst('uit-besparing'), resterend: uitkomst('uit-resterend')};
}"""


@pytest.mark.parametrize("breedte", BREEDTES)
def test_verkenner_grafiek_toont_bedragen_zonder_witruimte_of_afgekapte_as(
        browser, server: str, breedte: int):
    """Het bijschrift staat direct onder de grafiek (eerst ~200 px wit), bij elke staaf staat
    het bedrag, en geen bedrag of aslabel valt buiten de grafiek, ook niet bij de grootste
    uitstroom (eerst '€ 4.000.00' afgekapt)."""
    bezoek = Bezoek(browser, server, "verkenner/", breedte=breedte, hoogte=844, wacht="load",
                    telefoon=breedte < 600)
    p = bezoek.pagina
    p.wait_for_selector("#verkenner[data-klaar='ja']", timeout=10000)
    for stand in ("begin", "maximaal"):
        if stand == "maximaal":
            for naam in p.eval_on_selector_all(
                    "#verkenner fieldset:first-of-type input[type=range]",
                    "els => els.map(e => e.name)"):
                _zet(p, naam, "150")
            p.wait_for_function(
                "[...document.querySelectorAll('#verkenner-grafiek svg text')].some(t => "
                "t.textContent.replace(/\\u00a0/g, ' ') === document.getElementById("
                "'uit-besparing').textContent.trim().replace(/\\u00a0/g, ' '))", timeout=5000)
        m = p.evaluate(_VERKENNERGRAFIEK)
        teksten = [t["tekst"] for t in m["teksten"]]
        assert m["witruimte"] < 40, (stand, m["witruimte"])
        assert m["besparing"] in teksten and m["resterend"] in teksten, (stand, teksten)
        buiten = [t["tekst"] for t in m["teksten"] if not t["binnen"]]
        assert not buiten, (stand, buiten)
        p.locator("#verkenner-grafiek").screenshot(
            path=str(ARTEFACTEN / f"verkenner-grafiek-{stand}-{breedte}.png"))
    assert not bezoek.fouten
    bezoek.sluit()


def test_titel_kaders_en_gegevensblok_op_een_telefoon(browser, server: str):
    """Kleine punten van het raadslid: de sitetitel in de kopregel en in het menu past (eerst
    'Vangnetuitkering Zeve…'), de tekst in een gekleurd kader is even groot als de gewone
    tekst (eerst 12,8 tegen 16 px) en het blok 'Gegevens bij deze grafiek' heeft een
    tabel-icoon in plaats van een potlood."""
    bezoek = Bezoek(browser, server, "raadsinformatiebrief/", breedte=390, hoogte=844,
                    wacht="load", telefoon=True)
    p = bezoek.pagina
    m = p.evaluate("""() => {
      const past = e => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1;
      const kader = document.querySelector('article .admonition p:not(.admonition-title)');
      const gewoon = [...document.querySelectorAll('article p')]
        .find(e => !e.closest('.admonition'));
      return {kop: [...document.querySelectorAll('.md-header__topic .md-ellipsis')]
                .map(e => [e.textContent.trim(), past(e)]),
              menu: past(document.querySelector('.md-nav--primary .md-nav__title[for=__drawer]')),
              kader: kader && getComputedStyle(kader).fontSize,
              gewoon: getComputedStyle(gewoon).fontSize};
    }""")
    assert all(past for _, past in m["kop"]), m["kop"]
    assert m["kop"][0][0].startswith("Vangnetuitkering Zevenaar")
    assert m["menu"]
    assert m["kader"] == m["gewoon"], m
    bezoek.sluit()
    bezoek = Bezoek(browser, server, "dossier/tekort/", breedte=390, hoogte=844, wacht="load",
                    telefoon=True)
    icoon = bezoek.pagina.evaluate("getComputedStyle(document.querySelector("
                                   "'.grafiek__gegevens > summary'), '::before').maskImage")
    assert "M5 4h14" in icoon, icoon  # het tabel-icoon uit vangnet.css
    bezoek.sluit()


# -- het uitlegvenster bedekt de berekening niet ------------------------------------------------

_VENSTER_EN_REGEL = """(kiezer) => {
  const a = document.querySelector(kiezer);
  const regel = a.closest('li, td, tr, p').getBoundingClientRect();
  const v = document.querySelector('.herkomst-venster').getBoundingClientRect();
  const kop = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const stappen = [...a.closest('ol').children].map(li => li.getBoundingClientRect())
    .filter(r => r.bottom <= regel.top + 1);
  const overlapt = (r) => v.left < r.right && r.left < v.right && v.top < r.bottom
                          && r.top < v.bottom;
  return {venster: [v.top, v.bottom], regel: [regel.top, regel.bottom], kop,
          hoogte: innerHeight, breedte: innerWidth, links: v.left, rechts: v.right,
          regelBedekt: overlapt(regel), stappenBedekt: stappen.filter(overlapt).length};
}"""


@pytest.mark.parametrize("breedte", BREEDTES)
@pytest.mark.parametrize("plek", [0.2, 0.85])
@pytest.mark.parametrize("cijfer", ["vangnet.uitgebreid.uitkering.2025",
                                    "buig.tekortpercentage.2025"])
def test_uitlegvenster_laat_de_regel_van_de_berekening_zien(
        browser, server: str, breedte: int, plek: float, cijfer: str):
    """§ 3.3 van dossier/tekort: een klik op € 41.181 (of op 5,5810% aan het begin van
    dezelfde stap) opent het venster onder die stap, ook als de stap onderaan het scherm staat
    (de pagina schuift op) en op de laatste regels van de pagina. De stap zelf en de stappen
    ervoor blijven zichtbaar; het venster staat helemaal in beeld."""
    bezoek = Bezoek(browser, server, "dossier/tekort/", breedte=breedte, hoogte=844,
                    wacht="load", telefoon=breedte < 600)
    p = bezoek.pagina
    kiezer = f"#berekening ~ ol > li:last-child a.cijfer[data-cijfer='{cijfer}']"
    p.evaluate("""([kiezer, plek]) => { const li = document.querySelector(kiezer).closest('li');
        window.scrollBy({top: li.getBoundingClientRect().top - innerHeight * plek,
                         behavior: 'instant'}); }""", [kiezer, plek])
    link = p.locator(kiezer)
    if breedte < 600:
        link.tap()
    else:
        link.click()
    p.locator(".herkomst-venster").wait_for(state="visible", timeout=5000)
    m = p.evaluate(_VENSTER_EN_REGEL, kiezer)
    assert m["kop"] <= m["regel"][0] and m["regel"][1] <= m["hoogte"], m  # de regel in beeld
    assert m["venster"][0] >= m["regel"][1], m  # het venster onder de regel
    assert not m["regelBedekt"] and m["stappenBedekt"] == 0, m
    assert m["venster"][0] >= m["kop"] and m["venster"][1] <= m["hoogte"], m
    assert m["links"] >= 0 and m["rechts"] <= m["breedte"], m
    # geen tooltip van Material over de berekening
    assert p.locator(".md-tooltip2--active:visible").count() == 0
    p.screenshot(path=str(ARTEFACTEN / f"uitlegvenster-{cijfer}-{plek}-{breedte}.png"))
    p.keyboard.press("Escape")
    assert p.locator(".herkomst-venster").count() == 0
    assert p.locator(".herkomst-ruimte").count() == 0  # de extra ruimte onderaan is weer weg
    assert not bezoek.fouten
    bezoek.sluit()


# -- foutpagina en sitemap onder een submap (/zevenaar/2025/) ---------------------------------

PREFIX = "zevenaar/2025"


@contextmanager
def _onder_submap(site: Path, wortel: Path, prefix: str) -> Iterator[str]:
    """De site onder /<prefix>/ van een webserver die bij elk adres dat niet bestaat de
    foutpagina van de site toont (status 404), zoals een webserver met error_page; geeft de
    basis-URL van de server."""
    doel = wortel / prefix if prefix else wortel
    shutil.copytree(site, doel, dirs_exist_ok=True)
    foutpagina = (doel / "404.html").read_bytes()

    class Handler(_StilleHandler):
        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(foutpagina)))
            self.end_headers()
            self.wfile.write(foutpagina)

    with serveer(wortel, Handler) as basis:
        yield basis


def test_geen_lege_sitemap_en_een_foutpagina_zonder_paden_vanaf_de_wortel(site: Path):
    """Zonder site_url is het adres van de site onbekend: geen sitemap (eerst een lege), en
    de foutpagina verwijst nergens naar /assets/… of een ander pad vanaf de wortel."""
    assert not (site / "sitemap.xml").exists()
    assert not (site / "sitemap.xml.gz").exists()
    fout = (site / "404.html").read_text(encoding="utf-8")
    assert not re.findall(r'(?:href|src)="/', fout), re.findall(r'(?:href|src)="/[^"]*"', fout)
    assert "Pagina niet gevonden" in fout


def _bekijk_foutpagina(browser, server: str, adres: str, wortel: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    bezoek = Bezoek(browser, server, "about:blank")
    p = bezoek.pagina
    mislukt: list[str] = []
    p.on("response", lambda r: mislukt.append(f"{r.status} {r.url}")
         if r.status >= 400 and r.url != adres else None)
    p.goto(adres, wait_until="networkidle")
    assert "Pagina niet gevonden" in p.inner_text("article")
    # de stijl van Material en van het dossier zijn geladen
    assert p.evaluate("getComputedStyle(document.querySelector('.md-header'))"
                      ".backgroundColor") == "rgb(64, 81, 181)"
    assert p.evaluate("getComputedStyle(document.documentElement)"
                      ".getPropertyValue('--vangnet-focus').trim()") == "#283593"
    assert p.evaluate("document.querySelector('article a').href") == wortel
    links = p.eval_on_selector_all(".md-sidebar--primary a.md-nav__link[href]",
                                   "els => els.map(e => e.href)")
    assert len(links) >= 10 and all(h.startswith(wortel) for h in links), links
    for href in links[:4]:
        assert p.request.get(href).status == 200, href
    # zoeken vanaf de foutpagina vindt de pagina's van dit dossier
    p.keyboard.press("/")
    p.keyboard.type("vangnetuitkering")
    p.wait_for_selector(".md-search-result__item", timeout=10000)
    gevonden = p.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert gevonden and all(h.startswith(wortel) for h in gevonden), gevonden
    uitslag = Axe().run(p, options={"runOnly": {"type": "tag", "values": WCAG},
                                    "resultTypes": ["violations"]})
    assert uitslag.violations_count == 0, uitslag.generate_report()
    assert not mislukt, (adres, mislukt)
    fouten = [f for f in bezoek.fouten if "status of 404" not in f]
    assert not fouten and not bezoek.extern, fouten
    bezoek.sluit()


@pytest.mark.parametrize(("prefix", "paden"), [
    (PREFIX, ["bestaat-niet/", "dossier/bestaat/niet", "a/b/c/d/", "404.html"]),
    ("", ["bestaat-niet/", "dossier/x/y/"]),
])
def test_foutpagina_werkt_onder_een_submap(browser, site: Path, tmp_path: Path, prefix: str,
                                           paden: list[str]):
    """Op elk adres dat niet bestaat: de foutpagina met haar stijl, een werkende link naar de
    startpagina en navigatie van dit dossier, zoeken werkt, en geen enkel verzoek mislukt
    behalve de pagina zelf (ook geen verzoek dat de browser vooraf doet)."""
    with _onder_submap(site, tmp_path / "server", prefix) as server:
        wortel = urljoin(server, f"{prefix}/" if prefix else "")
        for pad in paden:
            _bekijk_foutpagina(browser, server, urljoin(wortel, pad), wortel)


def test_met_site_url_een_sitemap_met_volledige_adressen_en_de_foutpagina_van_mkdocs(
        browser, tmp_path: Path, monkeypatch):
    """Is het adres wel bekend (site_url), dan een sitemap met de volledige adressen van alle
    pagina's, en een foutpagina met paden vanaf de wortel, zoals MkDocs dat doet."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from vangnet.site.bouw import bouwtijdstip, config_opties

    from conftest import DATA

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", bouwtijdstip(DATA))
    site = tmp_path / "site"
    adres = f"https://dossiers.example.org/{PREFIX}/"
    build(load_config(**config_opties(DATA), site_dir=str(site), site_url=adres))
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    adressen = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert f"{adres}dossier/tekort/" in adressen and adres in adressen
    assert len(adressen) == len(paginas_van(site)) and all(a.startswith(adres) for a in adressen)
    assert (site / "sitemap.xml.gz").exists()
    fout = (site / "404.html").read_text(encoding="utf-8")
    assert f'href="/{PREFIX}/assets/stylesheets/' in fout and "<base " not in fout
    with _onder_submap(site, tmp_path / "server", PREFIX) as server:
        bezoek = Bezoek(browser, server, f"{PREFIX}/bestaat/niet/")
        p = bezoek.pagina
        assert p.evaluate("document.querySelector('article a').href") == urljoin(
            server, f"{PREFIX}/")
        assert p.evaluate("getComputedStyle(document.documentElement)"
                          ".getPropertyValue('--vangnet-focus').trim()") == "#283593"
        bezoek.sluit()
