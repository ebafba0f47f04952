import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import neo4j, { type Driver } from "neo4j-driver";
import { cypher } from "../db/cypherFiles.ts";
import { isUnreachable } from "../db/errors.ts";
import { PROJECT_ROOT } from "../db/paths.ts";

export interface ApiOptions {
  driver: Driver;
  /** Where the database is, for messages; never the credentials. */
  databaseUri: string;
  /** Built web app; a placeholder page is served when it is missing. */
  webRoot?: string;
}

/** Every query of the API: a READ session, closed in `finally`, with a timeout. */
export async function readQuery<T>(
  driver: Driver,
  name: string,
  params: Record<string, unknown>,
  map: (record: { get(key: string): unknown }) => T,
  timeoutMs = 30_000,
): Promise<T[]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => (await tx.run(cypher(name), params)).records.map(map), {
      timeout: timeoutMs,
    });
  } finally {
    await session.close();
  }
}

const PLACEHOLDER = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Keiro</title>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto"><h1>Keiro 経路</h1>
<p>The database is up and the API answers at <a href="/api/health">/api/health</a>.
The web explorer is not built yet: run <code>npm run build</code>.</p></body></html>`;

export function buildServer(options: ApiOptions): FastifyInstance {
  const app = Fastify({ logger: false });

  app.setErrorHandler(async (error, _request, reply) => {
    if (isUnreachable(error)) {
      return reply.code(503).send({
        error: "database_unavailable",
        message: `The database at ${options.databaseUri} cannot be reached; try again when it is back.`,
      });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    return reply
      .code(status)
      .send({ error: status >= 500 ? "internal" : "bad_request", message: (error as Error).message });
  });

  app.get("/api/health", async () => {
    const [row] = await readQuery(options.driver, "api/health", {}, (r) => ({
      name: r.get("name"),
      version: r.get("version"),
      edition: r.get("edition"),
      dataset: r.get("dataset"),
    }));
    return {
      status: "ok",
      database: { uri: options.databaseUri, ...row, dataset: undefined },
      dataset: row?.dataset ?? null,
    };
  });

  const webRoot = options.webRoot ?? join(PROJECT_ROOT, "web", "dist");
  if (existsSync(join(webRoot, "index.html"))) {
    app.register(fastifyStatic, { root: webRoot });
  } else {
    app.get("/", async (_request, reply) => reply.type("text/html; charset=utf-8").send(PLACEHOLDER));
  }
  return app;
}
