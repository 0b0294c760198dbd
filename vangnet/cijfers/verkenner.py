"""De scenarioverkenner: wat gebeurt er bij meer uitstroom, een ander kostenaandeel LKS of
een andere drempel?

De verkenner op de site rekent in de browser, met dezelfde uitgangspunten als vangnet: de
staffels komen uit de parameters, de besparingen en bedragen uit de cijfers van het dossier.
Deze module maakt die configuratie en bevat hetzelfde model in Python; de tests controleren dat
de browser bij dezelfde instellingen dezelfde uitkomst geeft. Omdat de browser met kommagetallen
rekent, staan alle waarden hier als ``float``; het dossier zelf rekent exact.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from vangnet.cijfers.kern import Cijferset
from vangnet.exact import naar_float
from vangnet.regels.doorrekening import UITSTROOMTYPEN, scenariobesparing
from vangnet.regels.lks import budget_volgens_aandeel
from vangnet.regels.parameters import Schijf
from vangnet.regels.vangnet import vergoeding_volgens_staffel


@dataclass(frozen=True)
class Instellingen:
    """Wat de gebruiker kan verschuiven."""

    uitstroom: dict[str, float]
    kostenaandeel: float
    regime: str
    drempel: float


@dataclass(frozen=True)
class Uitkomst:
    vangnetuitkering: float
    besparing: float
    resterend_tekort: float
    lks_budget: float
    lks_verschil: float


@dataclass(frozen=True)
class Verkenner:
    """Alles wat de verkenner van het dossier nodig heeft (vaste waarden)."""

    jaar: int
    budget: float
    tekortfractie: float
    staffels: dict[str, list[dict[str, float]]]
    voorwaarden_voldaan: dict[str, bool]
    te_compenseren: float
    besparing: dict[str, float]
    macrobudget_volgend_jaar: float
    voorlopig_lks: float
    standaard: Instellingen
    labels: dict[str, str] = field(default_factory=dict)

    def schijven(self, regime: str, drempel: float) -> tuple[Schijf, ...]:
        """De staffel van het regime, verschoven zodat de eerste schijf bij ``drempel`` begint.

        De breedte van de schijven blijft gelijk aan die in de parameters.
        """
        staffel = self.staffels[regime]
        verschuiving = drempel - staffel[0]["ondergrens"]
        return tuple(Schijf(s["ondergrens"] + verschuiving, s["tarief"]) for s in staffel)

    def bereken(self, instellingen: Instellingen) -> Uitkomst:
        """Het model van de verkenner, met de regels van vangnet."""
        schijven = self.schijven(instellingen.regime, instellingen.drempel)
        in_aanmerking = self.voorwaarden_voldaan[instellingen.regime] and \
            self.tekortfractie > instellingen.drempel
        uitkering = (naar_float(vergoeding_volgens_staffel(self.tekortfractie, schijven))
                     * self.budget if in_aanmerking else 0.0)
        besparing = naar_float(scenariobesparing(instellingen.uitstroom,  # type: ignore[arg-type]
                                                 self.besparing))
        lks = naar_float(budget_volgens_aandeel(instellingen.kostenaandeel,
                                                self.macrobudget_volgend_jaar))
        return Uitkomst(uitkering, besparing, self.te_compenseren - besparing, lks,
                        lks - self.voorlopig_lks)

    def als_json(self) -> dict[str, Any]:
        gegevens = asdict(self)
        gegevens["standaard"] = asdict(self.standaard)
        return gegevens


def kan_verkennen(cijfers: Cijferset, jaar: int) -> bool:
    """Of het dossier alles heeft wat de verkenner nodig heeft: de vangnettoets, de
    doorrekening van de uitstroom en de schatting van het LKS-budget."""
    volgend = jaar + 1
    nodig = [f"vangnet.besluit.{jaar}", f"doorrekening.te_compenseren.{volgend}",
             f"lks.kostenaandeel_geschat.{jaar}", f"lks.macrobudget.{volgend}",
             f"buig.budget_lks.{volgend}",
             *(f"doorrekening.besparing.{t}.{volgend}" for t in UITSTROOMTYPEN)]
    return all(i in cijfers for i in nodig)


def maak_verkenner(cijfers: Cijferset, jaar: int) -> Verkenner:
    """De verkenner voor het dossier over ``jaar``, uit de cijfers van dat dossier."""
    besluit = cijfers.waarde(f"vangnet.besluit.{jaar}")
    staffels, voldaan = {}, {}
    for toets in besluit.toetsen:
        if not toets.van_toepassing:
            continue
        staffels[toets.regime] = [{"ondergrens": naar_float(s.ondergrens),
                                   "tarief": naar_float(s.tarief)} for s in toets.schijven]
        voldaan[toets.regime] = all(v.voldaan for v in toets.voorwaarden if v.code != "jaar")
    volgend = jaar + 1
    uitstroom = {t: 0.0 for t in UITSTROOMTYPEN}
    for t in UITSTROOMTYPEN:
        id_ = f"doorrekening.scenario.aantal.{t}.{volgend}"
        if id_ in cijfers:
            uitstroom[t] = naar_float(cijfers.waarde(id_))
    w = cijfers.waarde
    standaard = Instellingen(
        uitstroom=uitstroom,
        kostenaandeel=naar_float(w(f"lks.kostenaandeel_geschat.{jaar}")),
        regime=besluit.gekozen.regime,
        drempel=naar_float(besluit.gekozen.drempel or 0),
    )
    return Verkenner(
        jaar=jaar,
        budget=naar_float(besluit.budget),
        tekortfractie=naar_float(besluit.tekortfractie),
        staffels=staffels,
        voorwaarden_voldaan=voldaan,
        te_compenseren=naar_float(w(f"doorrekening.te_compenseren.{volgend}")),
        besparing={t: naar_float(w(f"doorrekening.besparing.{t}.{volgend}"))
                   for t in UITSTROOMTYPEN},
        macrobudget_volgend_jaar=naar_float(w(f"lks.macrobudget.{volgend}")),
        voorlopig_lks=naar_float(w(f"buig.budget_lks.{volgend}")),
        standaard=standaard,
        labels={
            "alleenstaande": "Alleenstaanden zonder loonkostensubsidie",
            "alleenstaande_naar_lks": "Alleenstaanden met loonkostensubsidie",
            "gehuwden": "Gehuwden zonder loonkostensubsidie",
            "gehuwden_naar_lks": "Eén van de gehuwden met loonkostensubsidie",
        },
    )


def met(instellingen: Instellingen, **wijzigingen: Any) -> Instellingen:
    """Een kopie met gewijzigde instellingen (uitstroom per type als ``uitstroom_<type>``)."""
    uitstroom = dict(instellingen.uitstroom)
    for sleutel in list(wijzigingen):
        if sleutel.startswith("uitstroom_"):
            uitstroom[sleutel.removeprefix("uitstroom_")] = float(wijzigingen.pop(sleutel))
    return replace(instellingen, uitstroom=uitstroom, **wijzigingen)
