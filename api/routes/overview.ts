import type { FastifyInstance } from "fastify";
import type { ApiContext } from "../context.ts";
import { checkKnown, type Query, wholeNumber } from "../params.ts";

/** The overview graph the explorer opens on: never the whole graph, the best-connected part. */
export function overviewRoutes(app: FastifyInstance, context: ApiContext): void {
  app.get("/api/graph", async (request) => {
    const query = request.query as Query;
    checkKnown(query, ["limit", "contracts"]);
    const limit = wholeNumber(query, "limit", 2000, 20_000);
    const contractLimit = wholeNumber(query, "contracts", 10_000, 100_000);
    return context.reads.overview(limit, contractLimit);
  });
}
