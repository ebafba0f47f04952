import type { DatasetStamp } from "./dataset.ts";
import { parsePartialDate } from "./dates.ts";
import { byCodeUnits } from "./ids.ts";
import { KNOWN_KINDS, type OrganisationName } from "./organisation.ts";

/**
 * What the data lacks (docs/data-quality.md): for the loaded dataset, how complete the contracts
 * are per kind of consignor, and the rows an analyst should ask about — deletion deadlines passed
 * with nothing saying the contract ended, sub-contracts assumed to pass on everything,
 * organisations with no contract, kinds Keiro does not know, dates after today, and undisclosed
 * counts ranked by how many contracts reach the vendor through them. Types and arithmetic only.
 */

/** The version of the quality report's JSON shape. */
export const QUALITY_FORMAT = 1;

/** The contract fields whose presence is counted per kind of consignor, with their outsourcing.csv column. */
export const COMPLETENESS_COLUMNS = {
  records: "records",
  subjects: "subjects",
  dataCategories: "data_categories",
  since: "since",
  until: "until",
  deleteBy: "delete_by",
  source: "source",
} as const;
export type CompletenessField = keyof typeof COMPLETENESS_COLUMNS;
export const COMPLETENESS_FIELDS = Object.keys(COMPLETENESS_COLUMNS) as CompletenessField[];

/** The contracts whose consignor is of one kind: how many, and how many have each field. */
export interface KindCompleteness {
  /** The consignor's kind as stored; null when it has none (and in the row of all kinds). */
  kind: string | null;
  contracts: number;
  filled: Record<CompletenessField, number>;
  /** Contracts marked `confidence` = possible (an absent confidence is confirmed). */
  possible: number;
}

/** One item's rows: where they come from, how many match out of how many, and the rows listed. */
export interface QualityList<Row> {
  file: string;
  columns: string[];
  /** Rows that match (all of them, even when `rows` is cut). */
  total: number;
  /** The denominator `total` is a share of (docs/data-quality.md says which, per item). */
  of: number;
  /** In the item's order; `rows.length < total` when the report's limit cut it. */
  rows: Row[];
}

export interface QualityContractRow {
  id: string;
  consignor: OrganisationName;
  contractor: OrganisationName;
}

/** A contract whose delete_by has passed and no until says it ended by then. */
export interface OverdueRow extends QualityContractRow {
  deleteBy: string;
  until: string | null;
}

/** A sub-contract without `carries`: assumed to pass on the data of every contract into its consignor. */
export interface UnscopedRow extends QualityContractRow {
  /** Contracts into its consignor, whose data it is assumed to pass on. */
  passesOn: number;
}

/** A date cell after today: the file, its column, the row's id and the value as written. */
export interface FutureDateRow {
  file: string;
  column: string;
  /** The row's id (contract, incident; for exposures.csv the incident). */
  id: string;
  /** exposures.csv only: the organisation that reported (with the incident, the row). */
  organisation: string | null;
  value: string;
}

/** A contract with no records, and how many contracts reach the vendor through it (itself included). */
export interface UndisclosedRow extends QualityContractRow {
  reach: number;
  /** The work limit stopped its count: `reach` is a lower bound. */
  reachAtLeast: boolean;
}

export interface QualityReport {
  format: number;
  dataset: DatasetStamp;
  /** The day dates are judged at (`YYYY-MM-DD`). */
  today: string;
  /** Each list holds at most this many rows; null: every row. */
  limit: number | null;
  totals: { organisations: number; contracts: number; incidents: number; exposures: number };
  completeness: { byKind: KindCompleteness[]; all: KindCompleteness };
  undisclosed: QualityList<UndisclosedRow> & {
    /** How many reach counts (of all undisclosed contracts) are lower bounds. */
    lowerBounds: number;
  };
  overdue: QualityList<OverdueRow>;
  unscopedSubcontracts: QualityList<UnscopedRow>;
  futureDates: QualityList<FutureDateRow>;
  /** Organisations whose kind is missing or not one of KNOWN_KINDS. */
  unknownKinds: QualityList<OrganisationName>;
  isolated: QualityList<OrganisationName>;
}

/** The lists of a report, by name, in the order reports show them. */
export const QUALITY_LISTS = [
  "undisclosed",
  "overdue",
  "unscopedSubcontracts",
  "futureDates",
  "unknownKinds",
  "isolated",
] as const;
export type QualityListName = (typeof QUALITY_LISTS)[number];

/** A share of a stated denominator; null when the denominator is 0 (no share to speak of). */
export const share = (count: number, of: number): number | null => (of === 0 ? null : count / of);

/**
 * The contracts' ends and `carries`: organisations 0..organisations-1, contracts 0..m-1; contract
 * e's list is carriesList[carriesStart[e] .. carriesStart[e + 1]) as contract numbers (an empty
 * range: all of its consignor's data; -1: an id the graph does not hold).
 */
export interface CarriesGraph {
  organisations: number;
  from: Int32Array;
  to: Int32Array;
  carriesStart: Int32Array;
  carriesList: Int32Array;
}

/** Which fields a contract has, as the engine reads them (cypher/quality/contracts.cypher). */
export const PRESENCE = { records: 1, subjects: 2, dataCategories: 4, source: 8, possible: 16 } as const;

/** The loaded dataset as the report reads it: one load, kept while it is live. */
export interface QualityColumns {
  organisations: OrganisationName[];
  contractIds: string[];
  graph: CarriesGraph;
  /** PRESENCE bits per contract. */
  present: Uint8Array;
  /** since, until, delete_by as written: an index into `dates`, -1 when absent. */
  since: Int32Array;
  until: Int32Array;
  deleteBy: Int32Array;
  dates: string[];
  incidents: number;
  exposures: number;
  /** Every date cell of incidents.csv and exposures.csv. */
  eventDates: FutureDateRow[];
}

/** The undisclosed contracts by number in the ranking's order, with their reach. */
export interface UndisclosedRanking {
  contracts: Int32Array;
  reach: Int32Array;
  atLeast: Uint8Array;
}

/** The date columns, in the order reports list their cells. */
const DATE_COLUMNS = ["since", "until", "delete_by", "discovered", "disclosed", "reported_on", "learned_on"];
const CONTRACT_DATES = [
  ["since", "since"],
  ["until", "until"],
  ["delete_by", "deleteBy"],
] as const;

/** The fields the engine reads as PRESENCE bits (the dates it reads as written). */
const FLAGGED = ["records", "subjects", "dataCategories", "source"] as const;

const emptyKind = (kind: string | null): KindCompleteness => ({
  kind,
  contracts: 0,
  filled: { records: 0, subjects: 0, dataCategories: 0, since: 0, until: 0, deleteBy: 0, source: 0 },
  possible: 0,
});

/** Kinds in order, none last. */
const byKind = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : byCodeUnits(a, b);

/** A list of an item: its matches sorted, the first `limit` of them made rows. */
function listOf<T, Row>(
  where: { file: string; columns: string[]; of: number; limit: number | null },
  matches: T[],
  order: (a: T, b: T) => number,
  row: (match: T) => Row,
): QualityList<Row> {
  matches.sort(order);
  const shown = where.limit === null ? matches : matches.slice(0, where.limit);
  const { file, columns, of } = where;
  return { file, columns, total: matches.length, of, rows: shown.map(row) };
}

/**
 * One pass over the contracts on a day: the completeness per kind of consignor, the deadlines
 * passed, the sub-contracts, the date cells after today (docs/data-quality.md).
 */
function scan(columns: QualityColumns, today: string) {
  const { organisations: orgs, contractIds: ids, graph, present, dates } = columns;
  const { from, to, carriesStart } = graph;
  const bounds = dates.map((text) => parsePartialDate(text));
  const lastDay = (i: number) => bounds[i]?.lastDay ?? (dates[i] as string);
  const inDegree = new Int32Array(orgs.length);
  const degree = new Int32Array(orgs.length);
  for (let e = 0; e < ids.length; e++) {
    const a = from[e] as number;
    const b = to[e] as number;
    degree[a] = (degree[a] as number) + 1;
    degree[b] = (degree[b] as number) + 1;
    inDegree[b] = (inDegree[b] as number) + 1;
  }
  const kinds = new Map<string | null, KindCompleteness>();
  const found = { overdue: [] as number[], unscoped: [] as number[], deletePassed: 0, subcontracts: 0 };
  const future = columns.eventDates.filter((d) => (parsePartialDate(d.value)?.firstDay ?? d.value) > today);
  let dateCells = columns.eventDates.length;
  for (let e = 0; e < ids.length; e++) {
    const kind = orgs[from[e] as number]?.kind ?? null;
    const row = kinds.get(kind) ?? emptyKind(kind);
    kinds.set(kind, row);
    row.contracts += 1;
    const bits = present[e] as number;
    for (const field of FLAGGED) if (bits & PRESENCE[field]) row.filled[field] += 1;
    if (bits & PRESENCE.possible) row.possible += 1;
    for (const [column, field] of CONTRACT_DATES) {
      const i = columns[field][e] as number;
      if (i < 0) continue;
      row.filled[field] += 1;
      dateCells += 1;
      const value = dates[i] as string;
      if ((bounds[i]?.firstDay ?? value) > today)
        future.push({ file: "outsourcing.csv", column, id: ids[e] as string, organisation: null, value });
    }
    const deleteBy = columns.deleteBy[e] as number;
    if (deleteBy >= 0 && lastDay(deleteBy) < today) {
      found.deletePassed += 1;
      const until = columns.until[e] as number;
      if (until < 0 || lastDay(until) > lastDay(deleteBy)) found.overdue.push(e);
    }
    if ((inDegree[from[e] as number] as number) > 0) {
      found.subcontracts += 1;
      if (carriesStart[e + 1] === carriesStart[e]) found.unscoped.push(e);
    }
  }
  return { ...found, kinds: [...kinds.values()], future, dateCells, inDegree, degree, lastDay };
}

/**
 * The quality report of a load on a day (docs/data-quality.md): every list sorted and cut to
 * `limit`, its total and denominator over everything; the undisclosed contracts as ranked.
 */
export function assessQuality(
  columns: QualityColumns,
  ranking: UndisclosedRanking,
  asked: { dataset: DatasetStamp; today: string; limit: number | null },
): QualityReport {
  const { organisations: orgs, contractIds: ids, graph, dates } = columns;
  const { today, limit } = asked;
  const found = scan(columns, today);
  const { inDegree, lastDay } = found;
  const passesOn = (e: number) => inDegree[graph.from[e] as number] as number;
  const byId = (a: number, b: number) => byCodeUnits(ids[a] as string, ids[b] as string);
  const contractRow = (e: number): QualityContractRow => ({
    id: ids[e] as string,
    consignor: orgs[graph.from[e] as number] as OrganisationName,
    contractor: orgs[graph.to[e] as number] as OrganisationName,
  });
  const kinds = found.kinds.sort((a, b) => b.contracts - a.contracts || byKind(a.kind, b.kind));
  const all = emptyKind(null);
  for (const row of kinds) {
    all.contracts += row.contracts;
    all.possible += row.possible;
    for (const field of COMPLETENESS_FIELDS) all.filled[field] += row.filled[field];
  }
  const named = orgs.map(({ id, name, nameEn, kind }) => ({ id, name, nameEn, kind }));
  const known = KNOWN_KINDS as readonly string[];
  const contractsCsv = { file: "outsourcing.csv", limit };
  const organisationsCsv = { file: "organisations.csv", of: orgs.length, limit };
  const rank = Array.from(ranking.contracts, (_, i) => i);
  return {
    format: QUALITY_FORMAT,
    dataset: asked.dataset,
    today,
    limit,
    totals: {
      organisations: orgs.length,
      contracts: ids.length,
      incidents: columns.incidents,
      exposures: columns.exposures,
    },
    completeness: { byKind: kinds, all },
    undisclosed: {
      ...listOf(
        { ...contractsCsv, columns: ["records"], of: ids.length },
        rank,
        (a, b) => a - b,
        (i) => ({
          ...contractRow(ranking.contracts[i] as number),
          reach: ranking.reach[i] as number,
          reachAtLeast: ranking.atLeast[i] === 1,
        }),
      ),
      lowerBounds: ranking.atLeast.reduce((n, bit) => n + bit, 0),
    },
    overdue: listOf(
      { ...contractsCsv, columns: ["delete_by", "until"], of: found.deletePassed },
      found.overdue,
      (a, b) =>
        byCodeUnits(lastDay(columns.deleteBy[a] as number), lastDay(columns.deleteBy[b] as number)) ||
        byId(a, b),
      (e) => {
        const until = columns.until[e] as number;
        const deleteBy = dates[columns.deleteBy[e] as number] as string;
        return { ...contractRow(e), deleteBy, until: until < 0 ? null : (dates[until] as string) };
      },
    ),
    unscopedSubcontracts: listOf(
      { ...contractsCsv, columns: ["carries"], of: found.subcontracts },
      found.unscoped,
      (a, b) => passesOn(b) - passesOn(a) || byId(a, b),
      (e) => ({ ...contractRow(e), passesOn: passesOn(e) }),
    ),
    futureDates: listOf(
      {
        file: "outsourcing.csv, incidents.csv, exposures.csv",
        columns: DATE_COLUMNS,
        of: found.dateCells,
        limit,
      },
      found.future,
      (a, b) =>
        DATE_COLUMNS.indexOf(a.column) - DATE_COLUMNS.indexOf(b.column) ||
        byCodeUnits(a.id, b.id) ||
        byCodeUnits(a.organisation ?? "", b.organisation ?? "") ||
        byCodeUnits(a.value, b.value),
      (row) => row,
    ),
    unknownKinds: listOf(
      { ...organisationsCsv, columns: ["kind"] },
      named.filter((o) => o.kind === null || !known.includes(o.kind)),
      (a, b) => byKind(a.kind, b.kind) || byCodeUnits(a.id, b.id),
      (o) => o,
    ),
    isolated: listOf(
      { ...organisationsCsv, columns: ["id"] },
      named.filter((_, i) => found.degree[i] === 0),
      (a, b) => byCodeUnits(a.id, b.id),
      (o) => o,
    ),
  };
}

/**
 * A share as a person reads it: "100%" only when complete, "0%" only when none, else to one
 * decimal within 0.1%–99.9% (so that 9,995 of 10,000 never reads as complete); "—" of nothing.
 */
export function percentText(count: number, of: number): string {
  if (of === 0) return "—";
  if (count === of) return "100%";
  if (count === 0) return "0%";
  const percent = Math.min(99.9, Math.max(0.1, Math.round((count / of) * 1000) / 10));
  return `${percent}%`;
}
