"""Het dossier als PDF: de hoofdstukken en de bijlagen A en B.

De PDF neemt de artikelen van de gebouwde site over (zie druk.py) en voegt een omslag met
colofon, een inhoudsopgave met paginanummers, kopregels en paginanummering toe. Grafieken staan
er als vector-SVG in (door vl-convert gerenderd bij het bouwen), zonder JavaScript. Elk cijfer
linkt naar zijn herkomst in bijlage B. De datum in de metadata komt uit de gegevens (de
rapportdatum), zodat dezelfde invoer dezelfde PDF geeft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from markupsafe import Markup, escape

from vangnet import __version__, opmaak
from vangnet.cijfers.kern import Cijfer, vul_formule
from vangnet.cijfers.uitleg import herkomst_regels
from vangnet.data.dataset import Dataset
from vangnet.dossier.concept import conceptreden
from vangnet.dossier.context import Dossiercontext
from vangnet.site.pdf import MAP, pdf_naam
from vangnet.site.pdf.druk import (
    anker,
    bouwregel,
    datum_iso,
    document,
    herschrijf_links,
    laad,
    lees_artikel,
    schrijf_pdf,
)
from vangnet.site.pdf.druk import verwijzer as maak_verwijzer


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


def _inhoud(hoofdstukken: list[tuple[Onderdeel, Tag]]) -> str:
    regels = []
    for onderdeel, artikel in hoofdstukken:
        h1 = artikel.find("h1")
        titel = h1.get_text(" ", strip=True) if h1 else onderdeel.pad
        regels.append(f'<li class="inhoud__h1"><a href="#{anker(onderdeel.pad)}">'
                      f"{escape(titel)}</a></li>")
        for h2 in artikel.find_all("h2"):
            if onderdeel.pad == HERKOMST.pad:
                break
            regels.append(f'<li class="inhoud__h2"><a href="#{h2["id"]}">'
                          f"{escape(h2.get_text(' ', strip=True))}</a></li>")
    return "<ul>" + "".join(regels) + "</ul>"


_ENKELE_INVOER = re.compile(r"^\s*[−+-]?\s*\{([a-z0-9_]+)\}\s*$")


def _formule(f: Cijfer, ctx: Dossiercontext, ids: set[str]) -> str:
    """De formule met de ingevulde waarden; een formule die alleen één invoer herhaalt
    (``−{tekortpercentage}``) toont in plaats van die waarde de code van de invoer, als link."""
    if not f.formule:
        return ""
    if _ENKELE_INVOER.match(f.formule):
        def code(invoer: Cijfer) -> str:
            if invoer.id in ids:
                return str(Markup('<a href="#{}">{}</a>').format(
                    anker(HERKOMST.pad, invoer.id), invoer.id))
            return str(escape(invoer.id))
        return vul_formule(f, ctx.cijfers.als_dict(), code)
    return str(escape(vul_formule(f, ctx.cijfers.als_dict())))


def _herkomst(ctx: Dossiercontext, ids: set[str]) -> Tag:
    """Bijlage B: de herkomst van elk cijfer in de PDF, compact (één alinea per cijfer).

    De beschrijving en de wettelijke bronnen van een parameter staan bij het eerste cijfer dat
    hem gebruikt; de volgende verwijzen daarnaar.
    """
    alle = set(ids)
    for id_ in ids:
        alle |= set(ctx.cijfers.afhankelijkheden(id_))
    getoond = {f.id for f in ctx.cijfers if f.id in alle and f.eenheid != "intern"}
    delen = ["<h1 id=\"herkomst\">Herkomst van alle cijfers</h1>",
             "<p>Per cijfer: de vaste code, de waarde, de formule met de ingevulde waarden en de "
             "bron (gegevensbestand met rij en kolom, of parameter met wettelijke bron). Een "
             "formule die alleen een ander cijfer overneemt, noemt de code van dat cijfer. In het "
             "online dossier staat dezelfde uitleg op de pagina Herkomst van alle cijfers.</p>"
             "<div class=\"herkomst-kolommen\">"]
    eerste_bij_parameter: dict[str, str] = {}
    for f in ctx.cijfers:
        if f.id not in getoond:
            continue
        regels = [f"<strong>{escape(f.id)}</strong> {escape(f.label)}: "
                  f"<strong>{escape(f.tekst(exact=True))}</strong>"]
        if f.formule:
            regels.append(f"= {_formule(f, ctx, getoond)}")
        eerder = (eerste_bij_parameter.setdefault(f.parameter.naam, f.id)
                  if f.parameter is not None else f.id)
        regels += [escape(r) for r in herkomst_regels(f, met_bronnen=False)
                   if not r.startswith("Regel:")
                   and not (eerder != f.id and r.startswith("Parameter:"))]
        if f.parameter is not None:
            if eerder != f.id:
                regels.append(Markup('Parameter: {} (status en bronnen: zie <a href="#{}">{}</a>)')
                              .format(f.parameter.naam, anker(HERKOMST.pad, eerder), eerder))
            else:
                regels += [Markup("Bron: {}").format(
                    Markup('<a href="{}">{}</a>').format(r.href, r.titel) if r.href
                    else r.titel) for r in f.parameter.referenties]
        regels += [f"In de bron: {escape(b)}" for b in ctx.rapportbronnen.get(f.id, [])]
        delen.append(f'<p class="hk" id="{escape(anker(HERKOMST.pad, f.id))}">'
                     + "<br>".join(str(r) for r in regels) + "</p>")
    delen.append("</div>")
    soep = BeautifulSoup("<article>" + "".join(delen) + "</article>", "html.parser")
    artikel = soep.article
    artikel.h1["id"] = anker(HERKOMST.pad, "herkomst")
    return artikel


def maak_html(site: Path, dataset: Dataset, ctx: Dossiercontext) -> str:
    """De printversie van het dossier als één HTML-document."""
    online = dataset.dossier.publicatie_url
    verwijzer = maak_verwijzer({o.pad for o in (*onderdelen(ctx), HERKOMST)}, online)
    hoofdstukken = []
    for onderdeel in onderdelen(ctx):
        artikel = lees_artikel(site, onderdeel.pad, ctx.cache / "svg")
        herschrijf_links(artikel, onderdeel.pad, verwijzer)
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
        secties.append(f'<section class="{klasse}" id="{anker(onderdeel.pad)}">{inhoud}'
                       "</section>")
    reden = conceptreden(ctx)
    conceptregel = f'<p class="omslag__concept">Concept. {escape(reden)}</p>' if reden else ""
    colofon = (
        f'<p>De online versie van dit dossier staat op <a href="{escape(online)}">'
        f"{escape(online)}</a>; daar is bij elk cijfer de herkomst aan te klikken.</p>"
        if online else
        "<p>Dit PDF-bestand is gemaakt uit dezelfde bouw als de online versie van het dossier "
        f"over {jaar}; daar is bij elk cijfer de herkomst aan te klikken. Het webadres wordt "
        "hier vermeld zodra het dossier is gepubliceerd.</p>"
    )
    regel = bouwregel(site)
    if regel:
        colofon += f"<p>{escape(regel)}</p>"
    inhoud = f"""<section class="omslag">
<p class="omslag__soort">Dossier bij de aanvraag van een vangnetuitkering Participatiewet</p>
<h1 class="omslag__titel">Vangnetuitkering {jaar}</h1>
<p class="omslag__gemeente">Gemeente {escape(gemeente)}</p>
<dl class="omslag__gegevens">
<dt>Budgetjaar</dt><dd>{jaar}</dd>
<dt>Datum</dt><dd>{escape(datum)}</dd>
<dt>Versie</dt><dd>dossier {jaar}, vangnet {__version__}</dd>
</dl>
{conceptregel}
<div class="colofon"><h2>Colofon</h2>
<p>Alle cijfers, tabellen en grafieken in dit dossier zijn bij het bouwen berekend uit de
gegevensbestanden van de gemeente met het programma vangnet. Elk cijfer verwijst naar zijn
herkomst in bijlage B; de gebruikte regels en bronnen staan in bijlage A. De
raadsinformatiebrief en het aanvraagformulier staan in eigen PDF-bestanden naast dit
bestand.</p>
{colofon}
</div>
</section>
<nav class="inhoud" aria-label="Inhoudsopgave"><h2>Inhoud</h2>{_inhoud(hoofdstukken)}</nav>
{''.join(secties)}"""
    return document(
        titel=titel, auteur=f"Gemeente {gemeente}",
        beschrijving=f"Dossier bij de aanvraag van een vangnetuitkering Participatiewet over "
                     f"{jaar}",
        trefwoorden=f"vangnetuitkering, Participatiewet, BUIG, {gemeente}",
        datum=datum_iso(dataset), kopregel=titel, concept=bool(reden), klasse="dossier",
        inhoud=inhoud)


def maak_dossier(site: Path, data: Path, doel: Path | None = None,
                 cache: Path | None = None, gegevens: str | None = None) -> Path:
    """Schrijf de PDF van het dossier in ``site/pdf/`` (of naar ``doel``) en geef het pad."""
    ctx = laad(data, gegevens)
    html = maak_html(site, ctx.dataset, ctx)
    return schrijf_pdf(html, doel or site / MAP / pdf_naam(ctx.dataset), site, cache)
