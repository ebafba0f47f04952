import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
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
