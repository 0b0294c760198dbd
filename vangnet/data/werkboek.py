"""``vangnet werkboek``: de gegevens van een dossier als één Excel-werkmap.

Wie de cijfers bijhoudt, doet dat meestal in Excel. De werkmap volgt het gegevensformaat (zie
:mod:`vangnet.data.werkbladen`): een werkblad per bestand, een kopregel die vaststaat, bij elke
kolomkop een opmerking met de betekenis, een keuzelijst in elke keuzekolom, bedragen met de
opmaak van euro's en percentages met een letterlijk %-teken (het getal blijft het percentage:
0,0994 is 0,0994%). Het eerste werkblad, "Uitleg", zegt hoe het werkt.

Getallen gaan als getal de werkmap in, exact: een getal dat Excel niet exact kan bewaren (meer
dan 15 significante cijfers) geeft een melding in plaats van een stille afronding. Een cel die
in het CSV-bestand geen geldig getal is, komt als tekst in de werkmap; ``vangnet check`` noemt
haar dan. De eigen teksten (``teksten/*.md``) blijven bestanden in de dossiermap.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from vangnet.data.cellen import MARKERING, lees_getal
from vangnet.data.lezen import lees_csv, lees_yaml
from vangnet.data.werkbladen import (
    KOLOMMEN_SLEUTELBLAD,
    UITLEG,
    Kolom,
    Lijstblad,
    Sleutelblad,
    Soort,
    Tabelblad,
    excelgetal,
    getaltekst,
    indeling,
)
from vangnet.meldingen import Gegevensfout, Melding

OPMAAK_DATUM = "DD-MM-YYYY"
OPMAAK_TEKST = "@"


def getalopmaak(soort: Soort) -> str:
    """De getalnotatie van een kolom: euro's, een letterlijk %-teken, jaartallen zonder punt."""
    if soort.naam in ("tekst", "keuze", "woordenboek"):
        return OPMAAK_TEKST
    if soort.naam == "datum":
        return OPMAAK_DATUM
    if soort.eenheid == "euro":
        return '"€" #,##0.00'
    if soort.eenheid == "procent":
        return '0.0000"%"'
    if soort.eenheid == "jaar":
        return "0"
    if soort.eenheid == "aantal":
        return "#,##0" if soort.naam == "geheel" else "#,##0.00"
    if soort.eenheid == "deel":
        return "0.00##"
    return "General"


@dataclass
class _Inhoud:
    """Wat er uit een dossiermap in de werkmap komt."""

    tabellen: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    yaml: dict[str, dict[str, Any]] = field(default_factory=dict)


def _lees_map(map_: Path) -> _Inhoud:
    """De cellen van elk bestand in de dossiermap (tekst zoals in het CSV-bestand)."""
    inhoud = _Inhoud()
    meldingen: list[Melding] = []
    if not map_.is_dir():
        raise Gegevensfout([Melding(str(map_), "de dossiermap bestaat niet.",
                                    oplossing="Geef met --data de map van het dossier.")])
    for blad in indeling().tabelbladen:
        pad = map_ / blad.bestand
        if not pad.exists():
            continue
        schema = blad.schema
        try:
            rijen = lees_csv(pad, blad.bestand, schema.kolommen, schema.verplichte_kolommen,
                             mag_leeg=True)
        except Gegevensfout as fout:
            meldingen += fout.meldingen
            continue
        inhoud.tabellen[blad.naam] = [r.cellen for r in rijen]
    for blad in indeling().sleutelbladen:
        pad = map_ / blad.bestand
        if not pad.exists():
            continue
        try:
            gegevens, _ = lees_yaml(pad, blad.bestand)
        except Gegevensfout as fout:
            meldingen += fout.meldingen
            continue
        if gegevens is None:
            gegevens = {}
        if not isinstance(gegevens, dict):
            meldingen.append(Melding(blad.bestand, "het bestand moet sleutels met waarden "
                                     "bevatten.", rij=1))
            continue
        inhoud.yaml[blad.bestand] = gegevens
    if meldingen:
        raise Gegevensfout(meldingen)
    return inhoud


def _haal(gegevens: Any, pad: tuple[str, ...]) -> Any:
    for deel in pad:
        if not isinstance(gegevens, dict) or deel not in gegevens:
            return None
        gegevens = gegevens[deel]
    return gegevens


def _overige_sleutels(gegevens: dict[str, Any], blad: Sleutelblad
                      ) -> list[tuple[tuple[str, ...], Any]]:
    """Sleutels in het bestand die het schema niet kent (een tikfout): ze gaan mee in de
    werkmap, zodat de controle ze noemt en niets stil verdwijnt."""
    bekend = {p for p, _ in blad.sleutels} | {p for p, _ in blad.woordenboeken} \
        | {lijst.pad for lijst in blad.lijsten}
    uit = []

    def loop(knoop: Any, pad: tuple[str, ...]) -> None:
        if pad in bekend:
            return
        if isinstance(knoop, dict) and (not pad or any(b[:len(pad)] == pad for b in bekend)):
            for sleutel, waarde in knoop.items():
                loop(waarde, (*pad, str(sleutel)))
        else:
            uit.append((pad, knoop))

    loop(gegevens, ())
    return uit


# -- de werkmap opbouwen --------------------------------------------------------------------------


class _Schrijver:
    """Bouwt de werkmap met openpyxl (geen eigen spreadsheet-XML)."""

    KOPKLEUR = "DDEBF7"
    INVULKLEUR = "FFF2CC"

    def __init__(self) -> None:
        from openpyxl import Workbook

        self.werkmap = Workbook()
        self.meldingen: list[Melding] = []

    # cellen

    def _tekst(self, cel: Any, tekst: str) -> None:
        cel.value = tekst
        if tekst.startswith("="):
            cel.data_type = "s"  # tekst, geen formule

    def zet(self, cel: Any, waarde: Any, soort: Soort, bestand: str, rij: int | None,
            kolom: str) -> None:
        """Zet ``waarde`` (tekst uit een CSV-cel, of een waarde uit YAML) in de cel, als getal,
        datum of tekst naar de soort van de kolom."""
        cel.number_format = getalopmaak(soort)
        if waarde is None or waarde == "":
            return
        if isinstance(waarde, str) and waarde.strip() == MARKERING:
            self._tekst(cel, waarde)
            return
        if soort.numeriek and not isinstance(waarde, bool):
            getal = waarde if isinstance(waarde, int | Decimal) else _als_getal(waarde)
            if getal is None:  # geen geldig getal: als tekst, zodat de controle het noemt
                self._tekst(cel, str(waarde))
                return
            excel = excelgetal(getal)
            if excel is None:
                self.meldingen.append(Melding(
                    bestand, f"het getal {waarde} heeft meer dan 15 significante cijfers; Excel "
                    "kan het niet exact bewaren.", rij=rij, kolom=kolom,
                    oplossing="Rond het getal af in het bestand (Excel rekent met 15 cijfers), "
                    "of werk dit bestand zonder Excel bij."))
                return
            cel.value = excel
            return
        if soort.naam == "datum" and isinstance(waarde, dt.date):
            cel.value = waarde
            return
        if soort.naam == "datum" and isinstance(waarde, str) \
                and re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde.strip()):
            # een datum uit een CSV-bestand (besluitdatum) als datum, zoals wat de gebruiker typt
            try:
                cel.value = dt.date.fromisoformat(waarde.strip())
                return
            except ValueError:
                pass  # geen bestaande datum: als tekst, zodat de controle het noemt
        if isinstance(waarde, dict):
            tekst = yaml.safe_dump(waarde, default_flow_style=True, allow_unicode=True,
                                   sort_keys=False, width=10_000).strip()
            self._tekst(cel, tekst)
            return
        if isinstance(waarde, Decimal):
            waarde = getaltekst(waarde)
        self._tekst(cel, str(waarde))

    # werkbladen

    def _kop(self, blad: Any, kolommen: list[tuple[str, str]]) -> None:
        """Kopregel (vet, gekleurd, vastgezet) met bij elke kop een opmerking."""
        from openpyxl.comments import Comment
        from openpyxl.styles import Alignment, Font, PatternFill

        vulling = PatternFill("solid", start_color=self.KOPKLEUR, end_color=self.KOPKLEUR)
        for i, (naam, opmerking) in enumerate(kolommen, start=1):
            cel = blad.cell(row=1, column=i, value=naam)
            cel.font = Font(bold=True)
            cel.fill = vulling
            cel.alignment = Alignment(vertical="top")
            if opmerking:
                regels = max(2, len(opmerking) // 38 + 2)
                cel.comment = Comment(opmerking, "vangnet", height=min(400, 18 * regels),
                                      width=300)
        blad.freeze_panes = "A2"

    def _kolomopmaak(self, blad: Any, letter: str, soort: Soort, breedte: float) -> None:
        """Breedte en getalnotatie van de hele kolom (ook voor rijen die er later bijkomen),
        en een keuzelijst in een keuzekolom."""
        dimensie = blad.column_dimensions[letter]
        dimensie.width = breedte
        dimensie.number_format = getalopmaak(soort)
        if soort.naam == "keuze":
            self._keuzelijst(blad, f"{letter}2:{letter}1048576", soort)

    def _keuzelijst(self, blad: Any, bereik: str, soort: Soort) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        opties = ",".join(soort.opties)
        lijst = DataValidation(
            type="list", formula1=f'"{opties}"', allow_blank=True, showErrorMessage=True,
            errorStyle="warning", errorTitle="Geen waarde uit de lijst",
            error=f"Kies een van: {', '.join(soort.opties)}.", showInputMessage=False)
        blad.add_data_validation(lijst)
        lijst.add(bereik)

    def _invulkleur(self, blad: Any, bereik: str) -> None:
        """Cellen met IN TE VULLEN geel, zodat ze opvallen."""
        from openpyxl.formatting.rule import CellIsRule
        from openpyxl.styles import PatternFill

        blad.conditional_formatting.add(bereik, CellIsRule(
            operator="equal", formula=[f'"{MARKERING}"'],
            fill=PatternFill(bgColor=self.INVULKLEUR, fill_type="solid")))

    @staticmethod
    def _breedte(kop: str, waarden: list[Any], soort: Soort) -> float:
        lengtes = [len(kop) + 3]
        for w in waarden:
            if w is None:
                continue
            lengtes.append(len(str(w)) + (6 if soort.numeriek else 1))
        return float(min(60, max(10, *lengtes)))

    def tabel(self, blad_: Tabelblad, rijen: list[dict[str, str]]) -> None:
        from openpyxl.utils import get_column_letter

        blad = self.werkmap.create_sheet(blad_.naam)
        self._kop(blad, [(k.naam, k.opmerking()) for k in blad_.kolommen])
        for i, kolom in enumerate(blad_.kolommen, start=1):
            for r, rij in enumerate(rijen, start=2):
                self.zet(blad.cell(row=r, column=i), rij.get(kolom.naam, ""), kolom.soort,
                         blad_.bestand, r, kolom.naam)
            letter = get_column_letter(i)
            self._kolomopmaak(blad, letter, kolom.soort, self._breedte(
                kolom.naam, [r.get(kolom.naam) for r in rijen], kolom.soort))
        laatste = get_column_letter(len(blad_.kolommen))
        self._invulkleur(blad, f"A2:{laatste}1048576")

    def lijst(self, blad_: Lijstblad, items: list[Any]) -> None:
        from openpyxl.utils import get_column_letter

        blad = self.werkmap.create_sheet(blad_.naam)
        self._kop(blad, [(k.naam, k.opmerking()) for k in blad_.kolommen])
        for i, kolom in enumerate(blad_.kolommen, start=1):
            waarden = []
            for r, item in enumerate(items, start=2):
                waarde = item if blad_.enkelvoudig else \
                    (item.get(kolom.naam) if isinstance(item, dict) else None)
                waarden.append(waarde)
                self.zet(blad.cell(row=r, column=i), waarde, kolom.soort, blad_.bestand, None,
                         ".".join(blad_.pad))
            self._kolomopmaak(blad, get_column_letter(i), kolom.soort,
                              self._breedte(kolom.naam, waarden, kolom.soort))
        self._invulkleur(blad, f"A2:{get_column_letter(len(blad_.kolommen))}1048576")

    def sleutels(self, blad_: Sleutelblad, gegevens: dict[str, Any]) -> None:
        from openpyxl.styles import Alignment

        blad = self.werkmap.create_sheet(blad_.naam)
        self._kop(blad, list(zip(KOLOMMEN_SLEUTELBLAD, (
            "De naam van het veld; laat deze kolom staan zoals ze is.",
            "De waarde van het veld. Een lege cel is leeg.",
            "Uitleg bij het veld; vangnet leest deze kolom niet."), strict=True)))
        rijen: list[tuple[tuple[str, ...], Any, Kolom]] = []
        for pad, kolom in blad_.sleutels:
            rijen.append((pad, _haal(gegevens, pad), kolom))
        for pad, kolom in blad_.woordenboeken:
            woorden = _haal(gegevens, pad)
            if isinstance(woorden, dict):
                rijen += [((*pad, str(k)), w, kolom) for k, w in woorden.items()]
        rijen += [(pad, w, Kolom(".".join(pad), Soort("tekst"), False,
                                 "Onbekend veld: controleer de spelling."))
                  for pad, w in _overige_sleutels(gegevens, blad_)]
        for r, (pad, waarde, kolom) in enumerate(rijen, start=2):
            blad.cell(row=r, column=1, value=".".join(pad)).number_format = OPMAAK_TEKST
            self.zet(blad.cell(row=r, column=2), waarde, kolom.soort, blad_.bestand, None,
                     ".".join(pad))
            uitleg = kolom.opmerking()
            cel = blad.cell(row=r, column=3, value=uitleg)
            cel.alignment = Alignment(wrap_text=True, vertical="top")
            blad.row_dimensions[r].height = 15 * (len(uitleg) // 80 + 1)
            blad.cell(row=r, column=1).alignment = Alignment(vertical="top")
            blad.cell(row=r, column=2).alignment = Alignment(vertical="top", horizontal="left")
            if kolom.soort.naam == "keuze":
                self._keuzelijst(blad, f"B{r}", kolom.soort)
        blad.column_dimensions["A"].width = max(
            12, *(len(".".join(p)) + 2 for p, _, _ in rijen)) if rijen else 12
        blad.column_dimensions["B"].width = 45
        blad.column_dimensions["C"].width = 80
        self._invulkleur(blad, "B2:B1048576")

    def uitleg(self, titel: str, herkomst: str, bladen: list[tuple[str, str, str, str]]) -> None:
        from openpyxl.styles import Alignment, Font

        blad = self.werkmap.active
        blad.title = UITLEG
        blad.column_dimensions["A"].width = 30
        blad.column_dimensions["B"].width = 42
        blad.column_dimensions["C"].width = 11
        blad.column_dimensions["D"].width = 80
        regels: list[tuple[str, str]] = [("titel", titel), ("", herkomst), ("", "")]
        regels += [("kop", "Zo werkt u met deze werkmap")] + [("", t) for t in _STAPPEN]
        regels += [("", ""), ("kop", "Invullen")] + [("", t) for t in _INVULLEN]
        regels += [("", ""), ("kop", "Werkbladen")]
        r = 1
        for soort, tekst in regels:
            cel = blad.cell(row=r, column=1, value=tekst or None)
            if soort == "titel":
                cel.font = Font(bold=True, size=14)
            elif soort == "kop":
                cel.font = Font(bold=True, size=12)
            elif tekst:
                blad.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
                cel.alignment = Alignment(wrap_text=True, vertical="top")
                blad.row_dimensions[r].height = 15 * max(1, len(tekst) // 135 + 1)
            r += 1
        for i, kop in enumerate(("Werkblad", "Bestand", "Verplicht", "Wat erin staat"), start=1):
            blad.cell(row=r, column=i, value=kop).font = Font(bold=True)
        for naam, bestand, verplicht, wat in bladen:
            r += 1
            for i, waarde in enumerate((naam, bestand, verplicht, wat), start=1):
                cel = blad.cell(row=r, column=i, value=waarde)
                cel.alignment = Alignment(wrap_text=True, vertical="top")
            blad.row_dimensions[r].height = 15 * max(1, len(wat) // 85 + 1)

    def afdrukken(self) -> None:
        """Elk werkblad liggend en op de breedte van één pagina, met de kopregel op elke
        pagina."""
        for blad in self.werkmap.worksheets:
            blad.page_setup.orientation = "landscape"
            blad.page_setup.paperSize = blad.PAPERSIZE_A4
            blad.sheet_properties.pageSetUpPr.fitToPage = True
            blad.page_setup.fitToWidth = 1
            blad.page_setup.fitToHeight = 0
            if blad.title != UITLEG:
                blad.print_title_rows = "1:1"

    def bewaar(self, uit: Path) -> None:
        """Schrijf de werkmap; een bestaande werkmap wordt pas vervangen als alles is gelukt."""
        self.afdrukken()
        uit.parent.mkdir(parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{uit.name}.", suffix=".xlsx", dir=uit.parent)
        os.close(fd)
        try:
            self.werkmap.save(tijdelijk)
            masker = os.umask(0)
            os.umask(masker)
            os.chmod(tijdelijk, 0o666 & ~masker)
            os.replace(tijdelijk, uit)
        except BaseException:
            Path(tijdelijk).unlink(missing_ok=True)
            raise


def _als_getal(tekst: str) -> Decimal | None:
    """Celtekst als getal zoals de controle het leest, of ``None`` als het geen geldig getal is."""
    try:
        return lees_getal(tekst)
    except ValueError:
        return None


_STAPPEN = (
    "1. Vul de gegevens in op de werkbladen. Laat de namen van de werkbladen en de kopregel "
    "(rij 1) staan: die zijn de namen van de bestanden en kolommen van het dossier. Bij elke "
    "kolomkop staat een opmerking met de betekenis en wat er in de cel hoort.",
    "2. Controleer de werkmap met: vangnet check --data WERKMAP.xlsx. Elke melding noemt het "
    "werkblad, de rij en de kolom (letter en naam), zoals: werkblad buig, rij 5, kolom H "
    "(kosten).",
    "3. Zet de gegevens terug in de dossiermap met: vangnet importeer WERKMAP.xlsx --data MAP. "
    "Dat toont eerst elke gewijzigde cel (bestand, rij, kolom, oud → nieuw) en schrijft dan de "
    "CSV- en YAML-bestanden. Die bestanden zijn de bron voor het dossier: leg ze vast in git.",
    "Ook vangnet bereken, vangnet aanvraag en vangnet bouw werken rechtstreeks met de werkmap "
    "(--data WERKMAP.xlsx). De eigen teksten (teksten/*.md) staan niet in de werkmap: ze blijven "
    "bestanden in de dossiermap, en vangnet bouw gebruikt de map teksten/ naast de werkmap.",
)

_INVULLEN = (
    "Getallen als getal, niet als tekst: typ 2500000 of 12,5 en geen € of punten tussen de "
    "duizendtallen. Een getal dat als tekst in de cel staat (links uitgelijnd, vaak met een "
    "groen driehoekje), geeft een melding.",
    "Bedragen zijn euro's; de opmaak toont ze met € en twee decimalen. vangnet rekent met het "
    "getal in de cel, exact, en rondt pas af in het dossier.",
    "Percentages (de kolommen die op _pct eindigen) zijn het getal van het percentage: 0,0994 "
    "betekent 0,0994%. Het %-teken is alleen opmaak. Gebruik niet de Excel-opmaak 'Percentage': "
    "die toont 0,0994 als 9,94%.",
    "Keuzekolommen hebben een keuzelijst; kies een waarde uit de lijst.",
    "Jaartallen als getal (2025), niet als datum. Datums als datum: in dossier de rapportdatum, "
    "de besluiten en de datums van de brief, in dossier.bronnen de datum van een bron, in "
    "maatregelen de besluitdatum.",
    f"Een lege cel is leeg. '{MARKERING}' (geel) betekent nog onbekend: het dossier is dan een "
    "concept en vangnet check noemt de cel.",
    "Een rij toevoegen of verwijderen mag; lege rijen tellen niet mee. Extra kolommen of "
    "werkbladen met een andere naam geven een melding of worden overgeslagen.",
    "Op de werkbladen dossier en doorrekening staat per rij één veld: de sleutel in kolom A, de "
    "waarde in kolom B, uitleg in kolom C. Een lijst (bronnen, deelnemende gemeenten, eerdere "
    "aanvragen, bevestigingen) staat op een eigen werkblad, één item per rij. De paragrafen van "
    "een bron staan in één cel, als sleutels met waarden tussen accolades: {4.7: oorzaken.lks, "
    "6.3: doorrekening.uitstroom}.",
    "Een optioneel werkblad zonder gegevens betekent: geen gegevens (zonder lks_landelijk "
    "gebruikt vangnet de meegeleverde landelijke reeks). Formules mogen; vangnet leest de "
    "berekende waarde.",
)


def _beschrijving(blad: Sleutelblad | Lijstblad | Tabelblad) -> tuple[str, str, str, str]:
    if isinstance(blad, Tabelblad):
        return (blad.naam, blad.bestand, "ja" if blad.schema.verplicht else "nee",
                blad.schema.omschrijving)
    if isinstance(blad, Lijstblad):
        return (blad.naam, f"{blad.bestand}: {'.'.join(blad.pad)}", "nee", blad.omschrijving)
    return (blad.naam, blad.bestand, "ja" if blad.verplicht else "nee", blad.omschrijving)


@dataclass(frozen=True)
class Werkboekverslag:
    pad: Path
    werkbladen: int
    rijen: int


def schrijf_leeg_werkboek(uit: Path, gemeente: str | None = None, jaar: int | None = None
                          ) -> Werkboekverslag:
    """Een werkmap zonder gegevens. Met ``gemeente`` en ``jaar`` precies het begin dat
    ``vangnet nieuw-dossier`` schrijft (met ``IN TE VULLEN``), als werkmap."""
    if gemeente is None or jaar is None:
        return schrijf_werkboek(uit)
    from vangnet.data.nieuwdossier import nieuw_dossier

    with tempfile.TemporaryDirectory(prefix="vangnet-werkboek-") as tijdelijk:
        map_ = Path(tijdelijk) / "dossier"
        nieuw_dossier(map_, gemeente, jaar)
        return schrijf_werkboek(uit, map_, herkomst="Gemaakt met 'vangnet werkboek --leeg': "
                                "hetzelfde begin als 'vangnet nieuw-dossier', met 'IN TE VULLEN' "
                                "waar de gemeente iets moet invullen.")


def schrijf_werkboek(uit: Path, map_: Path | None = None, herkomst: str | None = None
                     ) -> Werkboekverslag:
    """Schrijf de gegevens van dossiermap ``map_`` als werkmap ``uit``; zonder ``map_`` een
    werkmap met alle werkbladen, kolommen en sleutels maar zonder waarden.

    :raises Gegevensfout: als een bestand niet te lezen is of een getal niet exact in Excel past.
    """
    uit = Path(uit)
    if uit.suffix.lower() != ".xlsx":
        raise Gegevensfout([Melding(str(uit), "een werkmap moet de extensie .xlsx hebben.",
                                    oplossing=f"Kies bijvoorbeeld --uit {uit.with_suffix('.xlsx')}"
                                    ".")])
    inhoud = _lees_map(Path(map_)) if map_ is not None else _Inhoud()
    schrijver = _Schrijver()
    aantal_rijen = 0
    delen = indeling()
    for blad in delen.bladen():
        if isinstance(blad, Tabelblad):
            rijen = inhoud.tabellen.get(blad.naam, [])
            aantal_rijen += len(rijen)
            schrijver.tabel(blad, rijen)
        elif isinstance(blad, Lijstblad):
            items = _haal(inhoud.yaml.get(blad.bestand, {}), blad.pad)
            items = list(items) if isinstance(items, list | tuple) else []
            aantal_rijen += len(items)
            schrijver.lijst(blad, items)
        else:
            gegevens = inhoud.yaml.get(blad.bestand, {})
            schrijver.sleutels(blad, gegevens)
    if schrijver.meldingen:
        raise Gegevensfout(schrijver.meldingen)
    dossier = inhoud.yaml.get("dossier.yaml", {})
    gemeente = _haal(dossier, ("gemeente", "naam"))
    jaar = _haal(dossier, ("aanvraagjaar",))
    titel = "Gegevens voor het dossier vangnetuitkering" + (
        f" — gemeente {gemeente}, aanvraagjaar {jaar}" if gemeente and jaar else "")
    herkomst = herkomst or (
        f"Gemaakt met 'vangnet werkboek' uit de dossiermap {Path(map_).name}/."
        if map_ is not None else
        "Gemaakt met 'vangnet werkboek --leeg': alle werkbladen, nog zonder gegevens.")
    schrijver.uitleg(titel, herkomst, [_beschrijving(b) for b in delen.bladen()])
    schrijver.bewaar(uit)
    return Werkboekverslag(uit, len(delen.bladen()) + 1, aantal_rijen)

