import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import neo4j, { type Driver, type SessionConfig } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../api/server.ts";
import { InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { databaseConfig } from "../../neo4j/config.ts";
import { load, SAMPLE_DIR, testDriver } from "../helpers/database.ts";
import { PROJECT_ROOT } from "../helpers/paths.ts";

/**
 * On a cluster or Aura (a `neo4j://` URI) the driver sends a session to a reader or to the leader
 * by its access mode: reads go to READ sessions, the loader to WRITE ones. A session opened
 * without one is a WRITE session, so every read would load the leader and none the readers.
 */

/** The folders whose code talks to the database. */
const FOLDERS = ["neo4j", "engine", "api", "answers", "register", "ingest", "bin"];

/**
 * The loader's files (and the schema's): the only ones that may write. Every call, theirs too,
 * states its mode: unstated, a session is a WRITE session, and a read path would load the leader.
 */
const LOADER = /^(ingest\/|neo4j\/schema\.ts$)/;

function sources(folder: string): string[] {
  const dir = join(PROJECT_ROOT, folder);
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(relative(PROJECT_ROOT, path));
    return /\.(ts|mjs)$/.test(name) ? [relative(PROJECT_ROOT, path).split("\\").join("/")] : [];
  });
}

/** The text of each call `name(…)` in a source: up to its closing parenthesis. */
function calls(text: string, name: RegExp): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(name)) {
    let depth = 0;
    let end = (match.index ?? 0) + match[0].length - 1;
    for (; end < text.length; end++) {
      if (text[end] === "(") depth++;
      else if (text[end] === ")" && --depth === 0) break;
    }
    found.push(text.slice(match.index, end + 1));
  }
  return found;
}

describe("every session and query names its access mode", () => {
  it("in the source: sessions with defaultAccessMode, executeQuery with routing, writes only in the loader", () => {
    const unstated: Record<string, number> = {};
    let stated = 0;
    for (const file of FOLDERS.flatMap(sources)) {
      // Comments are not calls.
      const text = readFileSync(join(PROJECT_ROOT, file), "utf8").replace(/^\s*(\/\/|\*).*$/gm, "");
      const sessions = calls(text, /\.session\(/g);
      const queries = calls(text, /\.executeQuery\(/g);
      for (const call of sessions) {
        if (/defaultAccessMode:\s*neo4j\.session\.(READ|WRITE)/.test(call)) stated++;
        else unstated[file] = (unstated[file] ?? 0) + 1;
      }
      for (const call of queries) {
        if (/routing:\s*neo4j\.routing\.(READ|WRITE)/.test(call)) stated++;
        else unstated[file] = (unstated[file] ?? 0) + 1;
      }
      // Writes are the loader's (and the schema's) alone.
      if (/executeWrite\(|session\.WRITE|routing\.WRITE/.test(text)) expect(file).toMatch(LOADER);
    }
    expect(stated).toBeGreaterThan(5);
    expect(unstated).toEqual({});
  });

  describe("at run time, answering every route of the API", () => {
    let loader: Driver;
    let driver: Driver;
    /** The access mode of every session opened, and of every transaction and query run. */
    const modes: string[] = [];

    beforeAll(async () => {
      loader = testDriver();
      await load(loader, SAMPLE_DIR);
      driver = testDriver();
      const session = driver.session.bind(driver);
      driver.session = (config: SessionConfig = {}) => {
        const mode = config.defaultAccessMode ?? "WRITE (unstated)";
        modes.push(`session ${mode}`);
        const opened = session(config);
        const executeWrite = opened.executeWrite.bind(opened);
        const run = opened.run.bind(opened);
        opened.executeWrite = ((work, transactionConfig) => {
          modes.push("executeWrite");
          return executeWrite(work, transactionConfig);
        }) as typeof opened.executeWrite;
        opened.run = ((query, parameters, transactionConfig) => {
          modes.push(`auto-commit ${mode}`);
          return run(query, parameters, transactionConfig);
        }) as typeof opened.run;
        return opened;
      };
      const executeQuery = driver.executeQuery.bind(driver);
      driver.executeQuery = ((query, parameters, config = {}) => {
        modes.push(`executeQuery ${config.routing ?? "WRITE (unstated)"}`);
        return executeQuery(query, parameters, config);
      }) as Driver["executeQuery"];
    });

    afterAll(async () => {
      await driver?.close();
      await loader?.close();
    });

    it("opens READ sessions only", async () => {
      // The copy is built on this driver (not in a worker over a connection of its own): its reads count too.
      const engine = new InMemoryEngine(driver, { timeoutMs: 20_000 });
      const app = buildServer({ driver, databaseUri: databaseConfig().uri, engine });
      const scenario = "vendor=isetoh&today=2024-06-01";
      const asked: Record<string, string> = {
        "/api/health": "/api/health",
        "/api/organisations": "/api/organisations?q=toyota",
        "/api/organisations/{id}": "/api/organisations/toyota-city",
        "/api/organisations/{id}/neighbourhood": "/api/organisations/toyota-city/neighbourhood",
        "/api/chain": "/api/chain?contract=c-toyota-city-isetoh",
        "/api/graph": "/api/graph?limit=12",
        "/api/impact": "/api/impact?vendor=isetoh&limit=3",
        "/api/impact/groups": "/api/impact/groups?vendor=isetoh",
        "/api/impact/group": "/api/impact/group?vendor=isetoh&depth=1&kind=municipality&region=Aichi",
        "/api/compare": "/api/compare?vendor=isetoh&as-of=2024-05-26",
        "/api/rank": "/api/rank?top=3",
        "/api/report": "/api/report?vendor=isetoh&format=json",
        "/api/notify": `/api/notify?${scenario}&limit=3`,
        "/api/notify/export": `/api/notify/export?${scenario}`,
        "/api/notify/packets": `/api/notify/packets?${scenario}`,
        "/api/notify/packet/{id}": `/api/notify/packet/toyota-city?${scenario}`,
        "/api/quality": "/api/quality?today=2024-06-01&limit=3",
      };
      try {
        // Every route the API has (its OpenAPI document lists them): a new route must be asked here.
        const doc = (await app.inject({ url: "/api/openapi.json" })).json() as { paths: object };
        expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(asked).sort());
        // Before the copy is built (Cypher answers), once more after (the copy answers), and readiness.
        for (const round of [1, 2]) {
          for (const [route, url] of Object.entries(asked)) {
            const response = await app.inject({ url });
            expect([round, route, response.statusCode]).toEqual([round, route, 200]);
          }
          if (round === 1) await engine.warm();
        }
        expect((await app.inject({ url: "/api/ready" })).statusCode).toBe(200);
        // POSTed earlier answers are read the same way.
        const earlier = (await app.inject({ url: "/api/impact?vendor=isetoh" })).body;
        const since = await app.inject({
          method: "POST",
          url: "/api/impact?vendor=isetoh&limit=1",
          payload: earlier,
          headers: { "content-type": "application/json" },
        });
        expect(since.statusCode).toBe(200);
      } finally {
        await app.close();
      }
      expect(modes.length).toBeGreaterThan(40);
      expect([...new Set(modes)]).toEqual([`session ${neo4j.session.READ}`]);
    });
  });
});
