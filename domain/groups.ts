import type { BlastRadiusTotals, ConfirmedTotals } from "./blastRadius.ts";
import type { DatasetStamp } from "./dataset.ts";
import { byCodeUnits } from "./ids.ts";
import type { OrganisationName, OrganisationSummary } from "./organisation.ts";
import type { StatedScenario } from "./scenario.ts";

/** An affected organisation as a group names it among its largest members. */
export interface GroupMember extends OrganisationName {
  records: number;
  undisclosed: number;
}

/** The affected organisations of one tier that share a kind and a region. */
export interface AffectedGroup {
  kind: string | null;
  region: string | null;
  organisations: number;
  /** Known records of their counted contracts; a lower bound when `undisclosed` > 0. */
  records: number;
  undisclosed: number;
  /** The biggest members, most records first (then id). */
  largest: GroupMember[];
}

export interface AffectedTier {
  depth: number;
  organisations: number;
  records: number;
  undisclosed: number;
  /** Largest first: most records, then most organisations, then kind and region. */
  groups: AffectedGroup[];
}

/**
 * A blast radius too large to draw, grouped (docs/blast-radius.md#grouped-view): every tier, and
 * in it the affected organisations by kind and region, with counts, records and the largest
 * members named. The totals are the blast radius's own.
 */
export interface GroupedBlastRadius {
  /** The load of the dataset this answer was computed on. */
  dataset: DatasetStamp;
  scenario: StatedScenario;
  compromised: OrganisationName[];
  totals: BlastRadiusTotals;
  /** The totals of the confirmed part (see BlastRadius.confirmed). */
  confirmed: ConfirmedTotals;
  tiers: AffectedTier[];
}

/** One group of a grouped radius with more of its largest members named (GET /api/impact/group). */
export interface ExpandedGroup extends AffectedGroup {
  dataset: DatasetStamp;
  scenario: StatedScenario;
  depth: number;
}

/** One affected organisation's figures, as the grouping reads them. */
export interface AffectedFigures extends OrganisationSummary {
  depth: number;
  records: number;
  undisclosed: number;
}

/** Most records first, then id: how the largest of any set of organisations are picked and listed. */
export const byRecordsThenId = (a: { records: number; id: string }, b: { records: number; id: string }) =>
  b.records - a.records || byCodeUnits(a.id, b.id);

/** Groups affected organisations by tier, then kind and region, naming each group's `members` largest. */
export function groupAffected(affected: Iterable<AffectedFigures>, members: number): AffectedTier[] {
  const tiers = new Map<number, Map<string, AffectedGroup & { all: GroupMember[] }>>();
  for (const org of affected) {
    const groups = tiers.get(org.depth) ?? new Map();
    tiers.set(org.depth, groups);
    const key = `${org.kind ?? ""}\u0000${org.region ?? ""}`;
    const group = groups.get(key) ?? {
      kind: org.kind,
      region: org.region,
      organisations: 0,
      records: 0,
      undisclosed: 0,
      largest: [],
      all: [],
    };
    groups.set(key, group);
    group.organisations += 1;
    group.records += org.records;
    group.undisclosed += org.undisclosed;
    const { id, name, nameEn, kind, records, undisclosed } = org;
    group.all.push({ id, name, nameEn, kind, records, undisclosed });
  }
  return [...tiers.entries()]
    .sort(([a], [b]) => a - b)
    .map(([depth, groups]) => {
      const list = [...groups.values()].map(({ all, ...group }) => ({
        ...group,
        largest: all.sort(byRecordsThenId).slice(0, members),
      }));
      const text = (value: string | null) => value ?? "";
      list.sort(
        (a, b) =>
          b.records - a.records ||
          b.organisations - a.organisations ||
          byCodeUnits(text(a.kind), text(b.kind)) ||
          byCodeUnits(text(a.region), text(b.region)),
      );
      return {
        depth,
        organisations: list.reduce((sum, g) => sum + g.organisations, 0),
        records: list.reduce((sum, g) => sum + g.records, 0),
        undisclosed: list.reduce((sum, g) => sum + g.undisclosed, 0),
        groups: list,
      };
    });
}
