"""Wat de drie PDF's delen: pagina's uit de site overnemen, het kader, WeasyPrint en de cache.

Een PDF is geen tweede bron: hij neemt het artikel van een gebouwde pagina over (zelfde tekst,
zelfde cijfers, zelfde bouw) en maakt het geschikt voor papier:

- grafieken opnieuw als SVG op de breedte van de bedrukte kolom, zodat niets wordt verkleind
  (geen tekst onder 7 pt), met het Nederlandse tekstalternatief als ``<title>``: WeasyPrint
  maakt daar de ``/Alt`` van de figuur van;
- elke tabelkop een ``scope`` (kolomkop in ``<thead>``, anders rijkop);
- een bijschrift zonder blokken erin (anders maakt WeasyPrint een Caption in een Caption);
- links naar een pagina in dezelfde PDF worden interne links, andere links gaan naar de online
  versie als het webadres bekend is en worden anders gewone tekst.

Het watermerk "Concept" is een achtergrond van de pagina (een omtrek, geen tekst): WeasyPrint
tekent achtergronden als artefact en tekst die uit de PDF wordt gekopieerd, bevat het niet.
Het woord staat als tekst in de kopregel.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag
from markupsafe import escape

from vangnet import __version__
from vangnet import cache as cachebestand
from vangnet.grafieken.render import druk_svg
from vangnet.paden import PACKAGE, cachemap

if TYPE_CHECKING:
    from vangnet.data.dataset import Dataset
    from vangnet.dossier.context import Dossiercontext

STIJL = PACKAGE / "assets" / "pdf.css"
WATERMERK = PACKAGE / "assets" / "concept.svg"

# A4 met deze marges (boven, rechts, onder, links, in mm); de bedrukte kolom is dus
# 210 − 20 − 22 = 168 mm breed. Grafieken worden op precies die breedte gemaakt.
MARGES_MM = (22, 20, 20, 22)
KOLOM_MM = 210 - MARGES_MM[1] - MARGES_MM[3]
KOLOM_PX = round(KOLOM_MM / 25.4 * 96)  # CSS-pixels: 96 per inch

LANGE_TABEL = 15
"""Vanaf zoveel rijen mag een tabel over twee pagina's lopen (de kop herhaalt zich)."""


def anker(pad: str, fragment: str = "") -> str:
    """Een id in de PDF voor een pagina van de site (en een fragment daarin)."""
    basis = pad.strip("/").replace("/", "-") or "home"
    return f"{basis}--{fragment}" if fragment else basis


def css_tekst(tekst: str) -> str:
    """Tekst veilig binnen een CSS-string (aanhalingstekens en backslashes ge-escaped)."""
    return "".join(c if c.isalnum() or c in " .,-" else f"\\{ord(c):x} " for c in tekst)


def bouwregel(site: Path) -> str | None:
    """De regel uit het colofon van de gebouwde site (bij publiceren: de commit van de gegevens,
    zie :func:`vangnet.site.publiceren.colofontekst`), of ``None`` als de site er geen heeft."""
    start = site / "index.html"
    if not start.exists():
        return None
    regel = BeautifulSoup(start.read_text(encoding="utf-8"), "html.parser").select_one(
        "p.colofon")
    return regel.get_text(" ", strip=True) if regel is not None else None


def lees_artikel(site: Path, pad: str, svgcache: Path | None = None) -> Tag:
    """Het artikel van een gebouwde pagina, klaar voor papier (zie de moduledocstring)."""
    html = (site / pad / "index.html").read_text(encoding="utf-8")
    soep = BeautifulSoup(html, "html.parser")
    artikel = soep.select_one("article.md-content__inner")
    if artikel is None:
        raise ValueError(f"geen artikel gevonden in {pad}")
    # wat alleen op een scherm klopt (een link naar deze PDF, 'tik op een cijfer') valt op
    # papier weg; de uitleg over cijfers vervangt de brief zelf door een versie voor papier
    for weg in artikel.select("a.headerlink, details.grafiek__gegevens, .md-source-file, "
                              ".md-content__button, .alleen-scherm:not(.uitleg-cijfers)"):
        weg.decompose()
    _grafieken_op_drukbreedte(soep, artikel, svgcache)
    for weg in artikel.select("script"):
        weg.decompose()
    _tabellen(artikel)
    return artikel


def _grafieken_op_drukbreedte(soep: BeautifulSoup, artikel: Tag, svgcache: Path | None) -> None:
    for figuur in artikel.select("figure.grafiek"):
        beeld = figuur.select_one(".grafiek__beeld")
        spec = figuur.select_one("script.grafiek__spec")
        if beeld is None:
            continue
        if spec is not None and spec.string:
            nieuw = BeautifulSoup(druk_svg(json.loads(spec.string), KOLOM_PX, svgcache),
                                  "html.parser").svg
            beeld.clear()
            beeld.append(nieuw)
        svg = beeld.find("svg")
        alt = beeld.get("aria-label")
        if svg is not None and alt:
            for oud in svg.find_all("title", recursive=False):
                oud.decompose()
            titel = soep.new_tag("title")
            titel.string = str(alt)
            svg.insert(0, titel)
        # Het bijschrift zonder blokken erin: een blok (de titel als display: block) naast
        # tekst laat WeasyPrint een anoniem blok maken dat het element van het bijschrift
        # erft, en dat wordt een tweede Caption in de eerste.
        for titel in figuur.select("figcaption .grafiek__titel"):
            titel.name = "strong"
            titel.insert_after(soep.new_tag("br"))


def _tabellen(artikel: Tag) -> None:
    for th in artikel.find_all("th"):
        # PDF/UA vraagt bij elke kopcel of hij een kolom of een rij kopt; in deze tabellen is
        # een kop in <thead> een kolomkop en elke andere kop een rijkop. toegankelijk.py zet
        # op dezelfde manier /Scope in de PDF.
        th["scope"] = "col" if th.find_parent("thead") is not None else "row"
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


Verwijzer = Callable[[str, str], str | None]
"""(pad van een pagina van de site, fragment) → href in de PDF, of None voor gewone tekst."""


def verwijzer(intern: set[str], online: str | None) -> Verwijzer:
    """Interne link naar een pagina in deze PDF; anders naar de online versie, als die er is."""
    def doel(pad: str, fragment: str) -> str | None:
        if pad in intern:
            return "#" + anker(pad, fragment)
        if online:
            basis = online.rstrip("/") + "/" + (pad if pad != "./" else "")
            return basis + (f"#{fragment}" if fragment else "")
        return None
    return doel


def herschrijf_links(artikel: Tag, pad: str, doel: Verwijzer) -> None:
    """Ids krijgen het pad als voorvoegsel; links volgen ``doel``."""
    for element in artikel.find_all(id=True):
        element["id"] = anker(pad, element["id"])
    for link in artikel.find_all("a", href=True):
        delen = urlsplit(link["href"])
        if delen.scheme or delen.netloc:
            continue
        naar = pad if not delen.path else (
            posixpath.normpath(posixpath.join(pad, delen.path)).strip("/") + "/")
        href = doel(naar, unquote(delen.fragment))
        if href is None:
            link.unwrap()
        else:
            link["href"] = href


def laad(data: Path, gegevens: str | None = None) -> Dossiercontext:
    """De context van ``data`` voor een PDF. Met ``gegevens``, de vingerafdruk waarmee de site is
    gebouwd: een fout als de gegevens intussen andere zijn (ook als ze later weer worden
    teruggezet), want dan zou de PDF andere cijfers bevatten dan de site waaruit hij komt.

    :raises Gegevensfout: bij fouten in de gegevens, of als ze tijdens het bouwen veranderden.
    """
    from vangnet.data.afdruk import gewijzigd_tijdens_bouwen
    from vangnet.dossier.context import laad_context

    ctx = laad_context(data)
    if gegevens is not None and ctx.dataset.vingerafdruk != gegevens:
        raise gewijzigd_tijdens_bouwen(Path(data), "de PDF")
    return ctx


def datum_iso(dataset: Dataset) -> str:
    """Aanmaakdatum: ``SOURCE_DATE_EPOCH`` als die is gezet, anders de rapportdatum."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    else:
        d = dataset.dossier.stempeldatum
        moment = dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def watermerk_css() -> str:
    """De achtergrond van elke pagina van een concept: het woord als omtrek, geen tekst."""
    data = base64.b64encode(WATERMERK.read_bytes()).decode()
    return (f'@page {{ background: url("data:image/svg+xml;base64,{data}") no-repeat 0 0; '
            "background-size: 210mm 297mm; }")


def document(*, titel: str, auteur: str, beschrijving: str, trefwoorden: str, datum: str,
             kopregel: str, concept: bool, klasse: str, inhoud: str, stijl: str = "") -> str:
    """Een volledig HTML-document voor WeasyPrint: metadata, paginaopmaak en inhoud.

    ``kopregel`` staat links boven op elke pagina; in een concept staat er "Concept" achter,
    als tekst (het watermerk zelf is geen tekst).
    """
    kop = f"{kopregel} · Concept" if concept else kopregel
    boven, rechts, onder, links = MARGES_MM
    paginastijl = (f"@page {{ size: A4; margin: {boven}mm {rechts}mm {onder}mm {links}mm; "
                   f'@top-left {{ content: "{css_tekst(kop)}"; }} }}\n'
                   "@page omslag { @top-left { content: none; } }\n"
                   + (watermerk_css() if concept else "") + stijl)
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<title>{escape(titel)}</title>
<meta name="author" content="{escape(auteur)}">
<meta name="description" content="{escape(beschrijving)}">
<meta name="keywords" content="{escape(trefwoorden)}">
<meta name="generator" content="vangnet {__version__}">
<meta name="dcterms.created" content="{datum}">
<meta name="dcterms.modified" content="{datum}">
<style>{paginastijl}</style>
</head><body class="{klasse}">
{inhoud}
</body></html>"""


def _codeafdruk() -> str:
    """De code die de PDF bepaalt (deze package en de opmaak): hoort in de sleutel van de
    cache, want de nabewerking verandert de PDF zonder dat de HTML verandert."""
    h = hashlib.sha256()
    for pad in [*sorted(Path(__file__).parent.glob("*.py")), STIJL, WATERMERK]:
        h.update(pad.read_bytes())
    return h.hexdigest()


def schrijf_pdf(html: str, doel: Path, base_url: Path, cache: Path | None = None) -> Path:
    """Maak de PDF (PDF/UA-1) met WeasyPrint, maak hem toegankelijk en schrijf hem naar ``doel``.

    Dezelfde HTML en opmaak geven met dezelfde versies byte voor byte dezelfde PDF; daarom
    wordt het resultaat bewaard in de cache met de hash van die invoer als sleutel.
    """
    import pikepdf
    import weasyprint

    from vangnet.site.pdf.toegankelijk import maak_toegankelijk

    stijl = STIJL.read_text(encoding="utf-8")
    sleutel = hashlib.sha256("\0".join(
        (html, stijl, weasyprint.__version__, pikepdf.__version__, __version__, _codeafdruk())
    ).encode()).hexdigest()
    pad = (cache or cachemap()) / "pdf" / f"{sleutel}.pdf"
    doel.parent.mkdir(parents=True, exist_ok=True)
    bewaard = cachebestand.lees(pad)
    if bewaard is None:
        ruw = weasyprint.HTML(string=html, base_url=str(base_url)).write_pdf(
            stylesheets=[weasyprint.CSS(string=stijl)], pdf_variant="pdf/ua-1",
            pdf_identifier=True)
        bewaard = maak_toegankelijk(ruw)
        cachebestand.schrijf(pad, bewaard)
    doel.write_bytes(bewaard)
    return doel
