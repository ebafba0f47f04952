import type { FastifyInstance } from "fastify";
import type { ApiContext } from "../context.ts";
import { parameter, route, wholeNumber } from "../params.ts";

/** The overview graph the explorer opens on: never the whole graph, the best-connected part. */
export function overviewRoutes(app: FastifyInstance, context: ApiContext): void {
  route(
    app,
    "GET",
    "/api/graph",
    {
      summary: "The overview: the best-connected organisations and the biggest contracts among them",
      tags: ["explorer"],
      query: [
        parameter({ name: "limit", kind: "count", help: "organisations (default 2,000, at most 20,000)" }),
        parameter({ name: "contracts", kind: "count", help: "contracts (default 10,000, at most 100,000)" }),
      ],
      parse: (query) => ({
        limit: wholeNumber(query, "limit", 2000, 20_000),
        contracts: wholeNumber(query, "contracts", 10_000, 100_000),
      }),
    },
    ({ limit, contracts }) => context.reads.overview(limit, contracts),
  );
}
