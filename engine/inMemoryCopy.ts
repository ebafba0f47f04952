import {
  type AffectedOrganisation,
  type BlastRadius,
  type BreachRadius,
  type ContractDetail,
  type CountedContract,
  type GroupedBlastRadius,
  groupAffected,
  type Incident,
  inForce,
  type OrganisationName,
  type OrganisationSummary,
  type Scenario,
  stated,
  type VendorRank,
} from "../domain/index.ts";
import { attachReported, truncation, unknownId } from "./assemble.ts";
import { breachFactsOf } from "./breachFacts.ts";
import { type ContractTable, carriesIds, type Reach, type ReachSummary, summarise } from "./contractReach.ts";
import { type CopiedContract, columnsOf } from "./copyColumns.ts";
import {
  type CopiedExposure,
  type CopyData,
  deriveCopy,
  type IdIndex,
  type RankOrder,
  rankOrder,
} from "./copyData.ts";
import { CopyIncidents } from "./copyIncidents.ts";
import { dayNumber, LAST_DAY } from "./inMemoryArrays.ts";

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
  private readonly categoryOf: Int32Array;
  private readonly sourceOf: Int32Array;
  private readonly categories: string[][];
  private readonly sources: (string | null)[];
  /** The incidents and what was reported about them, by the organisation they hit. */
  private readonly reports: CopyIncidents;
  /** Date masks by as-of day and retention, shared read-only between answers. */
  private readonly dateMasks = new Map<string, Uint8Array>();
  private ranks: RankOrder | undefined;
  private readonly data: CopyData;
  /** The search's buffers, reused by every answer (see reach). */
  private scratch: { level: Int32Array; queue: Int32Array } | undefined;

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
    this.reports = new CopyIncidents(data.exposures, data.incidents);
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
    return this.table.contractIds.length;
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

  /**
   * The active-contract rule (docs/blast-radius.md#1-active-contracts) as a per-contract mask
   * (1 = active). The dates part is shared between answers (a pass over every contract costs
   * ~8 ms at 1M); exclusions are applied to a copy of it.
   */
  private activeMask(scenario: Scenario): Uint8Array {
    const asOfText = scenario.asOfDay;
    const asOf = asOfText === null ? null : dayNumber(asOfText, LAST_DAY);
    const { enforceRetention } = scenario;
    const key = `${asOf}/${enforceRetention}`;
    let base = this.dateMasks.get(key);
    if (!base) {
      const { since, deleteBy } = this;
      base = new Uint8Array(since.length);
      // An absent since or delete_by is stored as a day that no as-of day can fail against.
      for (let e = 0; e < base.length; e++) {
        base[e] = inForce(since[e] as number, deleteBy[e] as number, asOf, enforceRetention) ? 1 : 0;
      }
      if (this.dateMasks.size >= 16) this.dateMasks.clear();
      this.dateMasks.set(key, base);
    }
    if (scenario.excludedContracts.length === 0 && scenario.excludedOrganisations.length === 0) return base;
    const active = base.slice();
    for (const id of scenario.excludedContracts) active[this.contractIndex.get(id) as number] = 0;
    const { outStart, outEdges } = this.table;
    for (const id of scenario.excludedOrganisations) {
      const v = this.orgIndex.get(id) as number;
      for (let i = this.inStart[v] as number; i < (this.inStart[v + 1] as number); i++)
        active[this.inEdges[i] as number] = 0;
      for (let i = outStart[v] as number; i < (outStart[v + 1] as number); i++)
        active[outEdges[i] as number] = 0;
    }
    return active;
  }

  /**
   * Step 2 over the whole copy: breadth-first over contracts, from the active contracts into the
   * compromised set, then from each reached sub-contract to the contracts it carries into its
   * consignor. An unscoped sub-contract carries every contract into its consignor, so the first
   * one to arrive opens them all and later ones have nothing left to add.
   */
  private reach(active: Uint8Array, compromised: number[], maxLevel: number): Reach {
    const { from, carriesStart, carriesList } = this.table;
    const { inStart, inEdges } = this;
    const m = from.length;
    // One pair of contract-sized buffers for every answer (answers run one at a time on the event
    // loop): a fresh 8 MB per request at 1M contracts kept the garbage collector busy.
    this.scratch ??= { level: new Int32Array(m).fill(-1), queue: new Int32Array(m) };
    const { level, queue } = this.scratch;
    const opened = new Uint8Array(this.organisations.length);
    let tail = 0;
    const take = (v: number, length: number) => {
      opened[v] = 1;
      for (let i = inStart[v] as number, end = inStart[v + 1] as number; i < end; i++) {
        const e = inEdges[i] as number;
        if (level[e] === -1 && active[e] === 1) {
          level[e] = length;
          queue[tail++] = e;
        }
      }
    };
    for (const v of compromised) take(v, 1);
    for (let head = 0; head < tail; head++) {
      const carrier = queue[head] as number;
      const length = level[carrier] as number;
      if (length >= maxLevel) break;
      const start = carriesStart[carrier] as number;
      const end = carriesStart[carrier + 1] as number;
      if (start === end) {
        const b = from[carrier] as number;
        if (opened[b] === 0) take(b, length + 1);
        continue;
      }
      for (let i = start; i < end; i++) {
        const e = carriesList[i] as number;
        if (e >= 0 && level[e] === -1 && active[e] === 1) {
          level[e] = length + 1;
          queue[tail++] = e;
        }
      }
    }
    return { level, queue, count: tail };
  }

  /** Steps 2–6 of a scenario over the copy (see summarise); `limit` organisations spelled out. */
  private summary(scenario: Scenario, limit: number | undefined): ReachSummary {
    return this.withReach(scenario, (reach, isCompromised) =>
      summarise(this.table, reach, isCompromised, limit),
    );
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
    return this.withReach(scenario, (reach, isCompromised) => this.factsFrom(scenario, reach, isCompromised));
  }

  /** The whole blast radius and breach response's facts of it, from one search (packets need both). */
  packetRadius(scenario: Scenario): { radius: Omit<BlastRadius, "dataset">; facts: BreachRadius } {
    return this.withReach(scenario, (reach, isCompromised) => ({
      radius: this.radiusFrom(scenario, summarise(this.table, reach, isCompromised, undefined)),
      facts: this.factsFrom(scenario, reach, isCompromised),
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
  private withReach<T>(
    scenario: Scenario,
    use: (reach: Reach, isCompromised: (v: number) => boolean) => T,
  ): T {
    this.check(scenario);
    const compromised = new Uint8Array(this.organisations.length);
    const sources: number[] = [];
    for (const id of scenario.compromised) {
      const v = this.orgIndex.get(id) as number;
      compromised[v] = 1;
      if (!scenario.excludedOrganisations.includes(id)) sources.push(v);
    }
    const reach = this.reach(
      this.activeMask(scenario),
      sources,
      scenario.maxDepth ?? Number.MAX_SAFE_INTEGER,
    );
    try {
      return use(reach, (v) => compromised[v] === 1);
    } finally {
      // Back to unreached for the next answer: only what this one touched.
      for (let q = 0; q < reach.count; q++) reach.level[reach.queue[q] as number] = -1;
    }
  }

  /** The blast radius grouped by tier, kind and region (too many organisations to draw one by one). */
  grouped(scenario: Scenario, members: number): Omit<GroupedBlastRadius, "dataset"> {
    const summary = this.summary(scenario, 0);
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
      totals: summary.totals,
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
  private radiusFrom(scenario: Scenario, summary: ReachSummary): Omit<BlastRadius, "dataset"> {
    const { contractIds, orgIds, to, records, subjects } = this.table;
    const contracts: CountedContract[] = [];
    const affected = summary.listed.map((reached): AffectedOrganisation => {
      const org: AffectedOrganisation = {
        ...(this.organisations[reached.org] as OrganisationSummary),
        depth: reached.depth,
        records: reached.records,
        subjects: reached.subjects,
        undisclosed: reached.undisclosed,
        path: reached.path.map((v) => orgIds[v] as string),
        chain: reached.chain.map((e) => contractIds[e] as string),
        dataCategories: [],
        reported: [],
      };
      for (const e of reached.counted) {
        for (const category of this.categories[this.categoryOf[e] as number] ?? []) {
          if (!org.dataCategories.includes(category)) org.dataCategories.push(category);
        }
        const r = records[e] as number;
        const s = subjects[e] as number;
        contracts.push({
          id: contractIds[e] as string,
          consignor: org.id,
          contractor: orgIds[to[e] as number] as string,
          records: Number.isNaN(r) ? null : r,
          subjects: Number.isNaN(s) ? null : s,
          carries: carriesIds(this.table, e),
          source: this.sources[this.sourceOf[e] as number] ?? null,
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
      totals: summary.totals,
      ...truncation(affected.length, summary.totals.organisations),
    };
  }

  /**
   * Every organisation with a contract pointing at it, ranked by what its compromise alone would
   * expose (the first `top`). Ranked once per copy (copyData.ts rankOrder): the graph does not
   * change under it; a copy built in a worker arrives ranked.
   */
  rank(top?: number): VendorRank[] {
    this.ranks ??= rankOrder(this.data);
    const { vendors, records, organisations, undisclosedContracts } = this.ranks;
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
