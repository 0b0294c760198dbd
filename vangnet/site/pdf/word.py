"""De raadsinformatiebrief als Word-bestand (``.docx``), met python-docx.

Een griffie zet raadsbrieven als Word of PDF in het raadsinformatiesysteem. Dit bestand heeft
dezelfde velden (:class:`~vangnet.site.pdf.brief.Briefvelden`) en dezelfde tekst als de PDF: de
tekst wordt uit het HTML-artikel van de pagina overgenomen, kop voor kop en alinea voor alinea,
met vet en cursief. Links worden gewone tekst (python-docx kan geen hyperlinks maken zonder
eigen OOXML). Opmaak in Word-stijlen (Kop 1, Kop 2, Lijstopsommingsteken), zodat de griffie
het in een eigen sjabloon kan overnemen.

Reproduceerbaar: de documenteigenschappen krijgen de rapportdatum, en de zip wordt opnieuw
geschreven met vaste tijdstempels (python-docx neemt de huidige tijd).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from bs4 import Comment, NavigableString, Tag
from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Pt, RGBColor

if TYPE_CHECKING:
    from docx.document import Document as Docx
    from docx.text.paragraph import Paragraph

    from vangnet.site.pdf.brief import Briefvelden

LETTER = "DejaVu Sans"


def _tekst(element: Tag | NavigableString) -> str:
    return " ".join(element.get_text(" ").split())


def _segmenten(element: Tag, vet: bool, cursief: bool,
               uit: list[tuple[str, bool, bool]]) -> None:
    """De tekst van ``element`` als (tekst, vet, cursief), zonder geneste lijsten."""
    for kind in element.children:
        if isinstance(kind, Comment):
            continue
        if isinstance(kind, NavigableString):
            uit.append((str(kind), vet, cursief))
        elif kind.name == "br":
            uit.append(("\n", vet, cursief))
        elif kind.name not in ("ul", "ol"):
            _segmenten(kind, vet or kind.name in ("strong", "b"),
                       cursief or kind.name in ("em", "i"), uit)


def _runs(alinea: Paragraph, element: Tag, vet: bool = False, cursief: bool = False) -> None:
    """Zet de inline inhoud van ``element`` in ``alinea``, met witruimte zoals in HTML: elke
    reeks spaties en regeleinden wordt één spatie, niet aan het begin of eind van een regel."""
    segmenten: list[tuple[str, bool, bool]] = []
    _segmenten(element, vet, cursief, segmenten)
    begin, spatie = True, False
    for tekst, v, c in segmenten:
        if tekst == "\n":
            alinea.add_run().add_break(WD_BREAK.LINE)
            begin, spatie = True, False
            continue
        woorden = tekst.split()
        if not woorden:
            spatie = spatie or bool(tekst)
            continue
        stuk = " ".join(woorden)
        if (spatie or tekst[0].isspace()) and not begin:
            stuk = " " + stuk
        begin, spatie = False, tekst[-1].isspace()
        run = alinea.add_run(stuk)
        run.bold, run.italic = v or None, c or None


def _blok(doc: Docx, element: Tag, niveau: int = 0) -> None:
    """Een blok van het artikel als Word-alinea's."""
    naam = element.name
    if naam in ("h2", "h3", "h4"):
        doc.add_heading(_tekst(element), level=int(naam[1]))
    elif naam == "p":
        _runs(doc.add_paragraph(), element)
    elif naam in ("ul", "ol"):
        stijl = "List Bullet" if naam == "ul" else "List Number"
        for li in element.find_all("li", recursive=False):
            _runs(doc.add_paragraph(style=stijl if niveau == 0 else f"{stijl} 2"), li)
            for sub in li.find_all(["ul", "ol"], recursive=False):
                _blok(doc, sub, niveau + 1)
    elif naam == "div" and "admonition" in (element.get("class") or []):
        for kind in element.find_all(recursive=False):
            alinea = doc.add_paragraph()
            _runs(alinea, kind, vet="admonition-title" in (kind.get("class") or []))
    elif naam == "table":
        _tabel(doc, element)
    elif isinstance(element, Tag):
        for kind in element.find_all(recursive=False):
            _blok(doc, kind, niveau)


def _tabel(doc: Docx, tabel: Tag) -> None:
    caption = tabel.find("caption")
    if caption is not None:
        _runs(doc.add_paragraph(), caption, vet=True)
    rijen = tabel.find_all("tr")
    if not rijen:
        return
    breedte = max(len(r.find_all(["th", "td"])) for r in rijen)
    word = doc.add_table(rows=0, cols=breedte)
    word.style = "Table Grid"
    for rij in rijen:
        cellen = word.add_row().cells
        for cel, bron in zip(cellen, rij.find_all(["th", "td"]), strict=False):
            _runs(cel.paragraphs[0], bron, vet=bron.name == "th")


def maak_document(velden: Briefvelden, artikel: Tag, kopregel: str) -> Docx:
    doc = Document()
    normaal = doc.styles["Normal"]
    normaal.font.name = LETTER
    normaal.font.size = Pt(10.5)
    sectie = doc.sections[0]
    kop = sectie.header.paragraphs[0]
    kop.text = f"{kopregel} · Concept" if velden.concept else kopregel

    afzender = doc.add_paragraph()
    run = afzender.add_run(velden.afzender)
    run.bold, run.font.size = True, Pt(16)
    run.font.color.rgb = RGBColor(0x1D, 0x3D, 0x7A)
    doc.add_heading(velden.titel, level=1)
    tabel = doc.add_table(rows=0, cols=2)
    for naam, waarde in velden.velden():
        cellen = tabel.add_row().cells
        cellen[0].paragraphs[0].add_run(naam).bold = True
        cellen[1].paragraphs[0].add_run(waarde)
    if velden.concept:
        concept = doc.add_paragraph().add_run(f"Concept. {velden.concept}")
        concept.bold = True
        concept.font.color.rgb = RGBColor(0x8A, 0x00, 0x00)
    doc.add_paragraph(velden.aanhef)
    for element in artikel.find_all(recursive=False):
        _blok(doc, element)
    doc.add_paragraph(velden.slot)
    doc.add_paragraph(velden.ondertekening)

    eigenschappen = doc.core_properties
    eigenschappen.title = f"{velden.titel}: {velden.onderwerp}"
    eigenschappen.subject = velden.onderwerp
    eigenschappen.author = velden.afzender
    eigenschappen.last_modified_by = velden.afzender
    eigenschappen.language = "nl-NL"
    eigenschappen.keywords = "raadsinformatiebrief, vangnetuitkering, Participatiewet"
    eigenschappen.comments = ""
    eigenschappen.revision = 1
    return doc


def _vaste_zip(inhoud: bytes, moment: dt.datetime) -> bytes:
    """Dezelfde zip, met een vaste tijd bij elk bestand en in een vaste volgorde."""
    uit = io.BytesIO()
    tijd = (max(moment.year, 1980), moment.month, moment.day, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(inhoud)) as bron, \
            zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            nieuw = zipfile.ZipInfo(info.filename, date_time=tijd)
            nieuw.compress_type = zipfile.ZIP_DEFLATED
            nieuw.external_attr = 0o644 << 16
            doel.writestr(nieuw, bron.read(info.filename))
    return uit.getvalue()


def schrijf_docx(velden: Briefvelden, artikel: Tag, doel: Path, datum: dt.date,
                 kopregel: str) -> Path:
    doc = maak_document(velden, artikel, kopregel)
    moment = dt.datetime(datum.year, datum.month, datum.day)
    doc.core_properties.created = moment
    doc.core_properties.modified = moment
    doc.core_properties.last_printed = moment
    buffer = io.BytesIO()
    doc.save(buffer)
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(_vaste_zip(buffer.getvalue(), moment))
    return doel
