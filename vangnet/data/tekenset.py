"""Tekst die door een verkeerde tekenset is verminkt (mojibake) herkennen, met ftfy.

Wie een UTF-8-bestand opent als Windows-1252 en opnieuw opslaat, krijgt 'BeÃ«indiging' in plaats
van 'Beëindiging' en 'Â§' in plaats van '§'. Zo'n bestand is geldige UTF-8 en komt dus door
elke controle op de tekenset; alleen de tekst zelf verraadt het. ftfy (een bekende bibliotheek
voor precies dit probleem) herkent de typische patronen en geeft de waarschijnlijke oorspronkelijke
tekst. Een vervangingsteken '�' (U+FFFD) betekent dat een teken al bij het opslaan verloren ging.
"""

from __future__ import annotations

VERVANGINGSTEKEN = "\ufffd"


def herstel(tekst: str) -> str | None:
    """De waarschijnlijke oorspronkelijke tekst als ``tekst`` mojibake bevat, anders ``None``."""
    if tekst.isascii():
        return None
    import ftfy  # pas laden als er niet-ASCII-tekst is

    hersteld = ftfy.fix_encoding(tekst)
    return hersteld if hersteld != tekst else None


def kort(tekst: str, lengte: int = 60) -> str:
    """Een lange tekst ingekort voor een melding."""
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def verminkt(tekst: str, csv: bool = True) -> tuple[str, str] | None:
    """Een korte uitleg en een oplossing als de tekst verminkt is, anders ``None``; ``csv``
    kiest de oplossing voor een spreadsheet, anders voor een teksteditor (YAML, Markdown)."""
    opslaan = ("sla het bestand op als UTF-8 ('CSV UTF-8' in Excel, tekenset 'Unicode (UTF-8)' "
               "in LibreOffice)" if csv else "sla het bestand in uw teksteditor op als UTF-8")
    if VERVANGINGSTEKEN in tekst:
        return ("bevat '\ufffd': een teken dat bij het opslaan in een verkeerde tekenset verloren "
                "is gegaan.", f"Typ de tekst opnieuw en {opslaan}.")
    hersteld = herstel(tekst)
    if hersteld is None:
        return None
    return (f"lijkt verminkt door opslaan in een verkeerde tekenset; waarschijnlijk staat er "
            f"'{kort(hersteld)}'.", f"Verbeter de tekst en {opslaan}.")
