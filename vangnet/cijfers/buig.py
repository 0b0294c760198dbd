"""Cijfers voor het BUIG-budget: budget, kosten, resultaat en tekort per jaar."""

from __future__ import annotations

from vangnet.cijfers.bouwer import Bouwer
from vangnet.regels.vangnet import tekort, tekortpercentage

ONDERDELEN = {"": "BUIG totaal", "_uitkeringen": "uitkeringen-deel", "_lks": "LKS-deel"}


def jaren(b: Bouwer) -> list[int]:
    return sorted(int(j) for j in b.rijen("buig")["jaar"])


def bouw(b: Bouwer) -> None:
    """Per jaar: de gegevens uit ``buig.csv`` en resultaat, tekort en tekortpercentage."""
    for jaar in jaren(b):
        for achter, naam in ONDERDELEN.items():
            for soort in ("budget", "kosten"):
                b.gegeven(f"buig.{soort}{achter}.{jaar}", f"{soort.capitalize()} {naam} {jaar}",
                          "buig", f"{soort}{achter}", decimalen=-3, exact_decimalen=0, jaar=jaar)
        b.gegeven(f"buig.status_kosten.{jaar}", f"Status van de kosten {jaar}", "buig",
                  "status_kosten", "tekst", jaar=jaar)
        fouten = b.gegeven(f"buig.fouten_onzekerheden.{jaar}",
                           f"Fouten en onzekerheden {jaar}", "buig", "fouten_onzekerheden",
                           decimalen=0, jaar=jaar)
        if f"buig.budget.{jaar}" not in b or f"buig.kosten.{jaar}" not in b:
            continue
        budget, kosten = b[f"buig.budget.{jaar}"], b[f"buig.kosten.{jaar}"]
        invoer = {"kosten": kosten, "budget": budget}
        formule = "{kosten} − {budget}"
        if fouten is not None and fouten.waarde:
            invoer["fouten"] = fouten
            formule = "{kosten} − {fouten} − {budget}"
        t = b.reken(
            f"buig.tekort.{jaar}", f"Tekort {jaar}", "euro", invoer,
            lambda kosten, budget, fouten=0: tekort(kosten, budget, fouten), formule,
            regel="Tekort = netto lasten min de bedragen die de accountant als fout of onzeker "
            "aanmerkt, min het definitieve budget (Toetsingscommissie, Berekening en "
            "uitbetaling 2024).",
            decimalen=-3, exact_decimalen=0,
        )
        b.reken(
            f"buig.resultaat.{jaar}", f"Resultaat {jaar}", "euro", invoer,
            lambda kosten, budget, fouten=0: -tekort(kosten, budget, fouten),
            "{budget} − " + ("({kosten} − {fouten})" if "fouten" in invoer else "{kosten}"),
            regel="Resultaat = budget min (netto lasten min fouten en onzekerheden); negatief "
            "bij een tekort.", decimalen=-3, exact_decimalen=0,
        )
        tp = b.reken(
            f"buig.tekortpercentage.{jaar}", f"Tekortpercentage {jaar}", "fractie",
            {"tekortbedrag": t, "budget": budget}, tekortpercentage, "{tekortbedrag} / {budget}",
            regel="Het tekort als percentage van de gebundelde uitkering van hetzelfde jaar.",
            decimalen=1, exact_decimalen=4,
        )
        b.reken(
            f"buig.resultaatpercentage.{jaar}", f"Resultaat als percentage van het budget {jaar}",
            "fractie", {"tekortpercentage": tp}, lambda tekortpercentage: -tekortpercentage,
            "−{tekortpercentage}", decimalen=1, exact_decimalen=4,
        )
        for achter, naam in list(ONDERDELEN.items())[1:]:
            bud, kos = f"buig.budget{achter}.{jaar}", f"buig.kosten{achter}.{jaar}"
            if bud in b and kos in b:
                b.reken(
                    f"buig.resultaat{achter}.{jaar}", f"Resultaat {naam} {jaar}", "euro",
                    {"budget": b[bud], "kosten": b[kos]}, lambda budget, kosten: budget - kosten,
                    "{budget} − {kosten}", decimalen=-3, exact_decimalen=0,
                )
        uitk, lks = f"buig.resultaat_uitkeringen.{jaar}", f"buig.resultaat_lks.{jaar}"
        if uitk in b and lks in b:
            b.reken(
                f"buig.tekort_vooral_uitkeringen.{jaar}",
                f"Het tekort {jaar} zit vooral in het uitkeringen-deel", "ja_nee",
                {"uitkeringen": b[uitk], "lks": b[lks]},
                lambda uitkeringen, lks: uitkeringen < 0 and uitkeringen < lks,
                regel="Ja als het resultaat op het uitkeringen-deel negatief is en lager dan het "
                "resultaat op het LKS-deel; de tekst over de oorzaken volgt deze uitkomst.",
            )
