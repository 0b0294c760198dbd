"""De vingerafdruk van een gegevensmap: sleutel voor caches (licht: laadt geen pandas)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from vangnet.meldingen import Gegevensfout, Melding


def afdrukpaden(map_: Path) -> list[Path]:
    """De bestanden die de vingerafdruk bepalen: alle gegevensbestanden (CSV, YAML) en de eigen
    teksten in ``map_``, gesorteerd."""
    map_ = Path(map_)
    paden = [p for p in map_.glob("*") if p.suffix in {".csv", ".yaml", ".yml"}]
    paden += list(map_.glob("teksten/*"))
    return [p for p in sorted(paden) if p.is_file()]


def afdruk_van(map_: Path, inhoud: Mapping[Path, bytes]) -> str:
    """SHA-256 over namen en inhoud (``pad → bytes``, paden in ``map_``)."""
    h = hashlib.sha256()
    for pad in sorted(inhoud):
        h.update(str(pad.relative_to(map_)).encode())
        h.update(inhoud[pad])
    return h.hexdigest()


def gegevensafdruk(map_: Path) -> str:
    """SHA-256 over namen en inhoud van alle gegevensbestanden en eigen teksten in ``map_``."""
    map_ = Path(map_)
    return afdruk_van(map_, {pad: pad.read_bytes() for pad in afdrukpaden(map_)})


def gewijzigd_tijdens_bouwen(map_: Path, wat: str = "de site") -> Gegevensfout:
    """De fout als de gegevens in ``map_`` veranderden terwijl ``wat`` werd gebouwd."""
    return Gegevensfout([Melding(
        str(map_), f"de gegevens zijn tijdens het bouwen gewijzigd; {wat} kan cijfers van voor "
        "en na die wijziging bevatten en is daarom niet gebruikt.",
        oplossing="Bouw opnieuw als alle bestanden zijn opgeslagen.")])
