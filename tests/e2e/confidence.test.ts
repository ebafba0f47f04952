import type { Driver } from "neo4j-driver";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BlastRadius } from "../../domain/index.ts";
import {
  type Explorer,
  screenshot,
  startExplorer,
  stopExplorer,
  waitForSettledGraph,
  watchErrors,
} from "../helpers/browser.ts";
import { load, SAMPLE_DIR, testDriver } from "../helpers/database.ts";

/**
 * What nobody has confirmed, in the explorer on the sample (issue 22): the sample marks six
 * contracts possible (Tono's and Ogaki Seino's into Tokai Shinkin Business; Mitsubishi UFJ Trust's,
 * Mitsui Sumitomo Aioi Life's, Panasonic Health Insurance Society's and Ota City's into Isetoh).
 */
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
  page = watchErrors(await browser.newPage({ viewport: { width: 1440, height: 900 } }), errors);
});

const testText = (id: string) => page.getByTestId(id).first().textContent();
const total = () => testText("total-records");

type Hook = {
  __KEIRO__: { nodeDrawn(id: string): { type: string } | null; edgeTypes(): Record<string, number> };
};

describe("confirmed and possible in the explorer", () => {
  it("the API gives the figures the totals panel shows", async () => {
    const answer = (await (await fetch(`${base}/api/impact?vendor=isetoh&limit=1`)).json()) as BlastRadius;
    expect(answer.totals.records).toBe(1537836);
    expect(answer.confirmed.records).toBe(1528949);
    expect(answer.confirmed.undisclosedContracts).toBe(14);
    expect(answer.confirmed.organisations).toBe(28);
    expect(answer.totals.estimate?.records).toEqual({ p10: 2669723, p50: 4151985, p90: 5985939 });
    expect(answer.totals.estimate?.subjects).toEqual({ p10: 2558189, p50: 3345122, p90: 4432344 });
    expect(answer.totals.estimate?.peerCount).toBe(14);
  });

  it("the radius of isetoh shows the confirmed part and the estimate beside the bound (en)", async () => {
    await page.goto(`${base}/?vendor=isetoh&lang=en`);
    await expect.poll(total, { timeout: 15_000 }).toBe("≥ 1,537,836");
    expect(await testText("confirmed-records")).toBe("≥ 1,528,949 on confirmed contracts");
    expect(await testText("confirmed-organisations")).toBe("28 on confirmed contracts");
    expect(await testText("confirmed-undisclosed")).toBe("14 on confirmed contracts");
    expect(await testText("estimate-label")).toBe("estimate (from 14 peers)");
    expect(await testText("estimate-records")).toBe("Records 2,669,723–5,985,939, median 4,151,985");
    expect(await testText("estimate-persons")).toBe("Persons 2,558,189–4,432,344, median 3,345,122");
    expect(await page.locator("[data-estimate-chart]").count()).toBe(2);
    expect(await testText("legend-possible")).toBe("Possible contract (not confirmed): pale, dotted");
    // The six possible contracts are drawn dotted; the six organisations reached only through them hollow.
    await waitForSettledGraph(page);
    const drawn = await page.evaluate(() => {
      const hook = (window as unknown as Hook).__KEIRO__;
      return {
        possible: hook.edgeTypes().possible,
        tono: hook.nodeDrawn("tono-shinkin")?.type,
        seishin: hook.nodeDrawn("seishin-shinkin")?.type,
      };
    });
    expect(drawn).toEqual({ possible: 6, tono: "hollow", seishin: "circle" });
    await screenshot(page, "confidence-radius-en");
  });

  it("says the same in Japanese, without 確定 (the word of an exposure's status)", async () => {
    await page.goto(`${base}/?vendor=isetoh`);
    await expect.poll(total, { timeout: 15_000 }).toBe("≥ 1,537,836");
    expect(await testText("confirmed-records")).toBe("確認済みの委託で ≥ 1,528,949");
    expect(await testText("estimate-label")).toBe("推計（同種の委託 14 件から）");
    expect(await testText("estimate-records")).toBe("件数 2,669,723～5,985,939（中央値 4,151,985）");
    expect(await page.locator(".totals .figures").textContent()).not.toContain("確定");
  });

  it("Tono Shinkin is marked as affected only through possible contracts: table, panel, chain", async () => {
    await page.goto(`${base}/?vendor=isetoh&lang=en`);
    await expect.poll(total, { timeout: 15_000 }).toBe("≥ 1,537,836");
    const marked = await page
      .locator('[data-possible-only="true"]')
      .evaluateAll((badges) => badges.map((b) => (b.closest("tr") as HTMLElement).dataset.id).sort());
    expect(marked).toEqual([
      "ms-aioi-life",
      "mufg-trust",
      "ogaki-seino-shinkin",
      "ota-city",
      "panasonic-kenpo",
      "tono-shinkin",
    ]);
    await page.locator('tr[data-id="tono-shinkin"] button').click();
    await expect
      .poll(() => testText("only-possible"))
      .toBe("Affected only through possible contracts: on confirmed contracts alone it is not affected");
    expect(await page.locator('[data-chain-contract="c-tono-tsb"] [data-possible]').textContent()).toBe(
      "possible",
    );
    expect(await page.locator('[data-chain-contract="c-tsb-isetoh"] [data-possible]').count()).toBe(0);
    expect(await page.locator('[data-contract="c-tono-tsb"] [data-possible]').textContent()).toBe("possible");
    await screenshot(page, "confidence-tono-en");
  });

  it("the contract panel says a contract is possible", async () => {
    await page.goto(`${base}/?vendor=isetoh&contract=c-tono-tsb&lang=en`);
    await expect
      .poll(() => testText("contract-possible"), { timeout: 15_000 })
      .toBe("A possible contract: nobody has confirmed it (see its source)");
    await page.goto(`${base}/?vendor=isetoh&contract=c-seishin-tsb&lang=en`);
    await expect.poll(() => testText("contract-ends")).toContain("Seishin Shinkin Bank");
    expect(await page.getByTestId("contract-possible").count()).toBe(0);
  });

  it("confirmed contracts only: the checkbox goes into the URL, the totals and why-not follow", async () => {
    await page.goto(`${base}/?vendor=isetoh&focus=tono-shinkin&lang=en`);
    await expect.poll(total, { timeout: 15_000 }).toBe("≥ 1,537,836");
    await page.getByTestId("confirmed-only").check();
    await expect.poll(total).toBe("≥ 1,528,949");
    expect(page.url()).toContain("confirmed-only=true");
    // The whole is the confirmed part now: no second line.
    expect(await page.getByTestId("confirmed-records").count()).toBe(0);
    expect(await testText("estimate-label")).toBe("estimate (from 12 peers)");
    await expect
      .poll(() => page.locator('[data-stop-contract="c-tono-tsb"]').textContent())
      .toBe(
        "c-tono-tsb → Tokai Shinkin Business Co., Ltd.: a possible contract, and this scenario counts confirmed contracts only",
      );
    await page.goBack();
    await expect.poll(total).toBe("≥ 1,537,836");
  });

  it("the ranking ranks on confirmed contracts only when asked, in the URL", async () => {
    await page.goto(`${base}/?view=rank&lang=en`);
    const first = () => page.getByTestId("rank").locator("tbody tr").first().locator("td").allTextContents();
    await expect
      .poll(async () => (await first()).join(" | "), { timeout: 15_000 })
      .toBe(
        "1 | Isetoh Co., Ltd. (株式会社イセトー) | Printing and mailing | ≥ 1,537,836 (+ 18 undisclosed) | 34",
      );
    await page.getByTestId("rank-confirmed-only").check();
    await expect
      .poll(async () => (await first()).join(" | "))
      .toBe(
        "1 | Isetoh Co., Ltd. (株式会社イセトー) | Printing and mailing | ≥ 1,528,949 (+ 14 undisclosed) | 28",
      );
    expect(page.url()).toContain("confirmed-only=true");
    await page.reload();
    await expect.poll(() => page.getByTestId("rank-confirmed-only").isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });
});
