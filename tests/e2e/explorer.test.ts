import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { Driver } from "neo4j-driver";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildServer } from "../../api/server.ts";
import { databaseConfig } from "../../neo4j/config.ts";
import { buildWebApp, launchBrowser, screenshot } from "../helpers/browser.ts";
import { load, SAMPLE_DIR, testDriver } from "../helpers/database.ts";

/** The explorer in real headless Chromium, against the real API and database, on the sample. */
let driver: Driver;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  driver = testDriver();
  await load(driver, SAMPLE_DIR);
  const webRoot = await buildWebApp();
  app = buildServer({ driver, databaseUri: databaseConfig().uri, webRoot });
  base = await app.listen({ host: "127.0.0.1", port: 0 });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await driver?.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 850 }, acceptDownloads: true });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
});

const total = () => page.getByTestId("total-records").textContent();

/** Clicks an organisation where sigma draws it. */
async function clickNode(id: string): Promise<void> {
  const position = await page.evaluate(
    (node) =>
      (
        window as unknown as { __KEIRO__: { nodeViewport(id: string): { x: number; y: number } | null } }
      ).__KEIRO__.nodeViewport(node),
    id,
  );
  if (!position) throw new Error(`${id} is not drawn`);
  const box = await page.getByTestId("graph").boundingBox();
  await page.mouse.click((box?.x ?? 0) + position.x, (box?.y ?? 0) + position.y);
}

describe("the explorer", () => {
  it("opens /?vendor=isetoh with the blast radius drawn and its totals", async () => {
    const began = Date.now();
    await page.goto(`${base}/?vendor=isetoh`);
    await expect.poll(total, { timeout: 15_000 }).toBe("≥ 2,403,515");
    await page.waitForFunction(
      () => (window as unknown as { __KEIRO__?: { nodeCount(): number } }).__KEIRO__?.nodeCount() === 47,
    );
    process.stderr.write(`URL open → drawn blast radius: ${Date.now() - began} ms\n`);
    expect(await page.getByTestId("total-organisations").textContent()).toBe("34");
    expect(await page.getByTestId("affected-table").locator("tbody tr").count()).toBe(34);
    await screenshot(page, "1-isetoh-blast-radius");
    expect(errors).toEqual([]);
  });

  it("clicking an organisation opens its panel and draws its chain", async () => {
    await page.goto(`${base}/?vendor=isetoh&lang=en`);
    await expect.poll(total).toBe("≥ 2,403,515");
    await page.waitForTimeout(500);
    await clickNode("seishin-shinkin");
    await expect
      .poll(() => page.getByTestId("chain").textContent())
      .toBe("Chain (Depth 2): seishin-shinkin → tokai-shinkin-business → isetoh");
    expect(page.url()).toContain("focus=seishin-shinkin");
    await screenshot(page, "2-seishin-chain");
  });

  it("excluding a contract lowers the total, shows what changed, and back restores it", async () => {
    await page.goto(`${base}/?vendor=isetoh&focus=seishin-shinkin&lang=en`);
    await expect.poll(total).toBe("≥ 2,403,515");
    await page.locator('[data-contract="c-seishin-tsb"] button').click();
    await expect.poll(total).toBe("≥ 2,400,802");
    expect(await page.getByTestId("records-avoided").textContent()).toBe("2,713");
    expect(page.url()).toContain("exclude-contract=c-seishin-tsb");
    await screenshot(page, "3-excluded-contract");
    await page.goBack();
    await expect.poll(total).toBe("≥ 2,403,515");
  });

  it("switches between Japanese and English", async () => {
    await page.goto(`${base}/?vendor=isetoh`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("経路 Keiro — サプライチェーン影響分析");
    await page.getByTestId("language").click();
    await expect
      .poll(() => page.locator("h1").textContent())
      .toBe("Keiro 経路 — supply-chain impact explorer");
    expect(page.url()).toContain("lang=en");
    expect(await page.locator("table.affected tbody tr").first().locator("td").first().textContent()).toBe(
      "Toyota City (豊田市)",
    );
    await screenshot(page, "4-english");
  });

  it("exports the blast radius as CSV with one row per affected organisation", async () => {
    await page.goto(`${base}/?vendor=isetoh`);
    await expect.poll(total).toBe("≥ 2,403,515");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('a[data-format="csv"]').click(),
    ]);
    const csv = readFileSync((await download.path()) as string, "utf8");
    const rows = csv.split("\r\n").filter(Boolean);
    expect(rows.length).toBe(35);
    expect(rows).toContain(
      'seishin-shinkin,静清信用金庫,Seishin Shinkin Bank,shinkin_bank,,2,2713,no,0,0,seishin-shinkin > tokai-shinkin-business > isetoh,"2,702 records (confirmed, 2024-11-18)"',
    );
  });

  it("finds organisations by type-ahead and compromises one from its panel", async () => {
    await page.goto(`${base}/?lang=en`);
    await page.getByRole("combobox").fill("豊田");
    await expect
      .poll(() => page.locator('[role="option"]').first().getAttribute("data-id"))
      .toBe("toyota-city");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("organisation-panel").getAttribute("aria-label")).toBe("豊田市");
    await page.getByRole("button", { name: "Compromise this one" }).click();
    await expect.poll(() => page.getByTestId("total-organisations").textContent()).toBe("0");
    expect(page.url()).toContain("vendor=toyota-city");
  });

  it("ranks vendors and compromises one with a click", async () => {
    await page.goto(`${base}/?view=rank&lang=en`);
    await page.getByRole("button", { name: "Isetoh Co., Ltd. (株式会社イセトー)" }).click();
    await expect.poll(total).toBe("≥ 2,403,515");
    await screenshot(page, "5-rank-to-radius");
  });
});

/** What the page's graph says (read through window.__KEIRO__). */
type PageGraph = {
  order: number;
  hasNode(id: string): boolean;
  getNodeAttribute(id: string, name: string): unknown;
};
type PageWindow = { __KEIRO__: { graph(): PageGraph; nodeCount(): number }; __firstGraph?: PageGraph };

const nodeCount = () => page.evaluate(() => (window as unknown as PageWindow).__KEIRO__.nodeCount());
const label = (id: string) =>
  page.evaluate(
    (node) => (window as unknown as PageWindow).__KEIRO__.graph().getNodeAttribute(node, "label"),
    id,
  );
/** Whether sigma still draws the graph it drew when `rememberGraph` ran. */
const sameGraph = () =>
  page.evaluate(() => {
    const w = window as unknown as PageWindow;
    return w.__KEIRO__.graph() === w.__firstGraph;
  });
const rememberGraph = () =>
  page.evaluate(() => {
    const w = window as unknown as PageWindow;
    w.__firstGraph = w.__KEIRO__.graph();
  });

describe("the graph and the answers", () => {
  it("keeps one graph through a language change and a new answer; labels follow, leavers leave", async () => {
    // Without the overview, the graph holds the blast radius alone: who leaves it, leaves the graph.
    await page.route("**/api/graph?**", (route) =>
      route.fulfill({
        json: {
          nodes: [],
          contracts: [],
          total: { organisations: 0, contracts: 0 },
          contractsAmong: 0,
          truncated: false,
        },
      }),
    );
    await page.goto(`${base}/?vendor=isetoh`);
    await expect.poll(total).toBe("≥ 2,403,515");
    await expect.poll(nodeCount).toBe(35);
    await rememberGraph();
    expect(await label("toyota-city")).toBe("豊田市");
    const x = () =>
      page.evaluate(() =>
        (window as unknown as PageWindow).__KEIRO__.graph().getNodeAttribute("toyota-city", "x"),
      );
    const before = await x();

    await page.getByTestId("language").click();
    await expect.poll(() => label("toyota-city")).toBe("Toyota City");
    expect(await sameGraph()).toBe(true);
    expect(await x()).toBe(before);

    await page.getByLabel("Max depth").fill("1");
    await expect.poll(total).not.toBe("≥ 2,403,515");
    const affected = Number(
      (await page.getByTestId("total-organisations").textContent())?.replaceAll(",", ""),
    );
    await expect.poll(nodeCount).toBe(affected + 1);
    expect(affected).toBeLessThan(34);
    expect(
      await page.evaluate(() =>
        (window as unknown as PageWindow).__KEIRO__.graph().hasNode("seishin-shinkin"),
      ),
    ).toBe(false);
    expect(await sameGraph()).toBe(true);
    expect(await label("toyota-city")).toBe("Toyota City");
    await screenshot(page, "6-radius-alone-max-depth-1");
  });

  it("never lets a stale answer overwrite a newer one, and aborts the stale request", async () => {
    const failed: string[] = [];
    page.on("requestfailed", (r) => failed.push(r.url()));
    // The plain blast radius is held back until the what-if (max depth 1) has been answered.
    let release: () => Promise<void> = async () => {};
    const held = new Promise<void>((asked) => {
      void page.route("**/api/impact?vendor=isetoh&limit=*", (route) => {
        release = () => route.continue().catch(() => {});
        asked();
      });
    });
    await page.goto(`${base}/?vendor=isetoh&lang=en`);
    await held;
    await page.getByLabel("Max depth").fill("1");
    await expect.poll(() => page.getByTestId("comparison").count()).toBe(1);
    const newer = await total();
    await release();
    await page.waitForTimeout(500);
    expect(await total()).toBe(newer);
    expect(newer).not.toBe("≥ 2,403,515");
    expect(failed.some((url) => url.includes("/api/impact?vendor=isetoh"))).toBe(true);
  });
});
