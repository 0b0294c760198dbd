"""Benchmark: wat kost de gegevensgestuurde bouw ten opzichte van een gewone MkDocs-bouw?

Meet in één run, met herhalingen (minimum en mediaan):

(a) ``mkdocs build`` van het volledige dossier (met macro's), elke keer in een nieuw proces:
    warm (de ingevulde pagina's staan al in de cache, zoals bij elke herbouw waarin alleen
    iets anders dan de gegevens en de code veranderde) en koud (lege cache: alles berekend);
    in wandkloktijd en in processortijd, met de kostenverdeling van de koude bouw per stap
    (``bench/kosten.py``: modules laden, gegevens en cijfers, grafieken, tabellen, ...);
(b) ``mkdocs build`` van dezelfde, al ingevulde Markdown zonder macro's: de ondergrens;
(c) de PDF van het dossier (zonder cache; de brief en het formulier komen erbovenop);
(d) de tijd van het opslaan van een gegevensbestand tot de opnieuw gebouwde site, zoals
    ``mkdocs serve`` die doet (warm proces);
(e) de vangnetberekening voor synthetische gemeenten × jaren, via de Python-API en via de CLI.
(f) ``vangnet landelijk``: gemeenten × 10 jaar uit één tabel (tijd, ook als processortijd, en
    geheugen bij 1× en 10× zoveel rijen) en de site daarvan.

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
import resource
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
    return _proces_cpu(args, env)[0]


def _proces_cpu(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wandkloktijd en processortijd (gebruiker + systeem) van een nieuw proces."""
    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.perf_counter()
    subprocess.run(args, cwd=PROJECT, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wand = time.perf_counter() - begin
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wand, (na.ru_utime - voor.ru_utime) + (na.ru_stime - voor.ru_stime)


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
    """Warm, koud en de ondergrens om en om, elk in een nieuw proces; wandklok en processortijd.
    De verhouding wordt per ronde berekend (een drukke machine raakt alle drie even hard)."""
    ondergrens = maak_ondergrens(werk)
    env = _omgeving()
    bouw = [PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(werk / "a")]
    tijden: dict[str, list[float]] = {k: [] for k in (
        "warm", "koud", "vloer", "warm_cpu", "koud_cpu", "vloer_cpu", "v_warm", "v_koud",
        "v_warm_cpu", "v_koud_cpu")}
    for i in range(herhalingen + 1):
        a = _proces_cpu(bouw, env)
        a_koud = _proces_cpu(bouw, _omgeving(VANGNET_CACHE=str(werk / f"koud-{i}")))
        b = _proces_cpu([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(ondergrens), "-d",
                         str(werk / "b")], env)
        if i == 0:
            continue  # opwarmen (schijfcache van het besturingssysteem, gevulde vangnet-cache)
        for naam, (wand, cpu) in (("warm", a), ("koud", a_koud), ("vloer", b)):
            tijden[naam].append(wand)
            tijden[f"{naam}_cpu"].append(cpu)
        tijden["v_warm"].append(a[0] / b[0])
        tijden["v_koud"].append(a_koud[0] / b[0])
        tijden["v_warm_cpu"].append(a[1] / b[1])
        tijden["v_koud_cpu"].append(a_koud[1] / b[1])
    uit = {"a_volledig": _samenvatting(tijden["warm"]), "a_koud": _samenvatting(tijden["koud"]),
           "b_ondergrens": _samenvatting(tijden["vloer"]),
           "verhouding_a_b": _samenvatting(tijden["v_warm"]),
           "verhouding_a_koud_b": _samenvatting(tijden["v_koud"])}
    uit["processortijd"] = {k: _samenvatting(tijden[k]) for k in (
        "warm_cpu", "koud_cpu", "vloer_cpu", "v_warm_cpu", "v_koud_cpu")}
    return uit


def meet_kosten(herhalingen: int) -> dict:
    """De kostenverdeling van een koude bouw (bench/kosten.py): mediaan per stap."""
    metingen = [json.loads(subprocess.run(
        [PYTHON, str(PROJECT / "bench" / "kosten.py"), str(DATA)], capture_output=True,
        text=True, check=True, cwd=PROJECT, env=_omgeving()).stdout)
        for _ in range(herhalingen)]
    return {"kostenverdeling_koud": {stap: round(statistics.median(m[stap] for m in metingen), 3)
                                     for stap in metingen[0]}}


def meet_pdf(werk: Path, herhalingen: int) -> dict:
    from vangnet.site.bouw import mkdocs_bouw
    from vangnet.site.pdf import maak_alles, maak_pdf

    site = werk / "pdf-site"
    mkdocs_bouw(DATA, site)
    tijden, cpu = [], []
    for i in range(herhalingen):
        cache = werk / f"pdf-cache-{i}"
        begin, begin_cpu = time.perf_counter(), time.process_time()
        pdf = maak_pdf(site, DATA, cache=cache)
        tijden.append(time.perf_counter() - begin)
        cpu.append(time.process_time() - begin_cpu)
    begin = time.perf_counter()
    maak_alles(site, DATA, cache=werk / "pdf-cache-alles")
    alles = time.perf_counter() - begin
    from pypdf import PdfReader

    begin = time.perf_counter()
    maak_pdf(site, DATA, cache=werk / "pdf-cache-0")
    met_cache = time.perf_counter() - begin
    return {"c_pdf": _samenvatting(tijden), "c_pdf_cpu": _samenvatting(cpu),
            "c_alle_bestanden": round(alles, 3), "c_pdf_uit_cache": round(met_cache, 3),
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
            "naam: Zevenaar", f"naam: Testgemeente {g:03d}")
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


# -- (f) vangnet landelijk: alle gemeenten uit één tabel ---------------------------------------

_GEHEUGEN = """
import json, resource, sys, tracemalloc
from pathlib import Path
from vangnet.landelijk.berekening import bereken
from vangnet.landelijk.tabel import lees_tabel
from vangnet.landelijk.uitvoer import Schrijver
from vangnet.regels.parameters import laad_parameters
laad_parameters()
uit = {"rss_kib_na_imports": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
meten = sys.argv[2] == "tracemalloc"
if meten:
    tracemalloc.start()
tabel = lees_tabel(Path(sys.argv[1]))
if meten:
    uit["python_tabel_bytes"], uit["python_piek_lezen_bytes"] = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
with open("/dev/null", "w") as leeg:
    schrijver = Schrijver(leeg)
    schrijver.schrijf(bereken(tabel))
if meten:
    uit["python_piek_rekenen_bytes"] = tracemalloc.get_traced_memory()[1]
uit |= {"rijen": schrijver.aantal,
        "rss_kib_piek": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
print(json.dumps(uit))
"""


def maak_landelijke_tabel(pad: Path, gemeenten: int, jaren: range = range(2016, 2026),
                          zaad: int = 20260301) -> Path:
    """Een synthetische landelijke tabel: per gemeente een eigen niveau van het tekort (zodat
    sommige gemeenten jaren achter elkaar boven 5% zitten), bedragen in hele euro's, soms fouten
    en onzekerheden."""
    import csv

    rng = random.Random(zaad)
    with pad.open("w", encoding="utf-8", newline="") as f:
        schrijver = csv.writer(f, lineterminator="\n")
        schrijver.writerow(["gemeente", "jaar", "budget", "kosten", "fouten_onzekerheden"])
        for g in range(gemeenten):
            basis = rng.uniform(2e6, 80e6)
            niveau = rng.uniform(-0.06, 0.12)
            for jaar in jaren:
                budget = round(basis * 1.04 ** (jaar - jaren[0]))
                kosten = round(budget * (1 + niveau + rng.uniform(-0.03, 0.03)))
                fouten = round(kosten * 0.002) if rng.random() < 0.05 else ""
                schrijver.writerow([f"Gemeente {g:04d}", jaar, budget, kosten, fouten])
    return pad


def _geheugen(tabel: Path, manier: str) -> dict:
    uit = subprocess.run([PYTHON, "-c", _GEHEUGEN, str(tabel), manier], capture_output=True,
                         text=True, check=True, cwd=PROJECT)
    return json.loads(uit.stdout)


def _proces_met_cpu(args: list[str]) -> tuple[float, float]:
    """Wandkloktijd en processortijd (user + sys) van een kindproces: op een gedeelde machine
    zegt de processortijd meer dan de wandklok."""
    import resource

    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    wand = _proces(args, _omgeving())
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wand, (na.ru_utime - voor.ru_utime) + (na.ru_stime - voor.ru_stime)


def meet_landelijk(werk: Path, gemeenten: int, herhalingen: int) -> dict:
    """(f) ``vangnet landelijk``: lezen, valideren, rekenen en CSV schrijven voor
    ``gemeenten`` × 10 jaar, in het proces (wandklok en processortijd) en via de CLI; het
    geheugen bij 1× en 10× zoveel rijen (piek-RSS van een eigen proces, de Python-allocaties
    van de gelezen tabel en de pieken bij lezen en bij rekenen en schrijven); de site."""
    import io

    from vangnet.landelijk.berekening import bereken
    from vangnet.landelijk.tabel import lees_tabel
    from vangnet.landelijk.uitvoer import Schrijver
    from vangnet.regels.parameters import laad_parameters

    laad_parameters()
    klein = maak_landelijke_tabel(werk / "landelijk-1x.csv", gemeenten)
    groot = maak_landelijke_tabel(werk / "landelijk-10x.csv", gemeenten * 10)
    lezen, totaal, cpu = [], [], []
    for _ in range(herhalingen):
        begin, begin_cpu = time.perf_counter(), time.process_time()
        tabel = lees_tabel(klein)
        tussen = time.perf_counter()
        schrijver = Schrijver(io.StringIO())
        schrijver.schrijf(bereken(tabel))
        lezen.append(tussen - begin)
        totaal.append(time.perf_counter() - begin)
        cpu.append(time.process_time() - begin_cpu)
    rijen = schrijver.aantal
    berekend = sum(t.berekend for t in schrijver.samenvatting.jaren.values())
    vangnet = str(Path(PYTHON).parent / "vangnet")
    cli = [_proces_met_cpu([vangnet, "landelijk", str(klein)]) for _ in range(herhalingen)]
    geheugen = {}
    for naam, pad in (("1x", klein), ("10x", groot)):
        # de RSS in een proces zonder tracemalloc (dat zelf geheugen kost)
        rss = {k: v for k, v in _geheugen(pad, "rss").items() if k.startswith("rss")}
        geheugen[naam] = _geheugen(pad, "tracemalloc") | rss
    site_wand, site_cpu = _proces_met_cpu([vangnet, "landelijk", str(klein), "--site",
                                           str(werk / "landelijk-site")])
    return {"f_rijen": rijen, "f_berekend": berekend,
            "f_lezen_valideren": _samenvatting(lezen), "f_totaal_api": _samenvatting(totaal),
            "f_totaal_api_cpu": _samenvatting(cpu),
            "f_cli": _samenvatting([w for w, _ in cli]),
            "f_cli_cpu": _samenvatting([c for _, c in cli]), "f_geheugen": geheugen,
            "f_site_seconden": round(site_wand, 2), "f_site_cpu_seconden": round(site_cpu, 2)}


def toon_landelijk(r: dict) -> None:
    g = r["f_geheugen"]
    print(f"(f) landelijk, {r['f_rijen']} rijen ({r['f_berekend']} getoetst): mediaan "
          f"{r['f_totaal_api']['mediaan']:.2f} s in het proces, processortijd "
          f"{r['f_totaal_api_cpu']['mediaan']:.2f} s (lezen en valideren "
          f"{r['f_lezen_valideren']['mediaan']:.2f} s; doel < 1 s); CLI "
          f"{r['f_cli']['mediaan']:.2f} s, processortijd {r['f_cli_cpu']['mediaan']:.2f} s")
    for naam in ("1x", "10x"):
        m = g[naam]
        print(f"    geheugen {naam:>3} ({m['rijen']} rijen): piek-RSS "
              f"{m['rss_kib_piek'] / 1024:.0f} MiB (na imports {m['rss_kib_na_imports'] / 1024:.0f}"
              f" MiB); Python: tabel {m['python_tabel_bytes'] / 2**20:.1f} MiB, piek bij lezen "
              f"{m['python_piek_lezen_bytes'] / 2**20:.1f} MiB, bij rekenen en schrijven "
              f"{m['python_piek_rekenen_bytes'] / 2**20:.1f} MiB")
    print(f"    site (--site) voor 1x: {r['f_site_seconden']:.1f} s, processortijd "
          f"{r['f_site_cpu_seconden']:.1f} s")

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
        resultaat |= meet_kosten(args.herhalingen)
        resultaat |= meet_pdf(werk, max(2, args.herhalingen // 2))
        resultaat |= meet_herbouw(werk, args.herhalingen)
        resultaat |= meet_gemeenten(werk, args.gemeenten)
        resultaat |= meet_landelijk(werk, args.gemeenten, args.herhalingen)
    args.uit.parent.mkdir(parents=True, exist_ok=True)
    args.uit.write_text(json.dumps(resultaat, indent=2, ensure_ascii=False), encoding="utf-8")
    a, b, v = (resultaat[k]["mediaan"] for k in ("a_volledig", "b_ondergrens", "verhouding_a_b"))
    koud, vk = (resultaat[k]["mediaan"] for k in ("a_koud", "verhouding_a_koud_b"))
    cpu = resultaat["processortijd"]
    print(f"(a) mkdocs build met macro's:      mediaan {a:.2f} s (warm), {koud:.2f} s (koud); "
          f"processortijd {cpu['warm_cpu']['mediaan']:.2f} s en {cpu['koud_cpu']['mediaan']:.2f} s")
    print(f"(b) ondergrens zonder macro's:     mediaan {b:.2f} s; processortijd "
          f"{cpu['vloer_cpu']['mediaan']:.2f} s")
    print(f"    verhouding (a)/(b):            mediaan {v:.2f} warm (doel ≤ 1,3), {vk:.2f} koud "
          f"(doel ≤ 2,0); in processortijd {cpu['v_warm_cpu']['mediaan']:.2f} en "
          f"{cpu['v_koud_cpu']['mediaan']:.2f}")
    print("    koude bouw, processortijd per stap (mediaan):")
    for stap, seconden in resultaat["kostenverdeling_koud"].items():
        print(f"      {seconden:5.2f} s  {stap}")
    rest = (cpu["koud_cpu"]["mediaan"] - cpu["vloer_cpu"]["mediaan"]
            - sum(resultaat["kostenverdeling_koud"].values()))
    print(f"      {rest:5.2f} s  rest: pagina's invullen (Jinja, cijferlinks) en de grotere "
          "pagina's door Markdown en de zoekindex")
    print(f"(c) PDF van het dossier, geen cache: mediaan {resultaat['c_pdf']['mediaan']:.2f} s, "
          f"processortijd {resultaat['c_pdf_cpu']['mediaan']:.2f} s (doel ≤ 5 s); "
          f"dossier, brief, formulier en Word samen {resultaat['c_alle_bestanden']:.2f} s")
    print(f"    {resultaat['paginas']} pagina's; uit de cache {resultaat['c_pdf_uit_cache']:.2f} s")
    print(f"(d) herbouw na gegevenswijziging:  mediaan "
          f"{resultaat['d_herbouw_na_wijziging']['mediaan']:.2f} s (doel ≤ 1 s)")
    print(f"(e) {resultaat['e_gemeenten']} gemeenten, {resultaat['e_berekeningen']} "
          f"berekeningen: API {resultaat['e_api_seconden']:.1f} s, CLI "
          f"{resultaat['e_cli_seconden']:.1f} s (doel ≤ 300 s)")
    toon_landelijk(resultaat)
    print(f"Resultaat: {args.uit}")


if __name__ == "__main__":
    main()
