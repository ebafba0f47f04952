import type { Driver } from "neo4j-driver";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Explorer, screenshot, startExplorer, stopExplorer, watchErrors } from "../helpers/browser.ts";
import { load, SAMPLE_DIR, testDriver } from "../helpers/database.ts";

/** Issue 14 in the explorer: the Response view and the changes since an earlier answer, on the sample. */
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

const row = (id: string) => page.locator(`[data-testid="response-table"] tr[data-id="${id}"]`);
const cells = (id: string) =>
  row(id)
    .locator("td")
    .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).innerText));

describe("the Response view (対応)", () => {
  it("gives every affected organisation its duty and deadlines, days left from the chosen day (en)", async () => {
    await page.goto(`${explorer.base}/?vendor=isetoh&lang=en&view=response&today=2024-05-28`);
    await expect
      .poll(() => page.getByTestId("response-totals").textContent(), { timeout: 20_000 })
      .toBe(
        "Own data: report required 32 · assess 0 · best effort 0 · not required 2 / entrusted data: report required 2 · assess 0",
      );
    // In English once the blast radius (which the names come from) is in too.
    await expect
      .poll(() => page.getByTestId("compromised-duties").innerText())
      .toBe(
        "Isetoh Co., Ltd.: telling its 29 consignors promptly excuses it from reporting and from notifying the persons (art. 26(1) proviso, 26(2)) Packet",
      );
    // Its own data: none; the data entrusted to it: to report unless it tells the banks.
    expect(await cells("tokai-shinkin-business")).toEqual([
      "Tokai Shinkin Business Co., Ltd.\n2024-05-26 (earliest possible)\nPacket",
      "not required",
      "—",
      "—",
      "entrusted: required\n2024-07-24\n57 days left\nexcused by telling its 4 clients promptly",
    ]);
    // Toyota City learned of the leak on 2 July (recorded): its own clock.
    expect(await cells("toyota-city")).toEqual([
      "Toyota City\n2024-07-02 (recorded)\nPacket",
      "required · PPC\nunauthorized act, persons over the threshold",
      "2024-07-06\n39 days left",
      "2024-08-30\n94 days left",
      "client",
    ]);
    expect((await cells("iyo-bank"))[1]).toBe("required · FSA\nunauthorized act, persons over the threshold");
    // Filters: the two that need not report.
    await page.getByTestId("filter-report").selectOption("not_required");
    expect(
      await page
        .locator('[data-testid="response-table"] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-id"))),
    ).toEqual(["tokai-shinkin-business", "tokyo-boe-contractor"]);
    // One client: said in the singular.
    expect((await cells("tokyo-boe-contractor"))[4]).toBe(
      "entrusted: required\n2024-07-24\n57 days left\nexcused by telling its 1 client promptly",
    );
    await screenshot(page, "response-isetoh-en");
    // Every column in the side panel, without scrolling sideways, at 1440 and at 1280 px.
    const fits = () =>
      page.getByTestId("side").evaluate((side) => {
        const last = side.querySelector('[data-testid="response-table"] thead th:last-child');
        const right = last?.getBoundingClientRect().right ?? Number.POSITIVE_INFINITY;
        return side.scrollWidth <= side.clientWidth && right <= side.getBoundingClientRect().right;
      });
    expect(await fits()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(fits).toBe(true);
    await page.setViewportSize({ width: 1440, height: 900 });
    // A packet opens as a printable page in the language chosen.
    const href = await row("tokai-shinkin-business").getByText("Packet").getAttribute("href");
    const packet = await fetch(`${explorer.base}${href}`);
    expect(packet.status).toBe(200);
    const packetText = await packet.text();
    expect(packetText).toContain("Tokai Shinkin Business Co., Ltd.");
    // With the row's own choices: its deadlines' days left count from the day the view counts from.
    expect(packetText).toContain("days counted from 2024-05-28");
    expect(packetText).toContain("57 days left");
    // A click on a row focuses the organisation on the graph and keeps the view.
    await row("tokai-shinkin-business").getByRole("button").click();
    await expect.poll(() => page.url()).toContain("focus=tokai-shinkin-business");
    expect(page.url()).toContain("view=response");
    expect(errors).toEqual([]);
  });

  it("says the same in Japanese; a passed 速報 guide says how long ago, never overdue", async () => {
    await page.goto(`${explorer.base}/?vendor=isetoh&view=response&today=2024-06-02`);
    await expect
      .poll(() => page.getByTestId("response-totals").textContent(), { timeout: 20_000 })
      .toBe("自社データ：報告が必要 32・要検討 0・努力義務 0・不要 2／受託データ：報告が必要 2・要検討 0");
    expect(await cells("toyota-city")).toEqual([
      "豊田市\n2024-07-02（記録された日）\n対応資料",
      "報告が必要 · PPC\n不正の目的、人数が基準超",
      "2024-07-06\n残り34日",
      "2024-08-30\n残り89日",
      "委託元",
    ]);
    expect(await cells("chigasaki-city")).toEqual([
      "茅ヶ崎市\n2024-05-26（最も早い可能性）\n対応資料",
      "報告が必要 · PPC\n不正の目的",
      "2024-05-30\n目安から3日経過",
      "2024-07-24\n残り52日",
      "委託元",
    ]);
    // The 速報 is a guide (目安): passed, it is still due promptly, so nothing is marked overdue.
    expect(await page.locator('[data-testid="response-table"] .overdue').count()).toBe(0);
    expect(await cells("tokai-shinkin-business")).toEqual([
      "株式会社東海信金ビジネス\n2024-05-26（最も早い可能性）\n対応資料",
      "不要",
      "—",
      "—",
      "受託データ：報告が必要\n2024-07-24\n残り52日\n委託元 4 者に速やかに通知すれば免除",
    ]);
    await screenshot(page, "response-isetoh-ja");
  });
});

describe("changes since an earlier answer, in the explorer", () => {
  it("compares a kept answer with the answer now: totals then → now, who entered, left or changed", async () => {
    // The answer an analyst kept, as if computed when Seishin's notice said 2,713 and Chigasaki was not yet known.
    const kept = await (await fetch(`${explorer.base}/api/report?vendor=isetoh&format=json`)).json();
    const seishin = kept.affected.find((a: { id: string }) => a.id === "seishin-shinkin");
    seishin.records = 2713;
    const chigasaki = kept.affected.find((a: { id: string }) => a.id === "chigasaki-city");
    kept.affected = kept.affected.filter((a: { id: string }) => a.id !== "chigasaki-city");
    kept.totals.organisations -= 1;
    kept.totals.records += 11 - chigasaki.records;
    await page.goto(`${explorer.base}/?vendor=isetoh&lang=en`);
    await expect
      .poll(() => page.getByTestId("total-records").textContent(), { timeout: 20_000 })
      .toBe("≥ 1,537,836");
    await page.getByTestId("earlier-file").setInputFiles({
      name: "isetoh-kept.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(kept)),
    });
    await expect
      .poll(() => page.getByTestId("changes-entered").innerText(), { timeout: 20_000 })
      .toBe("Chigasaki City");
    expect(await page.getByTestId("changes-left").innerText()).toBe("");
    expect(await page.getByTestId("changes-changed").innerText()).toBe("Seishin Shinkin Bank 2,713 → 2,702");
    expect(
      await page.locator('[data-testid="changes-totals"] tr[data-total="organisations"] td').allInnerTexts(),
    ).toEqual(["33", "→", "34"]);
    // Marked in the table.
    expect(await page.locator('tr[data-id="chigasaki-city"] [data-change]').getAttribute("data-change")).toBe(
      "entered",
    );
    expect(
      await page.locator('tr[data-id="seishin-shinkin"] [data-change]').getAttribute("data-change"),
    ).toBe("changed");
    await screenshot(page, "changes-since-en");
    // Another scenario's answer is refused in the API's words.
    await page.goto(`${explorer.base}/?vendor=kantsu&lang=en`);
    await page.getByTestId("earlier-file").setInputFiles({
      name: "isetoh-kept.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(kept)),
    });
    await expect
      .poll(() => page.getByTestId("changes-error").textContent(), { timeout: 20_000 })
      .toBe("since: the earlier answer is for compromised isetoh, this one for kantsu");
  });
});
