import type {
  BlastRadius,
  BreachReading,
  DatasetStamp,
  GroupedBlastRadius,
  PacketReading,
  Scenario,
  VendorRank,
} from "../domain/index.ts";

/** How much of an answer to list, and how long to wait for it. */
export interface ImpactOptions {
  /** List at most this many affected organisations (and their contracts); totals stay exact. */
  limit?: number;
  timeoutMs?: number;
}

/** An answer with the stamp of the one dataset load it was computed on (for answers without a `dataset`). */
export interface Stamped<T> {
  answer: T;
  dataset: DatasetStamp;
}

/**
 * What every blast-radius engine answers, exactly as docs/blast-radius.md defines it. Two
 * engines are peers behind it: the Cypher engine (cypherEngine.ts), which asks Neo4j each
 * time, and the in-memory engine (inMemoryEngine.ts), which answers from a copy of the graph.
 * The differential test holds them to identical answers. Each answer comes from one load of one
 * dataset, never a mix, and says which in its `dataset` (a copy may be of the load before the
 * live one while its successor is built).
 */
export interface ImpactEngine {
  blastRadius(scenario: Scenario, options?: ImpactOptions): Promise<BlastRadius>;
  /**
   * What breach response reads, from one load and stamped with it (domain/breachFacts.ts): the
   * facts of the whole blast radius — computed from the same reach by engine/breachFacts.ts,
   * without spelling the radius out — the incidents that hit the compromised, and the days
   * organisations recorded they learned of them.
   */
  breachFacts(scenario: Scenario, timeoutMs?: number): Promise<BreachReading>;
  /**
   * What packets are written from, from one load and one search: the whole blast radius (stamped),
   * its facts, the incidents that hit the compromised organisations, and each counted contract's
   * service and categories.
   */
  packetFacts(scenario: Scenario, timeoutMs?: number): Promise<PacketReading>;
  /** The blast radius grouped by tier, kind and region, each group's `members` largest named. */
  grouped(scenario: Scenario, members: number, timeoutMs?: number): Promise<GroupedBlastRadius>;
  /**
   * Every organisation with a contract pointing at it, ranked (the first `top`); `confirmedOnly`:
   * on confirmed contracts alone.
   */
  rank(top?: number, confirmedOnly?: boolean): Promise<VendorRank[]>;
  /** The same, with the stamp of the load it was ranked on (a ranking has no field for it). */
  stampedRank(top?: number, confirmedOnly?: boolean): Promise<Stamped<VendorRank[]>>;
}
