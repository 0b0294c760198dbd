"""Het dossier op papier: drie PDF's en de raadsinformatiebrief in Word.

Alle vier komen uit dezelfde gebouwde pagina's als de site (zelfde tekst, zelfde cijfers):

- het dossier met de bijlagen A en B (:mod:`.dossier`);
- de raadsinformatiebrief, opgemaakt als brief (:mod:`.brief`), en dezelfde brief als
  ``.docx`` voor het raadsinformatiesysteem van de griffie (:mod:`.word`);
- de onderdelen A–D van het aanvraagformulier (:mod:`.formulier`).

:mod:`.druk` bevat wat de drie PDF's delen (pagina's uit de site overnemen, grafieken op
drukbreedte, de opmaak, WeasyPrint en de cache), :mod:`.toegankelijk` de nabewerking voor
PDF/UA die WeasyPrint zelf niet kan uitdrukken.

Deze module laadt zelf niets zwaars: de startpagina noemt de bestandsnamen via
:func:`bestanden` zonder dat WeasyPrint of BeautifulSoup worden geladen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vangnet.data.dataset import Dataset

MAP = "pdf"
"""De map in de gebouwde site waarin de bestanden staan."""


@dataclass(frozen=True)
class Bestand:
    """Een bestand om te downloaden of af te drukken."""

    soort: str  # "dossier", "brief", "brief-word" of "formulier"
    naam: str  # bestandsnaam in de map pdf/ van de site
    omschrijving: str  # zoals de startpagina het noemt
    formaat: str  # "PDF" of "Word"


def bestanden(gemeente: str, jaar: int) -> tuple[Bestand, ...]:
    """De bestanden die elke bouw maakt, in de volgorde van de startpagina."""
    from vangnet.cijfers.analyse import sleutel  # pas hier: vangnet.cijfers laadt pandas

    basis = f"vangnet-{sleutel(gemeente)}-{jaar}"
    return (
        Bestand("dossier", f"{basis}.pdf", "Het dossier met de bijlagen", "PDF"),
        Bestand("brief", f"{basis}-raadsinformatiebrief.pdf", "De raadsinformatiebrief", "PDF"),
        Bestand("brief-word", f"{basis}-raadsinformatiebrief.docx", "De raadsinformatiebrief",
                "Word"),
        Bestand("formulier", f"{basis}-aanvraagformulier.pdf",
                "Het aanvraagformulier, onderdelen A tot en met D", "PDF"),
    )


def bestand(dataset: Dataset, soort: str) -> Bestand:
    return next(b for b in bestanden(dataset.dossier.gemeente.naam, dataset.aanvraagjaar)
                if b.soort == soort)


def pdf_naam(dataset: Dataset) -> str:
    """De naam van de PDF van het dossier (``vangnet-zevenaar-2025.pdf``)."""
    return bestand(dataset, "dossier").naam


def maak_pdf(site: Path, data: Path, doel: Path | None = None,
             cache: Path | None = None) -> Path:
    """Alleen de PDF van het dossier (zie :func:`maak_alles` voor alle bestanden)."""
    from vangnet.site.pdf.dossier import maak_dossier

    return maak_dossier(site, data, doel, cache)


def brief_en_formulier(site: Path, data: Path, cache: Path | None,
                       gegevens: str | None = None) -> dict[str, Path]:
    """De brief (PDF en Word) en het aanvraagformulier: soort → pad. Met ``gegevens`` een
    fout als de gegevens niet meer die van de site zijn (zie :func:`.druk.laad`)."""
    from vangnet.site.pdf.brief import maak_brief, maak_brief_word
    from vangnet.site.pdf.formulier import maak_formulier

    return {
        "brief": maak_brief(site, data, cache=cache, gegevens=gegevens),
        "brief-word": maak_brief_word(site, data, gegevens=gegevens),
        "formulier": maak_formulier(site, data, cache=cache, gegevens=gegevens),
    }


def processors() -> int:
    """Het aantal processors dat dit proces mag gebruiken."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # niet op elk besturingssysteem
        return os.cpu_count() or 1


def maak_alles(site: Path, data: Path, cache: Path | None = None, *,
               parallel: bool | None = None, gegevens: str | None = None) -> dict[str, Path]:
    """Alle bestanden in ``site/pdf/``: soort → pad (dossier, brief, brief-word, formulier).

    Met twee of meer processors (of ``parallel=True``) maakt een tweede proces
    (:mod:`vangnet.site.pdf.tweede`) de brief, het Word-bestand en het formulier, terwijl dit
    proces de PDF van het dossier maakt, die verreweg het langst duurt. De bestanden zijn byte
    voor byte dezelfde als na elkaar gemaakt. Een fout in het tweede proces (ook een
    :class:`~vangnet.meldingen.Gegevensfout`) komt hier heel terug. ``gegevens`` is de
    vingerafdruk van de gegevens waaruit de site is gebouwd; andere gegevens geven een fout
    (zie :func:`.druk.laad`).
    """
    from vangnet.site.pdf.dossier import maak_dossier

    if parallel is None:
        parallel = processors() >= 2
    if not parallel:
        return {"dossier": maak_dossier(site, data, cache=cache, gegevens=gegevens),
                **brief_en_formulier(site, data, cache, gegevens)}
    from vangnet.site.pdf.tweede import start

    wacht = start(site, data, cache, gegevens)
    try:
        dossier = maak_dossier(site, data, cache=cache, gegevens=gegevens)
    except BaseException:
        wacht(afbreken=True)
        raise
    return {"dossier": dossier, **wacht()}


_MIME = {"PDF": "application/pdf",
         "Word": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def documentlinks(dataset: Dataset, map_url: str, soorten: tuple[str, ...]) -> str:
    """Links naar enkele bestanden, in een zin: "als PDF of als Word" (HTML, zie
    :func:`documentenlijst`)."""
    links = [_link(b, map_url, f"als {b.formaat}")
             for b in bestanden(dataset.dossier.gemeente.naam, dataset.aanvraagjaar)
             if b.soort in soorten]
    return " of ".join(links)


def _link(b: Bestand, map_url: str, tekst: str) -> str:
    """Een HTML-link naar een bestand in ``pdf/``, met zijn MIME-type."""
    from markupsafe import escape

    return (f'<a href="{escape(map_url + b.naam)}" type="{_MIME[b.formaat]}">'
            f"{escape(tekst)}</a>")


def documentenlijst(dataset: Dataset, map_url: str) -> str:
    """De bestanden als Markdown-kop met een HTML-lijst van links, voor de startpagina.

    ``map_url`` is de relatieve URL van de pagina naar de map ``pdf/``. De links zijn HTML, niet
    Markdown: MkDocs zou een Markdown-link naar een bestand buiten ``docs/`` als kapotte link
    melden, terwijl de bouw het bestand pas na de site maakt.
    """
    regels = [f"<li>{_link(b, map_url, f'{b.omschrijving} ({b.formaat})')}</li>"
              for b in bestanden(dataset.dossier.gemeente.naam, dataset.aanvraagjaar)]
    return ("## Afdrukken en downloaden\n\n"
            "Het dossier, de raadsinformatiebrief en het aanvraagformulier staan ook als "
            "bestand klaar, met dezelfde tekst en cijfers als deze site. De brief staat er ook "
            "als Word-bestand, voor het raadsinformatiesysteem van de griffie.\n\n"
            f'<ul class="documenten">{"".join(regels)}</ul>\n')
