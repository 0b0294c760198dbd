// Sorteren en filteren van de tabel met alle gemeenten (vangnet landelijk --site).
// Zonder JavaScript staat de volledige tabel er; het filter blijft dan verborgen. Elke kop met
// data-sorteer krijgt een knop (Enter of spatie sorteert, nog eens keert de volgorde om);
// aria-sort en de statusregel zeggen wat er gebeurde.
(function () {
  "use strict";

  function normaal(tekst) {
    return tekst.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function sorteerwaarde(cel, soort) {
    if (soort === "getal") {
      var w = cel.getAttribute("data-waarde");
      return w === null || w === "" ? null : parseFloat(w);
    }
    return normaal(cel.textContent);
  }

  function richt(blok) {
    var tabel = blok.querySelector("table");
    var tbody = tabel.tBodies[0];
    var rijen = Array.prototype.slice.call(tbody.rows);
    var status = blok.querySelector("[data-status]");
    var formulier = blok.querySelector("form");
    var koppen = Array.prototype.slice.call(tabel.tHead.rows[0].cells);
    var sortering = "";

    function meld() {
      var zichtbaar = rijen.filter(function (r) { return !r.hidden; }).length;
      status.textContent = zichtbaar + " van " + rijen.length + " gemeenten getoond" +
        (sortering ? ", " + sortering : "") + ".";
    }

    function filter() {
      var waarden = {};
      formulier.querySelectorAll("[data-filter]").forEach(function (veld) {
        waarden[veld.getAttribute("data-filter")] = veld.value;
      });
      var zoek = normaal(waarden.gemeente || "");
      rijen.forEach(function (r) {
        r.hidden = !(
          (!zoek || normaal(r.getAttribute("data-gemeente")).indexOf(zoek) >= 0) &&
          (!waarden.regime || r.getAttribute("data-regime") === waarden.regime) &&
          (!waarden.aanmerking || r.getAttribute("data-aanmerking") === waarden.aanmerking));
      });
      meld();
    }

    function sorteer(kop, knop) {
      var index = kop.cellIndex;
      var soort = kop.getAttribute("data-sorteer");
      var oplopend = kop.getAttribute("aria-sort") !== "ascending";
      var volgorde = rijen.map(function (r, i) {
        return { rij: r, i: i, w: sorteerwaarde(r.cells[index], soort) };
      });
      volgorde.sort(function (a, b) {
        // lege waarden (niet getoetst) altijd onderaan
        if (a.w === null && b.w === null) { return a.i - b.i; }
        if (a.w === null) { return 1; }
        if (b.w === null) { return -1; }
        var v = soort === "getal" ? a.w - b.w : a.w.localeCompare(b.w, "nl");
        return (oplopend ? v : -v) || a.i - b.i;
      });
      volgorde.forEach(function (x) { tbody.appendChild(x.rij); });
      rijen = volgorde.map(function (x) { return x.rij; });
      koppen.forEach(function (k) { k.removeAttribute("aria-sort"); });
      kop.setAttribute("aria-sort", oplopend ? "ascending" : "descending");
      sortering = "gesorteerd op " + knop.textContent.toLowerCase() +
        (oplopend ? ", oplopend" : ", aflopend");
      meld();
    }

    koppen.forEach(function (kop) {
      if (!kop.hasAttribute("data-sorteer")) { return; }
      var knop = document.createElement("button");
      knop.type = "button";
      knop.className = "sorteerknop";
      knop.textContent = kop.textContent;
      kop.textContent = "";
      kop.appendChild(knop);
      knop.addEventListener("click", function () { sorteer(kop, knop); });
    });
    formulier.hidden = false;
    formulier.addEventListener("input", filter);
    formulier.addEventListener("change", filter);
    formulier.addEventListener("submit", function (e) { e.preventDefault(); });
    meld();
  }

  function start() {
    document.querySelectorAll("[data-landelijk]").forEach(richt);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
