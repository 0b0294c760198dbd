"""De indeling van het dossier: welke hoofdstukken en paragrafen er zijn, en hun nummers.

Een hoofdstuk of paragraaf zonder zijn gegevens ontbreekt: de nummering, de navigatie, de
inhoudsopgave van de PDF en de verwijzingen in de tekst volgen wat er wél is. Dit is de enige
plek waar dat wordt besloten; de sjablonen vragen het op met de macro's ``kop``, ``toon`` en
``verwijzing``.

- Of een *hoofdstuk* er is, volgt uit de bestanden in de dossiermap (goedkoop: de navigatie
  van MkDocs heeft het nodig vóór er iets is berekend). Zonder ``doorrekening.yaml`` vervalt
  het hoofdstuk over de doorrekening.
- Of een *paragraaf* er is, volgt uit de berekende cijfers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vangnet.dossier.context import Dossiercontext


def _altijd(_: object) -> bool:
    return True


@dataclass(frozen=True)
class Paragraaf:
    """Een genummerde paragraaf; ``id`` is ``<hoofdstuk>.<anker>``."""

    id: str
    titel: str
    nodig: Callable[[Dossiercontext], bool] = _altijd

    @property
    def anker(self) -> str:
        return self.id.split(".", 1)[1]


@dataclass(frozen=True)
class Hoofdstuk:
    """Een hoofdstuk van het dossier: een pagina onder ``docs/dossier``."""

    id: str
    titel: str
    paragrafen: tuple[Paragraaf, ...] = ()
    nodig: Callable[[Path], bool] = _altijd
    """Of het hoofdstuk er is, op grond van de bestanden in de dossiermap."""

    @property
    def pad(self) -> str:
        """Het bronbestand onder ``docs``, zoals ``dossier/oorzaken.md``."""
        return f"dossier/{self.id}.md"

    @property
    def url(self) -> str:
        return f"dossier/{self.id}/"


def _j(ctx: Dossiercontext, id_: str, verschuiving: int = 0) -> bool:
    return f"{id_}.{ctx.jaar + verschuiving}" in ctx.cijfers


def _lks_gegevens(ctx: Dossiercontext) -> bool:
    d = ctx.dataset
    return (d.heeft("lks_personen") or d.heeft("lks_treden")
            or _j(ctx, "lks.kostenaandeel", -1) or _j(ctx, "buig.budget_lks"))


HOOFDSTUKKEN: tuple[Hoofdstuk, ...] = (
    Hoofdstuk("inleiding", "Inleiding"),
    Hoofdstuk("budget-en-vangnet", "BUIG-budget en vangnetuitkering"),
    Hoofdstuk("tekort", "Tekort en verwachte vangnetuitkering", (
        Paragraaf("tekort.meerjarig", "Het tekort over meerdere jaren"),
        Paragraaf("tekort.regime", "Welk regime van toepassing is",
                  lambda ctx: ctx.berekend),
        Paragraaf("tekort.berekening", "De berekening stap voor stap",
                  lambda ctx: ctx.berekend),
    )),
    Hoofdstuk("oorzaken", "Oorzaken van het tekort", (
        Paragraaf("oorzaken.budget", "Ontwikkeling van het BUIG-budget"),
        Paragraaf("oorzaken.gemiddelde-kosten", "Gemiddelde kosten van een uitkering"),
        Paragraaf("oorzaken.huishoudens", "Aantal uitkeringsgerechtigden",
                  lambda ctx: _j(ctx, "huishoudens.verschil")),
        Paragraaf("oorzaken.stromen", "In- en uitstroom",
                  lambda ctx: _j(ctx, "instroom.totaal") and _j(ctx, "uitstroom.totaal")),
        Paragraaf("oorzaken.treden", "Treden van de participatieladder",
                  lambda ctx: ctx.dataset.heeft("treden")),
        Paragraaf("oorzaken.lks", "Loonkostensubsidie", _lks_gegevens),
        Paragraaf("oorzaken.conclusie", "Conclusie"),
    )),
    Hoofdstuk("maatregelen", "Maatregelen", (
        Paragraaf("maatregelen.getroffen", "Getroffen maatregelen"),
        Paragraaf("maatregelen.conclusie", "Conclusie en aanbevelingen"),
        Paragraaf("maatregelen.randvoorwaarden", "Randvoorwaarden",
                  lambda ctx: "maatregelen.randvoorwaarden" in ctx.dataset.teksten),
    )),
    Hoofdstuk("doorrekening", "Doorrekening van de maatregelen", (
        Paragraaf("doorrekening.lks-budget", "Effect op het LKS-budget van volgend jaar",
                  lambda ctx: _j(ctx, "lks.budget_verwacht", 1)),
        Paragraaf("doorrekening.prijzen", "Prijzen van een uitkering en van "
                  "loonkostensubsidie"),
        Paragraaf("doorrekening.uitstroom", "Wat uitstroom oplevert",
                  lambda ctx: _j(ctx, "doorrekening.te_compenseren", 1)),
        Paragraaf("doorrekening.ambitie", "Scenario met de ambitie uit de vergelijkingsgroep",
                  lambda ctx: _j(ctx, "doorrekening.ambitie.gap")),
        Paragraaf("doorrekening.conclusie", "Conclusie"),
    ), nodig=lambda map_: (map_ / "doorrekening.yaml").exists()),
    Hoofdstuk("tot-slot", "Tot slot"),
)
HOOFDSTUK_PER_ID = {h.id: h for h in HOOFDSTUKKEN}
PARAGRAAF_PER_ID = {p.id: p for h in HOOFDSTUKKEN for p in h.paragrafen}


def hoofdstukken(map_: Path) -> list[tuple[int, Hoofdstuk]]:
    """De hoofdstukken die dit dossier heeft, met hun nummer."""
    aanwezig = [h for h in HOOFDSTUKKEN if h.nodig(Path(map_))]
    return [(i, h) for i, h in enumerate(aanwezig, start=1)]


@dataclass(frozen=True)
class Plaats:
    """Een hoofdstuk of paragraaf zoals het in dit dossier staat."""

    id: str
    nummer: str
    titel: str
    pad: str
    anker: str | None

    @property
    def soort(self) -> str:
        return "paragraaf" if self.anker else "hoofdstuk"

    @property
    def kop(self) -> str:
        """De kop in Markdown, met nummer en (bij een paragraaf) een vast anker."""
        if self.anker:
            return f"{self.nummer} {self.titel} {{#{self.anker}}}"
        return f"{self.nummer}. {self.titel}"


@dataclass(frozen=True)
class Indeling:
    """Alle hoofdstukken en paragrafen van één dossier met hun nummers."""

    plaatsen: dict[str, Plaats]

    def __contains__(self, id_: str) -> bool:
        return id_ in self.plaatsen

    def __getitem__(self, id_: str) -> Plaats:
        if id_ not in HOOFDSTUK_PER_ID and id_ not in PARAGRAAF_PER_ID:
            raise KeyError(f"onbekend hoofdstuk of onbekende paragraaf '{id_}'")
        if id_ not in self.plaatsen:
            raise KeyError(f"'{id_}' staat niet in dit dossier (de gegevens ontbreken); "
                           "verwijs er alleen naar binnen {% if toon(...) %}")
        return self.plaatsen[id_]

    def hoofdstukpaden(self) -> list[str]:
        return [p.pad for p in self.plaatsen.values() if p.anker is None]


def indeling(ctx: Dossiercontext) -> Indeling:
    """De indeling van het dossier in ``ctx``."""
    plaatsen: dict[str, Plaats] = {}
    for nummer, h in hoofdstukken(ctx.dataset.map):
        plaatsen[h.id] = Plaats(h.id, str(nummer), h.titel, h.pad, None)
        zichtbaar = [p for p in h.paragrafen if p.nodig(ctx)]
        for i, p in enumerate(zichtbaar, start=1):
            plaatsen[p.id] = Plaats(p.id, f"{nummer}.{i}", p.titel, h.pad, p.anker)
    return Indeling(plaatsen)
