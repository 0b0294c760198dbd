"""De plausibiliteitsregels: de tabel, de voorbeelden die in orde moeten blijven, IN TE VULLEN,
bevestigen en de rekenverantwoording."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from vangnet.cijfers import bereken_cijfers
from vangnet.cijfers.bronvergelijking import controleer_bronnen, vergelijk
from vangnet.data import plausibiliteit
from vangnet.data.dataset import laad_dataset
from vangnet.data.nieuwdossier import nieuw_dossier
from vangnet.data.nieuwjaar import nieuw_jaar
from vangnet.dossier.controle import volledige_controle
from vangnet.meldingen import Gegevensfout

from conftest import DATA, PROJECT
from hulp import zet_cel

BERGWAARD = PROJECT / "tests" / "fixtures" / "bergwaard"
GEVALLEN = yaml.safe_load((PROJECT / "tests" / "corpus" / "gevallen.yaml").read_text())


def test_elke_regel_heeft_naam_controle_melding_en_oplossing():
    assert len(plausibiliteit.REGELS) == len(plausibiliteit.REGEL) == 7
    for regel in plausibiliteit.REGELS:
        assert regel.naam.isidentifier()
        assert regel.controle.endswith(".") and regel.melding.endswith(".")
        assert regel.oplossing.endswith(".")
    assert plausibiliteit.BRONREGELS.issubset(plausibiliteit.REGEL)


def _bestanden_in_het_corpus(regel: str) -> set[str]:
    return {m.split(",")[0].split(":")[0] for g in GEVALLEN for m in g["meldingen"]
            if f"met regel: {regel}," in m}


@pytest.mark.parametrize(("regel", "minstens"), [
    ("duizendvoud", 4), ("tekort_buiten_marge", 1), ("delen_totaal", 1),
    ("aantallen_totaal", 3), ("categorie_spelling", 2), ("andere_bron", 1),
])
def test_het_corpus_dekt_elke_regel_op_meer_bestanden(regel: str, minstens: int):
    assert len(_bestanden_in_het_corpus(regel)) >= minstens, _bestanden_in_het_corpus(regel)


@pytest.mark.parametrize("map_", [DATA, BERGWAARD], ids=["zevenaar", "bergwaard"])
def test_de_voorbeelden_zijn_plausibel_zonder_bevestiging(map_: Path):
    dataset = laad_dataset(map_)
    assert plausibiliteit.controleer(dataset) == []
    assert dataset.dossier.bevestigd == ()
    cijfers = bereken_cijfers(dataset)
    assert controleer_bronnen(dataset, cijfers, vergelijk(dataset, cijfers)) == ([], [])


def test_een_factor_honderd_is_geen_duizendvoud(datakopie: Path):
    zet_cel(datakopie / "gemiddelde_kosten.csv", {"jaar": "2025"}, "gekorte_inkomsten", "30701")
    assert plausibiliteit.duizendvoud(laad_dataset(datakopie)) == []


def test_in_te_vullen_wordt_overgeslagen_en_de_rest_gecontroleerd(datakopie: Path):
    zet_cel(datakopie / "buig.csv", {"jaar": "2025"}, "budget_lks", "IN TE VULLEN")
    zet_cel(datakopie / "buig.csv", {"jaar": "2026"}, "budget_lks", "1661")
    with pytest.raises(Gegevensfout) as fout:
        laad_dataset(datakopie)
    assert [(m.rij, m.kolom) for m in fout.value.meldingen] == [(7, "budget_lks")]
    assert ("€ 1.661 is ongeveer 1.000 keer zo klein als in de jaren ernaast (2023: € 927.000, "
            "2024: € 1.184.000)") in str(fout.value.meldingen[0]).replace("\u00a0", " ")


def test_nieuw_dossier_en_nieuw_jaar_vol_in_te_vullen_zijn_plausibel(tmp_path: Path):
    nieuw_dossier(tmp_path / "nieuw", "Duinhaven", 2025)
    assert volledige_controle(tmp_path / "nieuw").in_orde
    shutil.copytree(DATA, tmp_path / "data")
    nieuw_jaar(tmp_path / "data", 2026)
    rapport = volledige_controle(tmp_path / "data")
    assert rapport.in_orde, rapport.fouten
    assert (tmp_path / "data" / "instroom.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_nieuw_jaar_op_een_dossier_met_alleen_de_verplichte_bestanden(tmp_path: Path):
    """Bergwaard heeft een buig.csv met alleen de verplichte kolommen: nieuw-jaar voegt geen
    kolommen toe (eerst: ValueError 'dict contains fields not in fieldnames', exit 3) en het
    dossier is daarna geldig, met het nieuwe jaar als open cellen."""
    map_ = tmp_path / "bergwaard"
    shutil.copytree(BERGWAARD, map_)
    kop_voor = (map_ / "buig.csv").read_text(encoding="utf-8").splitlines()[0]
    nieuw_jaar(map_, 2026)
    regels = (map_ / "buig.csv").read_text(encoding="utf-8-sig").splitlines()
    assert regels[0] == kop_voor
    assert regels[-1].startswith("2026,definitief,IN TE VULLEN,IN TE VULLEN,IN TE VULLEN,")
    rapport = volledige_controle(map_)
    assert rapport.in_orde, [str(f) for f in rapport.fouten]


def test_een_bevestiging_geldt_alleen_voor_haar_sleutel(datakopie: Path):
    pad = datakopie / "uitstroom.csv"
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.replace("2025,Verhuizing naar buitenland,",
                          "2025,Verhuizing naar het buitenland,")
    pad.write_text(tekst.replace("2025,Inkomsten uit arbeid,", "2025,Inkomsten uit arbied,"),
                   encoding="utf-8")
    with (datakopie / "dossier.yaml").open("a", encoding="utf-8") as f:
        f.write("bevestigd:\n  - regel: categorie_spelling\n    bestand: uitstroom.csv\n"
                "    sleutel: {reden: verhuizing naar HET buitenland}\n"
                "    reden: Sinds 2025 apart geregistreerd.\n")
    with pytest.raises(Gegevensfout) as fout:
        laad_dataset(datakopie)
    (melding,) = fout.value.meldingen
    assert "'Inkomsten uit arbied'" in melding.tekst


@pytest.mark.traag
def test_de_rekenverantwoording_noemt_de_bevestigde_uitzondering(datakopie: Path,
                                                                  tmp_path: Path):
    from vangnet.site.bouw import bouw

    geval = next(g for g in GEVALLEN
                 if g["naam"] == "bevestigde uitzondering wordt geaccepteerd en genoemd")
    from corpus_stappen import pas_toe

    for stap in geval["stappen"]:
        pas_toe(datakopie, stap)
    bouw(datakopie, tmp_path / "site", pdf=False)
    soep = BeautifulSoup((tmp_path / "site" / "rekenverantwoording" / "index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    tabel = soep.select_one("table.bevestigd")
    tekst = " ".join(tabel.get_text(" ").split())
    assert "categorie_spelling" in tekst
    assert "'Verhuizing naar het buitenland' komt alleen in 2025 voor" in tekst
    assert "De registratie splitst deze reden sinds 2025 (werkinstructie RSD)." in tekst


def test_zonder_bevestigingen_zegt_de_rekenverantwoording_dat(dataset):
    from vangnet.dossier.context import laad_context
    from vangnet.site.html import veilig
    from vangnet.site.verantwoording import bevestigingen

    html = bevestigingen(laad_context(DATA))
    assert "Dit dossier bevestigt geen uitzonderingen" in html
    # elke controle in woorden; de naam (zoals duizendvoud) alleen bij een bevestiging
    for regel in plausibiliteit.REGELS:
        assert str(veilig(regel.controle)) in html
        assert f"<code>{regel.naam}</code>" not in html



def test_een_heel_buig_bestand_in_duizenden_valt_op(tmp_path: Path):
    """Elk jaar in duizenden (Bergwaard: 18000000 wordt 18000): duizendvoud ziet niets, want de
    buren zijn ook in duizenden; te_klein_budget wel, met één melding per kolom."""
    map_ = tmp_path / "bergwaard"
    shutil.copytree(BERGWAARD, map_)
    regels = (map_ / "buig.csv").read_text(encoding="utf-8").splitlines()
    kop = regels[0].split(",")
    nieuw = [regels[0]]
    for regel in regels[1:]:
        cellen = regel.split(",")
        for kolom in ("budget", "kosten"):
            i = kop.index(kolom)
            if cellen[i]:
                cellen[i] = str(int(cellen[i]) // 1000)
        nieuw.append(",".join(cellen))
    (map_ / "buig.csv").write_text("\n".join(nieuw) + "\n", encoding="utf-8")
    fouten = [str(f).replace("\xa0", " ") for f in volledige_controle(map_).fouten]
    regelmeldingen = [f for f in fouten if "te_klein_budget" in f]
    assert len(regelmeldingen) == 2, fouten
    assert regelmeldingen[0].startswith(
        "buig.csv, rij 2, kolom 'budget': elk bedrag in de kolom budget is kleiner dan € 50.000 "
        "(2022: € 18.000, 2023: € 18.500")
    assert not [f for f in fouten if "duizendvoud" in f]
