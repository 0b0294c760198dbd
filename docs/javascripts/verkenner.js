// De scenarioverkenner: rekent in de browser met de uitgangspunten van het dossier.
// De staffels, besparingen en bedragen komen uit het JSON-blok dat vangnet bij het bouwen
// schrijft; de berekening volgt vangnet.verkenner.Verkenner.bereken.
import { vegaEmbed, formatLocale, timeFormatLocale } from "./vega.mjs";

const formulier = document.getElementById("verkenner");
if (formulier) {
  const v = JSON.parse(document.getElementById("verkenner-gegevens").textContent);
  const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR",
                                                maximumFractionDigits: 0 });
  const procent = (x, d) => new Intl.NumberFormat("nl-NL", { minimumFractionDigits: d,
    maximumFractionDigits: d }).format(x * 100) + "%";
  const getal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
  let view = null;

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
    return {
      uitstroom,
      kostenaandeel: Number(formulier.elements.kostenaandeel.value) / 100,
      regime: formulier.elements.regime.value,
      drempel: Number(formulier.elements.drempel.value) / 100,
    };
  }

  function bereken(s) {
    const staffel = v.staffels[s.regime];
    const verschuiving = s.drempel - staffel[0].ondergrens;
    const schijven = staffel.map((x) => ({ ondergrens: x.ondergrens + verschuiving,
                                           tarief: x.tarief }));
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

  function toon() {
    const s = instellingen();
    const u = bereken(s);
    for (const [sleutel, waarde] of Object.entries(u)) {
      const uit = document.getElementById(`uit-${sleutel}`);
      uit.dataset.waarde = String(waarde);
      uit.textContent = euro.format(waarde);
    }
    for (const soort of Object.keys(v.labels)) {
      document.getElementById(`toon-${soort}`).textContent = getal.format(s.uitstroom[soort]);
    }
    document.getElementById("toon-kostenaandeel").textContent = procent(s.kostenaandeel, 4);
    document.getElementById("toon-drempel").textContent = procent(s.drempel, 1);
    if (view) {
      view.data("waarden", [
        { onderdeel: "Te compenseren tekort", bedrag: v.te_compenseren },
        { onderdeel: "Besparing door uitstroom", bedrag: u.besparing },
        { onderdeel: "Resterend tekort", bedrag: u.resterend },
      ]).runAsync();
    }
  }

  formulier.addEventListener("input", toon);
  formulier.addEventListener("change", toon);
  formulier.addEventListener("reset", () => setTimeout(toon, 0));
  formulier.addEventListener("submit", (g) => g.preventDefault());

  const figuur = document.getElementById("verkenner-grafiek");
  const spec = JSON.parse(figuur.querySelector(".verkenner__spec").textContent);
  const doel = document.createElement("div");
  doel.className = "grafiek__interactief";
  figuur.querySelector(".grafiek__beeld").appendChild(doel);
  vegaEmbed(doel, spec, {
    renderer: "svg", actions: false, formatLocale, timeFormatLocale,
  }).then((resultaat) => {
    view = resultaat.view;
    const svg = figuur.querySelector("svg");
    if (svg) svg.setAttribute("aria-hidden", "true");
    toon();
    formulier.dataset.klaar = "ja";
  });
}
