// Tekent de grafieken op de breedte van het scherm (met tooltips). Zonder JavaScript, of als
// dit mislukt, blijven het tekstalternatief in het bijschrift en de tabel met de gegevens.
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
      beeld.classList.add("grafiek__beeld--getekend");
    }
    getekend.set(figuur, { resultaat, doel, smal: breedte < SMAL });
    const svg = doel.querySelector("svg");
    if (svg) {
      svg.setAttribute("aria-hidden", "true");
      svg.setAttribute("focusable", "false");
    }
  } catch (fout) {
    doel.remove();
    beeld.classList.add("grafiek__beeld--mislukt");
    console.warn("Grafiek niet getekend; het bijschrift en de tabel met de gegevens blijven.", fout);
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
