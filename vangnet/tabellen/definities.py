"""De tabellen van het dossier, opgebouwd uit cijfers.

Een :class:`Tabel` is een weergave: elke cel is een cijfer (met herkomst) of een tekstlabel.
Zo kan de site elk getal in een tabel aanklikbaar maken en kan de PDF dezelfde tabel tonen.
Een tabelfunctie geeft ``None`` als de gegevens ervoor ontbreken.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from vangnet import opmaak
from vangnet.cijfers.analyse import idsleutel, tredesleutel
from vangnet.cijfers.kern import Cijfer, Cijferset
from vangnet.cijfers.maatregelen import indicatorbasis, indicatorcodes
from vangnet.data.dataset import RIJ, Dataset
from vangnet.data.schema import KENMERKLABELS, MAATREGELSTATUS
from vangnet.exact import exact


@dataclass(frozen=True)
class Cel:
    """Een tabelcel: een cijfer (``cijfer``) of een tekst (``tekst``)."""

    cijfer: str | None = None
    tekst: str | None = None
    decimalen: int | None = None
    exact: bool = False

    @property
    def numeriek(self) -> bool:
        return self.cijfer is not None


@dataclass(frozen=True)
class Tabel:
    id: str
    titel: str
    koppen: tuple[str, ...]
    rijen: tuple[tuple[Cel, ...], ...]
    bron: str
    totaal: tuple[Cel, ...] | None = None
    toelichting: str | None = None


def T(tekst: object) -> Cel:
    """Een tekstcel; een ontbrekende waarde (None, NaN) wordt een streepje, een heel getal dat
    pandas als float bewaart (een jaar in een kolom met lege cellen) blijft een heel getal."""
    if tekst is None or (isinstance(tekst, float) and math.isnan(tekst)):
        return Cel(tekst="–")
    if isinstance(tekst, float) and tekst.is_integer():
        return Cel(tekst=str(int(tekst)))
    return Cel(tekst=str(tekst))


def F(cijfer: str, cijfers: Cijferset, **opties) -> Cel:
    """Een cijfercel; een lege tekstcel als de cijfer niet bestaat (gegeven ontbreekt)."""
    return Cel(cijfer=cijfer, **opties) if cijfer in cijfers else Cel(tekst="–")


_DOCUMENT_PARAGRAAF = re.compile(r"[A-Z][^;()]*?, § ?\d+(?:\.\d+)?")


def brondocumenten(bronnen: Iterable[str]) -> list[str]:
    """De brondocumenten uit bronvermeldingen, kort en zonder dubbelen, in volgorde.

    "Rapport vangnet 2025, § 4.1 (tabel ...; in 2021 ...)" wordt "Rapport vangnet 2025, § 4.1";
    een vermelding zonder paragraaf houdt alles tot de eerste toelichting tussen haakjes.
    """
    teksten: list[str] = []
    for bron in bronnen:
        gevonden = _DOCUMENT_PARAGRAAF.findall(bron) or [bron.split(" (")[0]]
        teksten += [g.strip() for g in gevonden if g.strip()]
    return list(dict.fromkeys(teksten))


def korte_bron(cijfer: Cijfer) -> str:
    """De eigen bron van een gegeven of parameter, kort ("Rapport vangnet 2025, § 6.2"): de
    referenties van de parameter of de bron van de gegevens; leeg voor een berekening."""
    delen = ([r.titel for r in cijfer.parameter.referenties] if cijfer.parameter is not None
             else [g.bron for g in cijfer.gegevens if g.bron])
    return "; ".join(brondocumenten(delen))


def _bronnen(dataset: Dataset, *stammen: str) -> str:
    """De brondocumenten van de rijen, kort: "Rapport vangnet 2025, § 4.1; ... § 6.1"."""
    return "; ".join(brondocumenten(
        bron for stam in stammen if dataset.heeft(stam) and "bron" in dataset.tabel(stam)
        for bron in dataset.tabel(stam)["bron"]))


def _buig_jaren(cijfers: Cijferset, dataset: Dataset) -> list[int]:
    return [int(j) for j in sorted(dataset.tabel("buig")["jaar"])
            if f"buig.resultaat.{int(j)}" in cijfers]


def _buig_bron(d: Dataset, jaren: Sequence[int], onderdeel: bool) -> str:
    """De brondocumenten van alleen de getoonde jaren van buig.csv (niet die van een
    voorlopig budget voor een later jaar). Een bronvermelding kan uit delen bestaan, gescheiden
    door '; '; een tabel per onderdeel noemt alleen de delen over de onderdelen, als die er
    zijn ("... § 4.1 (tabel per onderdeel)"), de tabel met totalen alle delen."""
    tabel = d.tabel("buig")
    delen = [deel for bron in tabel[tabel["jaar"].isin(list(jaren))]["bron"] if bron
             for deel in bron_delen(str(bron))]
    if onderdeel:
        delen = [deel for deel in delen if "onderdeel" in deel] or delen
    return "; ".join(brondocumenten(delen))


def bron_delen(bron: str) -> list[str]:
    """'A (x; y); B' → ['A (x; y)', 'B']: de delen van een bronvermelding, buiten haakjes."""
    delen, diepte, begin = [], 0, 0
    for i, teken in enumerate(bron):
        diepte += {"(": 1, ")": -1}.get(teken, 0)
        if diepte == 0 and bron.startswith("; ", i):
            delen.append(bron[begin:i])
            begin = i + 2
    return [*delen, bron[begin:]]


def _afrondingsnoot(d: Dataset, f: Cijferset, ids: dict[int, str]) -> str | None:
    """Een zin onder een tabel als een berekend resultaat (budget min kosten, uit afgeronde
    bedragen) afwijkt van een resultaat dat de bron noemt (rapportwaarden.csv); ``ids``: de
    cijfers per jaar. ``None`` als alles gelijk is."""
    if not d.heeft("rapportwaarden"):
        return None
    waarden = d.tabel("rapportwaarden")
    jaren = []
    for jaar, id_ in ids.items():
        if id_ not in f:
            continue
        for rij in waarden[waarden["cijfer"] == id_].to_dict("records"):
            eenheid = exact(rij["afronding"]) if rij["afronding"] is not None else Fraction(1)
            # half van nul af, zoals de bron afrondt
            q = exact(f.waarde(id_)) / eenheid
            berekend = (1 if q >= 0 else -1) * math.floor(abs(q) + Fraction(1, 2)) * eenheid
            if berekend != exact(rij["waarde"]):
                jaren.append(str(jaar))
                break
    if not jaren:
        return None
    return (f"Het resultaat is hier berekend als budget min kosten, uit bedragen die de bron "
            f"afrondt. Daardoor wijkt het in {opmaak.opsomming(jaren)} op de afronding af van "
            "een resultaat dat de bron noemt; de rekenverantwoording zet beide naast elkaar "
            "(bronvergelijking).")


def buig_meerjarig(d: Dataset, f: Cijferset) -> Tabel | None:
    jaren = _buig_jaren(f, d)
    rijen = tuple(
        (T(j), F(f"buig.budget.{j}", f), F(f"buig.kosten.{j}", f), F(f"buig.resultaat.{j}", f),
         F(f"buig.resultaatpercentage.{j}", f))
        for j in jaren
    )
    if not rijen:
        return None
    return Tabel("buig_meerjarig", "BUIG-budget, kosten en resultaat per jaar",
                 ("Jaar", "Definitief budget", "Kosten", "Resultaat", "Resultaat (%)"), rijen,
                 "buig.csv (" + _buig_bron(d, jaren, onderdeel=False) + ")",
                 toelichting=_afrondingsnoot(d, f, {j: f"buig.resultaat.{j}" for j in jaren}))


def buig_onderdeel(deel: str) -> Callable[[Dataset, Cijferset], Tabel | None]:
    naam = {"uitkeringen": "uitkeringen-deel", "lks": "LKS-deel"}[deel]

    def tabel(d: Dataset, f: Cijferset) -> Tabel | None:
        jaren = [j for j in _buig_jaren(f, d) if f"buig.resultaat_{deel}.{j}" in f]
        if not jaren:
            return None
        rijen = tuple(
            (T(j), F(f"buig.budget_{deel}.{j}", f), F(f"buig.kosten_{deel}.{j}", f),
             F(f"buig.resultaat_{deel}.{j}", f))
            for j in jaren
        )
        return Tabel(f"buig_{deel}", f"Budget, kosten en resultaat van het {naam}",
                     ("Jaar", "Budget", "Kosten", "Resultaat"), rijen,
                     "buig.csv (" + _buig_bron(d, jaren, onderdeel=True) + ")",
                     toelichting=_afrondingsnoot(
                         d, f, {j: f"buig.resultaat_{deel}.{j}" for j in jaren}))

    return tabel


def vangnet_toets(d: Dataset, f: Cijferset) -> Tabel | None:
    jaar = d.aanvraagjaar
    if f"vangnet.besluit.{jaar}" not in f:
        return None
    besluit = f.waarde(f"vangnet.besluit.{jaar}")
    rijen = []
    for toets in besluit.toetsen:
        if not toets.van_toepassing:
            continue
        naam = {"regulier": "Regulier vangnet", "uitgebreid": "Uitgebreid vangnet"}[toets.regime]
        for v in toets.voorwaarden:
            if v.code == "jaar":
                waarde, grens = F(f"buig.tekortpercentage.{jaar}", f), \
                    F(f"vangnet.{toets.regime}.grens_1.{jaar}", f)
            elif v.code == "meerjarig":
                waarde = F(f"vangnet.{toets.regime}.meerjarig_tekort.{jaar}", f)
                grens = F(f"vangnet.{toets.regime}.meerjarige_drempel.{jaar}", f)
            else:
                waarde = F(f"vangnet.{toets.regime}.jaren_boven_drempel.{jaar}", f)
                grens = F(f"vangnet.{toets.regime}.minimum_jaren.{jaar}", f)
            rijen.append((T(naam), T(v.omschrijving), waarde, grens,
                          F(f"vangnet.{toets.regime}.voorwaarde_{v.code}.{jaar}", f)))
        rijen.append((T(naam), T("Uitkomst: vangnetuitkering"),
                       F(f"vangnet.{toets.regime}.uitkering.{jaar}", f), T(""),
                       F(f"vangnet.{toets.regime}.in_aanmerking.{jaar}", f)))
    return Tabel("vangnet_toets", f"Toets aan de voorwaarden van het vangnet over {jaar}",
                 ("Regime", "Voorwaarde", "Waarde", "Grens", "Voldaan"), tuple(rijen),
                 "; ".join(filter(None, [
                     _buig_bron(d, [j for j in _buig_jaren(f, d) if j <= jaar], onderdeel=False),
                     "de regels van het vangnet (zie de rekenverantwoording)"])))


def gemiddelde_kosten(d: Dataset, f: Cijferset) -> Tabel | None:
    if not d.heeft("gemiddelde_kosten"):
        return None
    jaren = sorted(int(j) for j in d.tabel("gemiddelde_kosten")["jaar"])
    afwijkend = f.waarde("gemkosten.afwijkend_van_buig") \
        if "gemkosten.afwijkend_van_buig" in f else ""
    met_buig = afwijkend and "gemkosten.mutatie.per_persoon_buig" in f
    # (label, id per jaar zonder jaartal, id van de verandering)
    regels = [("Kosten uitkeringen" + (" (tabel van de bron)" if afwijkend else ""),
               "gemkosten.kosten", "gemkosten.mutatie.kosten")]
    if met_buig:
        regels.append(("Kosten uitkeringen-deel (BUIG-budget)", "buig.kosten_uitkeringen",
                       "gemkosten.mutatie.kosten_buig"))
    regels += [("Gemiddeld bestand (personen)", "gemkosten.bestand", "gemkosten.mutatie.bestand"),
               ("Gekorte inkomsten", "gemkosten.gekort", "gemkosten.mutatie.gekort"),
               ("Gekorte inkomsten als deel van de kosten"
                + (" (tabel van de bron)" if afwijkend else ""), "gemkosten.ratio_gekort",
                "gemkosten.mutatie.ratio_gekort")]
    if met_buig:
        regels += [("Gekorte inkomsten als deel van de kosten van het uitkeringen-deel",
                    "gemkosten.ratio_gekort_buig", "gemkosten.mutatie.ratio_gekort_buig"),
                   ("Kosten per persoon (kosten van het uitkeringen-deel)",
                    "gemkosten.per_persoon_buig", "gemkosten.mutatie.per_persoon_buig")]
    regels.append(("Kosten per persoon" + (" (kosten uit de tabel van de bron)" if afwijkend
                                           else ""),
                   "gemkosten.per_persoon", "gemkosten.mutatie.per_persoon"))
    rijen = tuple(
        (T(label), *(F(f"{stam}.{j}", f) for j in jaren), F(mutatie, f))
        for label, stam, mutatie in regels
    )
    toelichting = (
        f"De kosten in de tabel van de bron wijken in {afwijkend} af van de kosten van het "
        "uitkeringen-deel van het BUIG-budget, in het laatste jaar niet: de tabel is niet elk "
        "jaar op dezelfde manier afgebakend. De rijen met de kosten van het uitkeringen-deel "
        "zijn elk jaar op dezelfde manier afgebakend."
        + ("" if met_buig else " Met die kosten zijn de kosten per persoon niet berekend.")
    ) if afwijkend else None
    bron = _bronnen(d, "gemiddelde_kosten")
    if met_buig:
        bron = "; ".join(filter(None, [bron, _buig_bron(d, jaren, onderdeel=True)]))
    return Tabel("gemiddelde_kosten", "Kosten, bestand en gekorte inkomsten",
                 ("Onderdeel", *map(str, jaren), f"Verandering {jaren[0]}–{jaren[-1]}"), rijen,
                 "gemiddelde_kosten.csv (" + bron + ")", toelichting=toelichting)


def huishoudens(d: Dataset, f: Cijferset) -> Tabel | None:
    if not d.heeft("huishoudens"):
        return None
    jaren = sorted(int(j) for j in d.tabel("huishoudens")["jaar"])
    rijen = tuple(
        (T(label), *(F(f"huishoudens.{naam}.{j}", f) for j in jaren))
        for naam, label in (("voorspeld", "Voorspeld (objectief verdeelmodel)"),
                            ("gerealiseerd", "Gerealiseerd"), ("verschil", "Verschil"))
    )
    return Tabel("huishoudens", "Bijstandshuishoudens: voorspeld en gerealiseerd",
                 ("Aantal huishoudens", *map(str, jaren)), rijen,
                 "huishoudens.csv (" + _bronnen(d, "huishoudens") + ")")


def stroom(stam: str) -> Callable[[Dataset, Cijferset], Tabel | None]:
    def tabel(d: Dataset, f: Cijferset) -> Tabel | None:
        if not d.heeft(stam):
            return None
        gegevens = d.tabel(stam)
        jaren = sorted({int(j) for j in gegevens["jaar"]})
        redenen = list(dict.fromkeys(gegevens["reden"]))
        extra = stam == "uitstroom"
        rijen = []
        for reden in redenen:
            cellen = [T(reden), *(F(f"{stam}.{idsleutel(reden)}.{j}", f) for j in jaren)]
            if extra:
                niveau = gegevens[gegevens["reden"] == reden]["beinvloedbaarheid"].iloc[0]
                cellen.append(T({"onbekend": "–"}.get(niveau, niveau)))
            rijen.append(tuple(cellen))
        totaal = (T("Totaal"), *(F(f"{stam}.totaal.{j}", f) for j in jaren),
                  *((T(""),) if extra else ()))
        koppen = (f"Reden {stam}", *map(str, jaren), *(("Beïnvloedbaar",) if extra else ()))
        return Tabel(stam, f"Reden van {stam} per jaar", koppen, tuple(rijen),
                     f"{stam}.csv (" + _bronnen(d, stam) + ")", totaal=totaal)

    return tabel


def treden(d: Dataset, f: Cijferset) -> Tabel | None:
    if not d.heeft("treden"):
        return None
    rijen = tuple(
        (T(r.trede), T(r.omschrijving), F(f"treden.{tredesleutel(r.trede, r.omschrijving)}", f),
         F(f"treden.{tredesleutel(r.trede, r.omschrijving)}.aandeel", f))
        for r in d.tabel("treden").itertuples()
    )
    return Tabel("treden", "Personen zonder tredewijziging, per trede van de participatieladder",
                 ("Trede", "Omschrijving", "Aantal", "Aandeel"), rijen,
                 "treden.csv (" + _bronnen(d, "treden") + ")",
                 totaal=(T("Totaal"), T(""), F("treden.totaal", f), T("")))


def lks_treden(d: Dataset, f: Cijferset) -> Tabel | None:
    if not d.heeft("lks_treden"):
        return None
    rijen = []
    for r in d.tabel("lks_treden").itertuples():
        s = tredesleutel(r.trede, r.omschrijving)
        rijen.append((T(f"Trede {r.trede} ({r.omschrijving})"),
                      F(f"lks_treden.enkel_lks.{s}", f),
                      F(f"lks_treden.samenloop_uitkering.{s}", f), F(f"lks_treden.totaal.{s}", f)))
    toelichting = None
    if d.heeft("lks_personen") and "lks_treden.totaal" in f:
        laatste = max(d.tabel("lks_personen")["periode"])
        op_peilmoment = f.waarde(f"lks_personen.{laatste}")
        if op_peilmoment != f.waarde("lks_treden.totaal"):
            toelichting = (
                f"Deze telling ({f['lks_treden.totaal'].tekst()} personen) is een andere dan die "
                f"van {opmaak.maand(laatste)} ({opmaak.getal(op_peilmoment)} personen); de bron "
                "noemt geen peilmoment voor deze tabel en licht het verschil niet toe.")
    return Tabel("lks_treden", "Personen met loonkostensubsidie per trede",
                 ("Trede", "Alleen LKS", "LKS en uitkering", "Totaal"), tuple(rijen),
                 "lks_treden.csv (" + _bronnen(d, "lks_treden") + ")",
                 totaal=(T("Totaal"), F("lks_treden.enkel_lks.totaal", f),
                         F("lks_treden.samenloop_uitkering.totaal", f), F("lks_treden.totaal", f)),
                 toelichting=toelichting)


def lks_budgetverloop(d: Dataset, f: Cijferset) -> Tabel | None:
    jaar = d.aanvraagjaar
    if f"lks.budget_verwacht.{jaar + 1}" not in f:
        return None
    jaren = sorted(int(j) for j in d.tabel("lks_landelijk")["jaar"])
    rijen = []
    for j in jaren:
        kostenaandeel = f"lks.kostenaandeel.{j}" if f"lks.kostenaandeel.{j}" in f \
            else f"lks.kostenaandeel_geschat.{j}"
        uitgaven = f"lks.uitgaven_landelijk.{j}" if f"lks.uitgaven_landelijk.{j}" in f \
            else f"lks.uitgaven_landelijk_geschat.{j}"
        uitnutting = f"lks.uitnutting.{j}" if f"lks.uitnutting.{j}" in f \
            else f"lks.uitnutting_gemiddeld.{j}"
        rijen.append((T(j), F(f"lks.macrobudget.{j}", f), F(uitgaven, f), F(uitnutting, f),
                      F(f"buig.kosten_lks.{j}", f), F(kostenaandeel, f),
                      F(f"lks.budgetaandeel.{j}", f), F(f"buig.budget_lks.{j}", f)))
    volgend = jaar + 1
    rijen.append((T(f"{volgend} verwacht"), F(f"lks.macrobudget.{volgend}", f), T("–"), T("–"),
                  T("–"), T("–"), F(f"lks.kostenaandeel_geschat.{jaar}", f),
                  F(f"lks.budget_verwacht.{volgend}", f)))
    return Tabel(
        "lks_budgetverloop", "Budgetverloop loonkostensubsidie, landelijk en gemeente",
        ("Jaar", "Landelijk macrobudget", "Landelijke uitgaven", "Uitnutting",
         "LKS-uitgaven gemeente", "Kostenaandeel", "Budgetaandeel", "LKS-budget gemeente"),
        tuple(rijen), _bronnen(d, "lks_landelijk", "buig") or "lks_landelijk.csv en buig.csv",
        toelichting=f"De landelijke uitgaven, de uitnutting en het kostenaandeel over {jaar} zijn "
        "schattingen; het budgetaandeel van een jaar volgt uit het kostenaandeel van het jaar "
        "ervoor.",
    )


def _stappentabel(id_: str, titel: str, stappen: Sequence[tuple[str, str]], f: Cijferset,
                  bron: str, kop: str = "Bedrag") -> Tabel | None:
    if stappen[-1][1] not in f:
        return None  # zonder doorrekening.yaml geen prijzen
    return Tabel(id_, titel, ("Onderdeel", kop),
                 tuple((T(label), F(fid, f)) for label, fid in stappen), bron,
                 toelichting=overgenomen_parameters([fid for _, fid in stappen], f))


def overgenomen_parameters(ids: Iterable[str], f: Cijferset) -> str | None:
    """Een zin voor de parameters onder ``ids`` die voor hun jaar niet bevestigd zijn: een
    waarde van een eerder jaar (de laatst bekende) of een waarde die alleen voor andere jaren
    is bevestigd; ``None`` als er geen zijn."""
    delen = []
    for id_ in dict.fromkeys(ids):
        p = f[id_].parameter if id_ in f else None
        if p is None or p.status != "overgenomen":
            continue
        if p.vanaf.year < p.jaar:
            delen.append(f"{p.label.lower()} voor {p.jaar} is nog niet vastgelegd; de berekening "
                         f"gebruikt de laatst bekende waarde, van {p.vanaf.year}")
        else:
            delen.append(f"{p.label.lower()} is voor {p.jaar} niet in een bron bevestigd")
    if not delen:
        return None
    tekst = "; ".join(delen)
    return tekst[0].upper() + tekst[1:] + "."


def prijs_uitkering(soort: str) -> Callable[[Dataset, Cijferset], Tabel | None]:
    def tabel(d: Dataset, f: Cijferset) -> Tabel | None:
        j, n = d.aanvraagjaar + 1, f"prijs.{soort}"
        return _stappentabel(
            f"prijs_{soort}", f"Maximale kosten van een jaar uitkering ({soort}, {j})",
            [("Normbedrag per maand", f"{n}.normbedrag_maand.{j}"),
             ("Normbedrag per jaar", f"{n}.normbedrag_jaar.{j}"),
             ("Vakantietoeslag", f"{n}.vakantietoeslag.{j}"),
             ("Norm inclusief vakantietoeslag per jaar", f"{n}.norm_inclusief_vt.{j}"),
             ("Afdrachten", f"{n}.afdrachten_bruto.{j}"),
             ("Correctie heffingskorting", "aanname.correctie_heffingskorting"),
             ("Afdrachten na correctie", f"{n}.afdrachten_netto.{j}"),
             ("Prijs van een jaar uitkering", f"{n}.{j}"),
             *((("Prijs als het normbedrag de vakantietoeslag al bevat",
                 f"vtnorm.prijs.{soort}.{j}"),)
               if f"vtnorm.prijs.{soort}.{j}" in f else ())], f,
            "normbedragen uit de regelgeving (zie de rekenverantwoording); "
            + _aannamebron(d, "vakantietoeslag, afdrachten en de correctie voor de "
                           "heffingskorting", "vakantietoeslag_uitkering",
                           "afdrachten_percentage", "correctie_heffingskorting"))

    return tabel


def _aannamebron(d: Dataset, wat: str, *namen: str) -> str:
    """'wat: bron' met de bronnen van aannames uit doorrekening.yaml, kort en zonder dubbelen;
    zonder bron 'wat: aannames van de gemeente (doorrekening.yaml)'."""
    bronnen = d.doorrekening.bronnen if d.doorrekening is not None else {}
    documenten = "; ".join(brondocumenten(bronnen[n] for n in namen if bronnen.get(n)))
    return f"{wat}: {documenten or 'aannames van de gemeente (doorrekening.yaml)'}"


def _bron_werkgeverslasten(f: Cijferset, j: int) -> str:
    """Waar het percentage werkgeverslasten vandaan komt: de regelgeving, of (als dat niet is
    bevestigd) de bron van de gebruikte waarde naast het laatst bevestigde percentage."""
    wgl = f[f"prijs.lks.werkgeverslasten.{j}"]
    if wgl.parameter is None or wgl.parameter.status == "bevestigd":
        return "werkgeverslasten uit de regelgeving"
    bron = korte_bron(wgl) or "de parameters van vangnet"
    tekst = f"werkgeverslasten {wgl.tekst()} volgens {bron}"
    regeling = f"prijs.lks.werkgeverslasten_regeling.{j}"
    if regeling in f:
        tekst += (f", niet bevestigd: de laatst gevonden regeling noemt "
                  f"{f[regeling].tekst()}, een percentage voor {j} is niet gevonden")
    return tekst


def prijs_lks(d: Dataset, f: Cijferset) -> Tabel | None:
    j, n = d.aanvraagjaar + 1, "prijs.lks"
    if f"{n}.{j}" not in f:
        return None
    return _stappentabel(
        "prijs_lks", f"Kosten van een jaar loonkostensubsidie per persoon ({j})",
        [("Minimumloon per uur", f"{n}.minimumloon_uur.{j}"),
         ("Uren per week (cao)", "aanname.uren_per_week"),
         ("Weken per jaar", f"{n}.weken_per_jaar.{j}"),
         ("Minimumloon per jaar", f"{n}.minimumloon_jaar.{j}"),
         ("Vakantiebijslag", f"{n}.vakantietoeslag.{j}"),
         ("Minimumloon inclusief vakantiebijslag", f"{n}.loon_inclusief_vt.{j}"),
         ("Werkgeverslasten (percentage)", f"{n}.werkgeverslasten.{j}"),
         ("Werkgeverslasten", f"{n}.werkgeverslasten_bedrag.{j}"),
         ("Loonkosten inclusief werkgeverslasten", f"{n}.loonkosten.{j}"),
         ("Gemiddelde loonwaarde", "aanname.loonwaarde"),
         ("Deel dat de loonwaarde dekt (betaalt de werkgever)", f"{n}.loonwaarde_bedrag.{j}"),
         ("Prijs van een jaar loonkostensubsidie", f"{n}.{j}")], f,
        "minimumloon en vakantiebijslag uit de regelgeving; " + _bron_werkgeverslasten(f, j)
        + "; " + _aannamebron(d, "uren per week en loonwaarde", "uren_per_week", "loonwaarde"),
        kop="Waarde")


_UITSTROOM = (
    ("alleenstaande", "Uitstroom alleenstaande zonder LKS"),
    ("alleenstaande_naar_lks", "Uitstroom alleenstaande met LKS"),
    ("gehuwden", "Uitstroom gehuwden zonder LKS"),
    ("gehuwden_naar_lks", "Uitstroom van één van de gehuwden met LKS"),
)


def uitstroom_besparing(d: Dataset, f: Cijferset) -> Tabel | None:
    j = d.aanvraagjaar + 1
    if f"doorrekening.te_compenseren.{j}" not in f:
        return None
    lezing = f"vtnorm.besparing.alleenstaande.{j}" in f
    rijen = tuple((T(label), F(f"doorrekening.besparing.{s}.{j}", f),
                   F(f"doorrekening.benodigd.{s}.{j}", f),
                   *((F(f"vtnorm.besparing.{s}.{j}", f), F(f"vtnorm.benodigd.{s}.{j}", f))
                     if lezing else ()))
                  for s, label in _UITSTROOM)
    tekort = f[f"doorrekening.te_compenseren.{j}"].tekst()
    koppen = ("Soort uitstroom", "Besparing per huishouden", "Benodigd aantal")
    toelichting = ("Elke regel is een alternatief: het aantal huishoudens dat van die ene soort "
                   "zou moeten uitstromen.")
    if lezing:
        koppen += ("Besparing als de norm de vakantietoeslag al bevat", "Benodigd aantal (idem)")
        toelichting += (" De eerste twee kolommen rekenen met vakantietoeslag "
                        "bovenop het normbedrag; de laatste twee met een normbedrag dat de "
                        "vakantietoeslag al bevat. Welke lezing juist is, is niet bevestigd.")
    return Tabel("uitstroom_besparing",
                 f"Besparing per huishouden en benodigde uitstroom om {tekort} te compenseren",
                 koppen, rijen,
                 "berekening uit de prijzen van een uitkering en van loonkostensubsidie",
                 toelichting=toelichting)


def vergelijkingsgroep(d: Dataset, f: Cijferset) -> Tabel | None:
    jaar = d.aanvraagjaar
    if f"doorrekening.ambitie.gap.{jaar}" not in f:
        return None
    namen = KENMERKLABELS
    rijen = [(T(f"Geschat kostenaandeel gemeente {jaar}"),
              F(f"lks.kostenaandeel_geschat.{jaar}", f))]
    rijen += [(T(label), F(f"vergelijking.{k}.{jaar}", f)) for k, label in namen.items()
              if f"vergelijking.{k}.{jaar}" in f]
    rijen.append((T("Verschil met het ambitieniveau"), F(f"doorrekening.ambitie.gap.{jaar}", f)))
    return Tabel("vergelijkingsgroep", "Budgetaandeel LKS in de vergelijkingsgroep",
                 ("Kenmerk", "Aandeel"), tuple(rijen),
                 "vergelijkingsgroep.csv (" + _bronnen(d, "vergelijkingsgroep") + ")")


def scenario(d: Dataset, f: Cijferset) -> Tabel | None:
    j = d.aanvraagjaar + 1
    if f"doorrekening.scenario.besparing.{j}" not in f:
        return None
    lezing = f"vtnorm.scenario.besparing.{j}" in f
    rijen = tuple(
        (T(label), F(f"doorrekening.scenario.aantal.{s}.{j}", f),
         F(f"doorrekening.besparing.{s}.{j}", f),
         F(f"doorrekening.scenario.besparing.{s}.{j}", f),
         *((F(f"vtnorm.scenario.besparing.{s}.{j}", f),) if lezing else ()))
        for s, label in _UITSTROOM if f"doorrekening.scenario.aantal.{s}.{j}" in f
    )
    koppen = ("Soort uitstroom", "Aantal", "Besparing per huishouden", "Besparing")
    totaal = (T("Totaal"), T(""), T(""), F(f"doorrekening.scenario.besparing.{j}", f))
    toelichting = None
    if lezing:
        koppen += ("Besparing als de norm de vakantietoeslag al bevat",)
        totaal += (F(f"vtnorm.scenario.besparing.{j}", f),)
        toelichting = ("De kolom Besparing rekent met vakantietoeslag bovenop "
                       "het normbedrag; de laatste kolom met een normbedrag dat de "
                       "vakantietoeslag al bevat. Welke lezing juist is, is niet bevestigd.")
    return Tabel("scenario", "Verwachte besparing bij het ambitieniveau", koppen, rijen,
                 "berekening uit de vergelijkingsgroep en de prijzen van een uitkering en van "
                 "loonkostensubsidie", totaal=totaal, toelichting=toelichting)


def maatregelen(d: Dataset, f: Cijferset) -> Tabel | None:
    if not d.heeft("maatregelen") or d.tabel("maatregelen").empty:
        return None
    rijen = []
    for r in d.tabel("maatregelen").to_dict("records"):
        if r["besluit"]:
            if r["besluitdatum"]:
                besluit = opmaak.datum(r["besluitdatum"])
            elif d.is_in_te_vullen(d.bestandsnaam("maatregelen"), r[RIJ], "besluitdatum"):
                besluit = "ja, datum nog in te vullen"
            else:
                besluit = "ja, datum onbekend"
        else:
            besluit = "nee"
        rijen.append((T(r["id"]), T(r["maatregel"]), T(r["soort"]),
                      T(MAATREGELSTATUS[r["status"]]), T(besluit),
                      T({"lks-budget": "LKS-budget", "ambitie": "scenario"}.get(r["effect"], "–")),
                      T(r["bron_document"])))
    return Tabel("maatregelen", "Maatregelen gericht op het terugdringen van het tekort",
                 ("Code", "Maatregel", "Soort", "Status", "Besluit", "Doorgerekend",
                  "Vastgelegd in"), tuple(rijen), "de stukken in de laatste kolom",
                 toelichting="Als getroffen tellen alleen maatregelen met een besluit (status "
                 "besloten, uitgevoerd of geëvalueerd). De kolom Doorgerekend noemt de "
                 "doorrekening in hoofdstuk 6 die het effect laat zien.")


def indicatoren(d: Dataset, f: Cijferset) -> Tabel | None:
    if not d.heeft("indicatoren") or d.tabel("indicatoren").empty:
        return None
    gegevens = d.tabel("indicatoren")
    jaren = sorted({int(j) for j in gegevens["jaar"]})
    codes = indicatorcodes(gegevens.to_dict("records"))
    rijen = []
    for (maatregel, indicator), groep in gegevens.groupby(["maatregel", "indicator"], sort=False):
        norm = groep.iloc[0]["norm"]
        code = codes[(maatregel, indicator)]
        basis = indicatorbasis(code)
        cellen = [T(code), T(indicator), T("minstens" if norm == "minimaal" else "hoogstens")]
        for j in jaren:
            cellen += [F(f"{basis}.doel.{j}", f), F(f"{basis}.realisatie.{j}", f)]
        rijen.append(tuple(cellen))
    koppen = ["Code", "Indicator", "Doel is"]
    for j in jaren:
        koppen += [f"Doel {j}", f"Bereikt {j}"]
    return Tabel("indicatoren", "Doelen en resultaten van maatregelen", tuple(koppen),
                 tuple(rijen), _bronnen(d, "indicatoren") or "indicatoren",
                 toelichting="De code begint met de code van de maatregel. Een streepje in een "
                 "kolom Bereikt: de realisatie is nog niet bekend.")


TABELLEN: dict[str, Callable[[Dataset, Cijferset], Tabel | None]] = {
    "buig_meerjarig": buig_meerjarig,
    "buig_uitkeringen": buig_onderdeel("uitkeringen"),
    "buig_lks": buig_onderdeel("lks"),
    "vangnet_toets": vangnet_toets,
    "gemiddelde_kosten": gemiddelde_kosten,
    "huishoudens": huishoudens,
    "instroom": stroom("instroom"),
    "uitstroom": stroom("uitstroom"),
    "treden": treden,
    "lks_treden": lks_treden,
    "lks_budgetverloop": lks_budgetverloop,
    "prijs_gehuwden": prijs_uitkering("gehuwden"),
    "prijs_alleenstaande": prijs_uitkering("alleenstaande"),
    "prijs_lks": prijs_lks,
    "uitstroom_besparing": uitstroom_besparing,
    "vergelijkingsgroep": vergelijkingsgroep,
    "scenario": scenario,
    "maatregelen": maatregelen,
    "indicatoren": indicatoren,
}
