"""Toegankelijkheid voorbij axe: zichtbare focus, Nederlandse en betekenisvolle namen, en een
tweede controle (pa11y met HTML_CodeSniffer) naast axe (test_browser.py).

- Focus: op elke pagina gaat de test met Tab door alle Tab-stops. Elk element dat de focus
  krijgt, moet zichtbaar zijn (niet 0 px, in beeld, niet bedekt) en een omlijning hebben; van
  elk soort element (tag, klassen, plaats op de pagina) worden de eerste exemplaren per pagina
  ook met en zonder focus gefotografeerd: de twee beelden moeten verschillen.
- Namen: landmarks, titels en navigatie in het Nederlands; een cijferlink zegt welk cijfer het
  is en dat hij de herkomst toont, zonder zichzelf te herhalen; het tekstalternatief van een
  grafiek wordt één keer voorgelezen en begint met de bevinding, uit de gegevens.
- pa11y: 0 fouten, op de bekende valse meldingen na; elk met de reden hieronder en met een
  controle dat de reden op die pagina ook echt geldt.
"""

# De fixtures komen uit browserhulp.py; pytest vindt ze via de import, ruff ziet de parameters
# met dezelfde naam als een herdefinitie.
# ruff: noqa: F811

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from browserhulp import (  # noqa: F401  (fixtures)
    ARTEFACTEN,
    BERGWAARD,
    Bezoek,
    artefactnaam,
    bergwaard_server,
    bergwaard_site,
    browser,
    paginas_van,
    server,
)
from bs4 import BeautifulSoup

from conftest import DATA, PROJECT

# -- Nederlandse namen (uit de gebouwde HTML, zonder browser) --------------------------------

ENGELS = re.compile(r"\b(Header|Footer|Home|Navigation|Search|Skip to content|Back to top|"
                    r"Table of contents|Previous|Next|Close|Share|Copy|Clear)\b")


def _soep(map_: Path, pad: str) -> BeautifulSoup:
    return BeautifulSoup((map_ / pad / "index.html").read_text(encoding="utf-8"), "html.parser")


def _kaal(tekst: str) -> str:
    return " ".join(tekst.replace("\u00a0", " ").replace("\u2212", "-").split())


@pytest.fixture(scope="module")
def dossiers(site: Path, bergwaard_site: Path) -> dict[str, Path]:
    return {"voorbeeld": site, "bergwaard": bergwaard_site}


def test_landmarks_titels_en_navigatie_zijn_nederlands(dossiers: dict[str, Path]):
    problemen = []
    for naam, map_ in dossiers.items():
        for pad in paginas_van(map_):
            soep = _soep(map_, pad)
            for e in soep.select("[aria-label], [title], [placeholder]"):
                for attribuut in ("aria-label", "title", "placeholder"):
                    waarde = e.get(attribuut) or ""
                    if ENGELS.search(waarde):
                        problemen.append(f"{naam} {pad}: {attribuut}={waarde!r}")
            if ENGELS.search(soep.title.get_text()):
                problemen.append(f"{naam} {pad}: titel {soep.title.get_text()!r}")
            for nav in soep.select("nav"):
                if not (nav.get("aria-label") or nav.get("aria-labelledby")):
                    problemen.append(f"{naam} {pad}: nav zonder naam")
            eerste = soep.select_one(".md-nav--primary .md-nav__item .md-nav__link")
            assert "Startpagina" in eerste.get_text(), eerste
    kop = _soep(dossiers["voorbeeld"], "").select_one("header nav")
    assert kop["aria-label"] == "Kopregel"
    assert not problemen, "\n".join(problemen)


def test_een_cijferlink_zegt_wat_het_cijfer_is_zonder_zich_te_herhalen(
        dossiers: dict[str, Path]):
    from vangnet.dossier.context import laad_context

    gezien = 0
    problemen = []
    for naam, map_ in dossiers.items():
        cijfers = laad_context(DATA if naam == "voorbeeld" else BERGWAARD).cijfers
        for pad in paginas_van(map_):
            for a in _soep(map_, pad).select("a.cijfer"):
                gezien += 1
                zichtbaar = _kaal(a.get_text())
                label = cijfers[a["data-cijfer"]].label
                naam_ = _kaal(a.get("aria-label", ""))
                titel = _kaal(a.get("title", ""))
                # WCAG 2.5.3: de naam begint met wat er staat; dan wat het is en wat de link doet
                if not naam_.startswith(zichtbaar):
                    problemen.append(f"{pad}: naam {naam_!r} begint niet met {zichtbaar!r}")
                if label[1:].lower() not in naam_.lower() or not naam_.endswith("herkomst tonen"):
                    problemen.append(f"{pad}: naam {naam_!r} zegt niet wat {label!r} is")
                # de tooltip herhaalt de naam niet en zegt niets twee keer ("x = x")
                if titel and (label in titel or titel == zichtbaar):
                    problemen.append(f"{pad}: tooltip {titel!r} herhaalt de naam")
                delen = [d.strip() for d in re.split(r" [=≈] ", titel) if d.strip()]
                if len(delen) != len(set(delen)):
                    problemen.append(f"{pad}: tooltip {titel!r} herhaalt zichzelf")
    assert gezien > 1000
    assert not problemen, "\n".join(problemen[:20])


def test_tooltip_bij_een_formule_zonder_dubbele_waarde():
    """Het geval uit het issue: een formule die alleen een min-teken toevoegt."""
    from vangnet.cijfers import bereken_cijfers
    from vangnet.data.dataset import laad_dataset
    from vangnet.site.html import titel_van

    cijfers = bereken_cijfers(laad_dataset(DATA))
    titel = titel_van(cijfers["buig.resultaatpercentage.2021"], cijfers)
    assert _kaal(titel) == _kaal(cijfers["buig.resultaatpercentage.2021"].tekst(exact=True))
    # een afgerond cijfer: de exacte waarde en de formule, niet het label
    titel = titel_van(cijfers["buig.tekort.2025"], cijfers,
                      cijfers["buig.tekort.2025"].tekst())
    assert "=" in titel and "Tekort" not in titel
    assert _kaal(titel).startswith(_kaal(cijfers["buig.tekort.2025"].tekst(exact=True)))


_SOORT = ("Staafdiagram", "Liggend", "Lijndiagram", "Gestapeld")


def test_tekstalternatief_van_een_grafiek_eenmaal_en_eerst_de_bevinding(
        dossiers: dict[str, Path]):
    grafieken = 0
    for naam, map_ in dossiers.items():
        for pad in paginas_van(map_):
            for figuur in _soep(map_, pad).select("figure.grafiek"):
                grafieken += 1
                beeld = figuur.select_one(".grafiek__beeld[role=img]")
                alt = beeld["aria-label"]
                # één keer voorgelezen: het bijschrift toont hetzelfde, maar verborgen voor AT
                zichtbaar = figuur.select_one(".grafiek__alt")
                if zichtbaar is not None:
                    assert _kaal(zichtbaar.get_text()) == _kaal(alt)
                    assert zichtbaar["aria-hidden"] == "true"
                assert figuur.select_one(f"#{figuur['aria-labelledby']}").get_text(strip=True)
                # eerst de bevinding, dan het soort grafiek
                eerste_zin = alt.split(". ")[0]
                assert not alt.startswith(_SOORT), (naam, pad, alt)
                assert any(s.lower() in alt.lower() for s in _SOORT), alt
                # de bevinding is concreet: met een getal (uit de gegevens, zie de test hierna)
                assert re.search(r"\d", eerste_zin), eerste_zin
    assert grafieken >= 13


def test_de_bevinding_volgt_de_gegevens(datakopie: Path):
    """Andere tekorten, andere bevinding: niets in de tekstalternatieven ligt vast."""
    from vangnet.dossier.context import laad_context
    from vangnet.grafieken.definities import budget_kosten, tekortpercentage

    from hulp import zet_tekorten

    voor = laad_context(DATA)
    zet_tekorten(datakopie, {2021: -1.0, 2022: 2.0, 2023: 3.0, 2024: 4.0, 2025: 12.0})
    na = laad_context(datakopie)
    alt_voor = tekortpercentage(voor.dataset, voor.cijfers).alt
    alt_na = tekortpercentage(na.dataset, na.cijfers).alt
    assert "onder de drempel van het reguliere vangnet" in alt_voor
    assert "boven de drempel van het reguliere vangnet" in alt_na
    assert alt_na.startswith("In 2025 was het tekort 12,0% van het budget")
    assert budget_kosten(voor.dataset, voor.cijfers).alt.startswith("In alle 5 jaren")
    assert budget_kosten(na.dataset, na.cijfers).alt.startswith("In 4 van de 5 jaren")


def test_tabellen_hebben_een_bijschrift_en_een_benoemde_schuifregio(dossiers: dict[str, Path]):
    for naam, map_ in dossiers.items():
        for pad in paginas_van(map_):
            for tabel in _soep(map_, pad).select("article table"):
                assert tabel.caption and tabel.caption.get_text(strip=True), (naam, pad)
                regio = tabel.find_parent(class_="tabel__scroll")
                assert regio is not None, (naam, pad, tabel.caption.get_text())
                assert regio["role"] == "region" and regio["tabindex"] == "0"
                assert regio["aria-labelledby"] == tabel.caption["id"]


# -- in de browser ---------------------------------------------------------------------------

# Per Tab-stop: wat het is, waar het staat, of het zichtbaar en niet bedekt is, en of het een
# omlijning heeft. 'soort' groepeert elementen met dezelfde focusstijl.
_FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  const plek = e.closest('.md-header, .md-banner, .md-sidebar--primary, .md-sidebar--secondary,'
    + ' .md-footer, .herkomst-venster, .tabel__scroll, .verkenner, .md-content, .md-search');
  const soort = [e.tagName, [...e.classList].filter(k => k !== 'focus-visible').sort().join('.'),
                 e.getAttribute('role') || '', e.type || '',
                 plek ? [...plek.classList][0] : ''].join('|');
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const boven = document.elementFromPoint(x, y);
  const label = e.htmlFor ? document.querySelector(`label[for="${e.htmlFor}"]`) : null;
  return {soort, tekst: (e.getAttribute('aria-label') || e.textContent || e.name || '')
            .trim().replace(/\\s+/g, ' ').slice(0, 60),
          x: r.left, y: r.top, w: r.width, h: r.height,
          inBeeld: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
          onbedekt: !!boven && (boven === e || e.contains(boven) || boven.contains(e)
                                || (label && label.contains(boven))),
          omlijning: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};
}"""


def _beeld(p, vak: dict) -> bytes:
    return p.screenshot(clip=vak, animations="disabled", caret="hide")


def _loop_door_de_tabstops(p, naam: str, max_stops: int = 2500, per_soort: int = 2):
    """Tab door de pagina; geeft (aantal stops, aantal vergeleken, problemen)."""
    problemen: list[str] = []
    vergeleken: dict[str, int] = {}
    eerste = None
    stops = 0
    breedte, hoogte = p.viewport_size["width"], p.viewport_size["height"]
    for _ in range(max_stops):
        p.keyboard.press("Tab")
        f = p.evaluate(_FOCUS)
        if f is None:
            continue
        if not (f["inBeeld"] and f["onbedekt"] and f["w"] >= 1 and f["h"] >= 1):
            # Material opent sommige dingen (het zoekvak op een telefoon) pas na de focus
            p.wait_for_timeout(300)
            f = p.evaluate(_FOCUS)
        sleutel = (f["soort"], round(f["x"]), round(f["y"]), f["tekst"])
        if eerste is None:
            eerste = sleutel
        elif sleutel == eerste:
            break  # rond: terug bij het eerste element
        stops += 1
        wat = f"{naam}: {f['soort']} {f['tekst']!r}"
        if f["w"] < 1 or f["h"] < 1:
            problemen.append(f"{wat}: {f['w']:.0f}×{f['h']:.0f} px (onzichtbare Tab-stop)")
            continue
        if not f["inBeeld"]:
            problemen.append(f"{wat}: buiten beeld ({f['x']:.0f}, {f['y']:.0f})")
            continue
        if not f["onbedekt"]:
            problemen.append(f"{wat}: bedekt door een ander element")
        if not f["omlijning"]:
            problemen.append(f"{wat}: geen omlijning bij focus")
        if vergeleken.get(f["soort"], 0) >= per_soort:
            continue
        vergeleken[f["soort"]] = vergeleken.get(f["soort"], 0) + 1
        marge = 8
        x0, y0 = max(0, f["x"] - marge), max(0, f["y"] - marge)
        vak = {"x": x0, "y": y0,
               "width": max(1, min(breedte, f["x"] + f["w"] + marge) - x0),
               "height": max(1, min(hoogte, f["y"] + f["h"] + marge) - y0)}
        met = _beeld(p, vak)
        # zonder focus: de focus weg en daarna terug, zodat Tab verder gaat waar hij was
        p.evaluate("window.__terug = document.activeElement; document.activeElement.blur()")
        zonder = _beeld(p, vak)
        p.evaluate("window.__terug.focus({preventScroll: true})")
        if met == zonder:
            problemen.append(f"{wat}: met en zonder focus gelijk")
    return stops, sum(vergeleken.values()), problemen


@pytest.mark.browser
@pytest.mark.parametrize("breedte", [1280, 390])
def test_focus_is_zichtbaar_op_elk_element_van_elke_pagina(browser, server: str, site: Path,
                                                          breedte: int):
    paginas = paginas_van(site)
    if breedte == 390:
        # op een telefoon: de pagina's met eigen bediening (kerncijfers, grafieken, verkenner)
        paginas = ["", "dossier/tekort/", "verkenner/"]
    totaal_stops = totaal_vergeleken = 0
    problemen: list[str] = []
    for pad in paginas:
        bezoek = Bezoek(browser, server, pad, breedte=breedte, wacht="load")
        bezoek.wacht_op_grafieken()
        bezoek.zonder_animaties()
        stops, vergeleken, fouten = _loop_door_de_tabstops(bezoek.pagina, pad or "/")
        totaal_stops += stops
        totaal_vergeleken += vergeleken
        problemen += fouten
        assert stops >= 5, (pad, stops)
        bezoek.sluit()
    print(f"\nfocus {breedte} px: {totaal_stops} Tab-stops op {len(paginas)} pagina's, "
          f"{totaal_vergeleken} met en zonder focus vergeleken")
    assert not problemen, "\n".join(problemen[:30])


@pytest.mark.browser
def test_navigatie_op_een_telefoon_met_het_toetsenbord(browser, server: str):
    """Menuknop met Enter, Tab door de links van het paneel, deelpaneel Dossier met Enter, Esc
    terug naar de menuknop; alles zichtbaar, met omlijning en met een Nederlandse naam."""
    ARTEFACTEN.mkdir(exist_ok=True)
    bezoek = Bezoek(browser, server, "dossier/tekort/", breedte=390, wacht="load")
    bezoek.zonder_animaties()
    p = bezoek.pagina
    knop = p.locator(".md-header label[for='__drawer']")
    assert knop.get_attribute("aria-label") == "Navigatie openen"
    assert knop.get_attribute("aria-expanded") == "false"
    # dicht paneel: geen link erin krijgt de focus
    for _ in range(6):
        p.keyboard.press("Tab")
        assert not p.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    knop.focus()
    p.keyboard.press("Enter")
    assert knop.get_attribute("aria-expanded") == "true"
    assert knop.get_attribute("aria-label") == "Navigatie sluiten"
    p.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    # op een pagina in Dossier opent het paneel bij Dossier
    assert "Inleiding" in p.evaluate("document.activeElement.textContent")
    p.screenshot(path=str(ARTEFACTEN / "navigatie-open-390.png"))
    f = p.evaluate(_FOCUS)
    assert f["inBeeld"] and f["onbedekt"] and f["omlijning"], f
    p.keyboard.press("Escape")
    assert knop.get_attribute("aria-expanded") == "false"
    assert p.evaluate("document.activeElement.getAttribute('for')") == "__drawer"
    assert not bezoek.fouten
    bezoek.sluit()


@pytest.mark.browser
def test_geen_lege_formulieren_of_materials_scrollkaders(browser, server: str, site: Path):
    for pad in paginas_van(site):
        bezoek = Bezoek(browser, server, pad, wacht="load")
        bezoek.wacht_op_grafieken()
        p = bezoek.pagina
        leeg = p.evaluate("[...document.querySelectorAll('form')]"
                          ".filter(f => !f.elements.length).length")
        assert leeg == 0, pad
        assert p.locator("article .md-typeset__scrollwrap").count() == 0, pad
        bezoek.sluit()


# -- tweede controle: pa11y met HTML_CodeSniffer ----------------------------------------------

PA11Y = PROJECT / "tests" / "pa11y"

# Bekende valse meldingen: (code, kiezer) met de reden. Een melding die hier niet staat, is een
# fout; een reden wordt ook gecontroleerd (zie _geldt_de_reden).
VALSE_MELDINGEN = {
    ("WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2", "form.md-search__form"):
        "Het zoekformulier van Material heeft geen verzendknop: de resultaten verschijnen "
        "tijdens het typen en Enter opent het eerste resultaat. Er wordt niets verzonden en de "
        "context verandert niet bij invoer, dus WCAG 3.2.2 is niet geschonden.",
    ("WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2", "#verkenner"):
        "De scenarioverkenner rekent bij elke wijziging; er valt niets te verzenden (Enter "
        "doet niets, er is alleen 'Beginstand herstellen'). Geen contextwijziging bij invoer.",
    ("WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputCheckbox.Name", "#__toc"):
        "Material zet op een pagina zonder tussenkoppen een verborgen schakelaar voor de "
        "inhoudsopgave (display: none, zonder label); die zit niet in de toegankelijkheidsboom "
        "en is niet te bedienen. HTML_CodeSniffer kijkt niet naar display.",
    ("WCAG2AA.Principle1.Guideline1_3.1_3_1.F68", "#__toc"):
        "Dezelfde verborgen schakelaar als hierboven (display: none).",
}


def _kiezer(melding: dict) -> str | None:
    """De sleutel in VALSE_MELDINGEN voor een melding, of None."""
    for code, kiezer in VALSE_MELDINGEN:
        if melding["code"] != code:
            continue
        if kiezer.startswith("#") and melding["selector"] == kiezer:
            return kiezer
        if kiezer.startswith("form.") and 'class="md-search__form"' in melding["context"]:
            return kiezer
        if kiezer == "#verkenner" and 'id="verkenner"' in melding["context"]:
            return kiezer
    return None


def _geldt_de_reden(p, kiezer: str) -> bool:
    """Controleer dat de reden van een valse melding op deze pagina echt geldt."""
    if kiezer == "#__toc":
        return p.evaluate("""() => { const e = document.getElementById('__toc');
            return !!e && getComputedStyle(e).display === 'none'; }""")
    if kiezer == "form.md-search__form":
        return p.evaluate("""() => { const f = document.querySelector('form.md-search__form');
            return !!f && !f.action.includes('?') && f.querySelectorAll('input').length === 1;
        }""")
    if kiezer == "#verkenner":
        return p.evaluate("""() => { const f = document.getElementById('verkenner');
            const ev = new Event('submit', {cancelable: true});
            f.dispatchEvent(ev); return ev.defaultPrevented; }""")
    return False


def _pa11y_klaar() -> str | None:
    """None als pa11y kan draaien, anders de reden (Nederlands)."""
    if shutil.which("node") is None:
        return "Node.js ontbreekt; pa11y (de tweede controle) draait alleen met Node"
    if not (PA11Y / "node_modules" / "pa11y").exists():
        return ("pa11y is niet geïnstalleerd; installeer met: cd tests/pa11y && "
                "PUPPETEER_SKIP_DOWNLOAD=1 npm ci")
    if not Path("/usr/bin/chromium").exists():
        return "Chromium ontbreekt (/usr/bin/chromium)"
    return None


def _pa11y(basis: str, breedte: int, paden: list[str]) -> dict[str, list[dict]]:
    omgeving = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1",
                "PUPPETEER_EXECUTABLE_PATH": "/usr/bin/chromium"}
    uit = subprocess.run(["node", str(PA11Y / "controleer.mjs"), basis, str(breedte), *paden],
                         capture_output=True, text=True, timeout=600, env=omgeving, cwd=PA11Y)
    assert uit.returncode == 0, uit.stderr[-2000:]
    return json.loads(uit.stdout)


@pytest.mark.browser
@pytest.mark.parametrize("dossier", ["voorbeeld", "bergwaard"])
def test_pa11y_vindt_geen_fouten_behalve_bekende_valse_meldingen(browser, request,
                                                                 dossier: str):
    reden = _pa11y_klaar()
    if reden:
        if os.environ.get("VANGNET_PA11Y_VERPLICHT"):
            pytest.fail(f"pa11y is verplicht, maar: {reden}")
        print(f"\n*** PA11Y OVERGESLAGEN: {reden} ***\n")
        pytest.skip(f"PA11Y OVERGESLAGEN: {reden}")
    if dossier == "voorbeeld":
        basis, map_ = request.getfixturevalue("server"), request.getfixturevalue("site")
    else:
        basis = request.getfixturevalue("bergwaard_server")
        map_ = request.getfixturevalue("bergwaard_site")
    paden = paginas_van(map_)
    if dossier == "bergwaard":
        # dezelfde sjablonen; de pagina's waar een dossier zonder gegevens anders uitziet
        paden = ["", "aanvraag/", "dossier/tekort/", "dossier/oorzaken/", "rekenverantwoording/"]
    uitkomst = _pa11y(basis, 1280, paden)
    # op een telefoon: de pagina's met grafieken, tabellen en de verkenner
    smal = [p for p in paden if p in ("", "dossier/tekort/", "dossier/oorzaken/", "verkenner/")]
    uitkomst_smal = _pa11y(basis, 390, smal)
    assert set(uitkomst) == set(paden)
    fouten, vals = [], {}
    for breedte, resultaten in ((1280, uitkomst), (390, uitkomst_smal)):
        for pad, meldingen in resultaten.items():
            for m in meldingen:
                kiezer = _kiezer(m)
                if kiezer is None:
                    fouten.append(f"{breedte} {pad or '/'}: {m['code']} {m['selector']}: "
                                  f"{m['message'][:160]}")
                else:
                    vals.setdefault(kiezer, set()).add(pad)
    # elke valse melding: geldt de reden op de pagina's waar hij voorkomt?
    for kiezer, paginas in vals.items():
        for pad in sorted(paginas):
            bezoek = Bezoek(browser, basis, pad, wacht="load")
            assert _geldt_de_reden(bezoek.pagina, kiezer), (kiezer, pad, _reden(kiezer))
            bezoek.sluit()
    ARTEFACTEN.mkdir(exist_ok=True)
    (ARTEFACTEN / f"pa11y-{dossier}.json").write_text(
        json.dumps({"1280": uitkomst, "390": uitkomst_smal}, ensure_ascii=False, indent=1),
        encoding="utf-8")
    print(f"\npa11y {dossier}: {sum(map(len, uitkomst.values()))} meldingen op 1280 px, "
          f"{sum(map(len, uitkomst_smal.values()))} op 390 px, waarvan "
          f"{len(fouten)} fouten; valse meldingen: {sorted(vals)}")
    assert not fouten, "\n".join(fouten)


def _reden(kiezer: str) -> str:
    return next(r for (_, k), r in VALSE_MELDINGEN.items() if k == kiezer)


def test_de_pa11y_uitzonderingen_herkennen_alleen_hun_eigen_melding():
    """Een echte fout met dezelfde code op een ander element valt niet onder een uitzondering."""
    code = "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2"
    assert _kiezer({"code": code, "selector": "#ander", "context": "<form id=\"ander\">"}) is None
    assert _kiezer({"code": code, "selector": "#verkenner",
                    "context": '<form class="verkenner" id="verkenner">'}) == "#verkenner"
    assert _kiezer({"code": "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37", "selector": "#__toc",
                    "context": ""}) is None
    assert artefactnaam("") == "startpagina"
