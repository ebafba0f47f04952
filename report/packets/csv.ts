import {
  type Assessment,
  type BreachResponse,
  daysLeft,
  type OrganisationObligation,
} from "../../domain/index.ts";
import { batched } from "../chunks.ts";
import { type CsvRow, tableChunks } from "../csv.ts";

/** An assessment's columns, for the own data and again (entrusted_…) for the data entrusted. */
const ASSESSMENT = [
  "holds_data",
  "persons",
  "persons_unknown",
  "triggers",
  "report",
  "preliminary_by",
  "days_to_preliminary",
  "final_by",
  "days_to_final",
];

const HEADER = [
  "id",
  "name",
  "kind",
  "role",
  "aware",
  "aware_from",
  "authority",
  ...ASSESSMENT,
  ...ASSESSMENT.map((c) => `entrusted_${c}`),
  "notify",
  "scenario_aware",
  "cause",
  "holidays_known_through",
];

/**
 * The answer as CSV, in pieces (the API streams them), written as the impact CSV is: the
 * compromised organisations first (role `compromised`: contractors whose duty for the data entrusted
 * to them is excused when they tell their consignors promptly), then every affected organisation by
 * id, its own data's assessment beside the entrusted data's. Days are counted from `today`; cells a
 * spreadsheet would run as formulas are neutralised by csvCell.
 */
export function breachCsvLines(response: BreachResponse, today: string): Generator<string> {
  const cells = (a: Assessment | null): CsvRow =>
    a === null
      ? ASSESSMENT.map(() => null)
      : [
          a.holdsData ? "yes" : "no",
          a.persons,
          a.personsUnknown,
          a.triggers.join(";"),
          a.report,
          a.preliminaryBy,
          daysLeft(today, a.preliminaryBy),
          a.finalBy,
          daysLeft(today, a.finalBy),
        ];
  const tail = [response.aware, response.cause, response.holidaysKnownThrough];
  const row = (
    o: Pick<OrganisationObligation, "id" | "name" | "kind" | "aware" | "awareFrom" | "authority" | "notify">,
    role: string,
    own: Assessment | null,
    entrusted: Assessment | null,
  ): CsvRow => [
    o.id,
    o.name,
    o.kind,
    role,
    o.aware,
    o.awareFrom,
    o.authority,
    ...cells(own),
    ...cells(entrusted),
    o.notify.join(";"),
    ...tail,
  ];
  const rows = [
    ...response.compromised.map((c) => row({ ...c, kind: null }, "compromised", null, c.entrusted)),
    ...response.organisations.map((o) => row(o, o.role, o, o.entrusted)),
  ];
  return batched(tableChunks(HEADER, rows));
}
