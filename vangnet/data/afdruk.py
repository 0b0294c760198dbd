"""De vingerafdruk van een gegevensmap: sleutel voor caches (licht: laadt geen pandas)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from vangnet.meldingen import Gegevensfout, Melding


def gegevensafdruk(map_: Path) -> str:
    """SHA-256 over namen en inhoud van alle gegevensbestanden en eigen teksten in ``map_``."""
    h = hashlib.sha256()
    map_ = Path(map_)
    paden = [p for p in map_.glob("*") if p.suffix in {".csv", ".yaml", ".yml"}]
    paden += list(map_.glob("teksten/*"))
    for pad in sorted(paden):
        if pad.is_file():
            h.update(str(pad.relative_to(map_)).encode())
            h.update(pad.read_bytes())
    return h.hexdigest()


def gewijzigd_tijdens_bouwen(map_: Path, wat: str = "de site") -> Gegevensfout:
    """De fout als de gegevens in ``map_`` veranderden terwijl ``wat`` werd gebouwd."""
    return Gegevensfout([Melding(
        str(map_), f"de gegevens zijn tijdens het bouwen gewijzigd; {wat} kan cijfers van voor "
        "en na die wijziging bevatten en is daarom niet gebruikt.",
        oplossing="Bouw opnieuw als alle bestanden zijn opgeslagen.")])
