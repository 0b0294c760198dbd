// Maakt de statische grafieken interactief (tooltips, meeschalen met de breedte).
// Zonder JavaScript, of als dit mislukt, blijft de statische SVG staan.
import { vegaEmbed, formatLocale, timeFormatLocale } from "./vega.mjs";

async function maakInteractief(figuur) {
  const specBlok = figuur.querySelector("script.grafiek__spec");
  const beeld = figuur.querySelector(".grafiek__beeld");
  if (!specBlok || !beeld) return;
  const spec = JSON.parse(specBlok.textContent);
  const doel = document.createElement("div");
  doel.className = "grafiek__interactief";
  const statisch = beeld.firstElementChild;
  beeld.appendChild(doel);
  try {
    await vegaEmbed(doel, spec, {
      renderer: "svg",
      actions: false,
      formatLocale: formatLocale,
      timeFormatLocale: timeFormatLocale,
    });
    if (statisch) statisch.remove();
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

document.querySelectorAll("figure.grafiek").forEach(maakInteractief);
