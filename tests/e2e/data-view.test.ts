import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Explorer, screenshot, startExplorer, stopExplorer, watchErrors } from "../helpers/browser.ts";
import { load, SAMPLE_DIR, testDriver } from "../helpers/database.ts";
import { PROJECT_ROOT } from "../helpers/paths.ts";

/**
 * The Data view (データ, issue 21 item 4) in real Chromium: what the dataset lacks, in both
 * languages, on the hand-made dataset with every gap (tests/fixtures/quality; the figures are
 * tests/integration/quality.test.ts's), and on the sample where a list is longer than the view shows.
 */
const FIXTURE = join(PROJECT_ROOT, "tests", "fixtures", "quality");
let driver: Driver;
let explorer: Explorer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  driver = testDriver();
  await load(driver, FIXTURE);
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

const texts = (selector: string) =>
  page.locator(selector).evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).innerText));
const cells = (testId: string, row: string) =>
  texts(`[data-testid="${testId}"] tr[data-${testId === "completeness" ? "kind" : "id"}="${row}"] > *`);

async function open(path: string, undisclosedCard: string): Promise<void> {
  await page.goto(`${explorer.base}${path}`);
  await expect
    .poll(() => texts('[data-testid="quality-summary"] li[data-item="undisclosed"]'), { timeout: 20_000 })
    .toEqual([undisclosedCard]);
}

describe("the Data view (データ) on a dataset with every gap", () => {
  it("shows each item's figures, the completeness per kind as bars and the rows to ask about (en)", async () => {
    await open(
      "/?view=data&today=2026-12-07&lang=en",
      "Undisclosed record counts, most reached first\n7\nof 11 (63.6%)",
    );
    expect(await texts('[data-testid="quality-summary"] li')).toEqual([
      "Undisclosed record counts, most reached first\n7\nof 11 (63.6%)",
      "Deletion deadline passed, no end recorded\n2\nof 3 (66.7%)",
      "Sub-contracts without carries\n3\nof 4 (75%)",
      "Dates after today\n5\nof 16 (31.3%)",
      "Organisations with no kind or an unknown one\n2\nof 11 (18.2%)",
      "Organisations with no contract\n2\nof 11 (18.2%)",
    ]);
    expect(await cells("completeness", "municipality")).toEqual([
      "Municipality",
      "4",
      "50%\n2",
      "50%\n2",
      "75%\n3",
      "50%\n2",
      "25%\n1",
      "50%\n2",
      "75%\n3",
      "25%\n1",
    ]);
    expect(await cells("completeness", "all")).toEqual([
      "All kinds",
      "11",
      "36.4%\n4",
      "27.3%\n3",
      "45.5%\n5",
      "45.5%\n5",
      "18.2%\n2",
      "36.4%\n4",
      "72.7%\n8",
      "18.2%\n2",
    ]);
    // Each bar is as long as its share: 3 of 4 is three quarters of the track.
    const bar = page.locator('[data-testid="completeness"] tr[data-kind="municipality"] .share-fill').nth(2);
    expect(await bar.evaluate((el) => (el as HTMLElement).style.width)).toBe("75%");
    expect(await cells("quality-undisclosed", "k-sub-subsub")).toEqual([
      "1",
      "k-sub-subsub",
      "Sub IT (サブ情報) sub",
      "Subsub Logistics (孫請け物流) subsub",
      "undisclosed",
      "10",
    ]);
    expect(await cells("quality-overdue", "k-bank-centre")).toEqual([
      "k-bank-centre",
      "C Bank (C銀行) bank",
      "Shared Centre (共同センター) centre",
      "2024-06",
      "2025-01",
    ]);
    expect(await texts('[data-testid="quality-futureDates"] tbody tr')).toEqual([
      "outsourcing.csv\tsince\tk-sub-subsub\t2031-01",
      "outsourcing.csv\tdelete_by\tk-vendor-sub\t2030",
      "incidents.csv\tdisclosed\ti-vendor\t2027-01-10",
      "exposures.csv\treported_on\ti-vendor / city-b\t2029",
      "exposures.csv\tlearned_on\ti-vendor / city-a\t2028-02-02",
    ]);
    expect(await texts('[data-testid="quality-unknownKinds"] tbody tr')).toEqual([
      "D Shop (D商店) shop\trobot_shop",
      "No-kind Org (種別なし組織) nokind\t(no kind)",
    ]);
    expect(await texts('[data-testid="quality-overdue"] p.intro')).toEqual([
      "Contracts whose delete_by had passed by 2026-12-07 with no until on or before it: 2 of the 3 whose delete_by had passed (66.7%). Their data should have been deleted, but nothing says the contract ended.",
    ]);
    await screenshot(page, "data-view-en");
    expect(errors).toEqual([]);
  });

  it("shows the same in Japanese", async () => {
    await open(
      "/?view=data&today=2026-12-07",
      "件数が非公表の委託（経由する委託の多い順）\n7\n11 件中（63.6%）",
    );
    expect(await texts(".data-head h2")).toEqual(["データに欠けているもの"]);
    expect(await cells("completeness", "municipality")).toEqual([
      "市区町村",
      "4",
      "50%\n2",
      "50%\n2",
      "75%\n3",
      "50%\n2",
      "25%\n1",
      "50%\n2",
      "75%\n3",
      "25%\n1",
    ]);
    expect(await cells("completeness", "")).toEqual([
      "（種別なし）",
      "1",
      "0%\n0",
      "0%\n0",
      "0%\n0",
      "0%\n0",
      "0%\n0",
      "0%\n0",
      "0%\n0",
      "0%\n0",
    ]);
    expect(await cells("quality-undisclosed", "k-centre-vendor")).toEqual([
      "3",
      "k-centre-vendor",
      "共同センター（Shared Centre） centre",
      "ベンダー印刷（Vendor Printing） vendor",
      "非公表",
      "2",
    ]);
    expect(await texts('[data-testid="quality-isolated"] tbody tr')).toEqual([
      "孤立組織（Lonely Org） lonely\t企業",
      "孤立団体 lonely-2\t団体",
    ]);
    expect(await texts('[data-testid="quality-unscopedSubcontracts"] p.note')).toEqual([
      "出典: outsourcing.csv（carries 列）",
    ]);
    await screenshot(page, "data-view-ja");
    expect(errors).toEqual([]);
  });

  it("judges dates as of the day chosen, kept in the URL", async () => {
    await open(
      "/?view=data&today=2026-12-07&lang=en",
      "Undisclosed record counts, most reached first\n7\nof 11 (63.6%)",
    );
    await page.getByTestId("quality-today").fill("2024-04-01");
    await expect
      .poll(() => texts('[data-testid="quality-summary"] li[data-item="overdue"]'))
      .toEqual(["Deletion deadline passed, no end recorded\n1\nof 2 (50%)"]);
    expect(new URL(page.url()).searchParams.get("today")).toBe("2024-04-01");
    expect(await texts('[data-testid="quality-summary"] li[data-item="futureDates"]')).toEqual([
      "Dates after today\n10\nof 16 (62.5%)",
    ]);
  });

  it("opens an organisation of a row on the graph", async () => {
    await open(
      "/?view=data&today=2026-12-07&lang=en",
      "Undisclosed record counts, most reached first\n7\nof 11 (63.6%)",
    );
    await page.locator('[data-testid="quality-overdue"] tr[data-id="k-city-b"] button').first().click();
    await expect.poll(() => page.getByTestId("data-view").count()).toBe(0);
    const url = new URL(page.url());
    expect([url.searchParams.get("focus"), url.searchParams.get("view")]).toEqual(["city-b", null]);
  });
});

describe("the Data view on the sample", () => {
  beforeAll(async () => {
    await load(driver, SAMPLE_DIR);
  });

  it("says how many rows of a long list it leaves out", async () => {
    await open(
      "/?view=data&today=2026-12-07&lang=en",
      "Undisclosed record counts, most reached first\n24\nof 41 (58.5%)",
    );
    expect(await page.locator('[data-testid="quality-undisclosed"] tbody tr').count()).toBe(20);
    expect(await texts('[data-testid="quality-undisclosed"] p.capped')).toEqual([
      "The first 20 of 24 are listed; 4 more are not shown (npm run quality --format json lists them all).",
    ]);
    expect(await cells("quality-undisclosed", "c-felissimo-kantsu")).toEqual([
      "1",
      "c-felissimo-kantsu",
      "Felissimo Corporation (株式会社フェリシモ) felissimo",
      "Kantsu Co., Ltd. (株式会社関通) kantsu",
      "undisclosed",
      "2",
    ]);
    expect(errors).toEqual([]);
  });
});
