import type { OrganisationObligation } from "../../../domain/index.ts";

/** What the Response view shows of the answer: every filter "all" shows everyone. */
export interface ResponseFilter {
  /** The decision on the organisation's own data. */
  report: "all" | OrganisationObligation["report"];
  /** The decision on the data entrusted to it (intermediaries only). */
  entrusted: "all" | OrganisationObligation["report"];
  role: "all" | OrganisationObligation["role"];
  authority: "all" | string;
}

export type ResponseSort = "deadline" | "name" | "persons";

export const NO_FILTER: ResponseFilter = { report: "all", entrusted: "all", role: "all", authority: "all" };

/**
 * The rows shown: filtered, then sorted (by deadline the answer's own order, which is the API's:
 * the earlier date of either assessment first; by name; or by persons, most first, unknown counted
 * as none).
 */
export function responseRows(
  rows: OrganisationObligation[],
  filter: ResponseFilter,
  sort: ResponseSort,
  nameOf: (o: OrganisationObligation) => string,
): OrganisationObligation[] {
  const kept = rows.filter(
    (o) =>
      (filter.report === "all" || o.report === filter.report) &&
      (filter.entrusted === "all" || o.entrusted?.report === filter.entrusted) &&
      (filter.role === "all" || o.role === filter.role) &&
      (filter.authority === "all" || o.authority === filter.authority),
  );
  if (sort === "name") {
    // Each name is looked up once, not twice per comparison.
    const names = new Map(kept.map((o) => [o, nameOf(o)]));
    const name = (o: OrganisationObligation) => names.get(o) ?? "";
    return [...kept].sort((a, b) => name(a).localeCompare(name(b)));
  }
  if (sort === "persons") return [...kept].sort((a, b) => b.persons - a.persons || a.id.localeCompare(b.id));
  return kept;
}
