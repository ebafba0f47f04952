import type { BreachRadius } from "./breachFacts.ts";
import type { BreachRules, Trigger } from "./breachRules.ts";
import type { DatasetStamp } from "./dataset.ts";
import { parsePartialDate } from "./dates.ts";
import { byCodeUnits } from "./ids.ts";
import type { Incident } from "./incident.ts";
import type { FieldParameter } from "./parameters.ts";
import { ParameterError, type StatedScenario } from "./scenario.ts";

/**
 * Breach response: who must report, to whom, by when (DOMAIN.md, docs/breach-response.md). Pure
 * arithmetic over a whole blast radius (never a truncated one), the incidents that hit the
 * compromised organisations, and the rule set; dates are calendar days (`YYYY-MM-DD`).
 */

export const CAUSES = ["unauthorized", "accidental"] as const;
export type Cause = (typeof CAUSES)[number];
export const REPORT_DECISIONS = ["required", "assess", "not_required"] as const;
export type ReportDecision = (typeof REPORT_DECISIONS)[number];
export const ROLES = ["intermediary", "client"] as const;
export type Role = (typeof ROLES)[number];

/** One affected organisation's obligations, exactly as `npm run notify` prints them. */
export interface OrganisationObligation {
  id: string;
  name: string;
  kind: string | null;
  role: Role;
  holdsData: boolean;
  persons: number;
  personsUnknown: number;
  triggers: Trigger[];
  report: ReportDecision;
  authority: string;
  preliminaryBy: string | null;
  finalBy: string | null;
  /** Its clients to tell (委託元への通知), sorted; empty for a client. */
  notify: string[];
}

/** A compromised organisation tells the consignors of the counted contracts pointing at it, at once. */
export interface CompromisedDuty {
  id: string;
  name: string;
  notify: string[];
}

export interface BreachResponse {
  scenario: StatedScenario;
  dataset: DatasetStamp;
  aware: string;
  cause: Cause;
  organisations: OrganisationObligation[];
  compromised: CompromisedDuty[];
}

/** What the arithmetic needs of an incident that hit a compromised organisation. */
export type IncidentHit = Pick<Incident, "id" | "victim" | "kind" | "discovered">;

export interface BreachInput {
  /** What the whole blast radius of the scenario (not truncated) says: see breachRadiusOf. */
  radius: BreachRadius;
  dataset: DatasetStamp;
  incidents: IncidentHit[];
  /** `--aware`, when given. */
  aware?: string | null;
  /** `--cause`, when given. */
  cause?: Cause | null;
  rules: BreachRules;
}

/** A calendar day plus n days (`YYYY-MM-DD`); calendar days have no time zone of their own. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (day: string) => {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Today in Japan (UTC+9 all year: Japan keeps no daylight saving time). */
export function todayInJapan(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** A full calendar day given by a user (`--aware`, `--today`); partial dates are refused. */
export function parseDay(parameter: string, text: string): string {
  const date = parsePartialDate(text);
  if (!date || date.firstDay !== date.lastDay)
    throw new ParameterError(parameter, `${parameter}: "${text}" is not a day (YYYY-MM-DD)`);
  return date.firstDay;
}

export function parseCause(text: string): Cause {
  if (!(CAUSES as readonly string[]).includes(text))
    throw new ParameterError("cause", `cause: "${text}" is not one of ${CAUSES.join(", ")}`);
  return text as Cause;
}

/** Breach response's parameters beside the scenario, declared once (see SCENARIO_PARAMETERS). */
export const BREACH_PARAMETERS = [
  {
    name: "aware",
    field: "aware",
    kind: "day",
    value: "DAY",
    help: "the day the compromise became known (YYYY-MM-DD); by default the earliest discovered date of the incidents that hit the compromised organisations (a partial date: its first day)",
  },
  {
    name: "cause",
    field: "cause",
    kind: "choice",
    value: "C",
    choices: CAUSES,
    help: "unauthorized or accidental; by default accidental only when every such incident is a misdelivery, loss or misconfiguration",
  },
  {
    name: "today",
    field: "today",
    kind: "day",
    value: "DAY",
    help: "count the days left from this day (default: today in Japan)",
  },
] as const satisfies readonly FieldParameter<string>[];

/** What a person chose beside the scenario, checked: an empty or absent value is not given. */
export interface BreachChoices {
  aware?: string;
  cause?: Cause;
  /** The day days left are counted from: today in Japan unless given. */
  today: string;
}

export function parseBreachChoices(input: { aware?: string; cause?: string; today?: string }): BreachChoices {
  const given = (text: string | undefined) => (text === undefined || text === "" ? undefined : text);
  const aware = given(input.aware);
  const cause = given(input.cause);
  const today = given(input.today);
  return {
    ...(aware === undefined ? {} : { aware: parseDay("aware", aware) }),
    ...(cause === undefined ? {} : { cause: parseCause(cause) }),
    today: today === undefined ? todayInJapan() : parseDay("today", today),
  };
}

/**
 * The day clocks start: `--aware`, else the earliest `discovered` (the first day of its period)
 * of the incidents that hit a compromised organisation; with neither, the answer is refused.
 */
export function resolveAware(
  aware: string | null | undefined,
  incidents: IncidentHit[],
  compromised: string[],
) {
  if (aware) return parseDay("aware", aware);
  const days = incidents
    .map((i) => (i.discovered ? parsePartialDate(i.discovered)?.firstDay : undefined))
    .filter((d): d is string => d !== undefined)
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

/** The obligations of every affected organisation and the duties of the compromised ones. */
export function breachResponse(input: BreachInput): BreachResponse {
  const { radius, rules } = input;
  if (radius.truncated)
    throw new Error("breachResponse needs the whole blast radius; this one was cut to a limit");
  const scenario = radius.scenario;
  const aware = resolveAware(input.aware, input.incidents, scenario.compromised);
  const cause = resolveCause(input.cause, input.incidents, rules);
  // Every deadline is aware plus one of a few clocks: each date is computed once, not per organisation.
  const dayAfter = new Map<number, string>();
  const deadline = (days: number) => {
    const known = dayAfter.get(days);
    if (known !== undefined) return known;
    const day = addDays(aware, days);
    dayAfter.set(days, day);
    return day;
  };
  const sensitive = new Set(rules.specialCareCategories);
  const financial = new Set(rules.financialCategories);
  const unauthorized = cause === "unauthorized";
  const clients = (id: string) => radius.clients.get(id) ?? [];

  const organisations = radius.affected.map((org): OrganisationObligation => {
    const { holdsData, persons, personsUnknown, kind } = org;
    const threshold =
      (kind !== null ? rules.personsThresholdByKind[kind] : undefined) ?? rules.defaultPersonsThreshold;
    // In the order of Trigger: sensitive, financial, unauthorized, persons.
    const triggers: Trigger[] = [];
    if (holdsData) {
      if (org.dataCategories.some((c) => sensitive.has(c))) triggers.push("sensitive");
      if (org.dataCategories.some((c) => financial.has(c))) triggers.push("financial");
      if (unauthorized) triggers.push("unauthorized");
      if (persons > threshold) triggers.push("persons");
    }
    const report: ReportDecision =
      triggers.length > 0 ? "required" : holdsData && personsUnknown > 0 ? "assess" : "not_required";
    const dated = report !== "not_required";
    let finalDays = rules.finalDays;
    for (const t of triggers) finalDays = Math.max(finalDays, rules.finalDaysByTrigger[t] ?? 0);
    const notify = clients(org.id);
    return {
      id: org.id,
      name: org.name,
      kind,
      role: notify.length > 0 ? "intermediary" : "client",
      holdsData,
      persons,
      personsUnknown,
      triggers,
      report,
      authority: (kind !== null ? rules.authorityByKind[kind] : undefined) ?? rules.defaultAuthority,
      preliminaryBy: dated ? deadline(rules.preliminaryDays) : null,
      finalBy: dated ? deadline(finalDays) : null,
      notify,
    };
  });
  organisations.sort((a, b) => byCodeUnits(a.id, b.id));

  const names = new Map(radius.compromised.map((c) => [c.id, c.name]));
  const compromised = [...scenario.compromised]
    .sort(byCodeUnits)
    .map((id) => ({ id, name: names.get(id) ?? id, notify: clients(id) }));

  return { scenario, dataset: input.dataset, aware, cause, organisations, compromised };
}

/** Deadline order: the earliest 速報 first, then the earliest 確報, undated last, then id. */
export function compareByDeadline(a: OrganisationObligation, b: OrganisationObligation): number {
  const date = (x: string | null, y: string | null) =>
    x === y ? 0 : x === null ? 1 : y === null ? -1 : byCodeUnits(x, y);
  return date(a.preliminaryBy, b.preliminaryBy) || date(a.finalBy, b.finalBy) || byCodeUnits(a.id, b.id);
}

/** A page of the breach-response answer, as GET /api/notify gives it (sorted by deadline or id). */
export interface NotifyPage extends Omit<BreachResponse, "organisations"> {
  /** The day days left are counted from (Japan time unless the request chose one). */
  today: string;
  totals: { organisations: number; required: number; assess: number; notRequired: number };
  page: { sort: "deadline" | "id"; offset: number; limit: number; total: number };
  organisations: OrganisationObligation[];
}
