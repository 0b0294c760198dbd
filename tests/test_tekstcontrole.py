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


def test_verschil_van_nul_is_geen_bedrag_met_een_richting():
    """'€ 0 niet meer of minder' leest krom: bij nul alleen het woord voor gelijk."""
    from types import SimpleNamespace

    from vangnet.dossier.context import laad_context
    from vangnet.site.macros import Macros

    macros = Macros(laad_context(DATA), lambda: SimpleNamespace(url="dossier/oorzaken/"))
    assert macros.verschil("vangnet.regulier.uitkering", 2025) == "niet meer of minder"
    assert macros.verschil("vangnet.regulier.uitkering", 2025, "meer", "minder",
                           "evenveel") == "evenveel"
    tekort = str(macros.verschil("buig.tekort", 2025))
    # 14.968.000 − 14.176.798 = 791.202, in lopende tekst op duizendtallen, met een link
    assert tekort.endswith(">€\xa0791.000</a> meer"), tekort


def test_bron_van_een_gegeven_en_van_een_parameter():
    from types import SimpleNamespace

    import pytest

    from vangnet.dossier.context import laad_context
    from vangnet.site.macros import Macros

    macros = Macros(laad_context(DATA), lambda: SimpleNamespace(url="dossier/doorrekening/"))
    import html

    # kort: zonder de toelichting tussen haakjes uit doorrekening.yaml
    assert html.unescape(macros.bron("aanname.uren_per_week")) == "Rapport vangnet 2025, § 6.2"
    assert "Stb. 2025, 222" in macros.bron("vangnet.uitgebreid.tarief_1", 2025)
    with pytest.raises(ValueError, match="geen eigen bron"):
        macros.bron("buig.tekort", 2025)


def test_aantal_met_enkelvoud_en_meervoud():
    from types import SimpleNamespace

    from vangnet.dossier.context import laad_context
    from vangnet.site.macros import Macros

    macros = Macros(laad_context(DATA), lambda: SimpleNamespace(url="dossier/maatregelen/"))
    # het voorbeeld: 1 externe en 8 interne getroffen maatregelen
    assert str(macros.aantal("maatregelen.getroffen_extern", "maatregel", "maatregelen")) \
        .endswith(">1</a> maatregel")
    assert str(macros.aantal("maatregelen.getroffen_intern", "maatregel", "maatregelen")) \
        .endswith(">8</a> maatregelen")
