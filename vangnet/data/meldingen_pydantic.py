"""Vertaal validatiefouten van pydantic naar Nederlandse meldingen.

Onze eigen celtypen geven al Nederlandse teksten (zie :mod:`vangnet.data.cellen`); hier
staan de vertalingen voor de standaardcontroles van pydantic, zoals een ontbrekende
waarde of een waarde buiten het toegestane bereik.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from vangnet.data.cellen import MARKERING

_EIGEN = {
    "geen_getal", "euroteken", "procentteken", "duizendtallen", "geen_geheel_getal", "html",
    "te_lang", "in_te_vullen", "mojibake", "keuze", "keuze_leeg",
}


def _keuzes(ctx: dict[str, Any]) -> str:
    verwacht = str(ctx.get("expected", ""))
    return verwacht.replace(" or ", " of ")


def _getal(waarde: Any) -> str:
    """Een getal zoals een gebruiker het zou schrijven: 50 in plaats van 50.0, 0,5 met komma."""
    if isinstance(waarde, float | Decimal) and waarde == int(waarde):
        return str(int(waarde))
    return str(waarde).replace(".", ",") if isinstance(waarde, float | Decimal) else str(waarde)


def vertaal_fout(fout: dict[str, Any]) -> str:
    """Eén pydantic-fout als Nederlandse zin (zonder plaatsaanduiding)."""
    soort = fout["type"]
    ctx = fout.get("ctx") or {}
    invoer = fout.get("input")
    if soort in _EIGEN:
        return fout["msg"]
    if invoer == MARKERING:
        return "deze waarde moet nog worden ingevuld (gemarkeerd door 'vangnet nieuw-jaar')."
    if soort == "missing":
        return "deze waarde ontbreekt, maar is verplicht."
    if soort in {"int_type", "float_type", "decimal_type", "string_type", "date_type"} \
            and invoer in (None, ""):
        return "deze cel is leeg, maar is verplicht."
    if soort == "greater_than_equal" and ctx.get("ge") == 0:
        return f"de waarde {_getal(invoer)} mag niet negatief zijn."
    if soort == "greater_than_equal":
        return (f"de waarde {_getal(invoer)} is te klein; de waarde moet minstens "
                f"{_getal(ctx.get('ge'))} zijn.")
    if soort == "greater_than":
        return (f"de waarde {_getal(invoer)} is te klein; de waarde moet groter zijn dan "
                f"{_getal(ctx.get('gt'))}.")
    if soort == "less_than_equal" and ctx.get("le") == 1:
        return (f"de waarde {_getal(invoer)} is te groot; schrijf een deel van het geheel "
                "(0,5 voor 50%), hoogstens 1.")
    if soort == "less_than_equal":
        return (f"de waarde {_getal(invoer)} is te groot; de waarde mag hoogstens "
                f"{_getal(ctx.get('le'))} zijn.")
    if soort == "literal_error":
        return f"'{invoer}' is geen toegestane waarde; kies uit {_keuzes(ctx)}."
    if soort == "extra_forbidden":
        return "dit veld is onbekend; verwijder het of controleer de spelling."
    if soort in {"date_from_datetime_parsing", "date_parsing", "date_type"}:
        return f"'{invoer}' is geen datum; schrijf een datum als JJJJ-MM-DD."
    if soort in {"int_parsing", "float_parsing", "int_type", "float_type", "decimal_parsing",
                 "decimal_type"}:
        return f"'{invoer}' is geen getal."
    if soort == "string_too_short":
        return "deze tekst is leeg, maar is verplicht."
    if soort == "string_too_long":
        return f"deze tekst is te lang (maximaal {ctx.get('max_length')} tekens)."
    if soort in {"string_type", "dict_type", "list_type", "tuple_type", "model_type"}:
        return f"'{invoer}' heeft niet de verwachte vorm."
    if soort == "value_error":
        return str(ctx.get("error", fout["msg"]))
    return f"ongeldige waarde '{invoer}'."


def fouten(fout: ValidationError) -> list[tuple[tuple[Any, ...], str]]:
    """Alle fouten als (plaats, tekst)."""
    return [(tuple(f["loc"]), vertaal_fout(f)) for f in fout.errors()]
