import { spawn } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenario } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { validateAndLoad } from "../../ingest/load.ts";
import { findJava } from "../../neo4j/bundled/java.ts";
import { startDatabase, stopDatabase } from "../../neo4j/bundled/lifecycle.ts";
import { runningPid } from "../../neo4j/bundled/server.ts";
import { bundledVersion } from "../../neo4j/bundled/versions.ts";
import { localConfig, localInstance } from "../../neo4j/config.ts";
import { openDriver } from "../../neo4j/driver.ts";
import { generateDataset } from "../../tools/generate/generator.ts";
import { datasetDir, graphState, query, SAMPLE_DIR } from "../helpers/database.ts";
import { PROJECT_ROOT } from "../helpers/paths.ts";

/**
 * `npm run ingest -- --offline` on a bundled instance of its own (it stops and starts its server,
 * so never the `test` instance the other files share): the same graph as the online load, its
 * refusals, and a failed import that leaves the graph as it was.
 */

const NAME = `${process.env.KEIRO_INSTANCE ?? "test"}-offline`;
const PORT = Number(process.env.KEIRO_BOLT_PORT ?? 7688) + 50;
const instance = localInstance(NAME, process.env.KEIRO_NEO4J_VERSION, PORT);
const ENV = { KEIRO_INSTANCE: NAME, KEIRO_BOLT_PORT: String(PORT), NEO4J_URI: "" };
let driver: Driver;

/**
 * A driver opened afresh: the store swapped in starts its transaction ids again, and a driver that
 * remembers the old store's bookmarks (executeQuery's) would wait for ids it has not reached yet.
 */
async function reconnect(): Promise<void> {
  await driver?.close();
  driver = openDriver(localConfig(instance));
}

function ingest(args: string[], env: Record<string, string> = {}) {
  const child = spawn("node", ["--import", "tsx", join(PROJECT_ROOT, "bin/ingest.ts"), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...ENV, ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Everything a load leaves: the graph, the dataset stamp but its time, indexes, and what answers. */
async function everything() {
  const [stamp] = await query(driver, "MATCH (d:Dataset) RETURN properties(d) AS p");
  const { loadedAt: _loadedAt, ...dataset } = (stamp?.p ?? {}) as Record<string, unknown>;
  const others = await query(
    driver,
    "MATCH (n) WHERE NOT n:Organisation|Incident|Dataset RETURN labels(n) AS l",
  );
  const indexes = await query(
    driver,
    "SHOW INDEXES YIELD name, type, state RETURN name, type, state ORDER BY name",
  );
  const engine = new CypherEngine(driver);
  const rank = await engine.rank();
  const radius = async (vendor: string) => {
    const { dataset: stamp, ...rest } = await engine.blastRadius(parseScenario({ vendor: [vendor] }));
    return { ...rest, dataset: { ...stamp, loadedAt: undefined } };
  };
  return {
    graph: await graphState(driver),
    dataset,
    others,
    indexes,
    rank,
    biggest: await radius(rank[0]?.id ?? ""),
    isetoh: await radius("isetoh"),
  };
}

beforeAll(async () => {
  await startDatabase(instance);
  await reconnect();
}, 300_000);

afterAll(async () => {
  await driver?.close();
  await stopDatabase(instance);
});

/**
 * One dataset for one offline load per version (each costs a server restart): the sample, a
 * generated dataset beside it (its rows hold no quote or comma: they are appended as they are),
 * and rows whose values try the importer's CSV: quotes, commas, lines, lists, backslashes.
 */
async function combinedDir(): Promise<string> {
  const generated = mkdtempSync(join(tmpdir(), "keiro-generated-"));
  await generateDataset(generated, { organisations: 2000, contracts: 10000, seed: 11 });
  const dir = mkdtempSync(join(tmpdir(), "keiro-offline-"));
  const rowsOf = (file: string) =>
    readFileSync(join(generated, file), "utf8").split("\n").slice(1).filter(Boolean);
  for (const file of ["organisations.csv", "outsourcing.csv", "incidents.csv", "exposures.csv"])
    copyFileSync(join(SAMPLE_DIR, file), join(dir, file));
  appendFileSync(join(dir, "organisations.csv"), `${rowsOf("organisations.csv").join("\n")}\n`);
  // The sample's contracts have a last column more (confidence): left empty.
  appendFileSync(join(dir, "outsourcing.csv"), `${rowsOf("outsourcing.csv").join(",\n")},\n`);
  rmSync(generated, { recursive: true, force: true });
  appendFileSync(
    join(dir, "organisations.csv"),
    '"odd-1","Quote ""q"", comma, semi; and\na second line","  Spaced  ",bank,a\\b,東京都,\n' +
      'odd-2,ＡＢＣ株式会社,,,,,"https://example.com/?a=1,2"\n',
  );
  appendFileSync(
    join(dir, "outsourcing.csv"),
    'c-odd-1,odd-1,odd-2,"printing, mailing","1,234",,"name; address ;;phone",2024-05,2025,2026-03-31,,"line\none",possible\n' +
      "c-odd-2,odd-2,isetoh,,0,7,,,,,c-odd-1,,\n",
  );
  appendFileSync(
    join(dir, "incidents.csv"),
    'i-odd,odd-2,ransomware,2024-05-26,2024-06,"8Base ""group""",\n',
  );
  appendFileSync(
    join(dir, "exposures.csv"),
    "i-odd,odd-1,10,,12,name;my_number,confirmed,2024-06-01,2024-05-30,\n" +
      "i-odd,odd-1,11,3,,,confirmed,2024-07-01,,x\n",
  );
  return dir;
}

describe("an offline load", () => {
  it("stores the sample, a generated dataset and awkward values as the online load does", async () => {
    const dir = await combinedDir();
    await validateAndLoad(driver, dir, { replace: true });
    await reconnect();
    const online = await everything();
    const result = await ingest([dir, "--offline", "--replace"]);
    await reconnect();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^Loaded \S+ \(2049 organisations, 10043 contracts, 4 incidents, 45 exposures\) offline in [\d.]+ s into bolt:\/\/127\.0\.0\.1:\d+, the server down [\d.]+ s; the graph now holds 2049 organisations, 10043 contracts, 4 incidents, 45 exposures\. Fingerprint [0-9a-f]{12}\. \(validated and converted [\d.]+ s, locked [\d.]+ s, imported [\d.]+ s, swapped and restarted [\d.]+ s, derived [\d.]+ s, indexed [\d.]+ s\)\n$/,
    );
    process.stderr.write(`offline: ${result.stdout}`);
    expect(await everything()).toEqual(online);
    expect(online.graph.length).toBe(2049 + 4 + 10043 + 4 + 45);
    expect(online.dataset).toMatchObject({
      organisations: 2049,
      contracts: 10043,
      incidents: 4,
      exposures: 45,
    });
    const [odd] = await query(driver, "MATCH (o:Organisation {id: 'odd-1'}) RETURN properties(o) AS p");
    // Cells are trimmed as the validator reads them (ingest/readCsv.ts), online and offline alike.
    expect(odd?.p).toEqual({
      id: "odd-1",
      name: 'Quote "q", comma, semi; and\na second line',
      nameEn: "Spaced",
      kind: "bank",
      sector: "a\\b",
      region: "東京都",
      searchId: "odd-1",
      searchName: 'quote "q", comma, semi; and\na second line',
      searchNameEn: "spaced",
      degree: 1,
    });
    expect(existsSync(join(instance.dir, "offline", "backup"))).toBe(false);
    expect(existsSync(join(instance.dir, "load.lock"))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  }, 400_000);
});

describe("an offline load refuses", () => {
  it("an external server, a held lock, data without --replace, an invalid dataset; the online load refuses while it runs", async () => {
    const before = await graphState(driver);
    const external = await ingest([SAMPLE_DIR, "--offline", "--replace"], {
      NEO4J_URI: "bolt://127.0.0.1:1",
    });
    expect([external.status, external.stderr]).toEqual([
      1,
      "--offline stops the bundled Neo4j to import into it, and NEO4J_URI names an external server, which is not ours to stop; nothing was loaded. Load it without --offline.\n",
    ]);

    // A lock file of a live process (this one) on this host: both loaders refuse.
    const lockFile = join(instance.dir, "load.lock");
    writeFileSync(
      lockFile,
      JSON.stringify({ host: hostname(), pid: process.pid, since: "2026-01-01T00:00:00Z" }),
    );
    const refusal = `Another load is running (an offline load, ${hostname()} pid ${process.pid}, since 2026-01-01T00:00:00Z); nothing was loaded. Try again when it has finished.\n`;
    const [offline, online] = await Promise.all([
      ingest([SAMPLE_DIR, "--offline", "--replace"]),
      ingest([SAMPLE_DIR, "--replace"]),
    ]);
    expect([offline.status, offline.stderr]).toEqual([3, refusal]);
    expect([online.status, online.stderr]).toEqual([3, refusal]);

    // A dead process's lock is taken over; the graph holds data and --replace is missing.
    writeFileSync(
      lockFile,
      JSON.stringify({ host: hostname(), pid: 2 ** 22 + 1, since: "2026-01-01T00:00:00Z" }),
    );
    const merge = await ingest([SAMPLE_DIR, "--offline"]);
    expect([merge.status, merge.stderr]).toEqual([
      1,
      "The graph already holds data, and --offline replaces the whole graph: add --replace to replace it; nothing was loaded.\n",
    ]);
    expect(existsSync(lockFile)).toBe(false);

    // An online load holds the database's lock.
    await query(
      driver,
      "CREATE (:LoadLock {id: 'load', owner: 'other-host pid 1 abcdef12', host: 'other-host', pid: 1, since: '2026-01-01T00:00:00Z', leaseUntil: $until})",
      { until: new Date(Date.now() + 60_000).toISOString() },
    );
    const locked = await ingest([SAMPLE_DIR, "--offline", "--replace"]);
    expect([locked.status, locked.stderr]).toEqual([
      3,
      "Another load is running (other-host pid 1 abcdef12, since 2026-01-01T00:00:00Z); nothing was loaded. Try again when it has finished.\n",
    ]);
    await query(driver, "MATCH (l:LoadLock) DELETE l");

    const broken = datasetDir({
      "organisations.csv": "id,name\nok,OK\n",
      "outsourcing.csv": "id,consignor,contractor,records\nc1,ok,missing,12\n",
    });
    const invalid = await ingest([broken, "--offline", "--replace"]);
    expect([invalid.status, invalid.stderr]).toEqual([
      1,
      `${broken}/outsourcing.csv:2: contractor: "missing" is not an id in organisations.csv\n${broken}: 1 problem; nothing was loaded.\n`,
    ]);
    expect(await graphState(driver)).toEqual(before);
  }, 300_000);
});

/**
 * A `java` that runs everything as the real one does, but: the importer fails (`import`), or the
 * first server start after an import fails (`restart`), as a broken disk or a bad store would.
 */
function brokenJava(fails: "import" | "restart"): string {
  const java = findJava(bundledVersion(instance.version)).command;
  const dir = mkdtempSync(join(tmpdir(), "keiro-java-"));
  const wrapper = join(dir, "java");
  const script =
    fails === "import"
      ? `case "$*" in *" database import full "*) echo "injected: no space left on device" >&2; exit 70;; esac\n`
      : `case "$*" in *" database import full "*) touch "${dir}/imported";; *--home-dir=*) if [ -e "${dir}/imported" ] && [ ! -e "${dir}/failed" ]; then touch "${dir}/failed"; echo "injected: store unreadable"; exit 1; fi;; esac\n`;
  writeFileSync(wrapper, `#!/bin/sh\n${script}exec "${java}" "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

describe("a failed offline load", () => {
  it("leaves the previous graph exactly as it was, the server running", async () => {
    const before = await everything();
    const pid = runningPid(instance);
    const result = await ingest([SAMPLE_DIR, "--offline", "--replace"], { KEIRO_JAVA: brokenJava("import") });
    expect(result.status).toBe(5);
    expect(result.stderr).toMatch(
      /injected: no space left on device\nNeo4j's importer failed \(exit 70\); the graph is as it was and the server runs on it\.\n$/,
    );
    expect(runningPid(instance)).toBe(pid);
    expect(await everything()).toEqual(before);
    expect(await query(driver, "MATCH (l:LoadLock) RETURN l")).toEqual([]);
    expect(existsSync(join(instance.dir, "offline", "csv"))).toBe(false);
    expect(existsSync(join(instance.dir, "load.lock"))).toBe(false);
  }, 300_000);

  it("after the swap puts the previous store back and starts the server on it", async () => {
    const before = await everything();
    const result = await ingest([SAMPLE_DIR, "--offline", "--replace"], {
      KEIRO_JAVA: brokenJava("restart"),
    });
    await reconnect();
    expect(result.status, result.stderr).toBe(5);
    expect(result.stderr).toContain("injected: store unreadable");
    expect(result.stderr).toMatch(
      /The load failed after the server was stopped: putting the previous store back…\n[\s\S]*\nThe offline load failed; the previous graph is back and the server runs on it\.\n$/,
    );
    expect(runningPid(instance)).not.toBe(null);
    expect(await everything()).toEqual(before);
    expect(await query(driver, "MATCH (l:LoadLock) RETURN l")).toEqual([]);
    expect(existsSync(join(instance.dir, "offline", "backup"))).toBe(false);
    expect(existsSync(join(instance.dir, "load.lock"))).toBe(false);
  }, 300_000);
});
