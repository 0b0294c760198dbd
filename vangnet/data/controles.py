"""Samenhang binnen en tussen de gegevensbestanden.

Een cel kan op zichzelf geldig zijn en toch niet kloppen met de rest: deelbudgetten die niet
optellen tot het totaal, kosten voor een jaar dat nog moet komen, een ontbrekend jaar dat de
meerjarige toets nodig heeft. Deze controles geven dan een melding met bestand, rij en kolom.
Waar een verschil geen fout hoeft te zijn (twee bronnen met een andere definitie), volgt een
opmerking ter informatie in plaats van een fout.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from vangnet import opmaak
from vangnet.data.afronding import afrondingsmarge
from vangnet.data.schema import BESTANDEN, SCHEMA_PER_STAM
from vangnet.exact import exact
from vangnet.meldingen import Melding, Rekenfout
from vangnet.regels.parameters import laad_parameters

if TYPE_CHECKING:
    from vangnet.data.dataset import Dataset

RIJ = "_rij"
HALVE_EURO = Decimal("0.5")
"""Speling bij optellen: bedragen in hele euro's kunnen elk een halve euro afgerond zijn."""
DEFINITIEF_VANAF_MAAND = 9
"""Het Rijk stelt het budget van jaar t in september of oktober van jaar t definitief vast."""


def _leeg(waarde: object) -> bool:
    return waarde is None or (isinstance(waarde, float) and math.isnan(waarde))


def _marge(stam: str, kolom: str, waarde: Decimal) -> Decimal:
    grootste = dict(SCHEMA_PER_STAM[stam].afronding).get(kolom, Decimal(0))
    return afrondingsmarge(waarde, grootste)


def _buig(dataset: Dataset) -> list[Melding]:
    meldingen: list[Melding] = []
    buig = dataset.tabel("buig")
    rapportdatum = dataset.dossier.rapportdatum
    peiljaar = dataset.dossier.peiljaar
    for rij in buig.to_dict("records"):
        plaats = {"bestand": "buig.csv", "rij": rij[RIJ]}
        jaar = rij["jaar"]
        te_ver = _jaar_te_ver(dataset, "buig.csv", rij)
        if te_ver is not None:
            meldingen.append(te_ver)
            continue
        if rij["status_budget"] == "definitief" and rapportdatum is not None and \
                rapportdatum < dt.date(jaar, DEFINITIEF_VANAF_MAAND, 1):
            meldingen.append(Melding(
                **plaats, kolom="status_budget",
                tekst=f"het budget voor {jaar} wordt pas in het najaar van {jaar} definitief "
                f"vastgesteld; op de rapportdatum "
                f"({opmaak.datum(dataset.dossier.rapportdatum)}) is het nog voorlopig.",
                oplossing="Zet de status op 'voorlopig'."))
            continue
        if not _leeg(rij["kosten"]) and jaar >= peiljaar:
            wanneer = (f"op de rapportdatum ({opmaak.datum(rapportdatum)})" if rapportdatum
                       else f"vóór {peiljaar + 1}")
            meldingen.append(Melding(
                **plaats, kolom="kosten",
                tekst=f"er staan kosten voor {jaar}, maar dat jaar is {wanneer} nog niet "
                "afgesloten.",
                oplossing="Laat de kosten leeg of controleer het jaar en de rapportdatum in "
                "dossier.yaml."))
        if rij["status_budget"] == "definitief" and _leeg(rij["budget"]) and \
                not dataset.is_in_te_vullen("buig.csv", rij[RIJ], "budget"):
            meldingen.append(Melding(
                **plaats, kolom="budget", tekst="een definitief budget moet een bedrag hebben.",
                oplossing="Vul het budget in euro's in."))
        if not _leeg(rij["budget"]) and rij["budget"] == 0:
            meldingen.append(Melding(**plaats, kolom="budget", tekst="het budget is 0.",
                                     oplossing="Vul het toegekende budget in euro's in."))
        if not _leeg(rij["kosten"]):
            if rij["kosten"] == 0:
                meldingen.append(Melding(
                    **plaats, kolom="kosten", tekst="de kosten zijn 0.",
                    oplossing="Vul de netto lasten in, of laat de cel leeg als ze nog niet "
                    "bekend zijn."))
            if _leeg(rij["status_kosten"]):
                meldingen.append(Melding(
                    **plaats, kolom="status_kosten",
                    tekst="bij kosten hoort een status.",
                    oplossing="Vul 'gecontroleerd' of 'ongecontroleerd' in."))
        elif not _leeg(rij["status_kosten"]):
            meldingen.append(Melding(
                **plaats, kolom="kosten", tekst="er is een status voor de kosten, maar geen "
                "bedrag.", oplossing="Vul de kosten in of maak status_kosten leeg."))
    return meldingen


def _benodigde_jaren(dataset: Dataset) -> list[Melding]:
    from vangnet.regels.vangnet import benodigde_jaren

    jaar = dataset.aanvraagjaar
    buig = dataset.tabel("buig")
    try:
        jaren = benodigde_jaren(jaar, laad_parameters())
    except Rekenfout as fout:
        return [Melding("dossier.yaml", str(fout), kolom="aanvraagjaar")]
    meldingen = []
    for j in jaren:
        rij = buig[buig["jaar"] == j]
        if rij.empty:
            meldingen.append(Melding(
                "buig.csv", tekst=f"het jaar {j} ontbreekt; de vangnettoets over {jaar} heeft "
                f"budget en kosten nodig van {opmaak.opsomming([str(x) for x in jaren])}.",
                oplossing=f"Voeg een rij voor {j} toe."))
            continue
        for kolom in ("budget", "kosten"):
            if _leeg(rij.iloc[0][kolom]) and \
                    not dataset.is_in_te_vullen("buig.csv", int(rij.iloc[0][RIJ]), kolom):
                meldingen.append(Melding(
                    "buig.csv", rij=int(rij.iloc[0][RIJ]), kolom=kolom,
                    tekst=f"de vangnettoets over {jaar} heeft {kolom} voor {j} nodig, maar de "
                    "cel is leeg.", oplossing="Vul het bedrag in."))
    return meldingen


def _doorrekening(dataset: Dataset) -> list[Melding]:
    """Een ambitieniveau in ``doorrekening.yaml`` moet in de vergelijkingsgroep staan.

    Andere gegevens voor de doorrekening zijn niet verplicht: een paragraaf zonder zijn
    gegevens ontbreekt in het dossier (zie :mod:`vangnet.dossier.structuur`)."""
    if dataset.doorrekening is None or dataset.doorrekening.ambitie_vergelijkingsgroep is None:
        return []
    jaar = dataset.aanvraagjaar
    kenmerk = dataset.doorrekening.ambitie_vergelijkingsgroep
    regel = dataset.yaml_regels.get("doorrekening.yaml", {}).get(("ambitie_vergelijkingsgroep",))
    if not dataset.heeft("vergelijkingsgroep"):
        return [Melding(
            "doorrekening.yaml", rij=regel, kolom="ambitie_vergelijkingsgroep",
            tekst=f"de ambitie '{kenmerk}' verwijst naar de vergelijkingsgroep, maar "
            "vergelijkingsgroep.csv ontbreekt.",
            oplossing="Voeg vergelijkingsgroep.csv toe, of laat ambitie_vergelijkingsgroep weg "
            "(dan vervalt het scenario met een ambitieniveau).")]
    groep = dataset.tabel("vergelijkingsgroep")
    nog_in_te_vullen = any(m.bestand == "vergelijkingsgroep.csv" for m in dataset.in_te_vullen)
    if groep[(groep["jaar"] == jaar) & (groep["kenmerk"] == kenmerk)].empty \
            and not nog_in_te_vullen:
        return [Melding(
            "vergelijkingsgroep.csv",
            tekst=f"de waarde '{kenmerk}' voor {jaar} ontbreekt; de ambitie in doorrekening.yaml "
            "verwijst ernaar.", oplossing=f"Voeg een rij toe met jaar {jaar} en kenmerk "
            f"{kenmerk}.")]
    return []


def _treden(dataset: Dataset) -> list[Melding]:
    """Vermelde aandelen moeten bij de aantallen passen en samen 100% zijn (op afronding na)."""
    if not dataset.heeft("treden"):
        return []
    treden = dataset.tabel("treden")
    if treden["aandeel_pct"].isna().all():
        return []
    meldingen = []
    totaal = treden["aantal"].sum()
    for rij in treden.to_dict("records"):
        if _leeg(rij["aandeel_pct"]) or totaal == 0:
            continue
        berekend = Fraction(100 * int(rij["aantal"]), int(totaal))
        if abs(berekend - exact(rij["aandeel_pct"])) > Fraction(1, 2):
            meldingen.append(Melding(
                "treden.csv", rij=rij[RIJ], kolom="aandeel_pct",
                tekst=f"het aandeel {opmaak.getal(rij['aandeel_pct'], 1)}% past niet bij het "
                f"aantal: {rij['aantal']} van {totaal} is {opmaak.getal(berekend, 1)}%.",
                oplossing="Corrigeer het aantal of het aandeel."))
    som = treden["aandeel_pct"].sum()
    if abs(som - 100) > 1:
        meldingen.append(Melding(
            "treden.csv", kolom="aandeel_pct",
            tekst=f"de aandelen tellen op tot {opmaak.getal(som, 1)}% in plaats van 100%.",
            oplossing="Corrigeer de aandelen of laat de kolom leeg (vangnet berekent ze zelf)."))
    return meldingen


def _uitstroom(dataset: Dataset) -> list[Melding]:
    """Elke reden heeft in alle jaren dezelfde beïnvloedbaarheid."""
    if not dataset.heeft("uitstroom"):
        return []
    meldingen = []
    for reden, groep in dataset.tabel("uitstroom").groupby("reden", sort=False):
        waarden = groep["beinvloedbaarheid"].unique()
        if len(waarden) > 1:
            eerste = groep.iloc[0]
            afwijkend = groep[groep["beinvloedbaarheid"] != eerste["beinvloedbaarheid"]].iloc[0]
            meldingen.append(Melding(
                "uitstroom.csv", rij=int(afwijkend[RIJ]), kolom="beinvloedbaarheid",
                tekst=f"de reden '{reden}' is hier '{afwijkend['beinvloedbaarheid']}', maar in "
                f"rij {int(eerste[RIJ])} '{eerste['beinvloedbaarheid']}'.",
                oplossing="Geef een reden in alle jaren dezelfde beïnvloedbaarheid."))
    return meldingen


def _dossier(dataset: Dataset) -> list[Melding]:
    jaar, datum = dataset.aanvraagjaar, dataset.dossier.rapportdatum
    meldingen = []
    if datum is not None and datum.year <= jaar:
        meldingen.append(Melding(
            "dossier.yaml", kolom="rapportdatum",
            tekst=f"de rapportdatum {opmaak.datum(datum)} ligt niet na het aanvraagjaar {jaar}; "
            "de kosten van dat jaar zijn dan nog niet bekend.",
            oplossing="Controleer aanvraagjaar en rapportdatum.",
            rij=dataset.yaml_regels.get("dossier.yaml", {}).get(("rapportdatum",))))
    aanvraag = dataset.dossier.aanvraag
    besluiten = [(naam, d) for naam, d in (("collegebesluit", aanvraag.collegebesluit),
                                            ("raadsbesluit", aanvraag.raadsbesluit)) if d]
    if datum is not None and besluiten and datum > min(d for _, d in besluiten):
        naam, besluit = min(besluiten, key=lambda b: b[1])
        meldingen.append(Melding(
            "dossier.yaml", kolom="rapportdatum",
            tekst=f"de rapportdatum {opmaak.datum(datum)} ligt na het {naam} van "
            f"{opmaak.datum(besluit)}; het college en de raad besluiten over gegevens die dan "
            "al zijn afgesloten.",
            oplossing="Controleer de rapportdatum (dag en maand omgewisseld?) en de datums onder "
                      "aanvraag.",
            rij=dataset.yaml_regels.get("dossier.yaml", {}).get(("rapportdatum",))))
    if dataset.tabel("buig")[lambda t: t["jaar"] == jaar].empty:
        te_ver = [m for rij in dataset.tabel("buig").to_dict("records")
                  if (m := _jaar_te_ver(dataset, "buig.csv", rij)) is not None]
        # een tikfout in het jaartal (2052 voor 2025) is de waarschijnlijke oorzaak: noem die
        # rij eerst, en stuur de gebruiker niet naar het aanvraagjaar
        meldingen += te_ver
        oplossing = ("Staat het jaar in buig.csv met een tikfout (zie de melding over "
                     f"{'die rij' if len(te_ver) == 1 else 'die rijen'}), verbeter dan het "
                     "jaartal daar." if te_ver else
                     "Voeg het jaar toe aan buig.csv, of corrigeer het aanvraagjaar als dat niet "
                     "klopt.")
        meldingen.append(Melding(
            "dossier.yaml", kolom="aanvraagjaar",
            rij=dataset.yaml_regels.get("dossier.yaml", {}).get(("aanvraagjaar",)),
            tekst=f"het aanvraagjaar {jaar} komt niet voor in buig.csv.",
            oplossing=oplossing))
    return meldingen


def _jaar_te_ver(dataset: Dataset, bestand: str, rij: dict) -> Melding | None:
    """Een jaartal meer dan een jaar na de rapportdatum is vrijwel zeker een tikfout (2062
    voor 2026); zonder melding telt zo'n rij stilletjes niet mee."""
    if _leeg(rij["jaar"]) or rij["jaar"] <= dataset.dossier.peiljaar + 1:
        return None
    datum = dataset.dossier.rapportdatum
    na = (f"meer dan een jaar na de rapportdatum ({opmaak.datum(datum)})" if datum else
          f"meer dan twee jaar na het aanvraagjaar ({dataset.aanvraagjaar})")
    return Melding(bestand=bestand, rij=rij[RIJ], kolom="jaar",
                   tekst=f"het jaar {rij['jaar']} ligt {na}.",
                   oplossing=f"Controleer het jaartal; het aanvraagjaar is {dataset.aanvraagjaar}.")


def _toekomstige_jaren(dataset: Dataset) -> list[Melding]:
    """Dezelfde controle op het jaartal voor elk bestand met een kolom jaar; buig.csv doet
    dat al in ``_buig``."""
    meldingen = []
    for schema in BESTANDEN:
        if schema.stam == "buig" or not dataset.heeft(schema.stam):
            continue
        if schema.referentie and dataset.bestandsnaam(schema.stam) != schema.naam:
            continue  # meegeleverde landelijke reeks: loopt vooruit op elk dossier
        tabel = dataset.tabel(schema.stam)
        if "jaar" in tabel.columns:
            meldingen += [m for rij in tabel.to_dict("records")
                          if (m := _jaar_te_ver(dataset, schema.naam, rij)) is not None]
    return meldingen


def controleer_samenhang(dataset: Dataset) -> list[Melding]:
    """Alle fouten in de samenhang van de gegevens (leeg als alles klopt)."""
    meldingen = _dossier(dataset)
    if meldingen:
        # zonder geldig aanvraagjaar zijn de andere controles vervolgfouten
        return meldingen
    meldingen = _buig(dataset)
    if not meldingen:
        meldingen += _benodigde_jaren(dataset)
    return (meldingen + _toekomstige_jaren(dataset) + _doorrekening(dataset)
            + _treden(dataset) + _uitstroom(dataset) + _indicatoren(dataset)
            + _besluiten_na_rapportdatum(dataset))


def _besluiten_na_rapportdatum(dataset: Dataset) -> list[Melding]:
    """Een besluit over een maatregel na de rapportdatum kan het dossier niet kennen: de
    gegevens zijn dan al afgesloten. Vrijwel altijd een tikfout in het jaar (2027 voor 2025)."""
    datum = dataset.dossier.rapportdatum
    if datum is None or not dataset.heeft("maatregelen"):
        return []
    meldingen = []
    for rij in dataset.tabel("maatregelen").to_dict("records"):
        besluit = rij.get("besluitdatum")
        if isinstance(besluit, dt.date) and besluit > datum:
            meldingen.append(Melding(
                dataset.bestandsnaam("maatregelen"),
                f"de besluitdatum {opmaak.datum(besluit)} ligt na de rapportdatum "
                f"({opmaak.datum(datum)}); de gegevens van het dossier zijn dan al afgesloten.",
                rij=rij[RIJ], kolom="besluitdatum",
                oplossing="Controleer het jaar van de besluitdatum, of zet een latere "
                          "rapportdatum in dossier.yaml als het besluit erbij hoort."))
    return meldingen


def _indicatoren(dataset: Dataset) -> list[Melding]:
    """Een indicator hoort bij een maatregel uit maatregelen.csv."""
    if not dataset.heeft("indicatoren"):
        return []
    codes = set(dataset.tabel("maatregelen")["id"]) if dataset.heeft("maatregelen") else set()
    rijen = dataset.tabel("indicatoren").to_dict("records")
    meldingen = [Melding("indicatoren.csv", f"de maatregel '{rij['maatregel']}' staat niet in "
                         "maatregelen.csv.", rij=rij[RIJ], kolom="maatregel",
                         oplossing="Gebruik de code uit de kolom id van maatregelen.csv.")
                 for rij in rijen if rij["maatregel"] not in codes]
    # een code hoort bij één indicator (dezelfde in elk jaar)
    eerste: dict[str, str] = {}
    for rij in rijen:
        if rij.get("id") and eerste.setdefault(rij["id"], rij["indicator"]) != rij["indicator"]:
            meldingen.append(Melding(
                "indicatoren.csv", f"de code '{rij['id']}' hoort al bij de indicator "
                f"'{eerste[rij['id']]}'.", rij=rij[RIJ], kolom="id",
                oplossing="Geef elke indicator een eigen code, in elk jaar dezelfde."))
    return meldingen


def verouderde_prijzen(cijfers) -> list[str]:
    """Prijsparameters die voor een later jaar worden gebruikt dan waarvoor ze zijn vastgesteld."""
    regels = []
    for f in cijfers:
        p = f.parameter
        if p is not None and p.naam.startswith("prijzen.") and p.vanaf.year < p.jaar \
                and p.naam != "prijzen.weken_per_jaar" and p.naam != "prijzen.vakantiebijslag_wml":
            regels.append(
                f"{p.label} voor {p.jaar} gebruikt de waarde die geldt vanaf "
                f"{opmaak.datum(p.vanaf)}; voeg de waarde voor {p.jaar} toe in "
                f"vangnet/parameters/{p.naam.replace('.', '/')}.yaml zodra die bekend is."
            )
    return list(dict.fromkeys(regels))


def opmerkingen(dataset: Dataset) -> list[str]:
    """Verschillen die geen fout hoeven te zijn, maar wel zichtbaar moeten zijn."""
    regels = []
    jaar = dataset.aanvraagjaar
    buig = dataset.tabel("buig")
    huidig = buig[buig["jaar"] == jaar]
    if not huidig.empty and huidig.iloc[0]["status_kosten"] == "ongecontroleerd":
        regels.append(
            f"De kosten over {jaar} zijn nog niet door de accountant gecontroleerd; bij de "
            "aanvraag zijn de gecontroleerde lasten uit de SiSa-verantwoording leidend."
        )
    if dataset.heeft("gemiddelde_kosten"):
        kosten = dataset.tabel("gemiddelde_kosten").merge(
            buig[["jaar", "kosten_uitkeringen", RIJ]], on="jaar", suffixes=("", "_buig"))
        for rij in kosten.to_dict("records"):
            if _leeg(rij["kosten_uitkeringen_buig"]):
                continue
            verschil = rij["kosten_uitkeringen"] - rij["kosten_uitkeringen_buig"]
            marge = _marge("buig", "kosten_uitkeringen", rij["kosten_uitkeringen_buig"])
            if abs(verschil) > marge + HALVE_EURO:
                buig_bedrag = opmaak.bedrag(rij["kosten_uitkeringen_buig"])
                regels.append(
                    f"De tabel met de gemiddelde kosten noemt voor {rij['jaar']} kosten van de "
                    f"uitkeringen van {opmaak.bedrag(rij['kosten_uitkeringen'])}; de kosten van "
                    f"het uitkeringen-deel van het BUIG-budget zijn {buig_bedrag} (verschil "
                    f"{opmaak.bedrag(verschil)}). Mogelijk gebruiken de bronnen een andere "
                    f"afbakening. Ter controle: gemiddelde_kosten.csv, regel {rij[RIJ]}, en "
                    f"buig.csv, regel {rij[RIJ + '_buig']}."
                )
    regels += _loonwaarde(dataset)
    regels += _alleen_samen(dataset)
    return regels


_SAMEN = (("instroom", "uitstroom", "de paragraaf over de in- en uitstroom"),)
"""Bestanden die het dossier alleen samen gebruikt, met wat ze samen opleveren."""


def _alleen_samen(dataset: Dataset) -> list[str]:
    """Een bestand dat er is zonder het bestand waarmee het samen een paragraaf vormt: het wordt
    gecontroleerd, maar het dossier toont het niet; dat mag niet stil gebeuren."""
    regels = []
    for a, b, wat in _SAMEN:
        for er, mist in ((a, b), (b, a)):
            if dataset.heeft(er) and not dataset.heeft(mist):
                regels.append(
                    f"{dataset.bestandsnaam(er)} is gelezen, maar {wat} gebruikt het alleen samen "
                    f"met {mist}.csv; zonder {mist}.csv staat het niet in het dossier. Lever "
                    f"{mist}.csv aan of laat {dataset.bestandsnaam(er)} weg.")
    return regels


def _loonwaarde(dataset: Dataset) -> list[str]:
    """De gemeten loonwaarde (kengetallen.csv) tegenover de aanname in de doorrekening."""
    if not dataset.heeft("kengetallen"):
        return []
    kengetallen = dataset.tabel("kengetallen")
    rij = kengetallen[kengetallen["id"] == "lks.loonwaarde_gemiddeld"]
    if rij.empty:
        return []
    if dataset.doorrekening is None or rij.iloc[0]["waarde"] is None:
        return []
    gemeten = Decimal(rij.iloc[0]["waarde"]) / 100
    aanname = dataset.doorrekening.loonwaarde
    if abs(gemeten - aanname) < 0.005:
        return []
    return [f"De bron noemt een gemeten gemiddelde loonwaarde van "
            f"{opmaak.percentage(gemeten, 2)}; de doorrekening rekent zoals de bron met "
            f"{opmaak.percentage(aanname, 0)}. Met de "
            "gemeten waarde zou de subsidie per persoon lager zijn. Ter controle: "
            f"kengetallen.csv, regel {rij.iloc[0][RIJ]}, en doorrekening.yaml (loonwaarde)."]


