"""Cachebestanden die zichzelf controleren: een afgebroken of beschadigd bestand telt als leeg.

Elke cache van vangnet (ingevulde pagina's, de herkomst, grafieken, PDF's) bewaart een bestand
onder een sleutel die uit de inhoud van de invoer volgt. Die sleutel zegt niets over het
bestand zelf: een schijf die vol raakte, een afgebroken kopie of iemand die een bestand inkort,
zou anders ongemerkt een halve pagina of een kapotte PDF opleveren. Daarom staat achter de
inhoud een controleregel met de SHA-256 van die inhoud. :func:`lees` geeft de inhoud alleen
als die klopt; anders verwijdert hij het bestand en geeft ``None``, zodat de bouw het opnieuw
maakt. Schrijven gebeurt via een tijdelijk bestand en een hernoeming (nooit half zichtbaar); een
cache die niet kan worden geschreven, maakt de bouw alleen trager. Wat :data:`BEWAARDAGEN` dagen
niet is gebruikt, ruimt elke ``vangnet bouw`` op (:func:`opruimen`), zodat de cache niet
onbeperkt groeit.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import time
from pathlib import Path

_STAART = b"\nvangnet-cache sha256="
_LENGTE = len(_STAART) + 64 + 1  # de controleregel: staart, 64 hexadecimale tekens, "\n"


def _hash(pad: Path, inhoud: bytes) -> bytes:
    """SHA-256 over de naam en de inhoud: een geldig bestand dat over een ander is gekopieerd,
    klopt dus niet (de naam is de sleutel)."""
    return hashlib.sha256(pad.name.encode() + b"\0" + inhoud).hexdigest().encode()


def schrijf_atomair(pad: Path, inhoud: bytes) -> None:
    """Schrijf ``inhoud`` via een tijdelijk bestand en een hernoeming: ``pad`` is nooit half
    geschreven te zien. :raises OSError: als het niet lukt."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_name(f".{pad.name}.{os.getpid()}.tmp")
    tijdelijk.write_bytes(inhoud)
    tijdelijk.replace(pad)


def schrijf(pad: Path, inhoud: bytes) -> None:
    """Bewaar ``inhoud`` in ``pad`` met een controleregel erachter (atomair)."""
    with contextlib.suppress(OSError):
        schrijf_atomair(pad, inhoud + _STAART + _hash(pad, inhoud) + b"\n")


def lees(pad: Path) -> bytes | None:
    """De inhoud van een cachebestand, of ``None`` als het ontbreekt of niet klopt (dan is het
    bestand ook verwijderd)."""
    try:
        ruw = pad.read_bytes()
    except OSError:
        return None
    inhoud, controle = ruw[:-_LENGTE], ruw[-_LENGTE:]
    if (len(ruw) >= _LENGTE and controle.startswith(_STAART) and controle.endswith(b"\n")
            and controle[len(_STAART):-1] == _hash(pad, inhoud)):
        with contextlib.suppress(OSError):
            os.utime(pad)  # in gebruik: blijft staan bij het opruimen
        return inhoud
    with contextlib.suppress(OSError):
        pad.unlink(missing_ok=True)
    return None


def schrijf_tekst(pad: Path, tekst: str) -> None:
    """:func:`schrijf` voor tekst (UTF-8)."""
    schrijf(pad, tekst.encode("utf-8"))


def lees_tekst(pad: Path) -> str | None:
    """:func:`lees` voor tekst (UTF-8); ``None`` ook als de bytes geen UTF-8 zijn."""
    inhoud = lees(pad)
    if inhoud is None:
        return None
    try:
        return inhoud.decode("utf-8")
    except UnicodeDecodeError:
        with contextlib.suppress(OSError):
            pad.unlink(missing_ok=True)
        return None


BEWAARDAGEN = 30
"""Een cachebestand dat zo lang niet is gebruikt, ruimt :func:`opruimen` op."""


SUBMAPPEN = ("paginas", "jinja", "svg", "pdf")
"""De mappen in de cache met bestanden die :func:`schrijf` maakt."""
_EIGEN = re.compile(r"[0-9a-f]{64}\.(?:md|meta\.json|herkomst\.json|code|svg|pdf)"
                    r"|\..+\.\d+\.tmp")


def opruimen(map_: Path, dagen: int = BEWAARDAGEN) -> int:
    """Verwijder cachebestanden van vangnet onder ``map_`` die ``dagen`` dagen niet zijn
    geschreven of gelezen (en achtergebleven tijdelijke bestanden); geeft het aantal.

    Alleen in :data:`SUBMAPPEN` en alleen bestanden met een naam zoals vangnet ze maakt (een
    SHA-256 met een bekende extensie): wijst ``VANGNET_CACHE`` per vergissing naar een map met
    andere bestanden, dan blijven die staan. Een fout bij het opruimen stopt niets."""
    grens = time.time() - dagen * 86400
    weg = 0
    for submap in SUBMAPPEN:
        try:
            paden = list((map_ / submap).iterdir())
        except OSError:
            continue
        for pad in paden:
            try:
                if (_EIGEN.fullmatch(pad.name) and pad.is_file()
                        and pad.stat().st_mtime < grens):
                    pad.unlink()
                    weg += 1
            except OSError:
                continue
    return weg
