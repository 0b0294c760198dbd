"""De grafieken van het dossier (Altair/Vega-Lite), gemaakt uit cijfers.

Elke grafiek heeft een titel, een tekstalternatief in gewone taal (uit de cijfers berekend)
en de tabel met de getoonde gegevens. Waar de gegevens ontbreken, is er geen grafiek: er
worden nooit gegevens verzonnen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

import altair as alt
import pandas as pd

from vangnet import opmaak
from vangnet.cijfers.analyse import idsleutel, tredesleutel
from vangnet.cijfers.kern import Cijferset, formatteer
from vangnet.data.dataset import Dataset
from vangnet.exact import naar_float
from vangnet.tabellen.definities import Cel, Tabel

BLAUW, ORANJE, GROEN, GRIJS, PAARS = "#1d4f91", "#b4541a", "#2f6b3a", "#5c5c5c", "#6b3fa0"
LETTERTYPE = "DejaVu Sans"


@dataclass(frozen=True)
class Grafiek:
    id: str
    titel: str
    alt: str
    spec: dict[str, Any]
    tabel: Tabel


def _als_float(chart: Any) -> None:
    """Vega-Lite kent geen exacte getallen: zet de breuken in de gegevens van een grafiek (en van
    haar lagen) om in ``float``. Alleen het beeld gebruikt ze; de cijfers en de tabel bij de
    grafiek blijven exact."""
    gegevens = getattr(chart, "data", None)
    if isinstance(gegevens, pd.DataFrame):
        for kolom in gegevens.columns:
            if gegevens[kolom].map(lambda w: isinstance(w, Fraction | Decimal)).any():
                gegevens[kolom] = gegevens[kolom].map(
                    lambda w: naar_float(w) if isinstance(w, Fraction | Decimal) else w)
    for laag in getattr(chart, "layer", None) or []:
        _als_float(laag)


def _basis(chart: alt.Chart, hoogte: int = 260) -> dict[str, Any]:
    _als_float(chart)
    spec = chart.properties(width="container", height=hoogte).configure_view(
        stroke=None
    ).configure_axis(labelFontSize=12, titleFontSize=12, labelFont=LETTERTYPE,
                     titleFont=LETTERTYPE, aria=False).configure_legend(
        labelFontSize=12, titleFontSize=12, orient="bottom", labelFont=LETTERTYPE,
        titleFont=LETTERTYPE, labelLimit=400, aria=False).configure_mark(aria=False).to_dict(
        validate=False)
    # validate=False: de bouw controleert niet telkens tegen het schema; tests/test_grafieken.py
    # controleert elke grafiek van de voorbeeld- en testdossiers tegen het Vega-Lite-schema.
    # aria=False: Vega zou Engelse beschrijvingen maken ("X-axis titled ..."); de grafiek heeft
    # een Nederlands tekstalternatief en een tabel met de gegevens
    spec.pop("$schema", None)
    return spec


def _tabel(id_: str, titel: str, koppen: tuple[str, ...], rijen: list[tuple[Cel, ...]],
           bron: str) -> Tabel:
    return Tabel(f"grafiek_{id_}", titel, koppen, tuple(rijen), bron)


def _euro_as(titel: str) -> alt.Axis:
    return alt.Axis(title=titel, format="$,.0f")


# -- tekstalternatieven: eerst de bevinding, dan wat voor grafiek het is ----------------------

def _verloop(f: Cijferset, eerste: str, laatste: str, j1: object, j2: object,
             meervoud: bool = False) -> str:
    """'steeg van A in j1 naar B in j2', 'daalde van ...' of 'was A in j1 en in j2', uit de
    getoonde (afgeronde) waarden, zodat de woorden kloppen met de getallen ernaast."""
    a, b = f[eerste], f[laatste]
    if a.tekst() == b.tekst():
        return f"{'waren' if meervoud else 'was'} {a.tekst()} in {j1} en in {j2}"
    woord = ("stegen" if meervoud else "steeg") if b.waarde > a.waarde else (
        "daalden" if meervoud else "daalde")
    return f"{woord} van {a.tekst()} in {j1} naar {b.tekst()} in {j2}"


def _vergelijk(a: float, b: float) -> str:
    """'boven', 'onder' of 'gelijk aan': a ten opzichte van b."""
    return "boven" if a > b else "onder" if a < b else "gelijk aan"


def _in_hoeveel(aantal: int, van: int) -> str:
    """'In alle 5 jaren', 'In geen van de 5 jaren', 'In 3 van de 5 jaren'."""
    if aantal == van:
        return f"In alle {van} jaren"
    return f"In geen van de {van} jaren" if aantal == 0 else f"In {aantal} van de {van} jaren"


def budget_kosten(d: Dataset, f: Cijferset) -> Grafiek | None:
    jaren = [int(j) for j in sorted(d.tabel("buig")["jaar"]) if f"buig.tekort.{int(j)}" in f]
    if not jaren:
        return None
    rijen = []
    for j in jaren:
        rijen += [{"jaar": str(j), "soort": "Budget", "bedrag": f.waarde(f"buig.budget.{j}")},
                  {"jaar": str(j), "soort": "Kosten", "bedrag": f.waarde(f"buig.kosten.{j}")}]
    df = pd.DataFrame(rijen)
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("jaar:N", title="Jaar", axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("soort:N"),
        y=alt.Y("bedrag:Q", axis=_euro_as("Bedrag")),
        color=alt.Color("soort:N", title=None,
                        scale=alt.Scale(domain=["Budget", "Kosten"], range=[BLAUW, ORANJE])),
        tooltip=[alt.Tooltip("jaar:N", title="Jaar"), alt.Tooltip("soort:N", title="Soort"),
                 alt.Tooltip("bedrag:Q", title="Bedrag", format="$,.0f")],
    )
    boven = [j for j in jaren if f.waarde(f"buig.tekort.{j}") > 0]
    laatste = f[f"buig.tekort.{jaren[-1]}"]
    saldo = (f"een tekort van {laatste.tekst()}" if laatste.waarde > 0 else
             f"een overschot van {formatteer(-laatste.waarde, laatste.eenheid, laatste.decimalen)}"
             if laatste.waarde < 0 else "geen tekort")
    periode = (f"van {jaren[0]} tot en met {jaren[-1]}" if len(jaren) > 1 else f"{jaren[0]}")
    alt_tekst = (
        f"{_in_hoeveel(len(boven), len(jaren))} {periode} waren de kosten hoger dan het "
        f"BUIG-budget; in {jaren[-1]} was er {saldo}. Staafdiagram met per jaar het budget en "
        "de kosten."
    ) if len(jaren) > 1 else (
        f"In {jaren[0]} was er {saldo}. Staafdiagram met het BUIG-budget en de kosten."
    )
    tabel = _tabel("budget_kosten", "Gegevens bij de grafiek", ("Jaar", "Budget", "Kosten"),
                   [(Cel(tekst=str(j)), Cel(f"buig.budget.{j}"), Cel(f"buig.kosten.{j}"))
                    for j in jaren], "buig.csv")
    return Grafiek("budget_kosten", "BUIG-budget en kosten per jaar", alt_tekst, _basis(chart),
                   tabel)


def tekortpercentage(d: Dataset, f: Cijferset) -> Grafiek | None:
    jaar = d.aanvraagjaar
    jaren = [int(j) for j in sorted(d.tabel("buig")["jaar"]) if f"buig.tekort.{int(j)}" in f]
    if not jaren:
        return None
    df = pd.DataFrame({"jaar": [str(j) for j in jaren],
                       "tekort": [f.waarde(f"buig.tekortpercentage.{j}") for j in jaren]})
    drempels, in_een_zin = [], []
    for regime, naam in (("regulier", "drempel regulier vangnet"),
                         ("uitgebreid", "drempel uitgebreid vangnet")):
        if f"vangnet.{regime}.grens_1.{jaar}" in f:
            drempels.append({"drempel": f.waarde(f"vangnet.{regime}.grens_1.{jaar}"),
                             "naam": f"{naam} {jaar}"})
            in_een_zin.append(f"de drempel van het {regime}e vangnet")
    staven = alt.Chart(df).mark_bar(color=ORANJE).encode(
        x=alt.X("jaar:N", title="Jaar", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("tekort:Q", title="Tekort (% van het budget)",
                axis=alt.Axis(format=".0%")),
        tooltip=[alt.Tooltip("jaar:N", title="Jaar"),
                 alt.Tooltip("tekort:Q", title="Tekort", format=".1%")],
    )
    lijnen = alt.Chart(pd.DataFrame(drempels)).mark_rule(strokeDash=[6, 4], size=2).encode(
        y="drempel:Q", color=alt.Color("naam:N", title=None,
                                        scale=alt.Scale(range=[GRIJS, BLAUW])),
        tooltip=[alt.Tooltip("naam:N", title="Drempel"),
                 alt.Tooltip("drempel:Q", title="Percentage van het budget", format=".1%")])
    per_jaar = ", ".join(
        f"{j} ({opmaak.percentage(f.waarde(f'buig.tekortpercentage.{j}'))})" for j in jaren
    )
    laatst = f"buig.tekortpercentage.{jaren[-1]}"
    bevinding = f"In {jaren[-1]} was het tekort {f[laatst].tekst()} van het budget"
    if drempels:
        bevinding += ": " + opmaak.opsomming([
            f"{_vergelijk(f.waarde(laatst), x['drempel'])} {zin} "
            f"({opmaak.percentage(x['drempel'])})"
            for x, zin in zip(drempels, in_een_zin, strict=True)])
    alt_tekst = (
        f"{bevinding}. Staafdiagram van het tekort als percentage van het budget per jaar: "
        f"{per_jaar}"
        + (", met de drempels als stippellijnen." if drempels else ".")
    )
    tabel = _tabel("tekortpercentage", "Gegevens bij de grafiek", ("Jaar", "Tekortpercentage"),
                   [(Cel(tekst=str(j)), Cel(f"buig.tekortpercentage.{j}")) for j in jaren],
                   "buig.csv en de parameters van de regeling")
    return Grafiek("tekortpercentage", "Tekort als percentage van het budget, met de drempels",
                   alt_tekst, _basis(staven + lijnen), tabel)


def budget_onderdelen(d: Dataset, f: Cijferset) -> Grafiek | None:
    jaren = [int(j) for j in sorted(d.tabel("buig")["jaar"])
             if f"buig.budget_uitkeringen.{int(j)}" in f and f"buig.budget_lks.{int(j)}" in f]
    if not jaren:
        return None
    rijen = []
    for j in jaren:
        rijen += [{"jaar": str(j), "deel": "Uitkeringen-deel",
                   "bedrag": f.waarde(f"buig.budget_uitkeringen.{j}")},
                  {"jaar": str(j), "deel": "LKS-deel", "bedrag": f.waarde(f"buig.budget_lks.{j}")}]
    chart = alt.Chart(pd.DataFrame(rijen)).mark_bar().encode(
        x=alt.X("jaar:N", title="Jaar", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("bedrag:Q", axis=_euro_as("Budget"), stack="zero"),
        color=alt.Color("deel:N", title=None, scale=alt.Scale(
            domain=["Uitkeringen-deel", "LKS-deel"], range=[BLAUW, GROEN])),
        order=alt.Order("deel:N", sort="descending"),
        tooltip=[alt.Tooltip("jaar:N", title="Jaar"), alt.Tooltip("deel:N", title="Deel"),
                 alt.Tooltip("bedrag:Q", title="Budget", format="$,.0f")],
    )
    eerste, laatste = jaren[0], jaren[-1]
    alt_tekst = (
        "Het aandeel van het LKS-deel in het budget "
        + _verloop(f, f"buig.aandeel_lks.{eerste}", f"buig.aandeel_lks.{laatste}", eerste,
                   laatste)
        + f". Gestapeld staafdiagram van het budget per jaar, {eerste} tot en met {laatste}, "
        "verdeeld in uitkeringen-deel en LKS-deel."
    )
    tabel = _tabel("budget_onderdelen", "Gegevens bij de grafiek",
                   ("Jaar", "Uitkeringen-deel", "LKS-deel"),
                   [(Cel(tekst=str(j)), Cel(f"buig.budget_uitkeringen.{j}"),
                     Cel(f"buig.budget_lks.{j}")) for j in jaren], "buig.csv")
    return Grafiek("budget_onderdelen", "Budget naar uitkeringen-deel en LKS-deel", alt_tekst,
                   _basis(chart), tabel)


def lks_aandelen(d: Dataset, f: Cijferset) -> Grafiek | None:
    jaar = d.aanvraagjaar
    rijen, cellen = [], []
    for j in sorted(int(x) for x in d.tabel("lks_landelijk")["jaar"]):
        kosten = f"lks.kostenaandeel.{j}" if f"lks.kostenaandeel.{j}" in f else (
            f"lks.kostenaandeel_geschat.{j}" if f"lks.kostenaandeel_geschat.{j}" in f else None)
        budget = f"lks.budgetaandeel.{j}" if f"lks.budgetaandeel.{j}" in f else None
        if kosten:
            rijen.append({"jaar": str(j), "soort": "Kostenaandeel", "aandeel": f.waarde(kosten)})
        if budget:
            rijen.append({"jaar": str(j), "soort": "Budgetaandeel", "aandeel": f.waarde(budget)})
        cellen.append((Cel(tekst=str(j)), Cel(kosten) if kosten else Cel(tekst="–"),
                       Cel(budget) if budget else Cel(tekst="–")))
    if not rijen:
        return None
    chart = alt.Chart(pd.DataFrame(rijen)).mark_line(point=True, strokeWidth=3).encode(
        x=alt.X("jaar:N", title="Jaar", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("aandeel:Q", title="Aandeel landelijk totaal",
                axis=alt.Axis(format=".2%"), scale=alt.Scale(zero=False)),
        color=alt.Color("soort:N", title=None, scale=alt.Scale(
            domain=["Kostenaandeel", "Budgetaandeel"], range=[ORANJE, BLAUW])),
        # dezelfde volgorde als de kleur: dan voegt Vega-Lite beide tot één legenda samen
        strokeDash=alt.StrokeDash("soort:N", title=None, scale=alt.Scale(
            domain=["Kostenaandeel", "Budgetaandeel"])),
        tooltip=[alt.Tooltip("jaar:N", title="Jaar"), alt.Tooltip("soort:N", title="Soort"),
                 alt.Tooltip("aandeel:Q", title="Aandeel", format=".4%")],
    )
    kosten_ids = [(int(r["jaar"]), k) for r, k in
                  ((r, f"lks.kostenaandeel.{r['jaar']}") for r in rijen
                   if r["soort"] == "Kostenaandeel")]
    kosten_ids = [(j, k if k in f else f"lks.kostenaandeel_geschat.{j}") for j, k in kosten_ids]
    bevinding = ""
    if len(kosten_ids) > 1:
        bevinding = ("Het kostenaandeel " + _verloop(f, kosten_ids[0][1], kosten_ids[-1][1],
                                                     kosten_ids[0][0], kosten_ids[-1][0]) + ". ")
    if f"lks.budgetaandeel.{jaar}" in f and kosten_ids and kosten_ids[-1][0] == jaar:
        budget, kosten = f[f"lks.budgetaandeel.{jaar}"], f[kosten_ids[-1][1]]
        bevinding += (f"Het budgetaandeel over {jaar} ({budget.tekst()}) lag "
                      f"{_vergelijk(budget.waarde, kosten.waarde)} het kostenaandeel "
                      f"({kosten.tekst()}). ")
    alt_tekst = (
        f"{bevinding}Lijndiagram van het kostenaandeel en het budgetaandeel "
        "loonkostensubsidie van de gemeente in het landelijk totaal. De lijn van het "
        "budgetaandeel volgt die van het kostenaandeel met een jaar vertraging; het "
        f"kostenaandeel over {jaar} is een schatting."
    )
    tabel = _tabel("lks_aandelen", "Gegevens bij de grafiek",
                   ("Jaar", "Kostenaandeel", "Budgetaandeel"), cellen,
                   f"{d.bestandsnaam('lks_landelijk')} en buig.csv")
    return Grafiek("lks_aandelen", "Kostenaandeel en budgetaandeel loonkostensubsidie",
                   alt_tekst, _basis(chart), tabel)


def _staaf_per_jaar(id_: str, titel: str, reeksen: list[tuple[str, str, str]], jaren: list[int],
                    f: Cijferset, as_titel: str, formaat: str, bron: str,
                    alt_begin: str, bevinding: str = "") -> Grafiek | None:
    """Gegroepeerde staven per jaar voor een paar reeksen (label, id-voorvoegsel, kleur)."""
    rijen, cellen = [], []
    for j in jaren:
        rij_cellen = [Cel(tekst=str(j))]
        for label, voorvoegsel, _ in reeksen:
            fid = f"{voorvoegsel}.{j}"
            if fid in f:
                rijen.append({"jaar": str(j), "reeks": label, "waarde": f.waarde(fid)})
                rij_cellen.append(Cel(fid))
            else:
                rij_cellen.append(Cel(tekst="–"))
        cellen.append(tuple(rij_cellen))
    if not rijen:
        return None
    chart = alt.Chart(pd.DataFrame(rijen)).mark_bar().encode(
        x=alt.X("jaar:N", title="Jaar", axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("reeks:N"),
        y=alt.Y("waarde:Q", title=as_titel, axis=alt.Axis(format=formaat)),
        color=alt.Color("reeks:N", title=None, scale=alt.Scale(
            domain=[r[0] for r in reeksen], range=[r[2] for r in reeksen])),
        tooltip=[alt.Tooltip("jaar:N", title="Jaar"), alt.Tooltip("reeks:N", title="Reeks"),
                 alt.Tooltip("waarde:Q", title=as_titel, format=formaat)],
    )
    delen = []
    for j in jaren:
        stukken = [f"{_klein(label)} {f[f'{vv}.{j}'].tekst()}" for label, vv, _ in reeksen
                   if f"{vv}.{j}" in f]
        if stukken:
            delen.append(f"{j}: " + ", ".join(stukken))
    beschrijving = "; ".join(delen)
    tabel = _tabel(id_, "Gegevens bij de grafiek", ("Jaar", *(r[0] for r in reeksen)), cellen,
                   bron)
    return Grafiek(id_, titel, f"{bevinding}{alt_begin} {beschrijving}.", _basis(chart), tabel)


def huishoudens(d: Dataset, f: Cijferset) -> Grafiek | None:
    if not d.heeft("huishoudens"):
        return None
    jaren = sorted(int(j) for j in d.tabel("huishoudens")["jaar"])
    beide = [j for j in jaren if f"huishoudens.voorspeld.{j}" in f
             and f"huishoudens.gerealiseerd.{j}" in f]
    bevinding = ""
    if beide:
        meer = [j for j in beide if f.waarde(f"huishoudens.gerealiseerd.{j}")
                > f.waarde(f"huishoudens.voorspeld.{j}")]
        laatste = beide[-1]
        bevinding = (f"{_in_hoeveel(len(meer), len(beide))} met een gerealiseerd aantal waren "
                     "er meer bijstandshuishoudens dan het Rijk voorspelde; in "
                     f"{laatste}: {f[f'huishoudens.gerealiseerd.{laatste}'].tekst()} tegen "
                     f"{f[f'huishoudens.voorspeld.{laatste}'].tekst()} voorspeld. ")
        if len(beide) == 1:
            bevinding = (f"In {laatste} waren er "
                         f"{f[f'huishoudens.gerealiseerd.{laatste}'].tekst()} "
                         "bijstandshuishoudens; het Rijk voorspelde "
                         f"{f[f'huishoudens.voorspeld.{laatste}'].tekst()}. ")
    return _staaf_per_jaar(
        "huishoudens", "Bijstandshuishoudens: voorspeld door het Rijk en gerealiseerd",
        [("Voorspeld", "huishoudens.voorspeld", GRIJS),
         ("Gerealiseerd", "huishoudens.gerealiseerd", ORANJE)],
        jaren, f, "Aantal huishoudens", ",.0f", "huishoudens.csv",
        "Staafdiagram van het aantal bijstandshuishoudens per jaar, voorspeld en gerealiseerd.",
        bevinding)


def stromen(d: Dataset, f: Cijferset) -> Grafiek | None:
    if not (d.heeft("instroom") and d.heeft("uitstroom")):
        return None
    jaren = sorted({int(j) for j in d.tabel("instroom")["jaar"]}
                   | {int(j) for j in d.tabel("uitstroom")["jaar"]})
    beide = [j for j in jaren if f"instroom.totaal.{j}" in f and f"uitstroom.totaal.{j}" in f]
    bevinding = ""
    if beide:
        meer = [j for j in beide
                if f.waarde(f"instroom.totaal.{j}") > f.waarde(f"uitstroom.totaal.{j}")]
        laatste = beide[-1]
        stand = (f"in {laatste}: instroom {f[f'instroom.totaal.{laatste}'].tekst()}, "
                 f"uitstroom {f[f'uitstroom.totaal.{laatste}'].tekst()}. ")
        bevinding = (f"{_in_hoeveel(len(meer), len(beide))} stroomden er meer personen de "
                     f"bijstand in dan uit; {stand}") if len(beide) > 1 else stand.capitalize()
    return _staaf_per_jaar(
        "stromen", "Instroom en uitstroom per jaar",
        [("Instroom", "instroom.totaal", ORANJE), ("Uitstroom", "uitstroom.totaal", BLAUW)],
        jaren, f, "Aantal personen", ",.0f", "instroom.csv en uitstroom.csv",
        "Staafdiagram van de instroom in en de uitstroom uit de bijstand per jaar.", bevinding)


def gemiddelde_kosten(d: Dataset, f: Cijferset) -> Grafiek | None:
    if not d.heeft("gemiddelde_kosten"):
        return None
    jaren = sorted(int(j) for j in d.tabel("gemiddelde_kosten")["jaar"])
    bekend = [j for j in jaren if f"gemkosten.per_persoon.{j}" in f]
    if "gemkosten.mutatie.per_persoon_buig" not in f:
        bevinding = ("De kosten per persoon " + _verloop(
            f, f"gemkosten.per_persoon.{bekend[0]}", f"gemkosten.per_persoon.{bekend[-1]}",
            bekend[0], bekend[-1], meervoud=True) + ". ") if len(bekend) > 1 else ""
        return _staaf_per_jaar(
            "gemiddelde_kosten", "Kosten van de uitkeringen per persoon in het bestand",
            [("Kosten per persoon", "gemkosten.per_persoon", BLAUW)], jaren, f,
            "Kosten per persoon", "$,.0f", "gemiddelde_kosten.csv",
            "Staafdiagram van de kosten van de uitkeringen gedeeld door het gemiddelde bestand.",
            bevinding)
    # twee reeksen: de kosten van het uitkeringen-deel (elk jaar dezelfde afbakening) en de
    # kosten uit de tabel van de bron (niet elk jaar dezelfde afbakening)
    j0, j1 = jaren[0], jaren[-1]

    def verloop(stam: str) -> str:
        return (_verloop(f, f"{stam}.{j0}", f"{stam}.{j1}", j0, j1, meervoud=True)
                + f" ({f[stam.replace('.per_persoon', '.mutatie.per_persoon')].tekst()})")

    bevinding = (f"De kosten per persoon {verloop('gemkosten.per_persoon_buig')} met de "
                 f"kosten van het uitkeringen-deel, en {verloop('gemkosten.per_persoon')} met "
                 "de kosten uit de tabel van de bron. ")
    return _staaf_per_jaar(
        "gemiddelde_kosten", "Kosten van de uitkeringen per persoon in het bestand",
        [("Met de kosten van het uitkeringen-deel", "gemkosten.per_persoon_buig", BLAUW),
         ("Met de kosten uit de tabel van de bron", "gemkosten.per_persoon", GRIJS)], jaren, f,
        "Kosten per persoon", "$,.0f", "gemiddelde_kosten.csv en buig.csv",
        "Staafdiagram van de kosten van de uitkeringen gedeeld door het gemiddelde bestand, "
        "in twee reeksen.", bevinding)


def _klein(label: str) -> str:
    """Een label midden in een zin: alleen de eerste letter klein (LKS blijft LKS)."""
    return label[:1].lower() + label[1:]


def _horizontaal(id_: str, titel: str, rijen: list[dict[str, Any]], cellen: list[tuple[Cel, ...]],
                 koppen: tuple[str, ...], as_titel: str, bron: str, alt_tekst: str,
                 kleur: alt.Color | None = None, formaat: str = ",.0f") -> Grafiek:
    chart = alt.Chart(pd.DataFrame(rijen)).mark_bar(color=BLAUW).encode(
        y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=440)),
        x=alt.X("waarde:Q", title=as_titel, axis=alt.Axis(format=",.0f", tickCount=6)),
        tooltip=[alt.Tooltip("label:N", title="Onderdeel"),
                 alt.Tooltip("waarde:Q", title=as_titel, format=formaat)],
        **({"color": kleur} if kleur is not None else {}),
    )
    return Grafiek(id_, titel, alt_tekst, _basis(chart, hoogte=max(120, 26 * len(rijen))),
                   _tabel(id_, "Gegevens bij de grafiek", koppen, cellen, bron))


def uitstroom_redenen(d: Dataset, f: Cijferset) -> Grafiek | None:
    jaar = d.aanvraagjaar
    if not d.heeft("uitstroom"):
        return None
    gegevens = d.tabel("uitstroom")
    gegevens = gegevens[(gegevens["jaar"] == jaar) & (gegevens["aantal"] > 0)]
    if gegevens.empty:
        return None
    gegevens = gegevens.sort_values("aantal", ascending=False, kind="stable")
    rijen, cellen = [], []
    for r in gegevens.itertuples():
        fid = f"uitstroom.{idsleutel(r.reden)}.{jaar}"
        rijen.append({"label": r.reden, "waarde": f.waarde(fid),
                      "beinvloedbaar": r.beinvloedbaarheid})
        cellen.append((Cel(tekst=r.reden), Cel(fid), Cel(tekst=r.beinvloedbaarheid)))
    kleuren = {"hoog": BLAUW, "laag": GRIJS, "onbekend": PAARS}
    aanwezig = [k for k in kleuren if k in set(gegevens["beinvloedbaarheid"])]  # geen lege legenda
    kleur = alt.Color("beinvloedbaar:N", title="Beïnvloedbaarheid", scale=alt.Scale(
        domain=aanwezig, range=[kleuren[k] for k in aanwezig]))
    hoog = f["uitstroom.beinvloedbaar." + str(jaar)].tekst() \
        if f"uitstroom.beinvloedbaar.{jaar}" in f else "geen"
    grootste = f[f"uitstroom.{idsleutel(rijen[0]['label'])}.{jaar}"].tekst()
    totaal = f[f"uitstroom.totaal.{jaar}"].tekst()
    alt_tekst = (
        f"De grootste reden van uitstroom in {jaar} was {_klein(rijen[0]['label'])}: "
        f"{grootste} van de {totaal} personen. Van die {totaal} personen stroomden er {hoog} "
        "uit om een reden die de gemeente goed kan beïnvloeden. Liggend staafdiagram van de "
        "redenen van uitstroom, van groot naar klein."
    )
    return _horizontaal("uitstroom_redenen", f"Redenen van uitstroom in {jaar}", rijen, cellen,
                        ("Reden", "Aantal", "Beïnvloedbaarheid"), "Aantal personen",
                        "uitstroom.csv", alt_tekst, kleur)


def treden(d: Dataset, f: Cijferset) -> Grafiek | None:
    if not d.heeft("treden"):
        return None
    rijen, cellen = [], []
    for r in d.tabel("treden").itertuples():
        fid = f"treden.{tredesleutel(r.trede, r.omschrijving)}"
        label = f"Trede {r.trede}: {r.omschrijving}"
        rijen.append({"label": label, "waarde": f.waarde(fid)})
        cellen.append((Cel(tekst=label), Cel(fid)))
    grootste = max(rijen, key=lambda r: r["waarde"])
    alt_tekst = (
        f"De grootste groep op de participatieladder is {_klein(grootste['label'])}, met "
        f"{opmaak.getal(grootste['waarde'])} van de {f['treden.totaal'].tekst()} personen. "
        "Liggend staafdiagram van het aantal personen per trede."
    )
    return _horizontaal("treden", "Personen per trede van de participatieladder", rijen, cellen,
                        ("Trede", "Aantal"), "Aantal personen", "treden.csv", alt_tekst)


def lks_personen(d: Dataset, f: Cijferset) -> Grafiek | None:
    if not d.heeft("lks_personen"):
        return None
    perioden = sorted(d.tabel("lks_personen")["periode"])
    rijen = [{"label": opmaak.maand(p), "waarde": f.waarde(f"lks_personen.{p}")} for p in perioden]
    cellen = [(Cel(tekst=opmaak.maand(p)), Cel(f"lks_personen.{p}")) for p in perioden]
    bevinding = ("Het aantal personen dat met loonkostensubsidie werkt " + _verloop(
        f, f"lks_personen.{perioden[0]}", f"lks_personen.{perioden[-1]}",
        opmaak.maand(perioden[0]), opmaak.maand(perioden[-1])) + ". ") if len(perioden) > 1 else ""
    alt_tekst = (
        f"{bevinding}Liggend staafdiagram van het aantal personen dat met loonkostensubsidie "
        "werkt, op de peilmomenten waarvoor een aantal bekend is: "
        + opmaak.opsomming([f"{opmaak.maand(p)}: {f[f'lks_personen.{p}'].tekst()}"
                            for p in perioden]) + "."
    )
    return _horizontaal("lks_personen", "Personen aan het werk met loonkostensubsidie", rijen,
                        cellen, ("Peilmoment", "Aantal"), "Aantal personen",
                        "lks_personen.csv", alt_tekst)


def benodigde_uitstroom(d: Dataset, f: Cijferset) -> Grafiek | None:
    j = d.aanvraagjaar + 1
    if f"doorrekening.te_compenseren.{j}" not in f:
        return None
    namen = {"alleenstaande": "Alleenstaande zonder LKS",
             "alleenstaande_naar_lks": "Alleenstaande met LKS",
             "gehuwden": "Gehuwden zonder LKS", "gehuwden_naar_lks": "Gehuwden met LKS"}
    rijen, cellen = [], []
    for s, label in namen.items():
        fid = f"doorrekening.benodigd.{s}.{j}"
        rijen.append({"label": label, "waarde": f.waarde(fid)})
        cellen.append((Cel(tekst=label), Cel(fid)))
    minst = min(rijen, key=lambda r: r["waarde"])
    meest = max(rijen, key=lambda r: r["waarde"])
    alt_tekst = (
        f"Om het resterende tekort van {f[f'doorrekening.te_compenseren.{j}'].tekst()} te "
        f"compenseren, zouden {opmaak.getal(minst['waarde'], 1)} "
        f"({_klein(minst['label'])}) tot {opmaak.getal(meest['waarde'], 1)} "
        f"({_klein(meest['label'])}) huishoudens moeten uitstromen, afhankelijk van de soort "
        "uitstroom. Liggend staafdiagram per soort: "
        + opmaak.opsomming([f"{_klein(r['label'])} {opmaak.getal(r['waarde'], 1)}"
                            for r in rijen]) + "."
    )
    return _horizontaal("benodigde_uitstroom", "Benodigde uitstroom per soort, elk als "
                        "alternatief", rijen, cellen, ("Soort uitstroom", "Aantal huishoudens"),
                        "Aantal huishoudens", "berekening doorrekening", alt_tekst,
                        formaat=",.1f")


GRAFIEKEN: dict[str, Callable[[Dataset, Cijferset], Grafiek | None]] = {
    "budget_kosten": budget_kosten,
    "tekortpercentage": tekortpercentage,
    "budget_onderdelen": budget_onderdelen,
    "lks_aandelen": lks_aandelen,
    "gemiddelde_kosten": gemiddelde_kosten,
    "huishoudens": huishoudens,
    "stromen": stromen,
    "uitstroom_redenen": uitstroom_redenen,
    "treden": treden,
    "lks_personen": lks_personen,
    "benodigde_uitstroom": benodigde_uitstroom,
}
