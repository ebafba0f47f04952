import {
  type BreachRadius,
  byCodeUnits,
  type CompromisedFacts,
  type DataSet,
  type OrganisationFacts,
  type StatedScenario,
} from "../domain/index.ts";
import { type ContractTable, nextOnChain, type Reach } from "./contractReach.ts";

/** What the breach facts are read from beside the reach: names and kinds, and contracts' categories. */
export interface BreachSource {
  table: ContractTable;
  organisation: (v: number) => { id: string; name: string; kind: string | null };
  /** A contract's data categories, as an index of a list (contracts share few lists). */
  categoryList: (e: number) => number;
  categoryLists: readonly (readonly string[])[];
}

/** A DataSet as it is added up: category lists by index, joined at the end. */
interface Tally {
  holdsData: boolean;
  persons: number;
  personsUnknown: number;
  lists: Set<number>;
}

const tally = (): Tally => ({ holdsData: false, persons: 0, personsUnknown: 0, lists: new Set() });

/** The value of `key`, made by `make` the first time it is asked for. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * The facts breach response reads (domain/breachFacts.ts), from a reach, by both engines alike (the
 * in-memory one over its copy, the Cypher one over the contracts its queries reached). A contract
 * is counted as summarise counts it: reached, its consignor not compromised. Each counted
 * contract's chain is followed (nextOnChain, memoised: the queue holds contracts by ℓ, so the rest
 * of a chain is known before the contract that starts it): its contractors handle its data, and
 * the compromised organisation at its end is the one it reaches. Organisations come by id and
 * categories sorted, so that both engines give the same facts.
 */
export function breachFactsOf(
  source: BreachSource,
  reach: Reach,
  isCompromised: (org: number) => boolean,
  compromised: number[],
  scenario: StatedScenario,
): BreachRadius {
  const { table } = source;
  const own = new Map<number, Tally>();
  const entrusted = new Map<number, Tally>();
  const reaches = new Map<number, Set<number>>();
  const clientsOf = new Map<number, Set<number>>();
  const next = new Map<number, number>();
  const end = new Map<number, number>();
  const order: number[] = [];
  const add = (sets: Map<number, Tally>, v: number, e: number) => {
    const t = entry(sets, v, tally);
    const r = table.records[e] as number;
    const holds = Number.isNaN(r) || r > 0;
    if (holds) t.holdsData = true;
    const s = table.subjects[e] as number;
    if (!Number.isNaN(s)) t.persons += s;
    else if (holds) t.personsUnknown += 1;
    t.lists.add(source.categoryList(e));
  };
  const reached = (v: number, member: number) => {
    entry(reaches, v, () => new Set<number>()).add(member);
  };
  for (let q = 0; q < reach.count; q++) {
    const e = reach.queue[q] as number;
    const a = table.from[e] as number;
    if (isCompromised(a)) continue;
    const b = table.to[e] as number;
    const after = nextOnChain(table, reach, e);
    next.set(e, after);
    end.set(e, after === -1 ? b : (end.get(after) as number));
    if (!own.has(a)) order.push(a);
    add(own, a, e);
    reached(a, end.get(e) as number);
    entry(clientsOf, b, () => new Set<number>()).add(a);
    // Its data is handled by every contractor on its chain; the last one is the compromised one.
    for (let step = e; step !== -1; step = next.get(step) as number) {
      const handler = table.to[step] as number;
      add(entrusted, handler, e);
      if (!isCompromised(handler)) reached(handler, end.get(e) as number);
    }
  }
  const idOf = (v: number) => table.orgIds[v] as string;
  const setOf = (t: Tally | undefined): DataSet | null => {
    if (!t) return null;
    const categories: string[] = [];
    for (const list of t.lists)
      for (const c of source.categoryLists[list] ?? []) if (!categories.includes(c)) categories.push(c);
    // Sorted, so that every engine gives the same facts whatever order it reached the contracts in.
    categories.sort(byCodeUnits);
    return { holdsData: t.holdsData, persons: t.persons, personsUnknown: t.personsUnknown, categories };
  };
  const sortedIds = (set: Set<number> | undefined) => [...(set ?? [])].map(idOf).sort(byCodeUnits);
  order.sort((x, y) => byCodeUnits(idOf(x), idOf(y)));
  const affected = order.map((v): OrganisationFacts => {
    const { id, name, kind } = source.organisation(v);
    return {
      id,
      name,
      kind,
      own: setOf(own.get(v)) as DataSet,
      entrusted: setOf(entrusted.get(v)),
      reaches: sortedIds(reaches.get(v)),
      clients: entrusted.has(v) ? sortedIds(clientsOf.get(v)) : [],
    };
  });
  return {
    scenario,
    compromised: compromised.map((v): CompromisedFacts => {
      const { id, name, kind } = source.organisation(v);
      return { id, name, kind, entrusted: setOf(entrusted.get(v)), clients: sortedIds(clientsOf.get(v)) };
    }),
    affected,
  };
}
