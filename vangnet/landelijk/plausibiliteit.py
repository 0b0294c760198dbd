"""De plausibiliteitsregels van een dossier, toegepast op de landelijke tabel.

Dezelfde regels als voor ``buig.csv`` van één gemeente (:mod:`vangnet.data.plausibiliteit`),
met dezelfde drempels en meldingen, per gemeente:

- ``duizendvoud``: budget of kosten verschilt een factor duizend of meer van dezelfde gemeente
  in de jaren ernaast (een bedrag in duizenden of miljoenen);
- ``tekort_buiten_marge``: het tekort of overschot is groter dan de helft van het budget.

Elke bevinding is een fout, tenzij een bevestigingsbestand (``--bevestigd BESTAND.yaml``) haar
bevestigt, in dezelfde vorm als ``bevestigd:`` in ``dossier.yaml``::

    bevestigd:
      - regel: tekort_buiten_marge
        bestand: landelijk.csv
        sleutel: {gemeente: Voorbeeld, jaar: 2024}
        reden: Eenmalige terugbetaling volgens de jaarrekening 2024.

Een bevestiging die bij geen enkele bevinding past, of zonder reden, is zelf een fout: zo blijft
er geen vergeten uitzondering staan.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from vangnet import opmaak
from vangnet.data.lezen import lees_yaml
from vangnet.data.meldingen_pydantic import fouten
from vangnet.data.plausibiliteit import REGEL, afwijkend_van_buren
from vangnet.data.schema import Bevestiging
from vangnet.exact import exact
from vangnet.landelijk.tabel import Controle, LandelijkeTabel
from vangnet.meldingen import Gegevensfout, Melding

BEVESTIGINGSBESTAND = "het bevestigingsbestand"
REGELS = ("duizendvoud", "tekort_buiten_marge")
"""De regels die op de landelijke tabel van toepassing zijn (de andere gaan over delen van het
budget, aantallen en bronnen, die deze tabel niet heeft)."""


@dataclass(frozen=True)
class Bevinding:
    regel: str
    rij: int
    kolom: str
    gemeente: str
    jaar: int
    velden: dict[str, str]

    def sleutel(self) -> dict[str, str | int]:
        uit: dict[str, str | int] = {"gemeente": self.gemeente, "jaar": self.jaar}
        if self.regel == "duizendvoud":
            uit["kolom"] = self.kolom
        return uit

    def melding(self, bestand: str) -> Melding:
        regel = REGEL[self.regel]
        sleutel = ", ".join(f"{k}: {v}" for k, v in self.sleutel().items())
        return Melding(bestand, regel.melding.format(**self.velden), rij=self.rij,
                       kolom=self.kolom, oplossing=(
                           f"{regel.oplossing.format(**self.velden)} Klopt het toch, bevestig "
                           f"het dan in een bevestigingsbestand (--bevestigd) met regel: "
                           f"{self.regel}, bestand: {bestand}, sleutel: {{{sleutel}}} en een "
                           "reden."))

    def past_bij(self, b: Bevestiging, bestand: str) -> bool:
        if b.regel != self.regel or b.bestand != bestand:
            return False
        eigen = {k: str(v) for k, v in self.sleutel().items()}
        return all(k in eigen and eigen[k] == str(v) for k, v in b.sleutel.items())


def bevindingen(tabel: LandelijkeTabel) -> list[Bevinding]:
    """Alle bevindingen van :data:`REGELS`, per gemeente in de volgorde van de tabel."""
    uit: list[Bevinding] = []
    grens_factor = REGEL["duizendvoud"].grens
    grens_marge = REGEL["tekort_buiten_marge"].grens
    for gemeente, per_jaar in tabel.per_gemeente().items():
        rijen = [per_jaar[j] for j in sorted(per_jaar)]
        for kolom in ("budget", "kosten"):
            reeks = [r for r in rijen if getattr(r, kolom)]
            for i, verhouding, groter, buren in afwijkend_van_buren(
                    [getattr(r, kolom) for r in reeks], grens_factor):
                r = reeks[i]
                uit.append(Bevinding("duizendvoud", r.rij, kolom, gemeente, r.jaar, {
                    "waarde": opmaak.bedrag(getattr(r, kolom)),
                    "factor": _factor(verhouding),
                    "richting": "groot" if groter else "klein",
                    "vergelijking": ", ".join(
                        f"{reeks[b].jaar}: {opmaak.bedrag(getattr(reeks[b], kolom))}"
                        for b in buren)}))
        for r in rijen:
            if not r.budget or not r.kosten:
                continue
            afwijking = (exact(r.kosten) - exact(r.budget)) / exact(r.budget)
            if abs(afwijking) <= grens_marge:
                continue
            tekort = afwijking > 0
            uit.append(Bevinding("tekort_buiten_marge", r.rij, "kosten", gemeente, r.jaar, {
                "kosten": opmaak.bedrag(r.kosten), "budget": opmaak.bedrag(r.budget),
                "afwijking": opmaak.percentage(abs(afwijking), 0),
                "boven_onder": "boven" if tekort else "onder",
                "tekort_overschot": "tekort" if tekort else "overschot"}))
    return sorted(uit, key=lambda b: (b.rij, b.regel))


def _factor(verhouding: Fraction) -> str:
    """1.000 of 1.000.000: de macht van duizend die het dichtst bij de verhouding ligt."""
    return opmaak.getal(1000 ** max(1, round(math.log10(verhouding) / 3)))


class Bevestigingen(BaseModel):
    """Het bevestigingsbestand: alleen de lijst ``bevestigd``."""

    model_config = ConfigDict(extra="forbid")
    bevestigd: list[Bevestiging] = Field(default_factory=list)


def lees_bevestigingen(pad: Path) -> tuple[Bevestiging, ...]:
    """Lees een bevestigingsbestand (YAML).

    :raises Gegevensfout: als het bestand ontbreekt of niet de vorm van ``bevestigd:`` heeft.
    """
    naam = pad.name
    if not pad.is_file():
        raise Gegevensfout([Melding(str(pad), "het bevestigingsbestand bestaat niet.",
                                    oplossing="Geef een YAML-bestand met een lijst "
                                    "'bevestigd:' (zie de README).")])
    inhoud, regels = lees_yaml(pad, naam)
    try:
        return tuple(Bevestigingen.model_validate(inhoud or {}).bevestigd)
    except ValidationError as fout:
        raise Gegevensfout([
            Melding(naam, tekst, rij=regels.get(plaats) or regels.get(plaats[:-1]),
                    kolom=".".join(map(str, plaats)) or None)
            for plaats, tekst in fouten(fout)]) from None


def plausibiliteit(bevestigd: Sequence[Bevestiging] = ()) -> Controle:
    """Een controle voor :func:`vangnet.landelijk.tabel.lees_tabel`: elke bevinding is een
    melding, behalve wat ``bevestigd`` bevestigt; een bevestiging die nergens bij past ook."""

    def controle(tabel: LandelijkeTabel) -> list[Melding]:
        gevonden = bevindingen(tabel)
        gebruikt: set[int] = set()
        meldingen = []
        for b in gevonden:
            passend = [i for i, x in enumerate(bevestigd) if b.past_bij(x, tabel.naam)]
            if passend:
                gebruikt.update(passend)
            else:
                meldingen.append(b.melding(tabel.naam))
        for i, x in enumerate(bevestigd):
            if x.regel not in REGELS:
                meldingen.append(Melding(BEVESTIGINGSBESTAND, f"de regel '{x.regel}' bestaat "
                                         "niet voor de landelijke tabel.",
                                         oplossing="Gebruik "
                                         f"{opmaak.opsomming(list(REGELS), 'of')}."))
            elif i not in gebruikt:
                meldingen.append(Melding(BEVESTIGINGSBESTAND, f"de bevestiging van regel "
                                         f"'{x.regel}' voor {x.bestand} {dict(x.sleutel)} past "
                                         "bij geen enkele bevinding.",
                                         oplossing="Verwijder de bevestiging, of corrigeer "
                                         "bestand of sleutel."))
        return meldingen

    return controle
