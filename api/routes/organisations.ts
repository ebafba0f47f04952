import type { FastifyInstance, FastifyRequest } from "fastify";
import { isValidId, ParameterError } from "../../domain/index.ts";
import { type ApiContext, notFound } from "../context.ts";
import { parameter, type Query, route, single, wholeNumber } from "../params.ts";

const TAGS = ["organisations"];
const ID = [parameter({ name: "id", kind: "text", help: "the organisation's id" })];

/** The organisation a request names and the `limit` it asks (capped). */
function organisationQuery(defaultLimit: number) {
  return (query: Query, request: FastifyRequest) => {
    const { id } = request.params as { id: string };
    if (!isValidId(id)) throw new ParameterError("id", `id: "${id}" is not a valid id`);
    return { id, limit: wholeNumber(query, "limit", defaultLimit, 5000) };
  };
}

const found = <T>(id: string, value: T | null): T => {
  if (value === null) throw notFound(`no organisation "${id}"`);
  return value;
};

export function organisationRoutes(app: FastifyInstance, context: ApiContext): void {
  route(
    app,
    "GET",
    "/api/organisations",
    {
      summary: "Search organisations by id, Japanese or English name (prefix first, then substring)",
      tags: TAGS,
      query: [
        parameter({ name: "q", kind: "text", help: "what to search for" }),
        parameter({ name: "limit", kind: "count", help: "at most this many (default 20, at most 200)" }),
      ],
      parse: (query) => {
        const q = (single(query, "q") ?? "").normalize("NFKC").trim().toLowerCase();
        if (q === "") throw new ParameterError("q", "q: say what to search for");
        return { q, limit: wholeNumber(query, "limit", 20, 200) };
      },
    },
    async ({ q, limit }) => {
      const { results, dataset } = await context.reads.search(q, limit);
      return { query: q, dataset, results };
    },
  );

  route(
    app,
    "GET",
    "/api/organisations/:id",
    {
      summary: "An organisation, its contracts in and out, incidents and reports",
      tags: TAGS,
      query: [
        parameter({ name: "limit", kind: "count", help: "contracts each way (default 200, at most 5,000)" }),
      ],
      path: ID,
      parse: organisationQuery(200),
    },
    async ({ id, limit }) => found(id, await context.reads.organisation(id, limit)),
  );

  route(
    app,
    "GET",
    "/api/organisations/:id/neighbourhood",
    {
      summary: "An organisation and its direct counterparts, with the contracts",
      tags: TAGS,
      query: [parameter({ name: "limit", kind: "count", help: "contracts (default 500, at most 5,000)" })],
      path: ID,
      parse: organisationQuery(500),
    },
    async ({ id, limit }) => found(id, await context.reads.neighbourhood(id, limit)),
  );
}
