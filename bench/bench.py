"""Benchmark: wat kost de gegevensgestuurde bouw ten opzichte van een gewone MkDocs-bouw?

Meet in één run, met herhalingen (minimum en mediaan):

(a) ``mkdocs build`` van het volledige dossier (met macro's), elke keer in een nieuw proces:
    warm (de ingevulde pagina's staan al in de cache, zoals bij elke herbouw waarin alleen
    iets anders dan de gegevens en de code veranderde) en koud (lege cache: alles berekend,
    alle grafieken gerenderd);
(b) ``mkdocs build`` van dezelfde, al ingevulde Markdown zonder macro's: de ondergrens;
(c) de PDF-stap (zonder cache);
(d) de tijd van het opslaan van een gegevensbestand tot de opnieuw gebouwde site, zoals
    ``mkdocs serve`` die doet (warm proces);
(e) de vangnetberekening voor synthetische gemeenten × jaren, via de Python-API en via de CLI.

(a) en (b) worden om en om gedraaid; de verhouding (a)/(b) wordt per paar berekend, zodat een
drukke machine beide even hard raakt. Het resultaat komt in ``bench/resultaten/bench.json``.

Gebruik: ``.venv/bin/python bench/bench.py [--herhalingen 5] [--gemeenten 350]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
PYTHON = sys.executable


def _omgeving(**extra: str) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra)
    return env


def _proces(args: list[str], env: dict[str, str]) -> float:
    begin = time.perf_counter()
    subprocess.run(args, cwd=PROJECT, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - begin


def _samenvatting(tijden: list[float]) -> dict[str, float]:
    return {"min": round(min(tijden), 3), "mediaan": round(statistics.median(tijden), 3),
            "max": round(max(tijden), 3), "n": len(tijden)}


def maak_ondergrens(werk: Path) -> Path:
    """Bouw één keer met macro's en schrijf de ingevulde Markdown naar een eigen docs-map,
    met een mkdocs.yml zonder de macros-plugin."""
    docs = werk / "ondergrens" / "docs"
    shutil.copytree(PROJECT / "docs", docs, ignore=shutil.ignore_patterns("*.md"))
    import yaml

    with (PROJECT / "mkdocs.yml").open(encoding="utf-8") as f:
        config = yaml.safe_load(f)
    config["hooks"] = [str(PROJECT / "bench" / "markdown_dump.py")]
    # mkdocs-macros zoekt macros.py naast het configuratiebestand: zet dat dus in het project
    tijdelijke_config = PROJECT / ".bench-met-dump.yml"
    config["docs_dir"] = str(PROJECT / "docs")
    config["theme"]["custom_dir"] = str(PROJECT / "overrides")
    config["watch"] = []
    tijdelijke_config.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                 encoding="utf-8")
    try:
        subprocess.run([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(tijdelijke_config),
                        "-d", str(werk / "dump-site")], cwd=PROJECT, check=True,
                       env=_omgeving(VANGNET_DUMP=str(docs)))
    finally:
        tijdelijke_config.unlink(missing_ok=True)
    config.pop("hooks")
    config["docs_dir"] = str(docs)
    # de ondergrens: gewone MkDocs, zonder de plugins vangnet en macros
    config["plugins"] = {naam: opties for naam, opties in config["plugins"].items()
                         if naam not in ("macros", "vangnet")}
    config["site_name"] = "Vangnetuitkering"
    config["extra"] = {"concept": "De aanvraag is nog niet compleet."}
    ondergrens = werk / "ondergrens" / "mkdocs.yml"
    ondergrens.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                          encoding="utf-8")
    return ondergrens


def meet_bouw(werk: Path, herhalingen: int) -> dict:
    ondergrens = maak_ondergrens(werk)
    env = _omgeving()
    volledig, koud, vloer, verhoudingen, verhoudingen_koud = [], [], [], [], []
    for i in range(herhalingen + 1):
        a = _proces([PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(werk / "a")], env)
        leeg = _omgeving(VANGNET_CACHE=str(werk / f"koud-{i}"))
        a_koud = _proces([PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(werk / "a")], leeg)
        b = _proces([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(ondergrens), "-d",
                     str(werk / "b")], env)
        if i == 0:
            continue  # opwarmen (schijfcache van het besturingssysteem, gevulde vangnet-cache)
        volledig.append(a)
        koud.append(a_koud)
        vloer.append(b)
        verhoudingen.append(a / b)
        verhoudingen_koud.append(a_koud / b)
    return {"a_volledig": _samenvatting(volledig), "a_koud": _samenvatting(koud),
            "b_ondergrens": _samenvatting(vloer),
            "verhouding_a_b": _samenvatting(verhoudingen),
            "verhouding_a_koud_b": _samenvatting(verhoudingen_koud)}


def meet_pdf(werk: Path, herhalingen: int) -> dict:
    from vangnet.site.bouw import mkdocs_bouw
    from vangnet.site.pdf import maak_pdf

    site = werk / "pdf-site"
    mkdocs_bouw(DATA, site)
    tijden = []
    for i in range(herhalingen):
        cache = werk / f"pdf-cache-{i}"
        begin = time.perf_counter()
        pdf = maak_pdf(site, DATA, cache=cache)
        tijden.append(time.perf_counter() - begin)
    from pypdf import PdfReader

    begin = time.perf_counter()
    maak_pdf(site, DATA, cache=werk / "pdf-cache-0")
    met_cache = time.perf_counter() - begin
    return {"c_pdf": _samenvatting(tijden), "c_pdf_uit_cache": round(met_cache, 3),
            "paginas": len(PdfReader(pdf).pages)}


def meet_herbouw(werk: Path, herhalingen: int) -> dict:
    """Warm proces, zoals mkdocs serve: gegevens wijzigen en opnieuw bouwen."""
    from vangnet.site.bouw import mkdocs_bouw

    data = werk / "herbouw-data"
    shutil.copytree(DATA, data)
    site = werk / "herbouw-site"
    mkdocs_bouw(data, site)  # opwarmen: imports en caches
    pad = data / "buig.csv"
    origineel = pad.read_text(encoding="utf-8")
    tijden = []
    for i in range(herhalingen):
        extra = 1000 * (i + 1)
        pad.write_text(origineel.replace("14968000", str(14968000 + extra))
                       .replace("13349000", str(13349000 + extra)), encoding="utf-8")
        begin = time.perf_counter()
        mkdocs_bouw(data, site)
        tijden.append(time.perf_counter() - begin)
        inhoud = (site / "dossier" / "tekort" / "index.html").read_text(encoding="utf-8")
        assert f"{(14968 + i + 1):,}".replace(",", ".") in inhoud, "pagina niet bijgewerkt"
    return {"d_herbouw_na_wijziging": _samenvatting(tijden)}


def maak_gemeenten(werk: Path, aantal: int) -> list[Path]:
    """Synthetische gemeenten: de ingebedde gegevens met willekeurige budgetten en kosten over
    tien jaren (2019–2028)."""
    import csv

    rng = random.Random(20260225)
    mappen = []
    for g in range(aantal):
        map_ = werk / "gemeenten" / f"g{g:03d}"
        shutil.copytree(DATA, map_)
        (map_ / "rapportwaarden.csv").unlink()
        budget = rng.uniform(2e6, 80e6)
        rijen = []
        for jaar in range(2017, 2030):
            b = round(budget * (1.04 ** (jaar - 2017)))
            lks = round(b * rng.uniform(0.05, 0.15))
            k = round(b * (1 + rng.uniform(-0.06, 0.16)))
            k_lks = round(lks * rng.uniform(0.9, 1.1))
            afgesloten = jaar <= 2028
            rijen.append({
                "jaar": jaar, "status_budget": "definitief" if afgesloten else "voorlopig",
                "status_kosten": "gecontroleerd" if afgesloten else "",
                "budget": b if afgesloten else "", "budget_uitkeringen": b - lks if afgesloten
                else "", "budget_lks": lks, "kosten": k if afgesloten else "",
                "kosten_uitkeringen": k - k_lks if afgesloten else "",
                "kosten_lks": k_lks if afgesloten else "", "fouten_onzekerheden": 0 if
                afgesloten else "", "bron": "synthetisch"})
        with (map_ / "buig.csv").open("w", encoding="utf-8", newline="") as f:
            schrijver = csv.DictWriter(f, fieldnames=list(rijen[0]), lineterminator="\n")
            schrijver.writeheader()
            schrijver.writerows(rijen)
        lks = "jaar,status,macrobudget,uitgaven,bron\n" + "".join(
            f"{j},{'definitief' if j <= 2028 else 'voorlopig'},{400_000_000 + j * 1000},"
            f"{'' if j >= 2028 else 380_000_000},synthetisch\n" for j in range(2020, 2030))
        (map_ / "lks_landelijk.csv").write_text(lks, encoding="utf-8")
        groep = (map_ / "vergelijkingsgroep.csv").read_text(encoding="utf-8")
        (map_ / "vergelijkingsgroep.csv").write_text(groep.replace("2025,", "2028,"),
                                                     encoding="utf-8")
        dossier = (map_ / "dossier.yaml").read_text(encoding="utf-8")
        dossier = dossier.replace("aanvraagjaar: 2025", "aanvraagjaar: 2028").replace(
            "rapportdatum: 2026-02-25", "rapportdatum: 2029-02-25").replace(
            "naam: Zevenaar", f"naam: Gemeente {g:03d}")
        (map_ / "dossier.yaml").write_text(dossier, encoding="utf-8")
        mappen.append(map_)
    return mappen


def meet_gemeenten(werk: Path, aantal: int) -> dict:
    from vangnet.cijfers import bereken_vangnet, berekenbare_jaren
    from vangnet.data.dataset import laad_dataset

    mappen = maak_gemeenten(werk, aantal)
    begin = time.perf_counter()
    berekeningen = 0
    for map_ in mappen:
        dataset = laad_dataset(map_)
        for jaar in berekenbare_jaren(dataset):
            bereken_vangnet(dataset, jaar).waarde(f"vangnet.uitkering.{jaar}")
            berekeningen += 1
    api = time.perf_counter() - begin
    begin = time.perf_counter()
    uit = subprocess.run([str(Path(PYTHON).parent / "vangnet"), "bereken", "--alle-jaren",
                          "--data", *map(str, mappen)], capture_output=True, text=True,
                         check=True, cwd=PROJECT)
    cli = time.perf_counter() - begin
    regels = uit.stdout.count("\n")
    assert regels == berekeningen, (regels, berekeningen)
    return {"e_gemeenten": aantal, "e_berekeningen": berekeningen,
            "e_api_seconden": round(api, 2), "e_cli_seconden": round(cli, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--herhalingen", type=int, default=5)
    parser.add_argument("--gemeenten", type=int, default=350)
    parser.add_argument("--uit", type=Path, default=PROJECT / "bench" / "resultaten" / "bench.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vangnet-bench-") as tijdelijk:
        werk = Path(tijdelijk)
        os.environ.setdefault("VANGNET_CACHE", str(werk / "cache"))
        resultaat: dict = {
            "machine": {"platform": platform.platform(), "python": platform.python_version(),
                        "processors": os.cpu_count()},
        }
        resultaat |= meet_bouw(werk, args.herhalingen)
        resultaat |= meet_pdf(werk, max(2, args.herhalingen // 2))
        resultaat |= meet_herbouw(werk, args.herhalingen)
        resultaat |= meet_gemeenten(werk, args.gemeenten)
    args.uit.parent.mkdir(parents=True, exist_ok=True)
    args.uit.write_text(json.dumps(resultaat, indent=2, ensure_ascii=False), encoding="utf-8")
    a, b, v = (resultaat[k]["mediaan"] for k in ("a_volledig", "b_ondergrens", "verhouding_a_b"))
    koud, vk = (resultaat[k]["mediaan"] for k in ("a_koud", "verhouding_a_koud_b"))
    print(f"(a) mkdocs build met macro's:      mediaan {a:.2f} s (warm), {koud:.2f} s (koud)")
    print(f"(b) ondergrens zonder macro's:     mediaan {b:.2f} s")
    print(f"    verhouding (a)/(b):            mediaan {v:.2f} warm, {vk:.2f} koud (doel ≤ 1,3)")
    print(f"(c) PDF zonder cache:              mediaan {resultaat['c_pdf']['mediaan']:.2f} s "
          f"({resultaat['paginas']} pagina's; uit cache {resultaat['c_pdf_uit_cache']:.2f} s)")
    print(f"(d) herbouw na gegevenswijziging:  mediaan "
          f"{resultaat['d_herbouw_na_wijziging']['mediaan']:.2f} s (doel ≤ 2 s)")
    print(f"(e) {resultaat['e_gemeenten']} gemeenten, {resultaat['e_berekeningen']} "
          f"berekeningen: API {resultaat['e_api_seconden']:.1f} s, CLI "
          f"{resultaat['e_cli_seconden']:.1f} s (doel ≤ 300 s)")
    print(f"Resultaat: {args.uit}")


if __name__ == "__main__":
    main()
