// Uitleg bij een cijfer: een klik op een cijfer opent een venster met de waarde, de formule
// in woorden en met de ingevulde waarden, het gegevensbestand of de parameter met de bron.
// Zonder JavaScript leidt de link naar de pagina "Herkomst van alle cijfers".
//
// Het venster staat in de HTML direct na het cijfer (dan komt het in de tabvolgorde en de
// leesvolgorde op de plek van het cijfer), maar wordt getoond ten opzichte van het scherm:
// ook een cijfer in een smalle tabelcel of een tabel die horizontaal schuift, krijgt een venster
// van zijn eigen breedte (tot 28rem, op een telefoon de schermbreedte min een marge), altijd
// helemaal in beeld.
//
// Het venster bedekt nooit de regel waar het cijfer in staat: de stap van een berekening (een
// opsommingsteken of een korte alinea), de rij van een tabel of de regel van een kaartje. Het
// komt onder die regel; is daar te weinig ruimte, dan schuift de pagina eerst zo ver op als
// kan zonder dat de regel onder de kopbalk verdwijnt, en past het dan nog niet, dan komt het
// boven de regel (of aan de kant met de meeste ruimte, met een schuifbalk in het venster).

const gegevens = new Map();
let venster = null;
let terug = null;
let ruimte = null;    // extra ruimte onder de pagina zolang het venster open is
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

// De regel waar het cijfer bij hoort: de rij van een tabel (of de regel van een kaartje, zie
// tabellen.js), of het opsommingsteken of de alinea als die kort is (hooguit vier regels);
// anders alleen de tekstregel van het cijfer zelf.
function regelVan(link) {
  if (link.closest(".tabel--kaarten")) return link.closest("td, th") || link;
  const rij = link.closest("tr");
  if (rij) return rij;
  const blok = link.closest("li, p, dd, dt, h1, h2, h3, h4, h5, h6, figcaption");
  if (blok) {
    const regel = parseFloat(getComputedStyle(blok).lineHeight) || 24;
    if (blok.getBoundingClientRect().height <= 4.5 * regel) return blok;
  }
  return link;
}

function bovengrens() {
  const kop = document.querySelector(".md-header");
  return Math.max(MARGE, kop ? kop.getBoundingClientRect().bottom + MARGE : MARGE);
}

// `schuif`: alleen bij het openen mag de pagina opschuiven om ruimte te maken
function plaats(schuif = false) {
  if (!venster || !terug) return;
  const breedte = document.documentElement.clientWidth;
  const hoogte = window.innerHeight;
  const boven = bovengrens();
  const cijfer = terug.getBoundingClientRect();
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const w = Math.min(28 * rem, breedte - 2 * MARGE);
  venster.style.width = `${w}px`;
  venster.style.left = `${Math.min(Math.max(cijfer.left, MARGE), breedte - MARGE - w)}px`;
  venster.style.maxHeight = "none";
  const h = venster.scrollHeight;
  const meetRegel = () => {
    const r = regelVan(terug).getBoundingClientRect();
    // een regel hoger dan een half scherm (een hoge tabelrij): dan het cijfer zelf
    return r.height > hoogte / 2 ? terug.getBoundingClientRect() : r;
  };
  let regel = meetRegel();
  let eronder = hoogte - MARGE - (regel.bottom + AFSTAND);
  if (schuif && h > eronder + 1) {
    // zo ver opschuiven dat het venster onder de regel past, maar de regel niet onder de
    // kopbalk; onderaan de pagina komt er zolang het venster open is ruimte bij
    const stap = Math.ceil(Math.min(h - eronder, regel.top - boven));
    const pagina = document.scrollingElement || document.documentElement;
    const rest = pagina.scrollHeight - window.innerHeight - window.scrollY;
    if (stap > rest) {
      ruimte = document.createElement("div");
      ruimte.className = "herkomst-ruimte";
      ruimte.setAttribute("aria-hidden", "true");
      ruimte.style.height = `${Math.ceil(stap - rest)}px`;
      document.body.append(ruimte);
    }
    if (stap > 0) {
      window.scrollBy({ top: stap, behavior: "instant" });
      regel = meetRegel();
      eronder = hoogte - MARGE - (regel.bottom + AFSTAND);
    }
  }
  const erboven = regel.top - AFSTAND - boven;
  if (h <= eronder + 1 || (h > erboven && eronder >= erboven)) {
    venster.style.maxHeight = `${Math.max(eronder, 120)}px`;
    venster.style.top = `${regel.bottom + AFSTAND}px`;
  } else {
    const ruimte = Math.max(erboven, 120);
    venster.style.maxHeight = `${ruimte}px`;
    venster.style.top = `${regel.top - AFSTAND - Math.min(h, ruimte)}px`;
  }
}

let gepland = false;
function planPlaats() {
  if (gepland) return;
  gepland = true;
  requestAnimationFrame(() => { gepland = false; plaats(); });
}

function sluit(focusTerug = true) {
  if (!venster) return;
  venster.remove();
  venster = null;
  document.documentElement.classList.remove("herkomst-open");
  if (ruimte) ruimte.remove();
  ruimte = null;
  if (terug && focusTerug) terug.focus();
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
  // wie met Tab het venster verlaat, gaat verder op de pagina: het venster sluit en bedekt
  // het volgende element met de focus niet (WCAG 2.4.11)
  venster.addEventListener("focusout", (g) => {
    const naar = g.relatedTarget;
    if (venster && naar && !venster.contains(naar)) sluit(false);
  });
  link.insertAdjacentElement("afterend", venster);
  // geen tooltip van Material meer over de berekening heen (vangnet.css)
  document.documentElement.classList.add("herkomst-open");
  plaats(true);
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
