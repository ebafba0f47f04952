import {
  type AffectedOrganisation,
  asOfDay,
  type BlastRadius,
  type BlastRadiusTotals,
  type CountedContract,
  compareAffected,
  type Scenario,
  ScenarioError,
} from "../domain/index.ts";

/** An organisation as the snapshot keeps it. */
export interface SnapshotOrganisation {
  id: string;
  name: string;
  nameEn: string | null;
  kind: string | null;
  region: string | null;
}

/** A contract as the snapshot reads it (impact/all-contracts.cypher). */
export interface SnapshotContract {
  id: string;
  consignor: string;
  contractor: string;
  records: number | null;
  subjects: number | null;
  sinceStart: string | null;
  deleteByEnd: string | null;
  dataCategories?: string[] | null;
  source?: string | null;
}

const NO_DAY = -1;
const LAST_DAY = 99_999_999;
/** `YYYY-MM-DD` as the number YYYYMMDD, which orders the same way. */
const dayNumber = (day: string | null, absent: number) => (day === null ? absent : Number(day.replaceAll("-", "")));

/** Interns repeated strings (sources, category lists): a million contracts share a few hundred. */
class Interned<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();
  add(key: string, value: T): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(key, i);
    }
    return i;
  }
}

/**
 * A read-only copy of the live contract graph in typed arrays, for answering blast radii in
 * memory (DOMAIN.md's arithmetic, the same answer as impact/engine.ts, checked by the differential
 * test). Built from Neo4j by the API and dropped when the dataset changes.
 */
export class ContractSnapshot {
  readonly organisations: SnapshotOrganisation[];
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
  /** Contracts by contractor (for the breadth-first search up) and by consignor (for the sums). */
  private readonly inStart: Int32Array;
  private readonly inEdges: Int32Array;
  private readonly outStart: Int32Array;
  private readonly outEdges: Int32Array;

  constructor(organisations: SnapshotOrganisation[], contracts: SnapshotContract[]) {
    this.organisations = organisations;
    organisations.forEach((o, i) => this.orgIndex.set(o.id, i));
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

  /** Refuses ids the graph does not hold, with the same messages as the Cypher engine. */
  private check(scenario: Scenario): void {
    for (const id of [...scenario.compromised, ...scenario.excludedOrganisations]) {
      if (this.orgIndex.has(id)) continue;
      const parameter = scenario.compromised.includes(id) ? "vendor" : "exclude-org";
      throw new ScenarioError(parameter, `${parameter}: no organisation "${id}"`);
    }
    if (scenario.excludedContracts.length === 0) return;
    this.contractIndex ??= new Map(this.contractIds.map((id, e) => [id, e]));
    for (const id of scenario.excludedContracts) {
      if (!this.contractIndex.has(id)) throw new ScenarioError("exclude-contract", `exclude-contract: no contract "${id}"`);
    }
  }

  /** DOMAIN.md step 1 as a per-contract test. */
  private activeTest(scenario: Scenario): (e: number) => boolean {
    const excludedOrg = new Uint8Array(this.organisations.length);
    for (const id of scenario.excludedOrganisations) excludedOrg[this.orgIndex.get(id) as number] = 1;
    const excludedContract = new Set(scenario.excludedContracts.map((id) => this.contractIndex?.get(id)));
    const asOfText = asOfDay(scenario);
    const asOf = asOfText === null ? LAST_DAY : dayNumber(asOfText, LAST_DAY);
    const retention = scenario.enforceRetention && asOfText !== null;
    return (e) =>
      excludedOrg[this.from[e] as number] === 0 &&
      excludedOrg[this.to[e] as number] === 0 &&
      (this.since[e] as number) <= asOf &&
      (!retention || (this.deleteBy[e] as number) >= asOf) &&
      (excludedContract.size === 0 || !excludedContract.has(e));
  }

  /** The blast radius of a scenario; `limit` cuts the lists, never the totals. */
  blastRadius(
    scenario: Scenario,
    limit?: number,
  ): { result: Omit<BlastRadius, "unmodelled">; isAffected: (id: string) => boolean } {
    this.check(scenario);
    const active = this.activeTest(scenario);
    const n = this.organisations.length;
    const maxDepth = scenario.maxDepth ?? Number.POSITIVE_INFINITY;
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
      for (let i = this.inStart[v] as number; i < (this.inStart[v + 1] as number); i++) {
        const e = this.inEdges[i] as number;
        const u = this.from[e] as number;
        if (depth[u] === -1 && active(e)) {
          depth[u] = d + 1;
          queue[tail++] = u;
        }
      }
    }
    const counted = (e: number) => {
      const d = depth[this.to[e] as number] as number;
      return d >= 0 && d + 1 <= maxDepth && active(e);
    };

    const totals: BlastRadiusTotals = {
      organisations: tail - compromisedCount,
      contracts: 0,
      records: 0,
      subjects: 0,
      undisclosedContracts: 0,
      undisclosedSubjectContracts: 0,
    };
    const next = new Int32Array(n);
    const affected: AffectedOrganisation[] = [];
    for (let q = compromisedCount; q < tail; q++) {
      const a = queue[q] as number;
      const org = this.organisations[a] as SnapshotOrganisation;
      let records = 0;
      let subjects = 0;
      let undisclosed = 0;
      let nearest = -1;
      for (let i = this.outStart[a] as number; i < (this.outStart[a + 1] as number); i++) {
        const e = this.outEdges[i] as number;
        if (!counted(e)) continue;
        totals.contracts += 1;
        const r = this.records[e] as number;
        const s = this.subjects[e] as number;
        if (Number.isNaN(r)) undisclosed += 1;
        else records += r;
        if (Number.isNaN(s)) totals.undisclosedSubjectContracts += 1;
        else subjects += s;
        const b = this.to[e] as number;
        // The chain runs through the smallest id one tier nearer, as in organisation-figures.cypher.
        if (depth[b] === (depth[a] as number) - 1 && (nearest === -1 || this.id(b) < this.id(nearest))) nearest = b;
      }
      next[a] = nearest;
      totals.records += records;
      totals.subjects += subjects;
      totals.undisclosedContracts += undisclosed;
      affected.push({
        ...org,
        depth: depth[a] as number,
        records,
        subjects,
        undisclosed,
        path: [],
        dataCategories: [],
        reported: [],
      });
    }
    affected.sort(compareAffected);
    const listed = limit === undefined ? affected : affected.slice(0, limit);
    const contracts: CountedContract[] = [];
    for (const org of listed) {
      const a = this.orgIndex.get(org.id) as number;
      for (let at = a; (depth[at] as number) > 0; ) {
        at = next[at] as number;
        org.path.push(this.id(at));
      }
      org.path.unshift(org.id);
      for (let i = this.outStart[a] as number; i < (this.outStart[a + 1] as number); i++) {
        const e = this.outEdges[i] as number;
        if (!counted(e)) continue;
        for (const category of this.categories.values[this.categoryOf[e] as number] ?? []) {
          if (!org.dataCategories.includes(category)) org.dataCategories.push(category);
        }
        const r = this.records[e] as number;
        const s = this.subjects[e] as number;
        contracts.push({
          id: this.contractIds[e] as string,
          consignor: org.id,
          contractor: this.id(this.to[e] as number),
          records: Number.isNaN(r) ? null : r,
          subjects: Number.isNaN(s) ? null : s,
          source: this.sources.values[this.sourceOf[e] as number] ?? null,
        });
      }
    }
    const result = {
      scenario,
      compromised: scenario.compromised.map((id) => {
        const { name, nameEn, kind } = this.organisations[this.orgIndex.get(id) as number] as SnapshotOrganisation;
        return { id, name, nameEn, kind };
      }),
      affected: listed,
      contracts,
      totals,
      ...(listed.length < affected.length ? { truncated: { shown: listed.length, total: affected.length } } : {}),
    };
    const isAffected = (id: string) => {
      const v = this.orgIndex.get(id);
      return v !== undefined && (depth[v] as number) > 0;
    };
    return { result, isAffected };
  }

  private id(v: number): string {
    return (this.organisations[v] as SnapshotOrganisation).id;
  }
}

/** Compressed adjacency: the contracts of node v are edges[start[v] .. start[v+1]). */
function adjacency(n: number, endpoint: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (const v of endpoint) start[v + 1] = (start[v + 1] as number) + 1;
  for (let v = 0; v < n; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const fill = start.slice(0, n);
  const edges = new Int32Array(endpoint.length);
  endpoint.forEach((v, e) => {
    edges[fill[v] as number] = e;
    fill[v] = (fill[v] as number) + 1;
  });
  return [start, edges];
}
