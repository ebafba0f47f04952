import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { LOADER_LABELS, NODE_LABELS, RELATIONSHIP_TYPES } from "../../domain/schema.ts";
import { PROJECT_ROOT } from "../helpers/paths.ts";

const CYPHER_DIR = join(PROJECT_ROOT, "cypher");

function cypherFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? cypherFiles(join(dir, entry.name))
      : entry.name.endsWith(".cypher")
        ? [join(dir, entry.name)]
        : [],
  );
}

/**
 * Labels in node patterns `(x:Label|Other)`, in `SET x:Label`, `REMOVE x:A:B` and `WHERE x:Label`,
 * and types in relationship patterns `[x:TYPE]`, comments dropped.
 */
function vocabulary(text: string) {
  const code = text.replace(/\/\/.*$/gm, "");
  const labels = [
    ...code.matchAll(
      /(?:\(\s*\w*\s*|\b(?:SET|REMOVE|WHERE|AND|OR|NOT)\s+\w+\s*)((?::\s*\w+\s*|\|\s*\w+\s*)+)/g,
    ),
  ].flatMap((m) =>
    (m[1] as string)
      .split(/[:|]/)
      .map((l) => l.trim())
      .filter(Boolean),
  );
  const types = [...code.matchAll(/\[\s*\w*\s*:\s*(\w+)/g)].map((m) => m[1] as string);
  return { labels, types };
}

describe("every query speaks the schema's vocabulary", () => {
  const files = cypherFiles(CYPHER_DIR);
  it("finds the query files", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });
  it.each(files.map((f) => [relative(CYPHER_DIR, f), f]))("%s", (_name, file) => {
    const { labels, types } = vocabulary(readFileSync(file as string, "utf8"));
    // Staging, retired and lock labels belong to the loader alone: no other query may read them.
    const known: readonly string[] =
      /\/ingest\/(staged|lock)\//.test(file as string) || (file as string).endsWith("schema.cypher")
        ? [...NODE_LABELS, ...LOADER_LABELS]
        : NODE_LABELS;
    for (const label of labels) expect(known).toContain(label);
    for (const type of types) expect(RELATIONSHIP_TYPES).toContain(type);
  });
  it("reads every label of a label expression, SET and REMOVE", () => {
    expect(
      vocabulary("MATCH (n:Organisation|Retird) REMOVE n:Organisation:Incident SET n:Retired").labels,
    ).toEqual(["Organisation", "Retird", "Organisation", "Incident", "Retired"]);
  });
  it("catches a label that is not in the schema", () => {
    expect(vocabulary("MATCH (o:Organisaton)-[:OUTSOURCE_TO]->(x) RETURN o")).toEqual({
      labels: ["Organisaton"],
      types: ["OUTSOURCE_TO"],
    });
  });
});

describe("the active-contract rule", () => {
  it("is stated in cypher/fragments/active-contract.cypher alone; queries include it by name", () => {
    const rule = /\$excludedContracts|\$excludedOrganisations|sinceStart <=|deleteByEnd >=/;
    const stating = cypherFiles(CYPHER_DIR)
      .filter((file) => rule.test(readFileSync(file, "utf8").replace(/\/\/.*$/gm, "")))
      .map((file) => relative(CYPHER_DIR, file));
    expect(stating).toEqual(["fragments/active-contract.cypher"]);
    const including = cypherFiles(CYPHER_DIR)
      .filter((file) =>
        readFileSync(file, "utf8")
          .replace(/\/\/.*$/gm, "")
          .includes("{{active-contract}}"),
      )
      .map((file) => relative(CYPHER_DIR, file))
      .sort();
    expect(including).toEqual([
      "blast-radius/contracts-into.cypher",
      "blast-radius/contracts-listed.cypher",
      "blast-radius/estimate-peers.cypher",
    ]);
  });
});
