// Developer helper: screenshots of the running explorer at 1440×900 (usage: npx tsx tools/shot.ts URLPATH NAME [click-selector…]).
import { launchChromium } from "./chromium.ts";

const [path = "/", name = "shot", ...clicks] = process.argv.slice(2);
const base = process.env.KEIRO_URL ?? "http://127.0.0.1:8080";
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
page.on("pageerror", (e) => console.error("pageerror", e.message));
await page.goto(base + path);
await page.waitForTimeout(4000);
for (const selector of clicks) {
  await page.click(selector);
  await page.waitForTimeout(1500);
}
const file = `/tmp/shots/${name}.png`;
await page.screenshot({ path: file });
console.log(file);
await browser.close();
