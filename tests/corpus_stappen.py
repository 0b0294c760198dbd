"""Wijzigingen voor het corpus met kapotte invoer (tests/corpus/gevallen.yaml)."""

from __future__ import annotations

from pathlib import Path

from hulp import zet_cel


def pas_toe(map_: Path, stap: dict) -> None:
    """Voer één wijziging uit op een kopie van de gegevensmap."""
    soort = stap["soort"]
    pad = map_ / stap["bestand"]
    if soort == "tekst":
        inhoud = pad.read_text(encoding="utf-8")
        assert stap["van"] in inhoud, f"'{stap['van']}' staat niet in {pad.name}"
        pad.write_text(inhoud.replace(stap["van"], stap["naar"], stap.get("aantal", -1)),
                       encoding="utf-8")
    elif soort == "cel":
        zet_cel(pad, stap["waar"], stap["kolom"], str(stap["waarde"]))
    elif soort == "inhoud":
        pad.write_text(stap["tekst"], encoding="utf-8")
    elif soort == "verwijder":
        pad.unlink()
    elif soort == "codering":
        pad.write_bytes(pad.read_text(encoding="utf-8").encode(stap["codering"]))
    elif soort == "bytes":
        # ruwe bytes, als hexadecimale tekst: "504b0304..." (een werkmap, een kapotte UTF-16)
        pad.write_bytes(bytes.fromhex(stap["hex"]))
    elif soort == "kap_af":
        pad.write_bytes(pad.read_bytes()[: -stap["bytes"]])
    elif soort == "regel_ervoor":
        pad.write_bytes(stap["regel"].encode("utf-8") + b"\n" + pad.read_bytes())
    elif soort == "bom":
        pad.write_bytes(b"\xef\xbb\xbf" + pad.read_bytes())
    elif soort == "regel_weg":
        regels = pad.read_text(encoding="utf-8").splitlines(keepends=True)
        over = [r for r in regels if stap["bevat"] not in r]
        assert len(over) < len(regels), f"geen regel met '{stap['bevat']}' in {pad.name}"
        pad.write_text("".join(over), encoding="utf-8")
    elif soort == "regel_erbij":
        inhoud = pad.read_text(encoding="utf-8")
        pad.write_text(inhoud.rstrip("\n") + "\n" + stap["regel"] + "\n", encoding="utf-8")
    elif soort == "scheidingsteken":
        inhoud = pad.read_text(encoding="utf-8")
        pad.write_text(inhoud.replace(",", stap["teken"]), encoding="utf-8")
    elif soort == "kopieer":
        # een bestand uit een ander dossier (bijvoorbeeld tests/fixtures/bergwaard)
        pad.write_bytes((Path(__file__).parent.parent / stap["van"]).read_bytes())
    else:
        raise ValueError(f"onbekende stap {soort}")
