"""Vergelijk de waarden uit de brondocumenten met de berekening (``rapportwaarden.csv``).

Een bron kan afgeronde of zelfs tegenstrijdige getallen bevatten. In plaats van die stil over
te nemen, rekent vangnet alles uit de onderliggende gegevens na en zet het elke waarde uit de
bron naast het berekende cijfer:

- **gelijk**: gelijk op de afronding van de bron;
- **afronding**: het verschil is te verklaren doordat de invoer in de bron is afgerond (zie
  :mod:`vangnet.cijfers.marge`);
- **afwijking**: het verschil is groter dan afronding kan verklaren;
- **geen cijfer**: het bedrag komt met geen enkel berekend cijfer overeen;
- **relatieve verandering**: de bron geeft de verandering van een percentage als relatieve
  verandering (nieuw / oud − 1), het dossier als verschil in procentpunten; de bronwaarde klopt
  met de relatieve verandering (cijfer ``<id>_relatief``), en beide staan erbij.

Bij een verschil, of als de bron een toelichting heeft, staat erbij hoe de kerncijfers zouden
veranderen als de waarde uit de bron was gebruikt.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from vangnet.cijfers.kern import Cijfer, Cijferset, Gegevensbron, formatteer
from vangnet.cijfers.marge import afrondingsmarge
from vangnet.data.dataset import RIJ, Dataset, gelezen_bestanden
from vangnet.data.plausibiliteit import (
    BRONREGELS,
    REGEL,
    BevestigdeUitzondering,
    Bevinding,
    pas_toe,
)
from vangnet.exact import exact
from vangnet.meldingen import Melding

Uitkomst = Literal["gelijk", "afronding", "afwijking", "geen_cijfer", "relatief"]
UITKOMSTTEKST = {
    "gelijk": "gelijk",
    "afronding": "verschil door afronding",
    "afwijking": "afwijking",
    "geen_cijfer": "komt met geen cijfer overeen",
    "relatief": "relatieve verandering, geen procentpunten",
}
_PROCENTEENHEDEN = {"fractie", "procentpunt"}


def kerncijfers(jaar: int) -> tuple[str, ...]:
    """Cijfers waarvan we laten zien hoe ze veranderen als een bronwaarde zou worden gebruikt."""
    volgend = jaar + 1
    return (
        f"vangnet.uitkering.{jaar}", f"lks.budget_verwacht.{volgend}", f"prijs.lks.{volgend}",
        f"prijs.gehuwden.{volgend}", f"prijs.alleenstaande.{volgend}",
        f"doorrekening.te_compenseren.{volgend}", f"doorrekening.resterend_tekort.{volgend}",
    )


@dataclass(frozen=True)
class Effect:
    """Hoe een kerncijfer zou veranderen met de bronwaarde in plaats van de berekende waarde."""

    cijfer: Cijfer
    nieuw: Fraction

    @property
    def tekst(self) -> str:
        verschil = self.nieuw - self.cijfer.waarde
        return (f"{self.cijfer.label}: {formatteer(self.nieuw, self.cijfer.eenheid, 2)} "
                f"(verschil {formatteer(verschil, self.cijfer.eenheid, 2)})")


@dataclass(frozen=True)
class Vergelijking:
    rij: int
    cijfer: Cijfer | None
    bronwaarde: Fraction
    afronding: Fraction
    bron: str
    toelichting: str
    uitkomst: Uitkomst
    marge: Fraction = Fraction(0)
    effecten: tuple[Effect, ...] = ()

    @property
    def verschil(self) -> Fraction | None:
        return None if self.cijfer is None else self.cijfer.waarde - self.bronwaarde

    def _opmaak(self, waarde: Fraction) -> str:
        """Een verschil of marge, met genoeg decimalen om het te zien (0,30 en geen 0)."""
        assert self.cijfer is not None
        if self.cijfer.eenheid in _PROCENTEENHEDEN:
            return formatteer(waarde, self.cijfer.eenheid, 4)
        grootte = abs(exact(waarde)) / (1_000_000 if self.cijfer.eenheid == "miljoen" else 1)
        decimalen = 0 if grootte == 0 or grootte >= 10 else \
            min(4, 1 - _orde(grootte))
        return formatteer(waarde, self.cijfer.eenheid, decimalen)

    def verschil_tekst(self) -> str:
        """Het verschil berekend min bron, in de eenheid van het cijfer."""
        return "" if self.verschil is None else self._opmaak(self.verschil)

    def verschil_in_woorden(self) -> str:
        """``€ 808 lager`` of ``€ 106 hoger``: de berekening tegenover de bron."""
        if self.verschil is None or self.verschil == 0:
            return "gelijk"
        richting = "hoger" if self.verschil > 0 else "lager"
        return f"{self._opmaak(abs(self.verschil))} {richting}"

    def marge_tekst(self) -> str:
        """De afrondingsmarge van de invoer, in de eenheid van het cijfer."""
        return "" if self.cijfer is None else self._opmaak(self.marge)

    def bronwaarde_tekst(self) -> str:
        if self.uitkomst == "relatief":
            return formatteer(self.bronwaarde, "fractie", _decimalen(self.afronding))
        if self.cijfer is None:
            return formatteer(self.bronwaarde, "euro", _decimalen(self.afronding))
        schaal = 1_000_000 if self.cijfer.eenheid == "miljoen" else 1
        return formatteer(self.bronwaarde, self.cijfer.eenheid,
                          _decimalen(self.afronding / schaal))


def _orde(waarde: Fraction) -> int:
    """De orde van grootte: ``floor(log10(waarde))``, exact voor een positieve breuk."""
    orde = len(str(int(waarde))) - 1 if waarde >= 1 else 0
    while Fraction(10) ** orde > waarde:
        orde -= 1
    return orde


def _decimalen(afronding: Fraction) -> int:
    """Aantal decimalen dat hoort bij de afronding van de bron (0,1 → 1; 1000 → 0)."""
    if not afronding or afronding <= 0:
        return 2
    return max(0, -_orde(afronding))


def _in_eenheid(waarde: Fraction, cijfer: Cijfer) -> Fraction:
    return waarde / 100 if cijfer.eenheid in _PROCENTEENHEDEN else waarde


def vergelijk(dataset: Dataset, cijfers: Cijferset) -> list[Vergelijking]:
    """Alle vergelijkingen uit ``rapportwaarden.csv`` (leeg als het bestand ontbreekt)."""
    if not dataset.heeft("rapportwaarden"):
        return []
    kern = [k for k in kerncijfers(dataset.aanvraagjaar) if k in cijfers]
    uitkomsten = []
    for rij in dataset.tabel("rapportwaarden").to_dict("records"):
        afronding = exact(rij["afronding"]) if rij["afronding"] is not None else Fraction(0)
        toelichting = rij["toelichting"] or ""
        if not rij["cijfer"]:
            uitkomsten.append(Vergelijking(rij[RIJ], None, exact(rij["waarde"]), afronding,
                                           rij["bron"], toelichting, "geen_cijfer"))
            continue
        cijfer = cijfers[rij["cijfer"]]
        bron = _in_eenheid(exact(rij["waarde"]), cijfer)
        half = _in_eenheid(afronding, cijfer) / 2
        verschil = abs(exact(cijfer.waarde) - bron)
        marge = Fraction(0)
        if verschil <= half:
            uitkomst: Uitkomst = "gelijk"
        else:
            marge = afrondingsmarge(cijfers, cijfer.id)
            uitkomst = "afronding" if verschil <= half + marge else "afwijking"
        relatief = next((c for c in [cijfer.id + "_relatief"] if c in cijfers), None)
        if relatief is not None:
            relatief = cijfers[relatief]
        if uitkomst == "afwijking" and cijfer.eenheid == "procentpunt" and relatief is not None \
                and abs(exact(relatief.waarde) - bron) <= half:
            uitkomst = "relatief"
            toelichting = " ".join(filter(None, [
                toelichting, f"De bron geeft een relatieve verandering (nieuw / oud − 1): "
                f"berekend {relatief.tekst()}, gelijk op de afronding van de "
                f"bron. Het verschil in procentpunten is {cijfer.tekst()}."]))
        effecten: tuple[Effect, ...] = ()
        if verschil > 0 and (uitkomst not in ("gelijk", "relatief") or toelichting):
            nieuw = cijfers.herbereken({cijfer.id: bron})
            effecten = tuple(
                Effect(cijfers[k], nieuw[k]) for k in kern
                if k in nieuw and k != cijfer.id
                and abs(nieuw[k] - cijfers.waarde(k)) > Fraction(1, 200)
            )
        uitkomsten.append(Vergelijking(rij[RIJ], cijfer, bron, afronding, rij["bron"],
                                       toelichting, uitkomst, marge, effecten))
    return uitkomsten


def onbekende_cijfers(dataset: Dataset, cijfers: Cijferset) -> list[Melding]:
    """Regels in ``rapportwaarden.csv`` die naar een niet-bestaand cijfer verwijzen."""
    if not dataset.heeft("rapportwaarden"):
        return []
    return [
        Melding("rapportwaarden.csv", f"het cijfer '{rij['cijfer']}' bestaat niet.",
                rij=rij[RIJ], kolom="cijfer",
                oplossing="Gebruik een id uit 'vangnet uitleg' of de pagina Herkomst van alle "
                "cijfers, of laat de cel leeg.")
        for rij in dataset.tabel("rapportwaarden").to_dict("records")
        if rij["cijfer"] and rij["cijfer"] not in cijfers
    ]


# -- plausibiliteit van de bronvergelijking (zie vangnet.data.plausibiliteit) --------------------

def _gegevensbronnen(cijfer: Cijfer, cijfers: Cijferset) -> list[Gegevensbron]:
    """De cellen waaruit een cijfer (via zijn invoer) is opgeteld."""
    if cijfer.gegevens:
        return list(cijfer.gegevens)
    uit: list[Gegevensbron] = []
    for _, id_ in cijfer.invoer:
        if id_ in cijfers:
            uit += _gegevensbronnen(cijfers[id_], cijfers)
    return uit


def _aantallen_totaal(vergelijkingen: list[Vergelijking], cijfers: Cijferset
                      ) -> list[Bevinding]:
    """Een som van aantallen die afwijkt van het totaal dat de bron noemt."""
    bevindingen = []
    for v in vergelijkingen:
        c = v.cijfer
        if c is None or c.eenheid != "aantal" or ".totaal" not in c.id or \
                v.uitkomst != "afwijking":
            continue
        bronnen = _gegevensbronnen(c, cijfers)
        if not bronnen:
            continue
        kolommen = list(dict.fromkeys(b.kolom for b in bronnen))
        jaar = c.id.rsplit(".", 1)[-1]
        voor = f" voor {jaar}" if jaar.isdigit() else ""
        bevindingen.append(Bevinding(
            "aantallen_totaal", bronnen[0].bestand, None,
            kolommen[0] if len(kolommen) == 1 else None, (("cijfer", c.id),),
            {"kolommen": "" if len(kolommen) == 1 else
             " in de kolommen '" + "' en '".join(kolommen) + "'", "voor": voor, "som": c.tekst(),
             "totaal": v.bronwaarde_tekst(), "bronrij": str(v.rij), "bron": v.bron}))
    return bevindingen


def _andere_bron(vergelijkingen: list[Vergelijking], bestand: str) -> list[Bevinding]:
    """De meeste waarden uit de bron wijken af: het bestand hoort bij een ander dossier."""
    met_cijfer = [v for v in vergelijkingen if v.cijfer is not None]
    afwijkend = [v for v in met_cijfer if v.uitkomst == "afwijking"]
    if len(met_cijfer) < 3 or len(afwijkend) <= REGEL["andere_bron"].grens * len(met_cijfer):
        return []
    v = afwijkend[0]
    assert v.cijfer is not None
    return [Bevinding(
        "andere_bron", bestand, None, None, (),
        {"afwijkend": str(len(afwijkend)), "vergeleken": str(len(met_cijfer)), "rij": str(v.rij),
         "voorbeeld": f"{v.bronwaarde_tekst()} tegenover berekend {v.cijfer.tekst(exact=True)} "
                      f"voor {v.cijfer.id}"})]


def controleer_bronnen(dataset: Dataset, cijfers: Cijferset, vergelijkingen: list[Vergelijking]
                       ) -> tuple[list[Melding], list[BevestigdeUitzondering]]:
    """De bronregels (``andere_bron``, ``aantallen_totaal``) met de bevestigingen uit
    ``dossier.yaml``: de meldingen en de bevestigde uitzonderingen."""
    bevindingen = _andere_bron(vergelijkingen, dataset.bestandsnaam("rapportwaarden"))
    if not bevindingen:  # anders zijn de totalen vervolgfouten
        bevindingen = _aantallen_totaal(vergelijkingen, cijfers)
    return pas_toe(dataset, bevindingen, BRONREGELS, gelezen_bestanden(dataset))
