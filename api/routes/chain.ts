import type { FastifyInstance } from "fastify";
import { isValidId, ParameterError } from "../../domain/index.ts";
import type { ApiContext } from "../context.ts";
import { list, parameter, route } from "../params.ts";

/** A chain is as long as the deepest blast radius shown; far more than any real one. */
export const CHAIN_MAX_CONTRACTS = 64;

/**
 * GET /api/chain?contract=ID&contract=ID…: the chain's contracts in the order given, with their
 * dates, and the incidents that hit their contractors — the exposure timeline of a focused chain.
 */
export function chainRoutes(app: FastifyInstance, context: ApiContext): void {
  route(
    app,
    "GET",
    "/api/chain",
    {
      summary: "A chain's contracts in order, with their dates and the incidents that hit their contractors",
      tags: ["explorer"],
      query: [
        parameter({
          name: "contract",
          kind: "ids",
          help: `a contract of the chain, in order (at most ${CHAIN_MAX_CONTRACTS})`,
        }),
      ],
      parse: (query) => {
        const ids = list(query.contract) ?? [];
        if (ids.length === 0) throw new ParameterError("contract", "contract: name at least one contract");
        if (ids.length > CHAIN_MAX_CONTRACTS)
          throw new ParameterError(
            "contract",
            `contract: ${ids.length} contracts, more than a chain of ${CHAIN_MAX_CONTRACTS}`,
          );
        for (const id of ids)
          if (!isValidId(id)) throw new ParameterError("contract", `contract: "${id}" is not a valid id`);
        return ids;
      },
    },
    (ids) => context.reads.chain(ids),
  );
}
