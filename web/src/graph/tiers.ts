import { type BlastRadius, type GroupedBlastRadius, groupAffected } from "../../../domain/index.ts";

/** One column of a drawn blast radius with its figures: what the tier's heading says. */
export interface TierTotal {
  /** 0: the compromised organisations; n: the organisations n contracts away. */
  depth: number;
  organisations: number;
  /** Known records of the tier's organisations; a lower bound when `undisclosed` > 0. */
  records: number;
  undisclosed: number;
  /** The nodes drawn in this column (organisations or groups), to place the heading over them. */
  drawn: string[];
}

/**
 * The figures per tier of a blast radius, over every affected organisation (not only those drawn):
 * from the grouped answer when the radius is drawn as groups, else from the answer itself, which
 * then lists them all. Null when the drawn answer is cut and no grouped one has come yet: a
 * tier's sum over part of it would be wrong, not a bound.
 */
export function tierTotals(
  impact: BlastRadius | null,
  drawn: BlastRadius | null,
  grouped: GroupedBlastRadius | null,
): TierTotal[] | null {
  if (!impact || !drawn) return null;
  const tiers = grouped?.tiers ?? (impact.truncated ? null : groupAffected(impact.affected, 0));
  if (!tiers) return null;
  const drawnByDepth = new Map<number, string[]>();
  for (const org of drawn.affected) {
    const ids = drawnByDepth.get(org.depth) ?? [];
    ids.push(org.id);
    drawnByDepth.set(org.depth, ids);
  }
  const compromised: TierTotal = {
    depth: 0,
    organisations: drawn.compromised.length,
    records: 0,
    undisclosed: 0,
    drawn: drawn.compromised.map((c) => c.id),
  };
  return [
    compromised,
    ...tiers.map(({ depth, organisations, records, undisclosed }) => ({
      depth,
      organisations,
      records,
      undisclosed,
      drawn: drawnByDepth.get(depth) ?? [],
    })),
  ];
}
