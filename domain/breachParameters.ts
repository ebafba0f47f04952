import { parseDay, todayInJapan } from "./calendar.ts";
import { type FieldParameter, parseChoice } from "./parameters.ts";

/** What caused a breach, one for the whole scenario (DOMAIN.md, "Breach response"). */
export const CAUSES = ["unauthorized", "accidental"] as const;
export type Cause = (typeof CAUSES)[number];

/** Breach response's parameters beside the scenario, declared once (see SCENARIO_PARAMETERS). */
export const BREACH_PARAMETERS = [
  {
    name: "aware",
    field: "aware",
    kind: "day",
    value: "DAY",
    help: "the day the compromise became known (YYYY-MM-DD), in place of each incident's discovery date; by default each incident's discovered date (a partial date: its first day). A day an organisation recorded it learned of the leak (exposures.csv learned_on) starts its clock all the same",
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
    ...(cause === undefined ? {} : { cause: parseChoice("cause", cause, CAUSES) }),
    today: today === undefined ? todayInJapan() : parseDay("today", today),
  };
}
