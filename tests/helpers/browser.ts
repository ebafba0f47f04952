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

export async function screenshot(page: Page, name: string): Promise<void> {
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
