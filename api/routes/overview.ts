import type { FastifyInstance } from "fastify";
import neo4j from "neo4j-driver";
import { type ApiContext, readQuery, readStoredQuery } from "../context.ts";
import { checkKnown, type Query, wholeNumber } from "../params.ts";

/** The overview graph the explorer opens on: never the whole graph, the best-connected part. */
export function overviewRoutes(app: FastifyInstance, context: ApiContext): void {
  app.get("/api/graph", async (request) => {
    const query = request.query as Query;
    checkKnown(query, ["limit", "contracts"]);
    const limit = wholeNumber(query, "limit", 2000, 20_000);
    const contractLimit = wholeNumber(query, "contracts", 10_000, 100_000);
    const nodes = await readStoredQuery(context, "api/overview-nodes", { limit: neo4j.int(limit) });
    const ids = nodes.map((n) => n.id);
    // $idSet: a map lookup per row, not `IN $list`, which scans the list every time.
    const [among] = await readQuery(context, "api/overview-contracts", {
      ids,
      idSet: Object.fromEntries(ids.map((id) => [id, true])),
      contractLimit: neo4j.int(contractLimit),
    });
    const contracts = (among?.contracts ?? []) as unknown[];
    const [health] = await readQuery(context, "api/health", {});
    const dataset = (health?.dataset ?? {}) as { organisations?: number; contracts?: number };
    return {
      nodes,
      contracts,
      total: {
        organisations: dataset.organisations ?? nodes.length,
        contracts: dataset.contracts ?? contracts.length,
      },
      /** Contracts among the organisations shown, of which `contracts` lists the biggest. */
      contractsAmong: (among?.among as number | undefined) ?? 0,
      truncated:
        (dataset.organisations ?? 0) > nodes.length || ((among?.among as number) ?? 0) > contracts.length,
    };
  });
}
