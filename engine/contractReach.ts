import { type BlastRadiusTotals, compareAffected } from "../domain/index.ts";
import { emptyTotals } from "./assemble.ts";

/**
 * The blast-radius arithmetic over contracts (docs/blast-radius.md, steps 2–6), on typed arrays,
 * shared by both engines: the in-memory engine runs it on its copy of the whole graph, the Cypher
 * engine on the contracts its level-by-level queries reached. Organisations and contracts are
 * numbered 0..n-1 and 0..m-1; an unknown count is NaN.
 */
/**
 * Known counts by contract, NaN where undisclosed: 32-bit floats in the in-memory copy when every
 * count fits one exactly (whole numbers up to 2^24, copyColumns.ts), else 64-bit.
 */
export type Counts = Float64Array | Float32Array;

export interface ContractTable {
  orgIds: string[];
  /**
   * Contract e's id. The API's in-memory copy keeps its millions of ids packed (copyIds.ts) and
   * decodes one when asked; a table read for one answer holds them as strings (`ListedContracts`).
   */
  contractIdAt: (e: number) => string;
  /**
   * Each contract's place in ascending order of id, where ids are packed: comparing places orders
   * contracts as their ids do without decoding them (a breach radius breaks millions of ties).
   */
  contractIdPlace?: Int32Array;
  from: Int32Array;
  to: Int32Array;
  records: Counts;
  subjects: Counts;
  /** 1 where the contract is marked possible (not confirmed). */
  possible: Uint8Array;
  /** Contracts by consignor: out(v) = outEdges[outStart[v] .. outStart[v+1]). */
  outStart: Int32Array;
  outEdges: Int32Array;
  /** A sub-contract's `carries` as contract numbers: an empty range means all of its consignor's data. */
  carriesStart: Int32Array;
  carriesList: Int32Array;
}

/** A table whose contract ids are held as strings, by number (the Cypher engine's, the copy's worker's). */
export interface ListedContracts extends ContractTable {
  contractIds: string[];
}

/** Contract e's id, wherever the table keeps its ids. */
export function contractId(table: ContractTable, e: number): string {
  return table.contractIdAt(e);
}

/** Whether contract x's id comes before contract y's (code-unit order, as `<` on the ids). */
export function contractIdBefore(table: ContractTable, x: number, y: number): boolean {
  const place = table.contractIdPlace;
  return place ? (place[x] as number) < (place[y] as number) : contractId(table, x) < contractId(table, y);
}

/** ℓ of every contract that reaches the compromised set (-1 where none), and those contracts by ℓ. */
export interface Reach {
  level: Int32Array;
  /** Reached contracts, least ℓ first. */
  queue: Int32Array;
  count: number;
}

/** Whether sub-contract `next` carries contract `e` (docs/blast-radius.md#2-reach-and-depth). */
export function carries(table: ContractTable, next: number, e: number): boolean {
  const start = table.carriesStart[next] as number;
  const end = table.carriesStart[next + 1] as number;
  if (start === end) return true;
  for (let i = start; i < end; i++) if (table.carriesList[i] === e) return true;
  return false;
}

/** What the arithmetic says of one affected organisation, by number. */
export interface ReachedOrganisation {
  org: number;
  depth: number;
  records: number;
  subjects: number;
  undisclosed: number;
  /** Organisations from it to the compromised one; `chain[i]` runs from `path[i]` to `path[i + 1]`. */
  path: number[];
  chain: number[];
  /** Its counted contracts, by id. */
  counted: number[];
}

export interface ReachSummary {
  totals: BlastRadiusTotals;
  /** The organisations to list, nearest first, then most records, then id. */
  listed: ReachedOrganisation[];
  isAffected: (org: number) => boolean;
  /** Every affected organisation by number, nearest first, with its depth and sums. */
  affected: { order: readonly number[]; depth: Int32Array; records: Float64Array; undisclosed: Int32Array };
}

/**
 * Steps 3–6 from the reached contracts: an organisation outside C is affected at the least ℓ of
 * its reaching contracts; those contracts are counted and added up; totals cover everyone, and
 * only the `limit` organisations listed get their chain and contracts spelled out.
 */
export function summarise(
  table: ContractTable,
  reach: Reach,
  isCompromised: (org: number) => boolean,
  limit: number | undefined,
): ReachSummary {
  const n = table.orgIds.length;
  const depth = new Int32Array(n).fill(-1);
  const recordsOf = new Float64Array(n);
  const subjectsOf = new Float64Array(n);
  const undisclosedOf = new Int32Array(n);
  const order: number[] = [];
  const totals = emptyTotals(0);
  for (let q = 0; q < reach.count; q++) {
    const e = reach.queue[q] as number;
    const a = table.from[e] as number;
    // A contract whose consignor is compromised is never counted.
    if (isCompromised(a)) continue;
    // The queue holds contracts by ℓ, so an organisation's first contract gives its depth.
    if (depth[a] === -1) {
      depth[a] = reach.level[e] as number;
      order.push(a);
    }
    totals.contracts += 1;
    const r = table.records[e] as number;
    const s = table.subjects[e] as number;
    if (Number.isNaN(r)) undisclosedOf[a] = (undisclosedOf[a] as number) + 1;
    else recordsOf[a] = (recordsOf[a] as number) + r;
    if (Number.isNaN(s)) totals.undisclosedSubjectContracts += 1;
    else subjectsOf[a] = (subjectsOf[a] as number) + s;
  }
  totals.organisations = order.length;
  for (const a of order) {
    totals.records += recordsOf[a] as number;
    totals.subjects += subjectsOf[a] as number;
    totals.undisclosedContracts += undisclosedOf[a] as number;
  }

  // Only the organisations listed are sorted within their tier and spelled out.
  const wanted = Math.min(limit ?? order.length, order.length);
  const listedOrgs: number[] = [];
  for (let start = 0; start < order.length && listedOrgs.length < wanted; ) {
    let end = start;
    while (end < order.length && depth[order[end] as number] === depth[order[start] as number]) end++;
    const tier = order.slice(start, end).map((v) => ({
      v,
      id: table.orgIds[v] as string,
      depth: depth[v] as number,
      records: recordsOf[v] as number,
    }));
    tier.sort(compareAffected);
    for (const { v } of tier.slice(0, wanted - listedOrgs.length)) listedOrgs.push(v);
    start = end;
  }
  const listed = listedOrgs.map((org) => {
    const counted: number[] = [];
    for (let i = table.outStart[org] as number; i < (table.outStart[org + 1] as number); i++) {
      const e = table.outEdges[i] as number;
      if ((reach.level[e] as number) > 0) counted.push(e);
    }
    // By id, so that every engine lists them alike.
    counted.sort((x, y) => (contractIdBefore(table, x, y) ? -1 : 1));
    const { path, chain } = chainOf(table, reach, org, depth[org] as number, counted);
    return {
      org,
      depth: depth[org] as number,
      records: recordsOf[org] as number,
      subjects: subjectsOf[org] as number,
      undisclosed: undisclosedOf[org] as number,
      path,
      chain,
      counted,
    };
  });
  return {
    totals,
    listed,
    isAffected: (org) => (depth[org] as number) > 0,
    affected: { order, depth, records: recordsOf, undisclosed: undisclosedOf },
  };
}

/**
 * The chain of an affected organisation (docs/blast-radius.md#5-per-organisation-figures-and-path):
 * from its counted contracts of least ℓ, then at each step the contract out of the contractor
 * that carries the one before with ℓ one less; ties go to the smaller contractor id, then the
 * smaller contract id, so that every engine draws the same chain.
 */
function chainOf(
  table: ContractTable,
  reach: Reach,
  org: number,
  depth: number,
  counted: number[],
): { path: number[]; chain: number[] } {
  const path = [org];
  const chain: number[] = [];
  let step = best(
    table,
    counted.filter((e) => reach.level[e] === depth),
  );
  while (step !== -1) {
    chain.push(step);
    path.push(table.to[step] as number);
    step = nextOnChain(table, reach, step);
  }
  return { path, chain };
}

/**
 * The contract that passes `e`'s data on along its chain (DOMAIN.md, "The chain of a counted
 * contract"): among the contracts out of its contractor whose ℓ is one less and which carry it, the
 * one with the smaller contractor id, then the smaller contract id; -1 when `e` reaches a
 * compromised organisation itself (ℓ = 1).
 */
export function nextOnChain(table: ContractTable, reach: Reach, e: number): number {
  const length = reach.level[e] as number;
  if (length <= 1) return -1;
  const b = table.to[e] as number;
  const candidates: number[] = [];
  for (let i = table.outStart[b] as number; i < (table.outStart[b + 1] as number); i++) {
    const next = table.outEdges[i] as number;
    if (reach.level[next] === length - 1 && carries(table, next, e)) candidates.push(next);
  }
  return best(table, candidates);
}

/** A contract's `carries` as ids, or null when it passes on all of its consignor's data. */
export function carriesIds(table: ContractTable, e: number): string[] | null {
  const start = table.carriesStart[e] as number;
  const end = table.carriesStart[e + 1] as number;
  if (start === end) return null;
  const ids: string[] = [];
  for (let i = start; i < end; i++) {
    const listed = table.carriesList[i] as number;
    if (listed >= 0) ids.push(contractId(table, listed));
  }
  return ids;
}

/** The contract whose contractor id is smallest, then whose own id is; -1 for none. */
function best(table: ContractTable, contracts: number[]): number {
  let chosen = -1;
  for (const e of contracts) {
    if (chosen === -1) {
      chosen = e;
      continue;
    }
    const a = table.orgIds[table.to[e] as number] as string;
    const b = table.orgIds[table.to[chosen] as number] as string;
    if (a < b || (a === b && contractIdBefore(table, e, chosen))) chosen = e;
  }
  return chosen;
}
