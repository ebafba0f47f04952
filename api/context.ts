import neo4j, { type Driver } from "neo4j-driver";
import type { ImpactEngine } from "../engine/engine.ts";
import { datasetKey } from "../engine/oneLoad.ts";
import { cypher } from "../neo4j/queries.ts";
import type { Gate } from "./gate.ts";

export interface ApiContext {
  driver: Driver;
  /** Where the database is, for messages; never the credentials. */
  databaseUri: string;
  /** Every query gives up after this long. */
  queryTimeoutMs: number;
  /** Blast radii and the ranking: the in-memory engine (Cypher while its copy is built). */
  engine: ImpactEngine;
  /** How many heavy requests run at once, and how many may wait. */
  gate: Gate;
  /** How many affected organisations a report lists at most; its totals cover all. */
  reportLimit: number;
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

/**
 * The same for a query that reads what the current graph format stores (search keys, contract
 * counts): a graph loaded in an older format is refused (ReloadNeededError, 409), not answered
 * with nothing found.
 */
export async function readStoredQuery(
  context: ApiContext,
  name: string,
  params: Record<string, unknown>,
): Promise<Record<string, unknown>[]> {
  const session = context.driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(
      async (tx) => {
        await datasetKey(tx);
        return (await tx.run(cypher(name), params)).records.map((record) => record.toObject());
      },
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
