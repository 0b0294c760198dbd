// Het navigatiepaneel van Material met het toetsenbord. Op een smal scherm (of bij 200-400%
// zoom) zit de navigatie achter de menuknop in de kop; Material maakt die knop van een <label>,
// die geen Tab-stop is. Hier wordt het een knop met een Nederlandse naam: Enter of spatie opent
// het paneel en zet de focus op de eerste link, Esc sluit het en zet de focus terug op de knop.
// Verlaat de focus het open paneel, dan gaat het dicht (anders zou de focus onder het paneel
// verdwijnen). Zonder JavaScript blijft de knop werken zoals in Material (met de muis).

const schakelaar = document.getElementById("__drawer");
const knop = document.querySelector(".md-header label.md-header__button[for='__drawer']");
const paneel = document.querySelector(".md-sidebar--primary");
// dezelfde grens als Material: daaronder is de navigatie een paneel achter de menuknop
const smal = window.matchMedia("(max-width: 76.234375em)");

function zet(open, focus) {
  if (schakelaar.checked !== open) {
    schakelaar.checked = open;
    schakelaar.dispatchEvent(new Event("change", { bubbles: true }));
  }
  werkBij();
  if (open && focus) {
    // het diepste open deelpaneel is wat de lezer ziet (op een pagina in Dossier: Dossier)
    const open_ = [...paneel.querySelectorAll("input.md-nav__toggle:checked")]
      .map((t) => t.parentElement.querySelector(":scope > nav.md-nav")).filter(Boolean);
    const zichtbaar = smal.matches && open_.length ? open_[open_.length - 1] : paneel;
    const eerste = zichtbaar.querySelector(
      ":scope > .md-nav__list a[href], :scope > .md-nav__list label[tabindex='0']")
      || paneel.querySelector("a[href]");
    // het paneel is pas zichtbaar (en focusbaar) na de stijlwijziging
    requestAnimationFrame(() => { if (eerste) eerste.focus(); });
  } else if (!open && focus) {
    knop.focus();
  }
}

function werkBij() {
  knop.setAttribute("aria-expanded", schakelaar.checked ? "true" : "false");
  knop.setAttribute("aria-label", schakelaar.checked ? "Navigatie sluiten" : "Navigatie openen");
}

if (schakelaar && knop && paneel) {
  knop.setAttribute("role", "button");
  knop.tabIndex = 0;
  knop.setAttribute("aria-controls", paneel.id || (paneel.id = "navigatiepaneel"));
  werkBij();
  schakelaar.addEventListener("change", werkBij);
  knop.addEventListener("keydown", (g) => {
    if (g.key === "Enter" || g.key === " ") {
      // Material klikt bij Enter zelf op een label; dat zou het paneel meteen weer sluiten
      g.preventDefault();
      g.stopPropagation();
      zet(!schakelaar.checked, true);
    }
  });
  document.addEventListener("keydown", (g) => {
    if (g.key === "Escape" && schakelaar.checked) zet(false, true);
  });
  paneel.addEventListener("focusout", (g) => {
    if (schakelaar.checked && g.relatedTarget && !paneel.contains(g.relatedTarget)
        && g.relatedTarget !== knop) {
      zet(false, false);
    }
  });
}

// In het paneel zijn de secties (Dossier, Verantwoording) en de inhoudsopgave van de pagina
// eigen deelpanelen achter een <label>. Op een smal scherm worden die labels knoppen: Enter of
// spatie opent het deelpaneel en zet de focus op de eerste link; de titel bovenaan het
// deelpaneel ("terug") sluit het weer. Op een breed scherm zijn de secties gewone koppen en
// geen Tab-stop. Een dicht deelpaneel is op een smal scherm onzichtbaar (zie vangnet.css).

function deelknoppen() {
  if (!paneel) return [];
  return [...paneel.querySelectorAll("label.md-nav__link[for], label.md-nav__title[for]")]
    .filter((l) => l.htmlFor !== "__drawer" && document.getElementById(l.htmlFor));
}

function openDeel(label, open) {
  const toggle = document.getElementById(label.htmlFor);
  toggle.checked = open;
  toggle.dispatchEvent(new Event("change", { bubbles: true }));
  const deel = toggle.parentElement.querySelector(":scope > nav.md-nav");
  requestAnimationFrame(() => {
    if (open && deel) {
      const eerste = deel.querySelector(":scope > .md-nav__list a[href], :scope > .md-nav__list label[tabindex='0']");
      if (eerste) eerste.focus();
    } else {
      const terug = toggle.parentElement.querySelector(":scope > label.md-nav__link");
      if (terug) terug.focus();
    }
  });
}

function richtDeelknoppenIn() {
  for (const label of deelknoppen()) {
    if (!label.dataset.vangnetTabindex) label.dataset.vangnetTabindex = label.getAttribute("tabindex") ?? "";
    if (smal.matches) {
      label.tabIndex = 0;
      label.setAttribute("role", "button");
      if (label.classList.contains("md-nav__title")) {
        label.setAttribute("aria-label", `Terug uit ${label.textContent.trim()}`);
      } else {
        const toggle = document.getElementById(label.htmlFor);
        label.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
      }
    } else {
      const oud = label.dataset.vangnetTabindex;
      if (oud === "") label.removeAttribute("tabindex"); else label.setAttribute("tabindex", oud);
      label.removeAttribute("role");
      label.removeAttribute("aria-expanded");
      if (label.classList.contains("md-nav__title")) label.removeAttribute("aria-label");
    }
  }
}

if (paneel) {
  richtDeelknoppenIn();
  smal.addEventListener("change", richtDeelknoppenIn);
  paneel.addEventListener("change", richtDeelknoppenIn);
  // verlaat de focus een open deelpaneel (Tab na de laatste link), dan gaat het dicht, zodat
  // wat de focus krijgt niet onder het deelpaneel ligt
  paneel.addEventListener("focusin", (g) => {
    if (!smal.matches) return;
    for (const toggle of paneel.querySelectorAll("input.md-nav__toggle:checked")) {
      const item = toggle.parentElement;
      const deel = item.querySelector(":scope > nav.md-nav");
      const label = item.querySelector(":scope > label.md-nav__link");
      if (deel && !deel.contains(g.target) && g.target !== label) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
  });
  paneel.addEventListener("keydown", (g) => {
    const label = g.target.closest("label[for]");
    if (!label || !smal.matches || !deelknoppen().includes(label)) return;
    if (g.key === "Enter" || g.key === " ") {
      g.preventDefault();
      g.stopPropagation();
      openDeel(label, label.classList.contains("md-nav__link"));
    }
  });
}
