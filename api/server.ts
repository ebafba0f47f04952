import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from "fastify";
import type { Driver } from "neo4j-driver";
import { ParameterError, ReloadNeededError } from "../domain/index.ts";
import { ExplorerReads } from "../engine/explorerReads.ts";
import { InMemoryEngine } from "../engine/inMemoryEngine.ts";
import { isRetryLater, isUnreachable } from "../neo4j/errors.ts";
import type { ApiContext } from "./context.ts";
import { BusyError, Gate } from "./gate.ts";
import { type GuardOptions, guard, READINESS_PATH } from "./guard.ts";
import { MAX_PARAM_LENGTH, type Query, type RouteConfig, route } from "./params.ts";
import { blastRadiusRoutes } from "./routes/blastRadius.ts";
import { chainRoutes } from "./routes/chain.ts";
import { notifyRoutes } from "./routes/notify.ts";
import { organisationRoutes } from "./routes/organisations.ts";
import { overviewRoutes } from "./routes/overview.ts";
import { qualityRoutes } from "./routes/quality.ts";
import { stampHeaders } from "./stamp.ts";

/** The project's root folder, wherever the command was started from. */
const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface ApiOptions {
  driver: Driver;
  /** Where the database is, for messages; never the credentials. */
  databaseUri: string;
  /** Built web app; a placeholder page is served when it is missing. */
  webRoot?: string;
  queryTimeoutMs?: number;
  /** The engine; an in-memory one is made (its copy built in the background) when absent. */
  engine?: InMemoryEngine;
  /** Host allow-list, access token and request log (guard.ts). */
  guard?: GuardOptions;
  /** How many affected organisations a report lists at most (20,000); totals always cover all. */
  reportLimit?: number;
  /** Heavy requests at once and waiting (gate.ts): 16 and 256 by default. */
  heavy?: { slots: number; queue: number };
}

/** The largest request body accepted (a posted earlier answer for a comparison may be large). */
export const BODY_LIMIT = 32 * 1024 * 1024;

const PLACEHOLDER = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Keiro</title>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto"><h1>Keiro 経路</h1>
<p>The database is up and the API answers at <a href="/api/health">/api/health</a>.
The web explorer is not built yet: run <code>npm run build</code>.</p></body></html>`;

/** The version the OpenAPI document states: the package's. */
const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string })
  .version;

/**
 * A request the route's schema refused, said as the route's own reading of it says it (the
 * parameter and the problem by name); else as the schema says it.
 */
function explained(error: FastifyError, request: FastifyRequest): { parameter: string; message: string } {
  const { parse } = (request.routeOptions.config ?? {}) as RouteConfig;
  try {
    parse?.(request.query as Query, request);
  } catch (refusal) {
    if (refusal instanceof ParameterError) return { parameter: refusal.parameter, message: refusal.message };
  }
  const first = error.validation?.[0];
  const params = (first?.params ?? {}) as { additionalProperty?: string; missingProperty?: string };
  const parameter =
    first?.instancePath.split("/")[1] ?? params.additionalProperty ?? params.missingProperty ?? "request";
  return { parameter, message: `${parameter}: ${first?.message ?? error.message}` };
}

/**
 * The HTTP API: read-only sessions with a timeout on every query, every parameter checked
 * (400 naming it), 503 while the database is away (the driver reconnects by itself).
 */
export function buildServer(options: ApiOptions): FastifyInstance {
  const queryTimeoutMs = options.queryTimeoutMs ?? 30_000;
  // A request that has not been answered in twice the query timeout is given up (Node closes it).
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    requestTimeout: 2 * queryTimeoutMs + 5_000,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // A parameter the schema does not know is refused by name, never dropped silently.
    ajv: { customOptions: { removeAdditional: false } },
  });
  guard(app, options.guard ?? {});
  stampHeaders(app);
  const engine = options.engine ?? new InMemoryEngine(options.driver, { timeoutMs: queryTimeoutMs });
  const context: ApiContext = {
    driver: options.driver,
    databaseUri: options.databaseUri,
    queryTimeoutMs,
    engine,
    reads: new ExplorerReads(options.driver, queryTimeoutMs),
    gate: new Gate(options.heavy?.slots ?? 16, options.heavy?.queue ?? 256),
    reportLimit: options.reportLimit ?? 20_000,
  };

  app.setErrorHandler(async (error, request, reply) => {
    if ((error as FastifyError).validation) {
      const refused = explained(error as FastifyError, request);
      return reply
        .code(400)
        .send({ error: "bad_request", parameter: refused.parameter, message: refused.message });
    }
    if (error instanceof ParameterError) {
      return reply
        .code(400)
        .send({ error: "bad_request", parameter: error.parameter, message: error.message });
    }
    if (error instanceof BusyError) {
      return reply
        .code(503)
        .header("retry-after", String(error.retryAfterSeconds))
        .send({ error: "busy", message: error.message });
    }
    if (error instanceof ReloadNeededError) {
      return reply.code(409).send({ error: "reload_needed", message: error.message });
    }
    if (isUnreachable(error)) {
      return reply.code(503).send({
        error: "database_unavailable",
        message: `The database at ${options.databaseUri} cannot be reached; try again when it is back.`,
      });
    }
    if (isRetryLater(error)) {
      return reply.code(503).header("retry-after", "5").send({
        error: "timeout",
        message: "The database did not answer in time; try again in a few seconds.",
      });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) {
      // Never a raw driver or stack message to the browser: it is logged here instead.
      process.stderr.write(`Internal error: ${(error as Error).stack ?? String(error)}\n`);
      return reply
        .code(500)
        .send({ error: "internal", message: "An internal error occurred; it has been logged." });
    }
    return reply.code(status).send({
      error: status === 404 ? "not_found" : "bad_request",
      message: (error as Error).message,
    });
  });

  // The API's OpenAPI 3 document, generated from every route's schema (api/params.ts).
  app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Keiro API",
        description:
          "Supply-chain impact over a Neo4j graph: blast radii, what-ifs, breach response, reports. Read-only.",
        version: VERSION,
      },
    },
  });
  app.register(async (api) => {
    route(
      api,
      "GET",
      "/api/health",
      {
        summary: "The server's version and the loaded dataset",
        tags: ["health"],
        query: [],
        parse: () => ({}),
      },
      async () => {
        const { name, version, edition, dataset } = await context.reads.health();
        return { status: "ok", database: { uri: options.databaseUri, name, version, edition }, dataset };
      },
    );
    // Readiness for a load balancer (docs/deployment.md): 503 until this replica has reached the
    // database and its first in-memory copy is built; then 200 for good. A later load is rebuilt
    // while the copy held answers, so a reload never takes a replica out of the balancer.
    // Not in the OpenAPI document: it is the balancer's, not a client's question.
    let firstCopy: Promise<boolean> | undefined;
    api.get(READINESS_PATH, { schema: { hide: true } }, async (_request, reply) => {
      firstCopy ??= engine.warm().then(
        () => true,
        () => {
          firstCopy = undefined;
          return false;
        },
      );
      const ready = await Promise.race([
        firstCopy,
        new Promise<false>((r) => setTimeout(() => r(false), 50)),
      ]);
      if (ready) return { ready: true };
      return reply.code(503).header("retry-after", "1").send({ ready: false });
    });
    organisationRoutes(api, context);
    chainRoutes(api, context);
    blastRadiusRoutes(api, context);
    notifyRoutes(api, context);
    overviewRoutes(api, context);
    qualityRoutes(api, context);
    api.get("/api/openapi.json", { schema: { hide: true } }, async () => api.swagger());
  });

  const webRoot = options.webRoot ?? join(PROJECT_ROOT, "web", "dist");
  if (existsSync(join(webRoot, "index.html"))) {
    app.register(fastifyStatic, { root: webRoot });
  } else {
    app.get("/", async (_request, reply) => reply.type("text/html; charset=utf-8").send(PLACEHOLDER));
  }
  return app;
}
