// Uitleg bij een cijfer: een klik op een cijfer opent een venster met de waarde, de formule
// in woorden en met de ingevulde waarden, het gegevensbestand of de parameter met de bron.
// Zonder JavaScript leidt de link naar de pagina "Herkomst van alle cijfers".
//
// Het venster staat in de HTML direct na het cijfer (dan komt het in de tabvolgorde en de
// leesvolgorde op de plek van het cijfer), maar wordt getoond ten opzichte van het scherm:
// ook een cijfer in een smalle tabelcel of een tabel die horizontaal schuift, krijgt een venster
// van zijn eigen breedte (tot 28rem, op een telefoon de schermbreedte min een marge), onder het
// cijfer of, als daar geen ruimte is, erboven, en altijd helemaal in beeld.

const gegevens = new Map();
let venster = null;
let terug = null;
const MARGE = 8;      // px tussen venster en schermrand
const AFSTAND = 6;    // px tussen cijfer en venster

function laad(url) {
  const bron = new URL("herkomst.json", url).href;
  if (!gegevens.has(bron)) {
    gegevens.set(bron, fetch(bron).then((r) => {
      if (!r.ok) throw new Error(`herkomst niet geladen (${r.status})`);
      return r.json();
    }));
  }
  return gegevens.get(bron);
}

function element(tag, tekst, klasse) {
  const e = document.createElement(tag);
  if (tekst !== undefined) e.textContent = tekst;
  if (klasse) e.className = klasse;
  return e;
}

function plaats() {
  if (!venster || !terug) return;
  const breedte = document.documentElement.clientWidth;
  const hoogte = window.innerHeight;
  const kop = document.querySelector(".md-header");
  const boven = Math.max(MARGE, kop ? kop.getBoundingClientRect().bottom + MARGE : MARGE);
  const cijfer = terug.getBoundingClientRect();
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const w = Math.min(28 * rem, breedte - 2 * MARGE);
  venster.style.width = `${w}px`;
  venster.style.left = `${Math.min(Math.max(cijfer.left, MARGE), breedte - MARGE - w)}px`;
  venster.style.maxHeight = "none";
  const h = venster.scrollHeight;
  const eronder = hoogte - MARGE - (cijfer.bottom + AFSTAND);
  const erboven = cijfer.top - AFSTAND - boven;
  if (h > eronder && erboven > eronder) {
    const ruimte = Math.max(erboven, 120);
    venster.style.maxHeight = `${ruimte}px`;
    venster.style.top = `${cijfer.top - AFSTAND - Math.min(h, ruimte)}px`;
  } else {
    venster.style.maxHeight = `${Math.max(eronder, 120)}px`;
    venster.style.top = `${cijfer.bottom + AFSTAND}px`;
  }
}

let gepland = false;
function planPlaats() {
  if (gepland) return;
  gepland = true;
  requestAnimationFrame(() => { gepland = false; plaats(); });
}

function sluit() {
  if (!venster) return;
  venster.remove();
  venster = null;
  if (terug) terug.focus();
  terug = null;
}

function toon(link, item, id) {
  sluit();
  terug = link;
  venster = element("div", undefined, "herkomst-venster");
  venster.setAttribute("role", "dialog");
  venster.setAttribute("aria-label", `Herkomst van ${item.label}`);
  venster.tabIndex = -1;
  const kop = element("p", undefined, "herkomst-venster__kop");
  kop.append(element("strong", item.label), document.createTextNode(`: ${item.waarde}`));
  venster.append(kop);
  if (item.formule) {
    venster.append(element("p", `= ${item.woorden}`));
    venster.append(element("p", `= ${item.formule}`, "herkomst-venster__formule"));
  }
  for (const g of item.gegevens || []) venster.append(element("p", `Gegevens: ${g}`));
  if (item.parameter) venster.append(element("p", `Parameter: ${item.parameter}`));
  for (const r of item.referenties || []) {
    const p = element("p", "Bron: ");
    if (r.href) {
      const a = element("a", r.titel);
      a.href = r.href;
      p.append(a);
    } else {
      p.append(document.createTextNode(r.titel));
    }
    venster.append(p);
  }
  if (item.regel) venster.append(element("p", `Regel: ${item.regel}`));
  for (const b of item.bron || []) venster.append(element("p", `In de bron: ${b}`));
  const voet = element("p", undefined, "herkomst-venster__voet");
  const meer = element("a", `Volledige herkomst (${id})`);
  meer.href = link.href;
  const knop = element("button", "Sluiten", "md-button");
  knop.type = "button";
  knop.addEventListener("click", sluit);
  voet.append(meer, document.createTextNode(" "), knop);
  venster.append(voet);
  link.insertAdjacentElement("afterend", venster);
  plaats();
  venster.focus({ preventScroll: true });
}

document.addEventListener("click", async (gebeurtenis) => {
  const link = gebeurtenis.target.closest("a.cijfer[data-cijfer]");
  if (!link) {
    if (venster && !venster.contains(gebeurtenis.target)) sluit();
    return;
  }
  if (gebeurtenis.ctrlKey || gebeurtenis.metaKey || gebeurtenis.shiftKey) return;
  gebeurtenis.preventDefault();
  try {
    const alle = await laad(link.href);
    const id = link.dataset.cijfer;
    if (alle[id]) toon(link, alle[id], id);
    else window.location.href = link.href;
  } catch (fout) {
    window.location.href = link.href;
  }
});

// het venster volgt het cijfer bij scrollen (ook in een tabel die horizontaal schuift) en bij
// een andere schermbreedte
document.addEventListener("scroll", planPlaats, { capture: true, passive: true });
window.addEventListener("resize", planPlaats);

document.addEventListener("keydown", (gebeurtenis) => {
  if (gebeurtenis.key === "Escape") sluit();
});
