// Tweede toegankelijkheidscontrole: pa11y met HTML_CodeSniffer (WCAG 2.1 AA) op een lijst
// pagina's, in één Chromium (die van Debian; puppeteer downloadt niets).
// Gebruik: node controleer.mjs BASIS-URL BREEDTE PAD...   Uitvoer: JSON {pad: [melding, ...]}
import pa11y from "pa11y";
import puppeteer from "puppeteer";

const [basis, breedte, ...paden] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"],
});
const uitkomst = {};
try {
  for (const pad of paden) {
    const pagina = await browser.newPage();
    const resultaat = await pa11y(new URL(pad, basis).href, {
      browser, page: pagina, runners: ["htmlcs"], standard: "WCAG2AA",
      includeWarnings: false, includeNotices: false, timeout: 60000,
      viewport: { width: Number(breedte), height: 900 },
      // wacht tot de interactieve grafieken er staan
      wait: 500,
    });
    uitkomst[pad] = resultaat.issues.map((i) => ({
      code: i.code, type: i.type, selector: i.selector, context: i.context, message: i.message,
    }));
    await pagina.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(uitkomst));
