"""``vangnet nieuw-jaar``: de gegevens klaarzetten voor het volgende aanvraagjaar.

Alle eerdere jaren blijven staan. Waar het nieuwe jaar gegevens nodig heeft, komt een cel met
:data:`MARKERING` (en de bron van die rij ook: een ingevulde waarde mag nooit naast de bron
staan die zei dat ze nog onbekend was). Wat uit het vorige jaar wordt overgenomen zonder dat
het vanzelf verouderd is — losse kengetallen, treden, personen met loonkostensubsidie — krijgt
een bron die met :data:`HERZIEN` begint, en elke eigen tekst krijgt ``herzien: <vorig jaar>``
in zijn kop. ``vangnet check`` noemt daarna elke gemarkeerde cel en elke te herziene rij of
tekst met bestand, rij en kolom; het concept toont te herziene teksten in een kader. De
bronvergelijking van het vorige jaar hoort bij het vorige rapport en gaat naar ``archief/``.

Alle bestanden die ``nieuw-jaar`` schrijft, zijn UTF-8 met een byte-order-mark, zodat Excel de
accenten goed toont.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

from vangnet.data.cellen import HERZIEN, MARKERING
from vangnet.data.dataset import laad_dataset
from vangnet.data.lezen import SCHEIDINGSTEKENS, lees_tekst, normaliseer_kolomnaam, sep_regel
from vangnet.meldingen import Gegevensfout, Melding

BEDRAGEN_BUIG = ("budget", "budget_uitkeringen", "budget_lks", "kosten", "kosten_uitkeringen",
                 "kosten_lks", "fouten_onzekerheden")


def _lees(pad: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Lees een CSV zoals :mod:`vangnet.data.lezen` dat doet: elke herkende tekenset, een regel
    ``sep=;`` en een komma, puntkomma of tab als scheidingsteken."""
    tekst, teken = sep_regel(lees_tekst(pad, pad.name), pad.name, None)
    kopregel = tekst.splitlines()[0]
    teken = teken or max(SCHEIDINGSTEKENS, key=lambda t: len(kopregel.split(t)))
    lezer = csv.DictReader(io.StringIO(tekst, newline=""), delimiter=teken)
    kop = [normaliseer_kolomnaam(k) for k in lezer.fieldnames or []]
    rijen = [{normaliseer_kolomnaam(k): (v or "") for k, v in rij.items() if k is not None}
             for rij in lezer]
    return kop, rijen


def _schrijf(pad: Path, kop: list[str], rijen: list[dict[str, str]]) -> None:
    """Schrijf UTF-8 met BOM en komma's, zodat Excel accenten goed toont."""
    with pad.open("w", encoding="utf-8-sig", newline="") as f:
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
    # alleen de kolommen die het bestand heeft: een buig.csv met alleen de verplichte kolommen
    # blijft zo, zonder de optionele delen (uitkeringen-deel, LKS-deel)
    nieuw = {"status_budget": "definitief", "status_kosten": MARKERING, "bron": MARKERING,
             **dict.fromkeys(BEDRAGEN_BUIG, MARKERING)}
    huidig.update({k: v for k, v in nieuw.items() if k in kop})
    if "budget_lks" in kop and not any(r["jaar"] == str(jaar + 1) for r in rijen):
        rijen.append(_rij(kop, jaar=str(jaar + 1), status_budget="voorlopig",
                          budget_lks=MARKERING, bron=MARKERING))
    _schrijf(pad, kop, rijen)


def _lks_landelijk(pad: Path, jaar: int) -> None:
    kop, rijen = _lees(pad)
    for rij in rijen:
        if rij["jaar"] == str(jaar - 1) and not rij["uitgaven"]:
            rij.update(uitgaven=MARKERING, bron=MARKERING)
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
            rij.update(gerealiseerd=MARKERING, bron=MARKERING)
    if not any(r["jaar"] == str(jaar) for r in rijen):
        rijen.append(_rij(kop, jaar=str(jaar), voorspeld=MARKERING, gerealiseerd=MARKERING,
                          bron=MARKERING))
    rijen.append(_rij(kop, jaar=str(jaar + 1), voorspeld=MARKERING, bron=MARKERING))
    _schrijf(pad, kop, rijen)


def _yaml_regel(pad: Path, sleutel: str, waarde: str, onder: str | None = None) -> None:
    """Zet de waarde van ``sleutel`` (commentaar blijft staan). Ontbreekt de sleutel en is
    ``onder`` gegeven, dan komt hij ingesprongen onder die sectie; anders is het een fout."""
    tekst = lees_tekst(pad, pad.name)
    patroon = re.compile(rf"^(\s*{re.escape(sleutel)}:)[^\n#]*", re.M)
    if patroon.search(tekst):
        tekst = patroon.sub(lambda m: f"{m.group(1)} {waarde}".rstrip(), tekst, count=1)
    elif onder is not None and re.search(rf"^{re.escape(onder)}:\s*$", tekst, re.M):
        tekst = re.sub(rf"^({re.escape(onder)}:\s*)$", rf"\1\n  {sleutel}: {waarde}".rstrip(),
                       tekst, count=1, flags=re.M)
    else:
        raise Gegevensfout([Melding(pad.name, f"de sleutel '{sleutel}' ontbreekt.")])
    pad.write_text(tekst, encoding="utf-8")


OVERGENOMEN = ("kengetallen", "treden", "lks_treden", "lks_personen")
"""Tabellen zonder jaar die ``nieuw-jaar`` laat staan: hun rijen gelden tot iemand ze naleest."""


def _markeer_herzien(pad: Path) -> int:
    """Zet :data:`HERZIEN` voor de bron van elke rij; geeft het aantal rijen."""
    kop, rijen = _lees(pad)
    if "bron" not in kop:
        return 0
    for rij in rijen:
        if not rij["bron"].strip().upper().startswith(HERZIEN):
            rij["bron"] = f"{HERZIEN} {rij['bron']}".strip()
    _schrijf(pad, kop, rijen)
    return len(rijen)


def _markeer_teksten(map_: Path, vorig: int) -> int:
    """Geef elke eigen tekst zonder ``herzien`` in de kop de kop ``herzien: <vorig>``; een
    tekst die al een jaar noemt, houdt dat. Geeft het aantal teksten."""
    aantal = 0
    for pad in sorted((map_ / "teksten").glob("*.md")):
        tekst = pad.read_text(encoding="utf-8-sig")
        kop = re.match(r"\A---\s*\n(.*?)\n---\s*\n", tekst, re.S)
        if kop and re.search(r"^herzien:", kop.group(1), re.M):
            aantal += 1
            continue
        if kop:
            tekst = f"---\nherzien: {vorig}\n{kop.group(1)}\n---\n" + tekst[kop.end():]
        else:
            tekst = f"---\nherzien: {vorig}\n---\n" + tekst
        pad.write_text(tekst, encoding="utf-8")
        aantal += 1
    return aantal


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
    _yaml_regel(dossier, "eerdere_aanvragen", "[" + ", ".join(map(str, eerdere)) + "]",
                onder="aanvraag")
    _yaml_regel(dossier, "collegebesluit", "", onder="aanvraag")
    _yaml_regel(dossier, "raadsbesluit", "", onder="aanvraag")
    stappen.append("dossier.yaml: de rapportdatum, en later de data van het collegebesluit en "
                   "de instemming van de raad.")
    if (data / "doorrekening.yaml").exists():
        _yaml_regel(data / "doorrekening.yaml", "extra_budget_uitkeringen_volgend_jaar",
                    MARKERING)
        stappen.append(f"doorrekening.yaml: de stijging van het budget voor het uitkeringen-deel "
                       f"in {jaar + 1}.")
    stappen.append(
        "maatregelen.csv: werk de status van elke maatregel bij: 'besloten' zodra er een besluit "
        "is (met het besluit en de datum in de kolommen besluit en besluitdatum), 'uitgevoerd' "
        "als een stuk laat zien dat de uitvoering loopt, 'geëvalueerd' als het resultaat is "
        "gemeten; wat alleen is aangekondigd blijft 'toegezegd'. Voeg nieuwe maatregelen toe en "
        "vul in indicatoren.csv de realisatie van het afgelopen jaar in.")
    herzien = {stam: _markeer_herzien(data / f"{stam}.csv") for stam in OVERGENOMEN
               if dataset.heeft(stam)}
    if herzien:
        namen = ", ".join(f"{stam}.csv" for stam in herzien)
        stappen.append(f"{namen}: {sum(herzien.values())} rijen komen uit {vorig}; hun bron "
                       f"begint nu met '{HERZIEN}'. Werk de gegevens bij als er nieuwe zijn, "
                       "pas de bron en de peildatum aan en haal dat begin weg.")
    teksten = _markeer_teksten(data, vorig)
    if teksten:
        stappen.append(f"teksten/: {teksten} eigen teksten zijn geschreven voor {vorig} of "
                       "eerder; lees ze na en zet daarna 'herzien: " f"{jaar}' in hun kop. Tot "
                       "dan staan ze in het concept in een kader 'Te herzien'.")
    return stappen
