"""HTML voor de verantwoordingspagina's: regels en parameters, gegevensbestanden,
bronvergelijking, de herkomst van alle cijfers en het gegevensformaat."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from markupsafe import Markup, escape

from vangnet import opmaak
from vangnet.cijfers.bronvergelijking import UITKOMSTTEKST
from vangnet.cijfers.kern import Cijfer, Gegevensbron, rekent_na
from vangnet.cijfers.uitleg import formule_in_woorden, geldig_vanaf, zichtbare_invoer
from vangnet.data.bronnen import eigen_documenten, toon_referenties
from vangnet.data.controles import opmerkingen
from vangnet.data.plausibiliteit import REGELS
from vangnet.data.schema import BESTANDEN
from vangnet.dossier.bronnen import leesbare_bron
from vangnet.dossier.context import Dossiercontext
from vangnet.regels.parameters import Parameter, Referentie, Staffel
from vangnet.site.html import Href, cijferlink, formule, veilig
from vangnet.tabellen.definities import bron_delen, brondocumenten

STATUSTEKST = {
    "bevestigd": "bevestigd",
    "niet_bevestigd": "niet bevestigd",
    "aangekondigd": "aangekondigd",
    "aanname": "aanname",
    "overgenomen": "voor dit jaar niet bevestigd",
}
ONDERWERPEN = {
    "buig": "BUIG-budget, kosten en tekort",
    "vangnet": "Vangnettoets",
    "lks": "Loonkostensubsidie (T-1)",
    "prijs": "Prijzen",
    "aanname": "Aannames voor de doorrekening",
    "doorrekening": "Doorrekening van de maatregelen",
    "vtnorm": "Doorrekening als het normbedrag de vakantietoeslag al bevat",
    "vergelijking": "Vergelijkingsgroep",
    "gemkosten": "Gemiddelde kosten",
    "huishoudens": "Bijstandshuishoudens",
    "instroom": "Instroom",
    "uitstroom": "Uitstroom",
    "treden": "Treden participatieladder",
    "lks_treden": "Loonkostensubsidie per trede",
    "lks_personen": "Personen met loonkostensubsidie",
    "kengetal": "Kengetallen uit de bronnen",
    "budget": "Verdeling van het budget",
    "maatregelen": "Maatregelen",
    "indicator": "Doelen en resultaten van maatregelen",
}


def _ref(ref: Referentie) -> str:
    if ref.href:
        return f'<a href="{escape(ref.href)}">{veilig(ref.titel)}</a>'
    return str(veilig(ref.titel))


def _tabel(id_: str, titel: str, koppen: list[str], rijen: list[list[str]],
           numeriek: set[int] | None = None, tekst: bool = False) -> Markup:
    """Een tabel van de verantwoording; ``tekst``: de laatste kolom bevat zinnen en krijgt
    op een smal scherm een leesbare breedte (de tabel schuift dan in haar eigen kader)."""
    numeriek = numeriek or set()
    kop = "".join(f'<th scope="col"{" class=getal" if i in numeriek else ""}>{escape(k)}</th>'
                  for i, k in enumerate(koppen))
    body = "".join(
        "<tr>" + "".join(
            (f'<th scope="row">{c}</th>' if i == 0 else
             f'<td{" class=getal" if i in numeriek else ""}>{c}</td>')
            for i, c in enumerate(r)) + "</tr>"
        for r in rijen
    )
    return Markup(
        f'<div class="tabel{" tabel--tekst" if tekst else ""}"><div class="tabel__scroll" '
        'role="region" '
        f'aria-labelledby="tabel-{id_}" tabindex="0"><table class="tabel-{id_}">'
        f'<caption id="tabel-{id_}">'
        f"{escape(titel)}</caption><thead><tr>{kop}</tr></thead><tbody>{body}</tbody>"
        "</table></div></div>"
    )


def parametertabel(ctx: Dossiercontext) -> Markup:
    """Alle parameters met de waarde die voor het aanvraagjaar (of het prijsjaar) geldt."""
    rijen = []
    eigen = eigen_documenten(ctx.dataset.dossier.bronnen)
    for p in ctx.parameters:
        jaar = ctx.jaar + 1 if p.naam.startswith("prijzen.") else ctx.jaar
        if isinstance(p, Staffel):
            if p.geldt_in(jaar):
                schijven = p.op(jaar)
                waarde = "; ".join(
                    f"vanaf {opmaak.percentage(s.ondergrens, 1)}: {opmaak.percentage(s.tarief, 0)}"
                    for s in schijven)
                vanaf = opmaak.datum(p.vanaf(jaar))
                status = p.status(jaar)
            else:
                waarde, vanaf, status = "geldt niet in dit jaar", "–", p.metadata.status
            refs = p.metadata.referenties
        else:
            assert isinstance(p, Parameter)
            if p.geldt_in(jaar):
                w = p.geldende(jaar)
                waarde = _parameterwaarde(p, w.waarde)
                vanaf, status, refs = opmaak.datum(w.vanaf), p.status(jaar), w.referenties
                if p.overgenomen(jaar):
                    waarde += (f" (de laatst bekende waarde, van {w.vanaf.year}; voor {jaar} "
                               "nog niet vastgelegd)")
            else:
                waarde = "niet vastgesteld" if p.aangekondigd is None else \
                    f"aangekondigd: {_parameterwaarde(p, p.aangekondigd.waarde)}"
                vanaf, status, refs = "–", p.metadata.status, p.metadata.referenties
        rijen.append([
            str(veilig(p.metadata.label)),
            str(veilig(waarde)), escape(vanaf), escape(STATUSTEKST[status]),
            "<br>".join(_ref(r) for r in toon_referenties(refs, eigen))
            + f'<p class="toelichting">{veilig(p.metadata.toelichting)}</p>',
        ])
    return _tabel("parameters", f"Regels en parameters voor budgetjaar {ctx.jaar} "
                  f"(prijzen: {ctx.jaar + 1})",
                  ["Parameter", "Waarde", "Geldt vanaf", "Status", "Bron en toelichting"], rijen,
                  tekst=True) + _aannametabel(ctx)


def _aannametabel(ctx: Dossiercontext) -> Markup:
    """De aannames voor de doorrekening (doorrekening.yaml) met hun bron en status; leeg zonder
    doorrekening."""
    dr = ctx.dataset.doorrekening
    if dr is None:
        return Markup("")
    rijen = []
    for f in ctx.cijfers:
        if not f.id.startswith("aanname."):
            continue
        sleutel = f.id.removeprefix("aanname.")
        status = dr.status.get(sleutel)
        bron = dr.bronnen.get(sleutel, "")
        rijen.append([str(veilig(f.label)), str(veilig(f.tekst(exact=True))),
                      escape(STATUSTEKST[status or "aanname"]),
                      str(veilig(leesbare_bron(bron, ctx.dataset, ctx.indeling) if bron
                                 else "–"))])
    if not rijen:
        return Markup("")
    return _tabel("aannames", "Aannames voor de doorrekening",
                  ["Aanname", "Waarde", "Status", "Bron"], rijen, tekst=True)


def _parameterwaarde(p: Parameter, waarde: object) -> str:
    eenheid = p.metadata.eenheid
    if waarde is None:
        return "–"
    if eenheid == "/1":
        # zoals in de tekst: één decimaal (7,5%, 5,0%), twee als de waarde die nodig heeft
        fractie = float(waarde)
        return opmaak.percentage(fractie, 1 if round(fractie * 1000, 9).is_integer() else 2)
    if eenheid == "currency-EUR":
        return opmaak.bedrag(float(waarde), 0.01)
    if eenheid == "datum":
        import datetime as dt

        return opmaak.datum(dt.date.fromisoformat(str(waarde)))
    return opmaak.getal(float(waarde))


def bestandentabel(ctx: Dossiercontext) -> Markup:
    """De gegevens van het dossier met hun bron in woorden; het gegevensbestand staat erbij voor
    wie de invoer wil nagaan."""
    rijen = []
    for schema in BESTANDEN:
        if ctx.dataset.heeft(schema.stam):
            tabel = ctx.dataset.tabel(schema.stam)
            kolom = next((k for k in ("bron", "bron_document") if k in tabel), None)
            bronnen = brondocumenten(tabel[kolom]) if kolom else []
            rijen.append([str(veilig(schema.omschrijving)),
                          "<br>".join(str(veilig(b)) for b in bronnen) or "–",
                          opmaak.getal(len(tabel)), f"<code>{schema.naam}</code>"])
        else:
            rijen.append([str(veilig(schema.omschrijving)), "niet aangeleverd", "–",
                          f"<code>{schema.naam}</code>"])
    for naam, omschrijving, bron in (
            ("dossier.yaml", "Gemeente, aanvraagjaar, brondocumenten en besluiten.",
             "de gemeente"),
            ("doorrekening.yaml", "Aannames voor de doorrekening.",
             "zie de tabel Aannames voor de doorrekening hierboven")):
        if naam == "doorrekening.yaml" and ctx.dataset.doorrekening is None:
            continue
        rijen.append([omschrijving, bron, "–", f"<code>{naam}</code>"])
    return _tabel("bestanden", "Gegevens en hun herkomst",
                  ["Gegevens", "Bron", "Aantal regels", "Gegevensbestand"], rijen, {2})


def bronvergelijking(ctx: Dossiercontext, href: Href) -> Markup:
    rijen = []
    for v in ctx.vergelijkingen:
        berekend = cijferlink(v.cijfer, ctx.cijfers, href, exact=True) if v.cijfer else "–"
        toelichting = str(veilig(v.toelichting))
        if v.effecten:
            toelichting += " Met de bronwaarde: " + "; ".join(
                str(veilig(e.tekst)) for e in v.effecten) + "."
        if v.uitkomst == "afronding" and v.cijfer is not None:
            toelichting += f" Afrondingsmarge van de invoer: {veilig(v.marge_tekst())}."
        bron = leesbare_bron(v.bron, ctx.dataset, ctx.indeling)
        rijen.append([str(veilig(bron)), str(veilig(v.bronwaarde_tekst())), str(berekend),
                      f'<span class="uitkomst uitkomst--{v.uitkomst}">'
                      f"{escape(UITKOMSTTEKST[v.uitkomst])}</span>", toelichting])
    if not rijen:
        return Markup("<p>Voor dit dossier zijn geen waarden uit een brondocument opgegeven "
                      "(rapportwaarden.csv ontbreekt of is leeg); er is dus niets vergeleken.</p>")
    return _tabel("bronvergelijking", "Waarden uit de brondocumenten naast de berekening",
                  ["Bron", "Waarde in de bron", "Berekend", "Uitkomst", "Toelichting"], rijen,
                  {1, 2}, tekst=True)


def opmerkingenlijst(ctx: Dossiercontext) -> Markup:
    regels = opmerkingen(ctx.dataset)
    if not regels:
        return Markup("<p>Er zijn geen opmerkingen bij de gegevens.</p>")
    return Markup("<ul>" + "".join(f"<li>{veilig(r)}</li>" for r in regels) + "</ul>")


def bevestigingen(ctx: Dossiercontext) -> Markup:
    """De controles op plausibiliteit en de uitzonderingen die het dossier bevestigt, met
    reden. De naam van een controle (``duizendvoud``) staat alleen bij een bevestigde
    uitzondering, waar de gemeente hem in dossier.yaml noemt."""
    regels = "".join(f"<li>{veilig(r.controle)}</li>" for r in REGELS)
    uit = f"<ul>{regels}</ul>"
    if not ctx.bevestigd:
        return Markup(uit + "<p>Dit dossier bevestigt geen uitzonderingen: alle gegevens voldoen "
                      "aan deze controles.</p>")
    controle = {r.naam: r.controle for r in REGELS}
    rijen = "".join(
        f"<tr><td>{veilig(controle.get(b.bevinding.regel, b.bevinding.regel))} "
        f"(<code>{escape(b.bevinding.regel)}</code>)</td>"
        f"<td>{veilig(b.bevinding.melding().zonder_oplossing())}</td>"
        f"<td>{veilig(b.reden)}</td></tr>" for b in ctx.bevestigd)
    return Markup(uit + '<table class="bevestigd"><thead><tr><th>Controle</th><th>Bevinding</th>'
                  f"<th>Reden</th></tr></thead><tbody>{rijen}</tbody></table>")


def _bron_in_woorden(g: Gegevensbron, ctx: Dossiercontext) -> str:
    """Waar een gegeven vandaan komt, zoals een lezer het zoekt: het brondocument met paragraaf
    en tabel ("Rapport vangnet 2025, § 4.1 (tabel ...)"), of 'gegevens van de gemeente'."""
    if not g.bron:
        return "gegevens van de gemeente"
    # per deel buiten haakjes, zodat een toelichting met een puntkomma heel blijft
    return "; ".join(leesbare_bron(deel, ctx.dataset, ctx.indeling)
                     for deel in bron_delen(g.bron))


def _herkomst_cijfer(f: Cijfer, ctx: Dossiercontext, href: Href) -> str:
    delen = [f'<dt id="{escape(f.id)}">{veilig(f.label)} <span class="herkomst__code">'
             f"(code <code>{escape(f.id)}</code>)</span></dt>",
             f"<dd><p><strong>{veilig(f.tekst(exact=True))}</strong></p>"]
    if f.formule and "{" not in f.formule:  # een uitleg in woorden, zonder invoer
        delen.append(f"<p>= {veilig(f.formule)}</p>")
    elif f.formule:
        teken = "=" if rekent_na(f, ctx.cijfers.als_dict()) else "≈"
        delen.append(f"<p>= {veilig(formule_in_woorden(f, ctx.cijfers))}<br>"
                     f"{teken} {formule(f, ctx.cijfers, href)}</p>")
    for bron in f.gegevens:
        delen.append(f"<p>Bron: {veilig(_bron_in_woorden(bron, ctx))}.<br>"
                     f'<span class="herkomst__controle">Ter controle: '
                     f"{veilig(bron.plek())}.</span></p>")
    if f.parameter is not None:
        p = f.parameter
        refs = "; ".join(_ref(r) for r in p.referenties)
        delen.append(f"<p>Regeling: {veilig(p.label)}, {escape(geldig_vanaf(p))}, "
                     f"status {escape(STATUSTEKST[p.status])}: {refs}</p>")
    if f.regel:
        delen.append(f"<p>Toelichting: {veilig(f.regel)}</p>")
    for bron in ctx.rapportbronnen.get(f.id, []):
        bron = leesbare_bron(bron, ctx.dataset, ctx.indeling)
        delen.append(f"<p>Zo genoemd in: {veilig(bron)}</p>")
    invoer = zichtbare_invoer(f, ctx.cijfers)
    if invoer:
        delen.append("<p>Berekend uit: " + "; ".join(
            f'<a href="#{escape(i)}">{veilig(ctx.cijfers[i].label)}</a>' for i in invoer)
            + "</p>")
    delen.append("</dd>")
    return "".join(delen)


def herkomst(ctx: Dossiercontext, href: Href) -> Markup:
    """Alle cijfers van het dossier, gegroepeerd per onderwerp, elk met een vaste id."""
    groepen: dict[str, list[Cijfer]] = defaultdict(list)
    for f in ctx.cijfers:
        if f.eenheid != "intern":
            groepen[f.id.split(".")[0]].append(f)
    delen = []
    for onderwerp, cijfers in groepen.items():
        titel = ONDERWERPEN.get(onderwerp, onderwerp)
        delen.append(f'<h2 id="onderwerp-{escape(onderwerp)}">{escape(titel)}</h2>'
                     f'<dl class="herkomst">'
                     + "".join(_herkomst_cijfer(f, ctx, href) for f in cijfers) + "</dl>")
    return Markup("".join(delen))


def _sleuteltekst(sleutel: tuple[str, ...]) -> str:
    """'Elk jaar mag één keer voorkomen.' of 'Elke combinatie van jaar en reden ...'."""
    if len(sleutel) == 1:
        return f"Elke waarde van {sleutel[0]} mag één keer voorkomen."
    return f"Elke combinatie van {opmaak.opsomming(list(sleutel))} mag één keer voorkomen."


def _yaml_velden(model, voorvoegsel: str = "") -> list[list[str]]:
    """Alle velden van een pydantic-model (ook geneste) als rijen voor de tabel."""
    from pydantic import BaseModel

    rijen = []
    for naam, veld in model.model_fields.items():
        soort = veld.annotation
        if isinstance(soort, type) and issubclass(soort, BaseModel):
            rijen += _yaml_velden(soort, f"{voorvoegsel}{naam}.")
            continue
        rijen.append([f"<code>{escape(voorvoegsel + naam)}</code>",
                      "ja" if veld.is_required() else "nee",
                      str(veilig(veld.description or ""))])
    return rijen


def gegevensformaat() -> Markup:
    """Documentatie van alle bestanden en kolommen, uit de schemadefinities."""
    from vangnet.data.schema import Doorrekening, Dossier
    from vangnet.data.teksten import PLEKKEN

    delen = []
    for naam, model, verplicht, uitleg in (
            ("dossier.yaml", Dossier, True, "Over welke gemeente en welk aanvraagjaar het dossier "
             "gaat, en de besluiten van college en raad."),
            ("doorrekening.yaml", Doorrekening, False, "De aannames voor de doorrekening van de "
             "maatregelen. Zonder dit bestand heeft het dossier geen hoofdstuk over de "
             "doorrekening.")):
        stam = naam.removesuffix(".yaml")
        delen.append(
            Markup(f'<h2 id="{stam}"><code>{naam}</code></h2><p>{escape(uitleg)} '
                   f"{'Verplicht bestand.' if verplicht else 'Optioneel bestand.'}</p>")
            + _tabel(f"formaat-{stam}", f"Velden van {naam}", ["Veld", "Verplicht", "Betekenis"],
                     _yaml_velden(model)))
    for schema in BESTANDEN:
        rijen = []
        for naam, veld in schema.model.model_fields.items():
            verplicht = ("ja" if veld.is_required() else
                         "kolom ja, cel mag leeg" if naam in schema.kop_verplicht else "nee")
            rijen.append([f"<code>{escape(naam)}</code>", verplicht,
                          str(veilig(veld.description or ""))])
        # Markup(...) + Markup: een gewone str links van Markup zou worden ge-escaped
        delen.append(
            Markup(f'<h2 id="{escape(schema.stam)}"><code>{escape(schema.naam)}</code></h2>'
            f"<p>{veilig(schema.omschrijving)} "
            f"{'Verplicht bestand.' if schema.verplicht else 'Optioneel bestand.'} "
            f"{escape(_sleuteltekst(schema.sleutel))}</p>")
            + _tabel(f"formaat-{schema.stam}", f"Kolommen van {schema.naam}",
                     ["Kolom", "Verplicht", "Betekenis"], rijen)
        )
    plekken = [[f"<code>{escape(p.bestand)}</code>", "ja" if p.verplicht else "nee",
                str(veilig(p.omschrijving))] for p in PLEKKEN]
    delen.append(
        Markup('<h2 id="teksten">Eigen teksten</h2><p>Bevindingen en conclusies die niet uit de '
               "gegevens volgen, schrijft de gemeente zelf, als korte Markdown-bestanden in de "
               "map <code>teksten</code> van het dossier. Een tekst mag cijfers uit het dossier "
               "gebruiken met dezelfde macro's als de hoofdstukken (zoals de macro "
               "<code>cijfer</code>; zie de voorbeeldteksten). Een kop <code>herzien: "
               "JJJJ</code> tussen twee regels <code>---</code> zegt voor welk aanvraagjaar de "
               "tekst is nagelezen. Ontbreekt een verplichte tekst, dan toont het concept op die "
               "plek een kader 'In te vullen'; een optionele tekst die ontbreekt, laat de plek "
               "leeg.</p>")
        + _tabel("formaat-teksten", "Plekken voor eigen teksten",
                 ["Bestand", "Verplicht", "Wat er staat"], plekken)
        + Markup("<p>De macro's die een eigen tekst het vaakst nodig heeft. Een code is de "
                 "vaste naam van een cijfer zonder jaar (<code>buig.tekortpercentage</code>); "
                 "<code>t</code> is het aanvraagjaar. Alle codes staan op de pagina Herkomst van "
                 "alle cijfers, of met <code>vangnet uitleg CODE.JAAR</code>.</p>")
        + _tabel("formaat-macros", "Macro's voor eigen teksten",
                 ["Macro", "Wat het geeft"], [[f'<code class="voorbeeld">{escape(m)}</code>',
                                               str(veilig(w))]
                                              for m, w in MACROS_VOOR_TEKSTEN]))
    return Markup("".join(delen))


MACROS_VOOR_TEKSTEN = (
    ('{{ cijfer("buig.tekort", t) }}', "Een cijfer als link naar zijn herkomst (hier het "
     "tekort over het aanvraagjaar); met t - 1 het jaar ervoor."),
    ('{{ cijfer("buig.tekortpercentage", t) }}', "Het tekort als percentage van het budget."),
    ('{% if bestaat("instroom.totaal", t) %} … {% endif %}', "Een zin alleen als het cijfer "
     "in dit dossier bestaat."),
    ('{{ teken("buig.tekort", t, "meer", "minder", "evenveel") }}', "Een woord dat de richting "
     "van het cijfer volgt (positief, negatief, nul)."),
    ('{{ verschil("buig.mutatie_budget_lks", t) }}', "Een verandering met haar richting "
     "('€ 58.000 meer'); bij nul alleen 'niet meer of minder'."),
    ('{{ aantal("maatregelen.getroffen", "maatregel", "maatregelen") }}', "Een aantal met het "
     "woord in enkelvoud of meervoud."),
    ('{{ verwijzing("oorzaken.lks") }}', "Een link naar een paragraaf van het dossier, met "
     "haar nummer in dit dossier."),
    ('{{ brondatum("rapport-2025") }}', "De datum van een bron uit dossier.yaml."),
)
"""Voorbeelden van macro's voor de handleiding (de volledige lijst: MACRONAMEN in
:mod:`vangnet.dossier.tekstcontrole`)."""


def maatregelenlijst(ctx: Dossiercontext, groep: str) -> Markup:
    """De maatregelen in een groep (een status of 'getroffen') met hun bewijs: besluit,
    datum en wat bekend is over de uitvoering."""
    from vangnet.dossier.kader import maatregelbewijs

    items = maatregelbewijs(ctx.dataset, groep)
    if not items:
        return Markup("<p>Geen.</p>")
    return Markup("<ul class=\"maatregelen\">" + "".join(
        f"<li><strong>{veilig(i.naam)}</strong> ({veilig(i.kenmerken)}). "
        f"{veilig(i.omschrijving)}"
        + "".join(f"<br>{escape(label)}: {veilig(tekst)}" for label, tekst in i.bewijs)
        + "</li>" for i in items) + "</ul>")


def _plaats(ctx: Dossiercontext, id_: str, url: Callable[[str], str]) -> str:
    """Een link naar het hoofdstuk van een eis (zijn nummer en titel), of een streepje als het
    dossier dat hoofdstuk niet heeft."""
    if id_ == "aanvraag":
        return f'<a href="{escape(url("aanvraag/"))}">Aanvraagformulier</a>'
    if id_ not in ctx.indeling:
        return "–"
    plaats = ctx.indeling[id_]
    doel = url(plaats.pad.removesuffix(".md") + "/")
    return f'<a href="{escape(doel)}">{escape(plaats.kop)}</a>'


def volledigheidstabel(ctx: Dossiercontext, url: Callable[[str], str]) -> Markup:
    """De eisen van het beoordelingskader met ✓ of ✗, de plaats in het dossier en de bron."""
    rijen = []
    for t in ctx.volledigheid:
        teken = "✓ voldaan" if t.voldaan and t.van_toepassing else (
            "niet van toepassing" if not t.van_toepassing else "✗ ontbreekt")
        bron = "<br>".join(_ref(r) for r in toon_referenties(
            t.eis.bronnen, eigen_documenten(ctx.dataset.dossier.bronnen)))
        status = STATUSTEKST[t.eis.status]
        rijen.append([
            escape(t.eis.onderdeel), str(veilig(t.eis.omschrijving)),
            f'<span class="uitkomst uitkomst--{"gelijk" if t.voldaan else "afwijking"}">'
            f"{escape(teken)}</span><br>{veilig(t.toelichting)}",
            _plaats(ctx, t.eis.plaats, url),
            f"{bron}<br>({escape(status)})",
        ])
    return _tabel("volledigheid", "Toetsing aan het beoordelingskader",
                  ["Onderdeel", "Eis", "Uitkomst", "Waar in het dossier", "Bron"], rijen,
                  tekst=True)


def herkomst_json(ctx: Dossiercontext) -> dict[str, dict]:
    """De uitleg van elk cijfer als gegevens, voor de uitleg bij een cijfer op de site."""
    from vangnet.cijfers.kern import vul_formule

    alle = ctx.cijfers.als_dict()
    uit: dict[str, dict] = {}
    for f in ctx.cijfers:
        if f.eenheid == "intern":
            continue
        item: dict = {"label": f.label, "waarde": f.tekst(exact=True)}
        if f.formule:
            item["woorden"] = formule_in_woorden(f, ctx.cijfers)
            item["formule"] = vul_formule(f, alle)
        if f.gegevens:
            # eerst de bron in woorden, dan (ter controle) de plek in het gegevensbestand
            item["gegevens"] = [f"{_bron_in_woorden(g, ctx)}; ter controle: {g.plek()}"
                                for g in f.gegevens]
        if f.parameter is not None:
            p = f.parameter
            item["parameter"] = (f"{p.label}, "
                                 + (f"geldig vanaf {opmaak.datum(p.vanaf)}, " if p.jaar else "")
                                 + f"status {STATUSTEKST[p.status]}")
            item["referenties"] = [{"titel": r.titel, "href": r.href} for r in p.referenties]
        if f.regel:
            item["regel"] = f.regel
        if ctx.rapportbronnen.get(f.id):
            item["bron"] = ctx.rapportbronnen[f.id]
        uit[f.id] = item
    return uit


def _verkenner_grafiektekst(uit, volgend: int) -> str:
    """Het tekstalternatief van de grafiek van de verkenner: eerst de uitkomst."""
    if uit.resterend_tekort < 0:
        uitkomst = (f"Met de gekozen uitstroom ontstaat over {volgend} een overschot van "
                    f"{opmaak.bedrag(-uit.resterend_tekort)}")
    else:
        uitkomst = (f"Na de gekozen uitstroom blijft over {volgend} een tekort van "
                    f"{opmaak.bedrag(uit.resterend_tekort)}")
    return (f"{uitkomst}. Staafdiagram van het tekort dat volgend jaar te compenseren is, de "
            "besparing door de uitstroom en wat er overblijft; de bedragen staan ook hierboven.")


def verkenner_html(ctx: Dossiercontext) -> Markup:
    """Het formulier van de scenarioverkenner met de standaarduitkomst (werkt ook zonder JS).

    Alleen aannames zijn schuifjes (de extra uitstroom, het geschatte kostenaandeel LKS). De
    drempel en de schijven staan in de regeling: die toont de verkenner als vaste waarde bij
    het gekozen regime. Elk schuifje heeft een Nederlandse ``aria-valuetext`` gelijk aan wat
    ernaast staat; alleen de melding onder de uitkomsten is een live regio.
    """
    import altair as alt
    import pandas as pd

    from vangnet.cijfers.verkenner import maak_verkenner
    from vangnet.site.html import _json_voor_script

    v = maak_verkenner(ctx.cijfers, ctx.jaar)
    s = v.standaard
    uit = v.bereken(s)
    volgend = ctx.jaar + 1
    schuiven = []
    for soort, label in v.labels.items():
        waarde = s.uitstroom.get(soort, 0.0)
        tekst = escape(opmaak.getal(waarde))
        schuiven.append(
            f'<div class="verkenner__regel"><label for="in-{soort}">{escape(label)}</label>'
            f'<input type="range" id="in-{soort}" name="{soort}" min="0" max="150" step="1" '
            f'value="{waarde:g}" aria-valuetext="{tekst}">'
            f'<span class="verkenner__waarde" id="toon-{soort}" aria-hidden="true">{tekst}'
            "</span></div>"
        )
    regimes = "".join(
        f'<option value="{r}"{" selected" if r == s.regime else ""}>'
        f'{"Uitgebreid vangnet" if r == "uitgebreid" else "Regulier vangnet"}</option>'
        for r in v.staffels
    )
    drempels = "".join(
        f'<span data-regime="{r}"{"" if r == s.regime else " hidden"}>'
        f"{escape(opmaak.percentage(staffel[0]['ondergrens'], 1))}</span>"
        for r, staffel in v.staffels.items()
    )
    procent = repr(s.kostenaandeel * 100)
    kostenaandeel = escape(opmaak.percentage(s.kostenaandeel, 4))
    spec = _verkenner_spec(alt, pd, v, uit)
    overschot = uit.resterend_tekort < 0
    uitvoer = [
        ("vangnetuitkering", f"Verwachte vangnetuitkering over {ctx.jaar}", uit.vangnetuitkering),
        ("besparing", "Besparing door de uitstroom", uit.besparing),
        ("resterend", f"Overschot over {volgend}" if overschot else
         f"Resterend tekort over {volgend}", uit.resterend_tekort),
        ("lks", f"Verwacht LKS-budget {volgend}", uit.lks_budget),
        ("lksverschil", "Verschil met het voorlopige LKS-budget", uit.lks_verschil),
    ]
    uitkomsten = "".join(
        f'<div class="verkenner__uitkomst"><dt id="label-{i}">{escape(t)}</dt>'
        f'<dd id="uit-{i}" data-waarde="{w!r}">'
        f"{escape(opmaak.bedrag(-w if i == 'resterend' and overschot else w))}</dd></div>"
        for i, t, w in uitvoer
    )
    return Markup(
        '<form class="verkenner" id="verkenner" aria-describedby="verkenner-uitleg" '
        'data-search-exclude>'
        f'<script type="application/json" id="verkenner-gegevens">'
        f"{_json_voor_script(v.als_json())}</script>"
        '<fieldset><legend>Extra uitstroom in het volgende jaar (aantal huishoudens)</legend>'
        + "".join(schuiven) + "</fieldset>"
        "<fieldset><legend>Loonkostensubsidie</legend>"
        '<div class="verkenner__regel"><label for="in-kostenaandeel">Kostenaandeel van de '
        f"gemeente in de landelijke LKS-uitgaven over {ctx.jaar} (%), een schatting</label>"
        '<input type="range" id="in-kostenaandeel" name="kostenaandeel" min="0.1" max="0.6" '
        f'step="any" value="{procent}" aria-valuetext="{kostenaandeel}">'
        '<span class="verkenner__waarde" id="toon-kostenaandeel" aria-hidden="true">'
        f"{kostenaandeel}</span></div>"
        "</fieldset><fieldset><legend>Vangnet</legend>"
        '<div class="verkenner__regel"><label for="in-regime">Regime</label>'
        f'<select id="in-regime" name="regime">{regimes}</select></div>'
        '<div class="verkenner__regel verkenner__vast"><span id="label-drempel">'
        "Eigenrisicodrempel (vastgelegd in de regeling)</span>"
        '<span class="verkenner__waarde" id="toon-drempel">'
        f"{drempels}</span></div></fieldset>"
        f'<dl class="verkenner__uitkomsten">{uitkomsten}</dl>'
        '<p class="verkenner__melding" id="verkenner-melding" role="status"></p>'
        '<button type="reset" class="md-button">Beginstand herstellen</button></form>'
        '<figure class="grafiek verkenner__grafiek" id="verkenner-grafiek" '
        'aria-labelledby="verkenner-grafiek-titel">'
        f'<div class="grafiek__beeld" role="img" aria-label="'
        f'{escape(_verkenner_grafiektekst(uit, volgend))}"></div>'
        f'<script type="application/json" class="verkenner__spec">{_json_voor_script(spec)}'
        '</script><figcaption><span class="grafiek__titel" id="verkenner-grafiek-titel">'
        "Tekort volgend jaar, voor en na de uitstroom</span></figcaption></figure>"
    )


def _verkenner_spec(alt, pd, v, uit) -> dict:
    from vangnet.grafieken.definities import _basis

    rijen = pd.DataFrame([
        {"onderdeel": "Te compenseren tekort", "bedrag": v.te_compenseren},
        {"onderdeel": "Besparing door uitstroom", "bedrag": uit.besparing},
        {"onderdeel": "Overschot", "bedrag": -uit.resterend_tekort} if uit.resterend_tekort < 0
        else {"onderdeel": "Resterend tekort", "bedrag": uit.resterend_tekort},
    ])
    chart = alt.Chart(alt.NamedData(name="waarden")).mark_bar(color="#1d4f91").encode(
        y=alt.Y("onderdeel:N", title=None, sort=None),
        x=alt.X("bedrag:Q", title="Bedrag", axis=alt.Axis(format="$,.0f")),
        tooltip=[alt.Tooltip("onderdeel:N", title="Onderdeel"),
                 alt.Tooltip("bedrag:Q", title="Bedrag", format="$,.0f")],
    )
    spec = _basis(chart, hoogte=120)
    spec["datasets"] = {"waarden": rijen.to_dict("records")}
    spec["data"] = {"name": "waarden"}
    return spec
