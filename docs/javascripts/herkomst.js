// Uitleg bij een cijfer: een klik op een cijfer opent een venster met de waarde, de formule
// in woorden en met de ingevulde waarden, het gegevensbestand of de parameter met de bron.
// Zonder JavaScript leidt de link naar de pagina "Herkomst van alle cijfers".

const gegevens = new Map();
let venster = null;
let terug = null;

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
  venster.focus();
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

document.addEventListener("keydown", (gebeurtenis) => {
  if (gebeurtenis.key === "Escape") sluit();
});
