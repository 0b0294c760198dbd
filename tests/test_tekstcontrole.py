"""De controle vooraf van de eigen teksten (vangnet/dossier/tekstcontrole.py)."""

from __future__ import annotations

from pathlib import Path

from vangnet.dossier.context import laad_context
from vangnet.dossier.tekstcontrole import MACRONAMEN, controleer_teksten
from vangnet.site import snel

from conftest import DATA


def test_de_macronamen_zijn_gelijk_aan_die_van_de_site():
    assert snel.MACRONAMEN == MACRONAMEN


def test_de_eigen_teksten_van_het_voorbeeld_zijn_in_orde():
    assert controleer_teksten(laad_context(DATA)) == []


def test_het_regelnummer_telt_de_kop_mee(datakopie: Path):
    pad = datakopie / "teksten" / "oorzaken.beheer.md"
    pad.write_text('---\nherzien: 2025\n---\n\nEerste zin.\n\n'
                   'Zie {{ cijfer("buig.tekrot", t) }}.\n', encoding="utf-8")
    (melding,) = controleer_teksten(laad_context(datakopie))
    assert str(melding).startswith(
        "teksten/oorzaken.beheer.md, rij 7: de tekst verwijst naar het cijfer 'buig.tekrot.2025', "
        "maar dat bestaat niet in dit dossier.")


def test_een_keuze_op_bestaat_maakt_een_verwijzing_veilig(datakopie: Path):
    pad = datakopie / "teksten" / "oorzaken.beheer.md"
    pad.write_text('{% if bestaat("kengetal.nergens") %}{{ cijfer("kengetal.nergens") }}'
                   '{% endif %} en {{ tekst("buig.tekort", t) }}.\n', encoding="utf-8")
    assert controleer_teksten(laad_context(datakopie)) == []


def test_een_bijna_goede_id_krijgt_een_suggestie(datakopie: Path):
    """'buig.tekrot.2025' lijkt sterk op 'buig.tekort.2025'; 'kengetal.nergens' op niets."""
    pad = datakopie / "teksten" / "oorzaken.beheer.md"
    pad.write_text('Zie {{ cijfer("buig.tekrot", t) }} en {{ cijfer("kengetal.nergens") }}.\n',
                   encoding="utf-8")
    meldingen = controleer_teksten(laad_context(datakopie))
    assert len(meldingen) == 1  # de eerste ontbrekende verwijzing stopt de proef
    assert "Bedoelt u 'buig.tekort.2025'?" in meldingen[0].oplossing
    pad.write_text('Zie {{ cijfer("kengetal.nergens") }}.\n', encoding="utf-8")
    (melding,) = controleer_teksten(laad_context(datakopie))
    assert "Bedoelt u" not in melding.oplossing
