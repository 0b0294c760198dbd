// De scenarioverkenner: rekent in de browser met de uitgangspunten van het dossier.
// De staffels, besparingen en bedragen komen uit het JSON-blok dat vangnet bij het bouwen
// schrijft; de berekening volgt vangnet.verkenner.Verkenner.bereken. De drempel is die van de
// regeling bij het gekozen regime (de eerste schijf), geen keuze.
//
// Toegankelijkheid: elk schuifje krijgt als aria-valuetext dezelfde Nederlandse tekst als
// ernaast staat ("0,2814%", niet "0.281392307903479"). Alleen de melding onder de uitkomsten
// is een live regio; die noemt, kort na de laatste wijziging, de uitkomsten die veranderd zijn.
//
// De grafiek toont bij elke staaf het bedrag. Rechts van de langste staaf blijft daarvoor ruimte:
// het einde van de as (bovengrens) volgt uit de langste staaf, de breedte van de grafiek en de
// breedte van het langste bedrag, zodat geen bedrag en geen aslabel buiten de grafiek valt.
import { vegaEmbed, formatLocale, timeFormatLocale } from "./vega.mjs";
import { breedteVan, ruimOp, voorScherm } from "./grafiekvorm.js";

const BEDRAG = "$,.0f";

// Het einde van de as: de langste staaf plus de ruimte voor het langste bedrag erachter, bij
// een tekenvlak (zonder aslabels) van `breedte` px.
function grens(bedragen, teksten, breedte) {
  const hoogste = Math.max(1, ...bedragen);
  const label = Math.max(...teksten.map(breedteVan));
  const ruimte = breedte - label - 10;
  return ruimte > breedte / 3 ? hoogste * breedte / ruimte : hoogste * 3;
}

// de staven met hun bedrag ernaast (een tweede laag), en een as die ophoudt bij `bovengrens`;
// de beginwaarde schat het tekenvlak, na het tekenen rekent toon() met de echte breedte
function metBedragen(origineel, breedte, opmaak) {
  const spec = JSON.parse(JSON.stringify(origineel));
  const { mark, encoding } = spec;
  delete spec.mark;
  delete spec.encoding;
  const x = {
    ...encoding.x,
    scale: { ...(encoding.x.scale || {}), domainMin: 0, domainMax: { expr: "bovengrens" },
             nice: false },
    axis: { ...(encoding.x.axis || {}), labelBound: true, labelFlush: true, labelOverlap: true,
            tickCount: 3 },
  };
  const rijen = Object.values(spec.datasets || {}).flat();
  const assen = Math.max(...rijen.map((r) => breedteVan(String(r[encoding.y.field]))));
  const vlak = Math.max(breedte * 0.5, breedte - Math.min(assen, breedte * 0.4) - 30);
  const bedragen = rijen.map((r) => r[encoding.x.field]);
  spec.params = [...(spec.params || []),
                 { name: "bovengrens", value: grens(bedragen, bedragen.map(opmaak), vlak) }];
  spec.layer = [
    { mark, encoding: { ...encoding, x } },
    {
      mark: { type: "text", align: "left", baseline: "middle", dx: 4, fontSize: 12,
              font: "DejaVu Sans", fill: "#222222" },
      encoding: { y: encoding.y, x: { field: encoding.x.field, type: "quantitative" },
                  text: { field: encoding.x.field, type: "quantitative", format: BEDRAG } },
    },
  ];
  return spec;
}

const formulier = document.getElementById("verkenner");
if (formulier) {
  const v = JSON.parse(document.getElementById("verkenner-gegevens").textContent);
  const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR",
                                                maximumFractionDigits: 0 });
  const procent = (x, d) => new Intl.NumberFormat("nl-NL", { minimumFractionDigits: d,
    maximumFractionDigits: d }).format(x * 100) + "%";
  const getal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
  const volgend = v.jaar + 1;
  const melding = document.getElementById("verkenner-melding");
  const figuur = document.getElementById("verkenner-grafiek");
  let view = null;
  let gemeld = null;
  let wachtMelding = null;

  function vergoeding(fractie, schijven) {
    // vangnet.regels.vangnet.vergoeding_volgens_staffel
    let vergoed = 0;
    for (let i = 0; i < schijven.length; i++) {
      const boven = i + 1 < schijven.length ? schijven[i + 1].ondergrens : Infinity;
      const deel = Math.min(fractie, boven) - schijven[i].ondergrens;
      if (deel > 0) vergoed += deel * schijven[i].tarief;
    }
    return vergoed;
  }

  function instellingen() {
    const uitstroom = {};
    for (const soort of Object.keys(v.labels)) {
      uitstroom[soort] = Number(formulier.elements[soort].value);
    }
    const regime = formulier.elements.regime.value;
    return {
      uitstroom,
      kostenaandeel: Number(formulier.elements.kostenaandeel.value) / 100,
      regime,
      // de drempel van de regeling: de ondergrens van de eerste schijf van het regime
      drempel: v.staffels[regime][0].ondergrens,
    };
  }

  function bereken(s) {
    const schijven = v.staffels[s.regime];
    const inAanmerking = v.voorwaarden_voldaan[s.regime] && v.tekortfractie > s.drempel;
    const uitkering = inAanmerking ? vergoeding(v.tekortfractie, schijven) * v.budget : 0;
    let besparing = 0;
    for (const [soort, aantal] of Object.entries(s.uitstroom)) {
      besparing += aantal * v.besparing[soort];
    }
    const lks = s.kostenaandeel * v.macrobudget_volgend_jaar;
    return { vangnetuitkering: uitkering, besparing, resterend: v.te_compenseren - besparing,
             lks, lksverschil: lks - v.voorlopig_lks };
  }

  // Een negatief resterend tekort is een overschot: dan heet de regel zo en staat het bedrag
  // zonder minteken.
  function labelEnTekst(sleutel, waarde) {
    const label = document.getElementById(`label-${sleutel}`).textContent;
    if (sleutel !== "resterend") return [label, euro.format(waarde)];
    return waarde < 0 ? [`Overschot over ${volgend}`, euro.format(-waarde)]
      : [`Resterend tekort over ${volgend}`, euro.format(waarde)];
  }

  function grafiektekst(u) {
    const uitkomst = u.resterend < 0
      ? `Met de gekozen uitstroom ontstaat over ${volgend} een overschot van ${euro.format(-u.resterend)}`
      : `Na de gekozen uitstroom blijft over ${volgend} een tekort van ${euro.format(u.resterend)}`;
    return `${uitkomst}. Staafdiagram van het tekort dat volgend jaar te compenseren is, de `
      + "besparing door de uitstroom en wat er overblijft; de bedragen staan ook hierboven.";
  }

  function meld(teksten) {
    // één melding kort na de laatste wijziging, met alleen wat veranderd is
    clearTimeout(wachtMelding);
    wachtMelding = setTimeout(() => {
      const nieuw = [];
      for (const [sleutel, tekst] of Object.entries(teksten)) {
        if (!gemeld || gemeld[sleutel] !== tekst) nieuw.push(tekst);
      }
      gemeld = teksten;
      if (nieuw.length) melding.textContent = `${nieuw.join("; ")}.`;
    }, 700);
  }

  function toon(metMelding) {
    const s = instellingen();
    const u = bereken(s);
    const teksten = {};
    for (const [sleutel, waarde] of Object.entries(u)) {
      const uit = document.getElementById(`uit-${sleutel}`);
      const [label, tekst] = labelEnTekst(sleutel, waarde);
      document.getElementById(`label-${sleutel}`).textContent = label;
      uit.dataset.waarde = String(waarde);
      uit.textContent = tekst;
      teksten[sleutel] = `${label}: ${tekst}`;
    }
    for (const soort of Object.keys(v.labels)) {
      const tekst = getal.format(s.uitstroom[soort]);
      document.getElementById(`toon-${soort}`).textContent = tekst;
      formulier.elements[soort].setAttribute("aria-valuetext", tekst);
    }
    const aandeel = procent(s.kostenaandeel, 4);
    document.getElementById("toon-kostenaandeel").textContent = aandeel;
    formulier.elements.kostenaandeel.setAttribute("aria-valuetext", aandeel);
    for (const span of document.querySelectorAll("#toon-drempel [data-regime]")) {
      span.hidden = span.dataset.regime !== s.regime;
    }
    figuur.querySelector(".grafiek__beeld").setAttribute("aria-label", grafiektekst(u));
    if (metMelding) meld(teksten); else gemeld = teksten;
    if (view) {
      const waarden = [
        { onderdeel: "Te compenseren tekort", bedrag: v.te_compenseren },
        { onderdeel: "Besparing door uitstroom", bedrag: u.besparing },
        u.resterend < 0 ? { onderdeel: "Overschot", bedrag: -u.resterend }
          : { onderdeel: "Resterend tekort", bedrag: u.resterend },
      ];
      view.data("waarden", waarden).signal("bovengrens", bovengrens(waarden)).runAsync();
    }
  }

  function bovengrens(waarden) {
    const bedragen = waarden.map((w) => w.bedrag);
    const breedte = view.width() || figuur.querySelector(".grafiek__beeld").clientWidth / 2;
    return grens(bedragen, bedragen.map((b) => euro.format(b)), breedte);
  }

  formulier.addEventListener("input", () => toon(true));
  formulier.addEventListener("change", () => toon(true));
  formulier.addEventListener("reset", () => setTimeout(() => toon(true), 0));
  formulier.addEventListener("submit", (g) => g.preventDefault());

  const spec = JSON.parse(figuur.querySelector(".verkenner__spec").textContent);
  const beeld = figuur.querySelector(".grafiek__beeld");
  const doel = document.createElement("div");
  doel.className = "grafiek__interactief";
  beeld.appendChild(doel);
  const opmaak = (b) => euro.format(b);
  vegaEmbed(doel, metBedragen(voorScherm(spec, beeld.clientWidth), beeld.clientWidth, opmaak), {
    renderer: "svg", actions: false, formatLocale, timeFormatLocale,
  }).then((resultaat) => {
    ruimOp(doel);
    // getekend: de ruimte die vangnet.css vooraf vrijhoudt, vervalt (geen witruimte onder
    // de grafiek)
    beeld.classList.add("grafiek__beeld--getekend");
    view = resultaat.view;
    const svg = figuur.querySelector("svg");
    if (svg) svg.setAttribute("aria-hidden", "true");
    toon(false);
    formulier.dataset.klaar = "ja";
  });
}
