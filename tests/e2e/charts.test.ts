import type { Driver } from "neo4j-driver";
import type { Browser, Page } from "playwright-core";
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

/** Pictures of a blast radius (issue 12 item 4) and the totals per tier, in real Chromium, on the sample. */
let driver: Driver;
let explorer: Explorer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  driver = testDriver();
  await load(driver, SAMPLE_DIR);
  explorer = await startExplorer(driver);
  ({ browser } = explorer);
}, 120_000);
afterAll(async () => {
  await stopExplorer(explorer ?? {});
  await driver?.close();
});
beforeEach(async () => {
  errors.length = 0;
  page = watchErrors(await browser.newPage({ viewport: { width: 1440, height: 900 } }), errors);
});

async function open(path: string): Promise<void> {
  await page.goto(`${explorer.base}${path}`);
  await expect
    .poll(() => page.getByTestId("total-records").textContent(), { timeout: 15_000 })
    .toBe("≥ 1,537,836");
  await page.waitForFunction(
    () => (window as unknown as { __KEIRO__?: { nodeCount(): number } }).__KEIRO__?.nodeCount() === 35,
  );
  await waitForSettledGraph(page); // the worker's layout, then the camera
}

const headings = () =>
  page
    .locator(".tier-heading")
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).innerText.split("\n")));

describe("the totals per tier over the chain view", () => {
  it("heads each column with its depth, organisations and records (en), over the column", async () => {
    await open("/?vendor=isetoh&lang=en");
    expect(await headings()).toEqual([
      ["Compromised", "1 organisation"],
      ["Depth 1", "29 organisations", "≥ 1,468,433 (+ 17 undisclosed)"],
      ["Depth 2", "5 organisations", "≥ 69,403 (+ 1 undisclosed)"],
    ]);
    // Each heading is centred over its column: Toyota City in tier 1, Seishin Shinkin Bank in tier 2.
    for (const [depth, member] of [
      [1, "toyota-city"],
      [2, "seishin-shinkin"],
    ] as const) {
      const box = await page.locator(`.tier-heading[data-depth="${depth}"]`).boundingBox();
      const graph = await page.getByTestId("graph").boundingBox();
      const node = await page.evaluate(
        (id) =>
          (
            window as unknown as { __KEIRO__: { nodeViewport(id: string): { x: number } } }
          ).__KEIRO__.nodeViewport(id),
        member,
      );
      expect(Math.abs((box?.x ?? 0) + (box?.width ?? 0) / 2 - ((graph?.x ?? 0) + node.x))).toBeLessThan(2);
    }
    expect(errors).toEqual([]);
  });

  it("says the same in Japanese", async () => {
    await open("/?vendor=isetoh&lang=ja");
    expect(await headings()).toEqual([
      ["侵害", "1 組織"],
      ["段数 1", "29 組織", "≥ 1,468,433（非公表の契約 17 件を除く）"],
      ["段数 2", "5 組織", "≥ 69,403（非公表の契約 1 件を除く）"],
    ]);
  });
});

describe("records by kind and by region, reported beside modelled", () => {
  it("draws bars to scale with exact figures, undisclosed said in words", async () => {
    await open("/?vendor=isetoh&lang=en");
    const rows = await page
      .getByLabel("By kind", { exact: true })
      .locator("tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [
          (tr as HTMLElement).dataset.bar,
          Math.round(Number.parseFloat((tr.querySelector(".bar") as HTMLElement).style.width)),
          (tr.querySelector("td.n") as HTMLElement).innerText,
        ]),
      );
    expect(rows).toEqual([
      ["municipality", 100, "≥ 1,187,435"],
      ["prefecture", 24, "≥ 280,998"],
      ["aggregate", 5, "57,814"],
      ["shinkin_bank", 1, "11,589"],
      ["bank", 0, "undisclosed"],
      ["company", 0, "undisclosed"],
      ["insurer", 0, "undisclosed"],
      ["association", 0, "undisclosed"],
      ["health_insurance_society", 0, "undisclosed"],
      ["shared_service", 0, "0"],
    ]);
    await page.getByText("Reported / Modelled").click();
    await expect.poll(() => page.getByTestId("reported-ehime-pref").textContent()).toBe("80,626");
    expect(await page.getByTestId("reported-tokai-shinkin-business").textContent()).toBe("69,403");
    await screenshot(page, "charts-isetoh-en");
  });
});

describe("the exposure timeline of a focused chain", () => {
  for (const lang of ["en", "ja"] as const)
    it(`draws Seishin's two contracts, Isetoh's incident and a deletion deadline already past (${lang})`, async () => {
      await open(`/?vendor=isetoh&lang=${lang}&focus=seishin-shinkin`);
      const timeline = page.getByTestId("chain-timeline");
      await timeline.waitFor();
      expect(
        await timeline
          .locator("[data-timeline-contract]")
          .evaluateAll((gs) => gs.map((g) => g.getAttribute("data-timeline-contract"))),
      ).toEqual(["c-seishin-tsb", "c-tsb-isetoh"]);
      expect(await timeline.locator("[data-mark] > text").allTextContents()).toEqual(
        lang === "en"
          ? ["discovered 2024-05-26", "disclosed 2024-05-29"]
          : ["発見 2024-05-26", "公表 2024-05-29"],
      );
      // Each mark's tooltip names its incident in the same words.
      expect(await timeline.locator("[data-mark] > title").allTextContents()).toEqual(
        lang === "en"
          ? ["isetoh-2024: discovered 2024-05-26", "isetoh-2024: disclosed 2024-05-29"]
          : ["isetoh-2024: 発見 2024-05-26", "isetoh-2024: 公表 2024-05-29"],
      );
      // Tokai Shinkin Business's DM data was due for deletion by 2023-10: gone before 2024-05-26, had it been kept to.
      expect(
        await timeline
          .locator('[data-timeline-contract="c-tsb-isetoh"] .delete-by')
          .getAttribute("data-overdue"),
      ).toBe("true");
      expect(await timeline.locator('[data-timeline-contract="c-seishin-tsb"] > text').textContent()).toBe(
        lang === "en"
          ? "Seishin Shinkin Bank → Tokai Shinkin Business Co., Ltd."
          : "静清信用金庫 → 株式会社東海信金ビジネス",
      );
      await screenshot(page, `timeline-seishin-${lang}`);
      expect(errors).toEqual([]);
    });
});
