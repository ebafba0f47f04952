import { writeFileSync } from "node:fs";
import { ParameterError, parseChoice, parseDay, todayInJapan } from "../domain/index.ts";
import { COPY_READ_TIMEOUT_MS } from "../engine/graphRead.ts";
import { QualityReads } from "../engine/qualityReads.ts";
import { type Lang, parseLang } from "../locale/index.ts";
import { QUALITY_FORMATS, type QualityFormat, REPORT_ROWS, renderQuality } from "../report/quality/render.ts";
import { fail, parseCommand, withDatabase } from "./command.ts";

const USAGE = `Usage:
  npm run quality -- [--format json|md|html] [--today DAY] [--lang ja|en] [--limit N] [--out FILE]

What the loaded dataset lacks (docs/data-quality.md): per kind of consignor, the share of contracts
that give records, persons, data categories, since, until, delete_by and source; contracts whose
delete_by has passed with no until on or before it; sub-contracts without carries; dates after
today; organisations whose kind is missing or unknown; organisations with no contract; and the
contracts with undisclosed records, ranked by how many contracts reach the vendor through them.
Every item names its rows (ids, names, the file and column) so you know whom to ask.

  --format F             json (default; every row of every list), md or html (a report that lists
                         the first ${REPORT_ROWS} rows of each item and says how many more there are)
  --today DAY            judge dates as of this day (YYYY-MM-DD; default: today in Japan)
  --lang L               ja (default) or en: the words of md and html (JSON never changes)
  --limit N              list at most N rows of each item (the totals still count them all)
  --out FILE             write to FILE instead of standard output

Exit status: 0 answered; 1 an option was refused or the graph must be loaded again; 2 the database
cannot be reached.`;

const { values } = parseCommand(
  {
    options: {
      format: { type: "string", default: "json" },
      today: { type: "string" },
      lang: { type: "string" },
      limit: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  },
  USAGE,
);

// Every option is checked before the database is asked anything.
let format: QualityFormat;
let today: string;
let lang: Lang;
let limit: number | null = null;
try {
  format = parseChoice("format", values.format ?? "json", QUALITY_FORMATS);
  today = values.today === undefined ? todayInJapan() : parseDay("today", values.today);
  lang = parseLang(values.lang);
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!(Number.isSafeInteger(limit) && limit >= 1))
      throw new ParameterError("limit", `limit: "${values.limit}" is not a whole number ≥ 1`);
  }
} catch (error) {
  if (error instanceof ParameterError) fail(error.message, 1);
  throw error;
}

await withDatabase(async ({ driver }) => {
  // A million contracts are streamed once: the read may outlast an answer's usual timeout.
  const report = await new QualityReads(driver, COPY_READ_TIMEOUT_MS).report({ today, limit });
  const body = renderQuality(format, report, lang).body;
  if (values.out) {
    writeFileSync(values.out, body);
    process.stderr.write(`Wrote ${values.out}\n`);
  } else process.stdout.write(body);
});
