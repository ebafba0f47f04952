import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import type {
  BlastRadius,
  DatasetStamp,
  GroupedBlastRadius,
  ReportedExposure,
  Scenario,
  VendorRank,
} from "../domain/index.ts";
import { cypher } from "../neo4j/queries.ts";
import { attachReported } from "./assemble.ts";
import { CypherEngine, scenarioParams } from "./cypherEngine.ts";
import type { ImpactEngine, ImpactOptions } from "./engine.ts";
import { datasetKey, readGraphCopy } from "./graphRead.ts";
import type { InMemoryCopy } from "./inMemoryCopy.ts";

export interface CopyBuilt {
  key: string;
  organisations: number;
  contracts: number;
  ms: number;
}

/**
 * The in-memory engine: answers from an in-memory copy of the live graph, keyed by dataset load.
 * A request checks the key (one small query); when the graph has changed, the copy is rebuilt in
 * the background and requests are answered by the Cypher engine until it is ready, so nobody
 * waits for a rebuild and no answer comes from an old graph.
 */
export class InMemoryEngine implements ImpactEngine {
  /** The copy, with the key and stamp of the load it was read from. */
  private current: { key: string; stamp: DatasetStamp; copy: InMemoryCopy } | undefined;
  /** How many answers came from memory and how many from Cypher (while a copy was built). */
  readonly answered = { fromMemory: 0, fromCypher: 0 };
  /** The same for rankings. */
  readonly ranked = { fromMemory: 0, fromCypher: 0 };
  private building: { key: string; done: Promise<void> } | undefined;
  private readonly cypherEngine: CypherEngine;

  constructor(
    private readonly driver: Driver,
    private readonly options: {
      timeoutMs: number;
      onBuilt?: (event: CopyBuilt) => void;
      onError?: (error: unknown) => void;
    },
  ) {
    this.cypherEngine = new CypherEngine(driver);
  }

  /** Builds (or rebuilds) the copy now and waits for it, e.g. at start-up. */
  async warm(): Promise<void> {
    await this.live(async () => undefined, this.options.timeoutMs);
    await this.building?.done;
  }

  async blastRadius(scenario: Scenario, options: ImpactOptions = {}): Promise<BlastRadius> {
    const {
      copy,
      stamp,
      value: reported,
    } = await this.live(
      async (tx) =>
        (await tx.run(cypher("blast-radius/reported"), scenarioParams(scenario))).records.map(
          (r) => r.toObject() as ReportedExposure,
        ),
      options.timeoutMs ?? this.options.timeoutMs,
    );
    if (!copy) {
      this.answered.fromCypher += 1;
      return this.cypherEngine.blastRadius(scenario, options);
    }
    this.answered.fromMemory += 1;
    const { result, isAffected } = copy.blastRadius(scenario, options.limit);
    return { dataset: stamp, ...result, unmodelled: attachReported(result.affected, isAffected, reported) };
  }

  async grouped(scenario: Scenario, members: number, timeoutMs?: number): Promise<GroupedBlastRadius> {
    const { copy, stamp } = await this.live(async () => undefined, timeoutMs ?? this.options.timeoutMs);
    if (!copy) return this.cypherEngine.grouped(scenario, members, timeoutMs);
    return { dataset: stamp, ...copy.grouped(scenario, members) };
  }

  /**
   * The ranking reads the whole graph either way, so while a copy is being built every ranking
   * request waits for that one build instead of reading the graph again.
   */
  async rank(top?: number): Promise<VendorRank[]> {
    let { copy } = await this.live(async () => undefined, this.options.timeoutMs);
    if (!copy) {
      await this.building?.done;
      ({ copy } = await this.live(async () => undefined, this.options.timeoutMs));
    }
    if (!copy) {
      this.ranked.fromCypher += 1;
      return this.cypherEngine.rank(top);
    }
    this.ranked.fromMemory += 1;
    const ranks = copy.rank();
    return top === undefined ? ranks : ranks.slice(0, top);
  }

  /**
   * Reads which dataset load is live, with whatever else the answer needs from Neo4j, in one
   * transaction; returns the copy (and the stamp of its load) when it is of that load, else starts
   * rebuilding and returns null.
   */
  private async live<T>(
    read: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs: number,
  ): Promise<
    { copy: InMemoryCopy; stamp: DatasetStamp; value: T } | { copy: null; stamp?: never; value: T }
  > {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    let key: string;
    let value: T;
    try {
      [key, value] = await session.executeRead(
        async (tx) => [await datasetKey(tx), await read(tx)] as const,
        {
          timeout: timeoutMs,
        },
      );
    } finally {
      await session.close();
    }
    if (this.current?.key === key) return { copy: this.current.copy, stamp: this.current.stamp, value };
    this.rebuild(key);
    return { copy: null, value };
  }

  private rebuild(key: string): void {
    if (this.building?.key === key || this.current?.key === key) return;
    const began = Date.now();
    const done = readGraphCopy(this.driver)
      .then(({ key: readKey, stamp, copy }) => {
        this.current = { key: readKey, stamp, copy };
        this.options.onBuilt?.({
          key: readKey,
          organisations: copy.organisations.length,
          contracts: copy.contractCount,
          ms: Date.now() - began,
        });
      })
      // A failed build leaves the Cypher engine answering; the next request tries again.
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        if (this.building?.done === done) this.building = undefined;
      });
    this.building = { key, done };
  }
}
