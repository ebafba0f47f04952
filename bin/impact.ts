import { readFileSync, writeFileSync } from "node:fs";
import { impactAnswerOf, rankReport } from "../answers/impact.ts";
import {
  checkComparable,
  type EarlierAnswer,
  ParameterError,
  readEarlierAnswer,
  SCENARIO_PARAMETERS,
  type Scenario,
  usageLines,
} from "../domain/index.ts";
import { CypherEngine } from "../engine/cypherEngine.ts";
import { type Lang, parseLang } from "../locale/index.ts";
import { checkSinceFormat, REPORT_FORMATS, type ReportFormat, renderBlastRadius } from "../report/render.ts";
import { fail, optionsOf, parseCommand, scenarioOf, withDatabase } from "./command.ts";

const USAGE = `Usage:
  npm run impact -- --vendor ID [--vendor ID …] [--exclude-contract ID …] [--exclude-org ID …]
                    [--max-depth N] [--as-of DATE] [--enforce-retention] [--confirmed-only] [--compare]
                    [--since EARLIER.json] [--format json|csv|md|html|gexf] [--lang ja|en] [--out FILE]
  npm run impact -- --rank [--top N] [--confirmed-only] [--format json|csv] [--out FILE]

The blast radius of a scenario (docs/blast-radius.md): who is affected if these vendors are compromised,
through which chain, and how many records are exposed.

${usageLines(SCENARIO_PARAMETERS).join("\n")}
  --compare              show the scenario beside the plain compromise of the same vendors
  --since FILE           what changed since an earlier JSON answer of this command (or of the API)
                         for the same scenario: organisations that entered and left the blast
                         radius, those whose depth, records, persons or undisclosed contracts
                         changed (then → now), and the totals then → now; added to every format
                         but gexf ("changes" in JSON, a change column in CSV, a section in md/html).
                         An answer of another scenario, or one whose lists were cut, is refused.
  --rank                 rank every vendor by what its compromise alone would expose
  --top N                with --rank: only the first N
                         (with --rank, --confirmed-only ranks on confirmed contracts alone)
  --format F             json (default), csv, md, html, gexf; every JSON answer carries its
                         "format" version and the "dataset" it was computed on
  --lang L               ja (default) or en: the headings, words, kinds and organisation names of
                         md and html reports, the headers and words of csv (JSON never changes)
  --out FILE             write to FILE instead of standard output

Exit status: 0 answered; 1 the scenario, an option or the earlier answer was refused; 2 the database
cannot be reached.`;

const { values } = parseCommand(
  {
    options: {
      ...optionsOf(SCENARIO_PARAMETERS),
      compare: { type: "boolean" },
      rank: { type: "boolean" },
      top: { type: "string" },
      since: { type: "string" },
      format: { type: "string", default: "json" },
      lang: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  },
  USAGE,
);
const format = values.format as ReportFormat;
if (!REPORT_FORMATS.includes(format))
  fail(`format: "${values.format}" is not one of ${REPORT_FORMATS.join(", ")}`, 1);

function output(body: string): void {
  if (values.out) {
    writeFileSync(values.out, body);
    process.stderr.write(`Wrote ${values.out}\n`);
  } else process.stdout.write(body);
}

const top = values.top === undefined ? undefined : Number(values.top);
if (values.rank) {
  if (format !== "json" && format !== "csv") fail(`format: --rank gives json or csv, not "${format}"`, 1);
  if (top !== undefined && !(Number.isInteger(top) && top >= 1))
    fail(`top: "${values.top}" is not a whole number ≥ 1`, 1);
}
/** The earlier answer named by --since, read and checked before the database is asked anything. */
function readEarlier(file: string, scenario: Scenario): EarlierAnswer {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a folder"
          : code === "EACCES"
            ? "permission denied"
            : (error as Error).message;
    throw new ParameterError("since", `since: cannot read ${file}: ${why}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ParameterError("since", `since: ${file} is not JSON (${(error as Error).message})`);
  }
  const earlier = readEarlierAnswer(value, file);
  checkComparable(earlier, scenario);
  return earlier;
}

// The scenario, the language and an earlier answer are checked before the database is asked anything.
let scenario: Scenario | undefined;
let lang: Lang = "ja";
let earlier: EarlierAnswer | undefined;
try {
  lang = parseLang(values.lang);
  if (values.rank && values.since !== undefined)
    throw new ParameterError("since", "since: --rank ranks vendors; --since compares blast radii");
  scenario = values.rank ? undefined : scenarioOf(values);
  if (scenario && values.since !== undefined) {
    checkSinceFormat(format);
    earlier = readEarlier(values.since, scenario);
  }
} catch (error) {
  if (error instanceof ParameterError) fail(error.message, 1);
  throw error;
}

await withDatabase(async ({ driver }) => {
  const engine = new CypherEngine(driver);
  if (scenario === undefined) {
    const confirmedOnly = values["confirmed-only"] === true;
    output((await rankReport(engine, top, format === "csv" ? "csv" : "json", confirmedOnly)).body);
    return;
  }
  // Whole answers (no limit): each carries the stamp of the load it was computed on.
  const input = await impactAnswerOf(engine, { scenario, compare: values.compare, earlier });
  output(renderBlastRadius(format, { ...input, lang }).body);
});
