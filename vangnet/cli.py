"""De opdrachtregel ``vangnet``.

Elke opdracht eindigt met een van vier afsluitcodes, altijd met een Nederlandse melding en
nooit met een traceback of zonder een woord:

- 0: gelukt (ook als de lezer de uitvoer eerder afsluit, zoals ``vangnet bereken | head``);
- 1: fouten in de gegevens, met bestand, rij, kolom en oplossing;
- 2: verkeerd gebruik van de opdrachtregel, of een map of bestand dat niet te gebruiken is;
- 3: een interne fout in vangnet zelf, met wat de gebruiker aan de beheerders moet melden; met
  ``--debug`` verschijnt de volledige traceback voor ontwikkelaars.

Alleen afbreken met Ctrl-C geeft, zoals gebruikelijk, 130.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import errno
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from vangnet.meldingen import Gegevensfout, Rekenfout, Sjabloonfout
from vangnet.paden import VOORBEELD

STANDAARD_DATA = VOORBEELD


def _dataset(args: argparse.Namespace):
    from vangnet.data.dataset import laad_dataset

    return laad_dataset(args.data)


def opdracht_check(args: argparse.Namespace) -> int:
    """Valideer de gegevens en reken het aanvraagjaar door; toon alle problemen."""
    from vangnet.dossier.controle import volledige_controle

    rapport = volledige_controle(Path(args.data))
    for werkmap in getattr(args, "werkmappen", ()):
        werkmap.vertaal_rapport(rapport)
    print(rapport.tekst())
    if args.aanvraag:
        return 0 if rapport.compleet else 1
    return 0 if rapport.in_orde else 1


def opdracht_aanvraag(args: argparse.Namespace) -> int:
    """De onderdelen A tot en met D van het aanvraagformulier, om in het webformulier te plakken."""
    from vangnet.dossier.concept import conceptreden
    from vangnet.dossier.context import laad_context
    from vangnet.dossier.formulier import render

    ctx = laad_context(args.data)
    basis = args.basis_url or ctx.dataset.dossier.publicatie_url or ""
    tekst, _ = render(ctx, args.formaat, basis)
    reden = conceptreden(ctx)
    if reden:
        kop = {"html": f"<p><strong>CONCEPT</strong> — {reden}</p>",
               "md": f"> **CONCEPT** — {reden}", "txt": f"CONCEPT — {reden}"}[args.formaat]
        tekst = f"{kop}\n\n{tekst}"
    print(tekst)
    return 0


def opdracht_bereken(args: argparse.Namespace) -> int:
    """De vangnetberekening voor één budgetjaar (of alle jaren), als tekst of als JSON.

    Met meer gegevensmappen of ``--alle-jaren`` is de uitvoer JSON Lines: één object per
    gemeente en jaar.
    """
    from vangnet.cijfers import bereken_vangnet, berekenbare_jaren
    from vangnet.cijfers.samenvatting import vangnet_samenvatting
    from vangnet.cijfers.uitleg import vangnetberekening
    from vangnet.data.dataset import laad_dataset

    regels = len(args.data) > 1 or args.alle_jaren
    for map_ in args.data:
        dataset = laad_dataset(map_, stammen=("buig",))
        jaren = berekenbare_jaren(dataset) if args.alle_jaren else \
            [args.jaar or dataset.aanvraagjaar]
        for jaar in jaren:
            cijfers = bereken_vangnet(dataset, jaar)
            if regels:
                print(json.dumps(vangnet_samenvatting(dataset, cijfers, jaar),
                                 ensure_ascii=False))
            elif args.json:
                print(json.dumps(vangnet_samenvatting(dataset, cijfers, jaar),
                                 ensure_ascii=False, indent=2))
            else:
                print(vangnetberekening(dataset.dossier.gemeente.naam, jaar, cijfers))
    return 0


def opdracht_uitleg(args: argparse.Namespace) -> int:
    """Leg één cijfer uit: waarde, formule, invoer, gegevensbron en regel."""
    from vangnet.cijfers import bereken_cijfers
    from vangnet.cijfers.uitleg import leg_uit

    cijfers = bereken_cijfers(_dataset(args))
    if args.cijfer not in cijfers:
        ids = [f.id for f in cijfers]
        gelijkend = [i for i in ids if args.cijfer in i][:10] or \
            difflib.get_close_matches(args.cijfer, ids, n=5, cutoff=0.6)
        print(f"Onbekend cijfer '{args.cijfer}'.", file=sys.stderr)
        if gelijkend:
            print("Bedoelt u: " + ", ".join(gelijkend), file=sys.stderr)
        else:
            print("Elk cijfer met zijn id staat op de pagina 'Herkomst van alle cijfers' van "
                  "het dossier, bijvoorbeeld vangnet.uitkering.2025.", file=sys.stderr)
        return 1
    print(leg_uit(args.cijfer, cijfers))
    return 0


def opdracht_bouw(args: argparse.Namespace) -> int:
    """Controleer de gegevens en bouw site en PDF; de vorige site blijft staan bij een fout."""
    from vangnet.site.bouw import bouw

    resultaat = bouw(args.data, args.uit, pdf=not args.zonder_pdf)
    from vangnet.opmaak import getal

    print(f"Site gebouwd in {resultaat.map} ({getal(resultaat.seconden_site, 1)} s).")
    if resultaat.bestanden:
        print(f"Om af te drukken of te downloaden ({getal(resultaat.seconden_pdf, 1)} s):")
        for pad in resultaat.bestanden.values():
            print(f"  {pad}")
    return 0


def opdracht_serve(args: argparse.Namespace) -> int:
    """Live voorbeeld van het dossier: bouwt opnieuw bij elke wijziging in gegevens of teksten."""
    from mkdocs.commands.serve import serve

    from vangnet.data.dataset import laad_dataset
    from vangnet.site.bouw import config_opties

    if not Path(args.data).is_dir():
        laad_dataset(args.data)  # geen dossiermap: meteen de Nederlandse melding
    # Fouten in de gegevens toont de voorbeeldsite zelf (plugin vangnet), tot ze zijn opgelost.
    serve(**config_opties(args.data), dev_addr=args.adres, open_in_browser=False)
    return 0


def opdracht_nieuw_dossier(args: argparse.Namespace) -> int:
    """Begin een nieuw dossier voor een gemeente en een aanvraagjaar."""
    from vangnet.data.nieuwdossier import BEZET, BEZET_OPLOSSING, bezette_map, nieuw_dossier

    if bezette_map(args.data):  # verkeerd gebruik (afsluitcode 2), geen fout in gegevens
        print(f"vangnet nieuw-dossier: {args.data}: {BEZET} {BEZET_OPLOSSING}", file=sys.stderr)
        return GEBRUIKSFOUT
    stappen = nieuw_dossier(args.data, args.gemeente, args.jaar)
    print(f"Een nieuw dossier voor {args.gemeente} over {args.jaar} staat in {args.data}. "
          "Vul in:")
    for stap in stappen:
        print(f"- {stap}")
    print(f"'vangnet check --data {args.data}' noemt alles wat nog open staat; 'vangnet bouw "
          f"--data {args.data}' maakt er nu al een concept van.")
    return 0


def opdracht_nieuw_jaar(args: argparse.Namespace) -> int:
    """Zet de gegevens klaar voor het volgende aanvraagjaar."""
    from vangnet.data.nieuwjaar import nieuw_jaar

    stappen = nieuw_jaar(args.data, args.jaar)
    print(f"De gegevens in {args.data} staan klaar voor aanvraagjaar {args.jaar}. Vul in:")
    for stap in stappen:
        print(f"- {stap}")
    print("Cellen die nog moeten worden ingevuld, bevatten 'IN TE VULLEN'. Draai daarna "
          "'vangnet check': dat noemt elke cel die nog ontbreekt.")
    return 0


def opdracht_publiceer(args: argparse.Namespace) -> int:
    """Controleer, bouw en publiceer het dossier als versie op de publicatiebranch."""
    from vangnet.site.publiceren import Publicatiefout, publiceer

    try:
        p = publiceer(args.data, branch=args.branch, overschrijf=args.overschrijf,
                      concept=args.concept, ongecommit=args.ongecommit)
    except Publicatiefout as fout:
        print(f"Niet gepubliceerd: {fout}", file=sys.stderr)
        return 1
    print(f"Versie {p.titel} van {p.gemeente} gepubliceerd in de map {p.map}/ op branch "
          f"'{args.branch}' (commit {p.commit[:10]}), gebouwd uit de gegevens van commit "
          f"{p.gegevenscommit}.")
    if p.ongecommit:
        print("Let op: de dossiermap had wijzigingen die niet in git zijn vastgelegd; het "
              "colofon van deze versie zegt dat.")
    print(f"Versies van {p.gemeente}: {', '.join(p.versies)}.")
    return 0


def opdracht_exporteer(args: argparse.Namespace) -> int:
    """De gepubliceerde site met alle versies als map of zip."""
    from vangnet.site.publiceren import Publicatiefout, exporteer

    try:
        doel = exporteer(args.data, args.uit, branch=args.branch, als_zip=args.zip)
    except Publicatiefout as fout:
        print(f"Niet geëxporteerd: {fout}", file=sys.stderr)
        return 1
    print(f"Geëxporteerd naar {doel}.")
    return 0


def opdracht_landelijk(args: argparse.Namespace) -> int:
    """De vangnettoets voor elke gemeente en elk jaar uit één landelijke tabel.

    Zonder ``--uit`` en ``--site`` staat de uitkomst op het scherm: CSV, of met ``--json``
    JSON Lines. ``--uit MAP`` schrijft CSV, JSON Lines en een samenvatting per jaar;
    ``--site MAP`` bouwt een statische site met tabel, grafiek en uitleg per gemeente.
    """
    import os

    from vangnet.landelijk.berekening import bereken
    from vangnet.landelijk.plausibiliteit import lees_bevestigingen, plausibiliteit
    from vangnet.landelijk.tabel import CONTROLES, lees_tabel
    from vangnet.landelijk.uitvoer import BESTANDEN, FINANCIEEL, Schrijver, schrijf_map
    from vangnet.opmaak import getal

    bevestigd = lees_bevestigingen(args.bevestigd) if args.bevestigd else ()
    tabel = lees_tabel(args.tabel, (*CONTROLES, plausibiliteit(bevestigd)))
    scherm = args.json or not (args.uit or args.site)
    uitkomsten = bereken(tabel)  # een generator: zonder --site wordt niets bewaard
    if args.site or (scherm and args.uit):
        uitkomsten = list(uitkomsten)
    if scherm:
        schrijver = Schrijver(None if args.json else sys.stdout, sys.stdout if args.json else None)
        try:
            schrijver.schrijf(uitkomsten)
            sys.stdout.flush()
        except BrokenPipeError:  # bijvoorbeeld '| head': de lezer is klaar
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        t = schrijver.samenvatting.jaren.values()
        berekend = sum(j.berekend for j in t)
        print(f"{getal(schrijver.aantal)} gemeente-jaren uit {tabel.naam}: {getal(berekend)} "
              f"berekend, {getal(schrijver.aantal - berekend)} niet (zie de kolom 'reden'). "
              f"{FINANCIEEL}", file=sys.stderr)
    melding = sys.stderr if scherm else sys.stdout
    if args.uit:
        schrijf_map(uitkomsten, args.uit)
        print(f"Geschreven in {args.uit}: {', '.join(BESTANDEN.values())}.", file=melding)
    if args.site:
        from vangnet.site.landelijk import bouw_landelijk

        map_ = bouw_landelijk(tabel, uitkomsten, args.site)
        print(f"Site gebouwd in {map_} (begin bij index.html).", file=melding)
    return 0


def opdracht_werkboek(args: argparse.Namespace) -> int:
    """De gegevens van het dossier als Excel-werkmap (zie vangnet.data.werkboek)."""
    from vangnet.data.werkboek import schrijf_leeg_werkboek, schrijf_werkboek

    if (args.gemeente is None) != (args.jaar is None) or \
            (args.gemeente is not None and not args.leeg):
        print("vangnet werkboek: --gemeente en --jaar horen samen bij --leeg (het begin van "
              "nieuw-dossier als werkmap).", file=sys.stderr)
        return GEBRUIKSFOUT
    if args.leeg:
        verslag = schrijf_leeg_werkboek(args.uit, args.gemeente, args.jaar)
    else:
        verslag = schrijf_werkboek(args.uit, args.data)
    print(f"Werkmap geschreven: {verslag.pad} ({verslag.werkbladen} werkbladen, "
          f"{verslag.rijen} rijen met gegevens).")
    print(f"Controleer haar met 'vangnet check --data {verslag.pad}'; zet de gegevens terug met "
          f"'vangnet importeer {verslag.pad} --data MAP'.")
    return GELUKT


def opdracht_importeer(args: argparse.Namespace) -> int:
    """Zet de gegevens uit een werkmap terug in de CSV- en YAML-bestanden van de dossiermap."""
    from vangnet.data.importeren import plan_import
    from vangnet.dossier.controle import volledige_controle

    def controle(map_: Path) -> None:  # dezelfde controle als vangnet check
        rapport = volledige_controle(map_)
        if not rapport.in_orde:
            raise Gegevensfout(rapport.fouten)

    plan = plan_import(args.werkmap, args.data, controle)
    for notitie in plan.notities:
        print(f"Let op: {notitie}")
    if not plan.bestanden:
        print(f"Geen wijzigingen: de bestanden in {args.data} komen al overeen met "
              f"{args.werkmap.name}.")
        return GELUKT
    print(f"Wijzigingen uit {args.werkmap.name} in {args.data}:")
    for wijziging in plan.wijzigingen:
        print(f"- {wijziging}")
    if args.droog:
        print("Niets geschreven (--droog).")
        return GELUKT
    plan.schrijf()
    print(f"Geschreven: {', '.join(plan.bestanden)}; {len(plan.ongewijzigd)} bestanden "
          "ongewijzigd. Bekijk de wijzigingen met 'git diff' en leg ze vast met 'git commit'.")
    return GELUKT


def _met_werkmap(args: argparse.Namespace) -> bool:
    """Of --data een bestand met een extensie noemt (een werkmap, zie vangnet.data.werkmap)."""
    data = getattr(args, "data", None)
    return any(isinstance(p, Path) and p.suffix for p in (data if isinstance(data, list)
                                                           else [data]))


@contextlib.contextmanager
def _werkmappen(args: argparse.Namespace) -> Iterator[None]:
    """--data met een Excel-werkmap: de opdracht krijgt een tijdelijke dossiermap, meldingen
    komen terug met werkblad, rij en kolom (args.werkmappen vertaalt het rapport van check)."""
    if not _met_werkmap(args):
        yield
        return
    from vangnet.data.werkmap import als_dossiermap

    with als_dossiermap(args.opdracht, args.data) as (args.data, args.werkmappen):
        yield


# Argparse schrijft zijn eigen teksten in het Engels ("usage:", "options:", "error: ...").
# Een gebruiker van vangnet leest alleen Nederlands: de koppen en de hulpregel zetten we hier
# zelf, en de foutmeldingen van argparse vertalen we per bekend patroon.
_ARGPARSE_FOUTEN: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.*)", r"deze argumenten ontbreken: \1"),
    (r"unrecognized arguments: (.*)", r"onbekende argumenten: \1"),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
     r"\1: onbekende keuze \2 (kies uit \3)"),
    (r"argument (\S+): invalid \S+ value: (.*)", r"\1: ongeldige waarde \2"),
    (r"argument (\S+): expected one argument", r"\1: hier hoort één waarde bij"),
    (r"argument (\S+): expected at least one argument", r"\1: hier hoort minstens één waarde bij"),
    (r"argument (\S+): ignored explicit argument (.*)", r"\1: geen waarde toegestaan (\2)"),
    (r"argument (\S+): (.*)", r"\1: \2"),
    (r"ambiguous option: (\S+) could match (.*)", r"optie \1 is niet eenduidig: \2"),
)


def _nederlandse_fout(bericht: str) -> str:
    """Vertaal een foutmelding van argparse; een onbekend patroon blijft zoals het is."""
    for patroon, vervanging in _ARGPARSE_FOUTEN:
        if re.fullmatch(patroon, bericht):
            return re.sub(patroon, vervanging, bericht)
    return bericht


class _Opmaak(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser met Nederlandse koppen, hulpregel en foutmeldingen."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Opmaak)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="toon deze hulp en stop")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {_nederlandse_fout(message)}\n")


def _jaar(tekst: str) -> int:
    """Een budgetjaar op de opdrachtregel: vier cijfers."""
    if not re.fullmatch(r"\d{4}", tekst.strip()):
        raise argparse.ArgumentTypeError(f"'{tekst}' is geen jaartal; geef vier cijfers, "
                                         "bijvoorbeeld 2026")
    return int(tekst)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="vangnet",
        description="Bouw en controleer het dossier voor een vangnetuitkering Participatiewet.",
    )
    parser.add_argument("--debug", action="store_true",
                        help="toon bij een interne fout de volledige traceback")
    sub = parser.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT",
                                title="opdrachten")

    def met_data(p: argparse.ArgumentParser, werkmap: bool = False) -> None:
        p.add_argument("--data", default=STANDAARD_DATA, type=Path, metavar="MAP",
                       help="dossiermap met de gegevensbestanden"
                       + (", of een Excel-werkmap (.xlsx)" if werkmap else "")
                       + " (standaard: het voorbeelddossier data/ van vangnet)")

    p = sub.add_parser("check", help="controleer de gegevens en meld alle problemen")
    met_data(p, werkmap=True)
    p.add_argument("--aanvraag", action="store_true",
                   help="faal ook als de aanvraag nog niet compleet is (bijvoorbeeld de "
                   "instemming van de raad ontbreekt)")
    p.set_defaults(functie=opdracht_check)

    p = sub.add_parser("bereken", help="bereken tekort en vangnetuitkering")
    p.add_argument("--data", default=[STANDAARD_DATA], type=Path, nargs="+", metavar="MAP",
                   help="dossiermap(pen) met de gegevensbestanden, of Excel-werkmap(pen) "
                   "(.xlsx) (standaard: het voorbeelddossier data/ van vangnet)")
    p.add_argument("--jaar", type=_jaar, metavar="JAAR",
                   help="budgetjaar (standaard: het aanvraagjaar)")
    p.add_argument("--alle-jaren", action="store_true",
                   help="alle budgetjaren waarvoor genoeg gegevens zijn (uitvoer: JSON Lines)")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(functie=opdracht_bereken)

    p = sub.add_parser("aanvraag", help="toon de onderdelen A–D van het aanvraagformulier")
    met_data(p, werkmap=True)
    p.add_argument("--formaat", choices=("txt", "md", "html"), default="txt",
                   help="uitvoer als platte tekst (standaard), Markdown of HTML")
    p.add_argument("--basis-url", default=None, metavar="URL",
                   help="adres van het online dossier voor de verwijzingen (standaard: "
                   "publicatie_url uit dossier.yaml)")
    p.set_defaults(functie=opdracht_aanvraag)

    p = sub.add_parser("bouw", help="controleer de gegevens en bouw site en PDF")
    met_data(p, werkmap=True)
    p.add_argument("--uit", default=Path("site"), type=Path, metavar="MAP",
                   help="map voor de gebouwde site (standaard: site)")
    p.add_argument("--zonder-pdf", action="store_true", help="sla de PDF over")
    p.set_defaults(functie=opdracht_bouw)

    p = sub.add_parser("serve", help="live voorbeeld van het dossier in de browser")
    met_data(p)
    p.add_argument("--adres", default="127.0.0.1:8000", metavar="HOST:POORT",
                   help="adres van de voorbeeldserver (standaard 127.0.0.1:8000)")
    p.set_defaults(functie=opdracht_serve)

    p = sub.add_parser("nieuw-dossier", help="begin een nieuw dossier voor een gemeente")
    p.add_argument("--data", required=True, type=Path, metavar="MAP",
                   help="map voor het nieuwe dossier (mag nog niet bestaan of moet leeg zijn)")
    p.add_argument("--gemeente", required=True, metavar="NAAM", help="naam van de gemeente")
    p.add_argument("--jaar", required=True, type=_jaar, metavar="JAAR",
                   help="het aanvraagjaar (het budgetjaar met het tekort)")
    p.set_defaults(functie=opdracht_nieuw_dossier)

    p = sub.add_parser("nieuw-jaar", help="zet de gegevens klaar voor het volgende jaar")
    met_data(p)
    p.add_argument("jaar", type=_jaar, metavar="JAAR", help="het nieuwe aanvraagjaar")
    p.set_defaults(functie=opdracht_nieuw_jaar)

    p = sub.add_parser("publiceer", help="publiceer het dossier als versie (mike, git-branch)")
    met_data(p)
    p.add_argument("--branch", default="gh-pages", help="publicatiebranch (standaard gh-pages)")
    p.add_argument("--overschrijf", action="store_true",
                   help="overschrijf een jaar dat al gepubliceerd is")
    p.add_argument("--concept", action="store_true",
                   help="publiceer een onvolledige aanvraag als concept")
    p.add_argument("--ongecommit", action="store_true",
                   help="publiceer ook als de dossiermap wijzigingen heeft die niet in git zijn "
                   "vastgelegd (het colofon zegt dat dan)")
    p.set_defaults(functie=opdracht_publiceer)

    p = sub.add_parser("exporteer", help="exporteer alle gepubliceerde versies als map of zip")
    met_data(p)
    p.add_argument("uit", type=Path, metavar="DOEL", help="doelmap (of zipbestand met --zip)")
    p.add_argument("--branch", default="gh-pages", help="publicatiebranch (standaard gh-pages)")
    p.add_argument("--zip", action="store_true", help="schrijf één zipbestand")
    p.set_defaults(functie=opdracht_exporteer)

    p = sub.add_parser("landelijk", help="de vangnettoets voor alle gemeenten uit één tabel")
    p.add_argument("tabel", type=Path, metavar="TABEL",
                   help="CSV met de kolommen gemeente, jaar, budget, kosten en optioneel "
                   "fouten_onzekerheden (zoals buig.csv)")
    p.add_argument("--json", action="store_true",
                   help="JSON Lines op het scherm in plaats van CSV")
    p.add_argument("--uit", type=Path, metavar="MAP",
                   help="schrijf uitkomsten.csv, uitkomsten.jsonl en samenvatting_per_jaar.csv "
                   "in MAP")
    p.add_argument("--bevestigd", type=Path, metavar="BESTAND",
                   help="YAML-bestand met bevestigde uitzonderingen op de plausibiliteitsregels "
                   "(dezelfde vorm als 'bevestigd:' in dossier.yaml)")
    p.add_argument("--site", type=Path, metavar="MAP",
                   help="bouw een statische site met tabel, grafiek en uitleg per gemeente in MAP")
    p.set_defaults(functie=opdracht_landelijk)

    p = sub.add_parser("werkboek", help="schrijf de gegevens van het dossier als Excel-werkmap")
    met_data(p)
    p.add_argument("--uit", required=True, type=Path, metavar="BESTAND.xlsx",
                   help="de werkmap die wordt geschreven (een bestaande wordt vervangen)")
    p.add_argument("--leeg", action="store_true",
                   help="een werkmap met alle werkbladen maar zonder gegevens")
    p.add_argument("--gemeente", metavar="NAAM",
                   help="met --leeg en --jaar: het begin van nieuw-dossier voor deze gemeente")
    p.add_argument("--jaar", type=_jaar, metavar="JAAR", help="met --leeg: het aanvraagjaar")
    p.set_defaults(functie=opdracht_werkboek)

    p = sub.add_parser("importeer",
                       help="zet de gegevens uit een Excel-werkmap terug in de dossiermap")
    p.add_argument("werkmap", type=Path, metavar="BESTAND.xlsx", help="de werkmap")
    p.add_argument("--data", required=True, type=Path, metavar="MAP",
                   help="de dossiermap waarin de CSV- en YAML-bestanden komen")
    p.add_argument("--droog", action="store_true",
                   help="toon alleen de wijzigingen en schrijf niets")
    p.set_defaults(functie=opdracht_importeer)

    p = sub.add_parser("uitleg", help="leg uit hoe een cijfer tot stand komt")
    met_data(p, werkmap=True)
    p.add_argument("cijfer", metavar="FIGUUR-ID", help="id van het cijfer, bijv. "
                   "vangnet.uitkering.2025")
    p.set_defaults(functie=opdracht_uitleg)
    return parser


GELUKT, GEGEVENSFOUT, GEBRUIKSFOUT, INTERNE_FOUT = 0, 1, 2, 3
"""De afsluitcodes (zie de moduledocumentatie en README.md)."""

_BESTANDSFOUTEN = {
    errno.EACCES: "geen toestemming om te lezen of te schrijven",
    errno.EPERM: "geen toestemming",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ENOENT: "bestaat niet",
    errno.EEXIST: "bestaat al",
}


class _Mkdocslog(logging.Handler):
    """Onthoudt de waarschuwingen en fouten van mkdocs en zijn plugins (die anders niemand ziet),
    om bij een mislukte bouw te kunnen noemen."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.regels: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            tekst = record.getMessage().strip()
        except Exception:  # een kapotte logregel mag de melding niet verhinderen
            tekst = str(record.msg)
        # alleen de eerste regel: geen tracebacks in wat de gebruiker ziet
        eerste = tekst.splitlines()[0].strip() if tekst else ""
        if eerste:
            self.regels.append(eerste)


def _druk_gegevensfouten(fout: Gegevensfout) -> int:
    print("De gegevens bevatten fouten:", file=sys.stderr)
    for melding in fout.meldingen:
        print(f"- {melding}", file=sys.stderr)
    return GEGEVENSFOUT


def _versie() -> str:
    from importlib import metadata

    try:
        return metadata.version("vangnet")
    except metadata.PackageNotFoundError:
        return "onbekend"


def _interne_fout(args: argparse.Namespace, wat: str, details: Sequence[str] = ()) -> int:
    regels = [f"Interne fout in vangnet: {wat}",
              "Dit is geen fout in uw gegevens maar in vangnet zelf. Meld het aan de beheerders "
              f"van vangnet, met de opdracht die u gaf (vangnet {args.opdracht}), de versie "
              f"(vangnet {_versie()}) en de uitvoer van dezelfde opdracht met --debug ervoor "
              f"(vangnet --debug {args.opdracht} ...)."]
    if details:
        regels.append("Meldingen van mkdocs tijdens de bouw:")
        regels += [f"  {r}" for r in details[-10:]]
    print("\n".join(regels), file=sys.stderr)
    return INTERNE_FOUT


def _bestandsfout(fout: OSError) -> int:
    reden = _BESTANDSFOUTEN.get(fout.errno or 0, fout.strerror or "onbekende fout")
    print(f"Kan '{fout.filename}' niet gebruiken: {reden}. Kies een andere map of controleer "
          "de rechten.", file=sys.stderr)
    return GEBRUIKSFOUT


def _stil_afsluiten() -> int:
    """De lezer heeft de uitvoer afgesloten (``vangnet bereken --json | head``): stil stoppen,
    ook zonder foutmelding van Python bij het afsluiten."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return GELUKT


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    functie: Callable[[argparse.Namespace], int] = args.functie
    if _met_werkmap(args):
        from vangnet.data.werkmap import weigering

        if weigering(args.opdracht, args.data):
            print(weigering(args.opdracht, args.data), file=sys.stderr)
            return GEBRUIKSFOUT
    mkdocslog = _Mkdocslog()
    logging.getLogger("mkdocs").addHandler(mkdocslog)
    try:
        with _werkmappen(args):
            code = functie(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        return _stil_afsluiten()
    except Gegevensfout as fout:
        return _druk_gegevensfouten(fout)
    except Rekenfout as fout:
        print(f"De berekening kan niet worden uitgevoerd: {fout}", file=sys.stderr)
        return GEGEVENSFOUT
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except SystemExit as stop:
        # mkdocs-macros stopt met exit(100) bij een fout in een pagina; de oorzaak is de
        # uitzondering waarin dat gebeurde.
        oorzaak = stop.__context__
        if isinstance(oorzaak, Gegevensfout):
            return _druk_gegevensfouten(oorzaak)
        if args.debug:
            import traceback

            # SystemExit zelf opnieuw opwerpen zou zonder een woord stoppen
            if oorzaak is not None:
                traceback.print_exception(oorzaak, file=sys.stderr)
            for regel in mkdocslog.regels:
                print(regel, file=sys.stderr)
            return INTERNE_FOUT
        if isinstance(oorzaak, Sjabloonfout):
            return _interne_fout(args, str(oorzaak.melding))
        if oorzaak is not None:
            return _interne_fout(args, f"{type(oorzaak).__name__}: {oorzaak}")
        return _interne_fout(args, f"de bouw stopte met code {stop.code}", mkdocslog.regels)
    except Sjabloonfout as fout:
        if args.debug:
            raise
        return _interne_fout(args, str(fout.melding))
    except (PermissionError, IsADirectoryError, NotADirectoryError, FileExistsError) as fout:
        if args.debug:
            raise
        return _bestandsfout(fout)
    except OSError as fout:
        if fout.errno in (errno.ENOSPC, errno.EROFS) and not args.debug:
            return _bestandsfout(fout)
        if args.debug:
            raise
        return _interne_fout(args, f"{type(fout).__name__}: {fout}", mkdocslog.regels)
    except Exception as fout:
        if args.debug:
            raise
        return _interne_fout(args, f"{type(fout).__name__}: {fout}", mkdocslog.regels)
    finally:
        logging.getLogger("mkdocs").removeHandler(mkdocslog)


if __name__ == "__main__":
    sys.exit(main())
