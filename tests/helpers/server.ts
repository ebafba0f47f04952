import type { FastifyInstance } from "fastify";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll } from "vitest";
import { buildServer } from "../../api/server.ts";
import { databaseConfig } from "../../neo4j/config.ts";
import { load, SAMPLE_DIR, testDriver } from "./database.ts";

/** The API a test file serves: there once the file's beforeAll has run. */
export interface ServedApi {
  readonly driver: Driver;
  readonly app: FastifyInstance;
  /** The address it listens on, with `listen`. */
  readonly base: string;
}

export interface ServeOptions {
  /** Each file's own: how long one of its requests may query. */
  queryTimeoutMs: number;
  /** Load the Isetoh sample first (replacing the graph). */
  sample?: boolean;
  /** Listen on a free port of 127.0.0.1 (`base`), not only answer `app.inject`. */
  listen?: boolean;
}

/**
 * The API on the test database for a whole test file: registers the beforeAll that opens a
 * driver, loads the sample if asked, builds the server and listens if asked, and the afterAll
 * that closes the server, then the driver.
 */
export function serveApi(options: ServeOptions): ServedApi {
  let driver: Driver | undefined;
  let app: FastifyInstance | undefined;
  let base: string | undefined;
  beforeAll(async () => {
    driver = testDriver();
    if (options.sample) await load(driver, SAMPLE_DIR);
    app = buildServer({ driver, databaseUri: databaseConfig().uri, queryTimeoutMs: options.queryTimeoutMs });
    if (options.listen) base = await app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await driver?.close();
  });
  return {
    get driver() {
      return started(driver, "driver");
    },
    get app() {
      return started(app, "app");
    },
    get base() {
      return started(base, "base (serveApi({ listen: true }))");
    },
  };
}

function started<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`the served API's ${name} is there only once beforeAll has run`);
  return value;
}
