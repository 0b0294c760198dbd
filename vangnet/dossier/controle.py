"""``vangnet check``: alles wat gecontroleerd kan worden, in één rapport.

1. de bestanden (formaat, typen, bereik, dubbele sleutels, samenhang);
2. de berekening van het aanvraagjaar (ontbrekende jaren of parameters);
3. de bronvergelijking: waarden uit de brondocumenten tegen de berekening (ter informatie);
4. de volledigheid van de aanvraag: het beoordelingskader, en wat nog moet worden ingevuld
   (cellen met ``IN TE VULLEN`` en ontbrekende eigen teksten, zie
   :mod:`vangnet.dossier.concept`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from vangnet.cijfers.bronvergelijking import (
    UITKOMSTTEKST,
    Vergelijking,
    controleer_bronnen,
    onbekende_cijfers,
    vergelijk,
)
from vangnet.data.controles import opmerkingen, verouderde_prijzen
from vangnet.dossier.bronnen import onbekende_paragrafen
from vangnet.dossier.concept import OpenPunt, conceptreden, open_punten
from vangnet.dossier.context import Dossiercontext
from vangnet.dossier.kader import Toetsing, is_compleet
from vangnet.dossier.tekstcontrole import controleer_teksten
from vangnet.meldingen import Gegevensfout, Melding, Rekenfout
from vangnet.paden import cachemap


@dataclass
class Controlerapport:
    map: Path
    fouten: list[Melding] = field(default_factory=list)
    stappen: list[str] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)
    volledigheid: list[Toetsing] = field(default_factory=list)
    open_punten: list[OpenPunt] = field(default_factory=list)
    soort_aanvraag: str = ""
    conceptreden: str = ""

    @property
    def in_orde(self) -> bool:
        """De gegevens zijn geldig en het dossier kan worden gebouwd."""
        return not self.fouten

    @property
    def compleet(self) -> bool:
        """Ook de aanvraag voldoet aan alle eisen van het beoordelingskader."""
        return (self.in_orde and bool(self.volledigheid) and is_compleet(self.volledigheid)
                and not self.open_punten)

    def tekst(self) -> str:
        regels = [f"Controle van {self.map}"]
        regels += [f"✓ {s}" for s in self.stappen]
        regels += [f"✗ {m}" for m in self.fouten]
        if self.volledigheid:
            regels += ["", f"Volledigheid van de aanvraag ({self.soort_aanvraag}):"]
            regels += [f"  {t}" for t in self.volledigheid]
        if self.open_punten:
            regels += ["", f"Nog in te vullen ({len(self.open_punten)}):"]
            regels += [f"  ☐ {p}" for p in self.open_punten]
        if self.opmerkingen:
            regels += ["", "Ter informatie:"] + [f"  {o}" for o in self.opmerkingen]
        regels.append("")
        if not self.in_orde:
            n = len(self.fouten)
            regels.append(f"Uitkomst: {'1 probleem' if n == 1 else f'{n} problemen'} gevonden; "
                          f"los {'het' if n == 1 else 'ze'} op en draai 'vangnet check' opnieuw.")
        elif self.compleet:
            regels.append("Uitkomst: in orde; de aanvraag is compleet.")
        else:
            regels.append("Uitkomst: de gegevens zijn in orde. " + self.conceptreden
                          + " Het dossier wordt als concept gebouwd.")
        return "\n".join(regels)


def volledige_controle(map_: Path) -> Controlerapport:
    from vangnet.cijfers import bereken_cijfers
    from vangnet.data.dataset import laad_dataset

    rapport = Controlerapport(map_)
    try:
        dataset = laad_dataset(map_)
    except Gegevensfout as fout:
        rapport.fouten += fout.meldingen
        return rapport
    rapport.fouten += onbekende_paragrafen(dataset)
    if rapport.fouten:
        return rapport
    eigen = [s for s in dataset.tabellen if not dataset.bestandsnaam(s).startswith("vangnet/")]
    aantal = len(eigen) + 1 + (dataset.doorrekening is not None)
    rapport.stappen.append(
        f"{aantal} bestanden en {len(dataset.teksten)} eigen teksten gelezen en gevalideerd "
        f"(gemeente {dataset.dossier.gemeente.naam}, aanvraagjaar {dataset.aanvraagjaar})"
    )
    try:
        cijfers = bereken_cijfers(dataset)
    except Rekenfout as fout:
        tekst = str(fout)
        rapport.fouten.append(Melding("berekening", tekst[:1].lower() + tekst[1:]))
        return rapport
    from vangnet.regels.parameters import laad_parameters

    ctx = Dossiercontext(dataset, cijfers, laad_parameters(), cachemap())
    if ctx.berekend:
        rapport.stappen.append(
            f"berekening voor {dataset.aanvraagjaar} uitgevoerd ({len(cijfers)} cijfers)")
    else:
        rapport.stappen.append(
            f"{len(cijfers)} cijfers berekend; de vangnettoets over {dataset.aanvraagjaar} "
            "volgt zodra budget en kosten van de benodigde jaren zijn ingevuld")
    rapport.opmerkingen += [*dataset.notities, *opmerkingen(dataset), *verouderde_prijzen(cijfers)]
    onbekend = onbekende_cijfers(dataset, cijfers)
    if onbekend:
        rapport.fouten += onbekend
        return rapport
    rapport.fouten += controleer_teksten(ctx)
    vergelijkingen = vergelijk(dataset, cijfers)
    bronfouten, bronbevestigd = controleer_bronnen(dataset, cijfers, vergelijkingen)
    rapport.fouten += bronfouten
    for b in (*dataset.bevestigd, *bronbevestigd):
        rapport.opmerkingen.append(f"Bevestigd in dossier.yaml ({b.bevinding.regel}): "
                                   f"{b.bevinding.melding().zonder_oplossing()} Reden: {b.reden}")
    if vergelijkingen:
        telling = Counter(v.uitkomst for v in vergelijkingen)
        rapport.stappen.append(
            f"bronvergelijking: {len(vergelijkingen)} waarden uit de bronnen vergeleken ("
            + ", ".join(f"{telling[u]} {UITKOMSTTEKST[u]}" for u in UITKOMSTTEKST if telling[u])
            + ")"
        )
        for v in vergelijkingen:
            if v.uitkomst == "gelijk" and not v.effecten:
                continue
            rapport.opmerkingen.append(_vergelijkingsregel(v))
    rapport.volledigheid = ctx.volledigheid
    rapport.open_punten = open_punten(ctx)
    rapport.conceptreden = conceptreden(ctx)
    rapport.soort_aanvraag = f"{dataset.dossier.aanvraag.soort}e aanvraag"
    return rapport


def _vergelijkingsregel(v: Vergelijking) -> str:
    if v.cijfer is None:
        tekst = f"{v.bron}: {v.bronwaarde_tekst()} {UITKOMSTTEKST[v.uitkomst]}."
    else:
        tekst = (f"{v.bron}: {v.bronwaarde_tekst()}, berekend {v.cijfer.tekst(exact=True)} "
                 f"({v.cijfer.id}): {UITKOMSTTEKST[v.uitkomst]}.")
    if v.toelichting:
        tekst += f" {v.toelichting}"
    if v.effecten:
        tekst += " Met de bronwaarde: " + "; ".join(e.tekst for e in v.effecten) + "."
    return tekst
