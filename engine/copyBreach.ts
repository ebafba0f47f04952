import { type BreachFacts, byCodeUnits, type OrganisationSummary } from "../domain/index.ts";
import type { ContractTable, Reach } from "./contractReach.ts";

/** What the copy holds that breach-response facts are read from. */
export interface BreachSource {
  table: ContractTable;
  organisations: OrganisationSummary[];
  /** Each contract's data categories, as an index into `categories`. */
  categoryOf: Int32Array;
  categories: string[][];
}

/**
 * The facts breach response needs (domain/breachFacts.ts) straight from a reach over the copy: the
 * same sums breachRadiusOf makes of a blast radius, without the radius's objects (paths, chains and
 * hundreds of thousands of counted contracts for the biggest vendor). A contract is counted as
 * summarise counts it: reached, its consignor not compromised.
 */
export function copyBreachFacts(
  source: BreachSource,
  reach: Reach,
  isCompromised: (org: number) => boolean,
): { affected: BreachFacts[]; clients: Map<string, string[]> } {
  const { table, organisations, categoryOf, categories } = source;
  const n = table.orgIds.length;
  const seen = new Uint8Array(n);
  const holds = new Uint8Array(n);
  const persons = new Float64Array(n);
  const unknown = new Int32Array(n);
  // Each organisation's distinct category lists (most have one or two contracts).
  const lists = new Map<number, number[]>();
  const clientsOf = new Map<number, number[]>();
  const order: number[] = [];
  for (let q = 0; q < reach.count; q++) {
    const e = reach.queue[q] as number;
    const a = table.from[e] as number;
    if (isCompromised(a)) continue;
    if (seen[a] === 0) {
      seen[a] = 1;
      order.push(a);
    }
    const r = table.records[e] as number;
    if (Number.isNaN(r) || r > 0) holds[a] = 1;
    const s = table.subjects[e] as number;
    if (Number.isNaN(s)) unknown[a] = (unknown[a] as number) + 1;
    else persons[a] = (persons[a] as number) + s;
    const list = categoryOf[e] as number;
    const own = lists.get(a);
    if (!own) lists.set(a, [list]);
    else if (!own.includes(list)) own.push(list);
    const b = table.to[e] as number;
    const of = clientsOf.get(b);
    if (of) of.push(a);
    else clientsOf.set(b, [a]);
  }
  const affected = order.map((v): BreachFacts => {
    const org = organisations[v] as OrganisationSummary;
    const dataCategories: string[] = [];
    for (const list of lists.get(v) ?? [])
      for (const category of categories[list] ?? [])
        if (!dataCategories.includes(category)) dataCategories.push(category);
    return {
      id: org.id,
      name: org.name,
      kind: org.kind,
      dataCategories,
      holdsData: holds[v] === 1,
      persons: persons[v] as number,
      personsUnknown: unknown[v] as number,
    };
  });
  const clients = new Map<string, string[]>();
  for (const [b, of] of clientsOf)
    clients.set(
      table.orgIds[b] as string,
      [...new Set(of)].map((a) => table.orgIds[a] as string).sort(byCodeUnits),
    );
  return { affected, clients };
}
