"""De macro's die de pagina's kunnen gebruiken (geregistreerd via ``macros.py``).

Alleen wat hier staat, is in de Markdown beschikbaar. Elke macro leest uit de
:class:`~vangnet.dossier.context.Dossiercontext`; er wordt hier niets berekend.

In de pagina's heet het aanvraagjaar ``t``. Voorbeelden::

    {{ cijfer("buig.tekort", t) }}                 → € 791.000 (met link naar de herkomst)
    {{ cijfer("buig.tekortpercentage", t, exact=True) }}
    {{ tabel("buig_meerjarig") }}
    {{ grafiek("budget_kosten") }}
    {{ richting("buig.budget_uitkeringen", t, t - 1) }}   → gestegen / gedaald / gelijk gebleven
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any, NoReturn

from markupsafe import Markup

from vangnet import opmaak
from vangnet.cijfers.kern import Cijfer, rekent_na
from vangnet.data.teksten import PLEK_PER_NAAM
from vangnet.dossier.brief import bijlagen, briefvelden
from vangnet.dossier.concept import conceptreden
from vangnet.dossier.context import Dossiercontext, laad_context
from vangnet.dossier.formulier import ambitieniveau, verklaring
from vangnet.dossier.kader import aantal_maatregelen, maatregelnamen
from vangnet.dossier.tekstcontrole import OPLOSSING_BRON, OPLOSSING_CIJFER
from vangnet.dossier.woorden import Richtingswoorden
from vangnet.meldingen import Gegevensfout, Melding, Sjabloonfout
from vangnet.site import html, pdf, verantwoording
from vangnet.site.snel import MACRONAMEN
from vangnet.tabellen.definities import korte_bron

HERKOMSTPAGINA = "herkomst/"


def _kader(soort: str, titel: str, uitleg: str, inhoud: str = "") -> str:
    """Een Material-admonition als Markdown (de inhoud ingesprongen)."""
    regels = [f'!!! {soort} "{titel}"', "", *(f"    {r}" if r else "" for r in uitleg.split("\n"))]
    if inhoud:
        regels += ["", *(f"    {r}" if r else "" for r in inhoud.split("\n"))]
    return "\n".join(regels) + "\n"


class Macros(Richtingswoorden):
    """De macro's voor één bouw; ``pagina`` geeft de URL van de pagina die wordt gerenderd."""

    def __init__(self, ctx: Dossiercontext, pagina: Any, render: Any = None):
        self.ctx = ctx
        self._pagina = pagina
        self._render = render or (lambda tekst: tekst)

    # -- hulp ------------------------------------------------------------------------------

    def _id(self, id_: str, jaar: int | None) -> str:
        return id_ if jaar is None else f"{id_}.{jaar}"

    def _cijfer(self, id_: str, jaar: int | None = None) -> Cijfer:
        volledig = self._id(id_, jaar)
        if volledig not in self.ctx.cijfers:
            self._ontbreekt(f"het cijfer '{volledig}'")
        return self.ctx.cijfers[volledig]

    def _ontbreekt(self, wat: str, oplossing: str = OPLOSSING_CIJFER) -> NoReturn:
        """Een verwijzing naar iets dat dit dossier niet heeft: in een eigen tekst een fout in
        de gegevens, in een sjabloon van vangnet een fout in vangnet (met pagina en id)."""
        eigen = getattr(self, "_eigen_tekst", None)
        if eigen is not None:
            raise Gegevensfout([Melding(
                eigen, f"de tekst verwijst naar {wat}, maar dat bestaat niet in dit dossier.",
                oplossing=oplossing)])
        pagina = self._pagina()
        raise Sjabloonfout(Melding(
            f"docs/{pagina.file.src_uri}" if pagina is not None else "docs",
            f"de pagina verwijst naar {wat}, maar dat bestaat niet in dit dossier.",
            oplossing="De passage hoort af te hangen van de gegevens (met bestaat(...)); vul tot "
            "die correctie de ontbrekende gegevens aan."))

    def _pagina_url(self) -> str:
        pagina = self._pagina()
        return pagina.url if pagina is not None else ""

    def href(self, id_: str) -> str:
        """Relatieve link van de huidige pagina naar de herkomst van een cijfer."""
        van = self._pagina_url().strip("/") or "."
        doel = posixpath.relpath(HERKOMSTPAGINA.strip("/"), van)
        return f"{doel}/#{id_}"

    # -- macro's -----------------------------------------------------------------------------

    def cijfer(self, id_: str, jaar: int | None = None, *, exact: bool = False,
               decimalen: int | None = None, absoluut: bool = False) -> Markup:
        """Een cijfer in de tekst, als link naar zijn herkomst."""
        return html.cijferlink(self._cijfer(id_, jaar), self.ctx.cijfers, self.href, exact=exact,
                           decimalen=decimalen, absoluut=absoluut)

    def waarde(self, id_: str, jaar: int | None = None) -> Any:
        """De ruwe waarde, voor keuzes in de tekst (``{% if waarde(...) %}``)."""
        return self._cijfer(id_, jaar).waarde

    def bestaat(self, id_: str, jaar: int | None = None) -> bool:
        return self._id(id_, jaar) in self.ctx.cijfers

    def tekst(self, id_: str, jaar: int | None = None, *, exact: bool = False,
              decimalen: int | None = None) -> Markup:
        """Een cijfer of tekstwaarde zonder link (voor koppen en opsommingen)."""
        return html.veilig(self._cijfer(id_, jaar).tekst(exact=exact, decimalen=decimalen))

    def uitkomst(self, id_: str, jaar: int | None = None, *, vet: bool = False) -> Markup:
        """'= uitkomst' na een formule, of '≈ uitkomst' als de formule met de getoonde
        (afgeronde) getallen niet precies op de getoonde uitkomst uitkomt."""
        teken = "=" if rekent_na(self._cijfer(id_, jaar), self.ctx.cijfers.als_dict()) else "≈"
        waarde = self.cijfer(id_, jaar, exact=True)
        return Markup(f"{teken} <strong>{waarde}</strong>" if vet else f"{teken} {waarde}")

    def formule(self, id_: str, jaar: int | None = None) -> Markup:
        """De formule van een cijfer met de werkelijke waarden ingevuld."""
        return html.formule(self._cijfer(id_, jaar), self.ctx.cijfers, self.href)

    def bevestigd(self, id_: str, jaar: int | None = None) -> bool:
        """Of de parameter achter een cijfer bevestigd is (een gegeven of berekening: ja)."""
        parameter = self._cijfer(id_, jaar).parameter
        return parameter is None or parameter.status == "bevestigd"

    def aantal(self, id_: str, enkelvoud: str, meervoud: str,
               jaar: int | None = None) -> Markup:
        """Een aantal met het zelfstandig naamwoord in het goede getal: "1 maatregel",
        "3 maatregelen", "0 aanbevelingen"."""
        woord = enkelvoud if self._cijfer(id_, jaar).waarde == 1 else meervoud
        return Markup(f"{self.cijfer(id_, jaar)} {html.veilig(woord)}")

    def verschil(self, id_: str, jaar: int | None = None, meer: str = "meer",
                 minder: str = "minder", gelijk: str = "niet meer of minder") -> Markup:
        """Een verandering als bedrag met haar richting ("€ 58.000 meer", "1,2% minder"), of
        bij nul alleen ``gelijk`` (dus niet "€ 0 niet meer of minder")."""
        woord = html.veilig(self.teken(id_, jaar, meer, minder, gelijk))
        if self._cijfer(id_, jaar).waarde == 0:
            return woord
        return Markup(f"{self.cijfer(id_, jaar, absoluut=True)} {woord}")

    def bron(self, id_: str, jaar: int | None = None) -> Markup:
        """De bron van een gegeven of parameter, kort: document en paragraaf ("Rapport vangnet
        2025, § 6.2"), zonder toelichting en zonder bestandsnaam. Een berekening heeft geen
        eigen bron: ValueError."""
        cijfer = self._cijfer(id_, jaar)
        bron = korte_bron(cijfer)
        if not bron:
            raise ValueError(f"'{cijfer.id}' heeft geen eigen bron")
        return html.veilig(bron)

    def geldig_vanaf(self, id_: str, jaar: int | None = None) -> int:
        """Het jaar vanaf wanneer de parameter achter een cijfer geldt."""
        cijfer = self._cijfer(id_, jaar)
        if cijfer.parameter is None:
            raise ValueError(f"'{cijfer.id}' is geen parameter")
        return cijfer.parameter.vanaf.year

    def tabel(self, naam: str) -> Markup:
        """Een tabel met cijfers als links; leeg als de gegevens ontbreken (de tekst van de
        pagina zegt dat dan één keer)."""
        t = self.ctx.tabel(naam)
        if t is None:
            return Markup("")
        return html.tabel(t, self.ctx.cijfers, self.href)

    def heeft_tabel(self, naam: str) -> bool:
        return self.ctx.tabel(naam) is not None

    def grafiek(self, naam: str) -> Markup:
        g = self.ctx.grafiek(naam)
        if g is None:
            return Markup("")
        return html.grafiek(g, self.ctx.cijfers, self.href)

    def datum(self, waarde: Any) -> str:
        return opmaak.datum(waarde)

    def peildatum(self, id_: str) -> str:
        """De peildatum van een kengetal als tekst met het jaar (``het vierde kwartaal van
        2025``); ``id_`` is de id van het cijfer (``kengetal.trede4.aantal``)."""
        tabel = self.ctx.dataset.tabel("kengetallen")
        rij = tabel[tabel["id"] == id_.removeprefix("kengetal.")]
        if rij.empty:
            raise KeyError(f"onbekend kengetal '{id_}'")
        return opmaak.peildatum(rij.iloc[0]["peildatum"])

    def peiljaar(self, id_: str) -> int:
        """Het jaar van de peildatum van een kengetal."""
        tabel = self.ctx.dataset.tabel("kengetallen")
        rij = tabel[tabel["id"] == id_.removeprefix("kengetal.")]
        if rij.empty:
            raise KeyError(f"onbekend kengetal '{id_}'")
        return int(str(rij.iloc[0]["peildatum"])[:4])

    def brondatum(self, id_: str) -> str:
        """De datum van een brondocument uit ``dossier.yaml`` (``bronnen``), als ``19 januari
        2026``."""
        bron = next((b for b in self.ctx.dataset.dossier.bronnen if b.id == id_), None)
        if bron is None or bron.datum is None:
            self._ontbreekt(f"de bron '{id_}' met een datum (bronnen in dossier.yaml)",
                            OPLOSSING_BRON)
        return opmaak.datum(bron.datum)

    def opsomming(self, delen: list[str], voegwoord: str = "en") -> Markup:
        """``a, b en c``: een opsomming van teksten uit het sjabloon."""
        return html.veilig(opmaak.opsomming([str(d) for d in delen], voegwoord))

    def parametertabel(self) -> Markup:
        return verantwoording.parametertabel(self.ctx)

    def bestandentabel(self) -> Markup:
        return verantwoording.bestandentabel(self.ctx)

    def bronvergelijking(self) -> Markup:
        return verantwoording.bronvergelijking(self.ctx, self.href)

    def opmerkingen(self) -> Markup:
        return verantwoording.opmerkingenlijst(self.ctx)

    def bevestigingen(self) -> Markup:
        return verantwoording.bevestigingen(self.ctx)

    def herkomst(self) -> Markup:
        return verantwoording.herkomst(self.ctx, self.href)

    def gegevensformaat(self) -> Markup:
        return verantwoording.gegevensformaat()

    def maatregelen(self, groep: str) -> Markup:
        """De maatregelen in een groep (een status of 'getroffen') met besluit en uitvoering."""
        return verantwoording.maatregelenlijst(self.ctx, groep)

    def aantal_maatregelen(self, **waar: str) -> int:
        """Het aantal maatregelen; ``status="getroffen"`` telt die met een besluit."""
        return aantal_maatregelen(self.ctx.dataset, **waar)

    def maatregelnamen(self, groep: str | None = None, *, codes: bool = True,
                       **waar: str) -> Markup:
        """'Inzet op loonkostensubsidie (M06, uitgevoerd)': maatregelen bij naam; met
        ``codes=False`` alleen de naam tussen aanhalingstekens (voor de brief)."""
        return html.veilig(maatregelnamen(self.ctx.dataset, groep, codes=codes, **waar))

    def briefhoofd(self) -> Markup:
        """Het briefhoofd van de raadsinformatiebrief: één regel per veld, met de bijlagen bij
        hun titel. Een open veld staat er één keer als 'in te vullen'. De PDF en het
        Word-bestand zetten hetzelfde briefhoofd op hun eigen manier (vangnet.site.pdf.brief)."""
        regels = []
        for v in briefvelden(self.ctx.dataset):
            if not v.briefhoofd:
                continue
            waarde = Markup("<em>in te vullen</em>") if v.in_te_vullen else html.veilig(v.waarde)
            regels.append(Markup("<strong>{}:</strong> {}").format(v.label, waarde))
        delen = [Markup('<a href="{}">{}</a>').format(self.url(b.pad), b.titel)
                 for b in bijlagen(self.ctx.dataset)]
        regels.append(Markup("<strong>Bijlagen:</strong> ") + Markup("; ").join(delen))
        return Markup('<p class="briefhoofd">{}</p>').format(Markup("<br>\n").join(regels))

    @property
    def concept(self) -> str:
        """Waarom het dossier een concept is (leeg als de aanvraag compleet is)."""
        return conceptreden(self.ctx)

    # -- indeling en eigen teksten --------------------------------------------------------

    def kop(self, id_: str) -> str:
        """De kop van een hoofdstuk (``4. Oorzaken ...``) of paragraaf (``4.2 ... {#anker}``),
        genummerd naar wat dit dossier heeft."""
        return self.ctx.indeling[id_].kop

    def toon(self, id_: str) -> bool:
        """Of een hoofdstuk of paragraaf in dit dossier staat (anders ontbreken de gegevens)."""
        return id_ in self.ctx.indeling

    def verwijzing(self, id_: str, tekst: str | None = None, hoofdletter: bool = False) -> str:
        """Een Markdown-link naar een hoofdstuk of paragraaf: ``[paragraaf 4.2](...)``; zonder
        ``tekst`` met het soort en het nummer. Een verwijzing naar iets dat dit dossier niet
        heeft, is een fout in het sjabloon (zet hem binnen ``{% if toon(...) %}``)."""
        plaats = self.ctx.indeling[id_]
        pagina = self._pagina()
        van = posixpath.dirname(pagina.file.src_uri) if pagina is not None else ""
        doel = posixpath.relpath(plaats.pad, van or ".")
        anker = f"#{plaats.anker}" if plaats.anker else ""
        soort = plaats.soort.capitalize() if hoofdletter else plaats.soort
        return f"[{tekst or f'{soort} {plaats.nummer}'}]({doel}{anker})"

    def tekstblok(self, naam: str) -> str:
        """De eigen tekst van het dossier voor plek ``naam`` (Markdown, met macro's), of in een
        concept een kader 'In te vullen' als een verplichte tekst ontbreekt."""
        plek = PLEK_PER_NAAM[naam]
        blok = self.ctx.dataset.teksten.get(naam)
        if blok is None:
            if not plek.verplicht:
                return ""
            return _kader("warning in-te-vullen", "In te vullen",
                          f"{plek.omschrijving} (eigen tekst: `{plek.bestand}` in de "
                          "dossiermap)")
        self._eigen_tekst = plek.bestand
        try:
            tekst = self._render(blok.tekst)
        except Gegevensfout as fout:
            if not blok.te_herzien(self.ctx.jaar):
                raise
            # een tekst van een eerder jaar die naar cijfers verwijst die er nog niet zijn
            # (vangnet check laat dit toe, zie tekstcontrole): niet tonen, wel zeggen waarom
            reden = fout.meldingen[0].tekst if fout.meldingen else ""
            return _kader("note te-herzien", "Te herzien",
                          f"Deze tekst is geschreven voor het dossier over {blok.herzien} en "
                          f"wordt niet getoond: {reden} Lees hem na voor {self.ctx.jaar} "
                          f"(`{plek.bestand}`, kop `herzien`).")
        finally:
            self._eigen_tekst = None
        if blok.te_herzien(self.ctx.jaar):
            return _kader("note te-herzien", "Te herzien",
                          f"Deze tekst is geschreven voor het dossier over {blok.herzien}; lees "
                          f"hem na voor {self.ctx.jaar} (`{plek.bestand}`, kop `herzien`).",
                          tekst)
        return tekst

    def url(self, pad: str) -> str:
        """Relatieve URL van de huidige pagina naar ``pad`` (zoals ``dossier/tekort/``)."""
        van = self._pagina_url().strip("/") or "."
        doel = posixpath.relpath(pad.strip("/") or ".", van)
        return "./" if doel == "." else f"{doel}/"

    def documenten(self) -> Markup:
        """Links naar de PDF's en de brief in Word van deze bouw (vangnet.site.pdf)."""
        return Markup(pdf.documentenlijst(self.ctx.dataset, self.url(pdf.MAP)))

    def download(self, *soorten: str) -> Markup:
        """Links naar enkele bestanden van deze bouw ("als PDF of als Word"); soorten uit
        vangnet.site.pdf.bestanden: dossier, brief, brief-word, formulier."""
        return Markup(pdf.documentlinks(self.ctx.dataset, self.url(pdf.MAP), soorten))

    def verkenner(self) -> Markup:
        return verantwoording.verkenner_html(self.ctx)

    @property
    def verkenner_mogelijk(self) -> bool:
        from vangnet.cijfers.verkenner import kan_verkennen

        return kan_verkennen(self.ctx.cijfers, self.ctx.jaar)

    def volledigheid(self) -> Markup:
        return verantwoording.volledigheidstabel(self.ctx, self.url)

    def vergelijking(self, id_: str, jaar: int | None = None) -> dict[str, Any] | None:
        """De bronvergelijking voor een cijfer (of None), met veilige teksten voor de pagina."""
        volledig = self._id(id_, jaar)
        v = next((v for v in self.ctx.vergelijkingen
                  if v.cijfer is not None and v.cijfer.id == volledig), None)
        if v is None:
            return None
        return {
            "uitkomst": v.uitkomst,
            "bron": html.veilig(v.bron),
            "bronwaarde": html.veilig(v.bronwaarde_tekst()),
            "verschil": html.veilig(v.verschil_tekst()),
            "verschil_in_woorden": html.veilig(v.verschil_in_woorden()),
            "marge": html.veilig(v.marge_tekst()),
            "toelichting": html.veilig(v.toelichting),
        }


def _met_lidwoord(rol: str) -> str:
    """'extern onderzoeksbureau' → 'een extern onderzoeksbureau', zodat de rol in een zin past;
    een rol met een lidwoord of een naam met een hoofdletter blijft zoals hij is."""
    if not rol or rol[0].isupper() or rol.split()[0].lower() in ("de", "het", "een"):
        return rol
    return f"een {rol}"


def herkomst_json(ctx: Dossiercontext) -> str:
    """De uitleg van alle cijfers als JSON-tekst (voor herkomst/herkomst.json)."""
    import json

    inhoud = verantwoording.herkomst_json(ctx)
    return json.dumps(inhoud, ensure_ascii=False, sort_keys=True)


def registreer(env: Any, data: Path) -> Macros:
    """Registreer variabelen en macro's bij mkdocs-macros (via :mod:`vangnet.site.snel`)."""
    ctx = laad_context(data)
    def render(tekst: str) -> str:
        return env.env.from_string(tekst).render(env.variables)

    m = Macros(ctx, lambda: getattr(env, "page", None), render)
    dossier = ctx.dataset.dossier
    g = dossier.gemeente
    variabelen = {
        "t": ctx.jaar,
        "gemeente": html.veilig(g.naam),
        "uitvoeringsorganisatie": html.veilig(g.uitvoeringsorganisatie or ""),
        "uitvoeringsvorm": html.veilig(g.uitvoeringsvorm or (
            "samenwerking" if g.deelnemende_gemeenten else "")),
        "inwonersklasse": html.veilig(g.inwonersklasse or ""),
        "deelnemende_gemeenten": html.veilig(opmaak.opsomming(list(g.deelnemende_gemeenten))),
        "aanvraag": dossier.aanvraag,
        "rapportdatum": opmaak.datum(dossier.rapportdatum) if dossier.rapportdatum else "",
        "regime": ctx.cijfers.waarde(f"vangnet.regime.{ctx.jaar}") if ctx.berekend else "",
        "berekend": ctx.berekend,
        "ambitieniveau": ambitieniveau(ctx),
        "concept": m.concept,
        "verkenner_mogelijk": m.verkenner_mogelijk,
        "teksten": sorted(ctx.dataset.teksten),
        "briefveld": {v.naam: {"label": v.label, "waarde": html.veilig(v.waarde),
                               "in_te_vullen": v.in_te_vullen, "gegeven": v.gegeven}
                      for v in briefvelden(ctx.dataset)},
        "verklaring": html.veilig(verklaring(g.naam)),
        "onderzoeker": html.veilig(_met_lidwoord(dossier.onderzoeker or "")),
    }
    for naam, waarde in variabelen.items():
        env.variables[naam] = waarde
    env.conf["site_name"] = f"Vangnetuitkering {dossier.gemeente.naam} {ctx.jaar}"
    env.conf["extra"]["concept"] = m.concept
    for naam in MACRONAMEN:
        env.macro(getattr(m, naam), naam)
    return m
