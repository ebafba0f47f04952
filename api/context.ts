import neo4j, { type Driver } from "neo4j-driver";
import { cypher } from "../db/cypherFiles.ts";
import type { ImpactEngine } from "../impact/engine.ts";
import type { VendorRank } from "../impact/rank.ts";

export interface ApiContext {
  driver: Driver;
  /** Where the database is, for messages; never the credentials. */
  databaseUri: string;
  /** Every query gives up after this long. */
  queryTimeoutMs: number;
  /** Blast radii: from the in-memory copy of the live graph, or Cypher while it is built. */
  impact: ImpactEngine;
  /** Every vendor ranked, from the same copy (or Cypher while it is built). */
  rank: (top?: number) => Promise<VendorRank[]>;
}

/** A READ session, closed in `finally`, with the API's timeout: the only way the API reads. */
export async function readQuery(
  context: ApiContext,
  name: string,
  params: Record<string, unknown>,
): Promise<Record<string, unknown>[]> {
  const session = context.driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(
      async (tx) => (await tx.run(cypher(name), params)).records.map((record) => record.toObject()),
      { timeout: context.queryTimeoutMs },
    );
  } finally {
    await session.close();
  }
}

export class NotFoundError extends Error {
  readonly statusCode = 404;
}

export function notFound(message: string): NotFoundError {
  return new NotFoundError(message);
}
