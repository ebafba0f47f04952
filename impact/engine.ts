import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { cypher } from "../db/cypherFiles.ts";
import {
  type AffectedOrganisation,
  asOfDay,
  type BlastRadius,
  type ContractFacts,
  compareAffected,
  type ReportedExposure,
  type Scenario,
  ScenarioError,
  sumTotals,
} from "../domain/index.ts";

export interface ImpactOptions {
  /** Cut `affected` to this many rows (totals stay exact). */
  limit?: number;
  timeoutMs?: number;
}

interface CountedContractRow extends ContractFacts {
  dataCategories: string[] | null;
  source: string | null;
}

/** Cuts the affected list (and the contracts of the organisations left out) to `limit`; totals stay exact. */
export function truncateBlastRadius(result: BlastRadius, limit: number): BlastRadius {
  if (result.affected.length <= limit) return result;
  const affected = result.affected.slice(0, limit);
  const shown = new Set(affected.map((a) => a.id));
  return {
    ...result,
    affected,
    contracts: result.contracts.filter((c) => shown.has(c.consignor)),
    truncated: { shown: limit, total: result.affected.length },
  };
}

/** The parameters every impact query takes, from a scenario. */
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
 * One shortest chain per affected organisation, from the depths alone: each step goes to the
 * contractor (smallest id among equals) one level nearer the compromised set, along a counted
 * contract. Such a contractor always exists, since that is how the depth was reached.
 */
export function shortestPaths(depthOf: Map<string, number>, counted: ContractFacts[]): Map<string, string[]> {
  const next = new Map<string, string>();
  for (const contract of counted) {
    const from = depthOf.get(contract.consignor);
    const to = depthOf.get(contract.contractor);
    if (from === undefined || to === undefined || to !== from - 1) continue;
    const current = next.get(contract.consignor);
    if (current === undefined || contract.contractor < current)
      next.set(contract.consignor, contract.contractor);
  }
  const paths = new Map<string, string[]>();
  for (const [id, depth] of depthOf) {
    if (depth === 0) continue;
    const path = [id];
    let at = id;
    while ((depthOf.get(at) ?? 0) > 0) {
      at = next.get(at) as string;
      path.push(at);
    }
    paths.set(id, path);
  }
  return paths;
}

/** Refuses a scenario that names an organisation or contract the graph does not hold. */
async function checkIdsExist(tx: ManagedTransaction, scenario: Scenario): Promise<void> {
  const unknown = await rows(tx, "impact/unknown-ids", {
    organisations: [...scenario.compromised, ...scenario.excludedOrganisations],
    contracts: scenario.excludedContracts,
  });
  const first = unknown[0];
  if (!first) return;
  const id = first.id as string;
  if (first.what === "contract")
    throw new ScenarioError("exclude-contract", `exclude-contract: no contract "${id}"`);
  const parameter = scenario.compromised.includes(id) ? "vendor" : "exclude-org";
  throw new ScenarioError(parameter, `${parameter}: no organisation "${id}"`);
}

/**
 * The blast radius of a scenario, exactly as DOMAIN.md defines it: reachability and depth in
 * Neo4j (one breadth-first search per compromised organisation), the arithmetic here.
 */
export async function blastRadius(
  driver: Driver,
  scenario: Scenario,
  options: ImpactOptions = {},
): Promise<BlastRadius> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(
      async (tx) => {
        await checkIdsExist(tx, scenario);
        const params = scenarioParams(scenario);
        const reached = nearest(await rows(tx, "impact/reach", params));
        const depthOf = new Map<string, number>();
        for (const id of scenario.compromised) {
          if (!scenario.excludedOrganisations.includes(id)) depthOf.set(id, 0);
        }
        for (const row of reached) depthOf.set(row.id as string, row.depth as number);
        const counted = (await rows(tx, "impact/counted-contracts", {
          ...params,
          affected: reached.map((row) => row.id),
          depthOf: Object.fromEntries(depthOf),
        })) as unknown as CountedContractRow[];
        const paths = shortestPaths(depthOf, counted);
        const reported = (await rows(tx, "impact/reported", params)) as unknown as ReportedExposure[];
        const compromised = (await rows(tx, "impact/organisations", {
          ids: scenario.compromised,
        })) as BlastRadius["compromised"];

        const affected = new Map<string, AffectedOrganisation>();
        for (const row of reached) {
          affected.set(row.id as string, {
            id: row.id as string,
            name: row.name as string,
            nameEn: (row.nameEn as string | null) ?? null,
            kind: (row.kind as string | null) ?? null,
            region: (row.region as string | null) ?? null,
            depth: row.depth as number,
            records: 0,
            subjects: 0,
            undisclosed: 0,
            path: paths.get(row.id as string) ?? [],
            dataCategories: [],
            reported: [],
          });
        }
        for (const contract of counted) {
          const org = affected.get(contract.consignor);
          if (!org) continue;
          if (contract.records === null) org.undisclosed += 1;
          else org.records += contract.records;
          org.subjects += contract.subjects ?? 0;
          for (const category of contract.dataCategories ?? []) {
            if (!org.dataCategories.includes(category)) org.dataCategories.push(category);
          }
        }
        const unmodelled: ReportedExposure[] = [];
        for (const exposure of reported) {
          const org = affected.get(exposure.organisation);
          if (org) org.reported.push(exposure);
          else unmodelled.push(exposure);
        }
        const list = [...affected.values()].sort(compareAffected);
        const result: BlastRadius = {
          scenario,
          compromised: scenario.compromised.map(
            (id) => compromised.find((c) => c.id === id) as BlastRadius["compromised"][0],
          ),
          affected: list,
          contracts: counted.map(({ id, consignor, contractor, records, subjects, source }) => ({
            id,
            consignor,
            contractor,
            records,
            subjects,
            source,
          })),
          unmodelled,
          totals: sumTotals(list, counted),
        };
        return options.limit === undefined ? result : truncateBlastRadius(result, options.limit);
      },
      { timeout: options.timeoutMs ?? 60_000 },
    );
  } finally {
    await session.close();
  }
}
