import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateDataset } from "../../ingest/dataset.ts";
import { loadDataset } from "../../ingest/load.ts";
import { sweep } from "../../ingest/staged.ts";
import { localInstance } from "../../neo4j/config.ts";
import { generateDataset } from "../../tools/generate/generator.ts";
import {
  datasetDir,
  graphState,
  leftovers,
  load,
  query,
  runCommand,
  SAMPLE_DIR,
  testDriver,
} from "../helpers/database.ts";
import { PROJECT_ROOT } from "../helpers/paths.ts";

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

async function counts() {
  const [row] = await query(
    driver,
    `RETURN COUNT { (:Organisation) } AS organisations, COUNT { ()-[:OUTSOURCES_TO]->() } AS contracts,
            COUNT { (:Incident) } AS incidents, COUNT { ()-[:HIT]->() } AS hits, COUNT { ()-[:EXPOSED]->() } AS exposures`,
  );
  return row;
}

/** Organisations with a directed chain of contracts to the vendor (facts/sums.csv S8–S11). */
async function upstreamOf(vendor: string): Promise<string[]> {
  const rows = await query<{ id: string }>(
    driver,
    "MATCH (up:Organisation)-[:OUTSOURCES_TO*1..]->(:Organisation {id: $vendor}) RETURN DISTINCT up.id AS id ORDER BY id",
    { vendor },
  );
  return rows.map((r) => r.id);
}

describe("the Isetoh sample", () => {
  beforeAll(async () => {
    await load(driver, SAMPLE_DIR);
  });

  it("loads every row", async () => {
    expect(await counts()).toEqual({
      organisations: 47,
      contracts: 41,
      incidents: 3,
      hits: 3,
      exposures: 43,
    });
  });

  it("keeps the Seishin → Tokai Shinkin Business → Isetoh chain without double counting", async () => {
    const rows = await query(
      driver,
      `MATCH (a:Organisation)-[c:OUTSOURCES_TO]->(b:Organisation {id: 'tokai-shinkin-business'})
       RETURN a.id AS consignor, c.records AS records ORDER BY consignor`,
    );
    expect(rows).toEqual([
      { consignor: "ogaki-seino-shinkin", records: 3879 },
      { consignor: "seishin-shinkin", records: 2702 },
      { consignor: "tokai-shinkin-others", records: 57814 },
      { consignor: "tono-shinkin", records: 5008 },
    ]);
    const [pass] = await query(
      driver,
      "MATCH ()-[c:OUTSOURCES_TO {id: 'c-tsb-isetoh'}]->() RETURN c.records AS records, c.deleteByEnd AS deleteByEnd, c.carries AS carries",
    );
    // It passes on the four banks' direct-mail contracts, and nothing else that may reach TSB.
    expect(pass).toEqual({
      records: 0,
      deleteByEnd: "2023-10-31",
      carries: ["c-seishin-tsb", "c-tono-tsb", "c-ogaki-seino-tsb", "c-tokai-shinkin-others-tsb"],
    });
    const [enclosing] = await query(
      driver,
      "MATCH ()-[c:OUTSOURCES_TO {id: 'c-isetoh-enclosing'}]->() RETURN c.carries AS carries",
    );
    expect(enclosing).toEqual({ carries: ["c-yokosuka-city-isetoh"] });
  });

  it("stores counts as integers, undisclosed as absent, and records and persons apart", async () => {
    const rows = await query(
      driver,
      `MATCH ()-[c:OUTSOURCES_TO]->() WHERE c.id IN ['c-toyota-city-isetoh', 'c-smtb-isetoh', 'c-kubota-credit-isetoh']
       RETURN c.id AS id, c.records AS records, c.subjects AS subjects, valueType(c.records) AS type ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: "c-kubota-credit-isetoh", records: null, subjects: 61424, type: "NULL" },
      { id: "c-smtb-isetoh", records: null, subjects: null, type: "NULL" },
      { id: "c-toyota-city-isetoh", records: 1035603, subjects: 148620, type: "INTEGER NOT NULL" },
    ]);
  });

  it("keeps revised reports as separate exposures and the Kantsu → Asahi case as ruled out", async () => {
    const rows = await query(
      driver,
      `MATCH (i:Incident)-[e:EXPOSED]->(o:Organisation) WHERE o.id IN ['toyota-city', 'cycle-base-asahi', 'seishin-shinkin']
       RETURN i.id AS incident, o.id AS organisation, e.records AS records, e.subjects AS subjects, e.status AS status, e.reportedOn AS reportedOn
       ORDER BY organisation, reportedOn`,
    );
    expect(rows).toEqual([
      {
        incident: "kantsu-2024",
        organisation: "cycle-base-asahi",
        records: null,
        subjects: null,
        status: "ruled_out",
        reportedOn: "2024-10-23",
      },
      {
        incident: "isetoh-2024",
        organisation: "seishin-shinkin",
        records: 2702,
        subjects: null,
        status: "confirmed",
        reportedOn: "2024-11-18",
      },
      {
        incident: "isetoh-2024",
        organisation: "toyota-city",
        records: 1035603,
        subjects: null,
        status: "confirmed",
        reportedOn: "2024-07-04",
      },
      {
        incident: "isetoh-2024",
        organisation: "toyota-city",
        records: null,
        subjects: 148620,
        status: "confirmed",
        reportedOn: "2024-08-20",
      },
    ]);
  });

  it("traces the same upstream organisations as the research notes (sums.csv S8–S11)", async () => {
    expect((await upstreamOf("isetoh")).length).toBe(34);
    expect(await upstreamOf("tokai-shinkin-business")).toEqual([
      "ogaki-seino-shinkin",
      "seishin-shinkin",
      "tokai-shinkin-others",
      "tono-shinkin",
    ]);
    expect(await upstreamOf("kantsu")).toEqual([
      "cycle-base-asahi",
      "felissimo",
      "gamba-osaka-shop",
      "kantsu-ec-sites",
      "kantsu-shippers",
    ]);
    expect(await upstreamOf("betsudai-kosan")).toEqual(["oita-city"]);
  });

  it("gives every row a source", async () => {
    const [row] = await query(
      driver,
      `RETURN COUNT { MATCH (o:Organisation) WHERE o.source IS NULL RETURN o } +
              COUNT { MATCH ()-[c:OUTSOURCES_TO]->() WHERE c.source IS NULL RETURN c } +
              COUNT { MATCH ()-[e:EXPOSED]->() WHERE e.source IS NULL RETURN e } AS unsourced`,
    );
    expect(row).toEqual({ unsourced: 0 });
  });

  it("records the dataset's fingerprint", async () => {
    const [row] = await query(
      driver,
      "MATCH (d:Dataset) RETURN d.name AS name, d.fingerprint AS fingerprint, d.contracts AS contracts, d.format AS format",
    );
    const { fingerprint } = await validateDataset(SAMPLE_DIR);
    expect(row).toEqual({ name: "isetoh-2024", fingerprint, contracts: 41, format: 3 });
  });
});

/** The command's refusals that never ask the server run on the first version only: tests/ingest/ingest-command.test.ts. */
describe("loading", () => {
  it("is idempotent: loading twice gives the same graph as loading once", async () => {
    await load(driver, SAMPLE_DIR, true);
    const once = await graphState(driver);
    await load(driver, SAMPLE_DIR, false);
    expect(await graphState(driver)).toEqual(once);
    expect(once.length).toBe(47 + 3 + 41 + 3 + 43);
  });

  it("moves a contract whose organisations changed, and removes emptied properties", async () => {
    const orgs = "id,name\na,A\nb,B\nc,C\n";
    await load(
      driver,
      datasetDir({
        "organisations.csv": orgs,
        "outsourcing.csv": "id,consignor,contractor,records\nk,a,b,5\n",
      }),
    );
    await load(
      driver,
      datasetDir({
        "organisations.csv": orgs,
        "outsourcing.csv": "id,consignor,contractor,records\nk,c,b,\n",
      }),
      false,
    );
    const rows = await query(
      driver,
      "MATCH (x)-[k:OUTSOURCES_TO]->(y) RETURN x.id AS from, y.id AS to, k.records AS records",
    );
    expect(rows).toEqual([{ from: "c", to: "b", records: null }]);
  });

  it("loads through the command line and says what it loaded", async () => {
    const result = runCommand("bin/ingest.ts", [SAMPLE_DIR, "--replace"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^Loaded .*isetoh-2024 \(47 organisations, 41 contracts, 3 incidents, 43 exposures\) in [\d.]+ s into bolt:\/\/127\.0\.0\.1:\d+; the graph now holds 47 organisations, 41 contracts, 3 incidents, 43 exposures\. Fingerprint [0-9a-f]{12}\. \(validated [\d.]+ s, leftovers swept [\d.]+ s, staged [\d.]+ s, swapped [\d.]+ s, retired graph deleted [\d.]+ s\)\n$/,
    );
  });

  it("exits 2 when the database refuses the credentials", () => {
    const uri = `bolt://127.0.0.1:${localInstance("test").boltPort}`;
    const result = runCommand("bin/ingest.ts", [SAMPLE_DIR], {
      NEO4J_URI: uri,
      NEO4J_USER: "neo4j",
      NEO4J_PASSWORD: "wrong",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`The database at ${uri} refused the credentials.`);
  });
});

describe("a failure half-way", () => {
  let bigDir: string;
  beforeAll(async () => {
    bigDir = mkdtempSync(join(tmpdir(), "keiro-big-"));
    await generateDataset(bigDir, { organisations: 5000, contracts: 30000, seed: 11 });
  });

  it("leaves the old graph when the load breaks after some batches", async () => {
    await load(driver, SAMPLE_DIR);
    const before = await graphState(driver);
    const dataset = await validateDataset(bigDir);
    let rows = 0;
    await expect(
      loadDataset(driver, dataset, {
        replace: true,
        onRows: (count) => {
          rows += count;
          if (rows >= 20000) throw new Error("simulated crash after 20,000 rows");
        },
      }),
    ).rejects.toThrow("simulated crash after 20,000 rows");
    expect(await graphState(driver)).toEqual(before);
  });

  it("refuses to swap in staged rows another load has disturbed, and leaves the old graph", async () => {
    await load(driver, SAMPLE_DIR);
    const before = await graphState(driver);
    const dataset = await validateDataset(bigDir);
    await expect(
      loadDataset(driver, dataset, {
        replace: true,
        // Just before the swap, a second load starts and sweeps the staging it finds.
        onPhase: async (phase) => {
          if (phase === "swap") await sweep(driver);
        },
      }),
    ).rejects.toThrow(
      "The staged organisations (0) do not match the dataset's 5000 rows: was another load running at the same time? Nothing was changed; load again.",
    );
    expect(await graphState(driver)).toEqual(before);
    expect(await leftovers(driver)).toBe(0);
  });

  it("leaves the old graph or the new one, never a mix, when the loader is killed", async () => {
    await load(driver, SAMPLE_DIR);
    const before = await graphState(driver);
    const child = spawn(
      "node",
      ["--import", "tsx", join(PROJECT_ROOT, "bin/ingest.ts"), bigDir, "--replace"],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, KEIRO_INSTANCE: process.env.KEIRO_INSTANCE ?? "test" },
        stdio: "ignore",
      },
    );
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // The loader's own batches, not this probe (whose text names them too).
    const loading = async () =>
      (
        await query<{ n: number }>(
          driver,
          "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'UNWIND $rows' AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n",
        )
      )[0]?.n ?? 0;
    let seenLoading = false;
    // Kill it while its transaction is sending batches.
    for (let i = 0; i < 600 && !seenLoading; i++) {
      seenLoading = (await loading()) > 0;
      if (seenLoading) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill("SIGKILL");
    await exited;
    // The server rolls the transaction back when the connection drops.
    expect(seenLoading).toBe(true);
    for (let i = 0; i < 200; i++) {
      if ((await loading()) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const after = await graphState(driver);
    const [size] = await query(driver, "RETURN COUNT { (:Organisation)-[:OUTSOURCES_TO]->() } AS contracts");
    if (size?.contracts === 30000) expect(after.length).toBe(5000 + 30000);
    else expect(after).toEqual(before);
    // What the killed load staged is invisible, and the next load sweeps it away.
    await load(driver, SAMPLE_DIR);
    expect(await leftovers(driver)).toBe(0);
  });
});

describe("one load at a time", () => {
  let bigDir: string;
  beforeAll(async () => {
    bigDir = mkdtempSync(join(tmpdir(), "keiro-big-"));
    await generateDataset(bigDir, { organisations: 5000, contracts: 30000, seed: 11 });
  });

  it("a second load started while one runs exits 3 with one line; the graph is the winner's dataset", async () => {
    await load(driver, SAMPLE_DIR);
    const first = spawn(
      "node",
      ["--import", "tsx", join(PROJECT_ROOT, "bin/ingest.ts"), bigDir, "--replace"],
      {
        cwd: PROJECT_ROOT,
        env: process.env,
        stdio: "ignore",
      },
    );
    const firstExit = new Promise<number | null>((resolve) => first.once("exit", resolve));
    let locked = false;
    for (let i = 0; i < 600 && !locked; i++) {
      locked = ((await query<{ n: number }>(driver, "RETURN COUNT { (:LoadLock) } AS n"))[0]?.n ?? 0) > 0;
      if (!locked) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(locked).toBe(true);
    const second = runCommand("bin/ingest.ts", [SAMPLE_DIR, "--replace"]);
    expect(second.status).toBe(3);
    expect(second.stderr).toMatch(
      /^Another load is running \(\S+ pid \d+ [0-9a-f]{8}, since \d{4}-\d\d-\d\dT\S+\); nothing was loaded\. Try again when it has finished\.\n$/,
    );
    expect(await firstExit).toBe(0);
    const [stamp] = await query(
      driver,
      "MATCH (d:Dataset) RETURN d.name AS name, d.organisations AS organisations",
    );
    expect(stamp).toEqual({ name: bigDir.split("/").at(-1), organisations: 5000 });
    expect(await counts()).toMatchObject({ organisations: 5000, contracts: 30000 });
    expect(await leftovers(driver)).toBe(0);
  });

  it("refuses while a live lock is held elsewhere, and takes over one whose lease ran out", async () => {
    await load(driver, SAMPLE_DIR);
    const before = await graphState(driver);
    const lock = (leaseUntil: string) =>
      query(
        driver,
        "MERGE (l:LoadLock {id: 'load'}) SET l.owner = 'other-host pid 1 abcdef12', l.host = 'other-host', l.pid = 1, l.since = '2026-01-01T00:00:00Z', l.leaseUntil = $leaseUntil",
        { leaseUntil },
      );
    await lock(new Date(Date.now() + 60_000).toISOString());
    const refused = runCommand("bin/ingest.ts", [SAMPLE_DIR, "--replace"]);
    expect([refused.status, refused.stderr]).toEqual([
      3,
      "Another load is running (other-host pid 1 abcdef12, since 2026-01-01T00:00:00Z); nothing was loaded. Try again when it has finished.\n",
    ]);
    expect(await graphState(driver)).toEqual(before);
    await lock("2026-01-01T00:01:00Z");
    expect(runCommand("bin/ingest.ts", [SAMPLE_DIR, "--replace"]).status).toBe(0);
    expect(await leftovers(driver)).toBe(0);
  });
});

describe("npm run cypher", () => {
  it("prints the rows of a read-only query as a JSON array", async () => {
    await load(driver, SAMPLE_DIR);
    const result = runCommand("bin/cypher.ts", [
      "MATCH (o:Organisation {id: $id}) RETURN o.name AS name, o.kind AS kind",
      "--params",
      '{"id":"seishin-shinkin"}',
    ]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ name: "静清信用金庫", kind: "shinkin_bank" }]);
  });

  it("has a write refused by the database, and nothing is written", async () => {
    const before = await graphState(driver);
    const result = runCommand("bin/cypher.ts", [
      "MATCH (o:Organisation {id: 'isetoh'}) SET o.name = 'x' RETURN o",
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("Refused: this query writes, and `npm run cypher` is read-only.\n");
    expect(await graphState(driver)).toEqual(before);
  });

  it("says what is wrong with a query that is not Cypher", () => {
    const result = runCommand("bin/cypher.ts", ["MATCH (o RETURN o"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^The query was refused: Invalid input/);
  });
});
