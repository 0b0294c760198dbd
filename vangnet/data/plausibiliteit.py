"""Plausibiliteit: invoer die geldig is, maar vrijwel zeker niet klopt.

Een budget in duizenden (``40000`` naast ``13341000``), een reden die in één jaar anders is
gespeld, een bronvergelijking die bij een ander dossier hoort: elke cel is geldig, en toch zou
het dossier er stil verkeerd door worden. De regels hiervoor staan in één tabel,
:data:`REGELS`: per regel een naam, wat hij controleert, de melding en de oplossing. Elke
bevinding is standaard een fout.

Weet de gebruiker dat een waarde toch klopt, dan bevestigt hij die in ``dossier.yaml`` met een
reden; de bevestigde uitzondering staat daarna in de rekenverantwoording::

    bevestigd:
      - regel: duizendvoud
        bestand: buig.csv
        sleutel: {jaar: 2025}
        reden: Het budget is na de herindeling echt zo veel lager (beschikking SZW van ...).

``sleutel`` kiest de bevinding: elk genoemd veld moet gelijk zijn (``jaar``, ``reden``,
``kolom``, ...); zonder sleutel geldt de bevestiging voor elke bevinding van die regel in dat
bestand. Een bevestiging die bij geen bevinding past, is een fout: de gegevens zijn dan
veranderd en de reden geldt misschien niet meer.

De regels ``aantallen_totaal`` en ``andere_bron`` hebben de berekende cijfers nodig en worden in
:mod:`vangnet.cijfers.bronvergelijking` toegepast; de andere hier, bij het lezen. Cellen met
``IN TE VULLEN`` tellen als leeg: een regel slaat ze over en werkt op de rest.
"""

from __future__ import annotations

import difflib
import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, get_args, get_origin

from vangnet import opmaak
from vangnet.data.afronding import afrondingsmarge
from vangnet.data.schema import BESTANDEN, SCHEMA_PER_STAM, Bevestiging
from vangnet.exact import exact
from vangnet.meldingen import Melding

if TYPE_CHECKING:
    from vangnet.data.dataset import Dataset

RIJ = "_rij"


@dataclass(frozen=True)
class Regel:
    """Een plausibiliteitsregel: naam, wat hij controleert, melding en oplossing."""

    naam: str
    controle: str
    """Wat de regel controleert, in één zin (voor de documentatie en de rekenverantwoording)."""
    melding: str
    """De melding, met ``{velden}`` die de bevinding invult."""
    oplossing: str
    """Wat de gebruiker kan doen als de waarde niet klopt."""
    grens: Fraction = Fraction(0)
    """De drempel van de regel (een factor, een aandeel); 0 als de regel er geen heeft."""


REGELS: tuple[Regel, ...] = (
    Regel(
        "duizendvoud",
        "Een getal verschilt ongeveer een factor duizend of meer van dezelfde kolom in de jaren "
        "ernaast (een bedrag in duizenden of miljoenen).",
        "{waarde} is ongeveer {factor} keer zo {richting} als in de jaren ernaast "
        "({vergelijking}).",
        "Controleer of het getal in duizenden (of miljoenen) is ingevuld; vangnet verwacht hele "
        "euro's en gewone aantallen.",
        Fraction(316),  # 10 ** 2,5: halverwege 100 en 1.000
    ),
    Regel(
        "te_klein_budget",
        "Het BUIG-budget of de kosten zijn in elk jaar kleiner dan € 50.000: voor een gemeente "
        "vrijwel zeker bedragen in duizenden (één jaar in duizenden vangt duizendvoud).",
        "elk bedrag in de kolom {kolom} is kleiner dan {grens} ({waarden}); een BUIG-budget of "
        "kosten van die omvang zijn vrijwel zeker in duizenden ingevuld.",
        "Vul hele euro's in (19900 in duizenden is 19900000).",
        Fraction(50_000),
    ),
    Regel(
        "tekort_buiten_marge",
        "Het tekort of overschot is groter dan de helft van het budget.",
        "de kosten ({kosten}) liggen {afwijking} {boven_onder} het budget ({budget}); een "
        "{tekort_overschot} van meer dan de helft van het budget is vrijwel zeker een tikfout.",
        "Controleer budget en kosten van dit jaar (een ontbrekend of extra cijfer, duizenden in "
        "plaats van euro's).",
        Fraction(1, 2),
    ),
    Regel(
        "delen_totaal",
        "Het uitkeringen-deel plus het LKS-deel is het totaal (budget en kosten), op afronding "
        "na.",
        "{soort}_uitkeringen plus {soort}_lks is {som}, maar {soort} is {totaal} (verschil "
        "{verschil}).",
        "Corrigeer het totaal of een van de delen.",
    ),
    Regel(
        "aantallen_totaal",
        "De aantallen in een tabel tellen op tot het totaal dat de bron noemt.",
        "de aantallen{kolommen}{voor} tellen op tot {som}, maar de bron noemt als totaal "
        "{totaal} (rapportwaarden.csv, rij {bronrij}: {bron}).",
        "Controleer de aantallen tegen de bron (een tikfout, een ontbrekende of dubbele rij), of "
        "het totaal in rapportwaarden.csv.",
    ),
    Regel(
        "categorie_spelling",
        "Een categorie die maar in één jaar voorkomt, lijkt sterk op een categorie uit de andere "
        "jaren (een andere spelling splitst de tabel).",
        "de {kolom} '{categorie}' komt alleen in {jaar} voor en lijkt op '{gelijkend}' uit "
        "{andere_jaren}; zo krijgt de tabel twee rijen voor wat waarschijnlijk één {kolom} is.",
        "Schrijf de {kolom} in alle jaren precies hetzelfde.",
        Fraction(85, 100),
    ),
    Regel(
        "andere_bron",
        "De meeste waarden in de bronvergelijking wijken af van de berekening: het bestand hoort "
        "waarschijnlijk bij een ander dossier.",
        "{afwijkend} van de {vergeleken} waarden uit de bronnen wijken af van de berekening "
        "(bijvoorbeeld rij {rij}: {voorbeeld}); het bestand hoort waarschijnlijk bij een ander "
        "dossier of een ander jaar.",
        "Vervang rapportwaarden.csv door de waarden uit de bron van dit dossier, of verwijder het "
        "bestand.",
        Fraction(1, 2),
    ),
)
REGEL = {r.naam: r for r in REGELS}
BRONREGELS = frozenset({"aantallen_totaal", "andere_bron"})
"""Regels die de berekende cijfers nodig hebben (zie :mod:`vangnet.cijfers.bronvergelijking`)."""


@dataclass(frozen=True)
class Bevinding:
    """Eén keer dat een regel afgaat: waar, met welke sleutel, en de velden voor de melding."""

    regel: str
    bestand: str
    rij: int | None
    kolom: str | None
    sleutel: tuple[tuple[str, str], ...]
    velden: Mapping[str, str] = field(default_factory=dict)

    @property
    def tekst(self) -> str:
        return REGEL[self.regel].melding.format(**self.velden)

    def sleuteltekst(self) -> str:
        """De sleutel zoals in ``dossier.yaml``: ``{jaar: 2025, kolom: budget}``."""
        return "{" + ", ".join(f"{k}: {_yaml_waarde(v)}" for k, v in self.sleutel) + "}"

    def melding(self) -> Melding:
        regel = REGEL[self.regel]
        bevestig = (f"Klopt het toch, bevestig het dan in dossier.yaml onder 'bevestigd' met "
                    f"regel: {self.regel}, bestand: {self.bestand}"
                    + (f", sleutel: {self.sleuteltekst()}" if self.sleutel else "")
                    + " en een reden.")
        return Melding(self.bestand, self.tekst, rij=self.rij, kolom=self.kolom,
                       oplossing=f"{regel.oplossing.format(**self.velden)} {bevestig}")

    def past_bij(self, bevestiging: Bevestiging) -> bool:
        if bevestiging.regel != self.regel or bevestiging.bestand != self.bestand:
            return False
        eigen = dict(self.sleutel)
        return all(k in eigen and _gelijk(eigen[k], v) for k, v in bevestiging.sleutel.items())


@dataclass(frozen=True)
class BevestigdeUitzondering:
    """Een bevinding die de gebruiker in ``dossier.yaml`` heeft bevestigd, met de reden."""

    bevinding: Bevinding
    reden: str


def _yaml_waarde(waarde: str) -> str:
    return waarde if waarde.replace("_", "").replace(".", "").isalnum() else f'"{waarde}"'


def _gelijk(eigen: str, gegeven: Any) -> bool:
    return " ".join(str(gegeven).split()).casefold() == " ".join(eigen.split()).casefold()


# -- de regels die bij het lezen gelden ----------------------------------------------------------

def _leeg(waarde: object) -> bool:
    return waarde is None or (isinstance(waarde, float) and math.isnan(waarde))


def _is_bedrag(stam: str, kolom: str) -> bool:
    beschrijving = SCHEMA_PER_STAM[stam].model.model_fields[kolom].description or ""
    return "euro" in beschrijving or beschrijving.startswith("Bedrag")


def _toon(stam: str, kolom: str, waarde: Any) -> str:
    """Een waarde zoals ingevuld: hele euro's, of met centen als er decimalen zijn."""
    geheel = exact(waarde).denominator == 1
    if _is_bedrag(stam, kolom):
        return opmaak.bedrag(waarde, 1 if geheel else Decimal("0.01"))
    return opmaak.getal(waarde, 0 if geheel else 2)


def _is_getal(soort: Any) -> bool:
    """Of een veldtype een getal is (``Decimal`` of ``int``, ook binnen Annotated of Optional)."""
    if soort in (Decimal, int):
        return True
    if get_origin(soort) is Literal:
        return False
    return any(_is_getal(a) for a in get_args(soort))


def _getalkolommen(stam: str) -> list[str]:
    """De kolommen met een getal (geen jaartal) van een bestand."""
    return [naam for naam, veld in SCHEMA_PER_STAM[stam].model.model_fields.items()
            if naam != "jaar" and _is_getal(veld.annotation)]


def _factor(verhouding: Fraction) -> str:
    """1.000 of 1.000.000: de macht van duizend die het dichtst bij de verhouding ligt."""
    macht = max(1, round(math.log10(verhouding) / 3))
    return opmaak.getal(1000 ** macht)


def afwijkend_van_buren(waarden: Sequence[Any], grens: Fraction
                        ) -> list[tuple[int, Fraction, bool, list[int]]]:
    """De posities in een reeks (op volgorde van jaar) waarvan de waarde een factor ``grens`` of
    meer verschilt van de meeste buren (twee jaren ervoor en twee erna).

    Geeft per afwijking ``(positie, verhouding, groter, buren)``: de kleinste afwijkende
    verhouding (altijd ≥ 1), of de waarde groter is dan de buren, en de posities van de buren.
    Bij een reeks van twee wordt alleen de latere genoemd. Waarden moeten niet nul zijn."""
    uit = []
    for i, waarde in enumerate(waarden):
        buren = [*range(max(0, i - 2), i), *range(i + 1, min(len(waarden), i + 3))]
        if not buren or (len(waarden) == 2 and i == 0):
            continue
        verhoudingen = [abs(exact(waarde)) / abs(exact(waarden[b])) for b in buren]
        afwijkend = [v for v in verhoudingen if v >= grens or v <= 1 / grens]
        if len(afwijkend) * 2 <= len(buren):
            continue  # wijkt niet af van de meeste buren
        groter = afwijkend[0] > 1
        uit.append((i, min(v if groter else 1 / v for v in afwijkend), groter, buren))
    return uit


def duizendvoud(dataset: Dataset) -> list[Bevinding]:
    """Per bestand met een kolom ``jaar``: een getal dat een factor 1.000 of meer verschilt van
    dezelfde kolom (en dezelfde andere sleutel, zoals de reden) in de jaren ernaast."""
    grens = REGEL["duizendvoud"].grens
    bevindingen = []
    for schema in BESTANDEN:
        if not dataset.heeft(schema.stam) or "jaar" not in schema.sleutel:
            continue
        tabel = dataset.tabel(schema.stam)
        groep_sleutel = [k for k in schema.sleutel if k != "jaar"]
        rijen = tabel.to_dict("records")
        for kolom in _getalkolommen(schema.stam):
            reeksen: dict[tuple, list[dict]] = defaultdict(list)
            for rij in rijen:
                if not _leeg(rij[kolom]) and rij[kolom] != 0:
                    reeksen[tuple(rij[k] for k in groep_sleutel)].append(rij)
            for groep, reeks in reeksen.items():
                reeks.sort(key=lambda r: r["jaar"])
                for i, verhouding, groter, buren in afwijkend_van_buren(
                        [r[kolom] for r in reeks], grens):
                    rij = reeks[i]
                    bevindingen.append(Bevinding(
                        "duizendvoud", dataset.bestandsnaam(schema.stam), int(rij[RIJ]), kolom,
                        (("jaar", str(rij["jaar"])),
                         *((k, str(v)) for k, v in zip(groep_sleutel, groep, strict=True)),
                         ("kolom", kolom)),
                        {"waarde": _toon(schema.stam, kolom, rij[kolom]),
                         "factor": _factor(verhouding),
                         "richting": "groot" if groter else "klein",
                         "vergelijking": ", ".join(
                             f"{reeks[b]['jaar']}: {_toon(schema.stam, kolom, reeks[b][kolom])}"
                             for b in buren)}))
    return bevindingen


def te_klein_budget(dataset: Dataset) -> list[Bevinding]:
    """Budget of kosten (totaal, buig.csv) die in elk jaar boven nul maar onder de grens van de
    regel liggen: een heel bestand in duizenden. Eén jaar in duizenden vangt
    :func:`duizendvoud` al (dan ligt niet elk jaar onder de grens)."""
    grens = REGEL["te_klein_budget"].grens
    rijen = sorted(dataset.tabel("buig").to_dict("records"), key=lambda r: r["jaar"])
    bevindingen = []
    for kolom in ("budget", "kosten"):
        gevuld = [r for r in rijen if not _leeg(r[kolom]) and exact(r[kolom]) != 0]
        if not gevuld or any(exact(r[kolom]) >= grens or exact(r[kolom]) < 0 for r in gevuld):
            continue
        bevindingen.append(Bevinding(
            "te_klein_budget", dataset.bestandsnaam("buig"), int(gevuld[0][RIJ]), kolom,
            (("kolom", kolom),),
            {"kolom": kolom, "grens": opmaak.bedrag(grens),
             "waarden": ", ".join(f"{r['jaar']}: {opmaak.bedrag(r[kolom])}" for r in gevuld)}))
    return bevindingen


def tekort_buiten_marge(dataset: Dataset) -> list[Bevinding]:
    """Een tekort of overschot van meer dan 50% van het budget (buig.csv)."""
    grens = REGEL["tekort_buiten_marge"].grens
    bevindingen = []
    for rij in dataset.tabel("buig").to_dict("records"):
        budget, kosten = rij["budget"], rij["kosten"]
        if _leeg(budget) or _leeg(kosten) or budget == 0 or kosten == 0:  # 0: al een fout
            continue
        afwijking = (exact(kosten) - exact(budget)) / exact(budget)
        if abs(afwijking) <= grens:
            continue
        tekort = afwijking > 0
        bevindingen.append(Bevinding(
            "tekort_buiten_marge", dataset.bestandsnaam("buig"), int(rij[RIJ]), "kosten",
            (("jaar", str(rij["jaar"])),),
            {"kosten": opmaak.bedrag(kosten), "budget": opmaak.bedrag(budget),
             "afwijking": opmaak.percentage(abs(afwijking), 0),
             "boven_onder": "boven" if tekort else "onder",
             "tekort_overschot": "tekort" if tekort else "overschot"}))
    return bevindingen


HALVE_EURO = Fraction(1, 2)


def _marge(kolom: str, waarde: Any) -> Fraction:
    grootste = dict(SCHEMA_PER_STAM["buig"].afronding).get(kolom, 0)
    return exact(afrondingsmarge(waarde, grootste))


def delen_totaal(dataset: Dataset) -> list[Bevinding]:
    """Uitkeringen-deel plus LKS-deel is het totaal, op afronding na (buig.csv)."""
    bevindingen = []
    for rij in dataset.tabel("buig").to_dict("records"):
        for soort in ("budget", "kosten"):
            totaal = rij[soort]
            delen = (rij[f"{soort}_uitkeringen"], rij[f"{soort}_lks"])
            if _leeg(totaal) or any(_leeg(d) for d in delen):
                continue
            som = sum(exact(d) for d in delen)
            marge = _marge(soort, totaal) + sum(
                _marge(f"{soort}{a}", d) for a, d in zip(("_uitkeringen", "_lks"), delen,
                                                         strict=True))
            if abs(som - exact(totaal)) <= marge + HALVE_EURO:
                continue
            bevindingen.append(Bevinding(
                "delen_totaal", dataset.bestandsnaam("buig"), int(rij[RIJ]), soort,
                (("jaar", str(rij["jaar"])), ("kolom", soort)),
                {"soort": soort, "som": opmaak.bedrag(som), "totaal": opmaak.bedrag(totaal),
                 "verschil": opmaak.bedrag(exact(totaal) - som)}))
    return bevindingen


def _normaal(tekst: str) -> str:
    """Voor het vergelijken van categorieën: zonder accenten, hoofdletters en leestekens."""
    ontleed = unicodedata.normalize("NFKD", tekst.casefold())
    zonder = "".join(c for c in ontleed if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in zonder).split())


def _lijkt_op(a: str, b: str, grens: Fraction) -> bool:
    na, nb = _normaal(a), _normaal(b)
    return na == nb or difflib.SequenceMatcher(None, na, nb).ratio() >= grens


def categorie_spelling(dataset: Dataset) -> list[Bevinding]:
    """Per bestand met sleutel (jaar, categorie): een categorie die in één jaar voorkomt en lijkt
    op een categorie uit andere jaren die in dat jaar ontbreekt."""
    grens = REGEL["categorie_spelling"].grens
    bevindingen = []
    for schema in BESTANDEN:
        if not dataset.heeft(schema.stam) or len(schema.sleutel) != 2 or \
                schema.sleutel[0] != "jaar":
            continue
        kolom = schema.sleutel[1]
        tabel = dataset.tabel(schema.stam)
        jaren_per: dict[str, set[int]] = defaultdict(set)
        rij_per: dict[tuple[str, int], int] = {}
        for rij in tabel.to_dict("records"):
            jaren_per[rij[kolom]].add(int(rij["jaar"]))
            rij_per[(rij[kolom], int(rij["jaar"]))] = int(rij[RIJ])
        if len({j for jaren in jaren_per.values() for j in jaren}) < 2:
            continue
        for categorie, jaren in jaren_per.items():
            if len(jaren) != 1:
                continue
            (jaar,) = jaren
            kandidaten = [c for c, js in jaren_per.items()
                          if c != categorie and jaar not in js and _lijkt_op(categorie, c, grens)]
            if not kandidaten:
                continue
            gelijkend = max(kandidaten, key=lambda c: (
                difflib.SequenceMatcher(None, _normaal(categorie), _normaal(c)).ratio(),
                len(jaren_per[c])))
            bevindingen.append(Bevinding(
                "categorie_spelling", dataset.bestandsnaam(schema.stam), rij_per[(categorie, jaar)],
                kolom, (("jaar", str(jaar)), (kolom, categorie)),
                {"kolom": kolom, "categorie": categorie, "jaar": str(jaar), "gelijkend": gelijkend,
                 "andere_jaren": opmaak.opsomming([str(j) for j in sorted(jaren_per[gelijkend])])}))
    return bevindingen


LEESREGELS = (duizendvoud, te_klein_budget, tekort_buiten_marge, delen_totaal,
              categorie_spelling)
"""De regels die bij het lezen gelden, in de volgorde van de meldingen."""


def controleer(dataset: Dataset) -> list[Bevinding]:
    """Alle bevindingen van de regels die bij het lezen gelden."""
    bevindingen: list[Bevinding] = []
    for regel in LEESREGELS:
        if regel in (te_klein_budget, tekort_buiten_marge, delen_totaal) \
                and not dataset.heeft("buig"):
            continue
        bevindingen += regel(dataset)
    return bevindingen


# -- bevestigen ---------------------------------------------------------------------------------

def _plaats(dataset: Dataset, index: int, veld: str | None = None) -> dict[str, Any]:
    regels = dataset.yaml_regels.get("dossier.yaml", {})
    pad = ("bevestigd", index) + ((veld,) if veld else ())
    return {"rij": regels.get(pad) or regels.get(("bevestigd", index)),
            "kolom": ".".join(map(str, pad))}


def onbekende_regels(dataset: Dataset) -> list[Melding]:
    """Bevestigingen met een regel die niet bestaat."""
    meldingen = []
    for i, b in enumerate(dataset.dossier.bevestigd):
        if b.regel not in REGEL:
            lijkt = difflib.get_close_matches(b.regel, list(REGEL), n=1)
            meldingen.append(Melding(
                "dossier.yaml", f"de regel '{b.regel}' bestaat niet.",
                oplossing=(f"Bedoelt u '{lijkt[0]}'? " if lijkt else "")
                + f"De regels zijn: {', '.join(REGEL)}.", **_plaats(dataset, i, "regel")))
    return meldingen


def pas_toe(dataset: Dataset, bevindingen: Sequence[Bevinding], regels: Iterable[str],
            bestanden: Iterable[str]) -> tuple[list[Melding], list[BevestigdeUitzondering]]:
    """Zet de bevindingen van ``regels`` om in meldingen, behalve wat ``dossier.yaml`` bevestigt.

    Een bevestiging van een van ``regels`` voor een van ``bestanden`` die bij geen bevinding
    past, is zelf een fout (de gegevens zijn veranderd, of de sleutel klopt niet).
    """
    regels, bestanden = set(regels), set(bestanden)
    meldingen: list[Melding] = []
    bevestigd: list[BevestigdeUitzondering] = []
    gebruikt: set[int] = set()
    bevestigingen = list(enumerate(dataset.dossier.bevestigd))
    for bevinding in bevindingen:
        passend = [(i, b) for i, b in bevestigingen if bevinding.past_bij(b)]
        if passend:
            gebruikt.update(i for i, _ in passend)
            bevestigd.append(BevestigdeUitzondering(bevinding, passend[0][1].reden))
        else:
            meldingen.append(bevinding.melding())
    for i, b in bevestigingen:
        if i in gebruikt or b.regel not in regels or b.bestand not in bestanden:
            continue
        sleutel = ", ".join(f"{k}: {v}" for k, v in b.sleutel.items())
        meldingen.append(Melding(
            "dossier.yaml", f"de bevestiging van regel {b.regel} voor {b.bestand}"
            + (f" ({sleutel})" if sleutel else "") + " past bij geen enkele bevinding.",
            oplossing="Verwijder de bevestiging als de gegevens intussen zijn verbeterd, of "
            "neem bestand en sleutel over uit de melding die u wilt bevestigen.",
            **_plaats(dataset, i)))
    return meldingen, bevestigd
