import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { validateAndLoad } from "../../ingest/load.ts";
import { connect } from "../../neo4j/connect.ts";
import { PROJECT_ROOT } from "./paths.ts";

export const SAMPLE_DIR = join(PROJECT_ROOT, "data", "isetoh-2024");

export function testDriver(): Driver {
  return connect().driver;
}

/** Validates and loads a dataset folder as `npm start` does; throws on any problem. */
export function load(driver: Driver, dir: string, replace = true) {
  return validateAndLoad(driver, dir, { replace });
}

export async function query<T = Record<string, unknown>>(
  driver: Driver,
  text: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  const session = driver.session();
  try {
    const result = await session.run(text, params);
    return result.records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
}

/**
 * The live graph as sorted tuples (every node with its labels and properties, every relationship
 * with its ends and properties), to compare two states exactly. Staged and retired nodes are the
 * loader's business and no query reads them; `leftovers` counts those.
 */
export async function graphState(driver: Driver): Promise<string[]> {
  const rows = await query<{ t: unknown[] }>(
    driver,
    `MATCH (n:Organisation|Incident)
     RETURN [labels(n), properties(n)] AS t
     UNION ALL
     MATCH (a:Organisation|Incident)-[r]->(b)
     RETURN [coalesce(a.id, ''), type(r), coalesce(b.id, ''), properties(r)] AS t`,
  );
  return rows.map((row) => JSON.stringify(row.t, sortedKeys)).sort();
}

export async function leftovers(driver: Driver): Promise<number> {
  const [row] = await query<{ n: number }>(
    driver,
    "RETURN COUNT { (n) WHERE NOT (n:Organisation OR n:Incident OR n:Dataset) } AS n",
  );
  return row?.n ?? -1;
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  return value;
}

/** A dataset folder made of the given files' texts. */
export function datasetDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "keiro-dataset-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Runs one of the project's npm commands as a user would, with the test database. */
export function runCommand(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync("node", ["--import", "tsx", join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: { ...process.env, KEIRO_INSTANCE: process.env.KEIRO_INSTANCE ?? "test", ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, started in the background: resolves when the command exits. */
export function startCommand(
  script: string,
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn("node", ["--import", "tsx", join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, KEIRO_INSTANCE: process.env.KEIRO_INSTANCE ?? "test" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}
