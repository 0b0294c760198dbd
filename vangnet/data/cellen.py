"""Celtypen voor de gegevensbestanden, met Nederlandse foutmeldingen.

Een cel komt als tekst uit het CSV-bestand. De typen hieronder zetten die tekst om en
weigeren wat een spreadsheet vaak ongemerkt toevoegt: een euroteken, punten als
scheiding van duizendtallen, een procentteken. Een decimale komma (zoals Nederlandse Excel
die schrijft) wordt wel geaccepteerd.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from vangnet.data.tekenset import kort, verminkt

_DUIZENDTALLEN = re.compile(r"^[-+]?[1-9]\d{0,2}([.\s\u00a0\u202f]\d{3})+(,\d+)?$")
_DUIZENDTALLEN_EN = re.compile(
    r"^[-+]?[1-9]\d{0,2}(,\d{3}){2,}(\.\d+)?$|^[-+]?[1-9]\d{0,2}(,\d{3})+\.\d+$"
)
_GETAL = re.compile(r"^[-+]?(\d+([.,]\d+)?|[.,]\d+)$")
_HTML = re.compile(r"<[a-zA-Z/!?]")
MARKERING = "IN TE VULLEN"
"""Waarde die ``vangnet nieuw-jaar`` in cellen zet die voor het nieuwe jaar moeten worden
ingevuld."""
HERZIEN = "TE HERZIEN:"
"""Begin van een bronvermelding die ``vangnet nieuw-jaar`` heeft overgenomen uit een eerder
jaar: de rij geldt tot iemand haar heeft nagelezen en de bron heeft bijgewerkt."""
MAX_TEKSTLENGTE = 200
MAX_OMSCHRIJVING = 600


def _leeg(waarde: Any) -> bool:
    _controleer_markering(waarde)
    return waarde is None or (isinstance(waarde, str) and waarde.strip() == "")


def _controleer_markering(waarde: Any) -> None:
    if isinstance(waarde, str) and waarde.strip() == MARKERING:
        raise PydanticCustomError(
            "in_te_vullen",
            "deze cel moet nog worden ingevuld (gemarkeerd door 'vangnet nieuw-jaar').",
        )


def _kaal_getal(tekst: str) -> str:
    """Het getal uit ``tekst`` zoals vangnet het wil: zonder €, EUR en scheidingstekens voor
    duizendtallen (``€ 19.600.000`` → ``19600000``, ``1.234,5`` → ``1234,5``); als voorbeeld in
    een melding."""
    kaal = re.sub(r"(?i)€|eur", "", tekst).strip()
    kaal = re.sub(r"[\s\u00a0\u202f]", "", kaal)
    if _DUIZENDTALLEN_EN.match(kaal):
        return kaal.replace(",", "")
    if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+(,\d+)?", kaal):
        return kaal.replace(".", "")
    return kaal or "2500000"


def lees_getal(waarde: Any) -> Decimal | None:
    """Zet celtekst om in een exact getal (``Decimal``, precies zoals geschreven); lege cellen
    worden ``None``.

    Geaccepteerd: ``14176798``, ``-791000``, ``0.2815`` en ``0,2815``.
    Geweigerd, met uitleg: ``€ 14.177.000``, ``14.176.798``, ``5,6%``, ``abc``.
    """
    if _leeg(waarde):
        return None
    if isinstance(waarde, bool):
        raise PydanticCustomError("geen_getal", "'{w}' is geen getal.", {"w": waarde})
    if isinstance(waarde, Decimal):
        getal = waarde
    elif isinstance(waarde, int):
        getal = Decimal(waarde)
    elif isinstance(waarde, float):
        getal = Decimal(repr(waarde))  # de kortste decimale weergave, zoals geschreven
    else:
        tekst = str(waarde).strip()
        if "€" in tekst or tekst.upper().startswith("EUR"):
            raise PydanticCustomError(
                "euroteken",
                "'{w}' bevat een euroteken. Schrijf alleen het getal, zonder € "
                "(bijvoorbeeld {v}).",
                {"w": tekst, "v": _kaal_getal(tekst)},
            )
        if tekst.endswith("%"):
            raise PydanticCustomError(
                "procentteken",
                "'{w}' bevat een procentteken. Schrijf alleen het getal zonder % "
                "(bijvoorbeeld 0,2815 voor 0,2815%).",
                {"w": tekst},
            )
        if _DUIZENDTALLEN.match(tekst) or _DUIZENDTALLEN_EN.match(tekst):
            raise PydanticCustomError(
                "duizendtallen",
                "'{w}' gebruikt scheidingstekens voor duizendtallen. Schrijf het getal zonder "
                "punten of spaties tussen de cijfers ({v}); gebruik voor decimalen één komma "
                "of punt.",
                {"w": tekst, "v": _kaal_getal(tekst)},
            )
        if not _GETAL.match(tekst):
            raise PydanticCustomError("geen_getal", "'{w}' is geen getal.", {"w": tekst})
        try:
            getal = Decimal(tekst.replace(",", "."))
        except InvalidOperation:
            raise PydanticCustomError("geen_getal", "'{w}' is geen getal.", {"w": tekst}) from None
    if not getal.is_finite():
        raise PydanticCustomError("geen_getal", "'{w}' is geen eindig getal.", {"w": waarde})
    return getal


def lees_geheel(waarde: Any) -> int | None:
    """Een geheel getal (aantallen, jaren): ``12`` mag, ``12,5`` niet."""
    getal = lees_getal(waarde)
    if getal is None:
        return None
    if getal != getal.to_integral_value():
        raise PydanticCustomError(
            "geen_geheel_getal", "'{w}' is geen geheel getal.", {"w": waarde}
        )
    return int(getal)


def lees_tekst(waarde: Any, maximum: int = MAX_TEKSTLENGTE) -> str | None:
    """Platte tekst: geen HTML, niet langer dan ``maximum`` tekens."""
    if _leeg(waarde):
        return None
    tekst = " ".join(str(waarde).split())
    if _HTML.search(tekst):
        raise PydanticCustomError(
            "html",
            "de tekst bevat HTML of een script ('{w}'). Gebruik platte tekst zonder < en >.",
            {"w": tekst[:40]},
        )
    fout = verminkt(tekst)
    if fout is not None:
        uitleg, oplossing = fout
        raise PydanticCustomError("mojibake", "'{w}' {u} {o}",
                                  {"w": kort(tekst), "u": uitleg, "o": oplossing})
    if len(tekst) > maximum:
        raise PydanticCustomError(
            "te_lang",
            "de tekst is {n} tekens lang; het maximum is {m}. Kort de tekst in.",
            {"n": len(tekst), "m": maximum},
        )
    return tekst


def lees_lange_tekst(waarde: Any) -> str | None:
    """Platte tekst voor omschrijvingen, tot :data:`MAX_OMSCHRIJVING` tekens."""
    return lees_tekst(waarde, MAX_OMSCHRIJVING)


def lees_keuze(waarde: Any) -> str | None:
    """Een keuzewaarde zonder spaties rondom, in kleine letters en zonder accenten
    ('Beëindigd' wordt 'beeindigd'); leeg wordt ``None``."""
    if _leeg(waarde):
        return None
    ontleed = unicodedata.normalize("NFKD", str(waarde).strip().lower())
    return "".join(c for c in ontleed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Keuzelijst:
    """De opties van een keuzekolom zoals de gebruiker ze schrijft (``geëvalueerd``), als
    metadata bij het type. De waarde na het lezen is de vorm zonder accenten en hoofdletters
    (``geevalueerd``, zie :func:`lees_keuze`); meldingen en keuzelijsten noemen deze schrijfwijze.
    """

    opties: tuple[str, ...]

    def opsomming(self) -> str:
        """'a', 'b' of 'c'."""
        namen = [f"'{o}'" for o in self.opties]
        return namen[0] if len(namen) == 1 else f"{', '.join(namen[:-1])} of {namen[-1]}"


def _keuzelezer(lijst: Keuzelijst, verplicht: bool) -> Any:
    """Lees een keuze en weiger, in het Nederlands en met de schrijfwijze van de opties, een
    waarde die er niet bij is (of een lege cel, als de keuze verplicht is)."""
    waarden = {lees_keuze(o) for o in lijst.opties}

    def lees(waarde: Any) -> str | None:
        gelezen = lees_keuze(waarde)
        if gelezen is None and verplicht:
            raise PydanticCustomError("keuze_leeg",
                                      "deze cel is leeg, maar is verplicht; kies uit {k}.",
                                      {"k": lijst.opsomming()})
        if gelezen is not None and gelezen not in waarden:
            raise PydanticCustomError("keuze",
                                      "'{w}' is geen toegestane waarde; kies uit {k}.",
                                      {"w": str(waarde).strip(), "k": lijst.opsomming()})
        return gelezen

    return lees


def keuze(*opties: str) -> Any:
    """Een verplichte keuze uit ``opties``, geschreven zoals de gebruiker ze typt
    (``"geëvalueerd"``); hoofdletters en accenten maken bij het lezen niet uit. Het veld heeft
    de waarde zonder accenten (``Literal["geevalueerd", ...]``)."""
    lijst = Keuzelijst(opties)
    waarden = tuple(lees_keuze(o) for o in opties)
    return Annotated[Literal[waarden], BeforeValidator(_keuzelezer(lijst, True)),  # type: ignore[valid-type]
                     lijst]


def optionele_keuze(*opties: str) -> Any:
    """Een keuze uit ``opties`` (zoals bij :func:`keuze`) of een lege cel."""
    lijst = Keuzelijst(opties)
    waarden = tuple(lees_keuze(o) for o in opties)
    return Annotated[Literal[waarden] | None,  # type: ignore[valid-type]
                     BeforeValidator(_keuzelezer(lijst, False)), lijst]


_NietNegatief = Annotated[Decimal, Field(ge=0)]
_NietNegatiefGeheel = Annotated[int, Field(ge=0)]
_Jaartal = Annotated[int, Field(ge=2000, le=2100)]
_Procent = Annotated[Decimal, Field(ge=0, le=100)]
_Deel = Annotated[Decimal, Field(ge=0, le=1)]

Getal = Annotated[Decimal, BeforeValidator(lees_getal)]
Bedrag = Annotated[_NietNegatief, BeforeValidator(lees_getal)]
Geheel = Annotated[int, BeforeValidator(lees_geheel)]
Aantal = Annotated[_NietNegatiefGeheel, BeforeValidator(lees_geheel)]
Jaar = Annotated[_Jaartal, BeforeValidator(lees_geheel)]
Tekst = Annotated[str, BeforeValidator(lees_tekst)]
LangeTekst = Annotated[str, BeforeValidator(lees_lange_tekst)]
Percentage = Annotated[_Procent, BeforeValidator(lees_getal)]
Fractie = Annotated[_Deel, BeforeValidator(lees_getal)]

# Optionele varianten: een lege cel wordt None.
OptioneelGetal = Annotated[Decimal | None, BeforeValidator(lees_getal)]
OptioneelBedrag = Annotated[_NietNegatief | None, BeforeValidator(lees_getal)]
OptioneelAantal = Annotated[_NietNegatiefGeheel | None, BeforeValidator(lees_geheel)]
OptioneelJaar = Annotated[_Jaartal | None, BeforeValidator(lees_geheel)]
OptioneelTekst = Annotated[str | None, BeforeValidator(lees_tekst)]
OptioneelPercentage = Annotated[_Procent | None, BeforeValidator(lees_getal)]
