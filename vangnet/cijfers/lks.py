"""Cijfers voor het LKS-budget: uitnutting, kostenaandeel en verwacht budget (T-1)."""

from __future__ import annotations

from vangnet.cijfers.bouwer import Bouwer
from vangnet.cijfers.kern import Cijfer
from vangnet.regels.lks import budget_volgens_aandeel, gemiddelde, kostenaandeel, uitnutting

T_MIN_1 = (
    "T-1-systematiek: het kostenaandeel van de gemeente in de landelijke LKS-uitgaven in jaar t "
    "is haar budgetaandeel in het LKS-deel in jaar t+1."
)


def bouw(b: Bouwer, jaar: int) -> None:
    """Landelijke reeks, historische aandelen en de projectie voor ``jaar + 1``."""
    landelijk = b.rijen("lks_landelijk")
    if landelijk.empty:
        return
    for j in sorted(int(x) for x in landelijk["jaar"]):
        macro = b.gegeven(f"lks.macrobudget.{j}", f"Landelijk macrobudget LKS {j}",
                          "lks_landelijk", "macrobudget", "miljoen", decimalen=1, jaar=j)
        uitg = b.gegeven(f"lks.uitgaven_landelijk.{j}", f"Landelijke LKS-uitgaven {j}",
                         "lks_landelijk", "uitgaven", "miljoen", decimalen=1, jaar=j)
        if macro and uitg:
            b.reken(f"lks.uitnutting.{j}", f"Uitnutting macrobudget LKS {j}", "fractie",
                    {"uitgaven": uitg, "macrobudget": macro}, uitnutting,
                    "{uitgaven} / {macrobudget}", decimalen=1, exact_decimalen=2)
        if macro and f"buig.budget_lks.{j}" in b:
            b.reken(f"lks.budgetaandeel.{j}", f"Budgetaandeel LKS {j}", "fractie",
                    {"budget": b[f"buig.budget_lks.{j}"], "macrobudget": macro},
                    lambda budget, macrobudget: budget / macrobudget,
                    "{budget} / {macrobudget}", decimalen=4)
        if uitg and f"buig.kosten_lks.{j}" in b:
            b.reken(f"lks.kostenaandeel.{j}", f"Kostenaandeel LKS {j}", "fractie",
                    {"uitgaven_gemeente": b[f"buig.kosten_lks.{j}"], "uitgaven_landelijk": uitg},
                    kostenaandeel, "{uitgaven_gemeente} / {uitgaven_landelijk}", decimalen=4)

    bekend = [j for j in sorted(int(x) for x in landelijk["jaar"])
              if j < jaar and f"lks.uitnutting.{j}" in b]
    nodig = (f"lks.macrobudget.{jaar}", f"lks.macrobudget.{jaar + 1}", f"buig.kosten_lks.{jaar}")
    if not bekend or not all(i in b for i in nodig):
        return  # zonder deze gegevens geen verwacht LKS-budget (de paragraaf vervalt)
    gemiddeld = b.reken(
        f"lks.uitnutting_gemiddeld.{jaar}",
        f"Gemiddelde uitnutting {bekend[0]}–{bekend[-1]}" if bekend else "Gemiddelde uitnutting",
        "fractie", {f"u_{j}": b[f"lks.uitnutting.{j}"] for j in bekend},
        lambda **u: gemiddelde(list(u.values())),
        "(" + " + ".join(f"{{u_{j}}}" for j in bekend) + f") / {len(bekend)}",
        regel="Het gemiddelde van de uitnutting in de jaren waarvan de landelijke uitgaven "
        "bekend zijn.", decimalen=1, exact_decimalen=2,
    )
    geschat = b.reken(
        f"lks.uitgaven_landelijk_geschat.{jaar}", f"Geschatte landelijke LKS-uitgaven {jaar}",
        "miljoen", {"macrobudget": b[f"lks.macrobudget.{jaar}"], "uitnutting": gemiddeld},
        lambda macrobudget, uitnutting: macrobudget * uitnutting,
        # twee decimalen, in tabel en tekst gelijk: € 575,35 mln (de bron noemt € 575,3 mln)
        "{macrobudget} × {uitnutting}", decimalen=2,
    )
    aandeel = b.reken(
        f"lks.kostenaandeel_geschat.{jaar}", f"Geschat kostenaandeel LKS {jaar}", "fractie",
        {"uitgaven_gemeente": b[f"buig.kosten_lks.{jaar}"], "uitgaven_landelijk": geschat},
        kostenaandeel, "{uitgaven_gemeente} / {uitgaven_landelijk}", decimalen=4,
    )
    volgend = jaar + 1
    verwacht = b.reken(
        f"lks.budget_verwacht.{volgend}", f"Verwacht definitief LKS-budget {volgend}", "euro",
        {"aandeel": aandeel, "macrobudget": b[f"lks.macrobudget.{volgend}"]},
        budget_volgens_aandeel, "{aandeel} × {macrobudget}", regel=T_MIN_1,
        decimalen=-3, exact_decimalen=0,
    )
    _verschillen(b, jaar, verwacht)


def _verschillen(b: Bouwer, jaar: int, verwacht: Cijfer) -> None:
    volgend = jaar + 1
    voorlopig = f"buig.budget_lks.{volgend}"
    if f"buig.budget_lks.{jaar}" not in b:
        return
    definitief = b[f"buig.budget_lks.{jaar}"]
    if voorlopig in b:
        b.reken(f"lks.budgetstijging_tov_voorlopig.{volgend}",
                f"Verwachte stijging LKS-budget {volgend} boven het voorlopige budget", "euro",
                {"verwacht": verwacht, "voorlopig": b[voorlopig]},
                lambda verwacht, voorlopig: verwacht - voorlopig, "{verwacht} − {voorlopig}",
                decimalen=-3, exact_decimalen=0)
        b.reken(f"lks.voorlopig_tov_definitief.{volgend}",
                f"Voorlopig LKS-budget {volgend} min definitief LKS-budget {jaar}", "euro",
                {"voorlopig": b[voorlopig], "definitief": definitief},
                lambda voorlopig, definitief: voorlopig - definitief,
                "{voorlopig} − {definitief}", decimalen=-3, exact_decimalen=0)
    b.reken(f"lks.budgetstijging_tov_definitief.{volgend}",
            f"Verwachte stijging LKS-budget {volgend} ten opzichte van {jaar}", "euro",
            {"verwacht": verwacht, "definitief": definitief},
            lambda verwacht, definitief: verwacht - definitief, "{verwacht} − {definitief}",
            decimalen=-3, exact_decimalen=0)
    vorig = jaar - 1
    if f"lks.budgetaandeel.{jaar}" in b and f"lks.budgetaandeel.{vorig}" in b:
        b.reken(f"lks.effect_aandeel.{jaar}",
                f"Extra LKS-budget {jaar} door het hogere budgetaandeel", "euro",
                {"aandeel": b[f"lks.budgetaandeel.{jaar}"],
                 "aandeel_vorig": b[f"lks.budgetaandeel.{vorig}"],
                 "macrobudget": b[f"lks.macrobudget.{jaar}"]},
                lambda aandeel, aandeel_vorig, macrobudget: (aandeel - aandeel_vorig) * macrobudget,
                "({aandeel} − {aandeel_vorig}) × {macrobudget}", decimalen=-3, exact_decimalen=0)
