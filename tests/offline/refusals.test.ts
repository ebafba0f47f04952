import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateAndLoad } from "../../ingest/load.ts";
import { findJava } from "../../neo4j/bundled/java.ts";
import { runningPid } from "../../neo4j/bundled/server.ts";
import { bundledVersion } from "../../neo4j/bundled/versions.ts";
import { datasetDir, graphState, query, SAMPLE_DIR } from "../helpers/database.ts";
import { driver, everything, ingest, instance, reconnect, withOfflineInstance } from "./offlineInstance.ts";

/**
 * The offline load's refusals and failures: the command line's and the store swap's own, the same
 * on every server version, so on the first version only (vitest.config.ts); load.test.ts compares
 * the stored graph on each.
 */
withOfflineInstance();

// The graph these tests leave as it was: the sample, loaded online.
beforeAll(async () => {
  await validateAndLoad(driver(), SAMPLE_DIR, { replace: true });
}, 120_000);

describe("an offline load refuses", () => {
  it("an external server, a held lock, data without --replace, an invalid dataset; the online load refuses while it runs", async () => {
    const before = await graphState(driver());
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
      driver(),
      "CREATE (:LoadLock {id: 'load', owner: 'other-host pid 1 abcdef12', host: 'other-host', pid: 1, since: '2026-01-01T00:00:00Z', leaseUntil: $until})",
      { until: new Date(Date.now() + 60_000).toISOString() },
    );
    const locked = await ingest([SAMPLE_DIR, "--offline", "--replace"]);
    expect([locked.status, locked.stderr]).toEqual([
      3,
      "Another load is running (other-host pid 1 abcdef12, since 2026-01-01T00:00:00Z); nothing was loaded. Try again when it has finished.\n",
    ]);
    await query(driver(), "MATCH (l:LoadLock) DELETE l");

    const broken = datasetDir({
      "organisations.csv": "id,name\nok,OK\n",
      "outsourcing.csv": "id,consignor,contractor,records\nc1,ok,missing,12\n",
    });
    const invalid = await ingest([broken, "--offline", "--replace"]);
    expect([invalid.status, invalid.stderr]).toEqual([
      1,
      `${broken}/outsourcing.csv:2: contractor: "missing" is not an id in organisations.csv\n${broken}: 1 problem; nothing was loaded.\n`,
    ]);
    expect(await graphState(driver())).toEqual(before);
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
    expect(await query(driver(), "MATCH (l:LoadLock) RETURN l")).toEqual([]);
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
    expect(await query(driver(), "MATCH (l:LoadLock) RETURN l")).toEqual([]);
    expect(existsSync(join(instance.dir, "offline", "backup"))).toBe(false);
    expect(existsSync(join(instance.dir, "load.lock"))).toBe(false);
  }, 300_000);
});
