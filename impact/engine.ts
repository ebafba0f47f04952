import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { cypher } from "../db/cypherFiles.ts";
import {
  type AffectedOrganisation,
  asOfDay,
  type BlastRadius,
  type BlastRadiusTotals,
  type CountedContract,
  compareAffected,
  type ReportedExposure,
  type Scenario,
  ScenarioError,
} from "../domain/index.ts";

/** An engine: the Cypher one, or the API's in-memory copy of the graph. */
export type ImpactEngine = (scenario: Scenario, options?: ImpactOptions) => Promise<BlastRadius>;

export interface ImpactOptions {
  /** List at most this many affected organisations (and their contracts); totals stay exact. */
  limit?: number;
  timeoutMs?: number;
}

interface Figures {
  id: string;
  contracts: number;
  records: number;
  subjects: number;
  undisclosed: number;
  undisclosedSubjects: number;
  next: string | null;
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

/** Refuses a scenario that names an organisation or contract the graph does not hold. */
async function checkIdsExist(tx: ManagedTransaction, scenario: Scenario): Promise<void> {
  const unknown = await rows(tx, "impact/unknown-ids", {
    organisations: [...scenario.compromised, ...scenario.excludedOrganisations],
    contracts: scenario.excludedContracts,
  });
  const first = unknown[0];
  if (first) throw unknownId(scenario, first.what as "organisation" | "contract", first.id as string);
}

/** The refusal of a scenario that names an id the graph does not hold; both engines use it. */
export function unknownId(scenario: Scenario, what: "organisation" | "contract", id: string): ScenarioError {
  if (what === "contract")
    return new ScenarioError("exclude-contract", `exclude-contract: no contract "${id}"`);
  const parameter = scenario.compromised.includes(id) ? "vendor" : "exclude-org";
  return new ScenarioError(parameter, `${parameter}: no organisation "${id}"`);
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

/** Follows each organisation's `next` contractor (one tier nearer) down to the compromised set. */
function chain(id: string, next: Map<string, string | null>): string[] {
  const path = [id];
  for (let at = next.get(id); at !== undefined && at !== null; at = next.get(at)) path.push(at);
  return path;
}

/**
 * DOMAIN.md step 7: each exposure goes beside the listed organisation it concerns; an exposure of
 * an organisation the model does not find affected is returned as unmodelled.
 */
export function attachReported(
  listed: AffectedOrganisation[],
  isAffected: (id: string) => boolean,
  exposures: ReportedExposure[],
): ReportedExposure[] {
  const byId = new Map(listed.map((a) => [a.id, a]));
  const unmodelled: ReportedExposure[] = [];
  for (const exposure of exposures) {
    if (!isAffected(exposure.organisation)) unmodelled.push(exposure);
    else byId.get(exposure.organisation)?.reported.push(exposure);
  }
  return unmodelled;
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

/**
 * The blast radius of a scenario, exactly as DOMAIN.md defines it. In Neo4j: depth by one
 * pruning breadth-first expand per compromised organisation, then every affected
 * organisation's counted contracts added up, then the contract rows of the organisations
 * listed. Here: sorting, chains, totals.
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
        const depthOf: Record<string, number> = {};
        for (const id of scenario.compromised)
          if (!scenario.excludedOrganisations.includes(id)) depthOf[id] = 0;
        for (const row of reached) depthOf[row.id as string] = row.depth as number;
        const affectedIds = reached.map((row) => row.id as string);
        const figures = new Map<string, Figures>();
        for (const row of await rows(tx, "impact/organisation-figures", {
          ...params,
          affected: affectedIds,
          depthOf,
        })) {
          figures.set(row.id as string, row as unknown as Figures);
        }
        const next = new Map<string, string | null>([...figures.values()].map((f) => [f.id, f.next]));
        const totals: BlastRadiusTotals = {
          organisations: reached.length,
          contracts: 0,
          records: 0,
          subjects: 0,
          undisclosedContracts: 0,
          undisclosedSubjectContracts: 0,
        };
        const affected: AffectedOrganisation[] = reached.map((row) => {
          const f = figures.get(row.id as string);
          totals.contracts += f?.contracts ?? 0;
          totals.records += f?.records ?? 0;
          totals.subjects += f?.subjects ?? 0;
          totals.undisclosedContracts += f?.undisclosed ?? 0;
          totals.undisclosedSubjectContracts += f?.undisclosedSubjects ?? 0;
          return {
            id: row.id as string,
            name: row.name as string,
            nameEn: (row.nameEn as string | null) ?? null,
            kind: (row.kind as string | null) ?? null,
            region: (row.region as string | null) ?? null,
            depth: row.depth as number,
            records: f?.records ?? 0,
            subjects: f?.subjects ?? 0,
            undisclosed: f?.undisclosed ?? 0,
            path: chain(row.id as string, next),
            dataCategories: [],
            reported: [],
          };
        });
        affected.sort(compareAffected);
        const listed = options.limit === undefined ? affected : affected.slice(0, options.limit);
        const byId = new Map(listed.map((a) => [a.id, a]));
        const contracts: CountedContract[] = [];
        for (const row of await rows(tx, "impact/counted-contracts", {
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
          (await rows(tx, "impact/reported", params)) as unknown as ReportedExposure[],
        );
        const names = await rows(tx, "impact/organisations", { ids: scenario.compromised });
        return {
          scenario,
          compromised: scenario.compromised.map(
            (id) => names.find((c) => c.id === id) as BlastRadius["compromised"][0],
          ),
          affected: listed,
          contracts,
          unmodelled,
          totals,
          ...(listed.length < affected.length
            ? { truncated: { shown: listed.length, total: affected.length } }
            : {}),
        };
      },
      { timeout: options.timeoutMs ?? 60_000 },
    );
  } finally {
    await session.close();
  }
}
