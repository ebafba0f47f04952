import type { FastifyInstance, FastifyRequest } from "fastify";
import { isValidId, ParameterError } from "../../domain/index.ts";
import { type ApiContext, notFound } from "../context.ts";
import { checkKnown, type Query, single, wholeNumber } from "../params.ts";

function organisationId(id: string): string {
  if (!isValidId(id)) throw new ParameterError("id", `id: "${id}" is not a valid id`);
  return id;
}

export function organisationRoutes(app: FastifyInstance, context: ApiContext): void {
  app.get("/api/organisations", async (request) => {
    const query = request.query as Query;
    checkKnown(query, ["q", "limit"]);
    const q = (single(query, "q") ?? "").normalize("NFKC").trim().toLowerCase();
    if (q === "") throw new ParameterError("q", "q: say what to search for");
    const limit = wholeNumber(query, "limit", 20, 200);
    return { query: q, results: await context.reads.search(q, limit) };
  });

  /** The organisation a request names and the `limit` it asks (capped); 404 when there is none. */
  const asked = (request: FastifyRequest, defaultLimit: number) => {
    const { id } = request.params as { id: string };
    const query = request.query as Query;
    checkKnown(query, ["limit"]);
    return { id: organisationId(id), limit: wholeNumber(query, "limit", defaultLimit, 5000) };
  };
  const found = <T>(id: string, value: T | null): T => {
    if (value === null) throw notFound(`no organisation "${id}"`);
    return value;
  };

  app.get("/api/organisations/:id", async (request) => {
    const { id, limit } = asked(request, 200);
    return found(id, await context.reads.organisation(id, limit));
  });

  app.get("/api/organisations/:id/neighbourhood", async (request) => {
    const { id, limit } = asked(request, 500);
    return found(id, await context.reads.neighbourhood(id, limit));
  });
}
