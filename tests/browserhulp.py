"""Gedeeld door de browsertests (test_browser.py, test_toegankelijkheid.py): Chromium via
Playwright, een lokale webserver voor een gebouwde site en één bezoek aan een pagina.

Playwright gebruikt de Chromium van Debian (``/usr/bin/chromium``); er wordt nooit een browser
gedownload. Ontbreekt Chromium, dan worden de browsertests luid overgeslagen, behalve in CI
(``VANGNET_BROWSER_VERPLICHT=1``), waar ze dan falen. Elk verzoek naar een andere host dan
127.0.0.1 wordt geregistreerd en afgebroken.

De fixtures worden in de testmodules geïmporteerd (``from browserhulp import browser, ...``).
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import PROJECT

CHROMIUM = "/usr/bin/chromium"
VLAGGEN = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run"]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTEFACTEN = Path(__file__).resolve().parent / "artefacten"
BERGWAARD = PROJECT / "tests" / "fixtures" / "bergwaard"
BREEDTES = (390, 1280)  # een telefoon en een bureaublad


def chromium_beschikbaar() -> str | None:
    """None als de browsertests kunnen draaien, anders de reden waarom niet."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} ontbreekt (installeer met: apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright ontbreekt"
    return None


@pytest.fixture(scope="module")
def browser():
    reden = chromium_beschikbaar()
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


@contextmanager
def serveer(map_: Path, soort: type | None = None) -> Iterator[str]:
    """Een gebouwde site op 127.0.0.1 (een vrije poort); geeft de basis-URL. ``soort``: een
    eigen afgeleide van de handler (bijvoorbeeld met een eigen foutpagina)."""
    handler = functools.partial(soort or _StilleHandler, directory=str(map_))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    with serveer(site) as basis:
        yield basis


@pytest.fixture(scope="module")
def bergwaard_site(tmp_path_factory) -> Path:
    """Het tweede dossier (fixtures/bergwaard: alleen de verplichte bestanden), zonder PDF."""
    from vangnet.site.bouw import bouw

    uit = tmp_path_factory.mktemp("bergwaard") / "site"
    bouw(BERGWAARD, uit, pdf=False)
    return uit


@pytest.fixture(scope="module")
def bergwaard_server(bergwaard_site: Path) -> Iterator[str]:
    with serveer(bergwaard_site) as basis:
        yield basis


def paginas_van(site: Path) -> list[str]:
    """De paden van alle pagina's van een gebouwde site ('' is de startpagina)."""
    return sorted(
        str(p.parent.relative_to(site)).replace(".", "") + "/" if p.parent != site else ""
        for p in site.rglob("index.html")
        if "assets" not in p.parts
    )


def artefactnaam(pad: str) -> str:
    """'dossier/tekort/' -> 'dossier-tekort', '' -> 'startpagina'."""
    return pad.strip("/").replace("/", "-") or "startpagina"


class Bezoek:
    """Eén pagina geopend in Chromium, met alle verzoeken en consolemeldingen."""

    def __init__(self, browser, basis: str, pad: str, breedte: int = 1280, hoogte: int = 900,
                 wacht: str = "networkidle", telefoon: bool = False):
        # telefoon: een aanraakscherm (pointer: coarse, hover: none), zoals de lezer met een
        # telefoon de site ziet
        extra = {"is_mobile": True, "has_touch": True} if telefoon else {}
        self.context = browser.new_context(viewport={"width": breedte, "height": hoogte}, **extra)
        self.extern: list[str] = []
        self.fouten: list[str] = []
        self.context.route("**/*", self._verzoek)
        self.pagina = self.context.new_page()
        self.pagina.on("console", lambda m: self.fouten.append(m.text)
                       if m.type == "error" else None)
        self.pagina.on("pageerror", lambda e: self.fouten.append(str(e)))
        self.pagina.goto(urljoin(basis, pad), wait_until=wacht)
        self.basis = basis

    def _verzoek(self, route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith("data:"):
            route.continue_()
        else:
            self.extern.append(url)
            route.abort()

    def wacht_op_grafieken(self) -> None:
        """Tot elke grafiek (ook die van de verkenner) interactief getekend is."""
        self.pagina.wait_for_function(
            "[...document.querySelectorAll('figure.grafiek')].every("
            "f => f.querySelector('.grafiek__interactief svg') !== null)", timeout=15000)

    def schermafdruk(self, doel: Path, max_hoogte: int = 30000) -> None:
        """De hele pagina als PNG; van een zeer lange pagina (de herkomst van alle cijfers) het
        begin, tot ``max_hoogte`` px."""
        doel.parent.mkdir(exist_ok=True)
        hoogte = self.pagina.evaluate("document.documentElement.scrollHeight")
        breedte = self.pagina.viewport_size["width"]
        if hoogte > max_hoogte:
            self.pagina.screenshot(path=str(doel), full_page=True,
                                   clip={"x": 0, "y": 0, "width": breedte, "height": max_hoogte})
        else:
            self.pagina.screenshot(path=str(doel), full_page=True)

    def zonder_animaties(self) -> None:
        """Geen overgangen, animaties of knipperende cursor: dan is een schermafdruk direct na
        een toetsaanslag de eindtoestand."""
        self.pagina.add_style_tag(content=(
            "*, *::before, *::after { transition: none !important; "
            "animation: none !important; caret-color: transparent !important; }"))

    def sluit(self) -> None:
        self.context.close()
