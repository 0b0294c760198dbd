"""Het aanvraagformulier als PDF: de onderdelen A–D en de toetsing aan het beoordelingskader.

De tekst is het artikel van de gebouwde pagina ``aanvraag/``. Elk onderdeel begint op een
nieuwe pagina en heeft een eigen bladwijzer, zodat het los te lezen en te plakken is; de
kopregel rechts noemt het onderdeel. De toetsing aan het beoordelingskader (een brede tabel
met vijf kolommen) staat op liggende pagina's, met de inleidende zin op dezelfde pagina als het
begin van de tabel.

Het formulier heeft geen eigen datum zolang het college niet heeft besloten: bovenaan staan de
datum van het collegebesluit en van de instemming van de raad, of "in te vullen", en de datum
tot wanneer de gegevens lopen.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from markupsafe import escape

from vangnet import opmaak
from vangnet.dossier.brief import bijlagen
from vangnet.dossier.concept import conceptreden
from vangnet.dossier.context import Dossiercontext
from vangnet.site.pdf import MAP, bestand
from vangnet.site.pdf.druk import (
    anker,
    bouwregel,
    datum_iso,
    document,
    herschrijf_links,
    laad,
    lees_artikel,
    schrijf_pdf,
    verwijzer,
)

PAGINA = "aanvraag/"
_ONDERDEEL = re.compile(r"^(Onderdeel [A-Z])\b")
LIGGEND = "volledigheid-van-de-aanvraag"
"""Het anker van de kop waarmee de liggende pagina's beginnen."""
IN_TE_VULLEN = '<em class="formulier__open">in te vullen</em>'
LIGGEND_CSS = "@page liggend { size: A4 landscape; background-size: 297mm 210mm; }\n"
"""De liggende pagina's, met het watermerk op hun maat. Bij de paginaopmaak van
:func:`~vangnet.site.pdf.druk.document`: die gaat voor pdf.css (WeasyPrint leest pdf.css als
stijlblad van de gebruiker)."""


def _liggend(artikel: Tag) -> None:
    """Zet de kop van de toetsing en alles erna in een sectie op liggende pagina's."""
    kop = artikel.find(id=anker(PAGINA, LIGGEND))
    if kop is None:
        return
    sectie = BeautifulSoup('<section class="liggend"></section>', "html.parser").section
    volgende = list(kop.find_next_siblings())
    kop.insert_before(sectie)
    sectie.append(kop.extract())
    for element in volgende:
        sectie.append(element.extract())


def _datum(waarde: object) -> str:
    return str(escape(opmaak.datum(waarde))) if waarde else IN_TE_VULLEN


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
    _liggend(artikel)
    titel = f"Aanvraagformulier vangnetuitkering {gemeente} {jaar}"
    stand = (f"<dt>Stand van de gegevens</dt><dd>{escape(opmaak.datum(dossier.rapportdatum))}"
             "</dd>" if dossier.rapportdatum else "")
    regel = bouwregel(site)
    bouw = f'<p class="formulier__bouw">{escape(regel)}</p>' if regel else ""
    inhoud = f"""<header class="formulier__kop">
<p class="formulier__soort">Aanvraag vangnetuitkering Participatiewet bij de Toetsingscommissie
vangnet Participatiewet</p>
<h1 class="formulier__titel">Aanvraagformulier {jaar}</h1>
<p class="formulier__gemeente">Gemeente {escape(gemeente)}</p>
<dl class="formulier__gegevens">
<dt>Budgetjaar</dt><dd>{jaar}</dd>
<dt>Besluit van het college</dt><dd>{_datum(dossier.aanvraag.collegebesluit)}</dd>
<dt>Instemming van de raad</dt><dd>{_datum(dossier.aanvraag.raadsbesluit)}</dd>
{stand}
<dt>Onderbouwing</dt><dd>{escape(bijlagen(ctx.dataset)[0].titel)}</dd>
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
        klasse="formulier", inhoud=inhoud, stijl=LIGGEND_CSS)


def maak_formulier(site: Path, data: Path, doel: Path | None = None,
                   cache: Path | None = None, gegevens: str | None = None) -> Path:
    """Het aanvraagformulier als PDF in ``site/pdf/`` (of naar ``doel``)."""
    ctx = laad(data, gegevens)
    html = maak_html(site, ctx)
    return schrijf_pdf(html, doel or site / MAP / bestand(ctx.dataset, "formulier").naam, site,
                       cache)
