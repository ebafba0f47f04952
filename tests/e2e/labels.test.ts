import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BlastRadius, GroupedBlastRadius, VendorRank } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { generateDataset } from "../../tools/generate/generator.ts";
import type { LabelBox } from "../../web/src/graph/sigma/labels.ts";
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
 * The names the graph draws, measured in real headless Chromium at 1440×900: the boxes of the drawn
 * labels (window.__KEIRO__.labelBoxes, checked against the ink on sigma's label canvas) never
 * overlap, on the sample and on generated radii of hundreds, thousands and groups.
 */
let driver: Driver;
let explorer: Explorer;
let base: string;
let page: Page;
let dir: string | undefined;
const errors: string[] = [];

type Hook = {
  labelBoxes(): LabelBox[];
  nodeCount(): number;
  cameraRatio(): number;
  groupNodes(): string[];
  nodeViewport(id: string): { x: number; y: number } | null;
};
const labelBoxes = () =>
  page.evaluate(() => (window as unknown as { __KEIRO__: Hook }).__KEIRO__.labelBoxes());
const groupNodes = () =>
  page.evaluate(() => (window as unknown as { __KEIRO__: Hook }).__KEIRO__.groupNodes());
const cameraRatio = () =>
  page.evaluate(() => (window as unknown as { __KEIRO__: Hook }).__KEIRO__.cameraRatio());
const nodeViewport = (id: string) =>
  page.evaluate((node) => (window as unknown as { __KEIRO__: Hook }).__KEIRO__.nodeViewport(node), id);
/** Waits until the graph holds at least `n` organisations. */
const drawnAtLeast = (n: number) =>
  page.waitForFunction(
    (count) => ((window as unknown as { __KEIRO__?: Hook }).__KEIRO__?.nodeCount() ?? 0) >= count,
    n,
    { timeout: 60_000 },
  );

beforeAll(async () => {
  driver = testDriver();
  await load(driver, SAMPLE_DIR);
  explorer = await startExplorer(driver);
  ({ base } = explorer);
  page = watchErrors(await explorer.browser.newPage({ viewport: { width: 1440, height: 900 } }), errors);
}, 120_000);
afterAll(async () => {
  await stopExplorer(explorer ?? {});
  // The other suites expect the sample.
  if (driver && dir) await load(driver, SAMPLE_DIR);
  await driver?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

/** Pairs of drawn labels whose boxes overlap. */
function overlapping(boxes: LabelBox[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i] as LabelBox, boxes[j] as LabelBox];
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        pairs.push(`${a.text} × ${b.text}`);
    }
  return pairs;
}

/**
 * The label canvas's ink outside every reported box (2 px of anti-aliasing allowed): 0 when the
 * boxes are what sigma drew. The hover layer (a focused chain's names in white boxes) is apart.
 */
function inkOutsideBoxes(boxes: LabelBox[]): Promise<number> {
  return page.evaluate((all) => {
    const canvas = document.querySelector<HTMLCanvasElement>("canvas.sigma-labels");
    const context = canvas?.getContext("2d");
    if (!canvas || !context) return -1;
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    let outside = 0;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        if ((data[(y * width + x) * 4 + 3] as number) === 0) continue;
        const [px, py] = [x / ratio, y / ratio];
        const inside = all.some(
          (b) => px >= b.x - 2 && px <= b.x + b.width + 2 && py >= b.y - 2 && py <= b.y + b.height + 2,
        );
        if (!inside) outside++;
      }
    return outside;
  }, boxes);
}

async function drawnLabels(): Promise<LabelBox[]> {
  await page.mouse.move(1, 1);
  await waitForSettledGraph(page);
  return labelBoxes();
}

describe("names on the sample's radius at 1440×900", () => {
  for (const lang of ["en", "ja"] as const)
    it(`names all 29 of the depth-1 and all 5 of the depth-2 organisations, none over another (${lang})`, async () => {
      const impact = (await (await fetch(`${base}/api/impact?vendor=isetoh`)).json()) as BlastRadius;
      await page.goto(`${base}/?vendor=isetoh&lang=${lang}`);
      await drawnAtLeast(35);
      const boxes = await drawnLabels();
      const named = new Set(boxes.map((b) => b.id));
      const tier = (depth: number) => impact.affected.filter((a) => a.depth === depth);
      expect([tier(1).length, tier(1).filter((a) => named.has(a.id)).length]).toEqual([29, 29]);
      expect([tier(2).length, tier(2).filter((a) => named.has(a.id)).length]).toEqual([5, 5]);
      expect(named.has("isetoh")).toBe(true);
      expect(overlapping(boxes)).toEqual([]);
      expect(await inkOutsideBoxes(boxes)).toBe(0);
      await screenshot(page, `labels-isetoh-${lang}`);
      expect(errors).toEqual([]);
    });

  it("fits a focused organisation's chain beside its panel, its names drawn and none over another", async () => {
    await page.goto(`${base}/?vendor=isetoh&lang=en&focus=seishin-shinkin`);
    await page.getByTestId("organisation-panel").waitFor();
    const boxes = await drawnLabels();
    const panel = await page.getByTestId("organisation-panel").boundingBox();
    const graph = await page.getByTestId("graph").boundingBox();
    if (!panel || !graph) throw new Error("no panel or graph");
    const free = panel.x + panel.width - graph.x;
    for (const id of ["seishin-shinkin", "tokai-shinkin-business", "isetoh"]) {
      const at = await nodeViewport(id);
      expect(at?.x ?? 0).toBeGreaterThan(free);
      expect(at?.x ?? 2000).toBeLessThan(graph.width);
    }
    const named = boxes.map((b) => b.id);
    expect(named).toEqual(expect.arrayContaining(["seishin-shinkin", "tokai-shinkin-business", "isetoh"]));
    // No name starts under the panel.
    expect(boxes.filter((b) => b.x < free).map((b) => b.text)).toEqual([]);
    expect(overlapping(boxes)).toEqual([]);
    // Every tier's heading stands beside the panel, centred over its column (the leftmost in its
    // short form: the camera leaves it that much room).
    const headings = await page.locator(".tier-heading").evaluateAll((nodes) =>
      nodes.map((n) => {
        const box = n.getBoundingClientRect();
        return {
          depth: Number((n as HTMLElement).dataset.depth),
          left: box.left,
          centre: box.left + box.width / 2,
        };
      }),
    );
    expect(headings.map((h) => h.depth).sort()).toEqual([0, 1, 2]);
    for (const [depth, member] of [
      [0, "isetoh"],
      [1, "tokai-shinkin-business"],
      [2, "seishin-shinkin"],
    ] as const) {
      const heading = headings.find((h) => h.depth === depth);
      const at = await nodeViewport(member);
      expect(heading?.left ?? 0).toBeGreaterThanOrEqual(graph.x + free);
      expect(Math.abs((heading?.centre ?? 0) - (graph.x + (at?.x ?? 0)))).toBeLessThan(2);
    }
    expect(await page.locator('.tier-heading[data-depth="2"]').getAttribute("class")).toContain("narrow");
    await screenshot(page, "labels-isetoh-focus-en");
    expect(errors).toEqual([]);
  });
});

describe("names on generated radii", () => {
  let ranked: VendorRank[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "keiro-labels-"));
    await generateDataset(dir, { organisations: 6000, contracts: 30000, seed: 1 });
    await load(driver, dir);
    ranked = await new CypherEngine(driver).rank();
  }, 300_000);

  it("names organisations of a radius of hundreds, none over another", async () => {
    const vendor = ranked.find((r) => r.organisations >= 300 && r.organisations < 1000);
    if (!vendor) throw new Error("no vendor of 300–999 affected organisations");
    await page.goto(`${base}/?vendor=${encodeURIComponent(vendor.id)}&lang=en`);
    await drawnAtLeast(vendor.organisations);
    const boxes = await drawnLabels();
    process.stderr.write(`${vendor.organisations} organisations: ${boxes.length} named\n`);
    expect(boxes.length).toBeGreaterThan(20);
    expect(overlapping(boxes)).toEqual([]);
    expect(await inkOutsideBoxes(boxes)).toBe(0);
    await screenshot(page, "labels-hundreds-en");
  }, 120_000);

  it("names only the compromised in a radius of thousands at first, and its neighbours without overlap when zoomed in at one", async () => {
    const vendor = ranked.find((r) => r.organisations > 2000 && r.organisations <= 5000);
    if (!vendor) throw new Error("no vendor of 2,001–5,000 affected organisations");
    const impact = (await (
      await fetch(`${base}/api/impact?vendor=${encodeURIComponent(vendor.id)}`)
    ).json()) as BlastRadius;
    const depth1 = impact.affected.filter((a) => a.depth === 1);
    // Zoomed in at the largest organisation of the tier beside the compromised (ties by id).
    const [target] = [...depth1].sort((a, b) => b.records - a.records || (a.id < b.id ? -1 : 1));
    if (!target) throw new Error("no depth-1 organisation");
    await page.goto(`${base}/?vendor=${encodeURIComponent(vendor.id)}&lang=en`);
    await drawnAtLeast(vendor.organisations);
    const first = await drawnLabels();
    expect(first.map((b) => b.id)).toEqual([vendor.id]);
    // Four turns of the wheel over it, each once the last has ended: sigma zooms 1.7× a turn
    // around the pointer, so the view is the same on every run (turns in a burst are merged).
    const graph = await page.getByTestId("graph").boundingBox();
    if (!graph) throw new Error("no graph");
    const start = await cameraRatio();
    for (let turn = 1; turn <= 4; turn++) {
      const at = await nodeViewport(target.id);
      if (!at) throw new Error(`${target.id} is not drawn`);
      await page.mouse.move(graph.x + at.x, graph.y + at.y);
      await page.mouse.wheel(0, -100);
      await page.waitForFunction(
        (ratio) =>
          Math.abs((window as unknown as { __KEIRO__: Hook }).__KEIRO__.cameraRatio() - ratio) < ratio * 1e-9,
        start / 1.7 ** turn,
      );
      await waitForSettledGraph(page);
    }
    const zoomed = await drawnLabels();
    const named = zoomed.map((b) => b.id);
    process.stderr.write(
      `${vendor.organisations} organisations, zoomed in at ${target.id}: ${named.length} named\n`,
    );
    // The column has room now: every organisation of it sigma labels (in the view or within its
    // label margin: 150 px across, 50 px down) is named, the one zoomed at first, nobody else.
    const near: string[] = [];
    for (const { id } of depth1) {
      const at = await nodeViewport(id);
      if (at && at.x > -150 && at.x < graph.width + 150 && at.y > -50 && at.y < graph.height + 50)
        near.push(id);
    }
    expect(named[0]).toBe(target.id);
    expect([...named].sort()).toEqual(near.sort());
    expect(named).toHaveLength(7);
    expect(overlapping(zoomed)).toEqual([]);
    expect(await inkOutsideBoxes(zoomed)).toBe(0);
    await screenshot(page, "labels-thousands-zoomed-en");
  }, 120_000);

  for (const lang of ["en", "ja"] as const)
    it(`draws a grouped radius's group names apart, settled only once the groups are drawn (${lang})`, async () => {
      const biggest = ranked[0] as VendorRank;
      const grouped = (await (
        await fetch(`${base}/api/impact/groups?vendor=${encodeURIComponent(biggest.id)}&members=3`)
      ).json()) as GroupedBlastRadius;
      const groupCount = grouped.tiers.reduce((n, t) => n + Math.min(8, t.groups.length), 0);
      await page.goto(`${base}/?vendor=${encodeURIComponent(biggest.id)}&lang=${lang}`);
      await page.mouse.move(1, 1);
      // The first time the view says it is settled, the groups are drawn (not the compromised alone).
      await waitForSettledGraph(page, 300, 60_000);
      const groups = await groupNodes();
      expect(groups.length).toBe(groupCount);
      const boxes = await labelBoxes();
      // The compromised and every group of the tier beside it (it has the room right of it) are named.
      const named = new Set(boxes.map((b) => b.id));
      const nearest = [biggest.id, ...groups.filter((id) => id.startsWith("group:1:"))];
      expect(nearest.filter((id) => !named.has(id))).toEqual([]);
      process.stderr.write(`grouped (${lang}): ${boxes.length} of ${groupCount + 1} named\n`);
      expect(overlapping(boxes)).toEqual([]);
      expect(await inkOutsideBoxes(boxes)).toBe(0);
      // The note under the totals says what is drawn: the groups.
      expect(await page.getByTestId("drawn-note").textContent()).toContain(
        lang === "en" ? `drawn as ${groupCount} groups` : `${groupCount} グループ`,
      );
      await screenshot(page, `labels-grouped-${lang}`);
      expect(errors).toEqual([]);
    }, 120_000);
});
