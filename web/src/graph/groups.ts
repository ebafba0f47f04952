import {
  type AffectedGroup,
  type AffectedOrganisation,
  type BlastRadius,
  byRecordsThenId,
  type CountedContract,
  type ExpandedGroup,
  type GroupedBlastRadius,
  type GroupMember,
} from "../../../domain/index.ts";
import { fill, fillCount, WORDS, wordFor } from "../../../locale/index.ts";
import { formatNumber, type Lang } from "../shared/i18n/strings.ts";

/**
 * The grouped view (docs/blast-radius.md#grouped-view) in the graph: when a blast radius is larger
 * than the explorer draws, it is drawn as the compromised organisations plus one node per
 * (tier, kind, region) group, each with an arrow to the compromised (tier 1) or to the largest
 * group of the tier to its right, and laid out in tiers like any blast radius.
 */

const GROUP_PREFIX = "group:";

/** A group node's id: never an organisation's (ids do not start with "group:" followed by a depth). */
export function groupNodeId(depth: number, group: Pick<AffectedGroup, "kind" | "region">): string {
  return `${GROUP_PREFIX}${depth}:${group.kind ?? ""}:${group.region ?? ""}`;
}

export function isGroupNode(id: string): boolean {
  return id.startsWith(GROUP_PREFIX);
}

/**
 * Drawings that stand in while what is to be drawn is on its way (the groups of a radius too large
 * to draw, an expanded group's members): the view does not call itself settled over one.
 */
const PROVISIONAL = new WeakSet<BlastRadius>();

/** Marks a drawing as standing in for one on its way (see PROVISIONAL). */
export function provisional(drawing: BlastRadius): BlastRadius {
  PROVISIONAL.add(drawing);
  return drawing;
}

export function isProvisional(drawing: BlastRadius | null): boolean {
  return drawing !== null && PROVISIONAL.has(drawing);
}

/** Whether a blast radius leaves organisations out of the drawing (then it is drawn grouped). */
export function needsGroups(impact: BlastRadius | null): boolean {
  return impact?.truncated !== undefined && impact.truncated.total > impact.affected.length;
}

/** The kind of a group's members, in words: "Companies", "企業". */
function groupKindWord(lang: Lang, kind: string | null): string {
  return wordFor(WORDS[lang].kindGroups, kind, WORDS[lang].explorer.groupAnyKind);
}

/** How many groups a tier draws at most; the rest of the tier is drawn as one more group. */
export const GROUPS_PER_TIER = 8;

/** A group node's size: by its records (log scale) like an organisation's, a little smaller so a tier's groups fit one column. */
export function groupNodeSize(records: number): number {
  return 3 + 1.5 * Math.log10(1 + Math.max(0, records));
}

/** A group as drawn: one of the answer's, or (`rest` > 0) the tier's smaller groups taken together. */
export interface DrawnGroup {
  id: string;
  depth: number;
  group: AffectedGroup;
  /** How many of the answer's groups this one stands for when it is the tier's rest; else 0. */
  rest: number;
  /** Set when this node is one organisation of an expanded group (then `group` holds its figures alone). */
  member?: GroupMember;
  /** Set when this node is an expanded group's members not drawn one by one. */
  remainder?: boolean;
}

const REMAINDER_SUFFIX = ":rest";

/** The node of an expanded group's members not drawn one by one. */
export function unexpandedRestId(groupId: string): string {
  return `${groupId}${REMAINDER_SUFFIX}`;
}

/** The group a group node stands for: itself, or the expanded group whose remainder it is. */
export function groupOfNode(id: string): string {
  return id.endsWith(REMAINDER_SUFFIX) ? id.slice(0, -REMAINDER_SUFFIX.length) : id;
}

/**
 * The drawn groups with `expanded` (one of them, its largest members named) drawn as its members
 * one by one, in its place, and the members not named as one node ("1,234 more"), with the
 * figures the group has beyond those of the members drawn.
 */
export function expandGroup(groups: DrawnGroup[], expanded: ExpandedGroup | null): DrawnGroup[] {
  if (!expanded) return groups;
  const id = groupNodeId(expanded.depth, expanded);
  const at = groups.findIndex((g) => g.id === id && g.rest === 0);
  if (at < 0) return groups;
  const { kind, region } = expanded;
  const members = expanded.largest.map(
    (member): DrawnGroup => ({
      id: member.id,
      depth: expanded.depth,
      rest: 0,
      member,
      group: {
        kind,
        region,
        organisations: 1,
        records: member.records,
        undisclosed: member.undisclosed,
        largest: [],
      },
    }),
  );
  const others = expanded.organisations - members.length;
  if (others > 0)
    members.push({
      id: unexpandedRestId(id),
      depth: expanded.depth,
      rest: 0,
      remainder: true,
      group: {
        kind,
        region,
        organisations: others,
        records: expanded.records - members.reduce((n, m) => n + m.group.records, 0),
        undisclosed: expanded.undisclosed - members.reduce((n, m) => n + m.group.undisclosed, 0),
        largest: [],
      },
    });
  return [...groups.slice(0, at), ...members, ...groups.slice(at + 1)];
}

/** "Companies, Tokyo" / "企業・東京都"; the rest of a tier: "12 more groups" / "ほか 12 グループ". */
export function groupTitle(lang: Lang, group: Pick<AffectedGroup, "kind" | "region">, rest = 0): string {
  const w = WORDS[lang].explorer;
  if (rest > 0) return fill(w.groupRest, { n: formatNumber(rest) });
  return fill(w.groupTitle, {
    kind: groupKindWord(lang, group.kind),
    region: group.region ?? w.groupRegionUnknown,
  });
}

/** "1,234 organisations, ≥ 5,678 records" / "1,234 組織、≥ 5,678 件". */
export function groupFigures(
  lang: Lang,
  group: Pick<AffectedGroup, "organisations" | "records" | "undisclosed">,
): string {
  const w = WORDS[lang].explorer;
  const unknown = group.undisclosed > 0;
  const organisations = fillCount(group.organisations, w.groupOrganisationsOne, w.groupOrganisationsMany, {
    n: formatNumber(group.organisations),
  });
  // A lower bound ("≥ 1") is never singular.
  const records =
    unknown && group.records === 0
      ? w.groupRecordsUndisclosed
      : fillCount(group.records, unknown ? w.groupRecordsMany : w.groupRecordsOne, w.groupRecordsMany, {
          n: formatNumber(group.records, unknown),
        });
  return fill(w.groupFigures, { organisations, records });
}

/** A group node's label: "Companies, Tokyo — 1,234 organisations, ≥ 5,678 records". */
export function groupLabel(lang: Lang, group: AffectedGroup, rest = 0): string {
  return `${groupTitle(lang, group, rest)}${GROUP_LABEL_SEPARATOR}${groupFigures(lang, group)}`;
}

const GROUP_LABEL_SEPARATOR = " — ";

/**
 * What the graph writes beside a group node: its title alone ("Companies, Kyoto"), as tiers of
 * groups stand close together; the figures are in its tooltip, its panel and the tier's heading.
 */
export function groupDrawnLabel(label: string): string {
  const at = label.indexOf(GROUP_LABEL_SEPARATOR);
  return at < 0 ? label : label.slice(0, at);
}

/**
 * The groups the graph draws, tier by tier: the `perTier` - 1 largest of a tier as they are and,
 * when a tier has more, the rest as one group (its largest members the largest of all of them).
 */
export function drawnGroups(grouped: GroupedBlastRadius | null, perTier = GROUPS_PER_TIER): DrawnGroup[] {
  const drawn: DrawnGroup[] = [];
  for (const tier of [...(grouped?.tiers ?? [])].sort((a, b) => a.depth - b.depth)) {
    const { depth, groups } = tier;
    const kept = groups.length > perTier ? groups.slice(0, perTier - 1) : groups;
    for (const group of kept) drawn.push({ id: groupNodeId(depth, group), depth, group, rest: 0 });
    const others = groups.slice(kept.length);
    if (others.length === 0) continue;
    const members = Math.max(0, ...others.map((g) => g.largest.length));
    drawn.push({
      id: `${GROUP_PREFIX}${depth}:*`,
      depth,
      rest: others.length,
      group: {
        kind: null,
        region: null,
        organisations: others.reduce((n, g) => n + g.organisations, 0),
        records: others.reduce((n, g) => n + g.records, 0),
        undisclosed: others.reduce((n, g) => n + g.undisclosed, 0),
        largest: others
          .flatMap((g) => g.largest)
          .sort(byRecordsThenId)
          .slice(0, members),
      },
    });
  }
  return drawn;
}

/** Every drawn group by its node id. */
export function groupsById(grouped: GroupedBlastRadius | null): Map<string, DrawnGroup> {
  return new Map(drawnGroups(grouped).map((g) => [g.id, g]));
}

/**
 * The blast radius as the graph draws it when grouped: the compromised organisations, one
 * "affected organisation" per group (its name the label in Japanese, its English name the label
 * in English, its records the group's) and one arrow per group to the tier on its right. Totals,
 * scenario and unmodelled exposures stay the answer's own.
 */
export function groupedDrawing(
  impact: BlastRadius,
  grouped: GroupedBlastRadius,
  expanded: ExpandedGroup | null = null,
): BlastRadius {
  const affected: AffectedOrganisation[] = [];
  const contracts: CountedContract[] = [];
  const compromised = grouped.compromised.length > 0 ? grouped.compromised : impact.compromised;
  const groups = expandGroup(drawnGroups(grouped), expanded);
  const tiers = [...new Set(groups.map((g) => g.depth))];
  let right: string[] = compromised.map((c) => c.id);
  for (const depth of tiers) {
    const inTier = groups.filter((g) => g.depth === depth);
    for (const { id, group, rest, member, remainder } of inTier) {
      const label = (lang: Lang) => {
        const text = groupLabel(lang, group, rest);
        return remainder ? fill(WORDS[lang].explorer.groupRemainder, { label: text }) : text;
      };
      const chain: string[] = [];
      for (const target of right) {
        const edge = `${id}->${target}`;
        chain.push(edge);
        contracts.push({
          id: edge,
          consignor: id,
          contractor: target,
          records: group.undisclosed > 0 && group.records === 0 ? null : group.records,
          subjects: null,
          carries: null,
          source: null,
          // A group's members may be affected through possible contracts: the group's
          // panel says so; the drawn edge stands for the whole group.
          confidence: "confirmed",
        });
      }
      affected.push({
        id,
        name: member ? member.name : label("ja"),
        nameEn: member ? member.nameEn : label("en"),
        kind: group.kind,
        region: group.region,
        depth,
        records: group.records,
        subjects: 0,
        undisclosed: group.undisclosed,
        path: [id, right[0] as string],
        chain: chain.slice(0, 1),
        dataCategories: [],
        reported: [],
        confirmed: true,
      });
    }
    // The next tier points at this tier's largest group (groups come largest first), not at one
    // organisation of an expanded group.
    right = [(inTier.find((g) => !g.member) ?? (inTier[0] as DrawnGroup)).id];
  }
  const { truncated: _cut, ...answer } = impact;
  return { ...answer, compromised, affected, contracts, totals: grouped.totals };
}
