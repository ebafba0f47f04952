import { type BreachRequest, breachAnswer, breachPackets } from "../answers/breach.ts";
import { DEFAULT_RULES_FILE, loadRules, rulesFileName } from "../answers/rules.ts";
import {
  BREACH_PARAMETERS,
  type BreachChoices,
  type BreachResponse,
  ParameterError,
  parseBreachChoices,
  RuleSetError,
  SCENARIO_PARAMETERS,
  type Scenario,
  usageLines,
} from "../domain/index.ts";
import { CypherEngine } from "../engine/cypherEngine.ts";
import { type Lang, parseLang } from "../locale/index.ts";
import { jsonChunks } from "../report/chunks.ts";
import { breachCsvLines } from "../report/packets/csv.ts";
import { packetFiles, writePacketFiles } from "../report/packets/files.ts";
import { fail, optionsOf, parseCommand, scenarioOf, withDatabase } from "./command.ts";

const USAGE = `Usage:
  npm run notify -- --vendor ID [--vendor ID …] [--exclude-contract ID …] [--exclude-org ID …]
                    [--max-depth N] [--as-of DATE] [--enforce-retention]
                    [--aware DAY] [--cause unauthorized|accidental] [--format json|csv]
                    [--out DIR] [--lang ja|en] [--today DAY] [--rules FILE]

Breach response (docs/breach-response.md): for every organisation the compromise affects, whether
the APPI obliges it to report and notify, to whom, and by when; and whom each intermediary and
each compromised organisation must tell. A decision aid computed from the rule set in
data/rules/appi.json, not legal advice.

${usageLines([...SCENARIO_PARAMETERS, ...BREACH_PARAMETERS]).join("\n")}
  --format F             json (default) or csv, on standard output
  --out DIR              also write one printable packet per organisation (HTML and Markdown)
                         and an index sorted by deadline into DIR
  --lang L               the packets' language: ja (default) or en
  --rules FILE           another rule file (default: data/rules/appi.json)

Exit status: 0 answered; 1 refused (a bad option, an unknown id, --aware needed, a rule file
that does not fit); 2 the database cannot be reached.`;

const { values } = parseCommand(
  {
    options: {
      ...optionsOf([...SCENARIO_PARAMETERS, ...BREACH_PARAMETERS]),
      format: { type: "string", default: "json" },
      out: { type: "string" },
      lang: { type: "string", default: "ja" },
      rules: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  },
  USAGE,
);

// Every option is checked before the database is asked anything.
let scenario: Scenario;
let choices: BreachChoices;
let lang: Lang;
try {
  scenario = scenarioOf(values);
  choices = parseBreachChoices(values);
  if (values.format !== "json" && values.format !== "csv")
    throw new ParameterError("format", `format: "${values.format}" is not one of json, csv`);
  lang = parseLang(values.lang);
} catch (error) {
  if (error instanceof ParameterError) fail(error.message, 1);
  throw error;
}
const rulesFile = values.rules ?? DEFAULT_RULES_FILE;
let rules: ReturnType<typeof loadRules>;
try {
  rules = loadRules(rulesFile);
} catch (error) {
  if (error instanceof RuleSetError) fail(error.message, 1);
  throw error;
}

await withDatabase(async ({ driver }) => {
  const engine = new CypherEngine(driver);
  const { aware, cause, today } = choices;
  const request: BreachRequest = { scenario, aware, cause, rules };
  let response: BreachResponse;
  if (values.out) {
    // The answer and its packets from the same radius, read from one load.
    const book = await breachPackets(engine, request, { rulesFile: rulesFileName(rulesFile), today, lang });
    response = book.facts.response;
    const written = writePacketFiles(values.out, packetFiles(book));
    process.stderr.write(
      `Wrote ${written} files to ${values.out}: index.html and index.md, and a packet (HTML and Markdown) for each of ${response.compromised.length} compromised and ${response.organisations.length} affected organisations.\n`,
    );
  } else response = await breachAnswer(engine, request);
  const pieces = values.format === "csv" ? breachCsvLines(response, today) : jsonChunks(response, "\n");
  for (const piece of pieces) process.stdout.write(piece);
});
