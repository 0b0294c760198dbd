"""Bronvermeldingen zoals een lezer ze ziet: het brondocument, niet het gegevensbestand, en bij
een paragraaf van het brondocument die in het dossier anders genummerd is ook het nummer hier.

De gegevens noemen hun bron per rij ("Rapport vangnet 2025, § 4.7 (tabel ...)"). Een tabel of
grafiek noemt onder zich de documenten waar haar gegevens vandaan komen, kort en zonder
dubbelen: "Rapport vangnet 2025, § 4.1 en § 6.1". Staat in ``dossier.yaml`` bij een bron welke
paragrafen anders genummerd zijn (``paragrafen``), dan komt er "(hier § 4.6)" achter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from vangnet.data.dataset import Dataset
from vangnet.dossier.structuur import HOOFDSTUK_PER_ID, PARAGRAAF_PER_ID
from vangnet.meldingen import Melding
from vangnet.tabellen.definities import brondocumenten

if TYPE_CHECKING:
    from vangnet.dossier.structuur import Indeling

_BESTAND = re.compile(r"(?:vangnet/referentie/)?\b([a-z][a-z_]*)\.csv\b(?: \(([^()]*)\))?")
_PARAGRAAF = re.compile(r"^(?P<document>.+?), § ?(?P<nummer>\d+(?:\.\d+)?)(?P<rest>.*)$")


def documenten(dataset: Dataset, stam: str) -> list[str]:
    """De brondocumenten van de rijen van een tabel, kort en zonder dubbelen."""
    if not dataset.heeft(stam):
        return []
    tabel = dataset.tabel(stam)
    kolom = next((k for k in ("bron", "bron_document") if k in tabel), None)
    return brondocumenten(tabel[kolom]) if kolom else []


def _paragraaf_hier(dataset: Dataset, indeling: Indeling | None, document: str,
                    nummer: str) -> str | None:
    """Het nummer in dit dossier van paragraaf ``nummer`` van ``document``, als dat anders is."""
    if indeling is None:
        return None
    for bron in dataset.dossier.bronnen:
        if bron.kort and bron.kort == document and nummer in bron.paragrafen:
            id_ = bron.paragrafen[nummer]
            if id_ in indeling and indeling[id_].nummer != nummer:
                return indeling[id_].nummer
    return None


def _samenvoegen(delen: Iterable[str], dataset: Dataset, indeling: Indeling | None) -> str:
    """'Rapport 2025, § 4.1', 'Rapport 2025, § 6.1' → 'Rapport 2025, § 4.1 en § 6.1'."""
    groepen: dict[str, list[str]] = {}
    for deel in dict.fromkeys(d.strip() for d in delen if d.strip()):
        m = _PARAGRAAF.match(deel)
        if not m:
            groepen.setdefault(deel, [])
            continue
        nummer = f"§ {m['nummer']}"
        hier = _paragraaf_hier(dataset, indeling, m["document"], m["nummer"])
        if hier:
            nummer += f" (hier § {hier})"
        groepen.setdefault(m["document"], []).append(nummer + m["rest"])
    teksten = []
    for document, paragrafen in groepen.items():
        unieke = sorted(dict.fromkeys(paragrafen), key=_volgorde)
        teksten.append(document if not unieke else f"{document}, " + _opsomming(unieke))
    return "; ".join(teksten)


def _volgorde(paragraaf: str) -> tuple[int, ...]:
    """'§ 4.10' na '§ 4.9'."""
    m = re.match(r"§ (\d+(?:\.\d+)*)", paragraaf)
    return tuple(int(d) for d in m.group(1).split(".")) if m else (0,)


def _opsomming(delen: list[str]) -> str:
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def leesbare_bron(tekst: str, dataset: Dataset, indeling: Indeling | None = None) -> str:
    """Een bronvermelding voor de lezer: bestandsnamen vervangen door hun brondocumenten,
    dubbelen weg, paragrafen samengevoegd en waar nodig vertaald naar dit dossier."""
    delen: list[str] = []

    def vervang(m: re.Match[str]) -> str:
        delen.extend(m.group(2).split("; ") if m.group(2) else
                     documenten(dataset, m.group(1)) or ["gegevens van de gemeente"])
        return "\0"

    rest = _BESTAND.sub(vervang, tekst)
    for stuk in rest.split("\0"):
        stuk = re.sub(r"^(?:en|;|,)(?:\s+|$)|\s+(?:en|;|,)$", "", stuk.strip()).strip()
        delen += [s for s in stuk.split("; ") if s.strip()]
    return _samenvoegen(delen, dataset, indeling) or tekst


def onbekende_paragrafen(dataset: Dataset) -> list[Melding]:
    """Paragrafen in ``bronnen[].paragrafen`` van ``dossier.yaml`` die het dossier niet kent."""
    meldingen = []
    for i, bron in enumerate(dataset.dossier.bronnen):
        for nummer, id_ in bron.paragrafen.items():
            if id_ not in PARAGRAAF_PER_ID and id_ not in HOOFDSTUK_PER_ID:
                meldingen.append(Melding(
                    "dossier.yaml", f"de paragraaf '{id_}' bij § {nummer} van '{bron.titel}' "
                    "bestaat niet.", kolom=f"bronnen.{i}.paragrafen",
                    oplossing="Gebruik een paragraaf van het dossier, zoals oorzaken.lks; de "
                    "pagina Gegevensformaat noemt ze."))
    return meldingen
