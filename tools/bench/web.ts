import { launchChromium } from "../chromium.ts";

export interface WebMeasurement {
  organisations: number;
  /** URL open → totals shown and every node drawn. */
  ms: number;
  /** Frame times while zooming and panning with the mouse. */
  frameP50Ms: number;
  frameP95Ms: number;
}

/**
 * Opens the explorer on a vendor's blast radius in headless Chromium and times it. `grouped`: the
 * radius is beyond the draw limit, so it is drawn when its groups are (not 5,000 organisations).
 */
export async function measureWeb(base: string, vendor: string, grouped = false): Promise<WebMeasurement> {
  const browser = await launchChromium();
  try {
    // The probes below are strings the page evaluates (tsx would wrap functions with helpers the
    // page lacks), which the app's Content-Security-Policy refuses (no eval): the bench's page
    // bypasses it. Nothing the app loads or draws changes.
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 }, bypassCSP: true });
    const began = Date.now();
    await page.goto(`${base}/?vendor=${encodeURIComponent(vendor)}`);
    await page.getByTestId("total-organisations").waitFor({ timeout: 120_000 });
    const organisations = Number(
      (await page.getByTestId("total-organisations").textContent())?.replaceAll(",", ""),
    );
    await page.waitForFunction(
      grouped
        ? "(window.__KEIRO__?.groupNodes().length ?? 0) > 0"
        : `(window.__KEIRO__?.nodeCount() ?? 0) >= ${Math.min(organisations, 5000)}`,
      undefined,
      { timeout: 120_000 },
    );
    // Scripts for the page are strings: tsx would wrap functions with helpers the page lacks.
    await page.evaluate(
      "new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))",
    );
    const ms = Date.now() - began;
    // Record frame intervals while the mouse zooms in and out and drags the view.
    await page.evaluate(`(() => {
      window.frames_ = [];
      let last = performance.now();
      const tick = (now) => {
        window.frames_.push(now - last);
        last = now;
        if (window.frames_.length < 400) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const box = await page.getByTestId("graph").boundingBox();
    const cx = (box?.x ?? 0) + (box?.width ?? 800) / 2;
    const cy = (box?.y ?? 0) + (box?.height ?? 600) / 2;
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -200);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 200);
    await page.mouse.down();
    for (let i = 0; i < 20; i++) await page.mouse.move(cx + i * 10, cy + i * 5);
    await page.mouse.up();
    const frames = ((await page.evaluate("window.frames_")) as number[]).slice(1).sort((a, b) => a - b);
    const at = (q: number) => Math.round((frames[Math.floor(q * (frames.length - 1))] ?? 0) * 10) / 10;
    return { organisations, ms, frameP50Ms: at(0.5), frameP95Ms: at(0.95) };
  } finally {
    await browser.close();
  }
}
