import type { DatasetStamp } from "./dataset.ts";
import type { UndisclosedEstimate } from "./estimate.ts";
import { byCodeUnits } from "./ids.ts";
import type { OrganisationName, OrganisationSummary } from "./organisation.ts";
import type { Confidence } from "./register.ts";
import type { StatedScenario } from "./scenario.ts";

/**
 * The answer to "who is affected if these organisations are compromised": the types every part
 * of Keiro shares (engines, API, reports, web), and the pure helpers that shape the answer.
 * The arithmetic is docs/blast-radius.md's.
 */

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

export interface AffectedOrganisation extends OrganisationSummary {
  /** Contracts on the shortest chain to a compromised organisation. */
  depth: number;
  /** Sum of the known records of its counted contracts (0 when none is known). */
  records: number;
  subjects: number;
  /** Counted contracts whose records are undisclosed: `records` is then a lower bound. */
  undisclosed: number;
  /** Ids from this organisation to the compromised one, along one shortest chain. */
  path: string[];
  /** The contract ids along that chain: path[i] → path[i + 1] is chain[i], each carrying the one before. */
  chain: string[];
  dataCategories: string[];
  reported: ReportedExposure[];
  /**
   * Whether it is affected in the answer's confirmed part too (the same scenario without the
   * `possible` contracts); false: only through contracts nobody has confirmed.
   */
  confirmed: boolean;
}

export interface CountedContract {
  id: string;
  consignor: string;
  contractor: string;
  records: number | null;
  subjects: number | null;
  /** Whose data it passes on: these contracts into its consignor; null: all of it. */
  carries: string[] | null;
  source: string | null;
  confidence: Confidence;
}

export interface BlastRadiusTotals {
  organisations: number;
  contracts: number;
  records: number;
  subjects: number;
  undisclosedContracts: number;
  /** Counted contracts whose persons are undisclosed: `subjects` is then a lower bound. */
  undisclosedSubjectContracts: number;
  /**
   * What the undisclosed counts probably hold (domain/estimate.ts): a labelled estimate beside
   * the lower bounds above, never in their place; null when there are no peers to draw from.
   * Only a whole answer's totals carry it.
   */
  estimate?: UndisclosedEstimate | null;
}

/** The totals of an answer's confirmed part: the same scenario with every `possible` contract left out. */
export type ConfirmedTotals = Omit<BlastRadiusTotals, "estimate">;

export interface BlastRadius {
  /** The load of the dataset this answer was computed on (the engine reads it in the same transaction). */
  dataset: DatasetStamp;
  scenario: StatedScenario;
  compromised: OrganisationName[];
  affected: AffectedOrganisation[];
  /** The counted contracts: the edges of the blast radius. */
  contracts: CountedContract[];
  /** Reported exposures whose organisation the model does not find affected: gaps in the data. */
  unmodelled: ReportedExposure[];
  totals: BlastRadiusTotals;
  /** The totals of the confirmed part: equal to `totals` (without the estimate) when nothing possible is counted. */
  confirmed: ConfirmedTotals;
  /** Set when `affected` (and with it `contracts`) was cut to a limit; totals are always exact. */
  truncated?: { shown: number; total: number };
}

/** How every list of affected organisations is ordered: nearest first, then most records, then id. */
export function compareAffected(
  a: Pick<AffectedOrganisation, "id" | "depth" | "records">,
  b: Pick<AffectedOrganisation, "id" | "depth" | "records">,
): number {
  return a.depth - b.depth || b.records - a.records || byCodeUnits(a.id, b.id);
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

export interface BreakdownRow {
  key: string;
  organisations: number;
  records: number;
  /** Undisclosed contracts behind `records`: a lower bound when > 0. */
  undisclosed: number;
}

/**
 * Per consignor, how many of its counted contracts give no count of persons: its persons are then
 * a lower bound (and "undisclosed" when it knows none), never a zero.
 */
export function undisclosedPersons(contracts: Iterable<CountedContract>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of contracts)
    if (c.subjects === null) counts.set(c.consignor, (counts.get(c.consignor) ?? 0) + 1);
  return counts;
}

/** What a breakdown adds up: an affected organisation, or a group of them (`organisations` of them). */
export type BreakdownItem = Pick<AffectedOrganisation, "kind" | "region" | "records" | "undisclosed"> & {
  organisations?: number;
};

/**
 * Affected organisations and their records by kind or region, largest first: from every affected
 * organisation, or from the groups of a grouped answer (a radius whose list is cut).
 */
export function breakdown(
  affected: Iterable<BreakdownItem>,
  by: "kind" | "region",
  unknown = "(unknown)",
): BreakdownRow[] {
  const groups = new Map<string, BreakdownRow>();
  for (const org of affected) {
    const key = org[by] ?? unknown;
    const group = groups.get(key) ?? { key, organisations: 0, records: 0, undisclosed: 0 };
    group.organisations += org.organisations ?? 1;
    group.records += org.records;
    group.undisclosed += org.undisclosed;
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) => b.records - a.records || b.organisations - a.organisations || byCodeUnits(a.key, b.key),
  );
}
