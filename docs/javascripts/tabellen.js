// Tabellen op een smal scherm (een telefoon, of een breed scherm met 200-400% zoom).
//
// Een tabel die niet past, schuift in haar eigen kader (div.tabel__scroll). Dat is op een
// telefoon niet te zien, en juist de laatste kolommen (Voldaan, de doelen en resultaten) vallen
// dan buiten beeld. Daarom, alleen als de tabel niet past:
// - onder SMAL px wordt een tabel met zinnen (een kolom na de eerste met lange teksten) een
//   stapel kaartjes: per rij een kaart met de rijkop als titel en per cel de kolomkop ervoor
//   (data-kop, getoond door vangnet.css). Het blijft een tabel: omdat een browser een tabel met
//   display: block niet altijd meer als tabel doorgeeft, krijgen de elementen dan expliciet hun
//   rol (table, row, columnheader, rowheader, cell);
// - anders (een tabel met getallen) blijft het een tabel die schuift: de titel en een smalle
//   eerste kolom blijven staan, een schaduw aan de rand laat zien dat er meer is, en onder de titel
//   staat "Veeg opzij voor meer kolommen →" (aria-hidden: een schermlezer leest de tabel
//   gewoon cel voor cel).
// Zonder JavaScript schuift de tabel in haar kader, met de schaduw uit vangnet.css.

export const SMAL = 600;
const smal = window.matchMedia(`(max-width: ${SMAL - 0.02}px)`);
const aanraken = window.matchMedia("(pointer: coarse)");
const LANG = 25; // tekens: een kolom met gemiddeld langere teksten bevat zinnen

const ROLLEN = [
  ["table", "table"], ["thead, tbody, tfoot", "rowgroup"], ["tr", "row"],
  ["th[scope=col]", "columnheader"], ["th[scope=row]", "rowheader"], ["td", "cell"],
];

function tekst(cel) {
  return cel.textContent.replace(/\s+/g, " ").trim();
}

function eenvoudig(tabel) {
  return tabel.tHead && tabel.tHead.rows.length === 1
    && ![...tabel.querySelectorAll("th, td")].some((c) => c.colSpan > 1 || c.rowSpan > 1);
}

// een kolom na de eerste zonder getallen, met gemiddeld lange teksten
function metZinnen(tabel) {
  const koppen = [...tabel.tHead.rows[0].cells];
  const rijen = [...tabel.tBodies].flatMap((b) => [...b.rows]);
  for (let j = 1; j < koppen.length; j++) {
    if (koppen[j].classList.contains("getal")) continue;
    const teksten = rijen.map((r) => r.cells[j]).filter(Boolean).map(tekst).filter(Boolean);
    if (!teksten.length) continue;
    const gemiddeld = teksten.reduce((n, t) => n + t.length, 0) / teksten.length;
    if (gemiddeld > LANG) return true;
  }
  return false;
}

// elke cel krijgt de kop van haar kolom (data-kop) en haar inhoud in één element, zodat een
// kaartje kop en waarde naast elkaar kan zetten, ook als de waarde uit tekst en links bestaat
function labels(tabel) {
  const koppen = [...tabel.tHead.rows[0].cells].map(tekst);
  for (const rij of tabel.querySelectorAll("tbody tr, tfoot tr")) {
    [...rij.cells].forEach((cel, j) => {
      if (cel.tagName !== "TD" || cel.dataset.kop || !koppen[j]) return;
      cel.dataset.kop = koppen[j];
      if (!cel.firstChild) return;
      const waarde = document.createElement("span");
      waarde.className = "tabel__waarde";
      waarde.append(...cel.childNodes);
      cel.append(waarde);
    });
  }
}

function zetRollen(tabel, aan) {
  for (const [kiezer, rol] of ROLLEN) {
    const elementen = kiezer === "table" ? [tabel] : tabel.querySelectorAll(kiezer);
    for (const e of elementen) {
      if (aan) e.setAttribute("role", rol); else e.removeAttribute("role");
    }
  }
  const titel = tabel.caption;
  if (aan && titel && titel.id) tabel.setAttribute("aria-labelledby", titel.id);
  else tabel.removeAttribute("aria-labelledby");
}

function hint(tabel) {
  const titel = tabel.caption;
  if (!titel) return;
  let h = titel.querySelector(".tabel__hint");
  if (!h) {
    h = document.createElement("span");
    h.className = "tabel__hint";
    h.setAttribute("aria-hidden", "true");
    titel.append(h);
  }
  h.textContent = `${aanraken.matches ? "Veeg" : "Schuif"} opzij voor meer kolommen →`;
}

function werkSchuivenBij(blok, regio) {
  const schuift = !blok.classList.contains("tabel--kaarten")
    && regio.scrollWidth > regio.clientWidth + 1;
  blok.classList.toggle("tabel--schuift", schuift);
  blok.classList.toggle("tabel--geschoven", schuift && regio.scrollLeft > 1);
  blok.classList.toggle("tabel--eind",
    schuift && regio.scrollLeft + regio.clientWidth >= regio.scrollWidth - 1);
  blok.style.setProperty("--tabel-zicht", `${regio.clientWidth}px`);
}

// de eerste kolom blijft alleen staan als ze smal is (een jaar, een code): een brede eerste
// kolom zou het grootste deel van het scherm bedekken. Het kader houdt links ruimte voor die
// kolom: een cel die de focus krijgt (Tab), schuift dan niet onder die vaste kolom
function zetVast(blok, regio, tabel) {
  blok.classList.remove("tabel--vast");
  regio.style.scrollPaddingLeft = "";
  if (!blok.classList.contains("tabel--schuift")) return;
  const eerste = tabel.querySelector("tbody th[scope=row]");
  const breedte = eerste ? eerste.getBoundingClientRect().width : Infinity;
  if (breedte > 0.4 * regio.clientWidth) return;
  blok.classList.add("tabel--vast");
  regio.style.scrollPaddingLeft = `${Math.ceil(breedte) + 8}px`;
}

// Een cel die de focus krijgt, schuift de browser in beeld, maar niet als ze half zichtbaar
// is, en zonder op de vaste eerste kolom te letten: dan schuift het kader zelf bij.
function zichtbaarNaastVast(blok, regio, doel) {
  if (!blok.classList.contains("tabel--schuift") || doel.closest("th[scope=row]")
      || doel.closest(".herkomst-venster")) return;  // het uitlegvenster verschuift niets
  const kader = regio.getBoundingClientRect();
  const eerste = blok.classList.contains("tabel--vast")
    && regio.querySelector("tbody th[scope=row]");
  const links = eerste ? eerste.getBoundingClientRect().right : kader.left;
  const r = doel.getBoundingClientRect();
  if (r.left < links + 4) regio.scrollLeft -= links + 8 - r.left;
  else if (r.right > kader.right - 4) regio.scrollLeft += r.right - kader.right + 8;
}

function deelIn(blok) {
  const regio = blok.querySelector(":scope > .tabel__scroll");
  const tabel = regio && regio.querySelector(":scope > table");
  if (!tabel) return;
  const kaarten = blok.dataset.tabelvorm === "kaarten";
  if (kaarten) {
    // eerst als tabel meten: past hij, dan blijft het een tabel
    blok.classList.remove("tabel--kaarten");
    blok.classList.remove("tabel--schuift");
    const past = regio.scrollWidth <= regio.clientWidth + 1;
    const alsKaarten = smal.matches && !past;
    blok.classList.toggle("tabel--kaarten", alsKaarten);
    zetRollen(tabel, alsKaarten);
  }
  werkSchuivenBij(blok, regio);
  zetVast(blok, regio, tabel);
  if (blok.classList.contains("tabel--schuift")) hint(tabel);
}

const blokken = [...document.querySelectorAll(".md-typeset .tabel")].filter((blok) => {
  const tabel = blok.querySelector(":scope > .tabel__scroll > table");
  if (!tabel || !tabel.tHead) return false;
  if (eenvoudig(tabel) && metZinnen(tabel)) {
    labels(tabel);
    blok.dataset.tabelvorm = "kaarten";
  }
  const regio = tabel.parentElement;
  regio.addEventListener("scroll", () => werkSchuivenBij(blok, regio), { passive: true });
  regio.addEventListener("focusin", (g) => zichtbaarNaastVast(blok, regio, g.target));
  return true;
});

function alles() {
  for (const blok of blokken) deelIn(blok);
}

alles();
let wachten = null;
const opnieuw = () => {
  cancelAnimationFrame(wachten);
  wachten = requestAnimationFrame(alles);
};
window.addEventListener("resize", opnieuw);
smal.addEventListener("change", opnieuw);
// een tabel in een dicht uitklapblok ("Gegevens bij deze grafiek") is pas bij openen te meten
document.addEventListener("toggle", opnieuw, true);
document.fonts.ready.then(opnieuw);
