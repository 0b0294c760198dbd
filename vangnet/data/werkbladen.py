"""De indeling van een Excel-werkmap van een dossier, afgeleid uit het gegevensformaat.

Eén werkblad per CSV-bestand (genoemd naar het bestand: ``buig``, ``maatregelen``, ...), met de
kolommen van het rijmodel; één werkblad per YAML-bestand (``dossier``, ``doorrekening``) met een
sleutel per rij in puntnotatie (``gemeente.naam``); en één werkblad per lijst in een YAML-bestand
(``dossier.bronnen``). Alles volgt uit :mod:`vangnet.data.schema`: een tabel of veld dat daar
later bijkomt, komt vanzelf mee in de werkmap, in de controle en in ``vangnet importeer``.

Per kolom of sleutel bepaalt de :class:`Soort` hoe een cel wordt geschreven en gelezen: tekst,
een keuze uit een lijst, een geheel getal, een getal (euro, procent of zonder eenheid) of een
datum. Een veld kan de eenheid zelf noemen met ``json_schema_extra={"eenheid": ...}``.
"""

from __future__ import annotations

import datetime as dt
import types
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from vangnet.data.cellen import Keuzelijst, lees_geheel, lees_getal
from vangnet.data.schema import BESTANDEN, Bestandsschema, Doorrekening, Dossier

Soortnaam = Literal["tekst", "keuze", "geheel", "getal", "datum", "woordenboek"]
Eenheid = Literal["euro", "procent", "jaar", "aantal", "deel"]

MAX_BLADNAAM = 31
"""Excel staat niet meer dan 31 tekens in de naam van een werkblad toe."""
UITLEG = "Uitleg"
"""Het werkblad met de uitleg; het wordt bij het lezen overgeslagen."""


@dataclass(frozen=True)
class Soort:
    """Wat er in een cel hoort."""

    naam: Soortnaam
    eenheid: Eenheid | None = None
    opties: tuple[str, ...] = ()
    voorbeeld: str | None = None
    """Bij een woordenboek: een voorbeeld van de cel (``json_schema_extra={"voorbeeld": ...}``)."""

    @property
    def numeriek(self) -> bool:
        return self.naam in ("geheel", "getal")

    @property
    def voorbeeld_cel(self) -> str:
        return self.voorbeeld or "{sleutel: waarde, andere_sleutel: waarde}"

    def omschrijving(self) -> str:
        """De soort in woorden, voor de opmerking bij een kolomkop."""
        if self.naam == "keuze":
            return "Kies uit de lijst: " + ", ".join(self.opties) + "."
        if self.naam == "datum":
            return "Een datum."
        if self.naam == "woordenboek":
            return f"Sleutels met waarden tussen accolades, zoals {self.voorbeeld_cel}."
        if self.eenheid == "euro":
            return "Een bedrag in euro's, als getal (zonder € en zonder punten)."
        if self.eenheid == "procent":
            return ("Een percentage als getal: 0,0994 betekent 0,0994% (Excel toont het "
                    "%-teken alleen als opmaak).")
        if self.eenheid == "jaar":
            return "Een jaartal, als getal."
        if self.eenheid == "deel":
            return "Een deel van het geheel, als getal: 0,5 voor 50%."
        if self.naam == "geheel":
            return "Een geheel getal."
        if self.naam == "getal":
            return "Een getal."
        return "Tekst."


@dataclass(frozen=True)
class Kolom:
    """Een kolom van een werkblad (of een sleutel van een YAML-werkblad)."""

    naam: str
    soort: Soort
    verplicht: bool
    omschrijving: str

    def opmerking(self) -> str:
        """De tekst voor de opmerking bij de kolomkop."""
        delen = [self.omschrijving.strip()]
        delen.append("Verplicht." if self.verplicht else "Mag leeg blijven.")
        delen.append(self.soort.omschrijving())
        return " ".join(d for d in delen if d)


@dataclass(frozen=True)
class Tabelblad:
    """Het werkblad van een CSV-bestand."""

    schema: Bestandsschema
    kolommen: tuple[Kolom, ...]

    @property
    def naam(self) -> str:
        return self.schema.stam

    @property
    def bestand(self) -> str:
        return self.schema.naam

    def kolom(self, naam: str) -> Kolom | None:
        return next((k for k in self.kolommen if k.naam == naam), None)


@dataclass(frozen=True)
class Lijstblad:
    """Het werkblad van een lijst in een YAML-bestand, zoals ``bronnen`` in dossier.yaml.

    Een lijst van modellen heeft een kolom per veld; een lijst van enkele waarden (jaren,
    namen) één kolom ``waarde``."""

    naam: str
    bestand: str
    pad: tuple[str, ...]
    kolommen: tuple[Kolom, ...]
    enkelvoudig: bool
    omschrijving: str

    def kolom(self, naam: str) -> Kolom | None:
        return next((k for k in self.kolommen if k.naam == naam), None)


@dataclass(frozen=True)
class Sleutelblad:
    """Het werkblad van een YAML-bestand: per rij een sleutel in puntnotatie en zijn waarde."""

    naam: str
    bestand: str
    model: type[BaseModel]
    verplicht: bool
    omschrijving: str
    sleutels: tuple[tuple[tuple[str, ...], Kolom], ...]
    """De enkelvoudige velden, in de volgorde van het schema."""
    woordenboeken: tuple[tuple[tuple[str, ...], Kolom], ...]
    """Velden met vrije sleutels (``bronnen`` in doorrekening.yaml): een rij per sleutel, als
    ``bronnen.loonwaarde``."""
    lijsten: tuple[Lijstblad, ...]

    def soort_van(self, pad: tuple[str, ...]) -> Kolom | None:
        """De kolom (soort en uitleg) van een sleutel, ook van een vrije sleutel."""
        for p, kolom in self.sleutels:
            if p == pad:
                return kolom
        for p, kolom in self.woordenboeken:
            if len(pad) == len(p) + 1 and pad[:-1] == p:
                return kolom
        return None

    def volgorde(self) -> list[tuple[str, ...]]:
        """Alle paden van het model in schemavolgorde (ook van lijsten en woordenboeken), om
        een nieuwe sleutel op zijn plaats in te voegen."""
        return _paden(self.model, ())


KOLOMMEN_SLEUTELBLAD = ("sleutel", "waarde", "betekenis")
"""De kolommen van een YAML-werkblad; ``betekenis`` is alleen uitleg en wordt niet gelezen."""
KOLOM_ENKELVOUDIG = "waarde"
"""De kolom van een lijst van enkele waarden."""


def ontleed(annotatie: Any, metadata: list[Any]) -> tuple[Any, bool, list[Any]]:
    """Het kerntype zonder ``Annotated`` en ``| None``, of het optioneel is, en alle metadata
    (validators, ``Ge``/``Le``) die onderweg aan het type hingen."""
    metadata = list(metadata)
    optioneel = False
    while True:
        oorsprong = get_origin(annotatie)
        if oorsprong is Annotated:
            kern, *extra = get_args(annotatie)
            for m in extra:
                metadata += m.metadata if isinstance(m, FieldInfo) else [m]
            annotatie = kern
        elif oorsprong in (Union, types.UnionType):
            leden = [a for a in get_args(annotatie) if a is not type(None)]
            optioneel = optioneel or len(leden) < len(get_args(annotatie))
            if len(leden) != 1:
                return annotatie, optioneel, metadata
            annotatie = leden[0]
        else:
            return annotatie, optioneel, metadata


def _validators(metadata: list[Any]) -> set[Any]:
    return {getattr(m, "func", None) for m in metadata} - {None}


def soort(annotatie: Any, metadata: list[Any], naam: str,
          extra: dict[str, Any] | None = None) -> Soort:
    """De soort van een veld uit zijn type: ``Literal`` is een keuze, ``int`` of een
    geheel-getalcel een geheel getal, ``Decimal`` een getal, enzovoort. Voor getallen bepaalt de
    naam (``*_pct``), de grenzen (``Bedrag``: niet negatief, zonder bovengrens) of
    ``json_schema_extra={"eenheid": ...}`` de eenheid."""
    kern, _, metadata = ontleed(annotatie, metadata)
    eenheid = (extra or {}).get("eenheid")
    if get_origin(kern) is Literal:
        # de schrijfwijze van de gebruiker (geëvalueerd), anders de waarden zelf
        lijst = next((m for m in metadata if isinstance(m, Keuzelijst)), None)
        return Soort("keuze", opties=lijst.opties if lijst is not None else
                     tuple(str(o) for o in get_args(kern)))
    if kern is dt.date:
        return Soort("datum")
    if get_origin(kern) is dict or kern is dict:
        return Soort("woordenboek", voorbeeld=(extra or {}).get("voorbeeld"))
    validators = _validators(metadata)
    if kern is int or lees_geheel in validators:
        if eenheid is None and (naam.startswith("jaar") or naam.endswith("jaar")
                                or naam.endswith("_aanvragen")):
            eenheid = "jaar"
        return Soort("geheel", eenheid or "aantal")
    if kern in (Decimal, float) or lees_getal in validators:
        if eenheid is None:
            # de grenzen uit Field(ge=..., le=...) (annotated_types.Ge en Le)
            ondergrens = any(getattr(m, "ge", None) is not None for m in metadata)
            bovengrens = [m.le for m in metadata if getattr(m, "le", None) is not None]
            if naam.endswith("_pct"):
                eenheid = "procent"
            elif bovengrens == [1]:
                eenheid = "deel"
            elif lees_getal in validators and ondergrens and not bovengrens:
                eenheid = "euro"
        return Soort("getal", eenheid)
    return Soort("tekst")


def _kolom(naam: str, veld: FieldInfo) -> Kolom:
    extra = veld.json_schema_extra if isinstance(veld.json_schema_extra, dict) else None
    return Kolom(naam, soort(veld.annotation, veld.metadata, naam, extra), veld.is_required(),
                 veld.description or "")


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, BaseModel)


def lijsttype(annotatie: Any) -> Any | None:
    """Het type van de items als ``annotatie`` een lijst of tuple is, anders ``None``."""
    kern, _, _ = ontleed(annotatie, [])
    if get_origin(kern) in (tuple, list):
        return get_args(kern)[0]
    return None


def _paden(model: type[BaseModel], voorvoegsel: tuple[str, ...]) -> list[tuple[str, ...]]:
    paden = []
    for naam, veld in model.model_fields.items():
        pad = (*voorvoegsel, naam)
        paden.append(pad)
        kern, _, _ = ontleed(veld.annotation, veld.metadata)
        if _is_model(kern):
            paden += _paden(kern, pad)
    return paden


def _bladnaam(stam: str, pad: tuple[str, ...]) -> str:
    naam = f"{stam}.{'.'.join(pad)}"
    return naam if len(naam) <= MAX_BLADNAAM else f"{stam}.{pad[-1]}"


def sleutelblad(bestand: str, model: type[BaseModel], verplicht: bool,
                omschrijving: str) -> Sleutelblad:
    """Het werkblad van een YAML-bestand, met zijn lijsten."""
    stam = bestand.removesuffix(".yaml")
    sleutels: list[tuple[tuple[str, ...], Kolom]] = []
    woordenboeken: list[tuple[tuple[str, ...], Kolom]] = []
    lijsten: list[Lijstblad] = []

    def loop(m: type[BaseModel], voorvoegsel: tuple[str, ...]) -> None:
        for naam, veld in m.model_fields.items():
            pad = (*voorvoegsel, naam)
            kern, _, _ = ontleed(veld.annotation, veld.metadata)
            item = lijsttype(veld.annotation)
            if _is_model(kern):
                loop(kern, pad)
            elif item is not None:
                itemkern, _, itemmeta = ontleed(item, [])
                if _is_model(itemkern):
                    kolommen = tuple(_kolom(n, v) for n, v in itemkern.model_fields.items())
                    enkelvoudig = False
                else:
                    kolommen = (Kolom(KOLOM_ENKELVOUDIG, soort(item, itemmeta, naam),
                                      False, veld.description or ""),)
                    enkelvoudig = True
                lijsten.append(Lijstblad(_bladnaam(stam, pad), bestand, pad, kolommen,
                                         enkelvoudig, veld.description or ""))
            elif get_origin(kern) is dict:
                waardetype = get_args(kern)[1]
                woordenboeken.append((pad, Kolom(naam, soort(waardetype, [], naam), False,
                                                 veld.description or "")))
            else:
                sleutels.append((pad, _kolom(".".join(pad), veld)))

    loop(model, ())
    return Sleutelblad(stam, bestand, model, verplicht, omschrijving, tuple(sleutels),
                       tuple(woordenboeken), tuple(lijsten))


def tabelblad(schema: Bestandsschema) -> Tabelblad:
    return Tabelblad(schema, tuple(_kolom(n, v) for n, v in schema.model.model_fields.items()))


YAML_BESTANDEN: tuple[tuple[str, type[BaseModel], bool, str], ...] = (
    ("dossier.yaml", Dossier, True,
     "Over welke gemeente en welk aanvraagjaar het dossier gaat, de bronnen en de besluiten "
     "van college en raad."),
    ("doorrekening.yaml", Doorrekening, False,
     "De aannames voor de doorrekening van de maatregelen; leeg laten als het dossier geen "
     "hoofdstuk over de doorrekening heeft."),
)
"""De YAML-bestanden van een dossier (zie :mod:`vangnet.data.dataset`)."""


@dataclass(frozen=True)
class Indeling:
    """Alle werkbladen van een werkmap, in de volgorde waarin ze in de werkmap staan."""

    sleutelbladen: tuple[Sleutelblad, ...]
    tabelbladen: tuple[Tabelblad, ...]

    def namen(self) -> list[str]:
        namen = []
        for blad in self.sleutelbladen:
            namen += [blad.naam, *(lijst.naam for lijst in blad.lijsten)]
        return namen + [t.naam for t in self.tabelbladen]

    def bladen(self) -> list[Sleutelblad | Lijstblad | Tabelblad]:
        """De werkbladen in de volgorde van de werkmap: ``dossier`` met zijn lijsten, de
        tabellen, dan ``doorrekening``."""
        eerst, *rest = self.sleutelbladen
        uit: list[Sleutelblad | Lijstblad | Tabelblad] = [eerst, *eerst.lijsten]
        uit += self.tabelbladen
        for blad in rest:
            uit += [blad, *blad.lijsten]
        return uit


@cache
def indeling() -> Indeling:
    """De indeling van een werkmap volgens het huidige gegevensformaat."""
    return Indeling(
        tuple(sleutelblad(*b) for b in YAML_BESTANDEN),
        tuple(tabelblad(s) for s in BESTANDEN),
    )


def _controleer_namen() -> None:
    namen = [n.lower() for n in indeling().namen()] + [UITLEG.lower()]
    dubbel = {n for n in namen if namen.count(n) > 1}
    te_lang = [n for n in namen if len(n) > MAX_BLADNAAM]
    if dubbel or te_lang:  # pragma: no cover - een fout in het schema, niet in de gegevens
        raise RuntimeError(f"werkbladnamen niet uniek of te lang: {dubbel or te_lang}")


_controleer_namen()



# -- getallen tussen Excel en vangnet ------------------------------------------------------------

SIGNIFICANTE_CIJFERS = 15
"""Excel bewaart en toont getallen met 15 significante cijfers; wat een ``float`` daarna nog
heeft (0,1 + 0,2 = 0,30000000000000004), is rekenruis en geen invoer."""


def getal_uit_excel(waarde: int | float) -> Decimal:
    """Een getal uit een Excel-cel als exacte ``Decimal``, zonder ruis van de ``float``.

    De kortste decimale weergave (``repr``) is wat Excel en openpyxl in het bestand schrijven;
    daarvan blijven ten hoogste 15 significante cijfers over, zoals Excel ze toont. Zo wordt
    749.17 precies 749,17 en de uitkomst van ``=0,1+0,2`` precies 0,3.
    """
    if isinstance(waarde, int):
        return Decimal(waarde)
    getal = Decimal(repr(waarde))
    if not getal.is_finite():
        return getal
    if getal and len(getal.as_tuple().digits) > SIGNIFICANTE_CIJFERS:
        getal = getal.quantize(Decimal(1).scaleb(getal.adjusted() - SIGNIFICANTE_CIJFERS + 1))
    getal = getal.normalize()
    return Decimal(0) if getal.is_zero() else getal


def getaltekst(getal: Decimal | int) -> str:
    """Een getal als tekst in een CSV-cel: ``14176798``, ``749.17``, ``0.0994`` (nooit met een
    exponent)."""
    getal = Decimal(getal)
    if getal == getal.to_integral_value():
        return str(int(getal))
    return format(getal.normalize(), "f")


def excelgetal(getal: Decimal | int) -> int | float | None:
    """De waarde voor een Excel-cel, of ``None`` als Excel het getal niet exact kan bewaren
    (meer dan 15 significante cijfers)."""
    getal = Decimal(getal)
    if len(getal.normalize().as_tuple().digits) > SIGNIFICANTE_CIJFERS:
        return None
    if getal == getal.to_integral_value():
        return int(getal)
    zwevend = float(getal)
    return zwevend if getal_uit_excel(zwevend) == getal else None
