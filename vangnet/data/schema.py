"""Het gegevensformaat: welke bestanden er zijn, welke kolommen ze hebben en wat die betekenen.

Elk CSV-bestand heeft een rijmodel (pydantic) waarvan de velden de kolommen zijn; de
beschrijving van een veld is de documentatie van de kolom (zie ``docs/gegevens.md``, dat
uit deze definities wordt opgebouwd). Niets hier is specifiek voor één gemeente of jaar.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator

from vangnet.data.cellen import (
    Aantal,
    Bedrag,
    Jaar,
    LangeTekst,
    OptioneelAantal,
    OptioneelBedrag,
    OptioneelGetal,
    OptioneelJaar,
    OptioneelPercentage,
    OptioneelTekst,
    Percentage,
    Tekst,
    keuze,
    optionele_keuze,
)


class Rij(BaseModel):
    """Basis voor een rij: onbekende velden zijn al bij de kopregel afgevangen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class BuigRij(Rij):
    jaar: Jaar = Field(description="Budgetjaar.")
    status_budget: keuze("definitief", "voorlopig") = Field(
        description="'definitief' als het Rijk het budget definitief heeft vastgesteld, "
        "anders 'voorlopig'."
    )
    status_kosten: optionele_keuze("gecontroleerd", "ongecontroleerd") = Field(
        None,
        description="'gecontroleerd' als de kosten uit de door de accountant gecontroleerde "
        "SiSa-verantwoording komen; leeg als er nog geen kosten zijn.",
    )
    budget: OptioneelBedrag = Field(
        None, description="Gebundelde uitkering (art. 69 Participatiewet) in euro's: "
        "uitkeringen-deel plus LKS-deel."
    )
    budget_uitkeringen: OptioneelBedrag = Field(
        None, description="Uitkeringen-deel van het budget in euro's."
    )
    budget_lks: OptioneelBedrag = Field(None, description="LKS-deel van het budget in euro's.")
    kosten: OptioneelBedrag = Field(
        None, description="Netto lasten BUIG in euro's (uitkeringen plus loonkostensubsidie)."
    )
    kosten_uitkeringen: OptioneelBedrag = Field(
        None, description="Netto lasten van de uitkeringen in euro's."
    )
    kosten_lks: OptioneelBedrag = Field(
        None, description="Netto lasten van de loonkostensubsidie in euro's."
    )
    fouten_onzekerheden: OptioneelBedrag = Field(
        None,
        description="Bedrag aan fouten en onzekerheden dat de accountant heeft gerapporteerd "
        "(art. 5 Bado); leeg of 0 als er geen zijn.",
    )
    bron: Tekst = Field(description="Bron van de rij (document en tabel).")


class GemiddeldeKostenRij(Rij):
    jaar: Jaar = Field(description="Jaar.")
    kosten_uitkeringen: Bedrag = Field(description="Kosten van de uitkeringen in euro's.")
    bestand_personen: Bedrag = Field(
        description="Gemiddeld aantal personen met een uitkering in het jaar (mag decimalen "
        "hebben).", json_schema_extra={"eenheid": "aantal"},
    )
    gekorte_inkomsten: Bedrag = Field(
        description="Inkomsten van uitkeringsgerechtigden die op de uitkering zijn gekort, in "
        "euro's."
    )
    bron: Tekst = Field(description="Bron van de rij.")


class HuishoudensRij(Rij):
    jaar: Jaar = Field(description="Jaar.")
    voorspeld: OptioneelAantal = Field(
        None, description="Aantal bijstandshuishoudens volgens het objectieve verdeelmodel."
    )
    gerealiseerd: OptioneelAantal = Field(
        None, description="Werkelijk aantal bijstandshuishoudens; leeg als nog niet bekend."
    )
    bron: Tekst = Field(description="Bron van de rij.")


class InstroomRij(Rij):
    jaar: Jaar = Field(description="Jaar.")
    reden: Tekst = Field(description="Reden van instroom zoals geregistreerd.")
    aantal: Aantal = Field(description="Aantal personen dat om deze reden instroomde.")
    bron: Tekst = Field(description="Bron van de rij.")


class UitstroomRij(Rij):
    jaar: Jaar = Field(description="Jaar.")
    reden: Tekst = Field(description="Reden van uitstroom zoals geregistreerd.")
    aantal: Aantal = Field(description="Aantal personen dat om deze reden uitstroomde.")
    beinvloedbaarheid: keuze("hoog", "laag", "onbekend") = Field(
        description="Hoe sterk gemeente en uitvoeringsorganisatie deze uitstroom kunnen "
        "beïnvloeden: 'hoog', 'laag' of 'onbekend'."
    )
    bron: Tekst = Field(description="Bron van de rij.")


class TredeRij(Rij):
    trede: Tekst = Field(description="Trede van de participatieladder (1, 2a, 2b, 3, 4, 5, 6).")
    omschrijving: Tekst = Field(description="Omschrijving van de trede.")
    aantal: Aantal = Field(description="Aantal personen op deze trede.")
    aandeel_pct: OptioneelPercentage = Field(
        None,
        description="Aandeel zoals in de bron vermeld (in procenten, zonder %-teken); wordt "
        "gecontroleerd tegen de aantallen.",
    )
    bron: Tekst = Field(description="Bron van de rij.")


class LksTredeRij(Rij):
    trede: Tekst = Field(description="Trede van de participatieladder.")
    omschrijving: Tekst = Field(description="Omschrijving van de trede.")
    enkel_lks: Aantal = Field(description="Personen met alleen loonkostensubsidie.")
    samenloop_uitkering: Aantal = Field(
        description="Personen met loonkostensubsidie én een aanvullende uitkering."
    )
    bron: Tekst = Field(description="Bron van de rij.")


class LksPersonenRij(Rij):
    periode: Tekst = Field(description="Maand in de vorm JJJJ-MM.")
    aantal: Aantal = Field(description="Aantal personen aan het werk met loonkostensubsidie.")
    bron: Tekst = Field(description="Bron van de rij.")

    @field_validator("periode")
    @classmethod
    def _maand(cls, waarde: str) -> str:
        try:
            dt.datetime.strptime(waarde, "%Y-%m")
        except ValueError:
            raise ValueError(f"'{waarde}' is geen maand in de vorm JJJJ-MM (bijvoorbeeld "
                             "2025-12).") from None
        return waarde


class LksLandelijkRij(Rij):
    jaar: Jaar = Field(description="Budgetjaar.")
    status: keuze("definitief", "voorlopig") = Field(
        description="Status van het landelijke macrobudget."
    )
    macrobudget: Bedrag = Field(description="Landelijk macrobudget LKS in euro's.")
    uitgaven: OptioneelBedrag = Field(
        None, description="Landelijke werkelijke uitgaven aan LKS in euro's; leeg als nog niet "
        "bekend."
    )
    bron: Tekst = Field(description="Bron van de rij.")


AMBITIENIVEAUS = {
    "minimum": "het laagste budgetaandeel",
    "maximum": "het hoogste budgetaandeel",
    "gemiddelde": "het gemiddelde budgetaandeel",
    "grens_top_25": "de grens van het beste kwart",
}
"""De kenmerken van de vergelijkingsgroep, zoals de tekst ze noemt ("... van de groep")."""

KENMERKLABELS = {
    "minimum": "Laagste budgetaandeel",
    "maximum": "Hoogste budgetaandeel",
    "gemiddelde": "Gemiddeld budgetaandeel",
    "grens_top_25": "Grens van het beste kwart",
}
"""Dezelfde kenmerken als label (tabelrij, herkomst)."""


class VergelijkingsgroepRij(Rij):
    jaar: Jaar = Field(description="Budgetjaar van de vergelijking.")
    kenmerk: keuze(*AMBITIENIVEAUS) = Field(
        description="Welke waarde van de vergelijkingsgroep."
    )
    budgetaandeel_pct: Percentage = Field(
        description="Budgetaandeel LKS in procenten van het landelijk totaal (zonder %-teken)."
    )
    bron: Tekst = Field(description="Bron van de rij.")


MAATREGELSTATUS = {
    "aanbevolen": "aanbevolen",
    "toegezegd": "toegezegd",
    "besloten": "besloten",
    "uitgevoerd": "uitgevoerd",
    "geevalueerd": "geëvalueerd",
    "beeindigd": "beëindigd",
}
"""De status van een maatregel: de waarde na het lezen (zonder trema, zoals een keuze wordt
gelezen, zie :func:`~vangnet.data.cellen.lees_keuze`) en hoe de gebruiker en de tekst haar
schrijven; in het bestand mag het allebei. Van zwak naar sterk bewijs: aanbevolen (een advies),
toegezegd (aangekondigd of beloofd, zonder bekend besluit), besloten (een besluit van college,
raad of bestuur), uitgevoerd (besloten en de uitvoering blijkt uit een stuk), geëvalueerd
(uitgevoerd en het resultaat is gemeten); beëindigd (gestopt)."""

GETROFFEN = ("besloten", "uitgevoerd", "geevalueerd")
"""De statussen die als getroffen maatregel tellen: er is een besluit. Een aanbeveling of een
toezegging telt niet (de Toetsingscommissie: aankondigen is niet genoeg)."""

EFFECTEN = {
    "kwalitatief": "niet doorgerekend",
    "lks-budget": "het LKS-budget van het volgende jaar",
    "ambitie": "het scenario met de ambitie uit de vergelijkingsgroep",
}
"""Welke doorrekening het effect van een maatregel laat zien (kolom ``effect``)."""

_OUDE_STATUS = {
    "genomen": "de status 'genomen' bestaat niet meer. Kies 'besloten' als er een besluit is "
               "(vul dan de kolom besluit in), 'uitgevoerd' als ook de uitvoering blijkt, of "
               "'toegezegd' als de maatregel alleen is aangekondigd of beloofd.",
    "gepland": "de status 'gepland' bestaat niet meer. Kies 'toegezegd' als de maatregel is "
               "aangekondigd zonder besluit, of 'besloten' als het besluit er is (vul dan de "
               "kolom besluit in).",
}


def _lees_datum(waarde: object) -> object:
    """Een lege cel is geen datum; een datum staat er als JJJJ-MM-DD."""
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None
    return waarde.strip() if isinstance(waarde, str) else waarde


OptioneleDatum = Annotated[dt.date | None, BeforeValidator(_lees_datum)]


class MaatregelRij(Rij):
    id: Tekst = Field(description="Vaste code van de maatregel, bijvoorbeeld M01.")
    maatregel: Tekst = Field(description="Korte naam.")
    omschrijving: LangeTekst = Field(description="Wat de maatregel inhoudt, in eigen woorden.")
    soort: keuze("intern", "extern") = Field(
        description="'intern' (door gemeente of uitvoeringsorganisatie) of 'extern' (door een "
        "onafhankelijke partij, zoals de Toetsingscommissie voorschrijft)."
    )
    status: keuze(*MAATREGELSTATUS.values()) = Field(
        description="'aanbevolen' (een advies), 'toegezegd' (aangekondigd of beloofd, zonder "
        "bekend besluit), 'besloten' (er is een besluit), 'uitgevoerd' (besloten en de uitvoering "
        "blijkt uit een stuk), 'geëvalueerd' (uitgevoerd en het resultaat is gemeten) of "
        "'beëindigd'. Alleen besloten, uitgevoerde en geëvalueerde maatregelen tellen als "
        "getroffen."
    )
    besluit: OptioneelTekst = Field(
        None, validate_default=True,
        description="Het besluit waarmee de maatregel is genomen (stuk en orgaan, bijvoorbeeld "
        "'Collegebesluit werkgeversteam'); verplicht bij besloten, uitgevoerd en geëvalueerd.")
    besluitdatum: OptioneleDatum = Field(
        None, description="Datum van dat besluit (JJJJ-MM-DD); leeg of 'IN TE VULLEN' als die "
        "niet bekend is.")
    uitvoering: OptioneelTekst = Field(
        None, description="Wat bekend is over de uitvoering, het bereik of het resultaat, met "
        "de bron; leeg als daarover niets bekend is.")
    effect: keuze(*EFFECTEN) = Field(
        description="Welke doorrekening het effect laat zien: 'lks-budget' (het LKS-budget van "
        "het volgende jaar), 'ambitie' (het scenario met de ambitie uit de vergelijkingsgroep) "
        "of 'kwalitatief' (niet doorgerekend)."
    )
    bron_document: Tekst = Field(description="Document waarin de maatregel is vastgelegd.")
    jaar_start: OptioneelJaar = Field(None, description="Jaar waarin de maatregel startte.")

    @field_validator("status", mode="before")
    @classmethod
    def _oude_status(cls, waarde: object) -> object:
        if isinstance(waarde, str) and waarde.strip().lower() in _OUDE_STATUS:
            raise ValueError(_OUDE_STATUS[waarde.strip().lower()])
        return waarde

    @field_validator("effect", mode="before")
    @classmethod
    def _oud_effect(cls, waarde: object) -> object:
        if isinstance(waarde, str) and waarde.strip().lower() == "gekwantificeerd":
            raise ValueError(
                "de waarde 'gekwantificeerd' bestaat niet meer. Noem de doorrekening die het "
                "effect laat zien: 'lks-budget' (het LKS-budget van het volgende jaar) of "
                "'ambitie' (het scenario met de ambitie uit de vergelijkingsgroep).")
        return waarde

    @field_validator("besluit", mode="after")
    @classmethod
    def _besluit_bij_getroffen(cls, waarde: str | None, info: ValidationInfo) -> str | None:
        status = info.data.get("status")
        if status in GETROFFEN and not waarde:
            raise ValueError(
                f"de status '{MAATREGELSTATUS[status]}' vraagt het besluit waarmee de "
                "maatregel is genomen. Is er (nog) geen besluit bekend, kies dan de status "
                "'toegezegd'.")
        return waarde


INDICATORCODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,15}")
"""Een korte, vaste code voor een indicator, zoals ``M12-1a``: letters, cijfers en streepjes."""


class IndicatorRij(Rij):
    id: OptioneelTekst = Field(
        None, description="Korte, vaste code van de indicator, zoals M12-1 (hoogstens zestien "
        "letters, cijfers of streepjes); dezelfde code in elk jaar. Leeg: de code van de "
        "maatregel met een volgnummer.")
    maatregel: Tekst = Field(description="Code van de maatregel in maatregelen.csv.")
    indicator: Tekst = Field(description="Wat er wordt gemeten, zoals de bron het noemt.")
    jaar: Jaar = Field(description="Jaar waarop doel en realisatie betrekking hebben.")
    eenheid: keuze("aantal", "procent") = Field(
        description="'aantal' of 'procent' (doel en realisatie in procenten, zonder %-teken).")
    norm: keuze("minimaal", "maximaal") = Field(
        description="'minimaal' als het doel een ondergrens is, 'maximaal' als het een "
        "bovengrens is.")
    doel: OptioneelGetal = Field(None, description="Het doel voor dat jaar.")
    realisatie: OptioneelGetal = Field(
        None, description="Wat is bereikt; leeg of 'IN TE VULLEN' zolang dat niet bekend is.")
    bron: Tekst = Field(description="Bron van het doel en van de realisatie.")

    @field_validator("id")
    @classmethod
    def _code(cls, waarde: str | None) -> str | None:
        if waarde is not None and not INDICATORCODE.fullmatch(waarde):
            raise ValueError(f"'{waarde}' is geen korte code; gebruik hoogstens zestien letters, "
                             "cijfers of streepjes, zoals M12-1.")
        return waarde


PEILDATUM = re.compile(r"\d{4}(-K[1-4]|-\d{2}(-\d{2})?)?")
"""Een peildatum met het jaar erin: ``2025``, ``2025-K4``, ``2025-12`` of ``2025-12-31``."""


class KengetalRij(Rij):
    id: Tekst = Field(description="Vaste naam van het kengetal, bijvoorbeeld participatie.actief.")
    omschrijving: Tekst = Field(description="Wat het getal is.")
    waarde: OptioneelGetal = Field(description="De waarde (aantal, bedrag of percentage).")
    eenheid: keuze("aantal", "euro", "procent") = Field(description="Eenheid van de waarde.")
    peildatum: Tekst = Field(description="Peildatum of periode, met het jaar: JJJJ (een heel "
                             "jaar), JJJJ-Kn (een kwartaal, bijvoorbeeld 2025-K4), JJJJ-MM of "
                             "JJJJ-MM-DD.")
    bron: Tekst = Field(description="Bron van het getal.")

    @field_validator("peildatum")
    @classmethod
    def _peildatum(cls, waarde: str) -> str:
        if not PEILDATUM.fullmatch(waarde):
            raise ValueError(f"'{waarde}' is geen peildatum; schrijf het jaar erbij als JJJJ, "
                             "JJJJ-Kn (kwartaal), JJJJ-MM of JJJJ-MM-DD, bijvoorbeeld 2025-K4 "
                             "voor het vierde kwartaal van 2025.")
        if "-" in waarde and "K" not in waarde:
            try:
                dt.date.fromisoformat(waarde if waarde.count("-") == 2 else f"{waarde}-01")
            except ValueError:
                raise ValueError(f"'{waarde}' is geen bestaande datum.") from None
        return waarde


class RapportwaardeRij(Rij):
    cijfer: OptioneelTekst = Field(
        None,
        description="Id van het cijfer in het dossier dat hiermee overeen moet komen; leeg als "
        "het bedrag met geen enkel cijfer overeenkomt.",
    )
    waarde: OptioneelGetal = Field(description="Waarde zoals de bron die noemt.")
    afronding: OptioneelGetal = Field(
        None, description="Op welke eenheid de bron heeft afgerond: bijvoorbeeld 1000, of bij één "
        "decimaal 0.1 (0,1 in een bestand met puntkomma's)."
    )
    bron: Tekst = Field(description="Waar de waarde staat.")
    toelichting: OptioneelTekst = Field(None, description="Uitleg bij een verschil.")


@dataclass(frozen=True)
class Bestandsschema:
    """Beschrijving van één CSV-bestand in de gegevensmap."""

    naam: str
    model: type[Rij]
    sleutel: tuple[str, ...]
    verplicht: bool
    omschrijving: str
    #: Grootste eenheid waarop bedragen in een kolom afgerond kunnen zijn (voor de
    #: afrondingsmarge in de bronvergelijking); niet genoemde kolommen zijn exact.
    afronding: tuple[tuple[str, Decimal], ...] = ()
    #: Landelijke gegevens die vangnet zelf meelevert (``vangnet/referentie``); een dossier
    #: kan ze vervangen door een eigen bestand met dezelfde naam.
    referentie: bool = False
    #: Een bestand met alleen een kopregel is geldig (bijvoorbeeld nog geen maatregelen).
    mag_leeg: bool = False
    #: Kolommen die in de kopregel moeten staan, ook al mag een cel leeg zijn (de kosten van
    #: een jaar dat nog niet is afgesloten); zonder zo'n kolom zou elke rij een fout geven.
    kop_verplicht: tuple[str, ...] = ()

    @property
    def stam(self) -> str:
        return self.naam.removesuffix(".csv")

    @property
    def kolommen(self) -> tuple[str, ...]:
        return tuple(self.model.model_fields)

    @property
    def verplichte_cellen(self) -> tuple[str, ...]:
        """De kolommen waarvan elke cel gevuld moet zijn."""
        return tuple(n for n, v in self.model.model_fields.items() if v.is_required())

    @property
    def verplichte_kolommen(self) -> tuple[str, ...]:
        """De kolommen die in de kopregel moeten staan (een cel mag leeg zijn als de kolom niet
        ook in :attr:`verplichte_cellen` staat)."""
        return tuple(n for n, v in self.model.model_fields.items()
                     if v.is_required() or n in self.kop_verplicht)


_BEDRAGEN_BUIG = tuple(
    (k, Decimal(1000))
    for k in (
        "budget", "budget_uitkeringen", "budget_lks", "kosten", "kosten_uitkeringen",
        "kosten_lks",
    )
)

BESTANDEN: tuple[Bestandsschema, ...] = (
    Bestandsschema(
        "buig.csv", BuigRij, ("jaar",), True,
        "BUIG-budget en netto lasten per jaar, gesplitst in uitkeringen-deel en LKS-deel.",
        _BEDRAGEN_BUIG, kop_verplicht=("status_kosten", "budget", "kosten"),
    ),
    Bestandsschema(
        "maatregelen.csv", MaatregelRij, ("id",), True,
        "Maatregelen gericht op het terugdringen van het tekort, met status, besluit en soort.",
        mag_leeg=True,
    ),
    Bestandsschema(
        "indicatoren.csv", IndicatorRij, ("maatregel", "indicator", "jaar"), False,
        "Meetbare doelen van maatregelen per jaar, met de realisatie zodra die bekend is.",
    ),
    Bestandsschema(
        "lks_landelijk.csv", LksLandelijkRij, ("jaar",), False,
        "Landelijk macrobudget en landelijke uitgaven loonkostensubsidie per jaar. vangnet "
        "levert deze landelijke reeks zelf mee; een eigen bestand vervangt die.",
        (("macrobudget", Decimal(100_000)), ("uitgaven", Decimal(100_000))), referentie=True,
    ),
    Bestandsschema(
        "vergelijkingsgroep.csv", VergelijkingsgroepRij, ("jaar", "kenmerk"), False,
        "Budgetaandelen LKS van vergelijkbare gemeenten (minimum, maximum, gemiddelde, grens "
        "van de top 25%), voor het ambitieniveau in de doorrekening.",
        (("budgetaandeel_pct", Decimal("0.0001")),),
    ),
    Bestandsschema(
        "gemiddelde_kosten.csv", GemiddeldeKostenRij, ("jaar",), False,
        "Kosten van de uitkeringen, gemiddeld bestand en gekorte inkomsten per jaar.",
    ),
    Bestandsschema(
        "huishoudens.csv", HuishoudensRij, ("jaar",), False,
        "Bijstandshuishoudens: voorspelling van het verdeelmodel tegenover de realisatie.",
    ),
    Bestandsschema(
        "instroom.csv", InstroomRij, ("jaar", "reden"), False,
        "Instroom in de bijstand per jaar en reden.",
    ),
    Bestandsschema(
        "uitstroom.csv", UitstroomRij, ("jaar", "reden"), False,
        "Uitstroom uit de bijstand per jaar en reden, met beïnvloedbaarheid.",
    ),
    Bestandsschema(
        "treden.csv", TredeRij, ("trede", "omschrijving"), False,
        "Personen per trede van de participatieladder.",
    ),
    Bestandsschema(
        "lks_treden.csv", LksTredeRij, ("trede", "omschrijving"), False,
        "Personen met loonkostensubsidie per trede, met en zonder samenloop met een uitkering.",
    ),
    Bestandsschema(
        "lks_personen.csv", LksPersonenRij, ("periode",), False,
        "Aantal personen aan het werk met loonkostensubsidie op een peilmoment.",
    ),
    Bestandsschema(
        "kengetallen.csv", KengetalRij, ("id",), False,
        "Losse kengetallen die in de tekst van de bron voorkomen (geen tabel).",
    ),
    Bestandsschema(
        "rapportwaarden.csv", RapportwaardeRij, ("cijfer", "bron"), False,
        "Waarden zoals de brondocumenten ze noemen, om ze met de berekening te vergelijken.",
    ),
)

SCHEMA_PER_STAM = {s.stam: s for s in BESTANDEN}


class Bron(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(description="Vaste naam van de bron, voor de macro brondatum.")
    titel: str = Field(description="Titel van het document.")
    datum: dt.date | None = Field(None, description="Datum van het document.")
    kort: str | None = Field(
        None, description="Hoe de bronvermeldingen in de gegevens het document noemen "
        "(bijvoorbeeld 'Rapport vangnet 2025'), om paragrafen te kunnen vertalen.")
    paragrafen: dict[str, str] = Field(
        default_factory=dict, description="Paragrafen van het document die in het dossier "
        "anders genummerd zijn: paragraafnummer in het document met de paragraaf van het "
        "dossier (bijvoorbeeld '4.7': oorzaken.lks). Het dossier toont dan beide nummers.",
        json_schema_extra={"voorbeeld": "{4.7: oorzaken.lks, 6.3: doorrekening.uitstroom}"})


class Gemeente(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    naam: Tekst = Field(max_length=80, description="Naam van de gemeente, zonder 'gemeente'.")

    @field_validator("naam")
    @classmethod
    def _zonder_gemeente(cls, waarde: str) -> str:
        if waarde.strip().lower().startswith("gemeente "):
            kaal = waarde.strip()[len("gemeente "):].strip()
            raise ValueError(f"schrijf de naam zonder 'gemeente' ervoor: '{kaal}'; het dossier "
                             "zet er zelf 'gemeente' voor waar dat hoort.")
        return waarde
    inwonersklasse: OptioneelTekst = Field(
        None, description="Inwonersklasse zoals in het verdeelmodel, bijvoorbeeld 'meer dan "
        "40.000 inwoners'.")
    uitvoeringsorganisatie: OptioneelTekst = Field(
        None, description="Naam van de organisatie die de Participatiewet uitvoert, als dat "
        "niet de gemeente zelf is.")
    uitvoeringsvorm: OptioneelTekst = Field(
        None, description="Vorm van die organisatie, bijvoorbeeld 'gemeenschappelijke "
        "regeling'.")
    deelnemende_gemeenten: tuple[Tekst, ...] = Field(
        (), description="De gemeenten die samen de uitvoeringsorganisatie vormen.")


class Aanvraag(BaseModel):
    """De aanvraag zelf: soort, eerdere aanvragen en de besluiten van college en raad."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    soort: Literal["regulier", "uitgebreid"] = Field(
        description="'uitgebreid' voor de uitgebreide aanvraag (verlaagde drempel), anders "
        "'regulier'."
    )
    eerdere_aanvragen: tuple[int, ...] = Field(
        (), description="Budgetjaren waarover de gemeente eerder een vangnetuitkering aanvroeg."
    )
    collegebesluit: dt.date | None = Field(
        None, description="Datum van het besluit van het college om de aanvraag in te dienen."
    )
    raadsbesluit: dt.date | None = Field(
        None, description="Datum waarop de gemeenteraad instemde met de verklaring van het "
        "college; leeg zolang dat niet is gebeurd."
    )


class Bevestiging(BaseModel):
    """Een waarde die een plausibiliteitsregel afkeurt, maar die de gemeente bewust bevestigt
    (zie :mod:`vangnet.data.plausibiliteit`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    regel: str = Field(description="Naam van de regel, zoals de melding die noemt (bijvoorbeeld "
                       "duizendvoud).")
    bestand: str = Field(description="Het bestand uit de melding, bijvoorbeeld buig.csv.")
    sleutel: dict[str, str | int] = Field(
        default_factory=dict, description="Welke bevinding: de velden uit de melding, "
        "bijvoorbeeld {jaar: 2025}; leeg voor elke bevinding van de regel in het bestand.",
        json_schema_extra={"voorbeeld": "{jaar: 2025} of {jaar: 2025, kenmerk: minimum}"})
    reden: Tekst = Field(description="Waarom de waarde toch klopt, met de bron; staat in de "
                         "rekenverantwoording.")
_CONTACTGEGEVENS = re.compile(r"@|\d{3}|www\.|https?:")


class Brief(BaseModel):
    """De velden van de raadsinformatiebrief. Personen staan er als rol in, zonder naam of
    contactgegevens: de brief wordt gepubliceerd."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    datum: dt.date | None = Field(
        None, description="Datum van de brief (JJJJ-MM-DD); 'IN TE VULLEN' zolang die er niet is.")
    kenmerk: str | None = Field(
        None, max_length=80, description="Kenmerk of zaaknummer van de brief.")
    aan: str | None = Field(
        None, max_length=120, description="Aan wie de brief is gericht; zonder waarde 'De "
        "gemeenteraad van' en de naam van de gemeente.")
    onderwerp: str | None = Field(
        None, max_length=160, description="Onderwerp van de brief; zonder waarde 'Aanvraag "
        "vangnetuitkering' en het aanvraagjaar.")
    portefeuillehouder: str | None = Field(
        None, max_length=120, description="De portefeuillehouder als rol, zonder naam "
        "(bijvoorbeeld 'wethouder Werk en Inkomen').")
    contact: str | None = Field(
        None, max_length=160, description="Waar raadsleden met vragen terechtkunnen, als rol of "
        "afdeling, zonder naam, e-mailadres of telefoonnummer (bijvoorbeeld 'de griffie').")
    besluit_raad: dt.date | None = Field(
        None, description="Geplande datum van de raadsvergadering waarin de raad besluit over "
        "de instemming met de verklaring van het college.")
    dekking: str | None = Field(
        None, max_length=600, description="Hoe de gemeente het deel van het tekort dekt dat voor "
        "haar rekening blijft (bijvoorbeeld uit de begroting, een reserve of het resultaat van "
        "de jaarrekening), in een of twee zinnen. Zonder waarde zegt de brief dat dit niet in de "
        "brief staat.")
    bezwaren: str | None = Field(
        None, max_length=600, description="Hoe de bezwaren of beroepen van de gemeente tegen de "
        "vaststelling van het budget zijn afgelopen of waar ze staan, in een of twee zinnen. "
        "Alleen nodig als de gemeente bezwaar maakte (de eigen tekst oorzaken.bezwaar).")

    @field_validator("portefeuillehouder", "contact")
    @classmethod
    def _rol(cls, waarde: str | None) -> str | None:
        if waarde and _CONTACTGEGEVENS.search(waarde):
            raise ValueError("noem een rol of afdeling, zonder naam of contactgegevens "
                             "(geen e-mailadres, telefoonnummer of webadres): de brief wordt "
                             "gepubliceerd.")
        return waarde


class Dossier(BaseModel):
    """Inhoud van ``dossier.yaml``: waarover het dossier gaat."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    gemeente: Gemeente
    aanvraagjaar: int = Field(ge=2000, le=2100)
    aanvraag: Aanvraag
    rapportdatum: dt.date | None = Field(
        None, description="Datum waarop de gegevens van het dossier zijn afgesloten; leeg of "
        "'IN TE VULLEN' zolang die nog niet vaststaat."
    )
    onderzoeker: str | None = Field(
        None, description="Wie het onderzoek uitvoerde waarop het dossier steunt, als rol "
        "(bijvoorbeeld 'extern onderzoeksbureau'), zonder namen van personen.")
    publicatie_url: str | None = Field(
        None, description="Webadres waar het dossier wordt gepubliceerd (voor de PDF)."
    )
    bronnen: tuple[Bron, ...] = Field(
        (), description="Brondocumenten met id, titel en datum; eigen teksten noemen een datum "
        "met de macro brondatum.")
    bevestigd: tuple[Bevestiging, ...] = Field(
        (), description="Waarden die een plausibiliteitsregel afkeurt maar die kloppen, elk met "
        "regel, bestand, sleutel en reden; ze staan in de rekenverantwoording.")
    brief: Brief = Field(default_factory=Brief,
                         description="De velden van de raadsinformatiebrief.")

    @property
    def peiljaar(self) -> int:
        """Het jaar van de rapportdatum; zolang die onbekend is, het jaar na het aanvraagjaar
        (de kosten van het aanvraagjaar zijn pas daarna bekend)."""
        return self.rapportdatum.year if self.rapportdatum else self.aanvraagjaar + 1

    @property
    def stempeldatum(self) -> dt.date:
        """De datum voor een reproduceerbare bouw (metadata van site en PDF): de rapportdatum,
        of 1 januari van het jaar na het aanvraagjaar zolang die onbekend is."""
        return self.rapportdatum or dt.date(self.aanvraagjaar + 1, 1, 1)


class Doorrekening(BaseModel):
    """Inhoud van ``doorrekening.yaml``: de aannames voor de doorrekening (hoofdstuk 6)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    uren_per_week: Decimal = Field(gt=0, le=60, description="Uren per week van een voltijd "
                                 "werknemer met loonkostensubsidie.")
    loonwaarde: Decimal = Field(ge=0, le=1, description="Aangenomen gemiddelde loonwaarde als deel "
                              "van het minimumloon (0,5 voor 50%).")
    afdrachten_percentage: Decimal = Field(ge=0, le=1, description="Belastingen en premies over "
                                         "een uitkering, als deel van de uitkering.")
    vakantietoeslag_uitkering: Decimal = Field(ge=0, le=1, description="Vakantietoeslag over het "
                                             "normbedrag, als deel (0,08 voor 8%).")
    correctie_heffingskorting: Decimal = Field(ge=0, description="Correctie op de afdrachten voor "
                                             "de heffingskorting, in euro's per jaar.",
                                             json_schema_extra={"eenheid": "euro"})
    extra_budget_uitkeringen_volgend_jaar: Decimal | None = Field(
        None, description="Verwachte stijging van het uitkeringen-deel in het volgende jaar, in "
        "euro's; zonder deze waarde vervalt de berekening van het resterende tekort.",
        json_schema_extra={"eenheid": "euro"})
    ambitie_vergelijkingsgroep: Literal["minimum", "maximum", "gemiddelde", "grens_top_25"] | \
        None = Field(None, description="Het ambitieniveau in de vergelijkingsgroep (zie "
                     "vergelijkingsgroep.csv); zonder deze waarde geen scenario.")
    aandeel_alleenstaanden_in_uitstroom: Decimal = Field(
        ge=0, le=1, description="Deel alleenstaanden in de extra uitstroom van het scenario.")
    bronnen: dict[str, str] = Field(default_factory=dict, description="Per aanname de bron.")
    status: dict[str, Literal["bevestigd", "niet_bevestigd"]] = Field(
        default_factory=dict, description="Per aanname of een bron haar bevestigt: "
        "'bevestigd' of 'niet_bevestigd'. Een aanname zonder status heet in de "
        "rekenverantwoording gewoon 'aanname'.")

    @field_validator("status")
    @classmethod
    def _bekende_aannames(cls, waarde: dict[str, str]) -> dict[str, str]:
        onbekend = [k for k in waarde if k not in cls.model_fields or k in ("bronnen", "status")]
        if onbekend:
            raise ValueError(f"onbekende aanname '{onbekend[0]}'; noem een aanname uit dit "
                             "bestand, zoals vakantietoeslag_uitkering.")
        return waarde
