import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../tools/chromium.ts";
import { breachDataset } from "../helpers/breachGraphs.ts";
import { SCREENSHOTS, watchErrors } from "../helpers/browser.ts";
import { load, runCommand, SAMPLE_DIR, testDriver } from "../helpers/database.ts";

/**
 * The packets as a person opens and prints them: real headless Chromium, Japanese and English,
 * the index's links, the A4 print (page.pdf), and a dataset whose names are markup.
 */
let driver: Driver;
let browser: Browser;
const dirs: Record<string, string> = {};
beforeAll(async () => {
  driver = testDriver();
  await load(driver, SAMPLE_DIR);
  for (const lang of ["ja", "en"]) {
    dirs[lang] = mkdtempSync(join(tmpdir(), `keiro-packets-${lang}-`));
    const run = runCommand("bin/notify.ts", [
      "--vendor",
      "isetoh",
      "--out",
      dirs[lang] as string,
      "--lang",
      lang,
      "--today",
      "2024-05-28",
    ]);
    expect(run.status).toBe(0);
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await driver?.close();
});

async function open(path: string, errors: string[]): Promise<Page> {
  const page = watchErrors(await browser.newPage({ viewport: { width: 1100, height: 900 } }), errors);
  await page.goto(`file://${path}`);
  return page;
}

/** A4 is 210 mm wide; less 2 × 15 mm of margins, 180 mm ≈ 680 CSS pixels of print width. */
async function printsOnA4(page: Page, name: string): Promise<number> {
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 680, height: 960 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} is wider than an A4 page`).toBeLessThanOrEqual(0);
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

describe("packets in a browser", () => {
  it("opens the Japanese index, follows a link to Seishin's packet, and prints it on A4", async () => {
    const errors: string[] = [];
    const page = await open(join(dirs.ja as string, "index.html"), errors);
    expect(await page.getAttribute("html", "lang")).toBe("ja");
    expect(await page.textContent("h1")).toBe("漏えい等への対応：組織ごとの義務と期限");
    expect(await page.locator("tbody tr").count()).toBe(35);
    await page.click("text=静清信用金庫");
    expect(await page.textContent("h1")).toBe("漏えい等への対応：静清信用金庫");
    const duties = await page.locator("table").nth(4).locator("tbody tr").allTextContents();
    expect(duties).toEqual([
      "速報（規則第8条第1項：速やかに。目安）2024-05-30残り2日",
      "確報（規則第8条第2項：事態を知った日から60日目、閉庁日なら翌開庁日）2024-07-24残り57日",
      "本人への通知（法第26条第2項）速やかに—",
    ]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "notify-packet-ja.png"), fullPage: true });
    expect(await printsOnA4(page, "Seishin's packet")).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
  });

  it("opens an English packet of an intermediary and prints the index on A4 without a row cut", async () => {
    const errors: string[] = [];
    const page = await open(join(dirs.en as string, "organisations", "tokai-shinkin-business.html"), errors);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.textContent("h1")).toBe("Breach response: Tokai Shinkin Business Co., Ltd.");
    const clients = await page
      .locator("section:has(h2:text('Whom it must tell')) tbody tr td:first-child")
      .allTextContents();
    expect(clients).toEqual([
      "Ogaki Seino Shinkin Bank",
      "Seishin Shinkin Bank",
      "Other shinkin banks consigning to Tokai Shinkin Business (unnamed)",
      "Tono Shinkin Bank",
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, "notify-packet-en.png"), fullPage: true });
    expect(await printsOnA4(page, "the English packet")).toBeGreaterThanOrEqual(1);
    const index = await open(join(dirs.en as string, "index.html"), errors);
    // Rows never split across pages, and every page repeats the table's header.
    expect(
      await index.evaluate(() => getComputedStyle(document.querySelector("thead") as Element).display),
    ).toBe("table-header-group");
    expect(await printsOnA4(index, "the English index")).toBeGreaterThanOrEqual(2);
    expect(
      await index.evaluate(() => getComputedStyle(document.querySelector("tr") as Element).breakInside),
    ).toBe("avoid");
    expect(errors).toEqual([]);
  });

  it("shows names written as markup as text, in HTML and Markdown, and runs none of it", async () => {
    const hostile = '<img src=x onerror="window.pwned=1">';
    await load(
      driver,
      breachDataset({
        organisations: [`v:it_vendor:${hostile}`, "a:company:[click](javascript:alert(1)) **A**"],
        contracts: ["k1: a -> v 10/10 name"],
        incidents: ["i1 v ransomware 2024-05-26"],
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), "keiro-packets-hostile-"));
    expect(runCommand("bin/notify.ts", ["--vendor", "v", "--out", dir]).status).toBe(0);
    const errors: string[] = [];
    const page = await open(join(dir, "organisations", "a.html"), errors);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.textContent("h1")).toBe("漏えい等への対応：[click](javascript:alert(1)) **A**");
    expect(await page.locator("img").count()).toBe(0);
    const md = readFileSync(join(dir, "organisations", "v.md"), "utf8");
    expect(md).toContain('# 委託元への通知：&lt;img src=x onerror="window.pwned=1"&gt;（侵害された受託者）');
    expect(md).toContain("| [\\[click\\](javascript:alert(1)) \\*\\*A\\*\\*](a.md) |");
    expect(errors).toEqual([]);
  });
});
