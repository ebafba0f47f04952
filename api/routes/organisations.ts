import type { FastifyInstance, FastifyRequest } from "fastify";
import neo4j from "neo4j-driver";
import { isValidId, ParameterError } from "../../domain/index.ts";
import { plainValue } from "../../neo4j/plainValues.ts";
import { type ApiContext, notFound, readQuery, readStoredQuery } from "../context.ts";
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
    const results = await readStoredQuery(context, "api/search", { q, limit: neo4j.int(limit) });
    return { query: q, results };
  });

  /** One organisation's row of a query taking `id` and a capped `limit`; 404 when there is none. */
  const organisationRow = async (request: FastifyRequest, queryName: string, defaultLimit: number) => {
    const { id } = request.params as { id: string };
    const query = request.query as Query;
    checkKnown(query, ["limit"]);
    const limit = wholeNumber(query, "limit", defaultLimit, 5000);
    const [row] = await readQuery(context, queryName, { id: organisationId(id), limit: neo4j.int(limit) });
    if (!row) throw notFound(`no organisation "${id}"`);
    return plainValue(row);
  };

  app.get("/api/organisations/:id", (request) => organisationRow(request, "api/organisation", 200));

  app.get("/api/organisations/:id/neighbourhood", async (request) => {
    const result = (await organisationRow(request, "api/neighbourhood", 500)) as {
      contracts: unknown[];
      contractsTotal: number;
    };
    return { ...result, truncated: result.contractsTotal > result.contracts.length };
  });
}
