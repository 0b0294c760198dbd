"""De landelijke tabel lezen en valideren: per gemeente en jaar budget en kosten.

Kolommen: ``gemeente``, ``jaar``, ``budget``, ``kosten`` en optioneel
``fouten_onzekerheden``, met dezelfde namen, eenheden, celtypen en meldingen als
``buig.csv`` (:mod:`vangnet.data.cellen`, :func:`vangnet.data.lezen.lees_csv`): een
melding noemt het bestand, de rij zoals in de spreadsheet, de kolom en wat de gebruiker moet
aanpassen. Een lege cel voor budget of kosten mag (nog niet bekend); de toets over dat jaar
en over de jaren die het nodig hebben wordt dan niet berekend, maar gemeld.

Twee plekken om uit te breiden:

- :data:`LEZERS` kiest per bestandsextensie hoe de rijen als tekst worden gelezen: CSV, of het
  eerste werkblad van een Excel-werkmap (``.xlsx``), dat dezelfde
  :class:`~vangnet.data.lezen.Csvrij`'en geeft (rijnummer zoals in het werkblad, cellen als
  tekst). Alles daarna (celtypen, controles) is gelijk.
- :data:`CONTROLES` zijn de controles over de hele tabel, na de controle per cel. Elke
  controle krijgt de gevalideerde :class:`LandelijkeTabel` en geeft meldingen (bestand, rij,
  kolom, oplossing); de plausibiliteitsregels staan in :mod:`vangnet.landelijk.plausibiliteit`.
"""

from __future__ import annotations

import re
import sys
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pydantic import Field, ValidationError

from vangnet.data.cellen import Jaar, OptioneelBedrag, Tekst
from vangnet.data.lezen import Csvrij, lees_csv
from vangnet.data.meldingen_pydantic import fouten
from vangnet.data.schema import BuigRij, Rij
from vangnet.data.werkmap import andere_werkmap
from vangnet.meldingen import Gegevensfout, Melding

_BUIG = BuigRij.model_fields


class LandelijkeRij(Rij):
    """Eén rij van de landelijke tabel; de bedragen zoals in ``buig.csv``."""

    gemeente: Tekst = Field(description="Naam van de gemeente, zonder 'gemeente'.")
    jaar: Jaar = Field(description=_BUIG["jaar"].description)
    budget: OptioneelBedrag = Field(
        None, description=f"{_BUIG['budget'].description} Leeg als het nog niet bekend is.")
    kosten: OptioneelBedrag = Field(
        None, description=f"{_BUIG['kosten'].description} Leeg als ze nog niet bekend zijn.")
    fouten_onzekerheden: OptioneelBedrag = Field(
        None, description=_BUIG["fouten_onzekerheden"].description)


KOLOMMEN = tuple(LandelijkeRij.model_fields)
VERPLICHT = ("gemeente", "jaar", "budget", "kosten")
"""De kolommen die er moeten zijn (een cel mag leeg zijn, behalve gemeente en jaar)."""


@dataclass(frozen=True, slots=True)
class Tabelrij:
    """Een gevalideerde rij: exacte bedragen (``Decimal``), het rijnummer voor meldingen."""

    rij: int
    gemeente: str
    jaar: int
    budget: Decimal | None
    kosten: Decimal | None
    fouten_onzekerheden: Decimal | None


@dataclass(frozen=True)
class LandelijkeTabel:
    """De hele tabel, gevalideerd, in de volgorde van het bestand."""

    naam: str
    """Het bestand zoals de meldingen en de herkomst het noemen."""
    rijen: tuple[Tabelrij, ...]

    def per_gemeente(self) -> dict[str, dict[int, Tabelrij]]:
        """Per gemeente (in de volgorde waarin ze voor het eerst voorkomt) de rijen per jaar."""
        uit: dict[str, dict[int, Tabelrij]] = {}
        for r in self.rijen:
            uit.setdefault(r.gemeente, {})[r.jaar] = r
        return uit


Lezer = Callable[[Path, str], list[Csvrij]]
Controle = Callable[[LandelijkeTabel], Iterable[Melding]]


def _lees_csv(pad: Path, naam: str) -> list[Csvrij]:
    return lees_csv(pad, naam, KOLOMMEN, VERPLICHT)


def _andere_werkmap(pad: Path, naam: str) -> list[Csvrij]:
    raise Gegevensfout([Melding(
        naam, f"vangnet leest {andere_werkmap(pad) or 'dit soort werkmap'} niet.",
        oplossing="Sla het werkblad op als Excel-werkmap (.xlsx) of als CSV: in Excel via "
        "'Opslaan als' > 'CSV UTF-8 (door komma's gescheiden)', in LibreOffice als 'Tekst CSV' "
        f"met tekenset 'Unicode (UTF-8)'. Kolommen: {', '.join(KOLOMMEN)}.")])


def _werkmap(pad: Path, naam: str) -> list[Csvrij]:
    """Het eerste werkblad van een Excel-werkmap (.xlsx): elke cel omgezet zoals in een dossier
    (:func:`vangnet.data.werkmap.zet_om`: een getal als tekst, een datum waar een jaar hoort,
    een Excel-fout worden gemeld), daarna dezelfde controle als een CSV-bestand. Rijnummers
    zijn die van het werkblad; meldingen noemen werkblad, rij en kolom (letter en naam)."""
    import csv
    import tempfile

    from openpyxl import load_workbook

    from vangnet.data.werkbladen import getaltekst, soort
    from vangnet.data.werkmap import Werkbladmelding, kolomletter, zet_om

    if not pad.is_file():
        raise Gegevensfout([Melding(str(pad), "dit bestand bestaat niet.",
                                    oplossing="Controleer de naam en de map.")])
    try:
        werkmap = load_workbook(pad, data_only=True, read_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise Gegevensfout([Melding(naam, "dit is geen leesbare Excel-werkmap (.xlsx).",
                                    oplossing="Open het bestand in Excel of LibreOffice en sla "
                                    "het op als 'Excel-werkmap (.xlsx)'; een werkmap met een "
                                    "wachtwoord kan vangnet niet lezen.")]) from None
    blad = werkmap.worksheets[0]
    bladnaam = f"{naam}, werkblad {blad.title}"
    rijen = [list(r) for r in blad.iter_rows(values_only=True)]
    werkmap.close()
    if not rijen:
        raise Gegevensfout([Melding(bladnaam, "het werkblad is leeg.",
                                    oplossing=f"Zet in rij 1 de kolommen {', '.join(KOLOMMEN)}.")])
    koppen = ["" if k is None else str(k).strip() for k in rijen[0]]
    velden = LandelijkeRij.model_fields
    soorten = {i: soort(velden[k.lower()].annotation, velden[k.lower()].metadata, k.lower())
               for i, k in enumerate(koppen) if k.lower() in velden}
    meldingen: list[Melding] = []
    tekstrijen = [koppen]
    for r, rij in enumerate(rijen[1:], start=2):
        cellen = []
        for i, waarde in enumerate(rij):
            omgezet, fout = zet_om(waarde, soorten.get(i))
            if fout is not None:
                kop = koppen[i] if i < len(koppen) else ""
                meldingen.append(Werkbladmelding(
                    bladnaam, fout.tekst, rij=r,
                    kolom=f"kolom {kolomletter(i + 1)}" + (f" ({kop})" if kop else ""),
                    oplossing=fout.oplossing))
            cellen.append("" if omgezet is None else getaltekst(omgezet)
                          if isinstance(omgezet, Decimal) else str(omgezet))
        tekstrijen.append(cellen)
    if meldingen:
        raise Gegevensfout(meldingen)
    with tempfile.TemporaryDirectory(prefix="vangnet-landelijk-") as map_:
        tijdelijk = Path(map_) / "tabel.csv"
        with tijdelijk.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(tekstrijen)
        return lees_csv(tijdelijk, bladnaam, KOLOMMEN, VERPLICHT)


LEZERS: dict[str, Lezer] = {".xlsx": _werkmap, ".xlsm": _werkmap, ".xls": _andere_werkmap,
                            ".ods": _andere_werkmap, ".numbers": _andere_werkmap}
"""Lezers per extensie (kleine letters); elke andere extensie wordt als CSV gelezen."""

_TOTAALRIJ = re.compile(r"^\s*((sub)?totaal\b|nederland\s*$)", re.IGNORECASE)


def _valideer(ruw: Csvrij, naam: str, meldingen: list[Melding]) -> Tabelrij | None:
    gemeente = ruw.cellen.get("gemeente", "")
    if _TOTAALRIJ.match(gemeente):
        meldingen.append(Melding(naam, "deze rij lijkt een totaalrij.", rij=ruw.rij,
                                 kolom="gemeente",
                                 oplossing="Verwijder de rij: vangnet berekent totalen zelf."))
        return None
    try:
        m = LandelijkeRij.model_validate(ruw.cellen)
    except ValidationError as fout:
        for plaats, tekst in fouten(fout):
            meldingen.append(Melding(naam, tekst, rij=ruw.rij,
                                     kolom=str(plaats[0]) if plaats else None))
        return None
    goed = True
    if m.budget is not None and m.budget == 0:
        meldingen.append(Melding(naam, "het budget is 0.", rij=ruw.rij, kolom="budget",
                                 oplossing="Vul het toegekende budget in euro's in."))
        goed = False
    if m.kosten is not None and m.kosten == 0:
        meldingen.append(Melding(naam, "de kosten zijn 0.", rij=ruw.rij, kolom="kosten",
                                 oplossing="Vul de netto lasten in, of laat de cel leeg als ze "
                                 "nog niet bekend zijn."))
        goed = False
    if not goed:
        return None
    return Tabelrij(ruw.rij, sys.intern(m.gemeente), m.jaar, m.budget, m.kosten,
                    m.fouten_onzekerheden)


def dubbele_rijen(tabel: LandelijkeTabel) -> list[Melding]:
    """Elke combinatie van gemeente en jaar mag één keer voorkomen."""
    eerste: dict[tuple[str, int], list[int]] = {}
    for r in tabel.rijen:
        eerste.setdefault((r.gemeente, r.jaar), []).append(r.rij)
    return [
        Melding(tabel.naam, f"gemeente {gemeente}, jaar {jaar} komt dubbel voor (ook in rij "
                f"{', '.join(map(str, rijen[1:]))}).", rij=rijen[0], kolom="gemeente",
                oplossing="Houd één rij over; tel bedragen eventueel eerst op.")
        for (gemeente, jaar), rijen in eerste.items() if len(rijen) > 1
    ]


CONTROLES: tuple[Controle, ...] = (dubbele_rijen,)
"""Controles over de hele tabel, in deze volgorde; de plausibiliteitsregels komen erbij."""


def lees_tabel(pad: Path | str, controles: Sequence[Controle] = CONTROLES) -> LandelijkeTabel:
    """Lees en valideer de landelijke tabel; geeft alle problemen tegelijk.

    :raises Gegevensfout: met alle meldingen (bestand, rij, kolom, oplossing).
    """
    pad = Path(pad)
    naam = pad.name
    if pad.is_dir():
        raise Gegevensfout([Melding(str(pad), "dit is een map, geen tabel.",
                                    oplossing="Geef het CSV-bestand met de kolommen "
                                    f"{', '.join(KOLOMMEN)}.")])
    lezer = LEZERS.get(pad.suffix.lower(), _lees_csv)
    meldingen: list[Melding] = []
    rijen = [r for ruw in lezer(pad, naam) if (r := _valideer(ruw, naam, meldingen)) is not None]
    if meldingen:
        raise Gegevensfout(meldingen)
    tabel = LandelijkeTabel(naam, tuple(rijen))
    for controle in controles:
        meldingen += controle(tabel)
    if meldingen:
        raise Gegevensfout(meldingen)
    return tabel
