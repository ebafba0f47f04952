import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";
import { PROJECT_ROOT } from "../db/paths.ts";

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
  await build({ configFile: join(PROJECT_ROOT, "vite.config.ts"), logLevel: "warn" });
  return true;
}
