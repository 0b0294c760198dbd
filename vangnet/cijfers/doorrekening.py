"""Cijfers voor de doorrekening (hoofdstuk 6): prijzen, uitstroom, ambitie en scenario.

De prijzen gelden voor het jaar na het aanvraagjaar (het jaar waarin de maatregelen
effect hebben); de wettelijke bedragen komen uit de parameters van dat jaar.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from vangnet.cijfers.bouwer import Bouwer
from vangnet.cijfers.kern import Cijfer, Parameterbron
from vangnet.data.schema import KENMERKLABELS
from vangnet.exact import exact
from vangnet.regels import doorrekening as d
from vangnet.regels.prijzen import prijs_lks, prijs_uitkering

UITSTROOMLABEL = {
    "alleenstaande": "uitstroom alleenstaande",
    "alleenstaande_naar_lks": "uitstroom alleenstaande naar LKS",
    "gehuwden": "uitstroom gehuwden",
    "gehuwden_naar_lks": "uitstroom één van de gehuwden naar LKS",
}


def _aanname(b: Bouwer, sleutel: str, label: str, eenheid: str, decimalen: int) -> Cijfer:
    dr = b.dataset.doorrekening
    bron = dr.bronnen.get(sleutel, "")  # type: ignore[union-attr]
    if dr.status.get(sleutel) == "niet_bevestigd":  # type: ignore[union-attr]
        bron = f"{bron}; niet bevestigd" if bron else "niet bevestigd"
    return b.instelling(
        f"aanname.{sleutel}", label, "doorrekening.yaml", sleutel, getattr(dr, sleutel),
        eenheid, decimalen=decimalen, bron=bron,  # type: ignore[arg-type]
    )


def _stappen(
    b: Bouwer, basis: dict[str, Cijfer], rekenregel: Callable[..., Any],
    stappen: list[tuple[str, str, str, str, dict[str, str]]],
) -> dict[str, Cijfer]:
    """Cijfers voor de tussenstappen van één rekenregel.

    Elke stap toont een veld van de uitkomst van ``rekenregel`` (de regel zelf staat één keer
    in :mod:`vangnet.regels.prijzen`); de formule van een stap verwijst naar eerdere stappen
    of naar de basisinvoer. ``stappen``: (id, label, veld, formule, {naam: stap of basis}).
    """
    gemaakt: dict[str, Cijfer] = dict(basis)
    for id_, label, veld, formule, verwijzing in stappen:
        invoer = {**basis, **{n: gemaakt[v] for n, v in verwijzing.items()}}
        gemaakt[veld] = b.reken(
            id_, label, "euro", invoer,
            lambda veld=veld, **w: getattr(rekenregel(**{k: w[k] for k in basis}), veld),
            formule, decimalen=2,
        )
    return gemaakt


def _prijs_uitkering(b: Bouwer, soort: str, jaar: int, vt: Cijfer, afdr: Cijfer,
                     hk: Cijfer) -> Cijfer:
    norm = b.parameter(f"prijs.{soort}.normbedrag_maand.{jaar}",
                       f"Normbedrag {soort} per maand {jaar}", f"prijzen.normbedrag_{soort}",
                       jaar, "euro", decimalen=2)
    n = f"prijs.{soort}"

    def regel(norm: Fraction, vakantietoeslag: Fraction, afdrachten: Fraction,
              heffingskorting: Fraction):
        return prijs_uitkering(norm, vakantietoeslag, afdrachten, heffingskorting)

    stappen = _stappen(
        b, {"norm": norm, "vakantietoeslag": vt, "afdrachten": afdr, "heffingskorting": hk},
        regel,
        [
            (f"{n}.normbedrag_jaar.{jaar}", f"Normbedrag {soort} per jaar {jaar}",
             "normbedrag_per_jaar", "{norm} × 12", {}),
            (f"{n}.vakantietoeslag.{jaar}", f"Vakantietoeslag {soort} {jaar}",
             "vakantietoeslag", "{jaarbedrag} × {vakantietoeslag}",
             {"jaarbedrag": "normbedrag_per_jaar"}),
            (f"{n}.norm_inclusief_vt.{jaar}",
             f"Normbedrag {soort} inclusief vakantietoeslag per jaar {jaar}",
             "norm_inclusief_vakantietoeslag", "{jaarbedrag} + {vakantie}",
             {"jaarbedrag": "normbedrag_per_jaar", "vakantie": "vakantietoeslag"}),
            (f"{n}.afdrachten_bruto.{jaar}", f"Afdrachten {soort} {jaar}", "afdrachten_bruto",
             "{inclusief} × {afdrachten}", {"inclusief": "norm_inclusief_vakantietoeslag"}),
            (f"{n}.afdrachten_netto.{jaar}", f"Afdrachten {soort} na correctie {jaar}",
             "afdrachten_netto", "{bruto} − {heffingskorting}", {"bruto": "afdrachten_bruto"}),
            (f"{n}.{jaar}", f"Prijs uitkering {soort} {jaar}", "prijs",
             "{inclusief} + {netto}",
             {"inclusief": "norm_inclusief_vakantietoeslag", "netto": "afdrachten_netto"}),
        ],
    )
    return stappen["prijs"]


def _prijs_lks(b: Bouwer, jaar: int, vt: Cijfer) -> Cijfer:
    uur = b.parameter(f"prijs.lks.minimumloon_uur.{jaar}", f"Minimumloon per uur {jaar}",
                      "prijzen.minimumloon_per_uur", jaar, "euro", decimalen=2)
    weken_jaar = b.parameter(f"prijs.lks.weken_per_jaar.{jaar}", "Weken per jaar",
                             "prijzen.weken_per_jaar", jaar, "aantal")
    weken = b.reken(f"prijs.lks.weken_per_maand.{jaar}", "Weken per maand", "aantal",
                    {"weken": weken_jaar}, lambda weken: weken / 12, "{weken} / 12",
                    decimalen=2, exact_decimalen=4)
    wgl = b.parameter(f"prijs.lks.werkgeverslasten.{jaar}", f"Werkgeverslasten LKS {jaar}",
                      "prijzen.werkgeverslasten_lks", jaar, "fractie", decimalen=0)
    uren = _aanname(b, "uren_per_week", "Uren per week", "aantal", 0)
    loonwaarde = _aanname(b, "loonwaarde", "Gemiddelde loonwaarde", "fractie", 0)
    gemeten = "kengetal.lks.loonwaarde_gemiddeld"
    if gemeten in b and b[gemeten].eenheid == "procent":
        b.reken("doorrekening.loonwaarde_gemeten_min_aanname",
                "Gemeten gemiddelde loonwaarde min de aangenomen loonwaarde", "procentpunt",
                {"gemeten": b[gemeten], "aanname": loonwaarde},
                lambda gemeten, aanname: gemeten / 100 - aanname, "{gemeten} − {aanname}",
                decimalen=2)
    n = "prijs.lks"

    def regel(uur: Fraction, uren: Fraction, weken: Fraction, vakantietoeslag: Fraction,
              werkgeverslasten: Fraction, loonwaarde: Fraction):
        return prijs_lks(uur, uren, weken, vakantietoeslag, werkgeverslasten, loonwaarde)

    stappen = _stappen(
        b, {"uur": uur, "uren": uren, "weken": weken, "vakantietoeslag": vt,
            "werkgeverslasten": wgl, "loonwaarde": loonwaarde},
        regel,
        [
            (f"{n}.minimumloon_jaar.{jaar}", f"Minimumloon per jaar {jaar}",
             "minimumloon_per_jaar", "{uur} × {uren} × {weken} × 12", {}),
            (f"{n}.vakantietoeslag.{jaar}", f"Vakantietoeslag LKS {jaar}", "vakantietoeslag",
             "{loon} × {vakantietoeslag}", {"loon": "minimumloon_per_jaar"}),
            (f"{n}.loon_inclusief_vt.{jaar}", f"Minimumloon inclusief vakantietoeslag {jaar}",
             "loon_inclusief_vakantietoeslag", "{loon} + {vakantie}",
             {"loon": "minimumloon_per_jaar", "vakantie": "vakantietoeslag"}),
            (f"{n}.werkgeverslasten_bedrag.{jaar}", f"Werkgeverslasten {jaar}",
             "werkgeverslasten", "{inclusief} × {werkgeverslasten}",
             {"inclusief": "loon_inclusief_vakantietoeslag"}),
            (f"{n}.loonkosten.{jaar}", f"Loonkosten inclusief werkgeverslasten {jaar}",
             "totaal_loonkosten", "{inclusief} + {lasten}",
             {"inclusief": "loon_inclusief_vakantietoeslag", "lasten": "werkgeverslasten"}),
            (f"{n}.{jaar}", f"Prijs loonkostensubsidie per persoon {jaar}", "prijs",
             "{loonkosten} × (1 − {loonwaarde})", {"loonkosten": "totaal_loonkosten"}),
        ],
    )
    b.reken(f"{n}.loonwaarde_bedrag.{jaar}", f"Deel van de loonkosten dat de loonwaarde dekt "
            f"{jaar}", "euro", {"loonkosten": stappen["totaal_loonkosten"],
                                "loonwaarde": loonwaarde},
            lambda loonkosten, loonwaarde: loonkosten * loonwaarde,
            "{loonkosten} × {loonwaarde}", decimalen=2,
            regel="Dit deel betaalt de werkgever zelf; de subsidie dekt de rest.")
    _werkgeverslasten_regeling(b, jaar, wgl, stappen["loon_inclusief_vakantietoeslag"],
                               loonwaarde)
    return stappen["prijs"]


def _werkgeverslasten_regeling(b: Bouwer, jaar: int, wgl: Cijfer, inclusief: Cijfer,
                               loonwaarde: Cijfer) -> None:
    """Is het percentage werkgeverslasten voor ``jaar`` niet bevestigd, dan ook het laatst
    bevestigde percentage uit de regelgeving en de prijs die daarbij hoort (naast elkaar, zoals
    de gemeten loonwaarde naast de aanname)."""
    if wgl.parameter is None or wgl.parameter.status == "bevestigd":
        return
    p = b.parameters.parameter("prijzen.werkgeverslasten_lks")
    bevestigd = [w for w in p.waarden if w.status == "bevestigd" and w.vanaf.year <= jaar]
    if not bevestigd:
        return
    laatste = max(bevestigd, key=lambda w: w.vanaf)
    bron = Parameterbron(p.naam, p.metadata.label, jaar, laatste.vanaf, laatste.status,
                         b.referenties(laatste.referenties))
    regeling = b.cijfers.voeg_toe(Cijfer(
        f"prijs.lks.werkgeverslasten_regeling.{jaar}",
        "Werkgeverslasten volgens de laatst gevonden regeling", "fractie",
        exact(laatste.waarde), parameter=bron, decimalen=1,
        regel="Het laatste percentage dat in de geraadpleegde regelgeving is bevestigd; een "
        f"percentage voor {jaar} is daar niet gevonden."))
    b.reken(f"prijs.lks.met_werkgeverslasten_regeling.{jaar}",
            f"Prijs loonkostensubsidie per persoon {jaar} met de werkgeverslasten uit de "
            "regeling", "euro",
            {"inclusief": inclusief, "werkgeverslasten": regeling, "loonwaarde": loonwaarde},
            lambda inclusief, werkgeverslasten, loonwaarde:
            inclusief * (1 + werkgeverslasten) * (1 - loonwaarde),
            "{inclusief} × (1 + {werkgeverslasten}) × (1 − {loonwaarde})", decimalen=2)
    b.reken(f"prijs.lks.verschil_werkgeverslasten.{jaar}",
            "Verschil in de prijs per persoon: laatst gevonden regeling min gebruikt percentage",
            "euro",
            {"regeling": b[f"prijs.lks.met_werkgeverslasten_regeling.{jaar}"],
             "gebruikt": b[f"prijs.lks.{jaar}"]},
            lambda regeling, gebruikt: regeling - gebruikt, "{regeling} − {gebruikt}",
            decimalen=0)


def bouw(b: Bouwer, jaar: int) -> None:
    """Prijzen voor ``jaar + 1`` en de doorrekening van het tekort van ``jaar``; niets zonder
    ``doorrekening.yaml``."""
    if b.dataset.doorrekening is None:
        return
    prijsjaar = jaar + 1
    vt_uitkering = _aanname(b, "vakantietoeslag_uitkering", "Vakantietoeslag over de norm",
                            "fractie", 0)
    vt_loon = b.parameter(f"prijs.vakantiebijslag.{prijsjaar}", "Vakantiebijslag op het loon",
                          "prijzen.vakantiebijslag_wml", prijsjaar, "fractie", decimalen=0)
    afdr = _aanname(b, "afdrachten_percentage", "Afdrachten over de uitkering", "fractie", 2)
    hk = _aanname(b, "correctie_heffingskorting", "Correctie heffingskorting", "euro", 2)
    alleen = _prijs_uitkering(b, "alleenstaande", prijsjaar, vt_uitkering, afdr, hk)
    gehuwd = _prijs_uitkering(b, "gehuwden", prijsjaar, vt_uitkering, afdr, hk)
    lks = _prijs_lks(b, prijsjaar, vt_loon)

    bedragen = d.besparing_per_uitstroom(alleen.waarde, gehuwd.waarde, lks.waarde)
    besparing = _besparingen(b, "doorrekening", "", prijsjaar, alleen, gehuwd, lks)
    for soort in d.UITSTROOMTYPEN:
        assert besparing[soort].waarde == bedragen[soort]

    # zonder opslag voor vakantietoeslag is er geen tweede lezing
    zonder_opslag = _zonder_opslag(b, prijsjaar, afdr, hk, lks) if vt_uitkering.waarde > 0 \
        else {}

    if b.dataset.doorrekening.extra_budget_uitkeringen_volgend_jaar is None or \
            f"buig.tekort.{jaar}" not in b:
        return
    extra = _aanname(b, "extra_budget_uitkeringen_volgend_jaar",
                     f"Extra budget uitkeringen-deel {prijsjaar} ten opzichte van {jaar}",
                     "euro", -3)
    te_compenseren = b.reken(
        f"doorrekening.te_compenseren.{prijsjaar}", f"Fictief resterend tekort {prijsjaar}",
        "euro", {"tekort": b[f"buig.tekort.{jaar}"], "extra_budget": extra},
        d.te_compenseren_tekort, "{tekort} − {extra_budget}",
        regel="Het tekort van het aanvraagjaar, verminderd met de stijging van het budget voor "
        "het uitkeringen-deel in het volgende jaar.", decimalen=-3, exact_decimalen=0,
    )
    for soort in d.UITSTROOMTYPEN:
        b.reken(
            f"doorrekening.benodigd.{soort}.{prijsjaar}",
            f"Benodigde {UITSTROOMLABEL[soort]} om het tekort te compenseren", "aantal",
            {"tekort": te_compenseren, "besparing": besparing[soort]}, d.benodigde_uitstroom,
            "{tekort} / {besparing}", decimalen=1, exact_decimalen=2,
        )
        if soort in zonder_opslag:
            b.reken(
                f"{VTNORM}.benodigd.{soort}.{prijsjaar}",
                f"Benodigde {UITSTROOMLABEL[soort]} om het tekort te compenseren, {LEZING}",
                "aantal", {"tekort": te_compenseren, "besparing": zonder_opslag[soort]},
                d.benodigde_uitstroom, "{tekort} / {besparing}", decimalen=1,
                exact_decimalen=2,
            )
    _ambitie(b, jaar, lks, besparing, te_compenseren, zonder_opslag)


VTNORM = "vtnorm"
"""Onderwerp van de cijfers bij de andere lezing van de normbedragen: de norm bevat de
vakantietoeslag al (zie :func:`_zonder_opslag`)."""
LEZING = "als de norm de vakantietoeslag al bevat"


def _zonder_opslag(b: Bouwer, prijsjaar: int, afdr: Cijfer, hk: Cijfer,
                   lks: Cijfer) -> dict[str, Cijfer]:
    """De prijzen en besparingen als het normbedrag de vakantietoeslag al bevat.

    De doorrekening volgt het rapport: vakantietoeslag (doorrekening.yaml) bovenop het
    normbedrag. Of het normbedrag die toeslag al bevat, is niet bevestigd (zie de parameters
    van de normbedragen). Daarom staat ernaast dezelfde berekening zonder die opslag: dezelfde
    rekenregel (:func:`vangnet.regels.prijzen.prijs_uitkering`) met een vakantietoeslag van nul.
    Welke lezing juist is, zegt het dossier niet; het toont de uitkomst van beide."""
    prijzen: dict[str, Cijfer] = {}
    for soort in ("alleenstaande", "gehuwden"):
        norm = b[f"prijs.{soort}.normbedrag_maand.{prijsjaar}"]
        prijzen[soort] = b.reken(
            f"{VTNORM}.prijs.{soort}.{prijsjaar}",
            f"Prijs uitkering {soort} {prijsjaar}, {LEZING}", "euro",
            {"norm": norm, "afdrachten": afdr, "heffingskorting": hk},
            lambda norm, afdrachten, heffingskorting: prijs_uitkering(
                norm, 0, afdrachten, heffingskorting).prijs,
            "{norm} × 12 × (1 + {afdrachten}) − {heffingskorting}", decimalen=2,
            regel="Dezelfde berekening als de prijs van een uitkering, maar zonder "
            "vakantietoeslag bovenop het normbedrag: de lezing dat het normbedrag de "
            "vakantietoeslag al bevat. Welke lezing juist is, is niet bevestigd.")
    return _besparingen(b, VTNORM, f", {LEZING}", prijsjaar, prijzen["alleenstaande"],
                        prijzen["gehuwden"], lks)


def _besparingen(b: Bouwer, voorvoegsel: str, bij_label: str, prijsjaar: int, alleen: Cijfer,
                 gehuwd: Cijfer, lks: Cijfer) -> dict[str, Cijfer]:
    """De besparing per huishouden voor elke soort uitstroom (``{voorvoegsel}.besparing.{soort}
    .{prijsjaar}``, in euro's), uit de prijzen van een uitkering en van loonkostensubsidie."""
    formules = {
        "alleenstaande": ("{alleenstaande}", {"alleenstaande": alleen}),
        "alleenstaande_naar_lks": ("{alleenstaande} − {lks}", {"alleenstaande": alleen,
                                                                "lks": lks}),
        "gehuwden": ("{gehuwden}", {"gehuwden": gehuwd}),
        "gehuwden_naar_lks": ("{gehuwden} − {lks}", {"gehuwden": gehuwd, "lks": lks}),
    }
    besparing = {}
    for soort in d.UITSTROOMTYPEN:
        formule, invoer = formules[soort]
        besparing[soort] = b.reken(
            f"{voorvoegsel}.besparing.{soort}.{prijsjaar}",
            f"Besparing per huishouden bij {UITSTROOMLABEL[soort]}{bij_label}", "euro", invoer,
            lambda soort=soort, **w: d.besparing_per_uitstroom(
                w.get("alleenstaande", alleen.waarde), w.get("gehuwden", gehuwd.waarde),
                w.get("lks", lks.waarde))[soort],
            formule, decimalen=2,
        )
    return besparing


def _ambitie(b: Bouwer, jaar: int, lks: Cijfer, besparing: dict[str, Cijfer],
             te_compenseren: Cijfer, zonder_opslag: dict[str, Cijfer]) -> None:
    prijsjaar = jaar + 1
    dr = b.dataset.doorrekening
    kenmerk = dr.ambitie_vergelijkingsgroep
    if kenmerk is None or f"lks.kostenaandeel_geschat.{jaar}" not in b:
        return  # zonder ambitieniveau of geschat kostenaandeel geen scenario
    for rij in b.rijen("vergelijkingsgroep", jaar=jaar).itertuples():
        b.gegeven(f"vergelijking.{rij.kenmerk}.{jaar}",
                  f"Vergelijkingsgroep: {KENMERKLABELS[rij.kenmerk].lower()} {jaar}",
                  "vergelijkingsgroep", "budgetaandeel_pct", "procent", decimalen=4,
                  jaar=jaar, kenmerk=rij.kenmerk)
    grens_pct = b[f"vergelijking.{kenmerk}.{jaar}"]
    grens = b.reken(f"doorrekening.ambitie.grens.{jaar}", "Ambitieniveau (budgetaandeel)",
                    "fractie", {"grens": grens_pct}, lambda grens: grens / 100,
                    "{grens}", decimalen=4)
    aandeel = b[f"lks.kostenaandeel_geschat.{jaar}"]
    macro = b[f"lks.macrobudget.{prijsjaar}"]
    ambitie = b.reken(
        f"doorrekening.ambitie.{jaar}", "Ambitie loonkostensubsidie", "intern",
        {"kostenaandeel": aandeel, "grens": grens, "macrobudget_volgend_jaar": macro,
         "prijs_lks": lks}, d.ambitie_lks,
    )
    gap = b.reken(f"doorrekening.ambitie.gap.{jaar}", "Verschil met het ambitieniveau",
                  "procentpunt", {"ambitie": ambitie, "grens": grens, "aandeel": aandeel},
                  lambda ambitie, **_: ambitie.gap, "{grens} − {aandeel}", decimalen=4)
    extra = b.reken(f"doorrekening.ambitie.extra_lks.{prijsjaar}",
                    "Extra LKS-uitgaven bij het ambitieniveau", "euro",
                    {"ambitie": ambitie, "gap": gap, "macrobudget": macro},
                    lambda ambitie, **_: ambitie.extra_lks_uitgaven, "{gap} × {macrobudget}",
                    decimalen=-3, exact_decimalen=0)
    personen = b.reken(f"doorrekening.ambitie.personen.{prijsjaar}",
                       "Extra personen met LKS bij het ambitieniveau", "aantal",
                       {"ambitie": ambitie, "extra": extra, "prijs": lks},
                       lambda ambitie, **_: ambitie.personen, "{extra} / {prijs}",
                       decimalen=0, exact_decimalen=1)
    aandeel_alleen = _aanname(b, "aandeel_alleenstaanden_in_uitstroom",
                              "Aandeel alleenstaanden in de extra uitstroom", "fractie", 0)
    aantallen = {}
    for soort, deel in (("alleenstaande_naar_lks", "{aandeel}"),
                        ("gehuwden_naar_lks", "(1 − {aandeel})")):
        aantallen[soort] = b.reken(
            f"doorrekening.scenario.aantal.{soort}.{prijsjaar}",
            f"Scenario: {UITSTROOMLABEL[soort]}", "aantal",
            {"personen": personen, "aandeel": aandeel_alleen},
            lambda personen, aandeel, soort=soort: d.verdeel_personen(personen, aandeel)[soort],
            f"afgerond({{personen}}) × {deel}", decimalen=1,
        )
    for voorvoegsel, per_soort, lezing in (("doorrekening", besparing, ""),
                                           (VTNORM, zonder_opslag, f", {LEZING}")):
        if not per_soort:
            continue
        bedragen = {}
        for soort, aantal in aantallen.items():
            bedragen[soort] = b.reken(
                f"{voorvoegsel}.scenario.besparing.{soort}.{prijsjaar}",
                f"Scenario: besparing {UITSTROOMLABEL[soort]}{lezing}", "euro",
                {"aantal": aantal, "besparing": per_soort[soort]},
                lambda aantal, besparing: aantal * besparing, "{aantal} × {besparing}",
                decimalen=0,
            )
        totaal = b.reken(
            f"{voorvoegsel}.scenario.besparing.{prijsjaar}",
            f"Scenario: totale besparing{lezing}", "euro",
            {f"b_{s}": f for s, f in bedragen.items()}, lambda **w: sum(w.values()),
            " + ".join(f"{{b_{s}}}" for s in bedragen), decimalen=0,
        )
        b.reken(
            f"{voorvoegsel}.resterend_tekort.{prijsjaar}",
            f"Resterend tekort {prijsjaar} na het scenario{lezing}",
            "euro", {"tekort": te_compenseren, "besparing": totaal},
            lambda tekort, besparing: tekort - besparing, "{tekort} − {besparing}",
            decimalen=-3, exact_decimalen=0,
        )
