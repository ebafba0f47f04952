import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Driver } from "neo4j-driver";
import type { Browser, Page } from "playwright-core";
import { buildServer } from "../../api/server.ts";
import { databaseConfig } from "../../neo4j/config.ts";
import { launchChromium } from "../../tools/chromium.ts";
import { buildWeb } from "../../web/build.ts";
import { PROJECT_ROOT } from "./paths.ts";

export const SCREENSHOTS = join(PROJECT_ROOT, ".screenshots");

/** The web app as `npm start` serves it. */
export async function buildWebApp(): Promise<string> {
  await buildWeb();
  return join(PROJECT_ROOT, "web", "dist");
}

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/**
 * Waits until the graph view has stood still for a while: no layout in a worker, no ForceAtlas2,
 * no camera animation, and the last frame drew contracts and labels (LayoutController marks it).
 * "A while" because a new answer, a focus or a new layout may start moving it a frame later; the
 * while counts from this call (an earlier wait's start would let a view about to move pass).
 */
export async function waitForSettledGraph(page: Page, stillMs = 300, timeoutMs = 20_000): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __settledSince?: number }).__settledSince = undefined;
  });
  await page.waitForFunction(
    (still) => {
      const view = document.querySelector<HTMLElement>("[data-settled]");
      if (!view) return false;
      const w = window as unknown as { __settledSince?: number };
      if (view.dataset.settled !== "true") {
        w.__settledSince = undefined;
        return false;
      }
      w.__settledSince ??= performance.now();
      return performance.now() - w.__settledSince >= still;
    },
    stillMs,
    { timeout: timeoutMs, polling: 50 },
  );
}

/** A screenshot of the page once any graph on it has settled, in .screenshots/ (a test artefact). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if ((await page.locator("[data-settled]").count()) > 0) await waitForSettledGraph(page);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The explorer as `npm start` serves it, on the test database, with a browser to drive it. */
export interface Explorer {
  driver: Driver;
  app: FastifyInstance;
  base: string;
  browser: Browser;
}

/** Builds the web app, serves it with the real API over `driver` on a free port, launches Chromium. */
export async function startExplorer(driver: Driver): Promise<Explorer> {
  const webRoot = await buildWebApp();
  const app = buildServer({ driver, databaseUri: databaseConfig().uri, webRoot });
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  return { driver, app, base, browser: await launchBrowser() };
}

export async function stopExplorer(explorer: Partial<Explorer>): Promise<void> {
  await explorer.browser?.close();
  await explorer.app?.close();
}

/** Collects the page's errors and console errors into `errors`, where a test expects none. */
export function watchErrors(page: Page, errors: string[]): Page {
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  return page;
}
