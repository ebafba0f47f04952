import type { BlastRadiusTotals } from "../domain/index.ts";
import { type ContractTable, type Reach, summarise } from "./contractReach.ts";
import { adjacency } from "./inMemoryArrays.ts";

/**
 * Step 2's search over a contract table, and from it an answer's confirmed part
 * (docs/blast-radius.md#confirmed-possible-and-the-estimate): the same scenario with every
 * `possible` contract left out. Both engines use it — the in-memory copy on its whole table, the
 * Cypher engine on the table of the contracts its search reached — so they agree by construction.
 */

/** Contract-sized buffers a search fills; an answer's search reuses them (see InMemoryCopy). */
export interface ReachBuffers {
  /** ℓ of each contract, -1 where not reached: must be all -1 when a search begins. */
  level: Int32Array;
  queue: Int32Array;
}

export const reachBuffers = (m: number): ReachBuffers => ({
  level: new Int32Array(m).fill(-1),
  queue: new Int32Array(m),
});

/**
 * Breadth-first over contracts, from the active contracts into the compromised organisations
 * (`sources`), then from each reached sub-contract to the contracts it carries into its
 * consignor. An unscoped sub-contract carries every contract into its consignor, so the first one
 * to arrive opens them all and later ones have nothing left to add. `inStart`/`inEdges`: the
 * table's contracts by contractor.
 */
export function searchReach(
  table: ContractTable,
  inStart: Int32Array,
  inEdges: Int32Array,
  active: Uint8Array,
  sources: readonly number[],
  maxLevel: number,
  buffers: ReachBuffers,
): Reach {
  const { from, carriesStart, carriesList } = table;
  const { level, queue } = buffers;
  const opened = new Uint8Array(table.orgIds.length);
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
  for (const v of sources) take(v, 1);
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

/** Undoes a search in its buffers (only what it touched), for the next one. */
export function clearReach(reach: Reach): void {
  for (let q = 0; q < reach.count; q++) reach.level[reach.queue[q] as number] = -1;
}

/** What an answer says of its confirmed part: the totals, and who is affected in it too. */
export interface ConfirmedPart {
  totals: BlastRadiusTotals;
  isAffected: (org: number) => boolean;
}

/**
 * The confirmed part of a search's answer, or null when no reached contract is possible (then
 * it is the whole answer: leaving out contracts the search never reached changes nothing). A
 * chain of confirmed contracts is a chain of the whole scenario, so searching again among the
 * contracts reached, the possible ones left out, gives the confirmed scenario's reach exactly.
 */
export function confirmedPart(
  table: ContractTable,
  whole: Reach,
  sources: readonly number[],
  maxLevel: number,
  isCompromised: (org: number) => boolean,
  byContractor?: [Int32Array, Int32Array],
): ConfirmedPart | null {
  const { possible } = table;
  let any = false;
  for (let q = 0; q < whole.count && !any; q++) any = possible[whole.queue[q] as number] === 1;
  if (!any) return null;
  const m = table.from.length;
  const active = new Uint8Array(m);
  for (let q = 0; q < whole.count; q++) {
    const e = whole.queue[q] as number;
    if (possible[e] === 0) active[e] = 1;
  }
  const [inStart, inEdges] = byContractor ?? adjacency(table.orgIds.length, table.to);
  const reach = searchReach(table, inStart, inEdges, active, sources, maxLevel, reachBuffers(m));
  const summary = summarise(table, reach, isCompromised, 0);
  return { totals: summary.totals, isAffected: summary.isAffected };
}
