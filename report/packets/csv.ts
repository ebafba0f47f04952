import { type BreachResponse, daysBetween } from "../../domain/index.ts";
import { BOM, csvLine } from "../csv.ts";

const HEADER = [
  "id",
  "name",
  "kind",
  "role",
  "holds_data",
  "persons",
  "persons_unknown",
  "triggers",
  "report",
  "authority",
  "preliminary_by",
  "days_to_preliminary",
  "final_by",
  "days_to_final",
  "notify",
  "aware",
  "cause",
];

/**
 * The answer as CSV, one line at a time (the API streams it): the compromised organisations
 * first (role `compromised`: they tell their consignors at once), then every affected
 * organisation by id. Days are counted from `today`; cells a spreadsheet would run as formulas
 * are neutralised by csvCell.
 */
export function* breachCsvLines(response: BreachResponse, today: string): Generator<string> {
  const line = (cells: (string | number | null)[]) => `${csvLine(cells)}\r\n`;
  const days = (deadline: string | null) => (deadline === null ? null : daysBetween(today, deadline));
  yield BOM + line(HEADER);
  for (const c of response.compromised) {
    yield line([
      c.id,
      c.name,
      null,
      "compromised",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      c.notify.join(";"),
      response.aware,
      response.cause,
    ]);
  }
  for (const o of response.organisations) {
    yield line([
      o.id,
      o.name,
      o.kind,
      o.role,
      o.holdsData ? "yes" : "no",
      o.persons,
      o.personsUnknown,
      o.triggers.join(";"),
      o.report,
      o.authority,
      o.preliminaryBy,
      days(o.preliminaryBy),
      o.finalBy,
      days(o.finalBy),
      o.notify.join(";"),
      response.aware,
      response.cause,
    ]);
  }
}
