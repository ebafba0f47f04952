import type { BreachRadius, DataSet, LearnedDay } from "./breachFacts.ts";
import type { Cause } from "./breachParameters.ts";
import type { BreachRules, Trigger } from "./breachRules.ts";
import { addDays, type ClosedDays, type NationalHolidays, nthDayOpen, parseDay } from "./calendar.ts";
import type { DatasetStamp } from "./dataset.ts";
import { parsePartialDate } from "./dates.ts";
import { byCodeUnits, byDayNullsLast } from "./ids.ts";
import type { Incident } from "./incident.ts";
import { ParameterError, type StatedScenario } from "./scenario.ts";

/**
 * Breach response: who must report, to whom, by when (DOMAIN.md "Breach response",
 * docs/breach-response.md). Pure arithmetic over the facts of a whole blast radius, the incidents
 * that hit the compromised organisations, the days organisations recorded they learned of them,
 * the rule set and the closed days; dates are calendar days (`YYYY-MM-DD`).
 */

/** The version of a notify answer's shape (`"format"`): 2 since each organisation has its own clock. */
export const NOTIFY_FORMAT = 2;

/**
 * A notify answer read back (by the explorer, or any client): one of another format is refused,
 * saying so, never read as this one (an answer without a format is format 1, before each
 * organisation had its own clock).
 */
export function checkNotifyFormat<T extends { format?: unknown }>(answer: T): T {
  const format = answer.format ?? 1;
  if (format !== NOTIFY_FORMAT)
    throw new Error(
      `This breach-response answer is in format ${String(format)}; this Keiro reads format ${NOTIFY_FORMAT} only: ask for it again.`,
    );
  return answer;
}

export const REPORT_DECISIONS = ["required", "assess", "best_effort", "not_required"] as const;
export type ReportDecision = (typeof REPORT_DECISIONS)[number];
export const ROLES = ["intermediary", "client"] as const;
export type Role = (typeof ROLES)[number];
/** Whether an organisation's aware day is one it recorded, or the scenario's (the earliest possible). */
export const AWARE_FROM = ["recorded", "scenario"] as const;
export type AwareFrom = (typeof AWARE_FROM)[number];

/** One assessment: of an organisation's own data, or of the data entrusted to it. */
export interface Assessment {
  holdsData: boolean;
  persons: number;
  personsUnknown: number;
  triggers: Trigger[];
  report: ReportDecision;
  /** 速報: a guide (目安), never moved; null unless the report is required or to be assessed. */
  preliminaryBy: string | null;
  /** 確報: the deadline, moved past closed days; null unless required or to be assessed. */
  finalBy: string | null;
}

/** One affected organisation's obligations, exactly as `npm run notify` prints them. */
export interface OrganisationObligation extends Assessment {
  id: string;
  name: string;
  kind: string | null;
  role: Role;
  /** The day its clocks start (事態を知った日). */
  aware: string;
  awareFrom: AwareFrom;
  authority: string;
  /** The data it handles for others, assessed apart; null for a client. */
  entrusted: Assessment | null;
  /** Its consignors to tell (委託元への通知), sorted; empty for a client. */
  notify: string[];
}

/** A compromised organisation: a contractor too, excused when it tells its consignors promptly. */
export interface CompromisedDuty {
  id: string;
  name: string;
  aware: string;
  awareFrom: AwareFrom;
  authority: string;
  entrusted: Assessment | null;
  notify: string[];
}

export interface BreachResponse {
  format: number;
  scenario: StatedScenario;
  dataset: DatasetStamp;
  /** The scenario's aware day: `--aware`, else the earliest discovery of the incidents that hit C. */
  aware: string;
  cause: Cause;
  /** The last day the holiday calendar covers: a day after it is judged without national holidays. */
  holidaysKnownThrough: string;
  organisations: OrganisationObligation[];
  compromised: CompromisedDuty[];
}

/** What the arithmetic needs of an incident that hit a compromised organisation. */
export type IncidentHit = Pick<Incident, "id" | "victim" | "kind" | "discovered">;

export interface BreachInput {
  /** The facts of the whole blast radius of the scenario. */
  radius: BreachRadius;
  dataset: DatasetStamp;
  incidents: IncidentHit[];
  learned: LearnedDay[];
  /** `--aware`, when given. */
  aware?: string | null;
  /** `--cause`, when given. */
  cause?: Cause | null;
  rules: BreachRules;
  holidays: NationalHolidays;
}

/**
 * The scenario's aware day: `--aware`, else the earliest `discovered` (the first day of its
 * period) of the incidents that hit a compromised organisation; with neither, the answer is refused.
 */
export function resolveAware(
  aware: string | null | undefined,
  incidents: IncidentHit[],
  compromised: string[],
) {
  if (aware) return parseDay("aware", aware);
  const days = incidents
    .map((i) => firstDayOf(i.discovered))
    .filter((d): d is string => d !== null)
    .sort(byCodeUnits);
  if (days[0] !== undefined) return days[0];
  const who = compromised.join(", ");
  throw new ParameterError(
    "aware",
    incidents.length === 0
      ? `aware: --aware is needed (the day the compromise became known, YYYY-MM-DD): no incident in the dataset hit ${who}`
      : `aware: --aware is needed (the day the compromise became known, YYYY-MM-DD): no incident that hit ${who} has a discovered date`,
  );
}

const firstDayOf = (date: string | null) => (date ? (parsePartialDate(date)?.firstDay ?? null) : null);

/** `--cause`, else accidental when incidents hit C and every one is of an accidental kind. */
export function resolveCause(
  cause: Cause | null | undefined,
  incidents: IncidentHit[],
  rules: BreachRules,
): Cause {
  if (cause) return cause;
  const accidental =
    incidents.length > 0 &&
    incidents.every((i) => i.kind !== null && rules.accidentalIncidentKinds.includes(i.kind));
  return accidental ? "accidental" : "unauthorized";
}

/**
 * Each organisation's aware day: over the incidents that hit the compromised organisations its
 * chains reach, its recorded `learned_on`, else `--aware` (`given`), else the incident's discovery;
 * a member with no incident gives the scenario's day. The earliest; `recorded` when a recorded day
 * gives it.
 */
function awareDays(input: BreachInput, scenarioAware: string, given: string | null) {
  const hits = new Map<string, IncidentHit[]>();
  for (const i of input.incidents) {
    const list = hits.get(i.victim);
    if (list) list.push(i);
    else hits.set(i.victim, [i]);
  }
  // One row per incident and organisation, the earliest of its revisions (LearnedDay).
  const learned = new Map(input.learned.map((l) => [`${l.incident}\u0000${l.organisation}`, l.learnedOn]));
  return (organisation: string, reaches: readonly string[]): { aware: string; awareFrom: AwareFrom } => {
    let best: { aware: string; awareFrom: AwareFrom } | null = null;
    const consider = (day: string, from: AwareFrom) => {
      if (best === null || day < best.aware || (day === best.aware && from === "recorded"))
        best = { aware: day, awareFrom: from };
    };
    for (const member of reaches) {
      const incidents = hits.get(member) ?? [];
      if (incidents.length === 0) consider(scenarioAware, "scenario");
      for (const i of incidents) {
        const recorded = learned.get(`${i.id}\u0000${organisation}`);
        if (recorded !== undefined) consider(recorded, "recorded");
        else consider(given ?? firstDayOf(i.discovered) ?? scenarioAware, "scenario");
      }
    }
    return best ?? { aware: scenarioAware, awareFrom: "scenario" };
  };
}

/** The obligations of every affected organisation and the duties of the compromised ones. */
export function breachResponse(input: BreachInput): BreachResponse {
  const { radius, rules } = input;
  const scenario = radius.scenario;
  const aware = resolveAware(input.aware, input.incidents, scenario.compromised);
  const cause = resolveCause(input.cause, input.incidents, rules);
  const closed: ClosedDays = {
    weekdays: rules.closedWeekdays,
    datesEveryYear: rules.closedDatesEveryYear,
    holidays: rules.closedOnNationalHolidays ? input.holidays.days : new Set(),
  };
  const awareOf = awareDays(input, aware, input.aware ? aware : null);
  const assess = assessor(rules, cause, closed);
  const authorityOf = (kind: string | null) =>
    (kind !== null ? rules.authorityByKind[kind] : undefined) ?? rules.defaultAuthority;

  const organisations = radius.affected.map((org): OrganisationObligation => {
    const clock = awareOf(org.id, org.reaches);
    const own = assess(org.own, org.kind, clock.aware, true);
    return {
      id: org.id,
      name: org.name,
      kind: org.kind,
      role: org.entrusted ? "intermediary" : "client",
      ...clock,
      authority: authorityOf(org.kind),
      ...own,
      entrusted: org.entrusted ? assess(org.entrusted, org.kind, clock.aware, false) : null,
      notify: org.entrusted ? org.clients : [],
    };
  });

  const compromised = [...radius.compromised]
    .sort((a, b) => byCodeUnits(a.id, b.id))
    .map((c): CompromisedDuty => {
      const clock = awareOf(c.id, [c.id]);
      return {
        id: c.id,
        name: c.name,
        ...clock,
        authority: authorityOf(c.kind),
        entrusted: c.entrusted ? assess(c.entrusted, c.kind, clock.aware, false) : null,
        notify: c.clients,
      };
    });

  return {
    format: NOTIFY_FORMAT,
    scenario,
    dataset: input.dataset,
    aware,
    cause,
    holidaysKnownThrough: input.holidays.knownThrough,
    organisations,
    compromised,
  };
}

/** Whether an organisation of this kind is an administrative organ or local public body (APPI art. 68). */
export const isPublicBody = (rules: BreachRules, kind: string | null): boolean =>
  kind !== null && rules.publicBodyKinds.includes(kind);

/** The persons an organisation of this kind may expose before the `persons` trigger holds. */
export const personsThresholdOf = (rules: BreachRules, kind: string | null): number =>
  (kind !== null ? rules.personsThresholdByKind[kind] : undefined) ?? rules.defaultPersonsThreshold;

/**
 * Why the `sensitive` trigger holds for a set: the Act's special-care categories, and for a public
 * body an ordinance's (条例要配慮個人情報, rules art. 43(v)); empty when it does not hold.
 */
export function sensitiveBasis(
  rules: BreachRules,
  publicBody: boolean,
  categories: readonly string[],
): ("act" | "ordinance")[] {
  const basis: ("act" | "ordinance")[] = [];
  if (categories.some((c) => rules.specialCareCategories.includes(c))) basis.push("act");
  if (publicBody && categories.some((c) => rules.publicBodySpecialCareCategories.includes(c)))
    basis.push("ordinance");
  return basis;
}

/**
 * One set's assessment: the triggers that hold, the decision, and the dates. `own`: whether the
 * set is the organisation's own data (best effort applies to its own data only).
 */
function assessor(rules: BreachRules, cause: Cause, closed: ClosedDays) {
  const financial = new Set(rules.financialCategories);
  const unclear = new Set(rules.unclearCategories);
  return (set: DataSet, kind: string | null, aware: string, own: boolean): Assessment => {
    const threshold = personsThresholdOf(rules, kind);
    // In the order of Trigger: sensitive, financial, unauthorized, persons.
    const triggers: Trigger[] = [];
    if (set.holdsData) {
      if (sensitiveBasis(rules, isPublicBody(rules, kind), set.categories).length > 0)
        triggers.push("sensitive");
      if (set.categories.some((c) => financial.has(c))) triggers.push("financial");
      if (cause === "unauthorized") triggers.push("unauthorized");
      if (set.persons > threshold) triggers.push("persons");
    }
    const report: ReportDecision =
      triggers.length > 0
        ? "required"
        : set.holdsData && (set.personsUnknown > 0 || set.categories.some((c) => unclear.has(c)))
          ? "assess"
          : own && set.holdsData && kind !== null && rules.bestEffortKinds.includes(kind)
            ? "best_effort"
            : "not_required";
    const dated = report === "required" || report === "assess";
    const finalDay = finalDayOf(rules, triggers);
    return {
      holdsData: set.holdsData,
      persons: set.persons,
      personsUnknown: set.personsUnknown,
      triggers,
      report,
      preliminaryBy: dated ? addDays(aware, rules.preliminaryGuideDay - 1) : null,
      finalBy: dated ? nthDayOpen(closed, aware, finalDay) : null,
    };
  };
}

/** The day 確報 is due, counting the aware day as day 1: the latest a trigger asks for. */
export function finalDayOf(rules: BreachRules, triggers: readonly Trigger[]): number {
  let day = rules.finalDay;
  for (const t of triggers) day = Math.max(day, rules.finalDayByTrigger[t] ?? 0);
  return day;
}

/** The earliest of some days, or null when none is given. */
function earliest(days: (string | null | undefined)[]): string | null {
  let first: string | null = null;
  for (const d of days) if (typeof d === "string" && (first === null || d < first)) first = d;
  return first;
}

type Dated = Pick<OrganisationObligation, "preliminaryBy" | "finalBy" | "entrusted">;

/** The earlier of a 速報 guide and a 確報 deadline of an organisation's two assessments, or null. */
export const earliestDate = (o: Dated) =>
  earliest([o.preliminaryBy, o.finalBy, o.entrusted?.preliminaryBy, o.entrusted?.finalBy]);

/** The earliest 確報 of an organisation's two assessments, or null. */
export const earliestFinal = (o: Pick<Dated, "finalBy" | "entrusted">) =>
  earliest([o.finalBy, o.entrusted?.finalBy]);

/**
 * In deadline order: the earlier date of either assessment first (a 速報 guide comes before its
 * 確報), then the earlier 確報, undated last, then id. Each organisation's dates are found once.
 */
export function sortedByDeadline<T extends OrganisationObligation>(organisations: readonly T[]): T[] {
  return organisations
    .map((o) => ({ o, first: earliestDate(o), final: earliestFinal(o) }))
    .sort(
      (a, b) =>
        byDayNullsLast(a.first, b.first) || byDayNullsLast(a.final, b.final) || byCodeUnits(a.o.id, b.o.id),
    )
    .map(({ o }) => o);
}

/** A page of the breach-response answer, as GET /api/notify gives it (sorted by deadline or id). */
export interface NotifyPage extends Omit<BreachResponse, "organisations"> {
  /** The day days left are counted from (Japan time unless the request chose one). */
  today: string;
  totals: {
    organisations: number;
    /** Each decision on the organisations' own data. */
    own: Record<ReportDecision, number>;
    /** Each decision on the data entrusted to the intermediaries (excused when they tell their consignors). */
    entrusted: Record<ReportDecision, number>;
  };
  page: { sort: "deadline" | "id"; offset: number; limit: number; total: number };
  organisations: OrganisationObligation[];
}
