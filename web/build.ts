import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

/** The project's root folder, wherever the command was started from. */
const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));

const WEB = join(PROJECT_ROOT, "web");

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

/** Builds the web app when it is missing or older than its sources; returns whether it built. */
export async function ensureWebBuilt(): Promise<boolean> {
  const index = join(WEB, "dist", "index.html");
  const sources = Math.max(newest(join(WEB, "src")), statSync(join(WEB, "index.html")).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return false;
  process.stdout.write("Building the web app…\n");
  await buildWeb();
  return true;
}

/** Builds the web app into web/dist, always as a production build. */
export async function buildWeb(): Promise<void> {
  // Under vitest NODE_ENV is "test", and Vite would then bundle React's development build (twice
  // the effects under StrictMode, every fetch doubled, slower renders): always a production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: join(PROJECT_ROOT, "vite.config.ts"), logLevel: "warn", mode: "production" });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
