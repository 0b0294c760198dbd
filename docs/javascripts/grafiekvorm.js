// Grafieken op een smal scherm (een telefoon, of een breed scherm met 200-400% zoom).
//
// De specificatie uit vangnet is gemaakt voor de breedte van een bureaublad en voor de PDF.
// Onder SMAL px breedte past deze module een kopie aan, zodat de staven en lijnen minstens een
// derde van de breedte houden en niets wordt afgesneden:
// - lange categorieën op de verticale as (liggende staven) breken af over hooguit drie regels
//   en krijgen hooguit ~40% van de breedte; wat dan nog niet past, eindigt op "…". Het volledige
//   label staat in de tooltip en in de tabel "Gegevens bij deze grafiek";
// - legenda's staan onder de grafiek, één ingang per regel;
// - bedragen op een horizontale as krijgen minder maatstreepjes, zodat ze elkaar niet raken.
// De gegevens zelf veranderen niet.

export const SMAL = 600;
const LETTERS = "12px 'DejaVu Sans', sans-serif";
const REGELHOOGTE = 14;
const MAX_REGELS = 3;

let meetlat = null;
// de breedte van een tekst in px, in de letter van de grafieken
export function breedteVan(tekst) {
  if (!meetlat) meetlat = document.createElement("canvas").getContext("2d");
  meetlat.font = LETTERS;
  return meetlat.measureText(tekst).width;
}

// Een label in regels van hooguit `max` px. Een woord dat alleen al te lang is, breekt na een
// '/' of '-' of vóór een '('; lukt ook dat niet, dan kort Vega het af met "…" op labelLimit.
export function breekAf(label, max) {
  // stukken met `vast`: sluiten zonder spatie aan op het vorige stuk (een afgebroken woord)
  const stukken = [];
  for (const woord of String(label).split(/\s+/).filter(Boolean)) {
    const delen = breedteVan(woord) > max
      ? woord.split(/(?<=[/-])|(?=\()/).filter(Boolean) : [woord];
    delen.forEach((tekst, i) => stukken.push({ tekst, vast: i > 0 }));
  }
  const regels = [];
  let regel = "";
  for (const { tekst, vast } of stukken) {
    const proef = regel ? `${regel}${vast ? "" : " "}${tekst}` : tekst;
    if (regel && breedteVan(proef) > max) {
      regels.push(regel);
      regel = tekst;
    } else {
      regel = proef;
    }
  }
  if (regel) regels.push(regel);
  if (regels.length > MAX_REGELS) {
    const rest = regels.slice(MAX_REGELS - 1).join(" ");
    regels.length = MAX_REGELS - 1;
    let laatste = rest;
    while (laatste.length > 1 && breedteVan(`${laatste}…`) > max) laatste = laatste.slice(0, -1);
    regels.push(`${laatste.trimEnd()}…`);
  }
  return regels;
}

function lagen(spec) {
  return [spec, ...(spec.layer || [])];
}

function waarden(spec, veld) {
  const rijen = spec.datasets ? Object.values(spec.datasets).flat()
    : (spec.data && spec.data.values) || [];
  return [...new Set(rijen.map((r) => r[veld]).filter((w) => w !== undefined && w !== null))];
}

// Een Vega-expressie die een label vervangt door zijn regels (een lijst: Vega zet die onder
// elkaar); JSON.stringify maakt van elke tekst een geldige, ge-escapete letterlijke tekst.
function labelExpressie(regelsPerLabel) {
  let expressie = "datum.label";
  for (const [label, regels] of regelsPerLabel) {
    if (regels.length === 1 && regels[0] === label) continue;
    expressie = `datum.value === ${JSON.stringify(label)} ? ${JSON.stringify(regels)} : ${expressie}`;
  }
  return expressie;
}

export function voorScherm(origineel, breedte) {
  if (!breedte || breedte >= SMAL) return origineel;
  const spec = JSON.parse(JSON.stringify(origineel));
  spec.config = spec.config || {};
  spec.config.legend = { ...(spec.config.legend || {}), orient: "bottom", direction: "vertical",
                         labelLimit: Math.max(120, breedte - 60) };
  const labelruimte = Math.floor(breedte * 0.4);
  for (const laag of lagen(spec)) {
    const enc = laag.encoding;
    if (!enc) continue;
    // liggende staven: categorieën op de y-as, een hoeveelheid op de x-as
    if (enc.y && enc.y.type === "nominal" && enc.x && enc.x.type === "quantitative") {
      const labels = waarden(laag.datasets ? laag : spec, enc.y.field);
      const regels = new Map(labels.map((l) => [l, breekAf(l, labelruimte)]));
      const meeste = Math.max(1, ...[...regels.values()].map((r) => r.length));
      enc.y.axis = { ...(enc.y.axis || {}), labelLimit: labelruimte,
                     labelExpr: labelExpressie(regels), labelLineHeight: REGELHOOGTE };
      if (typeof spec.height === "number" && labels.length) {
        spec.height = Math.max(spec.height, labels.length * (meeste * REGELHOOGTE + 10));
      }
    }
    // bedragen en aantallen op de x-as: minder maatstreepjes, labels die elkaar niet raken
    if (enc.x && enc.x.type === "quantitative") {
      enc.x.axis = { ...(enc.x.axis || {}), tickCount: Math.max(2, Math.floor(breedte / 130)),
                     labelOverlap: true, labelSeparation: 8, labelFlush: true };
    }
  }
  return spec;
}

// vega-embed laat een leeg formulier voor bindingen achter; dat is voor een schermlezer een
// naamloos formulier zonder inhoud.
export function ruimOp(doel) {
  for (const f of doel.querySelectorAll("form.vega-bindings")) {
    if (!f.children.length) f.remove();
  }
}
