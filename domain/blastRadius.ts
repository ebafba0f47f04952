import type { Scenario } from "./scenario.ts";

/** A contract as the blast-radius arithmetic sees it. */
export interface ContractFacts {
  id: string;
  consignor: string;
  contractor: string;
  records: number | null;
  subjects: number | null;
  sinceStart: string | null;
  deleteByEnd: string | null;
}

/** What an affected organisation itself reported about an incident that hit a compromised one. */
export interface ReportedExposure {
  incident: string;
  organisation: string;
  records: number | null;
  subjects: number | null;
  grossRecords: number | null;
  status: string | null;
  reportedOn: string | null;
  source: string | null;
}

export interface AffectedOrganisation {
  id: string;
  name: string;
  nameEn: string | null;
  kind: string | null;
  region: string | null;
  /** Contracts on the shortest chain to a compromised organisation. */
  depth: number;
  /** Sum of the known records of its counted contracts (0 when none is known). */
  records: number;
  subjects: number;
  /** Counted contracts whose records are undisclosed: `records` is then a lower bound. */
  undisclosed: number;
  /** Ids from this organisation to the compromised one, along one shortest chain. */
  path: string[];
  dataCategories: string[];
  reported: ReportedExposure[];
}

export interface CountedContract {
  id: string;
  consignor: string;
  contractor: string;
  records: number | null;
  subjects: number | null;
  source: string | null;
}

export interface BlastRadiusTotals {
  organisations: number;
  contracts: number;
  records: number;
  subjects: number;
  undisclosedContracts: number;
  /** Counted contracts whose persons are undisclosed: `subjects` is then a lower bound. */
  undisclosedSubjectContracts: number;
}

export interface BlastRadius {
  scenario: Scenario;
  compromised: { id: string; name: string; nameEn: string | null; kind: string | null }[];
  affected: AffectedOrganisation[];
  /** The counted contracts: the edges of the blast radius. */
  contracts: CountedContract[];
  /** Reported exposures whose organisation the model does not find affected: gaps in the data. */
  unmodelled: ReportedExposure[];
  totals: BlastRadiusTotals;
  /** Set when `affected` (and with it `contracts`) was cut to a limit; totals are always exact. */
  truncated?: { shown: number; total: number };
}

/** Whether a contract takes part in a scenario (DOMAIN.md, "Active contracts"). */
export function isActive(contract: ContractFacts, scenario: Scenario, asOf: string | null): boolean {
  if (scenario.excludedContracts.includes(contract.id)) return false;
  if (scenario.excludedOrganisations.includes(contract.consignor)) return false;
  if (scenario.excludedOrganisations.includes(contract.contractor)) return false;
  if (asOf !== null && contract.sinceStart !== null && contract.sinceStart > asOf) return false;
  if (
    scenario.enforceRetention &&
    asOf !== null &&
    contract.deleteByEnd !== null &&
    contract.deleteByEnd < asOf
  ) {
    return false;
  }
  return true;
}

/** Affected organisations first nearest, then by records exposed, then by id. */
export function compareAffected(a: AffectedOrganisation, b: AffectedOrganisation): number {
  return a.depth - b.depth || b.records - a.records || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sumTotals(affected: AffectedOrganisation[], counted: ContractFacts[]): BlastRadiusTotals {
  let records = 0;
  let subjects = 0;
  let undisclosedContracts = 0;
  let undisclosedSubjectContracts = 0;
  for (const contract of counted) {
    if (contract.records === null) undisclosedContracts += 1;
    else records += contract.records;
    if (contract.subjects === null) undisclosedSubjectContracts += 1;
    else subjects += contract.subjects;
  }
  return {
    organisations: affected.length,
    contracts: counted.length,
    records,
    subjects,
    undisclosedContracts,
    undisclosedSubjectContracts,
  };
}

export interface BreakdownRow {
  key: string;
  organisations: number;
  records: number;
  /** Undisclosed contracts behind `records`: a lower bound when > 0. */
  undisclosed: number;
}

/** Affected organisations and their records by kind or region, largest first. */
export function breakdown(
  affected: AffectedOrganisation[],
  by: "kind" | "region",
  unknown = "(unknown)",
): BreakdownRow[] {
  const groups = new Map<string, BreakdownRow>();
  for (const org of affected) {
    const key = org[by] ?? unknown;
    const group = groups.get(key) ?? { key, organisations: 0, records: 0, undisclosed: 0 };
    group.organisations += 1;
    group.records += org.records;
    group.undisclosed += org.undisclosed;
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) => b.records - a.records || b.organisations - a.organisations || a.key.localeCompare(b.key),
  );
}
