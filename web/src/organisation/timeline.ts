import { type ChainTimeline, parsePartialDate } from "../../../domain/index.ts";

/** One contract of the chain on the timeline; a date the dataset leaves out is null. */
export interface TimelineBar {
  id: string;
  consignor: string;
  contractor: string;
  /** First day of `since` (a partial date is a period: it starts on its first day). */
  from: Date | null;
  /** Last day of `until`. */
  to: Date | null;
  /** Last day of `delete_by`. */
  deleteBy: Date | null;
  /** The data was due for deletion before the first incident on the chain was discovered. */
  overdueAtIncident: boolean;
  text: { since: string | null; until: string | null; deleteBy: string | null };
}

/** A day marked across the whole timeline: an incident discovered or disclosed, the as-of day. */
export interface TimelineMark {
  key: string;
  kind: "discovered" | "disclosed" | "asOf";
  at: Date;
  text: string;
  incident?: string;
}

export interface TimelineModel {
  bars: TimelineBar[];
  marks: TimelineMark[];
  /** The days the axis spans: every known date, with a margin; null when no date is known. */
  domain: [Date, Date] | null;
}

const day = (text: string | null | undefined, end: "firstDay" | "lastDay"): Date | null => {
  const parsed = text ? parsePartialDate(text) : undefined;
  return parsed ? new Date(`${parsed[end]}T00:00:00Z`) : null;
};

const DAY_MS = 86_400_000;

/** The days of an incident marked on the timeline, in this order. */
const INCIDENT_MARKS = ["discovered", "disclosed"] as const;

/**
 * The exposure timeline of a chain: each contract from `since` to `until`, its `delete_by`, the
 * incidents on its way and the scenario's as-of day. Pure, so that a test reads it exactly.
 */
export function timelineModel(chain: ChainTimeline, asOf: string | null): TimelineModel {
  const marks: TimelineMark[] = [];
  for (const incident of chain.incidents)
    for (const kind of INCIDENT_MARKS) {
      const text = incident[kind];
      const at = day(text, "firstDay");
      if (at && text) marks.push({ key: `${incident.id}:${kind}`, kind, at, text, incident: incident.id });
    }
  const asOfDay = day(asOf, "firstDay");
  if (asOfDay && asOf) marks.push({ key: "as-of", kind: "asOf", at: asOfDay, text: asOf });
  const firstIncident = marks
    .filter((m) => m.kind === "discovered")
    .reduce<Date | null>((first, m) => (first === null || m.at < first ? m.at : first), null);
  const bars = chain.contracts.map((c): TimelineBar => {
    const deleteBy = day(c.deleteBy, "lastDay");
    return {
      id: c.id,
      consignor: c.consignor,
      contractor: c.contractor,
      from: day(c.since, "firstDay"),
      to: day(c.until, "lastDay"),
      deleteBy,
      overdueAtIncident: deleteBy !== null && firstIncident !== null && deleteBy < firstIncident,
      text: { since: c.since ?? null, until: c.until ?? null, deleteBy: c.deleteBy ?? null },
    };
  });
  const known = [...bars.flatMap((b) => [b.from, b.to, b.deleteBy]), ...marks.map((m) => m.at)].filter(
    (d): d is Date => d !== null,
  );
  if (known.length === 0) return { bars, marks, domain: null };
  const low = Math.min(...known.map((d) => d.getTime()));
  const high = Math.max(...known.map((d) => d.getTime()));
  // One date alone spans a year either side; else a twentieth of the span beyond each end.
  const margin = high === low ? 365 * DAY_MS : Math.max(30 * DAY_MS, (high - low) / 20);
  return { bars, marks, domain: [new Date(low - margin), new Date(high + margin)] };
}
