import { readFileSync, statSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type BreachRules, parseRuleSet, RuleSetError } from "../domain/index.ts";

/** The project's root folder, wherever the command was started from. */
const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The rule set counsel keeps: one file, read at every run (docs/breach-response.md). */
export const DEFAULT_RULES_FILE = fileURLToPath(new URL("../data/rules/appi.json", import.meta.url));

/** `line:column` of a character offset, for a JSON syntax error. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

const cache = new Map<string, { mtimeMs: number; size: number; rules: BreachRules }>();

/**
 * Reads and checks a rule file. A file that is not JSON is refused with its line and column; one
 * that does not fit, with every field that does not (RuleSetError). The file is read again
 * whenever it changes, so a server picks up counsel's edit without a restart.
 */
export function loadRules(file = DEFAULT_RULES_FILE): BreachRules {
  const shown = relative(process.cwd(), file) || file;
  let stat: { mtimeMs: number; size: number };
  try {
    stat = statSync(file);
  } catch {
    throw new RuleSetError(shown, ["cannot be read (no such file?)"]);
  }
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.rules;
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8 names the offset of most syntax errors; an unexpected token it shows in context instead.
    const message = (error as Error).message.replaceAll("\n", "\\n");
    const at = /position (\d+)/.exec(message);
    const where = at ? `${lineAndColumn(text, Number(at[1]))}: ` : "";
    throw new RuleSetError(shown, [`${where}not valid JSON (${message})`]);
  }
  const rules = parseRuleSet(value, shown);
  cache.set(file, { ...stat, rules });
  return rules;
}

/** The rule file as the project names it (for messages and packets). */
export function rulesFileName(file = DEFAULT_RULES_FILE): string {
  return relative(PROJECT_ROOT, file);
}
