import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import {
  type AffectedOrganisation,
  asOfDay,
  type BlastRadius,
  type CountedContract,
  compareAffected,
  type ReportedExposure,
  type Scenario,
  type VendorRank,
} from "../domain/index.ts";
import { cypher } from "../neo4j/queries.ts";
import {
  addFigures,
  attachReported,
  emptyTotals,
  followChain,
  type OrganisationFigures,
  truncation,
  unknownId,
} from "./assemble.ts";
import type { ImpactEngine, ImpactOptions } from "./engine.ts";
import { readGraphCopy } from "./graphRead.ts";

/** A row of organisation-figures.cypher. */
interface FiguresRow extends OrganisationFigures {
  id: string;
  next: string | null;
}

/** The parameters every blast-radius query takes, from a scenario. */
export function scenarioParams(scenario: Scenario): Record<string, unknown> {
  return {
    compromised: scenario.compromised,
    excludedContracts: scenario.excludedContracts,
    excludedOrganisations: scenario.excludedOrganisations,
    maxDepth: scenario.maxDepth === null ? null : neo4j.int(scenario.maxDepth),
    asOf: asOfDay(scenario),
    enforceRetention: scenario.enforceRetention,
  };
}

async function rows(tx: ManagedTransaction, name: string, params: Record<string, unknown>) {
  return (await tx.run(cypher(name), params)).records.map((record) => record.toObject());
}

/** Refuses a scenario that names an organisation or contract the graph does not hold. */
async function checkIdsExist(tx: ManagedTransaction, scenario: Scenario): Promise<void> {
  const unknown = await rows(tx, "blast-radius/unknown-ids", {
    organisations: [...scenario.compromised, ...scenario.excludedOrganisations],
    contracts: scenario.excludedContracts,
  });
  const first = unknown[0];
  if (first) throw unknownId(scenario, first.what as "organisation" | "contract", first.id as string);
}

/** One row per organisation, at its smallest depth (the query may give one per compromised member). */
function nearest(reached: Record<string, unknown>[]): Record<string, unknown>[] {
  const best = new Map<string, Record<string, unknown>>();
  for (const row of reached) {
    const seen = best.get(row.id as string);
    if (!seen || (row.depth as number) < (seen.depth as number)) best.set(row.id as string, row);
  }
  return [...best.values()];
}

/**
 * The Cypher engine: every answer asked of Neo4j (docs/blast-radius.md). In Neo4j: depth by one
 * pruning breadth-first expand per compromised organisation (reach.cypher), every affected
 * organisation's counted contracts added up (organisation-figures.cypher), then the contract
 * rows of the organisations listed (counted-contracts.cypher). Here: sorting, chains, totals.
 */
export class CypherEngine implements ImpactEngine {
  constructor(private readonly driver: Driver) {}

  async blastRadius(scenario: Scenario, options: ImpactOptions = {}): Promise<BlastRadius> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => answer(tx, scenario, options.limit), {
        timeout: options.timeoutMs ?? 60_000,
      });
    } finally {
      await session.close();
    }
  }

  /** Ranking reads the whole graph once and ranks every vendor at once, as the in-memory engine does. */
  async rank(top?: number): Promise<VendorRank[]> {
    const ranks = (await readGraphCopy(this.driver)).copy.rank();
    return top === undefined ? ranks : ranks.slice(0, top);
  }
}

async function answer(
  tx: ManagedTransaction,
  scenario: Scenario,
  limit: number | undefined,
): Promise<BlastRadius> {
  await checkIdsExist(tx, scenario);
  const params = scenarioParams(scenario);
  const reached = nearest(await rows(tx, "blast-radius/reach", params));
  const depthOf: Record<string, number> = {};
  for (const id of scenario.compromised) if (!scenario.excludedOrganisations.includes(id)) depthOf[id] = 0;
  for (const row of reached) depthOf[row.id as string] = row.depth as number;
  const affectedIds = reached.map((row) => row.id as string);
  const figures = new Map<string, FiguresRow>();
  for (const row of await rows(tx, "blast-radius/organisation-figures", {
    ...params,
    affected: affectedIds,
    depthOf,
  })) {
    figures.set(row.id as string, row as unknown as FiguresRow);
  }
  const totals = emptyTotals(reached.length);
  const affected: AffectedOrganisation[] = reached.map((row) => {
    const f = figures.get(row.id as string) ?? NO_FIGURES;
    addFigures(totals, f);
    return {
      id: row.id as string,
      name: row.name as string,
      nameEn: (row.nameEn as string | null) ?? null,
      kind: (row.kind as string | null) ?? null,
      region: (row.region as string | null) ?? null,
      depth: row.depth as number,
      records: f.records,
      subjects: f.subjects,
      undisclosed: f.undisclosed,
      path: followChain(row.id as string, (at) => figures.get(at)?.next),
      dataCategories: [],
      reported: [],
    };
  });
  affected.sort(compareAffected);
  const listed = limit === undefined ? affected : affected.slice(0, limit);
  const byId = new Map(listed.map((a) => [a.id, a]));
  const contracts: CountedContract[] = [];
  for (const row of await rows(tx, "blast-radius/counted-contracts", {
    ...params,
    shown: listed.map((a) => a.id),
    depthOf,
  })) {
    const org = byId.get(row.consignor as string);
    for (const category of (row.dataCategories as string[] | null) ?? []) {
      if (org && !org.dataCategories.includes(category)) org.dataCategories.push(category);
    }
    contracts.push({
      id: row.id as string,
      consignor: row.consignor as string,
      contractor: row.contractor as string,
      records: (row.records as number | null) ?? null,
      subjects: (row.subjects as number | null) ?? null,
      source: (row.source as string | null) ?? null,
    });
  }
  const isAffected = new Set(affectedIds);
  const unmodelled = attachReported(
    listed,
    (id) => isAffected.has(id),
    (await rows(tx, "blast-radius/reported", params)) as unknown as ReportedExposure[],
  );
  const names = await rows(tx, "blast-radius/organisations", { ids: scenario.compromised });
  return {
    scenario,
    compromised: scenario.compromised.map(
      (id) => names.find((c) => c.id === id) as BlastRadius["compromised"][0],
    ),
    affected: listed,
    contracts,
    unmodelled,
    totals,
    ...truncation(listed.length, affected.length),
  };
}

/** An affected organisation none of whose contracts is counted (it cannot happen, but stays honest). */
const NO_FIGURES: FiguresRow = {
  id: "",
  next: null,
  contracts: 0,
  records: 0,
  subjects: 0,
  undisclosed: 0,
  undisclosedSubjects: 0,
};
