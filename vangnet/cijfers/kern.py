"""Cijfers met herkomst: elke waarde in het dossier weet waar ze vandaan komt.

Een :class:`Cijfer` is één cijfer met een vaste id (``buig.tekort.2025``), de waarde, de
eenheid, en de herkomst: een cel in een gegevensbestand, een gedateerde parameter met
wettelijke bron, of een berekening uit andere cijfers met een formule in woorden. Samen
vormen de cijfers een rekengraaf; :class:`Cijferset` kan die opnieuw doorrekenen met een
gewijzigde invoer (voor de afrondingsmarges in de bronvergelijking).

Ids zijn stabiel: ``<onderwerp>.<naam>.<jaar>``, met het jaar waarop het cijfer betrekking
heeft (niet het aanvraagjaar). Het tekort over 2024 heet dus in het dossier 2025 en in het
dossier 2026 allebei ``buig.tekort.2024``.
"""

from __future__ import annotations

import ast
import datetime as dt
import operator
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Literal

from vangnet import opmaak
from vangnet.regels.parameters import Referentie

Eenheid = Literal[
    "euro", "miljoen", "fractie", "procent", "procentpunt", "aantal", "jaar", "ja_nee", "tekst",
    "datum", "intern",
]


@dataclass(frozen=True)
class Gegevensbron:
    """Een cel (of cellen) in een gegevensbestand."""

    bestand: str
    rijen: tuple[int, ...]
    kolom: str
    bron: str

    def plek(self) -> str:
        """De plek in het gegevensbestand, voor wie de invoer wil nagaan: 'gegevensbestand
        buig.csv, regel 6, kolom kosten' of 'gegevensbestand doorrekening.yaml, regel 7
        (vakantietoeslag_uitkering)'. Het nummer is de regel in het bestand (bij een
        CSV-bestand is de kopregel regel 1, zoals een spreadsheet de rijen telt)."""
        nummers = [r for r in self.rijen if r]
        plek = f"gegevensbestand {self.bestand}"
        if nummers:
            plek += (f", {'regel' if len(nummers) == 1 else 'regels'} "
                     + ", ".join(map(str, nummers)))
        if self.bestand.endswith(".yaml"):
            return f"{plek} ({self.kolom})"
        return f"{plek}, kolom {self.kolom}"

    def __str__(self) -> str:
        """Eerst de bron in woorden, dan de plek in het gegevensbestand."""
        return f"{self.bron or 'gegevens van de gemeente'}; ter controle: {self.plek()}"


@dataclass(frozen=True)
class Parameterbron:
    """Een gedateerde parameter van de regeling."""

    naam: str
    label: str
    jaar: int
    vanaf: dt.date
    status: str
    referenties: tuple[Referentie, ...]

    def __str__(self) -> str:
        refs = "; ".join(r.titel for r in self.referenties)
        return f"{self.label} ({self.naam}, geldig vanaf {opmaak.datum(self.vanaf)}): {refs}"


@dataclass(frozen=True)
class Cijfer:
    """Eén cijfer van het dossier met zijn herkomst."""

    id: str
    label: str
    eenheid: Eenheid
    waarde: Any
    invoer: tuple[tuple[str, str], ...] = ()
    """Paren (naam in de formule, id van de cijfer)."""
    formule: str | None = None
    """Formule in woorden met ``{naam}`` voor elke invoer, bijvoorbeeld ``{kosten} − {budget}``."""
    regel: str | None = None
    gegevens: tuple[Gegevensbron, ...] = ()
    parameter: Parameterbron | None = None
    decimalen: int = 0
    """Weergave in lopende tekst: aantal decimalen; negatief rondt af op tientallen (-1),
    duizendtallen (-3) enz."""
    exact_decimalen: int | None = None
    """Weergave in formules; standaard gelijk aan ``decimalen``."""
    marge: Fraction = Fraction(0)
    """Afrondingsmarge van een invoerwaarde (halve eenheid waarop de bron afrondde)."""

    @property
    def soort(self) -> Literal["gegeven", "parameter", "berekening"]:
        if self.parameter is not None:
            return "parameter"
        if self.formule is not None or self.invoer:
            return "berekening"
        return "gegeven"

    def tekst(self, exact: bool = False, decimalen: int | None = None) -> str:
        """De waarde in Nederlandse notatie."""
        if decimalen is None:
            decimalen = self.exact_decimalen if exact and self.exact_decimalen is not None \
                else self.decimalen
        return formatteer(self.waarde, self.eenheid, decimalen)


def formatteer(waarde: Any, eenheid: Eenheid, decimalen: int = 0) -> str:
    """Een waarde in Nederlandse notatie volgens haar eenheid.

    Een dossier toont dezelfde cijfers duizenden keren (tekst, tabellen, tooltips, formules);
    exact afronden met breuken en Babel kosten per keer iets, dus het resultaat wordt onthouden.
    Gelijke getallen (``Fraction(1, 2)`` en ``Decimal("0.5")``) geven dezelfde tekst, dus dat
    ze in het geheugen samenvallen is juist."""
    try:
        return _formatteer(waarde, eenheid, decimalen)
    except TypeError:  # niet te hashen: gewoon opmaken
        return _formatteer.__wrapped__(waarde, eenheid, decimalen)


@lru_cache(maxsize=16384)
def _formatteer(waarde: Any, eenheid: Eenheid, decimalen: int = 0) -> str:
    if waarde is None:
        return "onbekend"
    if eenheid == "euro":
        return opmaak.bedrag(waarde, Decimal(10) ** -decimalen)
    if eenheid == "miljoen":
        return opmaak.miljoen(waarde, decimalen)
    if eenheid == "fractie":
        return opmaak.percentage(waarde, decimalen)
    if eenheid == "procent":
        return opmaak.getal(waarde, decimalen) + "%"
    if eenheid == "procentpunt":
        return opmaak.procentpunt(waarde, decimalen)
    if eenheid == "aantal":
        return opmaak.getal(waarde, decimalen)
    if eenheid == "jaar":
        return opmaak.jaartal(waarde)
    if eenheid == "datum":
        return opmaak.datum(dt.date.fromisoformat(str(waarde)))
    if eenheid == "ja_nee":
        return opmaak.ja_nee(bool(waarde))
    return str(waarde)


_PLAATS = re.compile(r"\{([a-z0-9_]+)\}")


def vul_formule(cijfer: Cijfer, cijfers: Mapping[str, Cijfer],
                opmaken: Callable[[Cijfer], str] | None = None) -> str:
    """De formule met de werkelijke waarden ingevuld: ``(5,58% − 5%) × € 14.176.798 × 50%``."""
    if cijfer.formule is None:
        return ""
    namen = dict(cijfer.invoer)
    opmaken = opmaken or (lambda f: f.tekst(exact=True))

    def vervang(m: re.Match[str]) -> str:
        return opmaken(cijfers[namen[m.group(1)]])

    return _PLAATS.sub(vervang, cijfer.formule)


_GETAL = re.compile(r"(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(mln|%|procentpunt)?")
_SCHAAL = {"mln": Fraction(1_000_000), "%": Fraction(1, 100), "procentpunt": Fraction(1, 100),
           None: Fraction(1)}
_OPERATOREN = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
               ast.Div: operator.truediv}


def _evalueer(knoop: ast.AST, getallen: list[Fraction]) -> Fraction:
    """Reken een ontlede uitdrukking exact uit; ``g<n>`` verwijst naar ``getallen[n]``."""
    if isinstance(knoop, ast.Expression):
        return _evalueer(knoop.body, getallen)
    if isinstance(knoop, ast.BinOp) and type(knoop.op) in _OPERATOREN:
        links, rechts = _evalueer(knoop.left, getallen), _evalueer(knoop.right, getallen)
        return _OPERATOREN[type(knoop.op)](links, rechts)
    if isinstance(knoop, ast.UnaryOp) and isinstance(knoop.op, ast.USub | ast.UAdd):
        waarde = _evalueer(knoop.operand, getallen)
        return -waarde if isinstance(knoop.op, ast.USub) else waarde
    if isinstance(knoop, ast.Constant) and isinstance(knoop.value, int):
        return Fraction(knoop.value)
    if isinstance(knoop, ast.Name) and re.fullmatch(r"g\d+", knoop.id):
        return getallen[int(knoop.id[1:])]
    raise ValueError("geen rekenkunde")


@lru_cache(maxsize=4096)
def reken_getoonde_formule(tekst: str) -> Fraction | None:
    """Reken een ingevulde formule exact na zoals een lezer dat doet, met de getoonde
    (afgeronde) getallen: ``(5,5810% − 5,0%) × € 14.176.798 × 50%``. ``None`` als de formule
    woorden bevat die geen rekenkunde zijn (``afgerond(...)``, ``geen uitkering: ...``)."""
    getallen: list[Fraction] = []

    def getal(m: re.Match[str]) -> str:
        heel = m.group(2).replace(".", "")
        waarde = Fraction(f"{heel}.{m.group(3) or '0'}") * _SCHAAL[m.group(4)]
        getallen.append(-waarde if m.group(1) else waarde)
        return f" g{len(getallen) - 1} "

    uitdrukking = _GETAL.sub(getal, tekst.replace("\u00a0", " ").replace("€", ""))
    uitdrukking = uitdrukking.replace("×", "*").replace("−", "-").replace("·", "*")
    if re.search(r"[^0-9g.+\-*/() ]", uitdrukking):
        return None
    try:
        return _evalueer(ast.parse(uitdrukking.strip(), mode="eval"), getallen)
    except (SyntaxError, ValueError, ZeroDivisionError, IndexError):
        return None


def rekent_na(cijfer: Cijfer, cijfers: Mapping[str, Cijfer]) -> bool:
    """Of de ingevulde formule met de getoonde getallen precies de getoonde uitkomst geeft.

    Zo niet (een invoer is voor de leesbaarheid afgerond), dan hoort er "≈" tussen formule en
    uitkomst in plaats van "=". Een formule die niet na te rekenen is, telt als kloppend.
    """
    uitkomst = reken_getoonde_formule(vul_formule(cijfer, cijfers))
    if uitkomst is None or not isinstance(cijfer.waarde, int | Fraction | Decimal) \
            or isinstance(cijfer.waarde, bool):
        return True
    decimalen = cijfer.exact_decimalen if cijfer.exact_decimalen is not None \
        else cijfer.decimalen
    return formatteer(uitkomst, cijfer.eenheid, decimalen) == cijfer.tekst(exact=True)


@dataclass(frozen=True)
class _Stap:
    """Een knoop in de rekengraaf: de cijfer en (bij berekeningen) de rekenfunctie."""

    cijfer: Cijfer
    functie: Callable[..., Any] | None


@dataclass
class Cijferset:
    """Alle cijfers van een dossier, in rekenvolgorde."""

    _stappen: dict[str, _Stap] = field(default_factory=dict)
    _als_dict: dict[str, Cijfer] | None = field(default=None, repr=False, compare=False)

    def __getitem__(self, id_: str) -> Cijfer:
        try:
            return self._stappen[id_].cijfer
        except KeyError:
            raise KeyError(f"onbekend cijfer '{id_}'") from None

    def __contains__(self, id_: object) -> bool:
        return id_ in self._stappen

    def __iter__(self) -> Iterator[Cijfer]:
        return (s.cijfer for s in self._stappen.values())

    def __len__(self) -> int:
        return len(self._stappen)

    def waarde(self, id_: str) -> Any:
        return self[id_].waarde

    def als_dict(self) -> Mapping[str, Cijfer]:
        """Alle cijfers per id (alleen-lezen; één keer gemaakt tot er een cijfer bijkomt)."""
        if self._als_dict is None:
            self._als_dict = {i: s.cijfer for i, s in self._stappen.items()}
        return MappingProxyType(self._als_dict)

    def voeg_toe(self, cijfer: Cijfer, functie: Callable[..., Any] | None = None) -> Cijfer:
        if cijfer.id in self._stappen:
            raise ValueError(f"cijfer '{cijfer.id}' is al gedefinieerd")
        self._als_dict = None
        for _, bron in cijfer.invoer:
            if bron not in self._stappen:
                raise ValueError(f"'{cijfer.id}' gebruikt onbekend cijfer '{bron}'")
        self._stappen[cijfer.id] = _Stap(cijfer, functie)
        return cijfer

    def herbereken(self, gewijzigd: Mapping[str, Any]) -> dict[str, Any]:
        """Reken de graaf opnieuw door met gewijzigde waarden voor sommige cijfers.

        Geeft de nieuwe waarde van elke cijfer die (indirect) van de wijziging afhangt.
        """
        waarden: dict[str, Any] = dict(gewijzigd)
        for id_, stap in self._stappen.items():
            if id_ in gewijzigd or stap.functie is None:
                continue
            namen = dict(stap.cijfer.invoer)
            if not any(bron in waarden for bron in namen.values()):
                continue
            args = {n: waarden.get(b, self._stappen[b].cijfer.waarde) for n, b in namen.items()}
            waarden[id_] = stap.functie(**args)
        return waarden

    def afhankelijkheden(self, id_: str) -> list[str]:
        """Alle cijfers waarop ``id_`` (indirect) rust, in rekenvolgorde, zonder dubbelen."""
        gezien: dict[str, None] = {}

        def bezoek(i: str) -> None:
            for _, bron in self[i].invoer:
                if bron not in gezien:
                    bezoek(bron)
                    gezien[bron] = None

        bezoek(id_)
        return list(gezien)
