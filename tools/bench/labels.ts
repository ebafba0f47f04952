import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { launchChromium } from "../chromium.ts";

/**
 * What placing names costs the frames that pan and zoom a blast radius: the same page, the same
 * drag and wheel, with the placement on (names chosen so that none overlap, LabelsController) and
 * off (sigma's label grid, as before), alternated in one browser so that both see the same machine.
 *
 * `npx tsx tools/bench/labels.ts [VENDOR…]` against the running explorer (KEIRO_URL, else
 * http://127.0.0.1:8080) prints one row per vendor (default: isetoh).
 */

export interface LabelFrames {
  vendor: string;
  organisations: number;
  named: number;
  /** Frame times (ms) with the placement on and off: p50 and p95 over every round. */
  placed: { p50: number; p95: number };
  grid: { p50: number; p95: number };
}

const ROUNDS = 3;

/** Frame intervals while the mouse drags the view around and zooms in and out. */
async function panFrames(page: Page): Promise<number[]> {
  // Scripts for the page are strings: tsx would wrap functions with helpers the page lacks.
  await page.evaluate(`(() => {
    window.frames_ = [];
    let last = performance.now();
    const tick = (now) => {
      window.frames_.push(now - last);
      last = now;
      if (window.frames_.length < 300) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const box = await page.getByTestId("graph").boundingBox();
  const [cx, cy] = [(box?.x ?? 0) + (box?.width ?? 800) / 2, (box?.y ?? 0) + (box?.height ?? 600) / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 20; i++) await page.mouse.move(cx + i * 8, cy + i * 4);
  for (let i = 20; i > 0; i--) await page.mouse.move(cx + i * 8, cy + i * 4);
  await page.mouse.up();
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -200);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 200);
  await page.waitForTimeout(600);
  return ((await page.evaluate("window.frames_")) as number[]).slice(1);
}

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(q * (sorted.length - 1))] ?? 0) * 10) / 10;
};

export async function measureLabelFrames(base: string, vendor: string): Promise<LabelFrames> {
  const browser = await launchChromium();
  try {
    // The probes are strings, which the app's Content-Security-Policy refuses: this page bypasses it.
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await page.goto(`${base}/?vendor=${encodeURIComponent(vendor)}`);
    await page.getByTestId("total-organisations").waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      "document.querySelector('[data-settled]')?.dataset.settled === 'true'",
      undefined,
      {
        timeout: 120_000,
      },
    );
    await page.waitForTimeout(500);
    const organisations = Number(
      (await page.getByTestId("total-organisations").textContent())?.replaceAll(",", ""),
    );
    const named = (await page.evaluate("window.__KEIRO__.labelBoxes().length")) as number;
    const frames = { placed: [] as number[], grid: [] as number[] };
    for (let round = 0; round < ROUNDS; round++)
      for (const on of [true, false]) {
        await page.evaluate(`window.__KEIRO__.placeLabels(${on})`);
        await page.waitForTimeout(300);
        frames[on ? "placed" : "grid"].push(...(await panFrames(page)));
      }
    await page.evaluate("window.__KEIRO__.placeLabels(true)");
    const figures = (xs: number[]) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) });
    return { vendor, organisations, named, placed: figures(frames.placed), grid: figures(frames.grid) };
  } finally {
    await browser.close();
  }
}

export function labelFramesLine(f: LabelFrames): string {
  const ratio = f.grid.p50 > 0 ? (f.placed.p50 / f.grid.p50).toFixed(2) : "—";
  return `labels   ${f.vendor} (${f.organisations.toLocaleString("en-US")} affected, ${f.named} named): pan/zoom frames with names placed apart p50 ${f.placed.p50} ms, p95 ${f.placed.p95} ms; sigma's grid as before p50 ${f.grid.p50} ms, p95 ${f.grid.p95} ms (placed/grid ${ratio}×)`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const base = process.env.KEIRO_URL ?? "http://127.0.0.1:8080";
  const vendors = process.argv.slice(2);
  for (const vendor of vendors.length > 0 ? vendors : ["isetoh"])
    process.stdout.write(`${labelFramesLine(await measureLabelFrames(base, vendor))}\n`);
}
