import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BlastRadius, GroupedBlastRadius, VendorRank } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { generateDataset } from "../../tools/generate/generator.ts";
import {
  type Explorer,
  screenshot,
  startExplorer,
  stopExplorer,
  waitForSettledGraph,
  watchErrors,
} from "../helpers/browser.ts";
import { load, SAMPLE_DIR, testDriver } from "../helpers/database.ts";

/** A radius larger than the explorer draws, in real headless Chromium: drawn as groups. */
let driver: Driver;
let explorer: Explorer;
let base: string;
let page: Page;
let biggest: VendorRank;
let ranked: VendorRank[];
let dir: string;
const errors: string[] = [];

type Hook = {
  nodeDrawn(id: string): { type: string } | null;
  edgeTypes(): Record<string, number>;
  nodeCount(): number;
  groupNodes(): string[];
  nodeViewport(id: string): { x: number; y: number } | null;
};

beforeAll(async () => {
  driver = testDriver();
  dir = mkdtempSync(join(tmpdir(), "keiro-grouped-"));
  await generateDataset(dir, { organisations: 6000, contracts: 30000, seed: 1 });
  await load(driver, dir);
  ranked = await new CypherEngine(driver).rank();
  biggest = ranked[0] as VendorRank;
  explorer = await startExplorer(driver);
  ({ base } = explorer);
  page = watchErrors(await explorer.browser.newPage({ viewport: { width: 1440, height: 900 } }), errors);
}, 300_000);
afterAll(async () => {
  await stopExplorer(explorer ?? {});
  // The other suites expect the sample.
  if (driver) await load(driver, SAMPLE_DIR);
  await driver?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

const groupNodes = () =>
  page.evaluate(() => (window as unknown as { __KEIRO__?: Hook }).__KEIRO__?.groupNodes() ?? []);

describe("the grouped view", () => {
  it("draws the biggest vendor's radius as group nodes by tier, with its totals, and opens a group", async () => {
    expect(biggest.organisations).toBeGreaterThan(5000);
    const grouped = (await (
      await fetch(`${base}/api/impact/groups?vendor=${encodeURIComponent(biggest.id)}&members=3`)
    ).json()) as GroupedBlastRadius;
    // Up to 8 group nodes a tier (the 7 largest and the rest as one when there are more).
    const groupCount = grouped.tiers.reduce((n, t) => n + Math.min(8, t.groups.length), 0);
    expect(groupCount).toBeLessThan(100);

    await page.goto(`${base}/?vendor=${encodeURIComponent(biggest.id)}&lang=en`);
    await expect
      .poll(() => page.getByTestId("total-organisations").textContent(), { timeout: 60_000 })
      .toBe(biggest.organisations.toLocaleString("en-US"));
    await expect.poll(async () => (await groupNodes()).length, { timeout: 60_000 }).toBe(groupCount);
    // The compromised plus the groups (and the overview, dimmed): never the organisations one by one.
    const count = await page.evaluate(() => (window as unknown as { __KEIRO__: Hook }).__KEIRO__.nodeCount());
    expect(count).toBeLessThan(2000 + groupCount + 2);
    expect(grouped.totals.organisations).toBe(biggest.organisations);
    expect(grouped.tiers.reduce((n, t) => n + t.organisations, 0)).toBe(biggest.organisations);
    expect(await page.getByTestId("grouped-note").textContent()).toContain(`${groupCount} groups`);
    await waitForSettledGraph(page); // the chain layout and the camera settle
    await screenshot(page, "grouped-biggest-en");
    // Records by kind cover every affected organisation (from the groups), not the 5,000 listed.
    const companies = grouped.tiers
      .flatMap((t) => t.groups)
      .filter((g) => g.kind === "company")
      .reduce((n, g) => n + g.organisations, 0);
    expect(
      await page
        .getByLabel("By kind", { exact: true })
        .locator('tr[data-bar="company"] .bar-count')
        .textContent(),
    ).toBe(companies.toLocaleString("en-US"));

    // Click the largest group of tier 1: its panel lists its largest members.
    const first = grouped.tiers[0]?.groups[0];
    if (!first) throw new Error("no group in tier 1");
    const id = `group:${grouped.tiers[0]?.depth}:${first.kind ?? ""}:${first.region ?? ""}`;
    const where = () =>
      page.evaluate((node) => (window as unknown as { __KEIRO__: Hook }).__KEIRO__.nodeViewport(node), id);
    await waitForSettledGraph(page);
    const position = await where();
    if (!position) throw new Error(`${id} is not drawn`);
    const box = await page.getByTestId("graph").boundingBox();
    await page.mouse.click((box?.x ?? 0) + position.x, (box?.y ?? 0) + position.y);
    const panel = page.getByTestId("group-panel");
    await expect.poll(() => panel.isVisible()).toBe(true);
    const members = await panel
      .locator("[data-member]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-member")));
    expect(members).toEqual(first.largest.map((m) => m.id));
    expect(await page.getByTestId("group-figures").textContent()).toContain(
      `${first.organisations.toLocaleString("en-US")} organisations`,
    );
    await screenshot(page, "grouped-biggest-en-group");

    // Expanded: its 100 largest organisations drawn in its place (as the API names them), the rest
    // of it, if any, as one node; and back.
    const expanded = (await (
      await fetch(
        `${base}/api/impact/group?vendor=${encodeURIComponent(biggest.id)}&depth=${grouped.tiers[0]?.depth}` +
          `&kind=${first.kind ?? ""}&region=${encodeURIComponent(first.region ?? "")}&members=100`,
      )
    ).json()) as { largest: { id: string }[]; organisations: number };
    expect(expanded.largest).toHaveLength(Math.min(100, first.organisations));
    const drawnNode = (node: string) =>
      page.evaluate((n) => (window as unknown as { __KEIRO__: Hook }).__KEIRO__.nodeViewport(n), node);
    const clickNode = async (node: string) => {
      await waitForSettledGraph(page);
      const at = await drawnNode(node);
      if (!at) throw new Error(`${node} is not drawn`);
      await page.mouse.click((box?.x ?? 0) + at.x, (box?.y ?? 0) + at.y);
    };
    await page.getByTestId("group-expand").click();
    await expect.poll(() => page.url()).toContain(`expand=${encodeURIComponent(id)}`);
    const last = expanded.largest[expanded.largest.length - 1]?.id ?? "";
    await expect.poll(async () => (await drawnNode(last)) !== null, { timeout: 20_000 }).toBe(true);
    const restId = `${id}:rest`;
    expect([await drawnNode(id), (await drawnNode(restId)) !== null]).toEqual([
      null,
      expanded.organisations > 100,
    ]);
    await screenshot(page, "grouped-biggest-en-expanded");
    // Drawn as one group again from the note under the graph.
    await page.getByTestId("collapse-group").click();
    await expect.poll(async () => (await drawnNode(id)) !== null, { timeout: 20_000 }).toBe(true);
    expect([page.url().includes("expand="), await drawnNode(last)]).toEqual([false, null]);
    await clickNode(id);
    await expect.poll(() => panel.isVisible()).toBe(true);

    // A member focuses that organisation.
    await panel.locator("[data-member] button").first().click();
    await expect.poll(() => page.url()).toContain(`focus=${encodeURIComponent(first.largest[0]?.id ?? "")}`);

    expect(errors).toEqual([]);
  }, 180_000);

  it("draws a radius of thousands as points and thin lines, its large tiers folded, headings apart", async () => {
    const vendor = ranked.find((r) => r.organisations > 2000 && r.organisations <= 5000);
    if (!vendor) throw new Error("the generated dataset has no vendor of 2,001–5,000 affected organisations");
    const answer = (await (
      await fetch(`${base}/api/impact?vendor=${encodeURIComponent(vendor.id)}&limit=5000`)
    ).json()) as BlastRadius;
    await page.goto(`${base}/?vendor=${encodeURIComponent(vendor.id)}&lang=en`);
    await expect
      .poll(() => page.getByTestId("total-organisations").textContent(), { timeout: 30_000 })
      .toBe(vendor.organisations.toLocaleString("en-US"));
    await waitForSettledGraph(page);
    // Every organisation a point; every counted contract a thin line, or dashed when undisclosed.
    const undisclosed = answer.contracts.filter((c) => c.records === null).length;
    expect(
      await page.evaluate(() => (window as unknown as { __KEIRO__: Hook }).__KEIRO__.edgeTypes()),
    ).toEqual({ plain: answer.contracts.length - undisclosed, undisclosed });
    expect(
      await page.evaluate(
        (id) => (window as unknown as { __KEIRO__: Hook }).__KEIRO__.nodeDrawn(id)?.type,
        answer.affected[0]?.id ?? "",
      ),
    ).toBe("point");
    expect(await page.getByTestId("plain-contracts").textContent()).toBe(
      "Over 2,000 contracts: drawn as thin lines (width not by records)",
    );
    // The drawing is about as wide as it is tall (a folded tier is not one thin column).
    const box = await page.evaluate(
      (ids) => {
        const h = (window as unknown as { __KEIRO__: Hook }).__KEIRO__;
        const at = ids.map((id) => h.nodeViewport(id)).filter((p) => p !== null);
        const xs = at.map((p) => p.x);
        const ys = at.map((p) => p.y);
        return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
      },
      answer.affected.map((a) => a.id),
    );
    expect(box.width / box.height).toBeGreaterThan(0.5);
    // One heading per tier, none over another.
    const headings = await page
      .locator(".tier-heading")
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right]));
    const depths = new Set(answer.affected.map((a) => a.depth)).size + 1;
    expect(headings).toHaveLength(depths);
    const sorted = [...headings].sort((a, b) => (a[0] as number) - (b[0] as number));
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]?.[0] as number).toBeGreaterThanOrEqual((sorted[i - 1]?.[1] as number) - 0.5);
    await screenshot(page, "radius-thousands-en");
    expect(errors).toEqual([]);
  }, 120_000);
});
