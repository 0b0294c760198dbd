"""De brief, het Word-bestand en het formulier in een tweede proces (zie ``maak_alles``).

Een gewoon nieuw Python-proces (``python -m vangnet.site.pdf.tweede``), geen
``multiprocessing``: dat laadt in het nieuwe proces het hoofdscript opnieuw, en een script dat
``maak_alles`` zonder ``if __name__ == "__main__"`` aanroept, zou dan zichzelf opnieuw
starten. Het proces krijgt de paden mee en schrijft zijn uitkomst (de paden, of de fout) als
pickle in een tijdelijk bestand dat alleen dit proces en zijn ouder kennen.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path


def start(site: Path, data: Path, cache: Path | None, gegevens: str | None = None
          ) -> Callable[..., dict[str, Path]]:
    """Start het tweede proces; geeft een functie die wacht en de paden geeft (of de fout van
    het proces opwerpt). ``wacht(afbreken=True)`` stopt het proces zonder uitkomst."""
    map_ = tempfile.TemporaryDirectory(prefix="vangnet-pdf-")
    uitkomst = Path(map_.name) / "uitkomst.pickle"
    # dezelfde modules als dit proces: het zoekpad gaat mee
    omgeving = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    proces = subprocess.Popen(
        [sys.executable, "-m", "vangnet.site.pdf.tweede", str(site), str(data),
         str(cache) if cache is not None else "", gegevens or "", str(uitkomst)],
        env=omgeving)

    def wacht(afbreken: bool = False) -> dict[str, Path]:
        try:
            if afbreken:
                proces.kill()
                proces.wait()
                return {}
            code = proces.wait()
            if not uitkomst.exists():
                raise RuntimeError(f"het tweede proces voor de brief en het formulier stopte "
                                   f"zonder uitkomst (code {code})")
            gelukt, waarde = pickle.loads(uitkomst.read_bytes())
        finally:
            map_.cleanup()
        if not gelukt:
            raise waarde
        return waarde

    return wacht


def main(argv: list[str]) -> int:
    site, data, cache, gegevens, uitkomst = argv
    try:
        from vangnet.site.pdf import brief_en_formulier

        uit: tuple[bool, object] = (True, brief_en_formulier(
            Path(site), Path(data), Path(cache) if cache else None, gegevens or None))
    except BaseException as fout:  # elke fout gaat terug naar de ouder
        try:
            pickle.dumps(fout)
            uit = (False, fout)
        except Exception:
            uit = (False, RuntimeError(traceback.format_exc()))
    Path(uitkomst).write_bytes(pickle.dumps(uit))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
