"""Het aanvraagformulier als PDF: de onderdelen A–D en de toetsing aan het beoordelingskader.

De tekst is het artikel van de gebouwde pagina ``aanvraag/``. Elk onderdeel begint op een
nieuwe pagina en heeft een eigen bladwijzer, zodat het los te lezen en te plakken is; de
kopregel rechts noemt het onderdeel.
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import escape

from vangnet import opmaak
from vangnet.dossier.concept import conceptreden
from vangnet.dossier.context import Dossiercontext, laad_context
from vangnet.site.pdf import MAP, bestand
from vangnet.site.pdf.druk import (
    bouwregel,
    datum_iso,
    document,
    herschrijf_links,
    lees_artikel,
    schrijf_pdf,
    verwijzer,
)

PAGINA = "aanvraag/"
_ONDERDEEL = re.compile(r"^(Onderdeel [A-Z])\b")


def maak_html(site: Path, ctx: Dossiercontext) -> str:
    dossier = ctx.dataset.dossier
    gemeente = dossier.gemeente.naam
    jaar = ctx.dataset.aanvraagjaar
    artikel = lees_artikel(site, PAGINA, ctx.cache / "svg")
    herschrijf_links(artikel, PAGINA, verwijzer({PAGINA}, dossier.publicatie_url))
    h1 = artikel.find("h1")
    if h1 is not None:
        h1.decompose()
    for h2 in artikel.find_all("h2"):
        tekst = h2.get_text(" ", strip=True)
        kort = _ONDERDEEL.match(tekst)
        # de kopregel rechts: "Onderdeel A" in plaats van de hele kop
        h2["data-kop"] = kort.group(1) if kort else tekst
        h2["class"] = [*h2.get("class", []), "onderdeel" if kort else "sectie"]
    titel = f"Aanvraagformulier vangnetuitkering {gemeente} {jaar}"
    datum = opmaak.datum(dossier.rapportdatum) if dossier.rapportdatum else "nog in te vullen"
    dossiernaam = bestand(ctx.dataset, "dossier").naam
    regel = bouwregel(site)
    bouw = f'<p class="formulier__bouw">{escape(regel)}</p>' if regel else ""
    inhoud = f"""<header class="formulier__kop">
<p class="formulier__soort">Aanvraag vangnetuitkering Participatiewet bij de Toetsingscommissie
vangnet Participatiewet</p>
<h1 class="formulier__titel">Aanvraagformulier {jaar}</h1>
<p class="formulier__gemeente">Gemeente {escape(gemeente)}</p>
<dl class="formulier__gegevens">
<dt>Budgetjaar</dt><dd>{jaar}</dd>
<dt>Datum</dt><dd>{escape(datum)}</dd>
<dt>Onderbouwing</dt><dd>het dossier ({escape(dossiernaam)})</dd>
</dl>
{bouw}
</header>
{"".join(str(c) for c in artikel.contents)}"""
    return document(
        titel=titel, auteur=f"Gemeente {gemeente}",
        beschrijving=f"De onderdelen A tot en met D van het aanvraagformulier voor een "
                     f"vangnetuitkering Participatiewet over {jaar}",
        trefwoorden=f"aanvraagformulier, vangnetuitkering, Participatiewet, {gemeente}",
        datum=datum_iso(ctx.dataset), kopregel=titel, concept=bool(conceptreden(ctx)),
        klasse="formulier", inhoud=inhoud)


def maak_formulier(site: Path, data: Path, doel: Path | None = None,
                   cache: Path | None = None) -> Path:
    """Het aanvraagformulier als PDF in ``site/pdf/`` (of naar ``doel``)."""
    ctx = laad_context(data)
    html = maak_html(site, ctx)
    return schrijf_pdf(html, doel or site / MAP / bestand(ctx.dataset, "formulier").naam, site,
                       cache)
