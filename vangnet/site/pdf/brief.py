"""De raadsinformatiebrief als brief: als PDF en als Word-bestand, uit dezelfde tekst.

De tekst is het artikel van de gebouwde pagina ``raadsinformatiebrief/``. Daaromheen zet deze
module wat een brief tot brief maakt: afzender, de briefvelden (aan, datum, kenmerk, onderwerp,
bijlagen), aanhef, slot en ondertekening. Die velden staan in :class:`Briefvelden`; nu worden ze
afgeleid uit het dossier, later kunnen ze uit de gegevens komen (bijvoorbeeld een datum of
kenmerk van de griffie) zonder dat de opmaak van PDF of Word verandert: :func:`briefvelden` is
de enige plek die ze vult.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import Tag
from markupsafe import escape

from vangnet import opmaak
from vangnet.dossier.concept import conceptreden
from vangnet.dossier.context import Dossiercontext, laad_context
from vangnet.site.pdf import MAP, bestand
from vangnet.site.pdf.druk import (
    datum_iso,
    document,
    herschrijf_links,
    lees_artikel,
    schrijf_pdf,
    verwijzer,
)

PAGINA = "raadsinformatiebrief/"


@dataclass(frozen=True)
class Briefvelden:
    """Wat er om de tekst van de brief heen staat, in PDF en Word gelijk."""

    afzender: str  # "Gemeente Zevenaar"
    titel: str  # "Raadsinformatiebrief"
    aan: str
    datum: str
    onderwerp: str
    kenmerk: str | None  # None: geen regel Kenmerk
    bijlagen: tuple[str, ...]
    aanhef: str
    slot: str
    ondertekening: str
    concept: str  # waarom de brief een concept is, of leeg

    def velden(self) -> list[tuple[str, str]]:
        """De briefvelden als (naam, waarde), in de volgorde van de brief."""
        velden = [("Aan", self.aan), ("Datum", self.datum)]
        if self.kenmerk:
            velden.append(("Kenmerk", self.kenmerk))
        velden.append(("Onderwerp", self.onderwerp))
        if self.bijlagen:
            velden.append(("Bijlagen", "; ".join(self.bijlagen)))
        return velden


def briefvelden(ctx: Dossiercontext, kop: str) -> Briefvelden:
    """De velden van de brief. ``kop`` is de kop van de pagina ("Raadsinformatiebrief: aanvraag
    vangnetuitkering 2025"): het deel na de dubbelepunt is het onderwerp."""
    dossier = ctx.dataset.dossier
    gemeente = dossier.gemeente.naam
    titel, _, onderwerp = kop.partition(":")
    onderwerp = onderwerp.strip() or kop
    return Briefvelden(
        afzender=f"Gemeente {gemeente}",
        titel=titel.strip() if onderwerp != kop else "Raadsinformatiebrief",
        aan=f"De gemeenteraad van {gemeente}",
        datum=opmaak.datum(dossier.rapportdatum) if dossier.rapportdatum else "nog in te vullen",
        onderwerp=onderwerp[:1].upper() + onderwerp[1:],
        kenmerk=None,
        bijlagen=(f"het dossier ({bestand(ctx.dataset, 'dossier').naam})",
                  f"het aanvraagformulier ({bestand(ctx.dataset, 'formulier').naam})"),
        aanhef="Geachte leden van de raad,",
        slot="Met vriendelijke groet,",
        ondertekening=f"Het college van burgemeester en wethouders van {gemeente}",
        concept=conceptreden(ctx),
    )


def brieftekst(site: Path, ctx: Dossiercontext) -> tuple[Briefvelden, Tag]:
    """De velden en de tekst van de brief (het artikel zonder de kop van de pagina).

    Links naar het dossier gaan naar de online versie als het webadres bekend is; anders zijn
    ze gewone tekst (de brief staat los van de PDF van het dossier).
    """
    artikel = lees_artikel(site, PAGINA, ctx.cache / "svg")
    herschrijf_links(artikel, PAGINA, verwijzer({PAGINA}, ctx.dataset.dossier.publicatie_url))
    h1 = artikel.find("h1")
    kop = h1.get_text(" ", strip=True) if h1 is not None else "Raadsinformatiebrief"
    if h1 is not None:
        h1.decompose()
    return briefvelden(ctx, kop), artikel


def maak_html(site: Path, ctx: Dossiercontext) -> str:
    velden, artikel = brieftekst(site, ctx)
    gemeente = ctx.dataset.dossier.gemeente.naam
    jaar = ctx.dataset.aanvraagjaar
    regels = "".join(f"<dt>{escape(naam)}</dt><dd>{escape(waarde)}</dd>"
                     for naam, waarde in velden.velden())
    concept = (f'<p class="brief__concept">Concept. {escape(velden.concept)}</p>'
               if velden.concept else "")
    inhoud = f"""<header class="brief__kop">
<p class="brief__afzender">{escape(velden.afzender)}</p>
<h1 class="brief__titel">{escape(velden.titel)}</h1>
<dl class="brief__velden">{regels}</dl>
{concept}
</header>
<div class="brief__tekst">
<p class="brief__aanhef">{escape(velden.aanhef)}</p>
{"".join(str(c) for c in artikel.contents)}
<p class="brief__slot">{escape(velden.slot)}</p>
<p class="brief__ondertekening">{escape(velden.ondertekening)}</p>
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
               cache: Path | None = None) -> Path:
    """De brief als PDF in ``site/pdf/`` (of naar ``doel``)."""
    ctx = laad_context(data)
    html = maak_html(site, ctx)
    return schrijf_pdf(html, doel or site / MAP / bestand(ctx.dataset, "brief").naam, site,
                       cache)


def maak_brief_word(site: Path, data: Path, doel: Path | None = None) -> Path:
    """De brief als ``.docx`` in ``site/pdf/`` (of naar ``doel``), uit dezelfde tekst."""
    from vangnet.site.pdf.word import schrijf_docx

    ctx = laad_context(data)
    velden, artikel = brieftekst(site, ctx)
    doel = doel or site / MAP / bestand(ctx.dataset, "brief-word").naam
    schrijf_docx(velden, artikel, doel, ctx.dataset.dossier.stempeldatum,
                 kopregel=f"{velden.titel} vangnetuitkering {ctx.dataset.dossier.gemeente.naam} "
                          f"{ctx.dataset.aanvraagjaar}")
    return doel
