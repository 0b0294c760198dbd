// Maakt de statische grafieken interactief (tooltips, meeschalen met de breedte).
// Zonder JavaScript, of als dit mislukt, blijft de statische SVG staan.
// Op een smal scherm past grafiekvorm.js de vorm aan (labels, legenda, as); wordt het scherm
// breder of smaller dan die grens (een telefoon draaien), dan wordt de grafiek opnieuw getekend.
import { vegaEmbed, formatLocale, timeFormatLocale } from "./vega.mjs";
import { SMAL, ruimOp, voorScherm } from "./grafiekvorm.js";

const getekend = new Map();

async function teken(figuur) {
  const specBlok = figuur.querySelector("script.grafiek__spec");
  const beeld = figuur.querySelector(".grafiek__beeld");
  if (!specBlok || !beeld) return;
  const spec = JSON.parse(specBlok.textContent);
  const breedte = beeld.clientWidth;
  const vorige = getekend.get(figuur);
  const doel = document.createElement("div");
  doel.className = "grafiek__interactief";
  beeld.appendChild(doel);
  try {
    const resultaat = await vegaEmbed(doel, voorScherm(spec, breedte), {
      renderer: "svg",
      actions: false,
      formatLocale: formatLocale,
      timeFormatLocale: timeFormatLocale,
    });
    ruimOp(doel);
    if (vorige) {
      vorige.resultaat.finalize();
      vorige.doel.remove();
    } else {
      const statisch = beeld.querySelector(":scope > svg");
      if (statisch) statisch.remove();
    }
    getekend.set(figuur, { resultaat, doel, smal: breedte < SMAL });
    const svg = doel.querySelector("svg");
    if (svg) {
      svg.setAttribute("aria-hidden", "true");
      svg.setAttribute("focusable", "false");
    }
  } catch (fout) {
    doel.remove();
    console.warn("Interactieve grafiek niet beschikbaar; de statische versie blijft staan.", fout);
  }
}

const figuren = [...document.querySelectorAll("figure.grafiek:not(.verkenner__grafiek)")];
figuren.forEach(teken);

let wachten = null;
window.addEventListener("resize", () => {
  clearTimeout(wachten);
  wachten = setTimeout(() => {
    for (const figuur of figuren) {
      const stand = getekend.get(figuur);
      const beeld = figuur.querySelector(".grafiek__beeld");
      if (stand && beeld && (beeld.clientWidth < SMAL) !== stand.smal) teken(figuur);
    }
  }, 200);
});
