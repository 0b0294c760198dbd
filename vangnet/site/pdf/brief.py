"""De raadsinformatiebrief als brief: als PDF en als Word-bestand, uit dezelfde tekst.

De tekst is het artikel van de gebouwde pagina ``raadsinformatiebrief/``. Daaromheen zet deze
module wat een brief tot brief maakt: afzender, één briefhoofd (aan, datum, kenmerk, onderwerp,
portefeuillehouder, inlichtingen, bijlagen) en de aanhef. Het briefhoofd komt uit dezelfde
velden als dat op de site (:func:`vangnet.dossier.brief.briefvelden`); het briefhoofd van de
pagina zelf valt weg, zodat er één briefhoofd is met één status per veld. De samenvatting
("In het kort") staat direct onder het briefhoofd, vóór de aanhef; de ondertekening staat in de
tekst van de pagina.

Wat alleen op een scherm klopt (``alleen-scherm``: "tik op een cijfer"), valt op papier weg. In
plaats daarvan zegt de brief waar de onderbouwing staat: in het dossier (bijlage 1), en online
als het webadres bekend is; dan zijn de cijfers en verwijzingen in de PDF ook echte links.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from markupsafe import escape

from vangnet.dossier import brief as briefgegevens
from vangnet.dossier.concept import conceptreden
from vangnet.dossier.context import Dossiercontext
from vangnet.site.pdf import MAP, bestand
from vangnet.site.pdf.druk import (
    datum_iso,
    document,
    herschrijf_links,
    laad,
    lees_artikel,
    schrijf_pdf,
    verwijzer,
)

PAGINA = "raadsinformatiebrief/"


@dataclass(frozen=True)
class Briefveld:
    label: str
    waarde: str
    in_te_vullen: bool


@dataclass(frozen=True)
class Briefvelden:
    """Wat er om de tekst van de brief heen staat, in PDF en Word gelijk."""

    afzender: str  # "Gemeente Zevenaar"
    titel: str  # "Raadsinformatiebrief"
    onderwerp: str
    hoofd: tuple[Briefveld, ...]  # het briefhoofd, zonder de bijlagen
    bijlagen: tuple[str, ...]  # de titels, in de volgorde van de nummering
    aanhef: str
    concept: str  # de regel "Concept: ..." onder het briefhoofd, of leeg
    online: str | None  # het webadres van het dossier, als het bekend is

    def velden(self) -> list[tuple[str, str]]:
        """Het briefhoofd als (naam, waarde), met de bijlagen genummerd."""
        velden = [(v.label, v.waarde) for v in self.hoofd]
        if self.bijlagen:
            velden.append(("Bijlagen", "; ".join(f"{i}. {t}"
                                                 for i, t in enumerate(self.bijlagen, 1))))
        return velden


def _conceptregel(ctx: Dossiercontext, open_velden: bool) -> str:
    reden = conceptreden(ctx, behalve=("D",))
    if not reden:
        return ""
    if open_velden:
        return "Concept, nog niet verzonden. Wat nog ontbreekt, staat er als ‘in te vullen’."
    return f"Concept, nog niet verzonden. {reden}"


def briefvelden(ctx: Dossiercontext, kop: str) -> Briefvelden:
    """De velden van de brief. ``kop`` is de kop van de pagina ("Raadsinformatiebrief: Aanvraag
    vangnetuitkering 2025"): het deel voor de dubbelepunt is de titel."""
    dataset = ctx.dataset
    velden = briefgegevens.briefvelden(dataset)
    onderwerp = next(v.waarde for v in velden if v.naam == "onderwerp")
    titel, _, rest = kop.partition(":")
    hoofd = tuple(Briefveld(v.label, v.waarde, v.in_te_vullen) for v in velden if v.briefhoofd)
    return Briefvelden(
        afzender=f"Gemeente {dataset.dossier.gemeente.naam}",
        titel=titel.strip() if rest else "Raadsinformatiebrief",
        onderwerp=onderwerp[:1].upper() + onderwerp[1:],
        hoofd=hoofd,
        bijlagen=tuple(b.titel for b in briefgegevens.bijlagen(dataset)),
        aanhef="Geachte leden van de raad,",
        concept=_conceptregel(ctx, any(v.in_te_vullen for v in velden)),
        online=dataset.dossier.publicatie_url,
    )


def papieruitleg(velden: Briefvelden) -> str:
    """Waar een lezer op papier de onderbouwing vindt (in plaats van 'tik op een cijfer')."""
    tekst = ("De onderbouwing van alle cijfers staat in het dossier (bijlage 1). Een verwijzing "
             "naar een hoofdstuk of paragraaf gaat over dat dossier.")
    if velden.online:
        tekst += (f" Het dossier staat ook online, op {velden.online.rstrip('/')}/. Daar is bij "
                  "elk cijfer te zien hoe het is berekend en waar het vandaan komt.")
    return tekst


def brieftekst(site: Path, ctx: Dossiercontext) -> tuple[Briefvelden, Tag | None, Tag]:
    """De velden, de samenvatting en de tekst van de brief.

    De tekst is het artikel zonder de kop van de pagina, zonder het briefhoofd van de pagina en
    zonder de samenvatting. Links naar het dossier gaan naar de online versie als het webadres
    bekend is; anders zijn ze gewone tekst (de brief staat los van de PDF van het dossier).
    """
    artikel = lees_artikel(site, PAGINA, ctx.cache / "svg")
    herschrijf_links(artikel, PAGINA, verwijzer({PAGINA}, ctx.dataset.dossier.publicatie_url))
    h1 = artikel.find("h1")
    kop = h1.get_text(" ", strip=True) if h1 is not None else "Raadsinformatiebrief"
    if h1 is not None:
        h1.decompose()
    velden = briefvelden(ctx, kop)
    for hoofd in artikel.select(".briefhoofd"):
        hoofd.decompose()
    kort = artikel.select_one(".kort")
    if kort is not None:
        kort.extract()
    for uitleg in artikel.select(".uitleg-cijfers"):
        nieuw = BeautifulSoup("<p></p>", "html.parser").p
        nieuw.string = papieruitleg(velden)
        uitleg.replace_with(nieuw)
    for scherm in artikel.select(".alleen-scherm"):
        scherm.decompose()
    return velden, kort, artikel


def _briefhoofd_html(velden: Briefvelden) -> str:
    regels = "".join(
        f"<dt>{escape(v.label)}</dt><dd>"
        + (f'<em class="brief__open">{escape(v.waarde)}</em>' if v.in_te_vullen
           else str(escape(v.waarde))) + "</dd>" for v in velden.hoofd)
    if velden.bijlagen:
        # het nummer als tekst, niet als opsommingsteken: 'bijlage 1' in de tekst verwijst ernaar
        lijst = "".join(f"<li>{i}. {escape(t)}</li>" for i, t in enumerate(velden.bijlagen, 1))
        regels += f'<dt>Bijlagen</dt><dd><ul class="brief__bijlagen">{lijst}</ul></dd>'
    return f'<dl class="brief__velden">{regels}</dl>'


def maak_html(site: Path, ctx: Dossiercontext) -> str:
    velden, kort, artikel = brieftekst(site, ctx)
    gemeente = ctx.dataset.dossier.gemeente.naam
    jaar = ctx.dataset.aanvraagjaar
    concept = (f'<p class="brief__concept">{escape(velden.concept)}</p>'
               if velden.concept else "")
    samenvatting = (f'<section class="brief__kort">{"".join(str(c) for c in kort.contents)}'
                    "</section>" if kort is not None else "")
    inhoud = f"""<header class="brief__kop">
<p class="brief__afzender">{escape(velden.afzender)}</p>
<h1 class="brief__titel">{escape(velden.titel)}</h1>
{_briefhoofd_html(velden)}
{concept}
</header>
{samenvatting}
<div class="brief__tekst">
<p class="brief__aanhef">{escape(velden.aanhef)}</p>
{"".join(str(c) for c in artikel.contents)}
</div>"""
    return document(
        titel=f"{velden.titel}: {velden.onderwerp}", auteur=velden.afzender,
        beschrijving=f"{velden.titel} van gemeente {gemeente} over de aanvraag van een "
                     f"vangnetuitkering over {jaar}",
        trefwoorden=f"raadsinformatiebrief, vangnetuitkering, Participatiewet, {gemeente}",
        datum=datum_iso(ctx.dataset), kopregel=f"{velden.titel} vangnetuitkering {gemeente} "
                                                f"{jaar}",
        concept=bool(velden.concept), klasse="brief", inhoud=inhoud)


def maak_brief(site: Path, data: Path, doel: Path | None = None,
               cache: Path | None = None, gegevens: str | None = None) -> Path:
    """De brief als PDF in ``site/pdf/`` (of naar ``doel``)."""
    ctx = laad(data, gegevens)
    html = maak_html(site, ctx)
    return schrijf_pdf(html, doel or site / MAP / bestand(ctx.dataset, "brief").naam, site,
                       cache)


def maak_brief_word(site: Path, data: Path, doel: Path | None = None,
                    gegevens: str | None = None) -> Path:
    """De brief als ``.docx`` in ``site/pdf/`` (of naar ``doel``), uit dezelfde tekst."""
    from vangnet.site.pdf.word import schrijf_docx

    ctx = laad(data, gegevens)
    velden, kort, artikel = brieftekst(site, ctx)
    doel = doel or site / MAP / bestand(ctx.dataset, "brief-word").naam
    schrijf_docx(velden, kort, artikel, doel, ctx.dataset.dossier.stempeldatum,
                 kopregel=f"{velden.titel} vangnetuitkering {ctx.dataset.dossier.gemeente.naam} "
                          f"{ctx.dataset.aanvraagjaar}")
    return doel
