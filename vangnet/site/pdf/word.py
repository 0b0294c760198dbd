"""De raadsinformatiebrief als Word-bestand (``.docx``), met python-docx.

Een griffie zet raadsbrieven als Word of PDF in het raadsinformatiesysteem. Dit bestand heeft
hetzelfde briefhoofd (:class:`~vangnet.site.pdf.brief.Briefvelden`), dezelfde samenvatting en
dezelfde tekst als de PDF: de tekst wordt uit het HTML-artikel van de pagina overgenomen, kop
voor kop en alinea voor alinea, met vet en cursief. Links worden gewone tekst (python-docx kan
geen hyperlinks maken zonder eigen OOXML); de brief zegt zelf waar de onderbouwing staat.
Opmaak in Word-stijlen (Kop 1, Kop 2, Lijstopsommingsteken, Citaat), zodat de griffie het in
een eigen sjabloon kan overnemen. Papier A4 met de marges van de PDF, taal Nederlands in de
standaardopmaak (anders controleert Word de spelling als Engels) en "Pagina x van y" in de
voettekst (velden PAGE en NUMPAGES, die Word bij het openen invult).

Reproduceerbaar: de documenteigenschappen krijgen de rapportdatum, en de zip wordt opnieuw
geschreven met vaste tijdstempels (python-docx neemt de huidige tijd).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bs4 import Comment, NavigableString, Tag
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from vangnet.site.pdf.druk import MARGES_MM

if TYPE_CHECKING:
    from docx.document import Document as Docx
    from docx.text.paragraph import Paragraph

    from vangnet.site.pdf.brief import Briefvelden

LETTER = "DejaVu Sans"
TAAL = "nl-NL"


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
    elif naam == "blockquote":
        for kind in element.find_all(recursive=False):
            _runs(doc.add_paragraph(style="Quote"), kind)
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


def _kind(ouder: Any, naam: str, vooraan: bool = False) -> Any:
    """Het eerste kind ``naam`` van een OOXML-element; aangemaakt als het er nog niet is."""
    kind = ouder.find(qn(naam))
    if kind is None:
        kind = OxmlElement(naam)
        if vooraan:
            ouder.insert(0, kind)
        else:
            ouder.append(kind)
    return kind


def _taal(doc: Docx) -> None:
    """Nederlands als taal van de standaardopmaak en van de stijl Normal."""
    standaard = _kind(_kind(_kind(doc.styles.element, "w:docDefaults", vooraan=True),
                            "w:rPrDefault", vooraan=True), "w:rPr")
    for rpr in (standaard, doc.styles["Normal"].element.get_or_add_rPr()):
        taal = _kind(rpr, "w:lang")
        for attribuut in ("w:val", "w:eastAsia", "w:bidi"):
            taal.set(qn(attribuut), TAAL)


def _veld(alinea: Paragraph, instructie: str, voorlopig: str) -> None:
    """Een Word-veld (PAGE, NUMPAGES) dat Word bij het openen en afdrukken bijwerkt."""
    veld = OxmlElement("w:fldSimple")
    veld.set(qn("w:instr"), f" {instructie} ")
    run = OxmlElement("w:r")
    opmaak = OxmlElement("w:rPr")
    grootte = OxmlElement("w:sz")
    grootte.set(qn("w:val"), "16")  # 8 pt, zoals de rest van de voettekst
    opmaak.append(grootte)
    run.append(opmaak)
    tekst = OxmlElement("w:t")
    tekst.text = voorlopig
    run.append(tekst)
    veld.append(run)
    alinea._p.append(veld)


def _pagina(doc: Docx, kopregel: str) -> None:
    """A4 met de marges van de PDF, de kopregel boven en 'Pagina x van y' onder."""
    sectie = doc.sections[0]
    sectie.page_width, sectie.page_height = Mm(210), Mm(297)
    boven, rechts, onder, links = MARGES_MM
    sectie.top_margin, sectie.right_margin = Mm(boven), Mm(rechts)
    sectie.bottom_margin, sectie.left_margin = Mm(onder), Mm(links)
    sectie.header.paragraphs[0].text = kopregel
    voet = sectie.footer.paragraphs[0]
    voet.alignment = WD_ALIGN_PARAGRAPH.CENTER
    voet.add_run("Pagina ")
    _veld(voet, "PAGE", "1")
    voet.add_run(" van ")
    _veld(voet, "NUMPAGES", "1")
    for alinea in (sectie.header.paragraphs[0], voet):
        for run in alinea.runs:
            run.font.size = Pt(8)


def maak_document(velden: Briefvelden, kort: Tag | None, artikel: Tag, kopregel: str) -> Docx:
    doc = Document()
    _taal(doc)
    normaal = doc.styles["Normal"]
    normaal.font.name = LETTER
    normaal.font.size = Pt(10.5)
    _pagina(doc, f"{kopregel} · Concept" if velden.concept else kopregel)

    afzender = doc.add_paragraph()
    run = afzender.add_run(velden.afzender)
    run.bold, run.font.size = True, Pt(16)
    run.font.color.rgb = RGBColor(0x1D, 0x3D, 0x7A)
    doc.add_heading(velden.titel, level=1)
    tabel = doc.add_table(rows=0, cols=2)
    for veld in velden.hoofd:
        cellen = tabel.add_row().cells
        cellen[0].paragraphs[0].add_run(veld.label).bold = True
        cellen[1].paragraphs[0].add_run(veld.waarde).italic = veld.in_te_vullen or None
    if velden.bijlagen:
        cellen = tabel.add_row().cells
        cellen[0].paragraphs[0].add_run("Bijlagen").bold = True
        for i, titel in enumerate(velden.bijlagen, 1):
            alinea = cellen[1].paragraphs[0] if i == 1 else cellen[1].add_paragraph()
            alinea.add_run(f"{i}. {titel}")
    if velden.concept:
        concept = doc.add_paragraph().add_run(velden.concept)
        concept.bold = True
        concept.font.color.rgb = RGBColor(0x8A, 0x00, 0x00)
    if kort is not None:
        for element in kort.find_all(recursive=False):
            _blok(doc, element)
    doc.add_paragraph(velden.aanhef)
    for element in artikel.find_all(recursive=False):
        _blok(doc, element)

    eigenschappen = doc.core_properties
    eigenschappen.title = f"{velden.titel}: {velden.onderwerp}"
    eigenschappen.subject = velden.onderwerp
    eigenschappen.author = velden.afzender
    eigenschappen.last_modified_by = velden.afzender
    eigenschappen.language = TAAL
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


def schrijf_docx(velden: Briefvelden, kort: Tag | None, artikel: Tag, doel: Path,
                 datum: dt.date, kopregel: str) -> Path:
    doc = maak_document(velden, kort, artikel, kopregel)
    moment = dt.datetime(datum.year, datum.month, datum.day)
    doc.core_properties.created = moment
    doc.core_properties.modified = moment
    doc.core_properties.last_printed = moment
    buffer = io.BytesIO()
    doc.save(buffer)
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(_vaste_zip(buffer.getvalue(), moment))
    return doel
