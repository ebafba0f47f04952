import {
  type AffectedOrganisation,
  type BlastRadius,
  type BreachRadius,
  type ContractDetail,
  type CountedContract,
  estimateUndisclosed,
  type GroupedBlastRadius,
  groupAffected,
  type Incident,
  type OrganisationName,
  type OrganisationSummary,
  type Scenario,
  stated,
  type VendorRank,
} from "../domain/index.ts";
import { type ActiveMask, ActiveMasks } from "./activeMasks.ts";
import { attachReported, confirmedTotals, truncation, unknownId } from "./assemble.ts";
import { breachFactsOf } from "./breachFacts.ts";
import {
  type ConfirmedPart,
  clearReach,
  confirmedPart,
  type ReachBuffers,
  reachBuffers,
  searchReach,
} from "./confirmedPart.ts";
import {
  type ContractTable,
  carriesIds,
  contractId,
  type Reach,
  type ReachSummary,
  summarise,
} from "./contractReach.ts";
import { type CopiedContract, columnsOf, type IndexColumn } from "./copyColumns.ts";
import {
  type CopiedExposure,
  type CopyData,
  deriveCopy,
  type IdIndex,
  type RankOrder,
  rankOrder,
} from "./copyData.ts";
import { CopyIncidents } from "./copyIncidents.ts";
import { countedForEstimate, type PeerIndex, peerIndex, peersOf } from "./estimatePeers.ts";

/** A search over the copy, with what it was made from. */
interface CopySearch {
  reach: Reach;
  isCompromised: (v: number) => boolean;
  active: ActiveMask;
  sources: number[];
  maxLevel: number;
}

/** A summary with the answer's confirmed part (null: the whole) and its totals with the estimate. */
interface AnswerParts {
  summary: ReachSummary;
  part: ConfirmedPart | null;
  totals: BlastRadius["totals"];
}

/**
 * A read-only copy of the live contract graph in typed arrays, for answering blast radii in
 * memory (docs/blast-radius.md; the same answers as the Cypher engine, checked by the
 * differential test). Built from Neo4j (graphRead.ts, in a worker thread for the API:
 * copyWorker.ts) and replaced when the dataset changes. It holds what incidents' victims
 * reported too, so that an answer from it never needs the live graph, which may be another load.
 */
export class InMemoryCopy {
  readonly organisations: OrganisationSummary[];
  private readonly orgIndex: IdIndex;
  private readonly contractIndex: IdIndex;
  /** Ends, counts, contracts by consignor and `carries`: what the arithmetic reads. */
  private readonly table: ContractTable;
  /** Contracts by contractor, for the search up from the compromised set. */
  private readonly inStart: Int32Array;
  private readonly inEdges: Int32Array;
  private readonly since: Int32Array;
  private readonly deleteBy: Int32Array;
  private readonly categoryOf: IndexColumn;
  private readonly sourceOf: IndexColumn;
  private readonly categories: string[][];
  private readonly sources: (string | null)[];
  /** The incidents and what was reported about them, by the organisation they hit. */
  private readonly reports: CopyIncidents;
  /** Active-contract masks by scenario (the shared part kept between answers). */
  private readonly masks: ActiveMasks;
  /** Every contract's known counts by consignor kind, ascending: the estimate's peers, built on first use. */
  private peerIndex: PeerIndex | undefined;
  private ranks: RankOrder | undefined;
  /** The ranking on confirmed contracts alone, ranked on first request. */
  private confirmedRanks: RankOrder | undefined;
  private readonly data: CopyData;
  /** The search's buffers, reused by every answer (see reach). */
  private scratch: ReachBuffers | undefined;

  constructor(data: CopyData) {
    this.data = data;
    this.organisations = data.organisations;
    this.orgIndex = data.orgIndex;
    this.contractIndex = data.contractIndex;
    this.table = data.table;
    this.inStart = data.inStart;
    this.inEdges = data.inEdges;
    this.since = data.since;
    this.deleteBy = data.deleteBy;
    this.categoryOf = data.categoryOf;
    this.sourceOf = data.sourceOf;
    this.categories = data.categories;
    this.sources = data.sources;
    this.ranks = data.ranks;
    this.peerIndex = data.peers;
    this.reports = new CopyIncidents(data.exposures, data.incidents);
    this.masks = new ActiveMasks(
      this.table,
      this.since,
      this.deleteBy,
      this.inStart,
      this.inEdges,
      this.orgIndex,
      this.contractIndex,
    );
  }

  /** A copy of organisations and contracts already in memory (tests, small graphs). */
  static of(
    organisations: OrganisationSummary[],
    contracts: CopiedContract[],
    exposures: CopiedExposure[] = [],
    incidents: Incident[] = [],
  ): InMemoryCopy {
    return new InMemoryCopy(deriveCopy(columnsOf(organisations, contracts), { exposures, incidents }, false));
  }

  /** Whether the copy holds every organisation and contract a scenario names. */
  holds(scenario: Scenario): boolean {
    return (
      [...scenario.compromised, ...scenario.excludedOrganisations].every((id) => this.orgIndex.has(id)) &&
      scenario.excludedContracts.every((id) => this.contractIndex.has(id))
    );
  }

  get contractCount(): number {
    return this.table.from.length;
  }

  /** Refuses ids the graph does not hold, as the Cypher engine does. */
  private check(scenario: Scenario): void {
    for (const id of [...scenario.compromised, ...scenario.excludedOrganisations]) {
      if (!this.orgIndex.has(id)) throw unknownId(scenario, "organisation", id);
    }
    for (const id of scenario.excludedContracts) {
      if (!this.contractIndex.has(id)) throw unknownId(scenario, "contract", id);
    }
  }

  /** Steps 2–6 of a scenario over the copy (see summarise); `limit` organisations spelled out. */
  private summary(scenario: Scenario, limit: number | undefined): AnswerParts {
    return this.withReach(scenario, (search) => this.partsOf(search, limit));
  }

  /**
   * An answer's summary, its confirmed part (engine/confirmedPart.ts) and the estimate of its
   * undisclosed counts (engine/estimatePeers.ts), from one search.
   */
  private partsOf(search: CopySearch, limit: number | undefined): AnswerParts {
    const { reach, isCompromised } = search;
    const summary = summarise(this.table, reach, isCompromised, limit);
    const began = performance.now();
    const part = confirmedPart(this.table, reach, search.sources, search.maxLevel, isCompromised, [
      this.inStart,
      this.inEdges,
    ]);
    const confirmedAt = performance.now();
    const cpu = process.cpuUsage();
    const { contracts, peers } = this.estimateInputOf(search);
    const estimate = estimateUndisclosed({ contracts, totals: summary.totals, peers });
    const { user, system } = process.cpuUsage(cpu);
    this.lastTimings = {
      confirmedMs: confirmedAt - began,
      estimateMs: performance.now() - confirmedAt,
      estimateCpuMs: (user + system) / 1000,
    };
    return { summary, part, totals: { ...summary.totals, estimate } };
  }

  /** What the last answer spent on its confirmed part and on its estimate (the bench reads it). */
  lastTimings = { confirmedMs: 0, estimateMs: 0, estimateCpuMs: 0 };

  /** The estimate's counted contracts and peers for a search (the peer index built on first use). */
  private estimateInputOf(search: CopySearch) {
    const kindOf = (v: number) => (this.organisations[v] as OrganisationSummary).kind ?? null;
    const contracts = countedForEstimate(this.table, search.reach, search.isCompromised, kindOf);
    this.peerIndex ??= peerIndex(this.table, kindOf);
    return { contracts, peers: peersOf(this.peerIndex, search.active.all ? null : search.active.mask) };
  }

  /** The estimate's input for a scenario, for the bench's spread between seeds. */
  estimateInput(scenario: Scenario) {
    return this.withReach(scenario, (search) => ({
      ...this.estimateInputOf(search),
      totals: summarise(this.table, search.reach, search.isCompromised, 0).totals,
    }));
  }

  /** The incidents that hit the compromised organisations (see CopyIncidents.hitting). */
  incidents(scenario: Scenario): Incident[] {
    return this.reports.hitting(scenario.compromised);
  }

  /** Service and data categories of contracts of the copy, by id. */
  contractDetails(ids: Iterable<string>): Map<string, ContractDetail> {
    const details = new Map<string, ContractDetail>();
    for (const id of ids) {
      const e = this.contractIndex.get(id);
      if (e === undefined) continue;
      details.set(id, {
        service: this.data.services[this.data.serviceOf[e] as number] ?? null,
        dataCategories: this.categories[this.categoryOf[e] as number] ?? [],
      });
    }
    return details;
  }

  /** What breach response needs of a scenario's whole blast radius, without building the radius. */
  breachRadius(scenario: Scenario): BreachRadius {
    return this.withReach(scenario, ({ reach, isCompromised }) =>
      this.factsFrom(scenario, reach, isCompromised),
    );
  }

  /** The whole blast radius and breach response's facts of it, from one search (packets need both). */
  packetRadius(scenario: Scenario): { radius: Omit<BlastRadius, "dataset">; facts: BreachRadius } {
    return this.withReach(scenario, (search) => ({
      radius: this.radiusFrom(scenario, this.partsOf(search, undefined)),
      facts: this.factsFrom(scenario, search.reach, search.isCompromised),
    }));
  }

  private factsFrom(scenario: Scenario, reach: Reach, isCompromised: (v: number) => boolean): BreachRadius {
    return breachFactsOf(
      {
        table: this.table,
        organisation: (v) => this.organisations[v] as OrganisationSummary,
        categoryList: (e) => this.categoryOf[e] as number,
        categoryLists: this.categories,
      },
      reach,
      isCompromised,
      scenario.compromised.map((id) => this.orgIndex.get(id) as number),
      stated(scenario),
    );
  }

  /** The days organisations recorded they learned of the incidents that hit the compromised. */
  learned(scenario: Scenario) {
    return this.reports.learned(scenario.compromised);
  }

  /** Step 2 of a scenario over the copy, handed to `use`, then undone for the next answer. */
  private withReach<T>(scenario: Scenario, use: (search: CopySearch) => T): T {
    this.check(scenario);
    const compromised = new Uint8Array(this.organisations.length);
    const sources: number[] = [];
    for (const id of scenario.compromised) {
      const v = this.orgIndex.get(id) as number;
      compromised[v] = 1;
      if (!scenario.excludedOrganisations.includes(id)) sources.push(v);
    }
    const active = this.masks.of(scenario);
    const maxLevel = scenario.maxDepth ?? Number.MAX_SAFE_INTEGER;
    // One pair of contract-sized buffers for every answer (answers run one at a time on the event
    // loop): a fresh 8 MB per request at 1M contracts kept the garbage collector busy.
    this.scratch ??= reachBuffers(this.table.from.length);
    const reach = searchReach(
      this.table,
      this.inStart,
      this.inEdges,
      active.mask,
      sources,
      maxLevel,
      this.scratch,
    );
    try {
      return use({ reach, isCompromised: (v) => compromised[v] === 1, active, sources, maxLevel });
    } finally {
      // Back to unreached for the next answer: only what this one touched.
      clearReach(reach);
    }
  }

  /** The blast radius grouped by tier, kind and region (too many organisations to draw one by one). */
  grouped(scenario: Scenario, members: number): Omit<GroupedBlastRadius, "dataset"> {
    const { summary, part, totals } = this.summary(scenario, 0);
    const { order, depth, records, undisclosed } = summary.affected;
    const figures = order.map((v) => ({
      ...(this.organisations[v] as OrganisationSummary),
      depth: depth[v] as number,
      records: records[v] as number,
      undisclosed: undisclosed[v] as number,
    }));
    return {
      scenario: stated(scenario),
      compromised: this.names(scenario.compromised),
      totals,
      confirmed: confirmedTotals(totals, part),
      tiers: groupAffected(figures, members),
    };
  }

  private names(ids: string[]): OrganisationName[] {
    return ids.map((id) => {
      const { name, nameEn, kind } = this.organisations[
        this.orgIndex.get(id) as number
      ] as OrganisationSummary;
      return { id, name, nameEn, kind };
    });
  }

  /** The blast radius of a scenario; `limit` cuts the lists, never the totals. */
  blastRadius(scenario: Scenario, limit?: number): Omit<BlastRadius, "dataset"> {
    return this.radiusFrom(scenario, this.summary(scenario, limit));
  }

  /** A blast radius spelled out from its summary: organisations, counted contracts, reports. */
  private radiusFrom(
    scenario: Scenario,
    { summary, part, totals }: AnswerParts,
  ): Omit<BlastRadius, "dataset"> {
    const { orgIds, to, records, subjects, possible } = this.table;
    const idOf = (e: number) => contractId(this.table, e);
    const contracts: CountedContract[] = [];
    const affected = summary.listed.map((reached): AffectedOrganisation => {
      const org: AffectedOrganisation = {
        ...(this.organisations[reached.org] as OrganisationSummary),
        depth: reached.depth,
        records: reached.records,
        subjects: reached.subjects,
        undisclosed: reached.undisclosed,
        path: reached.path.map((v) => orgIds[v] as string),
        chain: reached.chain.map(idOf),
        dataCategories: [],
        reported: [],
        confirmed: part === null || part.isAffected(reached.org),
      };
      for (const e of reached.counted) {
        for (const category of this.categories[this.categoryOf[e] as number] ?? []) {
          if (!org.dataCategories.includes(category)) org.dataCategories.push(category);
        }
        const r = records[e] as number;
        const s = subjects[e] as number;
        contracts.push({
          id: idOf(e),
          consignor: org.id,
          contractor: orgIds[to[e] as number] as string,
          records: Number.isNaN(r) ? null : r,
          subjects: Number.isNaN(s) ? null : s,
          carries: carriesIds(this.table, e),
          source: this.sources[this.sourceOf[e] as number] ?? null,
          confidence: possible[e] === 1 ? "possible" : "confirmed",
        });
      }
      return org;
    });
    const isAffected = (id: string) => {
      const v = this.orgIndex.get(id);
      return v !== undefined && summary.isAffected(v);
    };
    return {
      scenario: stated(scenario),
      compromised: this.names(scenario.compromised),
      affected,
      contracts,
      unmodelled: attachReported(affected, isAffected, this.reports.reported(scenario.compromised)),
      totals,
      confirmed: confirmedTotals(totals, part),
      ...truncation(affected.length, summary.totals.organisations),
    };
  }

  /**
   * Every organisation with a contract pointing at it, ranked by what its compromise alone would
   * expose (the first `top`). Ranked once per copy (copyData.ts rankOrder): the graph does not
   * change under it; a copy built in a worker arrives ranked.
   */
  rank(top?: number, confirmedOnly = false): VendorRank[] {
    if (confirmedOnly) this.confirmedRanks ??= rankOrder(this.data, true);
    else this.ranks ??= rankOrder(this.data);
    const order = (confirmedOnly ? this.confirmedRanks : this.ranks) as RankOrder;
    const { vendors, records, organisations, undisclosedContracts } = order;
    const count = Math.min(top ?? vendors.length, vendors.length);
    const ranks: VendorRank[] = [];
    for (let i = 0; i < count; i++) {
      const { id, name, nameEn, kind } = this.organisations[vendors[i] as number] as OrganisationSummary;
      ranks.push({
        id,
        name,
        nameEn,
        kind,
        records: records[i] as number,
        organisations: organisations[i] as number,
        undisclosedContracts: undisclosedContracts[i] as number,
      });
    }
    return ranks;
  }
}
