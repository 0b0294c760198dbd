"""Vergelijk de waarden uit de brondocumenten met de berekening (``rapportwaarden.csv``).

Een bron kan afgeronde of zelfs tegenstrijdige getallen bevatten. In plaats van die stil over
te nemen, rekent vangnet alles uit de onderliggende gegevens na en zet het elke waarde uit de
bron naast het berekende cijfer:

- **gelijk**: gelijk op de afronding van de bron;
- **afronding**: het verschil is te verklaren doordat de invoer in de bron is afgerond (zie
  :mod:`vangnet.cijfers.marge`);
- **afwijking**: het verschil is groter dan afronding kan verklaren;
- **geen cijfer**: het bedrag komt met geen enkel berekend cijfer overeen.

Bij een verschil, of als de bron een toelichting heeft, staat erbij hoe de kerncijfers zouden
veranderen als de waarde uit de bron was gebruikt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from vangnet.cijfers.kern import Figuur, Figuurset, formatteer
from vangnet.cijfers.marge import afrondingsmarge
from vangnet.data.dataset import RIJ, Dataset
from vangnet.meldingen import Melding

Uitkomst = Literal["gelijk", "afronding", "afwijking", "geen_cijfer"]
UITKOMSTTEKST = {
    "gelijk": "gelijk",
    "afronding": "verschil door afronding",
    "afwijking": "afwijking",
    "geen_cijfer": "komt met geen cijfer overeen",
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

    figuur: Figuur
    nieuw: float

    @property
    def tekst(self) -> str:
        verschil = self.nieuw - self.figuur.waarde
        return (f"{self.figuur.label}: {formatteer(self.nieuw, self.figuur.eenheid, 2)} "
                f"(verschil {formatteer(verschil, self.figuur.eenheid, 2)})")


@dataclass(frozen=True)
class Vergelijking:
    rij: int
    figuur: Figuur | None
    bronwaarde: float
    afronding: float
    bron: str
    toelichting: str
    uitkomst: Uitkomst
    marge: float = 0.0
    effecten: tuple[Effect, ...] = ()

    @property
    def verschil(self) -> float | None:
        return None if self.figuur is None else self.figuur.waarde - self.bronwaarde

    def _opmaak(self, waarde: float) -> str:
        """Een verschil of marge, met genoeg decimalen om het te zien (0,30 en geen 0)."""
        assert self.figuur is not None
        if self.figuur.eenheid in _PROCENTEENHEDEN:
            return formatteer(waarde, self.figuur.eenheid, 4)
        grootte = abs(waarde) / (1_000_000 if self.figuur.eenheid == "miljoen" else 1)
        decimalen = 0 if grootte == 0 or grootte >= 10 else \
            min(4, 1 - math.floor(math.log10(grootte)))
        return formatteer(waarde, self.figuur.eenheid, decimalen)

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
        return "" if self.figuur is None else self._opmaak(self.marge)

    def bronwaarde_tekst(self) -> str:
        if self.figuur is None:
            return formatteer(self.bronwaarde, "euro", _decimalen(self.afronding))
        schaal = 1_000_000 if self.figuur.eenheid == "miljoen" else 1
        return formatteer(self.bronwaarde, self.figuur.eenheid,
                          _decimalen(self.afronding / schaal))


def _decimalen(afronding: float) -> int:
    """Aantal decimalen dat hoort bij de afronding van de bron (0,1 → 1; 1000 → 0)."""
    if not afronding or afronding <= 0:
        return 2
    return max(0, -math.floor(math.log10(afronding) + 1e-9))


def _in_eenheid(waarde: float, figuur: Figuur) -> float:
    return waarde / 100 if figuur.eenheid in _PROCENTEENHEDEN else waarde


def vergelijk(dataset: Dataset, figuren: Figuurset) -> list[Vergelijking]:
    """Alle vergelijkingen uit ``rapportwaarden.csv`` (leeg als het bestand ontbreekt)."""
    if not dataset.heeft("rapportwaarden"):
        return []
    kern = [k for k in kerncijfers(dataset.aanvraagjaar) if k in figuren]
    uitkomsten = []
    for rij in dataset.tabel("rapportwaarden").to_dict("records"):
        afronding = rij["afronding"] if rij["afronding"] and not math.isnan(rij["afronding"]) \
            else 0.0
        toelichting = rij["toelichting"] or ""
        if not rij["figuur"]:
            uitkomsten.append(Vergelijking(rij[RIJ], None, rij["waarde"], afronding, rij["bron"],
                                           toelichting, "geen_cijfer"))
            continue
        figuur = figuren[rij["figuur"]]
        bron = _in_eenheid(rij["waarde"], figuur)
        half = _in_eenheid(afronding, figuur) / 2
        verschil = abs(figuur.waarde - bron)
        schaal = max(abs(bron), 1.0) * 1e-9
        marge = 0.0
        if verschil <= half + schaal:
            uitkomst: Uitkomst = "gelijk"
        else:
            marge = afrondingsmarge(figuren, figuur.id)
            uitkomst = "afronding" if verschil <= half + marge + schaal else "afwijking"
        effecten: tuple[Effect, ...] = ()
        if verschil > schaal and (uitkomst != "gelijk" or toelichting):
            nieuw = figuren.herbereken({figuur.id: bron})
            effecten = tuple(
                Effect(figuren[k], nieuw[k]) for k in kern
                if k in nieuw and k != figuur.id and abs(nieuw[k] - figuren.waarde(k)) > 0.005
            )
        uitkomsten.append(Vergelijking(rij[RIJ], figuur, bron, afronding, rij["bron"],
                                       toelichting, uitkomst, marge, effecten))
    return uitkomsten


def onbekende_figuren(dataset: Dataset, figuren: Figuurset) -> list[Melding]:
    """Regels in ``rapportwaarden.csv`` die naar een niet-bestaand cijfer verwijzen."""
    if not dataset.heeft("rapportwaarden"):
        return []
    return [
        Melding("rapportwaarden.csv", f"het cijfer '{rij['figuur']}' bestaat niet.",
                rij=rij[RIJ], kolom="figuur",
                oplossing="Gebruik een id uit 'vangnet uitleg' of de pagina Herkomst van alle "
                "cijfers, of laat de cel leeg.")
        for rij in dataset.tabel("rapportwaarden").to_dict("records")
        if rij["figuur"] and rij["figuur"] not in figuren
    ]
