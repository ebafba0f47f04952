import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatasetStamp } from "../../domain/index.ts";
import { keyOf } from "../../engine/oneLoad.ts";
import { databaseConfig } from "../../neo4j/config.ts";
import { load, query, SAMPLE_DIR, startCommand, testDriver } from "../helpers/database.ts";
import { PROJECT_ROOT } from "../helpers/paths.ts";

/**
 * Two replicas (`bin/serve.ts` processes, as `npm run serve` runs them) on one graph through a
 * routing URI (`neo4j://`, as a cluster or Aura takes): they answer alike for the same load, every
 * answer is stamped with its load (the `keiro-dataset` header, and the `dataset` field of a JSON
 * answer), and while a load replaces the graph every answer of either replica is wholly the old
 * load's or wholly the new one's; both end on the new load.
 */

/** Every question the explorer asks that carries figures, over the Isetoh sample. */
const QUESTIONS = [
  "/api/impact?vendor=isetoh&limit=5",
  "/api/impact/groups?vendor=isetoh",
  "/api/impact/group?vendor=isetoh&depth=1&kind=municipality&region=Aichi",
  "/api/compare?vendor=isetoh&as-of=2024-05-26&enforce-retention=true&limit=5",
  "/api/rank?top=5",
  "/api/organisations?q=toyota",
  "/api/organisations/toyota-city",
  "/api/organisations/isetoh?limit=5",
  "/api/organisations/toyota-city/neighbourhood",
  "/api/chain?contract=c-toyota-city-isetoh",
  "/api/graph?limit=12&contracts=5",
  "/api/notify?vendor=isetoh&today=2024-06-01&limit=5",
  "/api/quality?today=2024-06-01&limit=3",
] as const;

/** The contract the second load changes, and by how many records. */
const CHANGED = "c-toyota-city-isetoh";
const OLD_RECORDS = 1_035_603;
const NEW_RECORDS = 1_035_700;
/** Isetoh's blast radius in records, on the sample and on the changed sample. */
const OLD_TOTAL = 1_537_836;
const NEW_TOTAL = OLD_TOTAL + NEW_RECORDS - OLD_RECORDS;

interface Answer {
  status: number;
  /** The `keiro-dataset` header. */
  stamp: string | null;
  body: unknown;
}

interface Replica {
  child: ChildProcess;
  base: string;
}

/** A replica as `npm run serve` starts it, on a free port, through the routing URI. */
async function startReplica(): Promise<Replica> {
  const config = databaseConfig();
  // The test server through neo4j:// (routing); a server named for tests keeps its own URI.
  const uri = config.localInstance
    ? config.uri.replace(/^bolt:\/\//, "neo4j://")
    : config.uri.replace(/^bolt(\+s|\+ssc)?:\/\//, "neo4j$1://");
  const child = spawn("node", ["--import", "tsx", "bin/serve.ts"], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USER: config.user,
      NEO4J_PASSWORD: config.password,
      PORT: "0",
      KEIRO_HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const base = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      const match = /Keiro API at (\S+)/.exec(line);
      if (match) resolve(match[1] as string);
    });
    child.once("exit", (code) => reject(new Error(`serve exited ${code}`)));
  });
  expect(uri).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
  return { child, base };
}

async function ask(replica: Replica, path: string): Promise<Answer> {
  const response = await fetch(`${replica.base}${path}`);
  return {
    status: response.status,
    stamp: response.headers.get("keiro-dataset"),
    body: await response.json(),
  };
}

/** Waits until the replica says it is ready (its first in-memory copy built). */
async function ready(replica: Replica, withinMs: number): Promise<void> {
  const until = Date.now() + withinMs;
  for (;;) {
    const response = await fetch(`${replica.base}/api/ready`);
    if (response.status === 200) return;
    expect(response.status).toBe(503);
    if (Date.now() > until) throw new Error("the replica was not ready in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The stamp a JSON answer states in its body (a ranking, a list, states it in its header alone). */
function bodyStamp(body: unknown): string | null {
  const dataset = (body as { dataset?: DatasetStamp } | null)?.dataset;
  return Array.isArray(body) || !dataset ? null : keyOf(dataset);
}

/** Isetoh's blast radius in records, as an answer about it states it. */
function isetohRecords(path: string, body: unknown): number | undefined {
  if (path.startsWith("/api/impact?")) return (body as { totals: { records: number } }).totals.records;
  if (path.startsWith("/api/rank")) return (body as { id: string; records: number }[])[0]?.records;
  return undefined;
}

async function liveStamp(driver: Driver): Promise<string> {
  const [row] = await query<DatasetStamp>(
    driver,
    "MATCH (d:Dataset {id: 'current'}) RETURN d.name AS name, d.fingerprint AS fingerprint, d.loadedAt AS loadedAt",
  );
  return keyOf(row as DatasetStamp);
}

/** The sample with one contract's records changed, in a folder of its own. */
function changedSample(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "keiro-replicas-")), "isetoh-2024");
  cpSync(SAMPLE_DIR, dir, { recursive: true });
  const file = join(dir, "outsourcing.csv");
  const text = readFileSync(file, "utf8");
  const changed = text.replace(`${CHANGED},toyota-city,isetoh,tax notice printing etc.,"1,035,603"`, (line) =>
    line.replace('"1,035,603"', '"1,035,700"'),
  );
  expect(changed).not.toBe(text);
  writeFileSync(file, changed);
  return dir;
}

describe("two replicas behind a balancer, through neo4j://", () => {
  let driver: Driver;
  let replicas: Replica[] = [];
  let oldStamp: string;
  /** Each question's answer on the first load, as both replicas gave it. */
  const before = new Map<string, Answer>();

  beforeAll(async () => {
    driver = testDriver();
    // The replicas start while the sample loads: then each follows the load it finds live.
    const starting = Promise.all([startReplica(), startReplica()]);
    await load(driver, SAMPLE_DIR);
    oldStamp = await liveStamp(driver);
    replicas = await starting;
    await Promise.all(replicas.map((replica) => ready(replica, 60_000)));
    // Each on the sample's load (a copy of a graph loaded before it may have been built first).
    for (const replica of replicas)
      while ((await ask(replica, "/api/rank?top=1")).stamp !== oldStamp)
        await new Promise((resolve) => setTimeout(resolve, 200));
  });

  afterAll(async () => {
    for (const { child } of replicas) child.kill("SIGTERM");
    await driver?.close();
  });

  it("answer every question alike, each answer stamped with the load in its header and its body", async () => {
    for (const path of QUESTIONS) {
      const [a, b] = await Promise.all(replicas.map((replica) => ask(replica, path)));
      expect([path, a?.status, b?.status]).toEqual([path, 200, 200]);
      expect([path, a?.stamp]).toEqual([path, oldStamp]);
      expect([path, b?.stamp]).toEqual([path, oldStamp]);
      if (!path.startsWith("/api/rank")) expect([path, bodyStamp(a?.body)]).toEqual([path, oldStamp]);
      expect(b?.body).toEqual(a?.body);
      before.set(path, a as Answer);
    }
    expect(isetohRecords("/api/impact?", before.get(QUESTIONS[0])?.body)).toBe(OLD_TOTAL);
    expect(isetohRecords("/api/rank", before.get("/api/rank?top=5")?.body)).toBe(OLD_TOTAL);
  });

  it("follow a reload: every answer wholly the old load's or the new one's, both on the new one soon after", async () => {
    const dir = changedSample();
    let loadedAt = 0;
    const loading = startCommand("bin/ingest.ts", [dir, "--replace"]).then((result) => {
      loadedAt = Date.now();
      return result;
    });
    /** Every answer asked while the load ran and after, by question: stamp and body. */
    const seen: { path: string; replica: number; answer: Answer; at: number }[] = [];
    const newOnBoth = () => {
      // Both replicas on the new load for every question, in the last round.
      const last = seen.slice(-QUESTIONS.length * replicas.length);
      return loadedAt > 0 && last.length > 0 && last.every(({ answer }) => answer.stamp !== oldStamp);
    };
    const deadline = Date.now() + 120_000;
    while (!newOnBoth()) {
      if (Date.now() > deadline) throw new Error("the replicas did not both follow the reload in time");
      const round = await Promise.all(
        replicas.flatMap((replica, r) =>
          QUESTIONS.map(async (path) => ({
            path,
            replica: r,
            answer: await ask(replica, path),
            at: Date.now(),
          })),
        ),
      );
      seen.push(...round);
    }
    const loaded = await loading;
    expect(loaded.status).toBe(0);
    const newStamp = await liveStamp(driver);
    expect(newStamp).not.toBe(oldStamp);
    const followedWithinMs = (seen.at(-1)?.at ?? 0) - loadedAt;

    // The new load's answers, once both replicas are on it: alike on both.
    const after = new Map<string, Answer>();
    for (const path of QUESTIONS) {
      const [a, b] = await Promise.all(replicas.map((replica) => ask(replica, path)));
      expect([path, a?.stamp, b?.stamp]).toEqual([path, newStamp, newStamp]);
      expect(b?.body).toEqual(a?.body);
      after.set(path, a as Answer);
    }
    expect(isetohRecords("/api/impact?", after.get(QUESTIONS[0])?.body)).toBe(NEW_TOTAL);
    expect(isetohRecords("/api/rank", after.get("/api/rank?top=5")?.body)).toBe(NEW_TOTAL);
    const chain = after.get(`/api/chain?contract=${CHANGED}`)?.body as { contracts: { records: number }[] };
    expect(chain.contracts.map((c) => c.records)).toEqual([NEW_RECORDS]);

    // Every answer asked while the load ran is exactly one load's: that load's answer, figure for figure.
    const stamps = new Set<string | null>();
    for (const { path, answer } of seen) {
      expect([path, answer.status]).toEqual([path, 200]);
      stamps.add(answer.stamp);
      const expected = answer.stamp === oldStamp ? before.get(path) : after.get(path);
      expect([path, answer.stamp === oldStamp || answer.stamp === newStamp]).toEqual([path, true]);
      if (!path.startsWith("/api/rank")) expect([path, bodyStamp(answer.body)]).toEqual([path, answer.stamp]);
      expect([path, answer.body]).toEqual([path, expected?.body]);
    }
    expect([stamps.has(oldStamp), stamps.has(newStamp)]).toEqual([true, true]);
    // Both on the new load within a bounded time of the load's end (the API looks at the live load
    // once a second, then each replica rebuilds its copy).
    expect(followedWithinMs).toBeLessThan(30_000);
  });
});
