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

/** The layered chain view of Isetoh's blast radius in real headless Chromium, on the sample. */
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

type Drawn = { hidden: boolean; label: string | null; forceLabel: boolean };
type Hook = {
  nodeCount(): number;
  nodeViewport(id: string): { x: number; y: number } | null;
  nodeDrawn(id: string): Drawn | null;
  graph(): { nodes(): string[]; extremities(edge: string): [string, string]; hasEdge(id: string): boolean };
};

const total = () => page.getByTestId("total-records").textContent();
const drawn = (id: string) =>
  page.evaluate((node) => (window as unknown as { __KEIRO__: Hook }).__KEIRO__.nodeDrawn(node), id);

/** Opens Isetoh's radius and waits until the chains are laid out and the camera has settled. */
async function openIsetoh(lang: "en" | "ja"): Promise<void> {
  await page.goto(`${base}/?vendor=isetoh&lang=${lang}`);
  await expect.poll(total, { timeout: 15_000 }).toBe("≥ 1,537,836");
  await page.waitForFunction(
    () => (window as unknown as { __KEIRO__?: { nodeCount(): number } }).__KEIRO__?.nodeCount() === 35,
  );
  await page.mouse.move(1, 1);
  await waitForSettledGraph(page); // the worker's layout, then the camera's 300 ms
}

/** The graph's pixels, as a PNG. */
async function graphShot(): Promise<Buffer> {
  const box = await page.getByTestId("graph").boundingBox();
  if (!box) throw new Error("no graph");
  return page.screenshot({ clip: box });
}

/** The graph's pixels with one of sigma's canvases (`sigma-edges`, `sigma-labels`) hidden. */
async function shotWithout(layer: string): Promise<Buffer> {
  await page.evaluate((c) => {
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`canvas.${c}`))
      canvas.style.visibility = "hidden";
  }, layer);
  const shot = await graphShot();
  await page.evaluate((c) => {
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`canvas.${c}`))
      canvas.style.visibility = "";
  }, layer);
  return shot;
}

/** How many pixels differ between two PNGs of one size, decoded by Chromium itself. */
function changedPixels(a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([one, two]) => {
      const decode = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [p, q] = await Promise.all([decode(one), decode(two)]);
      if (p.length !== q.length) throw new Error("the two shots differ in size");
      let changed = 0;
      for (let i = 0; i < p.length; i += 4)
        if (p[i] !== q[i] || p[i + 1] !== q[i + 1] || p[i + 2] !== q[i + 2]) changed++;
      return changed;
    },
    [a.toString("base64"), b.toString("base64")] as const,
  );
}

describe("the layered chain view of /?vendor=isetoh", () => {
  for (const lang of ["en", "ja"] as const)
    it(`draws the contracts and the labels (${lang}): each layer changes pixels`, async () => {
      const workers: string[] = [];
      page.on("worker", (w) => workers.push(w.url()));
      await openIsetoh(lang);
      // The chains were laid out in a web worker.
      expect(workers.some((url) => url.includes("chainLayout.worker"))).toBe(true);
      const all = await graphShot();
      const edges = await changedPixels(all, await shotWithout("sigma-edges"));
      const labels = await changedPixels(all, await shotWithout("sigma-labels"));
      process.stderr.write(
        `/?vendor=isetoh&lang=${lang}: edge layer ${edges} px, label layer ${labels} px\n`,
      );
      expect(edges).toBeGreaterThan(5_000);
      expect(labels).toBeGreaterThan(5_000);
      await screenshot(page, `chain-isetoh-${lang}`);
      expect(errors).toEqual([]);
    });

  it("still draws contracts and labels after a new answer and after going back to a laid-out one", async () => {
    await openIsetoh("en");
    // The camera is already where a layered radius puts it: it moves nowhere, yet sigma must draw again.
    const layers = async () => {
      await page.mouse.move(1, 1);
      await waitForSettledGraph(page);
      const all = await graphShot();
      return {
        edges: await changedPixels(all, await shotWithout("sigma-edges")),
        labels: await changedPixels(all, await shotWithout("sigma-labels")),
      };
    };
    await page.getByLabel("Max depth").fill("1");
    await expect.poll(total, { timeout: 15_000 }).not.toBe("≥ 1,537,836");
    const shallow = await layers();
    expect(shallow.edges).toBeGreaterThan(1_000);
    expect(shallow.labels).toBeGreaterThan(1_000);
    expect((await drawn("seishin-shinkin"))?.hidden ?? true).toBe(true);
    await page.getByLabel("Max depth").fill("");
    await expect.poll(total, { timeout: 15_000 }).toBe("≥ 1,537,836");
    const again = await layers();
    expect(again.edges).toBeGreaterThan(5_000);
    expect(again.labels).toBeGreaterThan(5_000);
  });

  it("lays the tiers out left to right toward Isetoh, the unaffected hidden, the chain's names labelled", async () => {
    await openIsetoh("en");
    const x = async (id: string) =>
      (
        await page.evaluate(
          (node) => (window as unknown as { __KEIRO__: Hook }).__KEIRO__.nodeViewport(node),
          id,
        )
      )?.x ?? Number.NaN;
    // Seishin Shinkin (depth 2) → Tokai Shinkin Business (depth 1) → Isetoh (compromised).
    const seishin = await x("seishin-shinkin");
    const tsb = await x("tokai-shinkin-business");
    const isetoh = await x("isetoh");
    expect(seishin).toBeLessThan(tsb);
    expect(tsb).toBeLessThan(isetoh);
    expect(isetoh).toBeLessThan(1440);
    expect(await drawn("isetoh")).toMatchObject({
      hidden: false,
      forceLabel: true,
      label: "Isetoh Co., Ltd.",
    });
    expect(await drawn("tokai-shinkin-business")).toMatchObject({ hidden: false, forceLabel: true });
    expect(await drawn("toyota-city")).toMatchObject({
      hidden: false,
      forceLabel: true,
      label: "Toyota City",
    });
    // The 35 of the radius, every one drawn: the other 12 of the sample's 47 are not even in the
    // graph (the overview is asked only when no scenario is shown), never a grid of dots.
    const drawnCount = await page.evaluate(() => {
      const hook = (window as unknown as { __KEIRO__: Hook }).__KEIRO__;
      const nodes = hook.graph().nodes();
      return [nodes.length, nodes.filter((id) => hook.nodeDrawn(id)?.hidden).length];
    });
    expect(drawnCount).toEqual([35, 0]);
  });

  it("shows a tooltip over an organisation and over a contract, in the chosen language", async () => {
    await openIsetoh("en");
    const box = await page.getByTestId("graph").boundingBox();
    const at = (id: string) =>
      page.evaluate((node) => (window as unknown as { __KEIRO__: Hook }).__KEIRO__.nodeViewport(node), id);
    const tsb = await at("tokai-shinkin-business");
    const seishin = await at("seishin-shinkin");
    if (!box || !tsb || !seishin) throw new Error("not drawn");
    const tooltip = page.getByTestId("graph-tooltip");
    const text = async () => ((await tooltip.count()) > 0 ? await tooltip.innerText() : "");
    /** Waits until the tooltip's text contains `part` ("" waits for no tooltip at all). */
    const shows = (part: string) =>
      page.waitForFunction((p) => {
        const shown = document.querySelector<HTMLElement>('[data-testid="graph-tooltip"]');
        return p === "" ? shown === null : (shown?.innerText.includes(p) ?? false);
      }, part);
    await page.mouse.move(box.x + tsb.x, box.y + tsb.y);
    await shows("Tokai Shinkin Business Co., Ltd.");
    const lines = (await text()).split("\n");
    expect(lines[1]).toBe("Shared service · Depth 1");
    // Its one counted contract passes the banks' data on: none of its own, 0 persons of its own.
    expect(lines[2]).toBe("Records: 0");
    expect(lines[3]).toBe("Persons: 0");
    // Seishin Shinkin's notice gives records, not persons: said in words, never 0.
    await page.mouse.move(box.x + seishin.x, box.y + seishin.y);
    await shows("Seishin Shinkin Bank");
    expect((await text()).split("\n").slice(2)).toEqual(["Records: 2,702", "Persons: undisclosed"]);
    await page.mouse.move(box.x + tsb.x, box.y + tsb.y);
    await shows("Tokai Shinkin Business Co., Ltd.");
    await screenshot(page, "chain-tooltip-node-en");

    /** Hovers the middle of Seishin Shinkin's contract to Tokai Shinkin Business, from off the graph. */
    const hoverContract = async (): Promise<string> => {
      await page.mouse.move(1, 1);
      await shows("");
      await page.mouse.move(box.x + (seishin.x + tsb.x) / 2, box.y + (seishin.y + tsb.y) / 2, { steps: 4 });
      await shows("→");
      return text();
    };
    expect((await hoverContract()).split("\n")[0]).toBe(
      "Seishin Shinkin Bank → Tokai Shinkin Business Co., Ltd.",
    );
    // What the contract is for is not in the blast radius: the tooltip asks /api/chain for it (its
    // first call plans the query: over a second on a busy machine), then says it.
    await shows(" · DM printing and mailing");
    expect((await text()).split("\n")).toEqual([
      "Seishin Shinkin Bank → Tokai Shinkin Business Co., Ltd.",
      "Contract c-seishin-tsb · DM printing and mailing",
      "Records: 2,702",
      "Persons: undisclosed",
    ]);
    await screenshot(page, "chain-tooltip-contract-en");
    await page.getByTestId("language").click();
    await expect.poll(() => page.locator("h1").textContent()).toContain("経路 Keiro");
    expect(await hoverContract()).toContain("静清信用金庫 → 株式会社東海信金ビジネス");
    expect(errors).toEqual([]);
  });
});
