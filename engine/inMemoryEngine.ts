import { threadId } from "node:worker_threads";
import type { Driver } from "neo4j-driver";
import type {
  BlastRadius,
  BreachReading,
  DatasetStamp,
  GroupedBlastRadius,
  PacketReading,
  Scenario,
  VendorRank,
} from "../domain/index.ts";
import type { DatabaseConfig } from "../neo4j/config.ts";
import { readTransaction } from "../neo4j/read.ts";
import { type BuiltCopy, buildCopyInWorker } from "./copyBuild.ts";
import type { CopyProgressSink } from "./copyProgress.ts";
import { CypherEngine } from "./cypherEngine.ts";
import type { ImpactEngine, ImpactOptions, Stamped } from "./engine.ts";
import { COPY_READ_TIMEOUT_MS, readGraphCopy } from "./graphRead.ts";
import type { InMemoryCopy } from "./inMemoryCopy.ts";
import { type LiveDataset, liveDataset } from "./oneLoad.ts";

export interface CopyBuilt {
  key: string;
  dataset: DatasetStamp;
  organisations: number;
  contracts: number;
  ms: number;
  /** The thread that read and derived it: a worker's, unless the engine builds on this thread. */
  threadId: number;
}

interface HeldCopy {
  key: string;
  stamp: DatasetStamp;
  copy: InMemoryCopy;
}

/**
 * The in-memory engine: answers from an in-memory copy of the graph, keyed by dataset load. A
 * request reads which load is live (one small query, shared by the requests that arrive while it
 * runs, and at most every `checkEveryMs`); when a new load has swapped in, a new copy is built in the background (in a worker
 * thread when `worker` names the database) and until it is ready requests are answered from the
 * copy they already have, stamped with the earlier load it describes. So nobody waits for a
 * rebuild, nobody is refused, and no answer mixes two loads. Only a scenario naming an id the
 * earlier copy does not hold goes to the Cypher engine, which answers from the live load.
 */
export class InMemoryEngine implements ImpactEngine {
  private current: HeldCopy | undefined;
  /** Answers (blast radii, grouped or not) from the copy of the live load, from a copy of an earlier one, and from Cypher. */
  readonly answered = { fromMemory: 0, fromEarlierLoad: 0, fromCypher: 0 };
  /** The same for rankings. */
  readonly ranked = { fromMemory: 0, fromEarlierLoad: 0, fromCypher: 0 };
  private building: { key: string; done: Promise<void> } | undefined;
  private checking: Promise<LiveDataset> | undefined;
  private checked: { live: LiveDataset; at: number } | undefined;
  private readonly cypherEngine: CypherEngine;

  constructor(
    private readonly driver: Driver,
    private readonly options: {
      timeoutMs: number;
      /** Build copies in a worker thread connecting with these settings (the API does). */
      worker?: DatabaseConfig;
      /**
       * Which load is live is read again at most this often (0: for every request). The API reads
       * it once a second: a busy database then costs requests nothing, and a new load is noticed a
       * second later at most (its answers, stamped, are never mixed either way).
       */
      checkEveryMs?: number;
      onBuilt?: (event: CopyBuilt) => void;
      /** How far a build in a worker thread has got (copyProgress.ts). */
      onProgress?: CopyProgressSink;
      onError?: (error: unknown) => void;
    },
  ) {
    this.cypherEngine = new CypherEngine(driver);
  }

  /** Builds (or rebuilds) the copy now and waits for it, e.g. at start-up. */
  async warm(): Promise<void> {
    this.held(await this.live(this.options.timeoutMs));
    await this.building?.done;
  }

  /** A blast radius, its `dataset` the load of the copy (or, from Cypher, of the live graph) it came from. */
  async blastRadius(scenario: Scenario, options: ImpactOptions = {}): Promise<BlastRadius> {
    const held = await this.copyFor(scenario, options.timeoutMs);
    if (!held) return this.cypherEngine.blastRadius(scenario, options);
    return { dataset: held.stamp, ...held.copy.blastRadius(scenario, options.limit) };
  }

  /** The radius's facts and the incidents, both from the copy that answers (or both from Cypher). */
  async breachFacts(scenario: Scenario, timeoutMs?: number): Promise<BreachReading> {
    const held = await this.copyFor(scenario, timeoutMs);
    if (!held) return this.cypherEngine.breachFacts(scenario, timeoutMs);
    const { copy, stamp } = held;
    return {
      dataset: stamp,
      radius: copy.breachRadius(scenario),
      incidents: copy.incidents(scenario),
      learned: copy.learned(scenario),
    };
  }

  /** The whole radius, the incidents and the contracts' details, all from the copy that answers. */
  async packetFacts(scenario: Scenario, timeoutMs?: number): Promise<PacketReading> {
    const held = await this.copyFor(scenario, timeoutMs);
    if (!held) return this.cypherEngine.packetFacts(scenario, timeoutMs);
    const { copy, stamp } = held;
    const whole = copy.packetRadius(scenario);
    const radius: BlastRadius = { dataset: stamp, ...whole.radius };
    return {
      radius,
      facts: whole.facts,
      incidents: copy.incidents(scenario),
      learned: copy.learned(scenario),
      contracts: copy.contractDetails(radius.contracts.map((c) => c.id)),
    };
  }

  async grouped(scenario: Scenario, members: number, timeoutMs?: number): Promise<GroupedBlastRadius> {
    const held = await this.copyFor(scenario, timeoutMs);
    if (!held) return this.cypherEngine.grouped(scenario, members, timeoutMs);
    return { dataset: held.stamp, ...held.copy.grouped(scenario, members) };
  }

  async rank(top?: number, confirmedOnly = false): Promise<VendorRank[]> {
    return (await this.stampedRank(top, confirmedOnly)).answer;
  }

  /**
   * The ranking reads the whole graph either way, so before the first copy is built every ranking
   * request waits for that one build instead of reading the graph again; after, a copy of an
   * earlier load answers (stamped) while the next is built.
   */
  async stampedRank(top?: number, confirmedOnly = false): Promise<Stamped<VendorRank[]>> {
    const live = await this.live(this.options.timeoutMs);
    let held = this.held(live);
    if (!held) {
      await this.building?.done;
      held = this.current;
    }
    if (!held) {
      this.ranked.fromCypher += 1;
      return this.cypherEngine.stampedRank(top, confirmedOnly);
    }
    this.ranked[held.key === live.key ? "fromMemory" : "fromEarlierLoad"] += 1;
    return { answer: held.copy.rank(top, confirmedOnly), dataset: held.stamp };
  }

  /**
   * The copy to answer a scenario from: the live load's, or an earlier load's while the live one's
   * is built, as long as it holds every id the scenario names (else undefined: Cypher answers).
   */
  private async copyFor(scenario: Scenario, timeoutMs: number | undefined): Promise<HeldCopy | undefined> {
    const tally = this.answered;
    const asked = Date.now();
    let live = await this.live(timeoutMs ?? this.options.timeoutMs);
    let held = this.held(live);
    // An id the copy does not hold may be the new load's: never refused on a key read before it was asked.
    if (held && !held.copy.holds(scenario) && (this.checked?.at ?? 0) < asked) {
      live = await this.live(timeoutMs ?? this.options.timeoutMs, true);
      held = this.held(live);
    }
    // The live load's copy answers everything, refusals of unknown ids included.
    if (held?.key === live.key) {
      tally.fromMemory += 1;
      return held;
    }
    if (held?.copy.holds(scenario)) {
      tally.fromEarlierLoad += 1;
      return held;
    }
    tally.fromCypher += 1;
    return undefined;
  }

  /**
   * Which load is live. Requests that arrive while one read of it runs share that read: 20 clients
   * would otherwise queue 20 identical queries behind a loading database.
   */
  private live(timeoutMs: number, fresh = false): Promise<LiveDataset> {
    const { checked } = this;
    const every = this.options.checkEveryMs ?? 0;
    if (!fresh && checked && Date.now() - checked.at < every) return Promise.resolve(checked.live);
    const began = Date.now();
    const read = () =>
      this.readLive(timeoutMs).then((live) => {
        if (began >= (this.checked?.at ?? 0)) this.checked = { live, at: began };
        return live;
      });
    // A fresh read is its own: one already running may have begun before the request was asked.
    if (fresh) return read();
    this.checking ??= read().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private readLive(timeoutMs: number): Promise<LiveDataset> {
    return readTransaction(this.driver, (tx) => liveDataset(tx), timeoutMs);
  }

  /** The copy held (of the live load or an earlier one); starts building the live one's if needed. */
  private held(live: LiveDataset): HeldCopy | undefined {
    if (this.current?.key !== live.key) this.rebuild(live.key);
    return this.current;
  }

  /** One build at a time: a load that swaps in during a build is picked up by the next request. */
  private rebuild(key: string): void {
    if (this.building) return;
    const began = Date.now();
    const done = this.build()
      .then(({ key: readKey, stamp, copy, threadId: builtBy }) => {
        this.current = { key: readKey, stamp, copy };
        this.options.onBuilt?.({
          key: readKey,
          dataset: stamp,
          organisations: copy.organisations.length,
          contracts: copy.contractCount,
          ms: Date.now() - began,
          threadId: builtBy,
        });
      })
      // A failed build leaves the copy held answering; the next request tries again.
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        if (this.building?.done === done) this.building = undefined;
      });
    this.building = { key, done };
  }

  private async build(): Promise<BuiltCopy> {
    if (this.options.worker)
      return buildCopyInWorker(this.options.worker, COPY_READ_TIMEOUT_MS, this.options.onProgress);
    return { ...(await readGraphCopy(this.driver)), threadId };
  }
}
