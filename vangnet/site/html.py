"""HTML voor cijfers, tabellen en grafieken op de site (en in de PDF).

Alle tekst uit de gegevens gaat door :func:`veilig`: HTML-tekens worden ge-escaped en tekens
die Markdown of Jinja iets zouden laten doen (``*``, ``_``, ``[``, ``{`` ...) worden als
HTML-entiteit geschreven. Een label als ``<script>`` of ``{{ 7*7 }}`` verschijnt dus letterlijk.
Elk cijfer is een link naar zijn herkomst; zonder JavaScript leidt die naar de pagina
*Herkomst van alle cijfers*, met JavaScript opent er ook een uitleg bij het cijfer.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction

from markupsafe import Markup, escape

from vangnet.cijfers.kern import Cijfer, Cijferset, rekent_na, vul_formule
from vangnet.grafieken.definities import Grafiek
from vangnet.tabellen.definities import Cel, Tabel

Href = Callable[[str], str]

_MARKDOWN = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-!|~^=$%"}
_VEILIG = str.maketrans({**_MARKDOWN, **{c: str(escape(c)) for c in "&<>\"'"}})
"""Per teken: de HTML-tekens zoals markupsafe ze escapet, de Markdown- en Jinja-tekens als
entiteit. Eén vertaling in één stap: eerst escapen en dan vervangen zou de '#' in '&#39;' nog
eens vervangen, zodat de lezer '&#39;' ziet in plaats van een apostrof."""


def veilig(tekst: object) -> Markup:
    """Tekst uit de gegevens, veilig voor HTML, Markdown en Jinja."""
    return Markup(str(tekst).translate(_VEILIG))


def codenaam(naam: str) -> Markup:
    """Een lange code (``prijzen.normbedrag_gehuwden``) als ``<code>`` die alleen na een punt
    of liggend streepje afbreekt, niet midden in een woord."""
    delen = [escape(d) for d in naam.replace(".", ".\0").replace("_", "_\0").split("\0")]
    return Markup("<code>{}</code>").format(Markup("<wbr>").join(delen))


def _zelfde(a: str, b: str) -> bool:
    """Of twee getoonde waarden gelijk zijn, los van spaties en het soort minteken."""
    def kaal(t: str) -> str:
        return "".join(t.replace("\u2212", "-").split())
    return kaal(a) == kaal(b)


def titel_van(cijfer: Cijfer, cijfers: Cijferset, getoond: str | None = None) -> str:
    """De tooltip (title) bij een cijfer: alleen wat de naam van de link nog niet zegt, de
    exacte waarde en de formule. Is de exacte waarde gelijk aan wat er staat (``getoond``), dan
    alleen de formule; leeg als er dan niets overblijft."""
    exact = cijfer.tekst(exact=True)
    alle = cijfers.als_dict()
    formule = vul_formule(cijfer, alle)
    waarde = "" if getoond is not None and _zelfde(exact, getoond) else exact
    if formule and not _zelfde(formule, exact):
        return f"{waarde} {'=' if rekent_na(cijfer, alle) else '≈'} {formule}".lstrip()
    return waarde


def _klein(label: str) -> str:
    """Een label midden in een zin: alleen de eerste letter klein (LKS blijft LKS)."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def naam_van(tekst: str, cijfer: Cijfer) -> str:
    """De toegankelijke naam van een cijferlink: de getoonde waarde vooraan (zoals op het
    scherm, WCAG 2.5.3), dan wat het cijfer is en dat de link de herkomst toont."""
    return f"{tekst}, {_klein(cijfer.label)}: herkomst tonen"


def cijferlink(cijfer: Cijfer, cijfers: Cijferset, href: Href, *, decimalen: int | None = None,
           exact: bool = False, absoluut: bool = False) -> Markup:
    """Een cijfer als link naar zijn herkomst.

    De naam van de link (aria-label) zegt welk cijfer het is en dat de link de herkomst
    toont; de tooltip (title) voegt alleen de exacte waarde en de formule toe, en ontbreekt
    als die gelijk zijn aan wat er al staat."""
    waarde = cijfer
    if absoluut and isinstance(cijfer.waarde, int | float | Fraction) and cijfer.waarde < 0:
        waarde = Cijfer(cijfer.id, cijfer.label, cijfer.eenheid, -cijfer.waarde,
                        decimalen=cijfer.decimalen, exact_decimalen=cijfer.exact_decimalen)
    tekst = waarde.tekst(exact=exact, decimalen=decimalen)
    titel = titel_van(cijfer, cijfers, tekst)
    titel_attribuut = f' title="{escape(titel)}"' if titel else ""
    return Markup(
        f'<a class="cijfer" href="{escape(href(cijfer.id))}" data-cijfer="{escape(cijfer.id)}" '
        f'aria-label="{escape(naam_van(tekst, cijfer))}"{titel_attribuut}>{veilig(tekst)}</a>'
    )


def formule(cijfer: Cijfer, cijfers: Cijferset, href: Href) -> Markup:
    """De formule van een cijfer met de ingevulde waarden, elk als link."""
    alle = cijfers.als_dict()
    return Markup(vul_formule(cijfer, alle,
                              lambda f: str(cijferlink(f, cijfers, href, exact=True))))


def _cel(cel: Cel, cijfers: Cijferset, href: Href, kop: bool = False,
         getalkolom: bool = False) -> str:
    if cel.cijfer is not None:
        inhoud = cijferlink(cijfers[cel.cijfer], cijfers, href, decimalen=cel.decimalen,
                        exact=cel.exact)
        return f'<td class="getal">{inhoud}</td>'
    inhoud = veilig(cel.tekst or "")
    if kop:
        return f'<th scope="row">{inhoud}</th>'
    # een streepje of 'n.v.t.' in een kolom met cijfers staat rechts, onder de cijfers
    return f'<td class="getal">{inhoud}</td>' if getalkolom else f"<td>{inhoud}</td>"


def tabel(t: Tabel, cijfers: Cijferset, href: Href) -> Markup:
    """Een toegankelijke HTML-tabel met bijschrift, kolom- en rijkoppen en bronvermelding."""
    numeriek = [any(r[i].numeriek for r in t.rijen) for i in range(len(t.koppen))]
    koppen = "".join(
        f'<th scope="col"{" class=getal" if numeriek[i] else ""}>{veilig(k)}</th>'
        for i, k in enumerate(t.koppen)
    )
    rijen = "".join(
        "<tr>" + "".join(_cel(c, cijfers, href, kop=(i == 0), getalkolom=numeriek[i])
                         for i, c in enumerate(r)) + "</tr>"
        for r in t.rijen
    )
    voet = ""
    if t.totaal:
        voet = ('<tfoot><tr class="totaal">'
                + "".join(_cel(c, cijfers, href, kop=(i == 0), getalkolom=numeriek[i])
                          for i, c in enumerate(t.totaal))
                + "</tr></tfoot>")
    toelichting = f'<p class="tabel__toelichting">{veilig(t.toelichting)}</p>' \
        if t.toelichting else ""
    titel_id = f"tabel-{t.id}"
    breed = "breed" if len(t.koppen) >= 7 else "smal"
    return Markup(
        f'<div class="tabel" id="{titel_id}-blok">'
        f'<div class="tabel__scroll" role="region" aria-labelledby="{titel_id}" tabindex="0">'
        f'<table class="{breed}"><caption id="{titel_id}">{veilig(t.titel)}</caption>'
        f"<thead><tr>{koppen}</tr></thead><tbody>{rijen}</tbody>{voet}</table></div>"
        f'<p class="tabel__bron">Bron: {veilig(t.bron)}</p>{toelichting}</div>'
    )


def _json_voor_script(gegevens: object) -> str:
    """JSON die veilig in een ``<script>``-blok staat: <, > en & als Unicode-escape."""
    tekst = json.dumps(gegevens, ensure_ascii=False)
    return tekst.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def grafiek(g: Grafiek, cijfers: Cijferset, href: Href) -> Markup:
    """Een grafiek: de specificatie, die de browser tekent (grafieken.js), een tekstalternatief
    en de gegevens in een uitklapblok.

    De site bevat geen vooraf getekend beeld: de browser tekent de grafiek toch op de breedte van
    het scherm, en de PDF tekent haar opnieuw op de breedte van de kolom. Zonder JavaScript blijven
    het tekstalternatief (in het bijschrift) en de tabel met de gegevens; een korte melding zegt
    dat. Het tekstalternatief is de naam van het beeld (role=img) en staat ook zichtbaar in het
    bijschrift; daar is het aria-hidden, zodat een schermlezer het één keer voorleest."""
    beeld_id = f"grafiek-{g.id}"
    hoogte = g.spec.get("height") if isinstance(g.spec.get("height"), int) else 260
    return Markup(
        f'<figure class="grafiek" id="{beeld_id}" aria-labelledby="{beeld_id}-titel">'
        f'<div class="grafiek__beeld" role="img" aria-label="{escape(g.alt)}" '
        f'style="--grafiek-hoogte: {hoogte}px">'
        '<noscript><p class="grafiek__zonder-js">Deze grafiek wordt in de browser getekend en '
        "dat lukt hier niet. Het bijschrift zegt wat de grafiek laat zien; de cijfers staan "
        "onder ‘Gegevens bij deze grafiek’.</p></noscript></div>"
        f'<script type="application/json" class="grafiek__spec">{_json_voor_script(g.spec)}'
        "</script>"
        f'<figcaption><span class="grafiek__titel" id="{beeld_id}-titel">{veilig(g.titel)}'
        "</span> "
        f'<span class="grafiek__alt" aria-hidden="true">{veilig(g.alt)}</span></figcaption>'
        f"<details class=\"grafiek__gegevens\"><summary>Gegevens bij deze grafiek</summary>"
        f"{tabel(replace(g.tabel, titel=g.titel), cijfers, href)}</details></figure>"
    )
