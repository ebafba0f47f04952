/** The pieces the in-memory copy of the graph (inMemoryCopy.ts) is made of. */

export const NO_DAY = -1;
export const LAST_DAY = 99_999_999;
/** `YYYY-MM-DD` as the number YYYYMMDD, which orders the same way. */
export const dayNumber = (day: string | null, absent: number) =>
  day === null ? absent : Number(day.replaceAll("-", ""));

/** Interns repeated strings (sources, category lists): a million contracts share a few hundred. */
export class Interned<T> {
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

/** Compressed adjacency: the contracts of node v are edges[start[v] .. start[v+1]). */
export function adjacency(n: number, endpoint: Int32Array): [Int32Array, Int32Array] {
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

/** `carries` lists as contract numbers in one array: contract e's list is list[start[e] .. start[e+1]). */
export function carriesLists(
  contracts: number,
  lists: ReadonlyMap<number, readonly string[]>,
  contractIndex: (id: string) => number | undefined,
): [Int32Array, Int32Array] {
  const start = new Int32Array(contracts + 1);
  let total = 0;
  for (let e = 0; e < contracts; e++) {
    total += lists.get(e)?.length ?? 0;
    start[e + 1] = total;
  }
  const list = new Int32Array(total);
  let at = 0;
  for (let e = 0; e < contracts; e++) {
    // The loader refuses a `carries` that names no contract; a dangling one passes nothing.
    for (const id of lists.get(e) ?? []) list[at++] = contractIndex(id) ?? -1;
  }
  return [start, list];
}
