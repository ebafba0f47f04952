import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder, wherever the command was started from. */
const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));

const cache = new Map<string, string>();

/** The text of `cypher/NAME.cypher`: queries live in files, never in string literals. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(PROJECT_ROOT, "cypher", `${name}.cypher`), "utf8");
    cache.set(name, text);
  }
  return text;
}

/** The statements of a file that holds several, separated by `;` at the end of a line. */
export function cypherStatements(name: string): string[] {
  return cypher(name)
    .split(/;\s*$/m)
    .map((statement) =>
      statement
        .split("\n")
        .filter((line) => !line.trim().startsWith("//"))
        .join("\n")
        .trim(),
    )
    .filter((statement) => statement !== "");
}
