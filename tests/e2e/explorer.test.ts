import { readFileSync } from "node:fs";
import type { Driver } from "neo4j-driver";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type Explorer,
  screenshot,
  startExplorer,
  stopExplorer,
  waitForSettledGraph,
  watchErrors,
} from "../helpers/browser.ts";
import { load, SAMPLE_DIR, testDriver } from "../helpers/database.ts";

/** The explorer in real headless Chromium, against the real API and database, on the sample. */
let driver: Driver;
let explorer: Explorer;
let base: string;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  driver = testDriver();
  await load(driver, SAMPLE_DIR);
  explorer = await startExplorer(driver);
  ({ base, browser } = explorer);
}, 120_000);
afterAll(async () => {
  await stopExplorer(explorer ?? {});
  await driver?.close();
});
beforeEach(async () => {
  page = watchErrors(
    await browser.newPage({ viewport: { width: 1400, height: 850 }, acceptDownloads: true }),
    errors,
  );
});

const total = () => page.getByTestId("total-records").textContent();

/** Clicks an organisation where sigma draws it. */
async function clickNode(id: string): Promise<void> {
  await waitForSettledGraph(page);
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
    await expect.poll(total, { timeout: 15_000 }).toBe("≥ 1,537,836");
    await page.waitForFunction(
      () => (window as unknown as { __KEIRO__?: { nodeCount(): number } }).__KEIRO__?.nodeCount() === 35,
    );
    process.stderr.write(`URL open → drawn blast radius: ${Date.now() - began} ms\n`);
    expect(await page.getByTestId("total-organisations").textContent()).toBe("34");
    expect(await page.getByTestId("affected-table").locator("tbody tr").count()).toBe(34);
    await screenshot(page, "1-isetoh-blast-radius");
    expect(errors).toEqual([]);
  });

  it("clicking an organisation opens its panel and draws its chain", async () => {
    await page.goto(`${base}/?vendor=isetoh&lang=en`);
    await expect.poll(total).toBe("≥ 1,537,836");
    await clickNode("seishin-shinkin");
    const why = page.getByTestId("why-affected");
    await expect
      .poll(() => why.locator("p").textContent())
      .toBe("Depth 2: its data reaches Isetoh Co., Ltd. through these contracts");
    expect(await why.locator("li").allInnerTexts()).toEqual([
      "Seishin Shinkin Bank → Tokai Shinkin Business Co., Ltd. c-seishin-tsb",
      "Tokai Shinkin Business Co., Ltd. → Isetoh Co., Ltd. c-tsb-isetoh\ncarries only the data of Seishin Shinkin Bank c-seishin-tsb, and 3 other contracts",
    ]);
    expect(page.url()).toContain("focus=seishin-shinkin");
    await screenshot(page, "2-seishin-chain");
  });

  it("excluding a contract lowers the total, shows what changed, and back restores it", async () => {
    await page.goto(`${base}/?vendor=isetoh&focus=seishin-shinkin&lang=en`);
    await expect.poll(total).toBe("≥ 1,537,836");
    await page.locator('[data-contract="c-seishin-tsb"] button').click();
    await expect.poll(total).toBe("≥ 1,535,134");
    expect(await page.getByTestId("records-avoided").textContent()).toBe("2,702");
    expect(page.url()).toContain("exclude-contract=c-seishin-tsb");
    await screenshot(page, "3-excluded-contract");
    await page.goBack();
    await expect.poll(total).toBe("≥ 1,537,836");
  });

  it("keeps the known records and organisations that enforced deletion deadlines spare", async () => {
    await page.goto(`${base}/?vendor=isetoh&as-of=2024-05-26&enforce-retention=true&lang=en`);
    await expect.poll(() => page.getByTestId("records-avoided").textContent()).toBe("1,456,507");
    expect(await page.getByTestId("comparison").textContent()).toContain("No longer affected: 11");
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
    await expect.poll(total).toBe("≥ 1,537,836");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('a[data-format="csv"]').click(),
    ]);
    const csv = readFileSync((await download.path()) as string, "utf8");
    const rows = csv.split("\r\n").filter(Boolean);
    expect(rows.length).toBe(35);
    // The explorer opened in Japanese: the report is Japanese, as the API writes it by default.
    expect(rows).toContain(
      'seishin-shinkin,静清信用金庫,Seishin Shinkin Bank,shinkin_bank,,2,2702,いいえ,0,0,seishin-shinkin > tokai-shinkin-business > isetoh,"2,702 件（確定、2024-11-18）",はい',
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
    const rows = page.getByTestId("rank").locator("tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    const cells = async (i: number) => (await rows.nth(i).locator("td").allTextContents()).join(" | ");
    expect(await cells(0)).toBe(
      "1 | Isetoh Co., Ltd. (株式会社イセトー) | Printing and mailing | ≥ 1,537,836 (+ 18 undisclosed) | 34",
    );
    expect(await cells(1)).toBe(
      "2 | Tokai Shinkin Business Co., Ltd. (株式会社東海信金ビジネス) | Shared service | 69,403 | 4",
    );
    expect(await cells(2)).toBe("3 | Kantsu Co., Ltd. (株式会社関通) | Logistics | undisclosed | 5");
    await page.getByRole("button", { name: "Isetoh Co., Ltd. (株式会社イセトー)" }).click();
    await expect.poll(total).toBe("≥ 1,537,836");
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
    await expect.poll(total).toBe("≥ 1,537,836");
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
    await expect.poll(total).not.toBe("≥ 1,537,836");
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
    // The newer question aborted the held one: its answer can never arrive, whenever it is let go.
    await expect
      .poll(() => failed.some((url) => url.includes("/api/impact?vendor=isetoh")), { timeout: 15_000 })
      .toBe(true);
    await release();
    expect(await total()).toBe(newer);
    expect(newer).not.toBe("≥ 1,537,836");
  });
});

describe("scoped sub-contracts: why, why not, and what a contract carries", () => {
  const radius = () => `${base}/?vendor=isetoh-enclosing-subcontractor`;
  const chainEdges = () =>
    page.evaluate(() =>
      (window as unknown as { __KEIRO__: { chainEdges(): string[] } }).__KEIRO__.chainEdges(),
    );
  /** The lines a part of the page shows, as the analyst reads them. */
  const lines = async (part: Locator) => (await part.innerText()).split(/\n+/);
  const wide = () => page.setViewportSize({ width: 1440, height: 900 });

  it("says why an organisation outside the radius is spared: the sub-contract carries only Yokosuka's data", async () => {
    await wide();
    await page.goto(`${radius()}&focus=toyota-city&lang=en`);
    await expect.poll(total).toBe("undisclosed");
    const line = page.locator('[data-stop-contract="c-toyota-city-isetoh"]');
    await expect
      .poll(() => line.textContent())
      .toBe(
        "c-toyota-city-isetoh → Isetoh Co., Ltd.: Isetoh Co., Ltd. passes on only the data of Yokosuka City (Election Administration Commission) c-yokosuka-city-isetoh (via c-isetoh-enclosing)",
      );
    await screenshot(page, "7-why-not-affected-en");
    await page.getByTestId("language").click();
    await expect
      .poll(() => line.textContent())
      .toBe(
        "c-toyota-city-isetoh → 株式会社イセトー：株式会社イセトー から先へは c-isetoh-enclosing で 横須賀市（選挙管理委員会） c-yokosuka-city-isetoh のデータしか渡らない",
      );
    await screenshot(page, "8-why-not-affected-ja");
    // The sub-contract named in the line opens its panel.
    await line.getByRole("button", { name: "c-isetoh-enclosing" }).click();
    await expect.poll(() => page.getByTestId("contract-panel").count()).toBe(1);
    expect(page.url()).toContain("contract=c-isetoh-enclosing");
    expect(errors).toEqual([]);
  });

  it("focusing Yokosuka draws exactly its chain of contracts and says why it is affected", async () => {
    await wide();
    await page.goto(`${radius()}&lang=en`);
    await expect.poll(total).toBe("undisclosed");
    await clickNode("yokosuka-city");
    await expect.poll(chainEdges).toEqual(["c-isetoh-enclosing", "c-yokosuka-city-isetoh"]);
    const why = page.getByTestId("why-affected");
    await expect
      .poll(() => lines(why))
      .toEqual([
        "Why affected",
        "Depth 2: its data reaches Unnamed enclosing/sealing subcontractor of Isetoh through these contracts",
        "Yokosuka City (Election Administration Commission) → Isetoh Co., Ltd. c-yokosuka-city-isetoh",
        "Isetoh Co., Ltd. → Unnamed enclosing/sealing subcontractor of Isetoh c-isetoh-enclosing",
        "carries only the data of Yokosuka City (Election Administration Commission) c-yokosuka-city-isetoh",
      ]);
    await screenshot(page, "9-why-affected-en");
    await page.getByTestId("language").click();
    await expect
      .poll(() => lines(why))
      .toEqual([
        "影響を受ける理由",
        "段数 2：次の委託を経てデータが （イセトーの封入・封緘再委託先） に届く",
        "横須賀市（選挙管理委員会） → 株式会社イセトー c-yokosuka-city-isetoh",
        "株式会社イセトー → （イセトーの封入・封緘再委託先） c-isetoh-enclosing",
        "渡すのは 横須賀市（選挙管理委員会） c-yokosuka-city-isetoh のデータのみ",
      ]);
    expect(await chainEdges()).toEqual(["c-isetoh-enclosing", "c-yokosuka-city-isetoh"]);
    await screenshot(page, "10-why-affected-ja");
  });

  it("the contract panel lists what a scoped contract carries, and an unscoped one carries all", async () => {
    await wide();
    await page.goto(`${radius()}&contract=c-isetoh-enclosing&lang=en`);
    const panel = page.getByTestId("contract-panel");
    await expect
      .poll(() => panel.getByTestId("carried").textContent())
      .toBe("Yokosuka City (Election Administration Commission) → Isetoh Co., Ltd. c-yokosuka-city-isetoh");
    expect(await panel.getByTestId("contract-ends").textContent()).toBe(
      "Isetoh Co., Ltd. → Unnamed enclosing/sealing subcontractor of Isetoh",
    );
    await screenshot(page, "11-contract-carries-en");
    await page.getByTestId("language").click();
    await expect
      .poll(() => panel.getByTestId("carried").textContent())
      .toBe("横須賀市（選挙管理委員会） → 株式会社イセトー c-yokosuka-city-isetoh");
    await screenshot(page, "12-contract-carries-ja");
    // The carried contract opens its own panel: Yokosuka's contract carries all of Yokosuka's data.
    await panel.locator('[data-carried="c-yokosuka-city-isetoh"] button').click();
    await expect.poll(() => panel.getByTestId("carries-all").textContent()).toBe("委託元のデータすべて");
    expect(page.url()).toContain("contract=c-yokosuka-city-isetoh");
    await screenshot(page, "13-contract-carries-all-ja");
    await page.getByTestId("language").click();
    await expect
      .poll(() => panel.getByTestId("carries-all").textContent())
      .toBe("all of the consignor's data");
    await screenshot(page, "14-contract-carries-all-en");
    expect(errors).toEqual([]);
  });
});

describe("panels people can read", () => {
  const isetoh = () => `${base}/?vendor=isetoh`;
  const whatIf = () => `${base}/?vendor=isetoh&as-of=2024-05-26&enforce-retention=true`;
  const pageText = () => page.evaluate(() => document.body.textContent ?? "");

  it("never writes an undisclosed figure as ≥ 0, in either language", async () => {
    for (const url of [isetoh(), `${isetoh()}&lang=en`, `${base}/?view=rank`, `${base}/?view=rank&lang=en`]) {
      await page.goto(url);
      await expect.poll(pageText, { timeout: 15_000 }).toMatch(/1,537,836/);
      expect(await pageText()).not.toContain("≥ 0");
    }
    // An organisation whose records are all undisclosed: its row and its panel say so.
    await page.goto(`${isetoh()}&focus=kubota-credit&lang=en`);
    await expect
      .poll(() => page.getByTestId("organisation-records").textContent(), { timeout: 15_000 })
      .toBe("Records in this scenario: undisclosed");
    const kubota = page.locator('table.affected tbody tr[data-id="kubota-credit"] td');
    expect(await kubota.nth(4).textContent()).toBe("undisclosed");
    await page.getByTestId("language").click();
    await expect
      .poll(() => page.getByTestId("organisation-records").textContent())
      .toBe("この想定での件数：非公表");
    expect(await kubota.nth(4).textContent()).toBe("非公表");
    expect(await pageText()).not.toContain("≥ 0");

    await page.goto(`${isetoh()}&lang=en`);
    await expect.poll(total).toBe("≥ 1,537,836");
    expect(await page.getByTestId("total-records").locator("xpath=..").textContent()).toBe(
      "≥ 1,537,836 (+ 18 undisclosed)",
    );
    await page.getByTestId("language").click();
    await expect
      .poll(() => page.getByTestId("total-records").locator("xpath=..").textContent())
      .toBe("≥ 1,537,836（非公表の契約 18 件を除く）");
  });

  for (const [width, height] of [
    [1280, 800],
    [1440, 900],
  ] as const) {
    it(`shows the whole Records column of the affected table at ${width}×${height}`, async () => {
      await page.setViewportSize({ width, height });
      await page.goto(`${isetoh()}&lang=en`);
      await expect.poll(total).toBe("≥ 1,537,836");
      const check = async () => {
        const side = await page.getByTestId("side").boundingBox();
        if (!side) throw new Error("no side panel");
        const table = page.getByTestId("affected-table");
        // No horizontal scrolling: the table fits the side panel.
        const fit = await page.getByTestId("side").evaluate((e) => ({
          fits: e.scrollWidth <= e.clientWidth,
          widths: [e.clientWidth, e.scrollWidth],
          columns: [...e.querySelectorAll("table.affected thead th")].map((th) => Math.round(th.clientWidth)),
        }));
        expect(fit.fits, JSON.stringify(fit)).toBe(true);
        const header = table.locator("thead th").nth(4);
        expect(await header.textContent()).toContain("Records");
        const inside = async (box: { x: number; width: number } | null, what: string) => {
          if (!box) throw new Error(`${what} is not shown`);
          expect(box.x, what).toBeGreaterThanOrEqual(side.x);
          expect(box.x + box.width, what).toBeLessThanOrEqual(Math.min(side.x + side.width, width) + 0.5);
        };
        await inside(await header.boundingBox(), "the Records header");
        await inside(await header.locator("button").boundingBox(), "the Records header's words");
        const cells = table.locator("tbody tr td:nth-child(5)");
        expect(await cells.count()).toBe(34);
        for (let i = 0; i < 34; i++) {
          const cell = cells.nth(i);
          await inside(await cell.boundingBox(), `Records cell ${i}`);
          // The number itself sits inside its cell, on one line.
          const value = cell.locator(".figure-value");
          await inside(await value.boundingBox(), `Records value ${i}`);
          const lines = await value.evaluate((e) => e.getClientRects().length);
          expect(lines, `Records value ${i} on one line`).toBe(1);
        }
      };
      await check();
      // And with the split dragged to its narrowest.
      await page.getByTestId("split-handle").focus();
      await page.keyboard.press("End");
      await check();
      await page.evaluate(() => localStorage.clear());
    });
  }

  it("a bad URL shows the error in the chosen language, not a blank page", async () => {
    await page.goto(`${base}/?vendor=nobody`);
    const message = page.getByTestId("error-message");
    await expect.poll(() => message.count(), { timeout: 15_000 }).toBe(1);
    expect(await message.textContent()).toContain("この URL のシナリオを読み込めませんでした。");
    expect(await page.locator("h1").textContent()).toBe("経路 Keiro — サプライチェーン影響分析");
    await page.getByTestId("language").click();
    await expect.poll(() => message.textContent()).toContain("The scenario in this URL could not be loaded.");
    await screenshot(page, "17-bad-url-en");
    errors.length = 0; // the 400 the browser logs is the point of this test
  });

  it("runs under a Content-Security-Policy that refuses inline scripts, with none of its own refused", async () => {
    await page.goto(`${isetoh()}&lang=en`);
    await expect.poll(total).toBe("≥ 1,537,836");
    expect(errors).toEqual([]);
    // A script smuggled into the page (say, through a name rendered as HTML) would not run.
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__smuggled = true";
      document.body.append(script);
      return (window as unknown as { __smuggled?: boolean }).__smuggled === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]).toContain(
      "violates the following Content Security Policy directive 'script-src 'self''",
    );
    // Leave the page before forgetting what it logged: nothing of it may arrive later.
    await page.goto("about:blank");
    errors.length = 0;
  });

  it("works from the keyboard: rows, Escape, and the split remembered", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${isetoh()}&lang=en`);
    await expect.poll(total).toBe("≥ 1,537,836");
    const row = page.locator('table.affected tbody tr[data-id="seishin-shinkin"]');
    await row.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).toContain("focus=seishin-shinkin");
    await expect.poll(() => page.getByTestId("organisation-panel").count()).toBe(1);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("organisation-panel").count()).toBe(0);
    expect(page.url()).not.toContain("focus=");
    // "/" goes to the search box.
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("combobox");
    // The arrows move to the next row.
    await row.focus();
    await page.keyboard.press("ArrowDown");
    expect(
      await page.evaluate(() => document.activeElement?.previousElementSibling?.getAttribute("data-id")),
    ).toBe("seishin-shinkin");

    const side = page.getByTestId("side");
    const before = (await side.boundingBox())?.width ?? 0;
    await page.getByTestId("split-handle").focus();
    await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(async () => (await side.boundingBox())?.width).toBe(before + 120);
    await page.reload();
    await expect.poll(total).toBe("≥ 1,537,836");
    expect((await side.boundingBox())?.width).toBe(before + 120);
    // Dragged back by the mouse.
    const handle = await page.getByTestId("split-handle").boundingBox();
    if (!handle) throw new Error("no handle");
    await page.mouse.move(handle.x + 4, handle.y + 200);
    await page.mouse.down();
    await page.mouse.move(handle.x + 124, handle.y + 200, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await side.boundingBox())?.width).toBe(before);
    await page.evaluate(() => localStorage.clear());
  });

  it("screenshots at 1440×900 of the table and the what-if, in Japanese and English", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(isetoh());
    await expect.poll(total).toBe("≥ 1,537,836");
    await screenshot(page, "15-isetoh-table-ja");
    await page.getByTestId("language").click();
    await expect
      .poll(() => page.locator("h1").textContent())
      .toBe("Keiro 経路 — supply-chain impact explorer");
    await screenshot(page, "15-isetoh-table-en");
    await page.goto(whatIf());
    await expect.poll(() => page.getByTestId("records-avoided").textContent()).toBe("1,456,507");
    // Three contracts with undisclosed records drop out: the difference is a lower bound, and says so.
    expect(await page.getByTestId("undisclosed-change").textContent()).toBe(
      "件数非公表の契約 3 件が外れるため、実際の差はこれより大きい可能性があります。",
    );
    const list = page.getByTestId("no-longer-affected");
    expect(await list.textContent()).toContain("静清信用金庫");
    await screenshot(page, "16-what-if-ja");
    await page.getByTestId("language").click();
    await expect.poll(() => list.textContent()).toContain("Seishin Shinkin Bank");
    expect(await list.textContent()).not.toContain("静清信用金庫");
    expect(await page.getByTestId("undisclosed-change").textContent()).toBe(
      "3 contracts with undisclosed records drop out, so the true difference may be larger.",
    );
    await screenshot(page, "16-what-if-en");
    expect(errors).toEqual([]);
  });
});
