import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder, wherever the command was started from. */
const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));

/**
 * Where the database is. With NEO4J_URI set, any Neo4j 5 server, cluster or Aura instance
 * (NEO4J_USER, NEO4J_PASSWORD); without it, the bundled local server of this checkout, whose
 * generated password sits in a git-ignored file.
 */
export interface DatabaseConfig {
  uri: string;
  user: string;
  password: string;
  /** The database every session opens (NEO4J_DATABASE); null: the server's default database. */
  database: string | null;
  /** The bundled server's instance name, or null for an external server. */
  localInstance: string | null;
}

export interface LocalInstance {
  name: string;
  /** The Neo4j version it runs (KEIRO_NEO4J_VERSION); each version has a store of its own. */
  version: string;
  boltPort: number;
  dir: string;
  passwordFile: string;
  heap: string;
  pageCache: string;
  /** Settings beyond the common ones (see db/localServer.ts). */
  extraSettings: string[];
}

/** The bundled server's version unless KEIRO_NEO4J_VERSION names another: 5.26, the LTS. */
export const DEFAULT_NEO4J_VERSION = "5.26.31";

export function bundledVersionName(env: NodeJS.ProcessEnv = process.env): string {
  return env.KEIRO_NEO4J_VERSION || DEFAULT_NEO4J_VERSION;
}

/**
 * `dev` for the product, `test` for the test suite, so tests never touch an analyst's data. Its
 * folder is named by instance and version (`.neo4j/instances/dev-5.26.31`): a store is only ever
 * opened by the version that made it, so switching versions never upgrades or corrupts one.
 */
export function localInstance(
  name = process.env.KEIRO_INSTANCE ?? "dev",
  version = bundledVersionName(),
  boltPort?: number,
): LocalInstance {
  const defaults: Record<string, { port: number; heap: string; pageCache: string; extra?: string[] }> = {
    dev: { port: 7687, heap: "2g", pageCache: "1g" },
    test: { port: 7688, heap: "1g", pageCache: "256m" },
    // National scale (100k organisations, 1M contracts) loads in one transaction.
    bench: {
      port: 7689,
      heap: "6g",
      pageCache: "2g",
      extra: [
        "db.tx_state.memory_allocation=OFF_HEAP",
        "dbms.memory.off_heap.max_size=10g",
        "dbms.memory.transaction.total.max=12g",
      ],
    },
    // 1M organisations and 10M contracts, loaded offline (neo4j-admin import): no big write
    // transaction, but a store of several GB read whole by the API's copy. 4 GB of heap and 5 GB
    // of page cache leave room on a 24 GiB machine for the API's copy (≤ 8 GiB while a reload
    // builds the next), the bench and a browser. Its own store and port (9531), so that the 1M
    // graph on "bench" stays.
    bench10m: { port: 9531, heap: "4g", pageCache: "5g" },
  };
  const base = defaults[name] ?? { port: 7689, heap: "1g", pageCache: "256m" };
  const dir = join(PROJECT_ROOT, ".neo4j", "instances", `${name}-${version}`);
  return {
    name,
    version,
    boltPort: boltPort ?? Number(process.env.KEIRO_BOLT_PORT ?? base.port),
    dir,
    passwordFile: join(dir, "password"),
    heap: process.env.KEIRO_NEO4J_HEAP ?? base.heap,
    pageCache: process.env.KEIRO_NEO4J_PAGECACHE ?? base.pageCache,
    extraSettings: base.extra ?? [],
  };
}

export class ConfigError extends Error {}

/** The database sessions open: NEO4J_DATABASE on a server that has several, else its default. */
export function databaseName(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.NEO4J_DATABASE?.trim() || null;
}

export function databaseConfig(): DatabaseConfig {
  const uri = process.env.NEO4J_URI;
  if (uri) {
    return {
      uri,
      user: process.env.NEO4J_USER ?? "neo4j",
      password: process.env.NEO4J_PASSWORD ?? "",
      database: databaseName(),
      localInstance: null,
    };
  }
  return localConfig(localInstance());
}

/** How to reach a bundled instance: loopback, its port, the password generated at its setup. */
export function localConfig(instance: LocalInstance): DatabaseConfig {
  if (!existsSync(instance.passwordFile)) {
    throw new ConfigError(
      `The bundled Neo4j ${instance.version} (${instance.name}) has not been set up yet: run \`npm run db:start\`, or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use another server.`,
    );
  }
  return {
    uri: `bolt://127.0.0.1:${instance.boltPort}`,
    user: "neo4j",
    password: readFileSync(instance.passwordFile, "utf8").trim(),
    database: databaseName(),
    localInstance: instance.name,
  };
}
