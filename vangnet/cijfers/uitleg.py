"""Uitleg in gewone tekst: hoe een cijfer tot stand komt en hoe de vangnettoets verloopt.

Dezelfde uitleg verschijnt op de opdrachtregel (``vangnet uitleg``, ``vangnet bereken``) en,
als HTML, op de site; deze module maakt de platte tekst.
"""

from __future__ import annotations

import re

from vangnet import opmaak
from vangnet.cijfers.kern import Cijfer, Cijferset, Parameterbron, vul_formule
from vangnet.regels.vangnet import Regimetoets, Vangnetbesluit

REGIMENAAM = {"regulier": "regulier vangnet", "uitgebreid": "uitgebreid vangnet"}


def formule_in_woorden(cijfer: Cijfer, cijfers: Cijferset) -> str:
    """De formule met de namen van de invoer: ``Kosten 2025 − Budget 2025``."""
    return vul_formule(cijfer, cijfers.als_dict(), lambda f: f.label)


def geldig_vanaf(parameter: Parameterbron) -> str:
    """'geldig vanaf 1 januari 2025', of voor een aangekondigde waarde zonder ingangsjaar
    'ingangsdatum nog niet vastgesteld'."""
    if not parameter.jaar:
        return "ingangsdatum nog niet vastgesteld"
    return f"geldig vanaf {opmaak.datum(parameter.vanaf)}"


def herkomst_regels(cijfer: Cijfer, met_bronnen: bool = True) -> list[str]:
    """Waar een cijfer vandaan komt: gegevensbestand, parameter of berekening.

    Zonder ``met_bronnen`` ontbreken de wettelijke bronnen van de parameter; de PDF zet die
    er zelf bij, als link.
    """
    regels = []
    for bron in cijfer.gegevens:
        regels.append(f"Gegevens: {bron}")
    if cijfer.parameter is not None:
        p = cijfer.parameter
        regels.append(
            f"Parameter: {p.label}, {geldig_vanaf(p)}, status {p.status.replace('_', ' ')}"
        )
        for ref in p.referenties if met_bronnen else ():
            regels.append(f"Bron: {ref.titel}" + (f" <{ref.href}>" if ref.href else ""))
    if cijfer.regel:
        regels.append(f"Regel: {cijfer.regel}")
    return regels


def zichtbare_invoer(cijfer: Cijfer, cijfers: Cijferset) -> list[str]:
    """De invoer die in de formule voorkomt (of alle invoer zonder formule), zonder interne."""
    namen = set(re.findall(r"\{([a-z0-9_]+)\}", cijfer.formule or ""))
    return [
        bron for naam, bron in cijfer.invoer
        if (not namen or naam in namen) and cijfers[bron].eenheid != "intern"
    ]


def leg_uit(id_: str, cijfers: Cijferset, rapportbronnen: dict[str, list[str]] | None = None,
            diepte: int = 0, gezien: set[str] | None = None) -> str:
    """Volledige uitleg van één cijfer, met de invoer (recursief, ingesprongen).

    Een cijfer dat al eerder in de uitleg staat, wordt niet nog eens uitgewerkt.
    """
    gezien = set() if gezien is None else gezien
    f = cijfers[id_]
    inspringing = "  " * diepte
    regels = [f"{inspringing}{f.id} — {f.label}: {f.tekst(exact=True)}"]
    if id_ in gezien:
        return regels[0] + " (zie hierboven)"
    gezien.add(id_)
    if f.formule:
        regels.append(f"{inspringing}  = {formule_in_woorden(f, cijfers)}")
        regels.append(f"{inspringing}  = {vul_formule(f, cijfers.als_dict())}")
    regels += [f"{inspringing}  {r}" for r in herkomst_regels(f)]
    for bron in (rapportbronnen or {}).get(id_, []):
        regels.append(f"{inspringing}  In de bron: {bron}")
    for invoer in zichtbare_invoer(f, cijfers):
        regels.append(leg_uit(invoer, cijfers, rapportbronnen, diepte + 1, gezien))
    return "\n".join(regels)


def _voorwaarden(toets: Regimetoets) -> list[str]:
    regels = []
    for v in toets.voorwaarden:
        teken = "✓" if v.voldaan else "✗"
        if v.code == "voorgaande_jaren":
            jaren = opmaak.opsomming([str(j) for j in v.jaren]) or "geen"
            waarde = f"{opmaak.getal(v.waarde)} jaar ({jaren}), nodig {opmaak.getal(v.grens)}"
        else:
            vergelijking = ">" if v.waarde > v.grens else "≤"
            waarde = (f"{opmaak.percentage(v.waarde, 2)} {vergelijking} "
                      f"{opmaak.percentage(v.grens, 1)}")
        regels.append(f"   {teken} {v.omschrijving}: {waarde}")
    return regels


def vangnetberekening(gemeente: str, jaar: int, cijfers: Cijferset) -> str:
    """De vangnettoets stap voor stap, zoals ``vangnet bereken`` die toont."""
    besluit: Vangnetbesluit = cijfers.waarde(f"vangnet.besluit.{jaar}")
    f = cijfers.__getitem__
    regels = [
        f"Vangnetberekening gemeente {gemeente}, budgetjaar {jaar}",
        "",
        "1. Budget, lasten en tekort",
        f"   Budget (gebundelde uitkering): {f(f'buig.budget.{jaar}').tekst(exact=True)}",
        f"   Netto lasten:                  {f(f'buig.kosten.{jaar}').tekst(exact=True)}",
    ]
    if f"buig.fouten_onzekerheden.{jaar}" in cijfers:
        regels.append(f"   Fouten en onzekerheden:        "
                      f"{f(f'buig.fouten_onzekerheden.{jaar}').tekst(exact=True)}")
    for id_ in (f"buig.tekort.{jaar}", f"buig.tekortpercentage.{jaar}"):
        regels.append(f"   {f(id_).label}: {f(id_).tekst(exact=True)} = "
                      f"{vul_formule(f(id_), cijfers.als_dict())}")
    stap = 2
    for toets in besluit.toetsen:
        if not toets.van_toepassing:
            regels += ["", f"{stap}. {REGIMENAAM[toets.regime].capitalize()}: niet van toepassing "
                       f"in {jaar}"]
        else:
            regels += ["", f"{stap}. Toets {REGIMENAAM[toets.regime]} (drempel "
                       f"{opmaak.percentage(toets.drempel or 0, 1)})"]
            regels += _voorwaarden(toets)
            uitkomst = "in aanmerking" if toets.in_aanmerking else "niet in aanmerking"
            regels.append(f"   → {uitkomst}; uitkering {opmaak.bedrag(toets.vangnetuitkering)}")
        stap += 1
    gekozen = besluit.gekozen
    uitkering = f(f"vangnet.{gekozen.regime}.uitkering.{jaar}")
    regels += [
        "",
        f"{stap}. Uitkomst: {REGIMENAAM[gekozen.regime]}, eigenrisicodrempel "
        f"{opmaak.percentage(gekozen.drempel or 0, 1)}",
        f"   In aanmerking: {opmaak.ja_nee(besluit.in_aanmerking)}",
        f"   Vangnetuitkering: {opmaak.bedrag(besluit.vangnetuitkering)}"
        + (f" = {vul_formule(uitkering, cijfers.als_dict())}" if besluit.in_aanmerking else ""),
    ]
    return "\n".join(regels)
