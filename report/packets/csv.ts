import { type Assessment, type BreachResponse, daysBetween } from "../../domain/index.ts";
import { BOM, csvLine } from "../csv.ts";

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
 * The answer as CSV, one line at a time (the API streams it): the compromised organisations
 * first (role `compromised`: contractors whose duty for the data entrusted to them is excused when
 * they tell their consignors promptly), then every affected organisation by id, its own data's
 * assessment beside the entrusted data's. Days are counted from `today`; cells a spreadsheet would
 * run as formulas are neutralised by csvCell.
 */
export function* breachCsvLines(response: BreachResponse, today: string): Generator<string> {
  const line = (cells: (string | number | null)[]) => `${csvLine(cells)}\r\n`;
  const days = (deadline: string | null) => (deadline === null ? null : daysBetween(today, deadline));
  const cells = (a: Assessment | null): (string | number | null)[] =>
    a === null
      ? ASSESSMENT.map(() => null)
      : [
          a.holdsData ? "yes" : "no",
          a.persons,
          a.personsUnknown,
          a.triggers.join(";"),
          a.report,
          a.preliminaryBy,
          days(a.preliminaryBy),
          a.finalBy,
          days(a.finalBy),
        ];
  const tail = [response.aware, response.cause, response.holidaysKnownThrough];
  yield BOM + line(HEADER);
  for (const c of response.compromised)
    yield line([
      c.id,
      c.name,
      null,
      "compromised",
      c.aware,
      c.awareFrom,
      c.authority,
      ...cells(null),
      ...cells(c.entrusted),
      c.notify.join(";"),
      ...tail,
    ]);
  for (const o of response.organisations)
    yield line([
      o.id,
      o.name,
      o.kind,
      o.role,
      o.aware,
      o.awareFrom,
      o.authority,
      ...cells(o),
      ...cells(o.entrusted),
      o.notify.join(";"),
      ...tail,
    ]);
}
