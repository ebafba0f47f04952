import { type BreachResponse, daysBetween } from "../domain/index.ts";
import { csvCell } from "../report/csv.ts";

/** Excel opens UTF-8 with Japanese text cleanly only with a BOM; rows end in CRLF (as report/csv.ts). */
const BOM = "\uFEFF";

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
export function* notifyCsvLines(response: BreachResponse, today: string): Generator<string> {
  const line = (cells: (string | number | null)[]) => `${cells.map(csvCell).join(",")}\r\n`;
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

export function notifyCsv(response: BreachResponse, today: string): string {
  return [...notifyCsvLines(response, today)].join("");
}

/**
 * The JSON answer in pieces whose concatenation is exactly `JSON.stringify(response, null, 2)`,
 * one organisation per piece: a large answer is streamed, never held as one string.
 */
export function* notifyJsonChunks(response: BreachResponse): Generator<string> {
  const at = (value: unknown, indent: string) =>
    JSON.stringify(value, null, 2).replaceAll("\n", `\n${indent}`);
  const { organisations, compromised, ...head } = response;
  const headText = Object.entries(head)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${at(v, "  ")}`)
    .join(",\n");
  yield `{\n${headText},\n  "organisations": [`;
  for (let i = 0; i < organisations.length; i++)
    yield `${i === 0 ? "\n" : ",\n"}    ${at(organisations[i], "    ")}`;
  yield `${organisations.length > 0 ? "\n  " : ""}],\n  "compromised": ${at(compromised, "  ")}\n}`;
}
