import type { BlastRadius, GroupedBlastRadius, Scenario, VendorRank } from "../domain/index.ts";

/** How much of an answer to list, and how long to wait for it. */
export interface ImpactOptions {
  /** List at most this many affected organisations (and their contracts); totals stay exact. */
  limit?: number;
  timeoutMs?: number;
}

/**
 * What every blast-radius engine answers, exactly as docs/blast-radius.md defines it. Two
 * engines are peers behind it: the Cypher engine (cypherEngine.ts), which asks Neo4j each
 * time, and the in-memory engine (inMemoryEngine.ts), which answers from a copy of the live
 * graph. The differential test holds them to identical answers.
 */
export interface ImpactEngine {
  blastRadius(scenario: Scenario, options?: ImpactOptions): Promise<BlastRadius>;
  /** The blast radius grouped by tier, kind and region, each group's `members` largest named. */
  grouped(scenario: Scenario, members: number, timeoutMs?: number): Promise<GroupedBlastRadius>;
  /** Every organisation with a contract pointing at it, ranked (the first `top`). */
  rank(top?: number): Promise<VendorRank[]>;
}
