import type { Driver, ManagedTransaction } from "neo4j-driver";
import {
  type BlastRadius,
  type BreachRadius,
  type BreachReading,
  type ContractDetail,
  type CountedContract,
  type DatasetStamp,
  type GroupedBlastRadius,
  groupAffected,
  type Incident,
  type LearnedDay,
  type OrganisationName,
  type OrganisationSummary,
  type PacketReading,
  type ReportedExposure,
  type Scenario,
  stated,
  type VendorRank,
} from "../domain/index.ts";
import { rowsOf as rows } from "../neo4j/read.ts";
import { attachReported, confirmedTotals, truncation } from "./assemble.ts";
import { breachFactsOf } from "./breachFacts.ts";
import { cypherEstimate } from "./cypherEstimate.ts";
import { confirmedOf, summaryOf } from "./cypherSearch.ts";
import type { ImpactEngine, ImpactOptions, Stamped } from "./engine.ts";
import { readGraphCopy } from "./graphRead.ts";
import { readOneLoad } from "./oneLoad.ts";

export { scenarioParams } from "./cypherSearch.ts";

/** How the answer names the compromised organisations, from the organisations read. */
function compromisedNames(scenario: Scenario, names: Map<string, OrganisationSummary>): OrganisationName[] {
  return scenario.compromised.map((id) => {
    const { name, nameEn, kind } = names.get(id) as OrganisationSummary;
    return { id, name, nameEn: nameEn ?? null, kind: kind ?? null };
  });
}

/**
 * The Cypher engine: every answer asked of Neo4j (docs/blast-radius.md). The search over
 * contracts runs level by level, one fixed query per level inside one read transaction: the
 * contracts into the compromised organisations, then the contracts that each reached
 * sub-contract carries (all contracts into its consignor, or those it lists). The reached
 * contracts then go through the same arithmetic as the in-memory engine's (contractReach.ts).
 * Neo4j's reads are read-committed, so each answer is read from one load by oneLoad.ts (the
 * dataset key before and after; read again when a load swapped in between).
 */
export class CypherEngine implements ImpactEngine {
  constructor(private readonly driver: Driver) {}

  async blastRadius(scenario: Scenario, options: ImpactOptions = {}): Promise<BlastRadius> {
    const { radius, dataset } = await this.fromOneLoad(
      async (tx) => ({ radius: (await answer(tx, scenario, options.limit)).radius }),
      options.timeoutMs,
    );
    return { dataset, ...radius };
  }

  grouped(scenario: Scenario, members: number, timeoutMs?: number): Promise<GroupedBlastRadius> {
    return this.fromOneLoad((tx) => groupedAnswer(tx, scenario, members), timeoutMs);
  }

  /** The radius's facts and the incidents, in the one transaction that read the radius. */
  async breachFacts(scenario: Scenario, timeoutMs?: number): Promise<BreachReading> {
    const { facts, incidents, learned, dataset } = await this.fromOneLoad(
      async (tx) => ({ facts: await factsAnswer(tx, scenario), ...(await incidentsOf(tx, scenario)) }),
      timeoutMs,
    );
    return { dataset, radius: facts, incidents, learned };
  }

  /** The whole radius, the incidents and the counted contracts' details, in one transaction. */
  async packetFacts(scenario: Scenario, timeoutMs?: number): Promise<PacketReading> {
    const { radius, facts, details, incidents, learned, dataset } = await this.fromOneLoad(async (tx) => {
      // The whole answer lists every organisation: its reads serve the facts too.
      const whole = await answer(tx, scenario, undefined);
      const facts = factsOf(whole.search, whole.names, whole.details, scenario);
      return { radius: whole.radius, details: whole.details, facts, ...(await incidentsOf(tx, scenario)) };
    }, timeoutMs);
    const contracts = new Map<string, ContractDetail>();
    for (const c of radius.contracts) {
      const detail = details.get(c.id);
      contracts.set(c.id, { service: detail?.service ?? null, dataCategories: detail?.dataCategories ?? [] });
    }
    return { radius: { dataset, ...radius }, facts, incidents, learned, contracts };
  }

  /** An answer read from one load, stamped with it. */
  private async fromOneLoad<T>(
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs = 60_000,
  ): Promise<T & { dataset: DatasetStamp }> {
    const { value, live } = await readOneLoad(this.driver, work, timeoutMs);
    return { dataset: live.stamp, ...value };
  }

  async rank(top?: number, confirmedOnly = false): Promise<VendorRank[]> {
    return (await this.stampedRank(top, confirmedOnly)).answer;
  }

  /** Ranking reads the whole graph once and ranks every vendor at once, as the in-memory engine does. */
  async stampedRank(top?: number, confirmedOnly = false): Promise<Stamped<VendorRank[]>> {
    const { copy, stamp } = await readGraphCopy(this.driver);
    return { answer: copy.rank(top, confirmedOnly), dataset: stamp };
  }
}

/** The incidents that hit the compromised organisations, and the days organisations learned of them. */
async function incidentsOf(tx: ManagedTransaction, scenario: Scenario) {
  const params = { compromised: scenario.compromised };
  return {
    incidents: await rows<Incident>(tx, "blast-radius/incidents", params),
    learned: await rows<LearnedDay>(tx, "blast-radius/learned", params),
  };
}

/** What an answer reads of the counted contracts it lists, beyond their ends and counts. */
interface ContractRow {
  id: string;
  dataCategories: string[] | null;
  source: string | null;
  service: string | null;
}

type Search = Awaited<ReturnType<typeof summaryOf>>;

/** The compromised organisations and these, by id. */
async function namesOf(tx: ManagedTransaction, scenario: Scenario, ids: string[]) {
  const found = await rows<OrganisationSummary>(tx, "blast-radius/organisations", {
    ids: [...scenario.compromised, ...ids],
  });
  return new Map(found.map((o) => [o.id, o]));
}

/** The details of these contracts, by id. */
async function detailsOf(tx: ManagedTransaction, ids: string[]) {
  const found = await rows<ContractRow>(tx, "blast-radius/contract-details", { ids });
  return new Map(found.map((d) => [d.id, d]));
}

/**
 * Breach response's facts from a search and what was read beside it (engine/breachFacts.ts, as
 * the in-memory copy does): `names` must hold every affected organisation, `details` every
 * counted contract.
 */
function factsOf(
  { table, reach, orgIndex, compromised }: Search,
  names: Map<string, OrganisationSummary>,
  details: Map<string, ContractRow>,
  scenario: Scenario,
): BreachRadius {
  return breachFactsOf(
    {
      table,
      organisation: (v) => names.get(table.orgIds[v] as string) as OrganisationSummary,
      categoryList: (e) => e,
      categoryLists: table.contractIds.map((id) => details.get(id)?.dataCategories ?? []),
    },
    reach,
    (v) => compromised.has(v),
    scenario.compromised.map((id) => orgIndex.get(id) as number),
    stated(scenario),
  );
}

/**
 * The facts alone: no organisation is spelled out (no chains, no counted contracts as objects, no
 * reported exposures); names for every affected organisation, details for every counted contract.
 */
async function factsAnswer(tx: ManagedTransaction, scenario: Scenario): Promise<BreachRadius> {
  const search = await summaryOf(tx, scenario, 0);
  const { table, summary, compromised } = search;
  const names = await namesOf(
    tx,
    scenario,
    summary.affected.order.map((v) => table.orgIds[v] as string),
  );
  const counted = table.contractIds.filter((_, e) => !compromised.has(table.from[e] as number));
  return factsOf(search, names, await detailsOf(tx, counted), scenario);
}

async function groupedAnswer(
  tx: ManagedTransaction,
  scenario: Scenario,
  members: number,
): Promise<Omit<GroupedBlastRadius, "dataset">> {
  const search = await summaryOf(tx, scenario, 0);
  const { table, summary, params } = search;
  const part = confirmedOf(search, scenario);
  const { order, depth, records, undisclosed } = summary.affected;
  const names = await namesOf(
    tx,
    scenario,
    order.map((v) => table.orgIds[v] as string),
  );
  const figures = order.map((v) => ({
    ...(names.get(table.orgIds[v] as string) as OrganisationSummary),
    depth: depth[v] as number,
    records: records[v] as number,
    undisclosed: undisclosed[v] as number,
  }));
  return {
    scenario: stated(scenario),
    compromised: compromisedNames(scenario, names),
    totals: { ...summary.totals, estimate: await cypherEstimate(tx, params, search, summary.totals) },
    confirmed: confirmedTotals(summary.totals, part),
    tiers: groupAffected(figures, members),
  };
}

/**
 * The blast radius (its first `limit` organisations spelled out), with what was read beside it:
 * the search, the organisations' names and the counted contracts' details (packets show their
 * service, and a whole answer's facts come from the same reads).
 */
async function answer(
  tx: ManagedTransaction,
  scenario: Scenario,
  limit: number | undefined,
): Promise<{
  radius: Omit<BlastRadius, "dataset">;
  search: Search;
  names: Map<string, OrganisationSummary>;
  details: Map<string, ContractRow>;
}> {
  const search = await summaryOf(tx, scenario, limit);
  const { params, reachedRows, table, orgIndex, summary } = search;
  const part = confirmedOf(search, scenario);
  const names = await namesOf(
    tx,
    scenario,
    summary.listed.map((a) => table.orgIds[a.org] as string),
  );
  const details = await detailsOf(
    tx,
    summary.listed.flatMap((a) => a.counted.map((e) => table.contractIds[e] as string)),
  );
  const contracts: CountedContract[] = [];
  const affected = summary.listed.map((reached) => {
    const id = table.orgIds[reached.org] as string;
    const { name, nameEn, kind, region } = names.get(id) as OrganisationSummary;
    const dataCategories: string[] = [];
    for (const e of reached.counted) {
      const contractId = table.contractIds[e] as string;
      const detail = details.get(contractId);
      for (const category of detail?.dataCategories ?? []) {
        if (!dataCategories.includes(category)) dataCategories.push(category);
      }
      const r = table.records[e] as number;
      const s = table.subjects[e] as number;
      contracts.push({
        id: contractId,
        consignor: id,
        contractor: table.orgIds[table.to[e] as number] as string,
        records: Number.isNaN(r) ? null : r,
        subjects: Number.isNaN(s) ? null : s,
        carries: reachedRows.get(contractId)?.carries ?? null,
        source: detail?.source ?? null,
        confidence: table.possible[e] === 1 ? ("possible" as const) : ("confirmed" as const),
      });
    }
    return {
      id,
      name,
      nameEn: nameEn ?? null,
      kind: kind ?? null,
      region: region ?? null,
      depth: reached.depth,
      records: reached.records,
      subjects: reached.subjects,
      undisclosed: reached.undisclosed,
      path: reached.path.map((v) => table.orgIds[v] as string),
      chain: reached.chain.map((e) => table.contractIds[e] as string),
      dataCategories,
      reported: [] as ReportedExposure[],
      confirmed: part === null || part.isAffected(reached.org),
    };
  });
  const unmodelled = attachReported(
    affected,
    (id) => orgIndex.has(id) && summary.isAffected(orgIndex.get(id) as number),
    await rows<ReportedExposure>(tx, "blast-radius/reported", params),
  );
  const radius = {
    scenario: stated(scenario),
    compromised: compromisedNames(scenario, names),
    affected,
    contracts,
    unmodelled,
    totals: { ...summary.totals, estimate: await cypherEstimate(tx, params, search, summary.totals) },
    confirmed: confirmedTotals(summary.totals, part),
    ...truncation(affected.length, summary.totals.organisations),
  };
  return { radius, search, names, details };
}
