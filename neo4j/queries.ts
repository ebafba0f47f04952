import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the queries live: `cypher/NAME.cypher`, and the fragments they share in `cypher/fragments/`. */
const CYPHER_DIR = fileURLToPath(new URL("../cypher/", import.meta.url));
const FRAGMENT = /\{\{\s*([a-z0-9-]+)\s*\}\}/g;

const cache = new Map<string, string>();

function withoutComments(text: string): string {
  return text
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .trim();
}

/**
 * A query text with each `{{name}}` replaced by `cypher/fragments/NAME.cypher` (comments dropped):
 * a rule several queries must state, such as the active-contract rule, is written once.
 */
export function withFragments(text: string): string {
  return text.replace(FRAGMENT, (_, name: string) => {
    const fragment = withoutComments(readFileSync(join(CYPHER_DIR, "fragments", `${name}.cypher`), "utf8"));
    if (fragment.includes("{{")) throw new Error(`cypher/fragments/${name}.cypher: fragments do not nest`);
    return fragment;
  });
}

/** The text of `cypher/NAME.cypher`, fragments included: queries live in files, never in string literals. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = withFragments(readFileSync(join(CYPHER_DIR, `${name}.cypher`), "utf8"));
    cache.set(name, text);
  }
  return text;
}

/** The statements of a file that holds several, separated by `;` at the end of a line. */
export function cypherStatements(name: string): string[] {
  return cypher(name)
    .split(/;\s*$/m)
    .map(withoutComments)
    .filter((statement) => statement !== "");
}
