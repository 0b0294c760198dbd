"""De statische site van ``vangnet landelijk --site MAP``: alle gemeenten in één overzicht.

De site gebruikt hetzelfde thema als het dossier (Material for MkDocs met de instellingen uit
``mkdocs.yml``, de aanpassingen in ``overrides/`` en ``docs/stylesheets/vangnet.css``). Deze
module schrijft de pagina's als Markdown met HTML in een tijdelijke map, met een kleine eigen
MkDocs-configuratie, en bouwt die strikt:

- de startpagina: per budgetjaar het aantal gemeenten per regime, in aanmerking en de totale
  vangnetuitkering;
- per budgetjaar een pagina met één grafiek (het tekortpercentage van elke gemeente, met de
  drempels; statische SVG van vl-convert, met de tabel als tekstalternatief) en een tabel die
  te sorteren en te filteren is (``vangnet/assets/landelijk.js``, met het toetsenbord te
  bedienen; zonder JavaScript staat de volledige tabel er);
- per gemeente een pagina met de uitleg van elk jaar: dezelfde cijfers, formules met de
  ingevulde waarden en parameters met hun bron als in de herkomst van het dossier
  (:mod:`vangnet.landelijk.uitleg`).

Er gaat geen verzoek naar derden: lettertypen van het systeem, geen CDN, alles lokaal. Zoals
``vangnet bouw`` komt de site pas op zijn plaats als de bouw helemaal gelukt is.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from fractions import Fraction
from pathlib import Path

from markupsafe import escape

from vangnet import opmaak
from vangnet.cijfers.kern import Cijfer, Cijferset, rekent_na, vul_formule
from vangnet.cijfers.uitleg import formule_in_woorden, geldig_vanaf
from vangnet.data.bronnen import toon_bron
from vangnet.grafieken.definities import BLAUW, GRIJS, LETTERTYPE, ORANJE
from vangnet.grafieken.render import STATISCHE_BREEDTE, svg
from vangnet.landelijk.berekening import Uitkomst
from vangnet.landelijk.tabel import LandelijkeTabel
from vangnet.landelijk.uitleg import kerncijfers, uitleg_cijfers
from vangnet.landelijk.uitvoer import Samenvatting
from vangnet.meldingen import Gegevensfout, Melding
from vangnet.paden import DOCS, MKDOCS_YML, PACKAGE, PROJECT, cachemap
from vangnet.regels.parameters import Parameters, Referentie, laad_parameters
from vangnet.regels.vangnet import REGIMES
from vangnet.site.bouw import _omgeving, vervang_map
from vangnet.site.html import veilig
from vangnet.site.verantwoording import STATUSTEKST

REGIMENAAM = {"regulier": "regulier vangnet", "uitgebreid": "uitgebreid vangnet"}
"""Zoals in de labels van het dossier; in een zin met 'het': :data:`HET_REGIME`."""
HET_REGIME = {"regulier": "het reguliere vangnet", "uitgebreid": "het uitgebreide vangnet"}
ASSETS = PACKAGE / "assets"
MERKTEKEN = ".vangnet-landelijk"
"""Bestand in een gebouwde site: alleen zo'n map (of een lege) mag een nieuwe bouw vervangen."""
LICHTGRIJS = "#b8b8b8"
UITKOMSTEN = {
    "uitgebreid": ("in aanmerking, uitgebreid vangnet", BLAUW),
    "regulier": ("in aanmerking, regulier vangnet", ORANJE),
    "nee": ("niet in aanmerking", GRIJS),
    "niet": ("niet getoetst", LICHTGRIJS),
}
"""Categorieën van de grafiek: label en kleur."""

FINANCIEEL_HTML = (
    "<p><strong>Alleen de financiële voorwaarden.</strong> ‘In aanmerking’ betekent hier: de "
    "gemeente voldoet aan de financiële voorwaarden van het regime (het tekort in het jaar en "
    "de meerjarige voorwaarde). Een aanvraag vraagt meer, onder andere een analyse van de "
    "oorzaken, getroffen maatregelen en de instemming van de gemeenteraad. Die staan niet in "
    "deze tabel.</p>"
)

_404 = """{#- Nederlandse foutpagina voor het landelijke overzicht. -#}
{% extends "main.html" %}
{% block content %}
  <h1>Pagina niet gevonden</h1>
  <p>Deze pagina bestaat niet in dit overzicht. Ga naar de
    <a href="{{ base_url }}/">startpagina</a>.</p>
{% endblock %}
"""


# -- hulpfuncties ---------------------------------------------------------------------------

def slug(naam: str) -> str:
    """Een bestandsnaam voor een gemeente: ``'s-Hertogenbosch`` wordt ``s-hertogenbosch``,
    ``Súdwest-Fryslân`` ``sudwest-fryslan``."""
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "gemeente"


def slugs(gemeenten: Iterable[str]) -> dict[str, str]:
    """Per gemeente een unieke slug (bij een botsing met een volgnummer)."""
    uit: dict[str, str] = {}
    gebruikt = {"index"}  # gemeenten/index.md zou de map zelf zijn
    for g in gemeenten:
        basis = s = slug(g)
        n = 2
        while s in gebruikt:
            s, n = f"{basis}-{n}", n + 1
        gebruikt.add(s)
        uit[g] = s
    return uit


def _getal_attr(waarde: Fraction | None) -> str:
    """Sorteerwaarde voor JavaScript (alleen voor de volgorde; de tekst blijft exact)."""
    return "" if waarde is None else repr(float(waarde))


def _tabel(id_: str, titel: str, koppen: Sequence[tuple[str, str]], rijen: Iterable[str],
           *, sorteerbaar: bool = False) -> str:
    """Een tabel in de stijl van het dossier. ``koppen`` zijn (tekst, soort) met soort
    ``tekst``, ``getal`` of ``vrij``; met ``sorteerbaar`` krijgen de kolommen ``tekst`` en
    ``getal`` een sorteerknop (``landelijk.js``)."""
    def kop(tekst: str, soort: str) -> str:
        klasse = " class=getal" if soort == "getal" else ""
        sorteer = f" data-sorteer={soort}" if sorteerbaar and soort != "vrij" else ""
        return f'<th scope="col"{klasse}{sorteer}>{escape(tekst)}</th>'

    return (f'<div class="tabel" id="{id_}-blok"><div class="tabel__scroll" role="region" '
            f'aria-labelledby="{id_}" tabindex="0"><table class="landelijk">'
            f'<caption id="{id_}">{escape(titel)}</caption><thead><tr>'
            + "".join(kop(t, s) for t, s in koppen)
            + f"</tr></thead><tbody>{''.join(rijen)}</tbody></table></div></div>")


def _pct(fractie: Fraction | None, decimalen: int = 2) -> str:
    return "–" if fractie is None else opmaak.percentage(fractie, decimalen)


def _euro(waarde: Fraction | None) -> str:
    return "–" if waarde is None else opmaak.bedrag(waarde)


def _voorwaarden_kort(u: Uitkomst) -> str:
    """De voorwaarden van het gekozen regime in een paar woorden."""
    if u.besluit is None:
        return "–"
    delen = []
    for v in u.besluit.gekozen.voorwaarden:
        if v.code == "jaar":
            delen.append(f"{u.jaar} boven de drempel: {opmaak.ja_nee(v.voldaan)}")
        elif v.code == "meerjarig":
            delen.append(f"{v.jaren[0]}–{v.jaren[-1]} samen: {opmaak.ja_nee(v.voldaan)}")
        elif v.code == "voorgaande_jaren":
            delen.append(f"jaren ervoor: {int(v.waarde)} (minstens {int(v.grens)}): "
                         f"{opmaak.ja_nee(v.voldaan)}")
        else:
            delen.append(f"{v.omschrijving}: {opmaak.ja_nee(v.voldaan)}")
    return "; ".join(delen)


def _ref(ref: Referentie) -> str:
    titel = toon_bron(ref.titel, ())  # geen eigen dossier: een bron van het voorbeelddossier
    if ref.href:                       # heet zo (vangnet.data.bronnen)
        return f'<a href="{escape(ref.href)}">{escape(titel)}</a>'
    return str(escape(titel))


# -- de uitleg per gemeente ---------------------------------------------------------------

class _Teksten(dict):
    """De getoonde waarde (``Cijfer.tekst(exact=True)``) per id, één keer opgemaakt."""

    def __init__(self, cijfers: dict[str, Cijfer]):
        super().__init__()
        self._cijfers = cijfers

    def __missing__(self, id_: str) -> str:
        self[id_] = tekst = self._cijfers[id_].tekst(exact=True)
        return tekst


def _herkomst(f: Cijfer, cijfers: Cijferset, alle: dict[str, Cijfer], teksten: _Teksten,
              voorvoegsel: str) -> str:
    """Eén cijfer zoals op de pagina 'Herkomst van alle cijfers' van het dossier: waarde,
    formule in woorden en met de ingevulde waarden, gegevenscel of parameter met bron, regel.
    De ingevulde waarden zijn hier tekst (geen links met een eigen uitleg): een gemeente heeft
    honderden cijfers, en de formule staat er al bij."""
    delen = [f'<dt id="{escape(voorvoegsel + f.id)}">{escape(f.label)}</dt>',
             f"<dd><p><strong>{escape(teksten[f.id])}</strong></p>"]
    if f.formule and "{" not in f.formule:
        delen.append(f"<p>= {escape(f.formule)}</p>")
    elif f.formule:
        teken = "=" if rekent_na(f, alle) else "≈"
        ingevuld = vul_formule(f, alle, lambda c: teksten[c.id])
        delen.append(f"<p>= {escape(formule_in_woorden(f, cijfers))}<br>"
                     f"{teken} {escape(ingevuld)}</p>")
    for bron in f.gegevens:
        delen.append(f"<p>Gegevens: <code>{escape(bron.bestand)}</code>, rij "
                     f"{', '.join(map(str, bron.rijen))}, kolom <code>{escape(bron.kolom)}</code>"
                     "</p>")
    if f.parameter is not None:
        p = f.parameter
        delen.append(f"<p>Parameter <code>{escape(p.naam)}</code>, {escape(geldig_vanaf(p))}, "
                     f"status {escape(STATUSTEKST[p.status])}: "
                     + "; ".join(_ref(r) for r in p.referenties) + "</p>")
    if f.regel:
        delen.append(f"<p>Regel: {escape(f.regel)}</p>")
    delen.append("</dd>")
    return "".join(delen)


def _uitkomstzin(u: Uitkomst, teksten: dict[str, str]) -> str:
    if u.besluit is None:
        return f"<p><strong>Niet getoetst.</strong> {escape(u.reden or '')}</p>"
    b, j = u.besluit, u.jaar

    def link(id_: str) -> str:
        return f'<a href="#j{j}-{escape(id_)}">{escape(teksten[id_])}</a>'

    drempel = opmaak.percentage(b.gekozen.drempel or 0, 1)
    if b.in_aanmerking:
        slot = ("voldoet aan de financiële voorwaarden; vangnetuitkering "
                f"{link(f'vangnet.uitkering.{j}')}")
    else:
        slot = "voldoet niet aan de financiële voorwaarden; geen vangnetuitkering"
    return (f"<p>Tekort {link(f'buig.tekortpercentage.{j}')} van het budget. Regime: "
            f"{REGIMENAAM[b.gekozen.regime]} (drempel {drempel}); de gemeente {slot}.</p>")


def gemeentepagina(gemeente: str, uitkomsten: Sequence[Uitkomst], tabel: LandelijkeTabel,
                   rijen: dict, parameters: Parameters, terug: dict[int, str]) -> str:
    """De Markdown van de pagina van één gemeente: overzicht en uitleg per jaar."""
    regels = []
    for u in uitkomsten:
        b = u.besluit
        regels.append(
            f'<tr><th scope="row"><a href="#jaar-{u.jaar}">{u.jaar}</a></th>'
            + "".join(f'<td class="getal">{escape(t)}</td>' for t in (
                _euro(u.budget), _euro(u.kosten), _euro(u.tekort), _pct(u.tekortfractie)))
            + f"<td>{escape(REGIMENAAM[b.gekozen.regime] if b else 'niet getoetst')}</td>"
            f"<td>{escape(opmaak.ja_nee(b.in_aanmerking) if b else '–')}</td>"
            f'<td class="getal">{escape(_euro(b.vangnetuitkering if b else None))}</td></tr>')
    koppen = [("Jaar", "tekst"), ("Budget", "getal"), ("Kosten", "getal"), ("Tekort", "getal"),
              ("Tekortpercentage", "getal"), ("Regime", "tekst"), ("In aanmerking", "tekst"),
              ("Vangnetuitkering", "getal")]
    delen = [
        "---\nsearch:\n  exclude: true\n---\n",
        f"# {veilig(gemeente)}\n",
        f"<p>De vangnettoets per budgetjaar uit <code>{escape(tabel.naam)}</code>, met dezelfde "
        "regels en dezelfde uitleg als in een dossier van vangnet. Per jaar staat hieronder hoe "
        "de uitkomst tot stand komt: elk cijfer met de formule en de ingevulde waarden, de rij "
        "en kolom in de tabel, of de parameter met de wettelijke bron.</p>\n",
        FINANCIEEL_HTML + "\n",
        _tabel("overzicht", f"{gemeente}: de toets per jaar", koppen, regels) + "\n",
    ]
    for u in uitkomsten:
        cijfers = uitleg_cijfers(u, rijen, tabel.naam, parameters)
        voorvoegsel = f"j{u.jaar}-"
        ids = kerncijfers(u.jaar, cijfers)
        terugweg = (f'<p><a href="{escape(terug[u.jaar])}">Terug naar alle gemeenten in '
                    f"{u.jaar}</a></p>") if u.jaar in terug else ""
        alle = cijfers.als_dict()
        teksten = _Teksten(alle)
        delen += [
            f"## {u.jaar} {{ #jaar-{u.jaar} }}\n",
            _uitkomstzin(u, teksten) + "\n",
            '<dl class="herkomst">'
            + "".join(_herkomst(alle[i], cijfers, alle, teksten, voorvoegsel) for i in ids)
            + "</dl>\n",
            terugweg + "\n",
        ]
    return "\n".join(delen)


# -- per jaar -------------------------------------------------------------------------------

def _categorie(u: Uitkomst) -> str:
    if u.besluit is None:
        return "niet"
    return u.besluit.gekozen.regime if u.besluit.in_aanmerking else "nee"


def drempels(uitkomsten: Iterable[Uitkomst]) -> dict[str, Fraction]:
    """De eigenrisicodrempel per regime zoals de toetsen van dat jaar die gebruikten."""
    uit: dict[str, Fraction] = {}
    for u in uitkomsten:
        if u.besluit is None:
            continue
        for t in u.besluit.toetsen:
            if t.van_toepassing and t.drempel is not None:
                uit.setdefault(t.regime, t.drempel)
    return {r: uit[r] for r in REGIMES if r in uit}


def grafiekspec(jaar: int, uitkomsten: Sequence[Uitkomst]) -> dict:
    """Vega-Lite: het tekortpercentage van elke gemeente (van laag naar hoog) met de drempels."""
    punten = sorted((u for u in uitkomsten if u.tekortfractie is not None),
                    key=lambda u: (u.tekortfractie, u.gemeente))
    waarden = [{"rang": i, "gemeente": u.gemeente, "pct": float(u.tekortfractie * 100),
                "uitkomst": UITKOMSTEN[_categorie(u)][0]} for i, u in enumerate(punten, 1)]
    aanwezig = [k for k in UITKOMSTEN if any(_categorie(u) == k for u in punten)]
    lijnen = [{"pct": float(d * 100),
               "label": f"drempel {REGIMENAAM[r]} {opmaak.percentage(d, 1)}"}
              for r, d in drempels(uitkomsten).items()]
    lagen: list[dict] = [{
        "data": {"values": waarden},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "rang", "type": "ordinal", "sort": None,
                  "axis": {"labels": False, "ticks": False, "domain": False,
                           "title": f"Gemeenten, van laag naar hoog tekortpercentage "
                           f"({len(punten)})"}},
            "y": {"field": "pct", "type": "quantitative",
                  "axis": {"title": "Tekort (% van het budget)", "format": ",.0f"}},
            "color": {"field": "uitkomst", "type": "nominal",
                      "scale": {"domain": [UITKOMSTEN[k][0] for k in aanwezig],
                                "range": [UITKOMSTEN[k][1] for k in aanwezig]},
                      "legend": {"title": None, "orient": "bottom", "columns": 2}},
        },
    }]
    if lijnen:
        lagen += [
            {"data": {"values": lijnen}, "mark": {"type": "rule", "strokeDash": [5, 3],
                                                  "color": "#000000", "strokeWidth": 1.5},
             "encoding": {"y": {"field": "pct", "type": "quantitative"}}},
            {"data": {"values": lijnen},
             "mark": {"type": "text", "align": "left", "dx": 4, "dy": -7, "fontSize": 12,
                      "font": LETTERTYPE, "color": "#000000"},
             "encoding": {"y": {"field": "pct", "type": "quantitative"}, "x": {"value": 0},
                          "text": {"field": "label"}}},
        ]
    return {
        "width": STATISCHE_BREEDTE, "height": 300, "layer": lagen,
        "config": {"view": {"stroke": None},
                   "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelFont": LETTERTYPE,
                            "titleFont": LETTERTYPE, "aria": False},
                   "legend": {"labelFontSize": 12, "labelFont": LETTERTYPE, "labelLimit": 400,
                              "aria": False},
                   "mark": {"aria": False}},
    }


def _grafiek(jaar: int, uitkomsten: Sequence[Uitkomst]) -> str:
    punten = [u for u in uitkomsten if u.tekortfractie is not None]
    if not punten:
        return "<p>Voor dit jaar is van geen enkele gemeente een tekort bekend.</p>"
    laag = min(punten, key=lambda u: u.tekortfractie)
    hoog = max(punten, key=lambda u: u.tekortfractie)
    boven = "; ".join(
        f"{sum(1 for u in punten if u.tekortfractie > d)} gemeenten liggen boven de drempel van "
        f"{HET_REGIME[r]} ({opmaak.percentage(d, 1)})"
        for r, d in drempels(uitkomsten).items())
    alt = (f"Staafdiagram van het tekortpercentage van {len(punten)} gemeenten in {jaar}, van "
           f"laag naar hoog: van {opmaak.percentage(laag.tekortfractie, 1)} ({laag.gemeente}) "
           f"tot {opmaak.percentage(hoog.tekortfractie, 1)} ({hoog.gemeente}). "
           + (f"De stippellijnen zijn de drempels: {boven}. " if boven else "")
           + "De tabel hieronder bevat dezelfde gegevens.")
    beeld = svg(grafiekspec(jaar, uitkomsten), cachemap() / "svg-landelijk")
    beeld = beeld.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return (f'<figure class="grafiek" id="grafiek-{jaar}"><div class="grafiek__beeld" '
            f'role="img" aria-label="{escape(alt)}">{beeld}</div><figcaption>'
            f'<span class="grafiek__titel">Tekortpercentage per gemeente in {jaar}</span> '
            f'<span class="grafiek__alt">{escape(alt)}</span></figcaption></figure>')


def jaarpagina(jaar: int, uitkomsten: Sequence[Uitkomst], telling, paden: dict[str, str],
               tabelnaam: str) -> str:
    """De Markdown van de pagina van één budgetjaar: grafiek en de tabel met alle gemeenten."""
    rijen = []
    for u in sorted(uitkomsten, key=lambda u: u.gemeente.casefold()):
        b = u.besluit
        regime = f"{b.gekozen.regime} ({opmaak.percentage(b.gekozen.drempel or 0, 1)})" if b \
            else "niet getoetst"
        aanmerking = opmaak.ja_nee(b.in_aanmerking) if b else "–"
        toelichting = _voorwaarden_kort(u) if b else (u.reden or "")
        uitkering = b.vangnetuitkering if b else None
        getallen = "".join(
            f'<td class="getal" data-waarde="{_getal_attr(w)}">{escape(t)}</td>'
            for w, t in ((u.tekort, _euro(u.tekort)), (u.tekortfractie, _pct(u.tekortfractie))))
        rijen.append(
            f'<tr data-gemeente="{escape(u.gemeente)}" '
            f'data-regime="{b.gekozen.regime if b else "niet"}" data-aanmerking="{aanmerking}">'
            f'<th scope="row"><a href="{escape(paden[u.gemeente])}#jaar-{jaar}">'
            f"{escape(u.gemeente)}</a></th>{getallen}<td>{escape(regime)}</td>"
            f"<td>{escape(aanmerking)}</td>"
            f'<td class="getal" data-waarde="{_getal_attr(uitkering)}">'
            f'{escape(_euro(uitkering))}</td><td class="toelichting">{escape(toelichting)}</td>'
            "</tr>")
    koppen = [("Gemeente", "tekst"), ("Tekort", "getal"), ("Tekortpercentage", "getal"),
              ("Regime (drempel)", "tekst"), ("In aanmerking", "tekst"),
              ("Vangnetuitkering", "getal"), ("Voorwaarden of reden", "vrij")]
    opties_regime = "".join(
        f'<option value="{r}">{escape(REGIMENAAM[r].capitalize())}</option>'
        for r in REGIMES if telling.regime[r]) + (
        '<option value="niet">Niet getoetst</option>' if telling.niet_berekend else "")
    filter_ = (
        f'<form class="landelijk-filter" hidden aria-label="Gemeenten filteren">'
        f'<div><label for="zoek-{jaar}">Gemeente</label>'
        f'<input type="search" id="zoek-{jaar}" name="gemeente" autocomplete="off" '
        f'data-filter="gemeente"></div>'
        f'<div><label for="regime-{jaar}">Regime</label><select id="regime-{jaar}" '
        f'name="regime" data-filter="regime"><option value="">Alle regimes</option>'
        f"{opties_regime}</select></div>"
        f'<div><label for="aanmerking-{jaar}">In aanmerking</label><select '
        f'id="aanmerking-{jaar}" name="aanmerking" data-filter="aanmerking">'
        '<option value="">Alle gemeenten</option><option value="ja">Ja</option>'
        '<option value="nee">Nee</option></select></div></form>'
        f'<p class="landelijk-status" role="status" data-status>{len(uitkomsten)} gemeenten.'
        "</p>")
    totaal = telling.totale_uitkering
    samenvatting = (
        f"<p>Van de {len(uitkomsten)} gemeenten met een rij voor {jaar} in "
        f"<code>{escape(tabelnaam)}</code> is de toets voor {telling.berekend} berekend"
        + (f"; voor {telling.niet_berekend} ontbreken jaren die de toets nodig heeft (zie de "
           "laatste kolom)" if telling.niet_berekend else "")
        + f". {telling.totaal_in_aanmerking} gemeenten voldoen aan de financiële voorwaarden"
        + "".join(f", {telling.in_aanmerking[r]} onder {HET_REGIME[r]}" for r in REGIMES
                  if telling.regime[r])
        + f". Samen is de vangnetuitkering {escape(opmaak.bedrag(totaal))}.</p>")
    return "\n".join([
        f"# Vangnettoets {jaar}\n",
        samenvatting + "\n",
        FINANCIEEL_HTML + "\n",
        "## Tekortpercentage per gemeente\n",
        _grafiek(jaar, uitkomsten) + "\n",
        "## Alle gemeenten\n",
        "<p>De naam van een gemeente leidt naar de uitleg: de formules met de ingevulde "
        "waarden en de bronnen. Sorteer met de knoppen in de kop van de tabel.</p>\n",
        f'<div class="landelijk-tabel" data-landelijk>{filter_}'
        + _tabel(f"gemeenten-{jaar}", f"Vangnettoets {jaar} per gemeente", koppen, rijen,
                 sorteerbaar=True)
        + "</div>\n",
    ])


# -- de startpagina -------------------------------------------------------------------------

def startpagina(tabel: LandelijkeTabel, samenvatting: Samenvatting, gemeenten: int,
                redenen: Counter) -> str:
    jaren = sorted(samenvatting.jaren)
    rijen = []
    for jaar in jaren:
        t = samenvatting.jaren[jaar]
        rijen.append(
            f'<tr><th scope="row"><a href="jaren/{jaar}/">{jaar}</a></th>'
            f'<td class="getal">{t.gemeenten}</td><td class="getal">{t.berekend}</td>'
            + "".join(f'<td class="getal">{t.regime[r]}</td>'
                      f'<td class="getal">{t.in_aanmerking[r]}</td>' for r in REGIMES)
            + f'<td class="getal">{escape(opmaak.bedrag(t.totale_uitkering))}</td></tr>')
    koppen = [("Jaar", "tekst"), ("Gemeenten", "getal"), ("Getoetst", "getal")]
    for r in REGIMES:
        koppen += [(REGIMENAAM[r].capitalize(), "getal"),
                   (f"{r.capitalize()}, in aanmerking", "getal")]
    koppen.append(("Vangnetuitkering", "getal"))
    niet = ""
    if redenen:
        niet = ("<p>Een jaar zonder alle jaren die de toets nodig heeft, wordt niet getoetst en "
                "niet geschat. Zo vaak kwam dat voor:</p><ul>"
                + "".join(f"<li>{escape(r)} ({n}×)</li>" for r, n in redenen.most_common())
                + "</ul>")
    return "\n".join([
        "# Vangnet voor alle gemeenten\n",
        f"<p>De vangnettoets voor {gemeenten} gemeenten over de budgetjaren "
        f"{jaren[0]}–{jaren[-1]}, uit <code>{escape(tabel.naam)}</code>: per gemeente en jaar "
        "het tekort, het regime, de voorwaarden en de vangnetuitkering. vangnet rekent met "
        "dezelfde regels en parameters als in een dossier; bedragen exact, afgerond bij het "
        "tonen.</p>\n",
        FINANCIEEL_HTML + "\n",
        "## Per budgetjaar\n",
        _tabel("per-jaar", "Gemeenten per regime en vangnetuitkering per budgetjaar", koppen,
               rijen) + "\n",
        "## Niet getoetst\n" if niet else "",
        niet,
    ])


# -- bouwen ---------------------------------------------------------------------------------

def _config(werk: Path, nav: list) -> dict:
    from mkdocs.utils.yaml import yaml_load

    with MKDOCS_YML.open("rb") as f:
        dossier = yaml_load(f)
    thema = dict(dossier["theme"])
    thema["custom_dir"] = str(werk / "overrides")
    return {
        "site_name": "Vangnet voor alle gemeenten",
        "site_description": "De vangnettoets Participatiewet voor alle gemeenten uit één tabel",
        "docs_dir": str(werk / "docs"),
        "site_dir": str(werk / "site"),
        "strict": True,
        "use_directory_urls": True,
        "theme": thema,
        "plugins": {"search": {"lang": "nl"}},
        "markdown_extensions": dossier["markdown_extensions"],
        "extra": {"concept": "", "generator": False},
        "extra_css": ["stylesheets/vangnet.css", "stylesheets/landelijk.css"],
        "extra_javascript": ["javascripts/landelijk.js"],
        "not_in_nav": "/gemeenten/\n",
        "nav": nav,
    }


def bouw_landelijk(tabel: LandelijkeTabel, uitkomsten: Sequence[Uitkomst], uit: Path,
                   parameters: Parameters | None = None) -> Path:
    """Bouw de site in ``uit``; bij een fout blijft een eerdere site in ``uit`` staan."""
    import yaml
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    parameters = parameters or laad_parameters()
    uit = Path(uit).resolve()
    if uit.exists() and (not uit.is_dir() or (any(uit.iterdir())
                                              and not (uit / MERKTEKEN).exists())):
        # de site vervangt de hele map: nooit een map met iets anders erin
        raise Gegevensfout([Melding(str(uit), "deze map bestaat al en is geen site van "
                                    "'vangnet landelijk'; vangnet vervangt de hele map.",
                                    oplossing="Kies voor --site een nieuwe of lege map.")])
    uit.parent.mkdir(parents=True, exist_ok=True)
    werk = uit.with_name(f".{uit.name}.bouw-landelijk")
    shutil.rmtree(werk, ignore_errors=True)
    docs = werk / "docs"
    try:
        shutil.copytree(PROJECT / "overrides", werk / "overrides")
        (werk / "overrides" / "404.html").write_text(_404, encoding="utf-8")
        (docs / "stylesheets").mkdir(parents=True)
        (docs / "javascripts").mkdir()
        shutil.copy(DOCS / "stylesheets" / "vangnet.css", docs / "stylesheets" / "vangnet.css")
        shutil.copy(ASSETS / "landelijk.css", docs / "stylesheets" / "landelijk.css")
        shutil.copy(ASSETS / "landelijk.js", docs / "javascripts" / "landelijk.js")

        per_gemeente: dict[str, list[Uitkomst]] = {}
        per_jaar: dict[int, list[Uitkomst]] = {}
        samenvatting = Samenvatting()
        for u in uitkomsten:
            per_gemeente.setdefault(u.gemeente, []).append(u)
            per_jaar.setdefault(u.jaar, []).append(u)
            samenvatting.tel(u)
        namen = slugs(per_gemeente)
        rijen = tabel.per_gemeente()
        (docs / "gemeenten").mkdir()
        (docs / "jaren").mkdir()
        for gemeente, lijst in per_gemeente.items():
            terug = {u.jaar: f"../../jaren/{u.jaar}/" for u in lijst}
            (docs / "gemeenten" / f"{namen[gemeente]}.md").write_text(
                gemeentepagina(gemeente, lijst, tabel, rijen[gemeente], parameters, terug),
                encoding="utf-8")
        paden = {g: f"../../gemeenten/{s}/" for g, s in namen.items()}
        for jaar, lijst in sorted(per_jaar.items()):
            (docs / "jaren" / f"{jaar}.md").write_text(
                jaarpagina(jaar, lijst, samenvatting.jaren[jaar], paden, tabel.naam),
                encoding="utf-8")
        redenen = Counter(_soort_reden(u) for u in uitkomsten if not u.berekend)
        (docs / "index.md").write_text(
            startpagina(tabel, samenvatting, len(per_gemeente), redenen), encoding="utf-8")
        nav = [{"Alle gemeenten": "index.md"},
               {"Per budgetjaar": [{str(j): f"jaren/{j}.md"} for j in sorted(per_jaar)]}]
        config = werk / "mkdocs.yml"
        config.write_text(yaml.safe_dump(_config(werk, nav), allow_unicode=True),
                          encoding="utf-8")
        stempel = dt.datetime(max(per_jaar) + 1, 1, 1, tzinfo=dt.UTC)
        with _omgeving(NO_MKDOCS_2_WARNING="1",
                       SOURCE_DATE_EPOCH=str(int(stempel.timestamp()))):
            build(load_config(config_file=str(config)))
        (werk / "site" / MERKTEKEN).write_text(
            "Gebouwd door 'vangnet landelijk --site'; een nieuwe bouw vervangt deze map.\n",
            encoding="utf-8")
        vervang_map(werk / "site", uit)
    finally:
        shutil.rmtree(werk, ignore_errors=True)
    return uit


def _soort_reden(u: Uitkomst) -> str:
    """De reden zonder wat per gemeente verschilt, om ze te tellen."""
    if u.jaar in u.ontbrekend:
        return f"budget of kosten over {u.jaar} ontbreken"
    if u.ontbrekend:
        return (f"voor de toets over {u.jaar} ontbreken eerdere jaren (nodig: "
                f"{u.nodig[0]}–{u.nodig[-1]})")
    return u.reden or ""
