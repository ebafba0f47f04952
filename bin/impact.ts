import { writeFileSync } from "node:fs";
import { ParameterError, parseScenario, type Scenario } from "../domain/index.ts";
import { compare } from "../engine/compare.ts";
import { CypherEngine } from "../engine/cypherEngine.ts";
import { readDatasetStamp } from "../engine/graphRead.ts";
import { rankCsv } from "../report/csv.ts";
import { REPORT_FORMATS, type ReportFormat, renderBlastRadius } from "../report/render.ts";
import { fail, parseCommand, withDatabase } from "./command.ts";

const USAGE = `Usage:
  npm run impact -- --vendor ID [--vendor ID …] [--exclude-contract ID …] [--exclude-org ID …]
                    [--max-depth N] [--as-of DATE] [--enforce-retention] [--compare]
                    [--format json|csv|md|html|gexf] [--out FILE]
  npm run impact -- --rank [--top N] [--format json|csv] [--out FILE]

The blast radius of a scenario (docs/blast-radius.md): who is affected if these vendors are compromised,
through which chain, and how many records are exposed.

  --vendor ID            a compromised organisation (repeat for several)
  --exclude-contract ID  leave this contract out (repeat)
  --exclude-org ID       leave this organisation and its contracts out (repeat)
  --max-depth N          count organisations at most N contracts away
  --as-of DATE           judge contracts at this date (YYYY-MM-DD, YYYY-MM or YYYY)
  --enforce-retention    with --as-of: data past its delete_by counts as deleted
  --compare              show the scenario beside the plain compromise of the same vendors
  --rank                 rank every vendor by what its compromise alone would expose
  --top N                with --rank: only the first N
  --format F             json (default), csv, md, html, gexf
  --out FILE             write to FILE instead of standard output

Exit status: 0 answered; 1 the scenario was refused; 2 the database cannot be reached.`;

const { values } = parseCommand(
  {
    options: {
      vendor: { type: "string", multiple: true },
      "exclude-contract": { type: "string", multiple: true },
      "exclude-org": { type: "string", multiple: true },
      "max-depth": { type: "string" },
      "as-of": { type: "string" },
      "enforce-retention": { type: "boolean" },
      compare: { type: "boolean" },
      rank: { type: "boolean" },
      top: { type: "string" },
      format: { type: "string", default: "json" },
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
// The scenario is checked before the database is asked anything.
let scenario: Scenario | undefined;
try {
  scenario = values.rank ? undefined : parseScenario(values);
} catch (error) {
  if (error instanceof ParameterError) fail(error.message, 1);
  throw error;
}

await withDatabase(async ({ driver }) => {
  const engine = new CypherEngine(driver);
  if (scenario === undefined) {
    const ranks = await engine.rank(top);
    output(format === "csv" ? rankCsv(ranks) : `${JSON.stringify(ranks, null, 2)}\n`);
    return;
  }
  const comparison = values.compare ? await compare(engine, scenario) : undefined;
  const result = comparison?.whatIf ?? (await engine.blastRadius(scenario));
  output(renderBlastRadius(format, result, await readDatasetStamp(driver), comparison).body);
});
