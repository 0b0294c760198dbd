"""De vingerafdruk van een gegevensmap: sleutel voor caches (licht: laadt geen pandas)."""

from __future__ import annotations

import hashlib
from pathlib import Path


def gegevensafdruk(map_: Path) -> str:
    """SHA-256 over namen en inhoud van alle gegevensbestanden in ``map_``."""
    h = hashlib.sha256()
    for pad in sorted(Path(map_).glob("*")):
        if pad.suffix in {".csv", ".yaml", ".yml"} and pad.is_file():
            h.update(pad.name.encode())
            h.update(pad.read_bytes())
    return h.hexdigest()
