"""Cijfers voor de vangnettoets van het aanvraagjaar: beide regimes en het gekozen regime."""

from __future__ import annotations

from fractions import Fraction

from vangnet.cijfers.bouwer import Bouwer
from vangnet.cijfers.kern import Cijfer
from vangnet.meldingen import Rekenfout
from vangnet.opmaak import opsomming
from vangnet.regels.vangnet import REGIMES, Vangnetbesluit, benodigde_jaren, bepaal_vangnet

REGIMENAAM = {"regulier": "regulier vangnet", "uitgebreid": "uitgebreid vangnet"}


def berekenbaar(b: Bouwer, jaar: int) -> bool:
    """Of budget en kosten van alle jaren die de toets over ``jaar`` nodig heeft bekend zijn."""
    return all(f"buig.tekort.{j}" in b for j in benodigde_jaren(jaar, b.parameters))


def _besluit(b: Bouwer, jaar: int) -> Cijfer:
    jaren = benodigde_jaren(jaar, b.parameters)
    ontbrekend = [j for j in jaren if f"buig.tekort.{j}" not in b]
    if ontbrekend:
        raise Rekenfout(
            f"Voor de vangnettoets over {jaar} zijn budget en kosten nodig van "
            f"{', '.join(map(str, jaren))}; ze ontbreken voor {', '.join(map(str, ontbrekend))}."
        )
    invoer = {}
    for j in jaren:
        invoer[f"tekort_{j}"] = b[f"buig.tekort.{j}"]
        invoer[f"budget_{j}"] = b[f"buig.budget.{j}"]

    def besluit(**waarden: Fraction) -> Vangnetbesluit:
        tekorten = {j: waarden[f"tekort_{j}"] for j in jaren}
        budgetten = {j: waarden[f"budget_{j}"] for j in jaren}
        return bepaal_vangnet(jaar, tekorten, budgetten, b.parameters)

    return b.reken(f"vangnet.besluit.{jaar}", f"Vangnettoets {jaar}", "intern", invoer, besluit)


def _staffel(b: Bouwer, regime: str, jaar: int) -> list[tuple[Cijfer, Cijfer]]:
    naam = f"vangnet.{regime}.vergoeding"
    schijven = b.parameters.staffel(naam).op(jaar)
    paren = []
    for i, _ in enumerate(schijven, start=1):
        grens = b.staffelwaarde(
            f"vangnet.{regime}.grens_{i}.{jaar}",
            f"Ondergrens schijf {i} ({REGIMENAAM[regime]}) {jaar}", naam, jaar, i - 1,
            "ondergrens", decimalen=1,
        )
        tarief = b.staffelwaarde(
            f"vangnet.{regime}.tarief_{i}.{jaar}",
            f"Vergoeding schijf {i} ({REGIMENAAM[regime]}) {jaar}", naam, jaar, i - 1,
            "tarief", decimalen=0,
        )
        paren.append((grens, tarief))
    return paren


def _formule_uitkering(tekortfractie: Fraction, schijven: list[tuple[Cijfer, Cijfer]]
                       ) -> tuple[str, dict[str, str]]:
    """Formule voor de schijven die het tekort raakt: ``({tekortpercentage} − {grens_1}) ...``."""
    delen, namen = [], {}
    for i, (grens, tarief) in enumerate(schijven, start=1):
        if tekortfractie <= grens.waarde:
            break
        volgende = schijven[i][0] if i < len(schijven) else None
        namen[f"grens_{i}"], namen[f"tarief_{i}"] = grens.id, tarief.id
        if volgende is not None and tekortfractie > volgende.waarde:
            namen[f"grens_{i + 1}"] = volgende.id
            bovenkant = f"{{grens_{i + 1}}}"
        else:
            bovenkant = "{tekortpercentage}"
        delen.append(f"({bovenkant} − {{grens_{i}}}) × {{budget}} × {{tarief_{i}}}")
    return " + ".join(delen), namen


def parameters(b: Bouwer, jaar: int) -> None:
    """De regels die voor budgetjaar ``jaar`` gelden (schijven, drempels, periodes, de uiterste
    indiendatum), ook als de toets zelf nog niet kan worden berekend."""
    for r in REGIMES:
        if not b.parameters.staffel(f"vangnet.{r}.vergoeding").geldt_in(jaar):
            continue
        _staffel(b, r, jaar)
        if r == "regulier":
            b.parameter(f"vangnet.{r}.meerjarige_periode.{jaar}",
                        f"Meerjarige periode ({REGIMENAAM[r]}) {jaar}",
                        f"vangnet.{r}.meerjarige_periode", jaar, "aantal")
            b.parameter(f"vangnet.{r}.meerjarige_drempel.{jaar}",
                        f"Meerjarige drempel ({REGIMENAAM[r]}) {jaar}",
                        f"vangnet.{r}.meerjarige_drempel", jaar, "fractie", decimalen=1)
        else:
            b.parameter(f"vangnet.{r}.drempel_voorgaande_jaren.{jaar}",
                        f"Drempel voorgaande jaren ({REGIMENAAM[r]}) {jaar}",
                        f"vangnet.{r}.drempel_voorgaande_jaren", jaar, "fractie", decimalen=1)
            b.parameter(f"vangnet.{r}.voorgaande_jaren.{jaar}",
                        f"Aantal voorgaande jaren ({REGIMENAAM[r]}) {jaar}",
                        f"vangnet.{r}.voorgaande_jaren", jaar, "aantal")
            b.parameter(f"vangnet.{r}.minimum_jaren.{jaar}",
                        f"Minimumaantal jaren boven de drempel ({REGIMENAAM[r]}) {jaar}",
                        f"vangnet.{r}.minimum_jaren_boven_drempel", jaar, "aantal")
    b.parameter(f"budget.grens_objectief.{jaar}", "Inwonertal waarboven het uitkeringen-deel "
                "volledig objectief wordt verdeeld", "budget.grens_objectief_verdeelmodel", jaar,
                "aantal")
    b.aangekondigd("vangnet.verlaagd.aangekondigd", "Aangekondigde verder verlaagde "
                   "eigenrisicodrempel", "vangnet.verlaagd.eigenrisicodrempel", "fractie",
                   decimalen=1)
    if b.parameters.parameter("aanvraag.uiterste_indiendatum").geldt_in(jaar):
        b.parameter(f"aanvraag.uiterste_indiendatum.{jaar}",
                    f"Uiterste datum voor de aanvraag over {jaar}",
                    "aanvraag.uiterste_indiendatum", jaar, "datum")


def _schijven(b: Bouwer, regime: str, jaar: int) -> list[tuple[Cijfer, Cijfer]]:
    n = len(b.parameters.staffel(f"vangnet.{regime}.vergoeding").op(jaar))
    return [(b[f"vangnet.{regime}.grens_{i}.{jaar}"], b[f"vangnet.{regime}.tarief_{i}.{jaar}"])
            for i in range(1, n + 1)]


def bouw(b: Bouwer, jaar: int) -> None:
    """De vangnettoets over budgetjaar ``jaar`` (na :func:`parameters`)."""
    besluit_f = _besluit(b, jaar)
    besluit: Vangnetbesluit = besluit_f.waarde
    tp, budget = b[f"buig.tekortpercentage.{jaar}"], b[f"buig.budget.{jaar}"]

    for toets in besluit.toetsen:
        r = toets.regime
        if not toets.van_toepassing:
            continue
        schijven = _schijven(b, r, jaar)
        for v in toets.voorwaarden:
            b.reken(
                f"vangnet.{r}.voorwaarde_{v.code}.{jaar}", f"{v.omschrijving} ({REGIMENAAM[r]})",
                "ja_nee", {"besluit": besluit_f},
                lambda besluit, r=r, code=v.code: next(
                    w.voldaan for w in besluit.toets(r).voorwaarden if w.code == code),
                regel=v.omschrijving,
            )
        meerjarig = next((v for v in toets.voorwaarden if v.code == "meerjarig"), None)
        if meerjarig is not None:
            invoer = {f"tekort_{j}": b[f"buig.tekort.{j}"] for j in meerjarig.jaren}
            som = " + ".join(f"{{tekort_{j}}}" for j in meerjarig.jaren)
            b.reken(
                f"vangnet.{r}.meerjarig_tekort.{jaar}",
                f"Som van de tekorten {meerjarig.jaren[0]}–{jaar} als deel van het budget {jaar}",
                "fractie", {**invoer, "budget": budget},
                lambda budget, **t: sum(t.values()) / budget, f"({som}) / {{budget}}",
                decimalen=1, exact_decimalen=2,
            )
        voorgaand = next((v for v in toets.voorwaarden if v.code == "voorgaande_jaren"), None)
        if voorgaand is not None:
            b.reken(
                f"vangnet.{r}.jaren_boven_drempel_lijst.{jaar}",
                "Voorgaande jaren met een tekort van minstens de drempel", "tekst",
                {"besluit": besluit_f},
                lambda besluit, r=r: opsomming([str(j) for j in next(
                    w for w in besluit.toets(r).voorwaarden if w.code == "voorgaande_jaren"
                ).jaren]) or "geen",
            )
            b.reken(
                f"vangnet.{r}.jaren_boven_drempel.{jaar}",
                "Aantal voorgaande jaren met een tekort van minstens de drempel", "aantal",
                {"besluit": besluit_f},
                lambda besluit, r=r: len(next(
                    w for w in besluit.toets(r).voorwaarden if w.code == "voorgaande_jaren"
                ).jaren),
            )
        in_aanmerking = b.reken(
            f"vangnet.{r}.in_aanmerking.{jaar}", f"In aanmerking ({REGIMENAAM[r]}) {jaar}",
            "ja_nee", {"besluit": besluit_f},
            lambda besluit, r=r: besluit.toets(r).in_aanmerking,
            regel="Ja als alle voorwaarden van het regime zijn vervuld, anders nee.",
        )
        formule, namen = _formule_uitkering(besluit.tekortfractie, schijven)
        invoer = {"besluit": besluit_f, "in_aanmerking": in_aanmerking}
        if toets.in_aanmerking and formule:
            invoer |= {"tekortpercentage": tp, "budget": budget}
            invoer |= {n: b[i] for n, i in namen.items()}
        else:
            formule = (
                "geen uitkering: niet alle voorwaarden zijn vervuld" if not toets.in_aanmerking
                else "geen uitkering: het tekort ligt niet boven de drempel"
            )
        b.reken(
            f"vangnet.{r}.uitkering.{jaar}", f"Vangnetuitkering {REGIMENAAM[r]} {jaar}", "euro",
            invoer, lambda besluit, r=r, **_: besluit.toets(r).vangnetuitkering, formule,
            regel="Per schijf: het deel van het tekortpercentage in de schijf maal het budget "
            "maal de vergoeding van de schijf.",
        )

    gekozen = besluit.gekozen.regime
    b.reken(f"vangnet.regime.{jaar}", f"Regime {jaar}", "tekst", {"besluit": besluit_f},
            lambda besluit: besluit.gekozen.regime,
            regel="Het regime met de hoogste uitkering; zonder uitkering het regime met de "
            "laagste drempel waarvan de meerjarige voorwaarden zijn vervuld.")
    b.reken(f"vangnet.drempel.{jaar}", f"Eigenrisicodrempel {jaar}", "fractie",
            {"drempel": b[f"vangnet.{gekozen}.grens_1.{jaar}"]}, lambda drempel: drempel,
            "{drempel}", decimalen=1)
    b.reken(f"vangnet.in_aanmerking.{jaar}", f"In aanmerking voor een vangnetuitkering {jaar}",
            "ja_nee", {"regime": b[f"vangnet.{gekozen}.in_aanmerking.{jaar}"]},
            lambda regime: regime, "{regime}")
    # dezelfde formule als bij het gekozen regime, zodat de uitleg direct de berekening toont
    gekozen_uitkering = b[f"vangnet.{gekozen}.uitkering.{jaar}"]
    b.reken(f"vangnet.uitkering.{jaar}", f"Vangnetuitkering {jaar}", "euro",
            {naam: b[bron] for naam, bron in gekozen_uitkering.invoer},
            lambda besluit, **_: besluit.vangnetuitkering, gekozen_uitkering.formule,
            regel=f"Vangnetuitkering volgens het gekozen regime ({REGIMENAAM[gekozen]}). "
            + (gekozen_uitkering.regel or ""))
    if f"buig.budget.{jaar}" in b:
        b.reken(f"vangnet.eigen_risico.{jaar}", f"Eigen risico {jaar}: de drempel in euro's",
                "euro", {"drempel": b[f"vangnet.drempel.{jaar}"],
                         "budget": b[f"buig.budget.{jaar}"]},
                lambda drempel, budget: drempel * budget, "{drempel} × {budget}",
                decimalen=-3, exact_decimalen=0,
                regel="Het deel van het tekort dat de gemeente altijd zelf draagt: de "
                "eigenrisicodrempel maal het budget.")
    if f"buig.tekort.{jaar}" in b and f"vangnet.eigen_risico.{jaar}" in b:
        b.reken(f"vangnet.boven_drempel.{jaar}",
                f"Deel van het tekort {jaar} boven de eigenrisicodrempel", "euro",
                {"tekort": b[f"buig.tekort.{jaar}"],
                 "eigen_risico": b[f"vangnet.eigen_risico.{jaar}"]},
                lambda tekort, eigen_risico: tekort - eigen_risico,
                "{tekort} − {eigen_risico}", decimalen=-3, exact_decimalen=0,
                regel="Hoeveel het tekort boven de drempel ligt: zoveel lagere kosten en er is "
                "geen tekort boven de drempel meer (negatief: zoveel ligt het eronder).")
    if f"buig.tekort.{jaar}" in b:
        b.reken(f"vangnet.eigen_rekening.{jaar}",
                f"Deel van het tekort {jaar} voor rekening van de gemeente", "euro",
                {"tekort": b[f"buig.tekort.{jaar}"], "uitkering": b[f"vangnet.uitkering.{jaar}"]},
                lambda tekort, uitkering: max(tekort, Fraction(0)) - uitkering,
                "{tekort} − {uitkering}", decimalen=-3, exact_decimalen=0,
                regel="Wat de vangnetuitkering niet vergoedt, draagt de gemeente zelf.")


__all__ = ["REGIMES", "bouw"]
