import {
  type AffectedOrganisation,
  asOfDay,
  type BlastRadius,
  type ContractFacts,
  type CountedContract,
  compareAffected,
  compareRanks,
  inForce,
  type OrganisationSummary,
  type Scenario,
  type VendorRank,
} from "../domain/index.ts";
import { emptyTotals, followChain, nearerStep, truncation, unknownId } from "./assemble.ts";
import { adjacency, dayNumber, Interned, LAST_DAY, NO_DAY } from "./inMemoryArrays.ts";
import { rankAll } from "./rankAll.ts";

/** A contract as the copy reads it (cypher/blast-radius/all-contracts.cypher). */
export interface CopiedContract extends ContractFacts {
  dataCategories?: string[] | null;
  source?: string | null;
}

/**
 * A read-only copy of the live contract graph in typed arrays, for answering blast radii in
 * memory (docs/blast-radius.md; the same answers as the Cypher engine, checked by the
 * differential test). Built from Neo4j (graphRead.ts) and dropped when the dataset changes.
 */
export class InMemoryCopy {
  readonly organisations: OrganisationSummary[];
  private readonly orgIndex = new Map<string, number>();
  private readonly contractIds: string[];
  private contractIndex: Map<string, number> | undefined;
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly records: Float64Array;
  private readonly subjects: Float64Array;
  private readonly since: Int32Array;
  private readonly deleteBy: Int32Array;
  private readonly categoryOf: Int32Array;
  private readonly sourceOf: Int32Array;
  private readonly categories = new Interned<string[]>();
  private readonly sources = new Interned<string | null>();
  /** Date masks by as-of day and retention, shared read-only between answers. */
  private readonly dateMasks = new Map<string, Uint8Array>();
  private ranks: VendorRank[] | undefined;
  /** Contracts by contractor (for the breadth-first search up) and by consignor (for the sums). */
  private readonly inStart: Int32Array;
  private readonly inEdges: Int32Array;
  private readonly outStart: Int32Array;
  private readonly outEdges: Int32Array;

  constructor(organisations: OrganisationSummary[], contracts: CopiedContract[]) {
    this.organisations = organisations;
    for (const [i, o] of organisations.entries()) this.orgIndex.set(o.id, i);
    const m = contracts.length;
    this.contractIds = new Array<string>(m);
    this.from = new Int32Array(m);
    this.to = new Int32Array(m);
    this.records = new Float64Array(m);
    this.subjects = new Float64Array(m);
    this.since = new Int32Array(m);
    this.deleteBy = new Int32Array(m);
    this.categoryOf = new Int32Array(m);
    this.sourceOf = new Int32Array(m);
    contracts.forEach((c, e) => {
      this.contractIds[e] = c.id;
      this.from[e] = this.orgIndex.get(c.consignor) as number;
      this.to[e] = this.orgIndex.get(c.contractor) as number;
      this.records[e] = c.records ?? Number.NaN;
      this.subjects[e] = c.subjects ?? Number.NaN;
      this.since[e] = dayNumber(c.sinceStart, NO_DAY);
      this.deleteBy[e] = dayNumber(c.deleteByEnd, LAST_DAY);
      const list = c.dataCategories ?? [];
      this.categoryOf[e] = this.categories.add(list.join(";"), list);
      this.sourceOf[e] = this.sources.add(c.source ?? "", c.source ?? null);
    });
    [this.inStart, this.inEdges] = adjacency(organisations.length, this.to);
    [this.outStart, this.outEdges] = adjacency(organisations.length, this.from);
  }

  get contractCount(): number {
    return this.contractIds.length;
  }

  /** Refuses ids the graph does not hold, as the Cypher engine does. */
  private check(scenario: Scenario): void {
    for (const id of [...scenario.compromised, ...scenario.excludedOrganisations]) {
      if (!this.orgIndex.has(id)) throw unknownId(scenario, "organisation", id);
    }
    if (scenario.excludedContracts.length === 0) return;
    this.contractIndex ??= new Map(this.contractIds.map((id, e) => [id, e]));
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
    const asOfText = asOfDay(scenario);
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
    for (const id of scenario.excludedContracts) active[this.contractIndex?.get(id) as number] = 0;
    for (const id of scenario.excludedOrganisations) {
      const v = this.orgIndex.get(id) as number;
      for (let i = this.inStart[v] as number; i < (this.inStart[v + 1] as number); i++)
        active[this.inEdges[i] as number] = 0;
      for (let i = this.outStart[v] as number; i < (this.outStart[v + 1] as number); i++)
        active[this.outEdges[i] as number] = 0;
    }
    return active;
  }

  /** The blast radius of a scenario; `limit` cuts the lists, never the totals. */
  blastRadius(
    scenario: Scenario,
    limit?: number,
  ): { result: Omit<BlastRadius, "unmodelled">; isAffected: (id: string) => boolean } {
    this.check(scenario);
    const active = this.activeMask(scenario);
    const { from, to, inStart, inEdges, outStart, outEdges } = this;
    const n = this.organisations.length;
    const maxDepth = scenario.maxDepth ?? n;
    // Step 2: breadth-first up the active contracts; the queue ends up in depth order.
    const depth = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    let tail = 0;
    for (const id of scenario.compromised) {
      const v = this.orgIndex.get(id) as number;
      if (!scenario.excludedOrganisations.includes(id) && depth[v] === -1) {
        depth[v] = 0;
        queue[tail++] = v;
      }
    }
    const compromisedCount = tail;
    for (let head = 0; head < tail; head++) {
      const v = queue[head] as number;
      const d = depth[v] as number;
      if (d >= maxDepth) continue;
      for (let i = inStart[v] as number, end = inStart[v + 1] as number; i < end; i++) {
        const e = inEdges[i] as number;
        const u = from[e] as number;
        if (depth[u] === -1 && active[e] === 1) {
          depth[u] = d + 1;
          queue[tail++] = u;
        }
      }
    }
    // Steps 4–6: each affected organisation's counted contracts, summed into per-node arrays.
    const counted = (e: number) => {
      const d = depth[to[e] as number] as number;
      return active[e] === 1 && d >= 0 && d + 1 <= maxDepth;
    };
    const recordsOf = new Float64Array(n);
    const subjectsOf = new Float64Array(n);
    const undisclosedOf = new Int32Array(n);
    const next = new Int32Array(n);
    const totals = emptyTotals(tail - compromisedCount);
    for (let q = compromisedCount; q < tail; q++) {
      const a = queue[q] as number;
      const nearer = (depth[a] as number) - 1;
      let nearest: string | null = null;
      for (let i = outStart[a] as number, end = outStart[a + 1] as number; i < end; i++) {
        const e = outEdges[i] as number;
        if (!counted(e)) continue;
        totals.contracts += 1;
        const r = this.records[e] as number;
        const s = this.subjects[e] as number;
        if (Number.isNaN(r)) undisclosedOf[a] = (undisclosedOf[a] as number) + 1;
        else recordsOf[a] = (recordsOf[a] as number) + r;
        if (Number.isNaN(s)) totals.undisclosedSubjectContracts += 1;
        else subjectsOf[a] = (subjectsOf[a] as number) + s;
        const b = to[e] as number;
        if (depth[b] === nearer) nearest = nearerStep(nearest, this.id(b));
      }
      next[a] = nearest === null ? -1 : (this.orgIndex.get(nearest) as number);
      totals.records += recordsOf[a] as number;
      totals.subjects += subjectsOf[a] as number;
      totals.undisclosedContracts += undisclosedOf[a] as number;
    }
    // Only the organisations listed become answer objects; a tier is sorted only when some of it
    // is listed (the queue is already in depth order).
    const listedNodes: number[] = [];
    const wanted = Math.min(limit ?? totals.organisations, totals.organisations);
    for (let start = compromisedCount; start < tail && listedNodes.length < wanted; ) {
      let end = start;
      while (end < tail && depth[queue[end] as number] === depth[queue[start] as number]) end++;
      const tier = Array.from(queue.subarray(start, end), (v) => ({
        v,
        id: this.id(v),
        depth: depth[v] as number,
        records: recordsOf[v] as number,
      })).sort(compareAffected);
      for (const { v } of tier.slice(0, wanted - listedNodes.length)) listedNodes.push(v);
      start = end;
    }
    const affected: AffectedOrganisation[] = [];
    const contracts: CountedContract[] = [];
    for (const a of listedNodes) {
      const org: AffectedOrganisation = {
        ...(this.organisations[a] as OrganisationSummary),
        depth: depth[a] as number,
        records: recordsOf[a] as number,
        subjects: subjectsOf[a] as number,
        undisclosed: undisclosedOf[a] as number,
        path: [],
        dataCategories: [],
        reported: [],
      };
      org.path = followChain(a, (at) => (depth[at] === 0 ? null : next[at])).map((v) => this.id(v));
      for (let i = outStart[a] as number; i < (outStart[a + 1] as number); i++) {
        const e = outEdges[i] as number;
        if (!counted(e)) continue;
        for (const category of this.categories.values[this.categoryOf[e] as number] ?? []) {
          if (!org.dataCategories.includes(category)) org.dataCategories.push(category);
        }
        const r = this.records[e] as number;
        const s = this.subjects[e] as number;
        contracts.push({
          id: this.contractIds[e] as string,
          consignor: org.id,
          contractor: this.id(to[e] as number),
          records: Number.isNaN(r) ? null : r,
          subjects: Number.isNaN(s) ? null : s,
          source: this.sources.values[this.sourceOf[e] as number] ?? null,
        });
      }
      affected.push(org);
    }
    const result = {
      scenario,
      compromised: scenario.compromised.map((id) => {
        const { name, nameEn, kind } = this.organisations[
          this.orgIndex.get(id) as number
        ] as OrganisationSummary;
        return { id, name, nameEn, kind };
      }),
      affected,
      contracts,
      totals,
      ...truncation(affected.length, totals.organisations),
    };
    const isAffected = (id: string) => {
      const v = this.orgIndex.get(id);
      return v !== undefined && (depth[v] as number) > 0;
    };
    return { result, isAffected };
  }

  /**
   * Every organisation with a contract pointing at it, ranked by what its compromise alone would
   * expose (rankAll.ts: all at once). Computed once per copy: the graph does not change under it.
   */
  rank(): VendorRank[] {
    if (this.ranks) return this.ranks;
    const vendorNodes: number[] = [];
    for (let v = 0; v < this.organisations.length; v++) {
      if ((this.inStart[v + 1] as number) > (this.inStart[v] as number)) vendorNodes.push(v);
    }
    const { from, to, records } = this;
    const figures = rankAll({
      n: this.organisations.length,
      from,
      to,
      records,
      vendors: Int32Array.from(vendorNodes),
    });
    this.ranks = vendorNodes
      .map((v, i) => {
        const { id, name, nameEn, kind } = this.organisations[v] as OrganisationSummary;
        return {
          id,
          name,
          nameEn,
          kind,
          records: figures.records[i] as number,
          organisations: figures.organisations[i] as number,
          undisclosedContracts: figures.undisclosedContracts[i] as number,
        };
      })
      .sort(compareRanks);
    return this.ranks;
  }

  private id(v: number): string {
    return (this.organisations[v] as OrganisationSummary).id;
  }
}
