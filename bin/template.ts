import { existsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { isWorkbookPath, REGISTER_TABLES } from "../domain/index.ts";
import { parseLang } from "../locale/index.ts";
import { REGISTER_WORDS } from "../locale/register.ts";
import { writeTemplate } from "../register/template.ts";
import { checked, fail, parseCommand } from "./command.ts";

const USAGE = `Usage: npm run template -- FILE.xlsx [--lang ja|en] [--force]

Writes an empty register of contractors (委託先管理台帳) as an Excel workbook: an instructions sheet
with a worked example (a city → a shared service centre → a printer → its sub-contractor), then
the four sheets the loader reads (organisations, outsourcing, incidents, exposures; in Japanese
組織, 委託, 事案, 漏えい), each with its headers, a note on every header saying what the column
holds, drop-down lists for kind, confidence and status, and its date columns formatted as text
(so a typed 2024-05 stays a period). Fill it in, then: npm run ingest -- FILE.xlsx

  --lang L    ja (default) or en: sheet names, headers, notes and the words of the lists
  --force     replace FILE.xlsx if it exists (refused otherwise)
  -h, --help  this text

Exit status: 0 written; 1 a wrong argument or a file that cannot be written.`;

const parsed = parseCommand(
  {
    options: {
      lang: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  },
  USAGE,
);
if (parsed.positionals.length !== 1)
  fail(`Expected one workbook, got ${parsed.positionals.length}.\n\n${USAGE}`, 1);
const file = parsed.positionals[0] as string;
if (!isWorkbookPath(file)) fail(`${file}: a template is an Excel workbook; give a name ending in .xlsx`, 1);
const lang = checked(() => parseLang(parsed.values.lang));
if (existsSync(file)) {
  if (statSync(file).isDirectory()) fail(`${file} is a folder`, 1);
  if (!parsed.values.force) fail(`${file} exists; nothing was written (--force replaces it)`, 1);
}
const folder = dirname(file);
if (!existsSync(folder)) fail(`${file}: the folder ${folder} does not exist; nothing was written`, 1);

try {
  await writeTemplate(file, lang);
} catch (error) {
  fail(`${file}: ${(error as Error).message}; nothing was written`, 1);
}
const sheets = [REGISTER_WORDS[lang].instructionsSheet, ...REGISTER_TABLES.map((t) => t.sheets[lang])];
process.stdout.write(
  `Wrote the empty register ${file} (${lang}; sheets ${sheets.join(", ")}). ` +
    `Fill it in, then check it with: npm run ingest -- ${file} --dry-run\n`,
);
