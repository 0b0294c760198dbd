"""Bronnen van vangnet zelf (parameters, beoordelingskader, meegeleverde reeksen) zoals een lezer
van een dossier ze ziet.

Een deel van de parameters en van de meegeleverde landelijke LKS-reeks is ontleend aan de
documenten van het voorbeelddossier (het onderzoeksrapport en de raadsinformatiebrief van de
gemeente in ``data/``). In de bestanden van vangnet staat zo'n bron met het voorvoegsel
``(voorbeelddossier)`` ("(voorbeelddossier) Rapport vangnet 2025, § 6.2"). In het dossier van die
gemeente zelf is dat gewoon haar eigen rapport; in het dossier van elke andere gemeente staat
erbij dat het om het voorbeelddossier van vangnet gaat, zodat niemand denkt dat het om een
rapport van de eigen gemeente gaat: "Rapport vangnet 2025 uit het voorbeelddossier van vangnet,
§ 6.2" (zonder haakjes: een korte bronvermelding onder een tabel laat toelichtingen tussen
haakjes weg).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from vangnet.regels.parameters import Referentie

VOORVOEGSEL = "(voorbeelddossier)"
UITLEG = "uit het voorbeelddossier van vangnet"
_DOCUMENT = re.compile(r"^(?P<document>.+?)(?P<rest>(?:, §.*| \(.*)?)$")


def eigen_documenten(bronnen: Iterable[object]) -> frozenset[str]:
    """De korte namen en titels van de bronnen in ``dossier.yaml`` (``bronnen``)."""
    namen: set[str] = set()
    for bron in bronnen:
        for veld in ("kort", "titel"):
            waarde = getattr(bron, veld, None)
            if waarde:
                namen.add(str(waarde).strip())
    return frozenset(namen)


def toon_bron(tekst: str, eigen: Collection[str]) -> str:
    """Een bronvermelding met delen gescheiden door ``; ``: elk deel met het voorvoegsel
    ``(voorbeelddossier)`` verliest het voorvoegsel, en krijgt "uit het voorbeelddossier van
    vangnet" achter de documentnaam als het dossier dat document niet zelf als bron noemt."""
    if VOORVOEGSEL not in tekst:
        return tekst
    delen = []
    for deel in tekst.split("; "):
        kaal = deel.strip()
        if not kaal.lower().startswith(VOORVOEGSEL):
            delen.append(deel)
            continue
        kaal = kaal[len(VOORVOEGSEL):].strip()
        m = _DOCUMENT.match(kaal)
        document, rest = (m["document"], m["rest"]) if m else (kaal, "")
        delen.append(kaal if document in eigen else f"{document} {UITLEG}{rest}")
    return "; ".join(delen)


def toon_referenties(referenties: Iterable[Referentie], eigen: Collection[str]
                     ) -> tuple[Referentie, ...]:
    """:func:`toon_bron` voor elke referentie."""
    return tuple(Referentie(toon_bron(r.titel, eigen), r.href) for r in referenties)
