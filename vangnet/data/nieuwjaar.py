"""``vangnet nieuw-jaar``: de gegevens klaarzetten voor het volgende aanvraagjaar.

Alle eerdere jaren blijven staan. Waar het nieuwe jaar gegevens nodig heeft, komt een cel met
:data:`MARKERING`; ``vangnet check`` noemt daarna elke gemarkeerde cel met bestand, rij en
kolom, zodat precies te zien is wat nog moet worden ingevuld. De bronvergelijking van het
vorige jaar hoort bij het vorige rapport en gaat naar ``archief/``.
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

from vangnet.data.cellen import MARKERING
from vangnet.data.dataset import laad_dataset
from vangnet.meldingen import Gegevensfout, Melding

BEDRAGEN_BUIG = ("budget", "budget_uitkeringen", "budget_lks", "kosten", "kosten_uitkeringen",
                 "kosten_lks", "fouten_onzekerheden")


def _lees(pad: Path) -> tuple[list[str], list[dict[str, str]]]:
    with pad.open(encoding="utf-8-sig", newline="") as f:
        lezer = csv.DictReader(f)
        return list(lezer.fieldnames or []), list(lezer)


def _schrijf(pad: Path, kop: list[str], rijen: list[dict[str, str]]) -> None:
    with pad.open("w", encoding="utf-8", newline="") as f:
        schrijver = csv.DictWriter(f, fieldnames=kop, lineterminator="\n")
        schrijver.writeheader()
        schrijver.writerows(rijen)


def _rij(kop: list[str], **waarden: str) -> dict[str, str]:
    return {k: waarden.get(k, "") for k in kop}


def _buig(pad: Path, jaar: int) -> None:
    kop, rijen = _lees(pad)
    huidig = next((r for r in rijen if r["jaar"] == str(jaar)), None)
    if huidig is None:
        huidig = _rij(kop, jaar=str(jaar))
        rijen.append(huidig)
    huidig.update(status_budget="definitief", status_kosten=MARKERING, bron=MARKERING)
    for kolom in BEDRAGEN_BUIG:
        huidig[kolom] = MARKERING
    if not any(r["jaar"] == str(jaar + 1) for r in rijen):
        rijen.append(_rij(kop, jaar=str(jaar + 1), status_budget="voorlopig",
                          budget_lks=MARKERING, bron=MARKERING))
    _schrijf(pad, kop, rijen)


def _lks_landelijk(pad: Path, jaar: int) -> None:
    kop, rijen = _lees(pad)
    for rij in rijen:
        if rij["jaar"] == str(jaar - 1) and not rij["uitgaven"]:
            rij["uitgaven"] = MARKERING
        if rij["jaar"] == str(jaar):
            rij.update(status="definitief", macrobudget=MARKERING, bron=MARKERING)
    if not any(r["jaar"] == str(jaar) for r in rijen):
        rijen.append(_rij(kop, jaar=str(jaar), status="definitief", macrobudget=MARKERING,
                          bron=MARKERING))
    rijen.append(_rij(kop, jaar=str(jaar + 1), status="voorlopig", macrobudget=MARKERING,
                      bron=MARKERING))
    _schrijf(pad, kop, rijen)


def _per_jaar(pad: Path, jaar: int, sleutels: tuple[str, ...], vast: tuple[str, ...] = ()
              ) -> None:
    """Voeg voor ``jaar`` een rij toe per combinatie van ``sleutels`` uit het laatste jaar;
    kolommen in ``vast`` worden overgenomen, de rest gemarkeerd."""
    kop, rijen = _lees(pad)
    laatste = max(int(r["jaar"]) for r in rijen)
    for rij in [r for r in rijen if int(r["jaar"]) == laatste]:
        nieuw = _rij(kop, **{k: rij[k] for k in (*sleutels, *vast)}, jaar=str(jaar))
        for kolom in kop:
            if not nieuw[kolom]:
                nieuw[kolom] = MARKERING
        rijen.append(nieuw)
    _schrijf(pad, kop, rijen)


def _huishoudens(pad: Path, jaar: int) -> None:
    kop, rijen = _lees(pad)
    for rij in rijen:
        if rij["jaar"] == str(jaar):
            rij["gerealiseerd"] = MARKERING
    if not any(r["jaar"] == str(jaar) for r in rijen):
        rijen.append(_rij(kop, jaar=str(jaar), voorspeld=MARKERING, gerealiseerd=MARKERING,
                          bron=MARKERING))
    rijen.append(_rij(kop, jaar=str(jaar + 1), voorspeld=MARKERING, bron=MARKERING))
    _schrijf(pad, kop, rijen)


def _yaml_regel(pad: Path, sleutel: str, waarde: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    patroon = re.compile(rf"^(\s*{re.escape(sleutel)}:)[^\n#]*", re.M)
    if not patroon.search(tekst):
        raise Gegevensfout([Melding(pad.name, f"de sleutel '{sleutel}' ontbreekt.")])
    pad.write_text(patroon.sub(lambda m: f"{m.group(1)} {waarde}".rstrip(), tekst, count=1),
                   encoding="utf-8")


def nieuw_jaar(data: Path, jaar: int) -> list[str]:
    """Zet de gegevens in ``data`` klaar voor aanvraagjaar ``jaar``; geeft de stappen voor de
    gebruiker terug."""
    data = Path(data)
    dataset = laad_dataset(data)
    vorig = dataset.aanvraagjaar
    if jaar != vorig + 1:
        raise Gegevensfout([Melding(
            "dossier.yaml", f"het aanvraagjaar is nu {vorig}; een nieuw jaar moet {vorig + 1} "
            f"zijn, niet {jaar}.", kolom="aanvraagjaar")])

    _buig(data / "buig.csv", jaar)
    stappen = [
        f"buig.csv: budget en kosten over {jaar} (uit de SiSa-verantwoording) en het voorlopige "
        f"LKS-budget voor {jaar + 1}.",
    ]
    if (data / "lks_landelijk.csv").exists():
        _lks_landelijk(data / "lks_landelijk.csv", jaar)
        stappen.append(
            f"lks_landelijk.csv (uw eigen landelijke reeks): het definitieve macrobudget {jaar}, "
            f"de landelijke uitgaven {jaar - 1} en het voorlopige macrobudget {jaar + 1}.")
    if dataset.heeft("vergelijkingsgroep"):
        _per_jaar(data / "vergelijkingsgroep.csv", jaar, ("kenmerk",))
        stappen.append(
            f"vergelijkingsgroep.csv: de budgetaandelen van de vergelijkingsgroep over {jaar}.")
    if dataset.heeft("huishoudens"):
        _huishoudens(data / "huishoudens.csv", jaar)
        stappen.append(f"huishoudens.csv: de realisatie {jaar} en de voorspelling {jaar + 1}.")
    if dataset.heeft("gemiddelde_kosten"):
        _per_jaar(data / "gemiddelde_kosten.csv", jaar, ())
        stappen.append(f"gemiddelde_kosten.csv: kosten, bestand en gekorte inkomsten {jaar}.")
    for stam in ("instroom", "uitstroom"):
        if dataset.heeft(stam):
            vast = ("beinvloedbaarheid",) if stam == "uitstroom" else ()
            _per_jaar(data / f"{stam}.csv", jaar, ("reden",), vast)
            stappen.append(f"{stam}.csv: de aantallen per reden over {jaar}.")
    if (data / "rapportwaarden.csv").exists():
        archief = data / "archief"
        archief.mkdir(exist_ok=True)
        shutil.move(data / "rapportwaarden.csv", archief / f"rapportwaarden-{vorig}.csv")
        stappen.append(f"rapportwaarden.csv is verplaatst naar archief/ (hoort bij {vorig}); maak "
                       "een nieuwe als er een nieuw bronrapport is.")

    dossier = data / "dossier.yaml"
    _yaml_regel(dossier, "aanvraagjaar", str(jaar))
    _yaml_regel(dossier, "rapportdatum", MARKERING)
    eerdere = sorted({*dataset.dossier.aanvraag.eerdere_aanvragen, vorig})
    _yaml_regel(dossier, "eerdere_aanvragen", "[" + ", ".join(map(str, eerdere)) + "]")
    _yaml_regel(dossier, "collegebesluit", "")
    _yaml_regel(dossier, "raadsbesluit", "")
    stappen.append("dossier.yaml: de rapportdatum, en later de data van het collegebesluit en "
                   "de instemming van de raad.")
    if (data / "doorrekening.yaml").exists():
        _yaml_regel(data / "doorrekening.yaml", "extra_budget_uitkeringen_volgend_jaar",
                    MARKERING)
        stappen.append(f"doorrekening.yaml: de stijging van het budget voor het uitkeringen-deel "
                       f"in {jaar + 1}.")
    stappen += [
        "maatregelen.csv: werk de status van elke maatregel bij: 'besloten' zodra er een besluit "
        "is (met het besluit en de datum in de kolommen besluit en besluitdatum), 'uitgevoerd' "
        "als een stuk laat zien dat de uitvoering loopt, 'geëvalueerd' als het resultaat is "
        "gemeten; wat alleen is aangekondigd blijft 'toegezegd'. Voeg nieuwe maatregelen toe en "
        "vul in indicatoren.csv de realisatie van het afgelopen jaar in.",
        "treden.csv, lks_treden.csv, lks_personen.csv en kengetallen.csv: werk de gegevens met "
        "een peildatum bij als er nieuwe zijn.",
    ]
    return stappen
