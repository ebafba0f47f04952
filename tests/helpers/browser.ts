import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { PROJECT_ROOT } from "../../db/paths.ts";

/** Debian's Chromium; no browser is ever downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = join(PROJECT_ROOT, ".screenshots");

/** The web app as `npm start` serves it. */
export async function buildWebApp(): Promise<string> {
  await build({ configFile: join(PROJECT_ROOT, "vite.config.ts"), logLevel: "warn" });
  return join(PROJECT_ROOT, "web", "dist");
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // As root in CI, without a GPU, and with no network beyond loopback.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--use-gl=swiftshader",
      "--enable-unsafe-swiftshader",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
