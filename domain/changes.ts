import type { BlastRadius } from "./blastRadius.ts";
import { formatCount } from "./counts.ts";
import type { EarlierAnswer } from "./earlierAnswer.ts";
import { byCodeUnits } from "./ids.ts";
import { asOfDay, ParameterError, type StatedScenario } from "./scenario.ts";

/** A figure then and now. */
export type ThenNow = [number, number];

/** An organisation affected both times whose figures differ: all four, then and now. */
export interface FigureChange {
  id: string;
  depth: ThenNow;
  records: ThenNow;
  subjects: ThenNow;
  undisclosed: ThenNow;
}

/**
 * What changed in a blast radius since an earlier answer for the same scenario (DOMAIN.md,
 * "Changes since an earlier answer"). `entered`, `left` and `changed` are sorted by id.
 */
export interface Changes {
  /** The load the earlier answer was computed on. */
  since: { fingerprint: string | null; loadedAt: string | null };
  /** Affected now, not then. */
  entered: string[];
  /** Affected then, not now. */
  left: string[];
  changed: FigureChange[];
  totals: {
    organisations: ThenNow;
    contracts: ThenNow;
    records: ThenNow;
    subjects: ThenNow;
    undisclosedContracts: ThenNow;
  };
}

const sorted = (ids: string[]) => [...ids].sort(byCodeUnits);

/**
 * How two scenarios differ, one sentence per part that differs: two scenarios are the same when
 * their sorted compromised ids, sorted excluded ids, max depth, asOf day, enforceRetention and confirmedOnly are.
 */
export function scenarioDifferences(then: StatedScenario, now: StatedScenario): string[] {
  const list = (ids: string[]) => (ids.length === 0 ? "none" : sorted(ids).join(", "));
  const parts: [string, string, string][] = [
    ["compromised", list(then.compromised), list(now.compromised)],
    ["excluded contracts", list(then.excludedContracts), list(now.excludedContracts)],
    ["excluded organisations", list(then.excludedOrganisations), list(now.excludedOrganisations)],
    ["max depth", String(then.maxDepth ?? "none"), String(now.maxDepth ?? "none")],
    ["as-of day", asOfDay(then) ?? "none", asOfDay(now) ?? "none"],
    ["enforce-retention", then.enforceRetention ? "on" : "off", now.enforceRetention ? "on" : "off"],
    ["confirmed-only", then.confirmedOnly === true ? "on" : "off", now.confirmedOnly === true ? "on" : "off"],
  ];
  return parts
    .filter(([, a, b]) => a !== b)
    .map(([what, a, b]) => `the earlier answer is for ${what} ${a}, this one for ${b}`);
}

/**
 * Refuses an earlier answer that cannot be compared with an answer to `scenario`: another
 * scenario, or lists cut to a limit (what is missing from them would seem to have left).
 */
export function checkComparable(earlier: EarlierAnswer, scenario: StatedScenario): void {
  const differences = scenarioDifferences(earlier.scenario, scenario);
  if (differences.length > 0) throw new ParameterError("since", `since: ${differences.join("; ")}`);
  const listed = earlier.affected.length;
  const total = earlier.truncated?.total ?? earlier.totals.organisations;
  if (earlier.truncated || listed !== earlier.totals.organisations) {
    throw new ParameterError(
      "since",
      `since: the earlier answer lists ${formatCount(listed)} of its ${formatCount(total)} affected organisations (its lists were cut): changes need the whole answer, as npm run impact -- --format json writes it`,
    );
  }
}

/** The changes from an earlier answer to the answer now, both whole and for the same scenario. */
export function changesSince(earlier: EarlierAnswer, now: BlastRadius): Changes {
  checkComparable(earlier, now.scenario);
  if (now.truncated) throw new Error("changesSince needs the whole answer now, not one cut to a limit");
  const then = new Map(earlier.affected.map((a) => [a.id, a]));
  const nowIds = new Set(now.affected.map((a) => a.id));
  const changed: FigureChange[] = [];
  for (const org of now.affected) {
    const before = then.get(org.id);
    if (!before) continue;
    const figures = {
      depth: [before.depth, org.depth],
      records: [before.records, org.records],
      subjects: [before.subjects, org.subjects],
      undisclosed: [before.undisclosed, org.undisclosed],
    } satisfies Omit<FigureChange, "id">;
    if (Object.values(figures).some(([a, b]) => a !== b)) changed.push({ id: org.id, ...figures });
  }
  const pair = (key: keyof Changes["totals"]): ThenNow => [earlier.totals[key], now.totals[key]];
  return {
    since: { fingerprint: earlier.dataset.fingerprint, loadedAt: earlier.dataset.loadedAt },
    entered: sorted(now.affected.filter((a) => !then.has(a.id)).map((a) => a.id)),
    left: sorted(earlier.affected.filter((a) => !nowIds.has(a.id)).map((a) => a.id)),
    changed: changed.sort((a, b) => byCodeUnits(a.id, b.id)),
    totals: {
      organisations: pair("organisations"),
      contracts: pair("contracts"),
      records: pair("records"),
      subjects: pair("subjects"),
      undisclosedContracts: pair("undisclosedContracts"),
    },
  };
}
