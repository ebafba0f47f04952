import type { Driver } from "neo4j-driver";
import type { ImpactEngine } from "../engine/engine.ts";
import type { ExplorerReads } from "../engine/explorerReads.ts";
import type { Gate } from "./gate.ts";

export interface ApiContext {
  driver: Driver;
  /** Where the database is, for messages; never the credentials. */
  databaseUri: string;
  /** Every query gives up after this long. */
  queryTimeoutMs: number;
  /** Blast radii, breach response and the ranking: the in-memory engine (Cypher while its copy is built). */
  engine: ImpactEngine;
  /** The explorer's other reads: search, an organisation's page, the overview, a chain, health. */
  reads: ExplorerReads;
  /** How many heavy requests run at once, and how many may wait. */
  gate: Gate;
  /** How many affected organisations a report lists at most; its totals cover all. */
  reportLimit: number;
}

export class NotFoundError extends Error {
  readonly statusCode = 404;
}

export function notFound(message: string): NotFoundError {
  return new NotFoundError(message);
}
