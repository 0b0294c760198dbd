"""Het dossier als PDF, gemaakt uit dezelfde gebouwde pagina's als de site.

De PDF is geen tweede bron: hij neemt de artikelen van de gebouwde site over (zelfde tekst,
zelfde cijfers, zelfde bouw) en voegt een omslag, een inhoudsopgave met paginanummers,
kopregels en paginanummering toe. Grafieken staan er als vector-SVG in (door vl-convert
gerenderd bij het bouwen), zonder JavaScript. Elk cijfer linkt naar zijn herkomst in de bijlage.
De datum in de metadata komt uit de gegevens (de rapportdatum), zodat dezelfde invoer dezelfde
PDF geeft.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag
from markupsafe import Markup, escape

from vangnet import __version__, opmaak
from vangnet.cijfers.analyse import sleutel
from vangnet.cijfers.kern import vul_formule
from vangnet.cijfers.uitleg import herkomst_regels
from vangnet.data.dataset import Dataset
from vangnet.dossier.concept import conceptreden
from vangnet.dossier.context import Dossiercontext, laad_context
from vangnet.paden import PACKAGE, cachemap

STIJL = PACKAGE / "assets" / "pdf.css"


@dataclass(frozen=True)
class Onderdeel:
    """Een pagina van de site die in de PDF komt."""

    pad: str  # URL-pad in de site, bijvoorbeeld "dossier/tekort/"
    bijlage: str | None = None  # letter van de bijlage, of None voor een hoofdstuk


REKENVERANTWOORDING = Onderdeel("rekenverantwoording/", "A")
HERKOMST = Onderdeel("herkomst/", "B")


def onderdelen(ctx: Dossiercontext) -> tuple[Onderdeel, ...]:
    """De hoofdstukken die dit dossier heeft (zie de indeling), dan bijlage A."""
    hoofdstukken = [Onderdeel(pad.removesuffix(".md") + "/")
                    for pad in ctx.indeling.hoofdstukpaden()]
    return (*hoofdstukken, REKENVERANTWOORDING)


def pdf_naam(dataset: Dataset) -> str:
    return f"vangnet-{sleutel(dataset.dossier.gemeente.naam)}-{dataset.aanvraagjaar}.pdf"


LANGE_TABEL = 15
"""Vanaf zoveel rijen mag een tabel over twee pagina's lopen (de kop herhaalt zich)."""


def _anker(pad: str, fragment: str = "") -> str:
    basis = pad.strip("/").replace("/", "-") or "home"
    return f"{basis}--{fragment}" if fragment else basis


def _artikel(site: Path, onderdeel: Onderdeel) -> Tag:
    html = (site / onderdeel.pad / "index.html").read_text(encoding="utf-8")
    soep = BeautifulSoup(html, "html.parser")
    artikel = soep.select_one("article.md-content__inner")
    if artikel is None:
        raise ValueError(f"geen artikel gevonden in {onderdeel.pad}")
    for weg in artikel.select("a.headerlink, script, details.grafiek__gegevens, "
                              ".md-source-file, .md-content__button"):
        weg.decompose()
    for tabel in artikel.select("div.tabel"):
        if len(tabel.select("tr")) > LANGE_TABEL:
            tabel["class"] = [*tabel.get("class", []), "lang"]
            # Een <caption> blijft in WeasyPrint soms alleen onderaan een pagina staan; als
            # alinea met break-after: avoid gaat de titel mee naar de eerste rij.
            caption = tabel.find("caption")
            if caption is not None:
                caption.name = "p"
                caption["class"] = ["tabel__titel"]
                tabel.insert(0, caption.extract())
    return artikel


def _herschrijf_links(artikel: Tag, onderdeel: Onderdeel, paden: set[str]) -> None:
    """Ids krijgen het pad als voorvoegsel; links naar andere pagina's worden interne links."""
    for element in artikel.find_all(id=True):
        element["id"] = _anker(onderdeel.pad, element["id"])
    for link in artikel.find_all("a", href=True):
        href = link["href"]
        delen = urlsplit(href)
        if delen.scheme or delen.netloc:
            continue
        if not delen.path:
            link["href"] = f"#{_anker(onderdeel.pad, unquote(delen.fragment))}"
            continue
        doel = posixpath.normpath(posixpath.join(onderdeel.pad, delen.path)).strip("/") + "/"
        if doel in paden:
            link["href"] = "#" + _anker(doel, unquote(delen.fragment))
        else:
            link.unwrap()


def _inhoud(hoofdstukken: list[tuple[Onderdeel, Tag]]) -> str:
    regels = []
    for onderdeel, artikel in hoofdstukken:
        h1 = artikel.find("h1")
        titel = h1.get_text(" ", strip=True) if h1 else onderdeel.pad
        anker = _anker(onderdeel.pad)
        regels.append(f'<li class="inhoud__h1"><a href="#{anker}">{escape(titel)}</a></li>')
        for h2 in artikel.find_all("h2"):
            if onderdeel.pad == "herkomst/":
                break
            regels.append(f'<li class="inhoud__h2"><a href="#{h2["id"]}">'
                          f"{escape(h2.get_text(' ', strip=True))}</a></li>")
    return "<ul>" + "".join(regels) + "</ul>"


def _css_tekst(tekst: str) -> str:
    """Tekst veilig binnen een CSS-string (aanhalingstekens en backslashes ge-escaped)."""
    return "".join(c if c.isalnum() or c in " .,-" else f"\\{ord(c):x} " for c in tekst)


def _datum(dataset: Dataset) -> dt.datetime:
    """Aanmaakdatum: ``SOURCE_DATE_EPOCH`` als die is gezet, anders de rapportdatum."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    d = dataset.dossier.stempeldatum
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC)


def _herkomst(ctx: Dossiercontext, ids: set[str]) -> Tag:
    """Bijlage B: de herkomst van elk cijfer in de PDF, compact (één alinea per cijfer)."""
    alle = set(ids)
    for id_ in ids:
        alle |= set(ctx.cijfers.afhankelijkheden(id_))
    delen = ["<h1 id=\"herkomst\">Herkomst van alle cijfers</h1>",
             "<p>Per cijfer: de vaste code, de waarde, de formule met de ingevulde waarden en de "
             "bron (gegevensbestand met rij en kolom, of parameter met wettelijke bron). In het "
             "online dossier staat dezelfde uitleg op de pagina Herkomst van alle cijfers.</p>"
             "<div class=\"herkomst-kolommen\">"]
    for f in ctx.cijfers:
        if f.id not in alle or f.eenheid == "intern":
            continue
        regels = [f"<strong>{escape(f.id)}</strong> {escape(f.label)}: "
                  f"<strong>{escape(f.tekst(exact=True))}</strong>"]
        if f.formule:
            regels.append(f"= {escape(vul_formule(f, ctx.cijfers.als_dict()))}")
        regels += [escape(r) for r in herkomst_regels(f, met_bronnen=False)
                   if not r.startswith("Regel:")]
        if f.parameter is not None:
            regels += [Markup("Bron: {}").format(
                Markup('<a href="{}">{}</a>').format(r.href, r.titel) if r.href else r.titel)
                for r in f.parameter.referenties]
        regels += [f"In de bron: {escape(b)}" for b in ctx.rapportbronnen.get(f.id, [])]
        delen.append(f'<p class="hk" id="{escape(_anker(HERKOMST.pad, f.id))}">'
                     + "<br>".join(str(r) for r in regels) + "</p>")
    delen.append("</div>")
    soep = BeautifulSoup("<article>" + "".join(delen) + "</article>", "html.parser")
    artikel = soep.article
    artikel.h1["id"] = _anker(HERKOMST.pad, "herkomst")
    return artikel


def maak_html(site: Path, dataset: Dataset, ctx: Dossiercontext) -> str:
    """De printversie van het dossier als één HTML-document."""
    paden = {o.pad for o in (*onderdelen(ctx), HERKOMST)}
    hoofdstukken = []
    for onderdeel in onderdelen(ctx):
        artikel = _artikel(site, onderdeel)
        _herschrijf_links(artikel, onderdeel, paden)
        hoofdstukken.append((onderdeel, artikel))
    ids = {a["data-cijfer"] for _, art in hoofdstukken for a in art.select("a[data-cijfer]")}
    hoofdstukken.append((HERKOMST, _herkomst(ctx, ids)))

    gemeente = dataset.dossier.gemeente.naam
    jaar = dataset.aanvraagjaar
    titel = f"Vangnetuitkering {gemeente} {jaar}"
    datum = (opmaak.datum(dataset.dossier.rapportdatum) if dataset.dossier.rapportdatum
             else "nog in te vullen")
    secties = []
    for onderdeel, artikel in hoofdstukken:
        klasse = "bijlage" if onderdeel.bijlage else "hoofdstuk"
        h1 = artikel.find("h1")
        if h1 is not None and onderdeel.bijlage:
            h1.string = f"Bijlage {onderdeel.bijlage}. {h1.get_text(' ', strip=True)}"
        inhoud = "".join(str(c) for c in artikel.contents)
        secties.append(f'<section class="{klasse}" id="{_anker(onderdeel.pad)}">{inhoud}'
                       "</section>")
    reden = conceptreden(ctx)
    watermerk = '<div class="watermerk" aria-hidden="true">Concept</div>' if reden else ""
    conceptregel = f'<p class="omslag__concept">Concept. {escape(reden)}</p>' if reden else ""
    aangemaakt = _datum(dataset).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    beschrijving = f"Dossier bij de aanvraag van een vangnetuitkering Participatiewet over {jaar}"
    online = dataset.dossier.publicatie_url
    colofon = (
        f'<p>De online versie van dit dossier staat op <a href="{escape(online)}">'
        f"{escape(online)}</a>; daar is bij elk cijfer de herkomst aan te klikken.</p>"
        if online else
        "<p>Dit PDF-bestand is gemaakt uit dezelfde bouw als de online versie van het dossier "
        f"over {jaar}; daar is bij elk cijfer de herkomst aan te klikken. Het webadres wordt "
        "hier vermeld zodra het dossier is gepubliceerd.</p>"
    )
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<title>{escape(titel)}</title>
<meta name="author" content="Gemeente {escape(gemeente)}">
<meta name="description" content="{beschrijving}">
<meta name="keywords" content="vangnetuitkering, Participatiewet, BUIG, {escape(gemeente)}">
<meta name="generator" content="vangnet {__version__}">
<meta name="dcterms.created" content="{aangemaakt}">
<meta name="dcterms.modified" content="{aangemaakt}">
<style>@page {{ @top-left {{ content: "{_css_tekst(titel)}"; }} }}
@page omslag {{ @top-left {{ content: none; }} }}</style>
</head><body>
{watermerk}
<section class="omslag">
<p class="omslag__soort">Dossier bij de aanvraag van een vangnetuitkering Participatiewet</p>
<h1 class="omslag__titel">Vangnetuitkering {jaar}</h1>
<p class="omslag__gemeente">Gemeente {escape(gemeente)}</p>
<dl class="omslag__gegevens">
<dt>Budgetjaar</dt><dd>{jaar}</dd>
<dt>Datum</dt><dd>{escape(datum)}</dd>
<dt>Versie</dt><dd>dossier {jaar}, vangnet {__version__}</dd>
</dl>
{conceptregel}
</section>
<section class="colofon"><h2>Colofon</h2>
<p>Alle cijfers, tabellen en grafieken in dit dossier zijn bij het bouwen berekend uit de
gegevensbestanden van de gemeente met het programma vangnet. Elk cijfer verwijst naar zijn
herkomst in bijlage B; de gebruikte regels en bronnen staan in bijlage A.</p>
{colofon}
</section>
<nav class="inhoud" aria-label="Inhoudsopgave"><h2>Inhoud</h2>{_inhoud(hoofdstukken)}</nav>
{''.join(secties)}
</body></html>"""


def maak_pdf(site: Path, data: Path, doel: Path | None = None,
             cache: Path | None = None) -> Path:
    """Schrijf de PDF in ``site/pdf/`` (of naar ``doel``) en geef het pad terug.

    Dezelfde HTML en opmaak geven met dezelfde WeasyPrint-versie byte voor byte dezelfde PDF;
    daarom wordt het resultaat bewaard in de cache met de hash van die invoer als sleutel.
    """
    import weasyprint

    ctx = laad_context(data)
    dataset = ctx.dataset
    html = maak_html(site, dataset, ctx)
    stijl = STIJL.read_text(encoding="utf-8")
    doel = doel or site / "pdf" / pdf_naam(dataset)
    doel.parent.mkdir(parents=True, exist_ok=True)
    sleutel_ = hashlib.sha256(
        "\0".join((html, stijl, weasyprint.__version__, __version__)).encode()
    ).hexdigest()
    bewaard = (cache or cachemap()) / "pdf" / f"{sleutel_}.pdf"
    if not bewaard.exists():
        bewaard.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = bewaard.with_suffix(f".{os.getpid()}.tmp")
        weasyprint.HTML(string=html, base_url=str(site)).write_pdf(
            tijdelijk, stylesheets=[weasyprint.CSS(string=stijl)], pdf_variant="pdf/ua-1",
            pdf_identifier=True)
        tijdelijk.replace(bewaard)
    shutil.copyfile(bewaard, doel)
    return doel

