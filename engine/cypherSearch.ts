import neo4j, { type ManagedTransaction } from "neo4j-driver";
import type { CountedContract, Scenario } from "../domain/index.ts";
import { rowsOf as rows } from "../neo4j/read.ts";
import { unknownId } from "./assemble.ts";
import { confirmedPart } from "./confirmedPart.ts";
import { type ListedContracts, type Reach, summarise } from "./contractReach.ts";
import { adjacency, carriesLists } from "./inMemoryArrays.ts";

/**
 * The Cypher engine's search (docs/blast-radius.md, step 2): level by level, one fixed query per
 * level inside the answer's read transaction — the contracts into the organisations reached, then
 * the contracts each scoped sub-contract lists, all by index — and the contracts it reached as a
 * table for the shared arithmetic (contractReach.ts).
 */

/** The parameters every blast-radius query takes, from a scenario. */
export function scenarioParams(scenario: Scenario): Record<string, unknown> {
  return {
    compromised: scenario.compromised,
    excludedContracts: scenario.excludedContracts,
    excludedOrganisations: scenario.excludedOrganisations,
    maxDepth: scenario.maxDepth === null ? null : neo4j.int(scenario.maxDepth),
    asOf: scenario.asOfDay,
    enforceRetention: scenario.enforceRetention,
    confirmedOnly: scenario.confirmedOnly,
  };
}

/** A contract as one level of the search returns it (contracts-into.cypher, contracts-listed.cypher). */
type ReachedRow = Omit<CountedContract, "source" | "confidence"> & { confidence: string | null };

/** Refuses a scenario that names an organisation or contract the graph does not hold. */
async function checkIdsExist(tx: ManagedTransaction, scenario: Scenario): Promise<void> {
  const [first] = await rows(tx, "blast-radius/unknown-ids", {
    organisations: [...scenario.compromised, ...scenario.excludedOrganisations],
    contracts: scenario.excludedContracts,
  });
  if (first) throw unknownId(scenario, first.what as "organisation" | "contract", first.id as string);
}

/** Step 2, level by level: every contract that reaches the compromised set, least ℓ first. */
async function search(tx: ManagedTransaction, scenario: Scenario, params: Record<string, unknown>) {
  const reached = new Map<string, ReachedRow & { level: number }>();
  const opened = new Set<string>();
  const maxLevel = scenario.maxDepth ?? Number.MAX_SAFE_INTEGER;
  let into = scenario.compromised.filter((id) => !scenario.excludedOrganisations.includes(id));
  let listed: string[] = [];
  for (let level = 1; level <= maxLevel && (into.length > 0 || listed.length > 0); level++) {
    for (const id of into) opened.add(id);
    const found = [
      ...(into.length > 0
        ? await rows<ReachedRow>(tx, "blast-radius/contracts-into", { ...params, into })
        : []),
      ...(listed.length > 0
        ? await rows<ReachedRow>(tx, "blast-radius/contracts-listed", { ...params, ids: listed })
        : []),
    ];
    const nextInto = new Set<string>();
    const nextListed = new Set<string>();
    for (const row of found) {
      if (reached.has(row.id)) continue;
      reached.set(row.id, { ...row, level });
      // An unscoped sub-contract carries every contract into its consignor; a scoped one, its list.
      if (row.carries === null || row.carries.length === 0) {
        if (!opened.has(row.consignor)) nextInto.add(row.consignor);
      } else for (const id of row.carries) if (!reached.has(id)) nextListed.add(id);
    }
    into = [...nextInto];
    listed = [...nextListed].filter((id) => !reached.has(id));
  }
  return reached;
}

/** The reached contracts as a table for contractReach.ts, in the order they were reached. */
function tableOf(reached: Map<string, ReachedRow & { level: number }>, compromised: string[]) {
  const orgIds: string[] = [...compromised];
  const orgIndex = new Map(orgIds.map((id, i) => [id, i]));
  const org = (id: string) => {
    let i = orgIndex.get(id);
    if (i === undefined) {
      i = orgIds.length;
      orgIds.push(id);
      orgIndex.set(id, i);
    }
    return i;
  };
  const contracts = [...reached.values()];
  const m = contracts.length;
  const contractIndex = new Map(contracts.map((c, e) => [c.id, e]));
  const from = Int32Array.from(contracts, (c) => org(c.consignor));
  const to = Int32Array.from(contracts, (c) => org(c.contractor));
  const [outStart, outEdges] = adjacency(orgIds.length, from);
  // A listed contract that was not reached cannot be on a chain: it is left out of the lists.
  const scoped = new Map<number, string[]>();
  contracts.forEach((c, e) => {
    if (c.carries && c.carries.length > 0) scoped.set(e, c.carries);
  });
  const [carriesStart, carriesList] = carriesLists(m, scoped, (id) => contractIndex.get(id));
  const contractIds = contracts.map((c) => c.id);
  const table: ListedContracts = {
    orgIds,
    contractIds,
    contractIdAt: (e) => contractIds[e] as string,
    from,
    to,
    records: Float64Array.from(contracts, (c) => c.records ?? Number.NaN),
    subjects: Float64Array.from(contracts, (c) => c.subjects ?? Number.NaN),
    possible: Uint8Array.from(contracts, (c) => (c.confidence === "possible" ? 1 : 0)),
    outStart,
    outEdges,
    carriesStart,
    carriesList,
  };
  const reach: Reach = {
    level: Int32Array.from(contracts, (c) => c.level),
    queue: Int32Array.from({ length: m }, (_, e) => e),
    count: m,
  };
  return { table, reach, orgIndex };
}

/** The search and the arithmetic, up to the summary both answers are made from. */
export async function summaryOf(tx: ManagedTransaction, scenario: Scenario, limit: number | undefined) {
  await checkIdsExist(tx, scenario);
  const params = scenarioParams(scenario);
  const reachedRows = await search(tx, scenario, params);
  const { table, reach, orgIndex } = tableOf(reachedRows, scenario.compromised);
  const compromised = new Set(scenario.compromised.map((id) => orgIndex.get(id)));
  const summary = summarise(table, reach, (v) => compromised.has(v), limit);
  return { params, reachedRows, table, reach, orgIndex, summary, compromised };
}

/**
 * The confirmed part of a search (engine/confirmedPart.ts) from the contracts it reached, as the
 * in-memory copy does; only the answers that state it ask for it (breach facts do not).
 */
export function confirmedOf(
  search: Pick<Awaited<ReturnType<typeof summaryOf>>, "table" | "reach" | "orgIndex" | "compromised">,
  scenario: Scenario,
) {
  const sources = scenario.compromised
    .filter((id) => !scenario.excludedOrganisations.includes(id))
    .map((id) => search.orgIndex.get(id) as number);
  const maxLevel = scenario.maxDepth ?? Number.MAX_SAFE_INTEGER;
  return confirmedPart(search.table, search.reach, sources, maxLevel, (v) => search.compromised.has(v));
}
