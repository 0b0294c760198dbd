"""``vangnet nieuw-dossier``: een nieuw dossier beginnen voor een gemeente en een aanvraagjaar.

Het schrijft alleen de drie verplichte bestanden, met ``IN TE VULLEN`` waar de gemeente iets
moet invullen. Zo'n dossier is meteen geldig: ``vangnet check`` noemt elke open cel en elke
ontbrekende eigen tekst, en ``vangnet bouw`` maakt er een concept van met op elke open plek een
kader "In te vullen". Nergens staat een getal dat de gemeente niet zelf heeft ingevuld.

CSV-bestanden krijgen een byte-order-mark (UTF-8 met BOM), zodat Excel de accenten goed toont.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from vangnet.data.cellen import MARKERING
from vangnet.data.schema import BuigRij, MaatregelRij
from vangnet.data.teksten import PLEKKEN
from vangnet.meldingen import Gegevensfout, Melding
from vangnet.regels.parameters import laad_parameters
from vangnet.regels.vangnet import benodigde_jaren

_DOSSIER = """\
# Het dossier van de gemeente {gemeente} voor de aanvraag van een vangnetuitkering over {jaar}.
# Wat 'IN TE VULLEN' bevat, noemt 'vangnet check' tot het is ingevuld.
gemeente:
  naam: {naam}
  # Vul in als een andere organisatie de Participatiewet uitvoert (bijvoorbeeld een
  # gemeenschappelijke regeling), met de deelnemende gemeenten:
  # uitvoeringsorganisatie: ...
  # uitvoeringsvorm: gemeenschappelijke regeling
  # deelnemende_gemeenten: [...]
  # Inwonersklasse zoals in het verdeelmodel, bijvoorbeeld 'meer dan 40.000 inwoners': het
  # dossier legt daarmee uit hoe het Rijk het uitkeringen-deel van het budget vaststelt.
  inwonersklasse: {markering}
aanvraagjaar: {jaar}
# De datum waarop de gegevens van het dossier zijn afgesloten (JJJJ-MM-DD).
rapportdatum: {markering}
aanvraag:
  # 'uitgebreid' als het uitgebreide vangnet van toepassing is; 'vangnet check' zegt het als
  # de soort niet bij de uitkomst van de toets past.
  soort: regulier
  eerdere_aanvragen: []
  collegebesluit:
  raadsbesluit:
# De raadsinformatiebrief: personen als rol, zonder naam of contactgegevens.
brief:
  # JJJJ-MM-DD
  datum: {markering}
  kenmerk: {markering}
  # bijvoorbeeld 'wethouder Werk en Inkomen'
  portefeuillehouder: {markering}
  # waar raadsleden met vragen terechtkunnen, als rol of afdeling, bijvoorbeeld 'de griffie'
  contact: {markering}
  # de geplande datum van de raadsvergadering (JJJJ-MM-DD)
  besluit_raad: {markering}
"""


def _csv(kop: list[str], rijen: list[dict[str, str]]) -> str:
    uit = io.StringIO()
    schrijver = csv.DictWriter(uit, fieldnames=kop, lineterminator="\n")
    schrijver.writeheader()
    schrijver.writerows(rijen)
    return uit.getvalue()


def _yaml_tekst(tekst: str) -> str:
    """Een tekst als veilige YAML-scalar tussen aanhalingstekens."""
    return '"' + tekst.replace("\\", "\\\\").replace('"', '\\"') + '"'


BEZET = "deze map bestaat al en is niet leeg; vangnet overschrijft geen bestaand dossier."
BEZET_OPLOSSING = ("Kies een nieuwe map, of gebruik 'vangnet nieuw-jaar' om een bestaand dossier "
                   "een jaar verder te zetten.")


def bezette_map(map_: Path) -> bool:
    """Of ``map_`` een bestand is of een map met inhoud (dan schrijft nieuw-dossier niets)."""
    return map_.exists() and (not map_.is_dir() or any(map_.iterdir()))


def nieuw_dossier(map_: Path, gemeente: str, jaar: int) -> list[str]:
    """Schrijf een nieuw dossier in ``map_`` (die nog niet mag bestaan of leeg moet zijn).

    :returns: de stappen voor de gebruiker, in het Nederlands.
    :raises Gegevensfout: als de map al bestanden bevat, de naam leeg is of er voor ``jaar``
        geen vangnetregels zijn.
    """
    map_ = Path(map_)
    naam = " ".join(gemeente.split())
    if not naam:
        raise Gegevensfout([Melding("--gemeente", "de naam van de gemeente is leeg.",
                                    oplossing="Geef de naam, bijvoorbeeld --gemeente Bergwaard.")])
    if bezette_map(map_):
        raise Gegevensfout([Melding(str(map_), BEZET, oplossing=BEZET_OPLOSSING)])
    from vangnet.meldingen import Rekenfout

    try:
        jaren = benodigde_jaren(jaar, laad_parameters())
    except Rekenfout as fout:
        raise Gegevensfout([Melding("--jaar", str(fout))]) from None
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / "dossier.yaml").write_text(
        _DOSSIER.format(gemeente=naam, naam=_yaml_tekst(naam), jaar=jaar, markering=MARKERING),
        encoding="utf-8")
    kop = list(BuigRij.model_fields)
    rijen = [{k: "" for k in kop} | {
        "jaar": str(j), "status_budget": "definitief", "status_kosten": MARKERING,
        "budget": MARKERING, "kosten": MARKERING, "bron": MARKERING} for j in jaren]
    (map_ / "buig.csv").write_text(_csv(kop, rijen), encoding="utf-8-sig")
    (map_ / "maatregelen.csv").write_text(_csv(list(MaatregelRij.model_fields), []),
                                          encoding="utf-8-sig")
    verplicht = [p.bestand for p in PLEKKEN
                 if p.verplicht and not p.paragraaf.startswith("doorrekening")]
    return [
        "dossier.yaml: de rapportdatum, de inwonersklasse, de velden van de "
        "raadsinformatiebrief (brief:), en of de Participatiewet door een andere organisatie "
        "wordt uitgevoerd.",
        f"buig.csv: budget, kosten en hun bron over {jaren[0]}–{jaren[-1]} (de jaren die de "
        f"vangnettoets over {jaar} nodig heeft), met de status van de kosten.",
        "maatregelen.csv: de maatregelen om het tekort terug te dringen, één per rij.",
        f"eigen teksten in teksten/: in elk geval {', '.join(verplicht)}; de pagina "
        "Gegevensformaat noemt alle plekken.",
        "Optioneel: doorrekening.yaml (dan komt er een hoofdstuk over de doorrekening, met de "
        "eigen tekst teksten/doorrekening.conclusie.md) en de tabellen voor de analyse van de "
        "oorzaken (zie Gegevensformaat).",
    ]
