"""De MkDocs-plugin ``vangnet``: welk dossier de site bouwt, en wat het gereedschap zelf instelt.

Het dossier (de map met de gegevens en teksten van één gemeente en één aanvraagjaar) komt via
de MkDocs-configuratie binnen, als optie ``dossier`` van deze plugin::

    plugins:
      vangnet:
        dossier: data     # relatief ten opzichte van mkdocs.yml, of een absoluut pad

``vangnet bouw --data MAP`` en ``vangnet serve --data MAP`` zetten die optie (zie
:func:`vangnet.site.bouw.laad_config`); een gewone ``mkdocs build`` in de repository bouwt het
voorbeelddossier. Verder zet de plugin de map met de onderdelen van het aanvraagformulier voor
mkdocs-macros (vanuit de package, zodat elke werkmap werkt) en laat ``mkdocs serve`` het
dossier bewaken.

Onder ``mkdocs serve`` (``vangnet serve``, ``make serve``) controleert de plugin het dossier bij
elke bouw. Bevat het fouten, dan bouwt hij geen dossier maar op elke pagina een Nederlandse
foutpagina met de meldingen, en zet hij dezelfde meldingen in de terminal; de browser ververst
dan gewoon, en de volgende keer dat de gegevens kloppen, staat het dossier er weer. Ook een
onverwachte fout tijdens het opnieuw bouwen wordt zo'n foutpagina in plaats van een Engelse
traceback en een browser die blijft wachten.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin

from vangnet.dossier.structuur import HOOFDSTUKKEN, hoofdstukken
from vangnet.paden import ONDERDELEN

_TUSSEN_CELLEN = re.compile(r"(</(?:td|th|caption|tr|thead|tbody|tfoot)>)(?=<)")

VERKENNER = "verkenner.md"
"""De pagina van de scenarioverkenner (alleen met een doorrekening)."""


class VangnetConfig(base.Config):
    dossier = c.Type(str, default="data")
    """De dossiermap; een relatief pad geldt ten opzichte van de map van mkdocs.yml."""
    gegevens = c.Type(str, default="")
    """De vingerafdruk die de gegevens horen te hebben (``vangnet bouw`` zet hem): andere
    gegevens tijdens de bouw zijn dan een fout. Leeg: niet controleren."""


class VangnetPlugin(BasePlugin[VangnetConfig]):
    """Koppelt één dossier aan de bouw (zie de moduledocumentatie)."""

    map: Path
    _weg: set[str]
    _serve: bool = False
    fouten: tuple[str, ...] = ()
    """Onder ``mkdocs serve``: de meldingen die de site nu als foutpagina toont (leeg: geen)."""
    _geforceerd: tuple[str, ...] = ()
    _getoond: tuple[str, ...] = ()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Met deze methode houdt mkdocs serve dezelfde plugin over alle bouwen heen. MkDocs
        # bewaart hem dan voor het hele proces, ook voor een gewone bouw ná serve (die
        # on_startup niet aanroept): on_shutdown zet daarom de stand terug.
        self._serve = command == "serve"

    def on_shutdown(self) -> None:
        self._serve = False

    def on_config(self, config: Any) -> Any:
        pad = Path(self.config.dossier)
        if not pad.is_absolute():
            pad = Path(config.config_file_path).resolve().parent / pad
        self.map = pad.resolve()
        macros = config.plugins.get("macros")
        if macros is not None:
            macros.config["include_dir"] = str(ONDERDELEN)
        self._nummer_hoofdstukken(config)
        self.fouten = ()
        if self._serve:
            self.fouten = self._geforceerd or self._controleer()
            self._meld()
        return config

    def _controleer(self) -> tuple[str, ...]:
        """De fouten in het dossier, zoals ``vangnet check`` ze noemt (leeg als het klopt)."""
        from vangnet.dossier.context import laad_context
        from vangnet.dossier.tekstcontrole import controleer_teksten
        from vangnet.meldingen import Gegevensfout, Rekenfout

        try:
            meldingen = controleer_teksten(laad_context(self.map))
        except Gegevensfout as fout:
            meldingen = list(fout.meldingen)
        except Rekenfout as fout:
            return (f"De berekening kan niet worden uitgevoerd: {fout}",)
        return tuple(str(m) for m in meldingen)

    def _meld(self) -> None:
        """De fouten in de terminal, in het Nederlands; één keer per verandering."""
        if self.fouten == self._getoond:
            return
        if self.fouten:
            print(f"\nvangnet: de gegevens in {self.map} bevatten fouten; de voorbeeldsite toont "
                  "ze tot ze zijn opgelost:", file=sys.stderr)
            for regel in self.fouten:
                print(f"- {regel}", file=sys.stderr)
        else:
            print("\nvangnet: de gegevens zijn weer in orde; de voorbeeldsite toont het dossier.",
                  file=sys.stderr)
        sys.stderr.flush()
        self._getoond = self.fouten

    def on_page_read_source(self, page: Any, config: Any) -> str | None:
        """Onder serve met fouten: elke pagina is de foutpagina (zonder macro's)."""
        if not self.fouten:
            return None
        items = "\n".join(f"<li>{html.escape(r)}</li>" for r in self.fouten)
        return ("---\nrender_macros: false\n---\n\n# De gegevens bevatten fouten\n\n"
                f"De voorbeeldsite kan het dossier in <code>{html.escape(str(self.map))}</code> "
                "niet bouwen zolang deze fouten erin staan. Los ze op en sla het bestand op: "
                "deze pagina ververst dan vanzelf. Dezelfde meldingen staan in de terminal en "
                "in de uitvoer van <code>vangnet check</code>.\n\n"
                f'<ul class="vangnet-fouten">\n{items}\n</ul>\n')

    def _nummer_hoofdstukken(self, config: Any) -> None:
        """Hoofdstukken in de navigatie: nummer en titel uit de indeling; zonder gegevens weg."""
        aanwezig = {h.pad: f"{n}. {h.titel}" for n, h in hoofdstukken(self.map)}
        self._weg = {h.pad for h in HOOFDSTUKKEN} - set(aanwezig)
        # de scenarioverkenner rekent met de doorrekening; zonder doorrekening.yaml is er niets
        # te verkennen en hoort hij niet in het menu (zijn pagina wordt dan niet gebouwd)
        if not (self.map / "doorrekening.yaml").exists():
            self._weg.add(VERKENNER)

        def herschrijf(items: list[Any]) -> list[Any]:
            uit = []
            for item in items:
                if isinstance(item, str):
                    if item in self._weg:
                        continue
                    uit.append({aanwezig[item]: item} if item in aanwezig else item)
                elif isinstance(item, dict):
                    (titel, waarde), = item.items()
                    if isinstance(waarde, list):
                        uit.append({titel: herschrijf(waarde)})
                    elif waarde not in self._weg:
                        uit.append({aanwezig.get(waarde, titel): waarde})
                else:
                    uit.append(item)
            return uit

        if config.nav:
            config.nav = herschrijf(config.nav)

    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
        """Een spatie tussen tabelcellen (en na een bijschrift): de zoekfunctie leest de tekst
        zonder opmaak, en zonder spatie plakken de cellen aan elkaar ("JaarTekortpercentage
        20213,9%"). In een tabel maakt die spatie voor de weergave niets uit."""
        # en "§ 4.1" breekt niet tussen het teken en het nummer, ook niet op papier (op de
        # foutpagina van serve staan de meldingen letterlijk zoals vangnet check ze geeft)
        html = _TUSSEN_CELLEN.sub(r"\1 ", html)
        return html if self.fouten else html.replace("§ ", "§\u00a0")

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        """De sjablonen van het thema: gecompileerd uit de cache (zie vangnet.site.sjablonen)."""
        from vangnet.site.sjablonen import bewaar_gecompileerd

        bewaar_gecompileerd(env)
        return env

    def on_files(self, files: Any, config: Any) -> Any:
        """Een hoofdstuk dat dit dossier niet heeft, wordt niet gebouwd."""
        for pad in self._weg:
            bestand = files.get_file_from_path(pad)
            if bestand is not None:
                files.remove(bestand)
        return files

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        server.watch(str(self.map))
        bouwer = server.builder

        def bouw_of_toon_de_fout() -> None:
            """Een mislukte bouw wordt een foutpagina, geen traceback en geen wachtende browser."""
            try:
                bouwer()
            except (Exception, SystemExit) as fout:
                self._geforceerd = (_beschrijf(fout),)
                try:
                    bouwer()
                finally:
                    self._geforceerd = ()

        server.builder = bouw_of_toon_de_fout
        return server


def _beschrijf(fout: BaseException) -> str:
    """Een mislukte bouw in één Nederlandse zin."""
    from vangnet.meldingen import Gegevensfout, Sjabloonfout

    oorzaak = fout.__context__ if isinstance(fout, SystemExit) else fout
    if isinstance(oorzaak, Gegevensfout):
        return "; ".join(str(m) for m in oorzaak.meldingen)
    if isinstance(oorzaak, Sjabloonfout):
        return f"Interne fout in vangnet: {oorzaak.melding}"
    wat = f"{type(oorzaak).__name__}: {oorzaak}" if oorzaak is not None else str(fout)
    return (f"Interne fout in vangnet tijdens het bouwen ({wat}). Dit is geen fout in de "
            "gegevens; meld het aan de beheerders van vangnet met de uitvoer in de terminal.")


def foutmodus(config: Any) -> bool:
    """Of deze bouw (onder serve) de foutpagina bouwt in plaats van het dossier."""
    plugin = config.plugins.get("vangnet")
    return bool(getattr(plugin, "fouten", ()))


def verwachte_gegevens(config: Any) -> str:
    """De vingerafdruk die de gegevens van deze bouw horen te hebben ("" als die niet is gezet)."""
    plugin = config.plugins.get("vangnet")
    return str(getattr(plugin, "config", {}).get("gegevens") or "")


def onder_serve(config: Any) -> bool:
    """Of deze bouw deel is van ``mkdocs serve`` (die na een wijziging vanzelf opnieuw bouwt)."""
    plugin = config.plugins.get("vangnet")
    return bool(getattr(plugin, "_serve", False))


def dossiermap(config: Any) -> Path:
    """De dossiermap van een bouw, zoals de plugin ``vangnet`` die heeft vastgesteld."""
    plugin = config.plugins.get("vangnet")
    if plugin is None or not hasattr(plugin, "map"):
        raise RuntimeError("de MkDocs-plugin 'vangnet' ontbreekt in mkdocs.yml of is nog niet "
                           "geconfigureerd")
    return plugin.map
