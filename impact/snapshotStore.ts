import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { cypher } from "../db/cypherFiles.ts";
import type { BlastRadius, ReportedExposure, Scenario } from "../domain/index.ts";
import { attachReported, blastRadius, type ImpactOptions, scenarioParams } from "./engine.ts";
import { rank, type VendorRank } from "./rank.ts";
import { ContractSnapshot, type SnapshotContract, type SnapshotOrganisation } from "./snapshot.ts";

/** Which load of which dataset the live graph is: a new load (even of the same files) is a new key. */
async function datasetKey(tx: ManagedTransaction): Promise<string> {
  const row = (await tx.run(cypher("impact/dataset"))).records[0]?.toObject();
  return `${row?.fingerprint ?? ""}@${row?.loadedAt ?? ""}`;
}

async function rows<T>(tx: ManagedTransaction, name: string): Promise<T[]> {
  const out: T[] = [];
  // Streamed record by record: a million records are never held as driver objects at once.
  for await (const record of tx.run(cypher(name))) out.push(record.toObject() as T);
  return out;
}

export interface SnapshotEvent {
  key: string;
  organisations: number;
  contracts: number;
  ms: number;
}

/**
 * The API's in-memory copy of the live graph, keyed by dataset load. A request checks the key (one
 * small query); when the graph has changed, the copy is rebuilt in the background and requests are
 * answered by the Cypher engine until it is ready, so nobody waits for a rebuild and no answer
 * comes from an old graph.
 */
export class SnapshotStore {
  private current: { key: string; snapshot: ContractSnapshot } | undefined;
  /** How many answers came from memory and how many from Cypher (while a copy was built). */
  readonly answered = { fromMemory: 0, fromCypher: 0 };
  private building: { key: string; done: Promise<void> } | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly options: {
      timeoutMs: number;
      onBuilt?: (event: SnapshotEvent) => void;
      onError?: (error: unknown) => void;
    },
  ) {}

  /** Builds (or rebuilds) the copy now and waits for it, e.g. at start-up. */
  async warm(): Promise<void> {
    await this.live(async () => undefined, this.options.timeoutMs);
    await this.building?.done;
  }

  /** The blast radius, from memory when the copy is of the live graph, else from Cypher. */
  async blastRadius(scenario: Scenario, options: ImpactOptions = {}): Promise<BlastRadius> {
    const { copy, value: reported } = await this.live(
      async (tx) =>
        (await tx.run(cypher("impact/reported"), scenarioParams(scenario))).records.map(
          (r) => r.toObject() as ReportedExposure,
        ),
      options.timeoutMs ?? this.options.timeoutMs,
    );
    if (!copy) {
      this.answered.fromCypher += 1;
      return blastRadius(this.driver, scenario, options);
    }
    this.answered.fromMemory += 1;
    const { result, isAffected } = copy.blastRadius(scenario, options.limit);
    return { ...result, unmodelled: attachReported(result.affected, isAffected, reported) };
  }

  /** Every vendor ranked (the first `top`), from memory when the copy is of the live graph. */
  async rank(top?: number): Promise<VendorRank[]> {
    const { copy } = await this.live(async () => undefined, this.options.timeoutMs);
    if (!copy) return rank(this.driver, top);
    const ranks = copy.rank();
    return top === undefined ? ranks : ranks.slice(0, top);
  }

  /**
   * Reads which dataset load is live, with whatever else the answer needs from Neo4j, in one
   * transaction; returns the copy when it is of that load, else starts rebuilding and returns null.
   */
  private async live<T>(
    read: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs: number,
  ): Promise<{ copy: ContractSnapshot | null; value: T }> {
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
    if (this.current?.key === key) return { copy: this.current.snapshot, value };
    this.rebuild(key);
    return { copy: null, value };
  }

  private rebuild(key: string): void {
    if (this.building?.key === key || this.current?.key === key) return;
    const began = Date.now();
    const done = this.read()
      .then(({ key: readKey, organisations, contracts }) => {
        const snapshot = new ContractSnapshot(organisations, contracts);
        this.current = { key: readKey, snapshot };
        this.options.onBuilt?.({
          key: readKey,
          organisations: organisations.length,
          contracts: contracts.length,
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

  /** The key and the graph read in one transaction, so that they belong together. */
  private async read() {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(
        async (tx) => ({
          key: await datasetKey(tx),
          organisations: await rows<SnapshotOrganisation>(tx, "impact/all-organisations"),
          contracts: await rows<SnapshotContract>(tx, "impact/all-contracts"),
        }),
        { timeout: 10 * 60 * 1000 },
      );
    } finally {
      await session.close();
    }
  }
}
