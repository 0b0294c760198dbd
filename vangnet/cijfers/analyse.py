"""Beschrijvende cijfers voor de oorzakenanalyse (hoofdstuk 4).

Alleen cijfers die uit de gegevens volgen; waar een optioneel bestand ontbreekt, ontbreken
ook de cijfers (de hoofdstukken tonen dan dat de gegevens niet zijn aangeleverd).
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

from vangnet import opmaak
from vangnet.cijfers.bouwer import Bouwer
from vangnet.cijfers.kern import Cijfer


def sleutel(tekst: str) -> str:
    """Een stabiele id-sleutel uit een label: ``Beëindiging huwelijk/relatie`` →
    ``beeindiging_huwelijk_relatie``."""
    zonder = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", zonder.lower()).strip("_")


def _mutatie(b: Bouwer, id_: str, label: str, oud: Cijfer, nieuw: Cijfer) -> Cijfer:
    return b.reken(id_, label, "fractie", {"nieuw": nieuw, "oud": oud},
                   lambda nieuw, oud: nieuw / oud - 1, "{nieuw} / {oud} − 1", decimalen=0,
                   exact_decimalen=1)


def _jaren(b: Bouwer, stam: str) -> list[int]:
    rijen = b.rijen(stam)
    return sorted({int(j) for j in rijen["jaar"]}) if not rijen.empty else []


def gemiddelde_kosten(b: Bouwer) -> None:
    jaren = _jaren(b, "gemiddelde_kosten")
    for j in jaren:
        kosten = b.gegeven(f"gemkosten.kosten.{j}", f"Kosten uitkeringen {j}",
                           "gemiddelde_kosten", "kosten_uitkeringen", jaar=j)
        bestand = b.gegeven(f"gemkosten.bestand.{j}", f"Gemiddeld bestand {j} (personen)",
                            "gemiddelde_kosten", "bestand_personen", "aantal", decimalen=2,
                            jaar=j)
        gekort = b.gegeven(f"gemkosten.gekort.{j}", f"Gekorte inkomsten {j}",
                           "gemiddelde_kosten", "gekorte_inkomsten", jaar=j)
        b.reken(f"gemkosten.per_persoon.{j}", f"Kosten per persoon {j}", "euro",
                {"kosten": kosten, "bestand": bestand}, lambda kosten, bestand: kosten / bestand,
                "{kosten} / {bestand}")
        b.reken(f"gemkosten.ratio_gekort.{j}", f"Gekorte inkomsten als deel van de kosten {j}",
                "fractie", {"gekort": gekort, "kosten": kosten},
                lambda gekort, kosten: gekort / kosten, "{gekort} / {kosten}", decimalen=2)
    _afbakening(b, jaren)
    _per_persoon_buig(b, jaren)
    # De kosten per persoon komen alleen uit deze tabel: kosten en bestand horen bij dezelfde
    # afbakening. Kosten uit buig.csv delen door het bestand uit deze tabel zou twee
    # afbakeningen mengen (zie gemkosten.afwijkend_van_buig).
    if len(jaren) >= 2:
        eerste, laatste = jaren[0], jaren[-1]
        for id_, label, jaar in (("gemkosten.eerste_jaar", "Eerste jaar", eerste),
                                 ("gemkosten.laatste_jaar", "Laatste jaar", laatste)):
            b.gegeven(id_, f"{label} met gemiddelde kosten", "gemiddelde_kosten", "jaar", "jaar",
                      jaar=jaar)
        for naam, label in (("kosten", "kosten"), ("bestand", "bestand"),
                            ("gekort", "gekorte inkomsten"),
                            ("per_persoon", "kosten per persoon")):
            _mutatie(b, f"gemkosten.mutatie.{naam}",
                     f"Verandering {label} {eerste}–{laatste}",
                     b[f"gemkosten.{naam}.{eerste}"], b[f"gemkosten.{naam}.{laatste}"])
        # een verandering van een percentage is een verschil in procentpunten, geen groei
        b.reken("gemkosten.mutatie.ratio_gekort",
                f"Verandering verhouding gekorte inkomsten en kosten {eerste}–{laatste}",
                "procentpunt", {"nieuw": b[f"gemkosten.ratio_gekort.{laatste}"],
                                "oud": b[f"gemkosten.ratio_gekort.{eerste}"]},
                lambda nieuw, oud: nieuw - oud, "{nieuw} − {oud}", decimalen=2)
        # dezelfde verandering als relatieve verandering (zoals een bron die soms noemt)
        b.reken("gemkosten.mutatie.ratio_gekort_relatief",
                f"Relatieve verandering verhouding gekorte inkomsten en kosten "
                f"{eerste}–{laatste}", "fractie",
                {"nieuw": b[f"gemkosten.ratio_gekort.{laatste}"],
                 "oud": b[f"gemkosten.ratio_gekort.{eerste}"]},
                lambda nieuw, oud: nieuw / oud - 1, "{nieuw} / {oud} − 1", decimalen=1,
                regel="Een relatieve verandering, geen verschil in procentpunten.")


def _per_persoon_buig(b: Bouwer, jaren: list[int]) -> None:
    """Kosten per persoon met de kosten van het uitkeringen-deel uit buig.csv: één afbakening
    voor alle jaren. De kosten in gemiddelde_kosten.csv kunnen per jaar anders zijn afgebakend
    (gemkosten.afwijkend_van_buig); dan is de verandering van de kosten per persoon uit die
    tabel deels een verschil in afbakening, en deze reeks de vergelijkbare."""
    met = [j for j in jaren
           if f"buig.kosten_uitkeringen.{j}" in b and f"gemkosten.bestand.{j}" in b]
    for j in met:
        b.reken(f"gemkosten.per_persoon_buig.{j}",
                f"Kosten per persoon {j} (kosten van het uitkeringen-deel)", "euro",
                {"kosten": b[f"buig.kosten_uitkeringen.{j}"],
                 "bestand": b[f"gemkosten.bestand.{j}"]},
                lambda kosten, bestand: kosten / bestand, "{kosten} / {bestand}",
                regel="De kosten van het uitkeringen-deel van het BUIG-budget gedeeld door het "
                "gemiddelde bestand: dezelfde afbakening van de kosten in elk jaar.")
    if len(jaren) >= 2 and jaren[0] in met and jaren[-1] in met:
        _mutatie(b, "gemkosten.mutatie.per_persoon_buig",
                 f"Verandering kosten per persoon {jaren[0]}–{jaren[-1]} (kosten van het "
                 "uitkeringen-deel)", b[f"gemkosten.per_persoon_buig.{jaren[0]}"],
                 b[f"gemkosten.per_persoon_buig.{jaren[-1]}"])


def _afbakening(b: Bouwer, jaren: list[int]) -> None:
    """Jaren waarin de kosten in gemiddelde_kosten.csv afwijken van het uitkeringen-deel in
    buig.csv, meer dan de afronding van beide verklaart (de bronnen bakenen anders af)."""
    paren = [(j, f"gemkosten.kosten.{j}", f"buig.kosten_uitkeringen.{j}") for j in jaren
             if f"gemkosten.kosten.{j}" in b and f"buig.kosten_uitkeringen.{j}" in b]
    if not paren:
        return
    marges = {j: b[g].marge + b[u].marge + Fraction(1, 2) for j, g, u in paren}

    def afwijkend(**w: Fraction) -> str:
        return opmaak.opsomming([str(j) for j, _, _ in paren
                                 if abs(w[f"g{j}"] - w[f"u{j}"]) > marges[j]])

    b.reken("gemkosten.afwijkend_van_buig",
            "Jaren waarin de gemiddelde-kostentabel afwijkt van het uitkeringen-deel", "tekst",
            {f"{k}{j}": b[i] for j, g, u in paren for k, i in (("g", g), ("u", u))}, afwijkend,
            regel="Een jaar telt mee als het verschil groter is dan de afronding van beide "
            "bedragen; leeg als de bedragen overeenkomen.")


def huishoudens(b: Bouwer) -> None:
    for j in _jaren(b, "huishoudens"):
        voorspeld = b.gegeven(f"huishoudens.voorspeld.{j}", f"Voorspeld aantal huishoudens {j}",
                              "huishoudens", "voorspeld", "aantal", jaar=j)
        gerealiseerd = b.gegeven(f"huishoudens.gerealiseerd.{j}",
                                 f"Gerealiseerd aantal huishoudens {j}", "huishoudens",
                                 "gerealiseerd", "aantal", jaar=j)
        if voorspeld and gerealiseerd:
            b.reken(f"huishoudens.verschil.{j}", f"Voorspeld min gerealiseerd {j}", "aantal",
                    {"voorspeld": voorspeld, "gerealiseerd": gerealiseerd},
                    lambda voorspeld, gerealiseerd: voorspeld - gerealiseerd,
                    "{voorspeld} − {gerealiseerd}")


def stromen(b: Bouwer, jaar: int) -> None:
    """In- en uitstroom per reden en jaar, totalen en de beïnvloedbare uitstroom."""
    for stam in ("instroom", "uitstroom"):
        rijen = b.rijen(stam)
        if rijen.empty:
            continue
        for rij in rijen.itertuples():
            b.gegeven(f"{stam}.{sleutel(rij.reden)}.{rij.jaar}", f"{rij.reden} ({stam} {rij.jaar})",
                      stam, "aantal", "aantal", jaar=rij.jaar, reden=rij.reden)
        for j in _jaren(b, stam):
            b.som(f"{stam}.totaal.{j}", f"Totale {stam} {j}", stam, "aantal", jaar=j)
        _grootste(b, stam, jaar)
    if b.rijen("uitstroom").empty:
        return
    for j in _jaren(b, "uitstroom"):
        hoog = b.som(f"uitstroom.beinvloedbaar.{j}", f"Goed beïnvloedbare uitstroom {j}",
                     "uitstroom", "aantal", jaar=j, beinvloedbaarheid="hoog")
        if hoog is not None:
            b.reken(f"uitstroom.aandeel_beinvloedbaar.{j}",
                    f"Aandeel goed beïnvloedbare uitstroom {j}", "fractie",
                    {"deel": hoog, "totaal": b[f"uitstroom.totaal.{j}"]},
                    lambda deel, totaal: deel / totaal, "{deel} / {totaal}")


def _grootste(b: Bouwer, stam: str, jaar: int) -> None:
    """De grootste reden in het aanvraagjaar (voor uitstroom: de grootste goed beïnvloedbare)."""
    waar = {"jaar": jaar} | ({"beinvloedbaarheid": "hoog"} if stam == "uitstroom" else {})
    rijen = b.rijen(stam, **waar)
    if rijen.empty:
        return
    rij = rijen.sort_values("aantal", ascending=False, kind="stable").iloc[0]
    reden = f"{stam}.{sleutel(rij['reden'])}"
    naam = "grootste_beinvloedbare_reden" if stam == "uitstroom" else "grootste_reden"
    cijfer = b.reken(f"{stam}.{naam}.{jaar}", f"Grootste reden van {stam} {jaar}", "tekst",
                     {"aantal": b[f"{reden}.{jaar}"]}, lambda aantal, r=rij["reden"]: r)
    b.reken(f"{stam}.{naam}_aantal.{jaar}", f"Aantal bij de grootste reden van {stam} {jaar}",
            "aantal", {"aantal": b[f"{reden}.{jaar}"], "reden": cijfer},
            lambda aantal, **_: aantal, "{aantal}")
    vorig = f"{reden}.{jaar - 1}"
    if vorig in b and f"{stam}.totaal.{jaar - 1}" in b:
        b.reken(f"{stam}.{naam}_aandeel.{jaar}",
                f"Aandeel van de grootste reden in de totale {stam} {jaar}", "fractie",
                {"aantal": b[f"{reden}.{jaar}"], "totaal": b[f"{stam}.totaal.{jaar}"]},
                lambda aantal, totaal: aantal / totaal, "{aantal} / {totaal}")
        b.reken(f"{stam}.{naam}_aandeel.{jaar - 1}",
                f"Aandeel van dezelfde reden in de totale {stam} {jaar - 1}", "fractie",
                {"aantal": b[vorig], "totaal": b[f"{stam}.totaal.{jaar - 1}"]},
                lambda aantal, totaal: aantal / totaal, "{aantal} / {totaal}")
        b.reken(f"{stam}.{naam}_vorig.{jaar}",
                f"Aantal bij dezelfde reden van {stam} {jaar - 1}", "aantal",
                {"aantal": b[vorig]}, lambda aantal: aantal, "{aantal}")


def treden(b: Bouwer) -> None:
    rijen = b.rijen("treden")
    if rijen.empty:
        return
    totaal = b.som("treden.totaal", "Personen in de tredetabel", "treden", "aantal")
    for rij in rijen.itertuples():
        s = sleutel(f"{rij.trede} {rij.omschrijving}")
        aantal = b.gegeven(f"treden.{s}", f"Trede {rij.trede} ({rij.omschrijving})", "treden",
                           "aantal", "aantal", trede=rij.trede, omschrijving=rij.omschrijving)
        b.reken(f"treden.{s}.aandeel", f"Aandeel trede {rij.trede} ({rij.omschrijving})",
                "fractie", {"aantal": aantal, "totaal": totaal},
                lambda aantal, totaal: aantal / totaal, "{aantal} / {totaal}")
    rijen = b.rijen("lks_treden")
    if rijen.empty:
        return
    kolommen = {"enkel_lks": "alleen LKS", "samenloop_uitkering": "LKS en uitkering"}
    for kolom, label in kolommen.items():
        b.som(f"lks_treden.{kolom}.totaal", f"Personen met {label}", "lks_treden", kolom)
    for rij in rijen.itertuples():
        s = sleutel(f"{rij.trede} {rij.omschrijving}")
        delen = {}
        for kolom, label in kolommen.items():
            delen[kolom] = b.gegeven(f"lks_treden.{kolom}.{s}",
                                     f"Trede {rij.trede} ({rij.omschrijving}): {label}",
                                     "lks_treden", kolom, "aantal", trede=rij.trede,
                                     omschrijving=rij.omschrijving)
        b.reken(f"lks_treden.totaal.{s}", f"Trede {rij.trede} ({rij.omschrijving}): totaal",
                "aantal", delen, lambda enkel_lks, samenloop_uitkering: enkel_lks
                + samenloop_uitkering, "{enkel_lks} + {samenloop_uitkering}")
    b.reken("lks_treden.totaal", "Personen met loonkostensubsidie in de tredetabel", "aantal",
            {"enkel": b["lks_treden.enkel_lks.totaal"],
             "samenloop": b["lks_treden.samenloop_uitkering.totaal"]},
            lambda enkel, samenloop: enkel + samenloop, "{enkel} + {samenloop}")


def lks_personen(b: Bouwer) -> None:
    rijen = b.rijen("lks_personen")
    if rijen.empty:
        return
    perioden = sorted(rijen["periode"])
    for periode in perioden:
        b.gegeven(f"lks_personen.{periode}", f"Personen met LKS ({opmaak.maand(periode)})",
                  "lks_personen", "aantal", "aantal", periode=periode)
    if len(perioden) >= 2:
        for naam, periode in (("eerste", perioden[0]), ("laatste", perioden[-1])):
            aantal = b.reken(f"lks_personen.{naam}", f"Personen met LKS op het {naam} "
                             f"peilmoment ({opmaak.maand(periode)})", "aantal",
                             {"aantal": b[f"lks_personen.{periode}"]}, lambda aantal: aantal,
                             "{aantal}")
            b.reken(f"lks_personen.{naam}_peilmoment", f"Het {naam} peilmoment", "tekst",
                    {"aantal": aantal}, lambda aantal, p=periode: opmaak.maand(p))
        b.reken("lks_personen.groei", f"Groei personen met LKS {opmaak.maand(perioden[0])} tot "
                f"{opmaak.maand(perioden[-1])}",
                "fractie", {"nieuw": b[f"lks_personen.{perioden[-1]}"],
                            "oud": b[f"lks_personen.{perioden[0]}"]},
                lambda nieuw, oud: nieuw / oud - 1, "{nieuw} / {oud} − 1")


def kengetallen(b: Bouwer) -> None:
    eenheid = {"aantal": "aantal", "euro": "euro", "procent": "procent"}
    for rij in b.rijen("kengetallen").itertuples():
        label = f"{rij.omschrijving} ({opmaak.peildatum(rij.peildatum)})"
        b.gegeven(f"kengetal.{rij.id}", label, "kengetallen", "waarde",
                  eenheid[rij.eenheid], decimalen=2 if rij.eenheid == "procent" else 0, id=rij.id)


def herijking(b: Bouwer, jaar: int) -> None:
    """Het tekort zonder de daling van het uitkeringen-deel door een herijking van het
    verdeelmodel, als de bron die daling noemt (kengetal ``herijking.daling_uitkeringen_deel``
    met als peildatum het aanvraagjaar)."""
    daling = "kengetal.herijking.daling_uitkeringen_deel"
    rijen = b.rijen("kengetallen", id="herijking.daling_uitkeringen_deel")
    if daling not in b or rijen.empty or str(rijen.iloc[0]["peildatum"]) != str(jaar):
        return
    if f"buig.tekort.{jaar}" not in b:
        return
    zonder = b.reken(
        f"buig.tekort_zonder_herijking.{jaar}", f"Tekort {jaar} zonder de herijking", "euro",
        {"tekort": b[f"buig.tekort.{jaar}"], "daling": b[daling]},
        lambda tekort, daling: tekort - daling, "{tekort} − {daling}", decimalen=-3,
        exact_decimalen=0,
        regel="Het tekort als het uitkeringen-deel niet door de herijking was gedaald.")
    b.reken(
        f"buig.tekortpercentage_zonder_herijking.{jaar}",
        f"Tekortpercentage {jaar} zonder de herijking", "fractie",
        {"tekort": zonder, "budget": b[f"buig.budget.{jaar}"], "daling": b[daling]},
        lambda tekort, budget, daling: tekort / (budget + daling),
        "{tekort} / ({budget} + {daling})", decimalen=1, exact_decimalen=4,
        regel="Zonder de daling was het budget ook zoveel hoger.")


def budget(b: Bouwer, jaar: int) -> None:
    """Aandeel LKS in het budget per jaar en de verandering van het uitkeringen-deel."""
    for j in sorted(int(x) for x in b.rijen("buig")["jaar"]):
        if f"buig.budget_lks.{j}" in b and f"buig.budget.{j}" in b:
            b.reken(f"buig.aandeel_lks.{j}", f"LKS-deel als deel van het budget {j}", "fractie",
                    {"lks": b[f"buig.budget_lks.{j}"], "budget": b[f"buig.budget.{j}"]},
                    lambda lks, budget: lks / budget, "{lks} / {budget}")
    _lks_tegenover_landelijk(b, jaar)
    for deel in ("uitkeringen", "lks"):
        nu, vorig = f"buig.budget_{deel}.{jaar}", f"buig.budget_{deel}.{jaar - 1}"
        if nu in b and vorig in b:
            b.reken(f"buig.mutatie_budget_{deel}.{jaar}",
                    f"Verandering budget {deel}-deel {jaar - 1}–{jaar}", "euro",
                    {"nu": b[nu], "vorig": b[vorig]}, lambda nu, vorig: nu - vorig,
                    "{nu} − {vorig}", decimalen=-3, exact_decimalen=0)
    for soort in ("budget", "kosten"):
        nu, vorig = f"buig.{soort}.{jaar}", f"buig.{soort}.{jaar - 1}"
        if nu in b and vorig in b:
            b.reken(f"buig.mutatie_{soort}.{jaar}", f"Verandering {soort} {jaar - 1}–{jaar}",
                    "euro", {"nu": b[nu], "vorig": b[vorig]}, lambda nu, vorig: nu - vorig,
                    "{nu} − {vorig}", decimalen=-3, exact_decimalen=0)


def _lks_tegenover_landelijk(b: Bouwer, jaar: int) -> None:
    """De groei van het LKS-budget van de gemeente, van het landelijke LKS-budget en van het
    budgetaandeel over drie jaar. Een groter LKS-deel in het eigen budget zegt alleen iets over
    de inzet vergeleken met andere gemeenten als het budgetaandeel (het deel van de gemeente in
    het landelijke LKS-budget) ook groeit: het landelijke budget kan zelf hard groeien."""
    begin = jaar - 3
    paren = {"gemeente": ("buig.budget_lks", "LKS-budget van de gemeente"),
             "landelijk": ("lks.macrobudget", "landelijk LKS-budget"),
             "budgetaandeel": ("lks.budgetaandeel", "budgetaandeel LKS")}
    if not all(f"{id_}.{j}" in b for id_, _ in paren.values() for j in (begin, jaar)):
        return
    for naam, (id_, label) in paren.items():
        b.reken(f"budget.groei_{naam}_lks.{jaar}", f"Groei {label} {begin}–{jaar}", "fractie",
                {"nieuw": b[f"{id_}.{jaar}"], "oud": b[f"{id_}.{begin}"]},
                lambda nieuw, oud: nieuw / oud - 1, "{nieuw} / {oud} − 1", exact_decimalen=1)


def bouw(b: Bouwer, jaar: int) -> None:
    budget(b, jaar)
    gemiddelde_kosten(b)
    huishoudens(b)
    stromen(b, jaar)
    treden(b)
    lks_personen(b)
    kengetallen(b)
    herijking(b, jaar)
