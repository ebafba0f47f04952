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
    // Staging and retired labels belong to the loader alone: no other query may read them.
    const known: readonly string[] =
      (file as string).includes("/ingest/staged/") || (file as string).endsWith("schema.cypher")
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

describe("the active-contract predicate", () => {
  /** The lines of a query that decide whether a contract is active (DOMAIN.md). */
  const predicate = (name: string) =>
    readFileSync(join(CYPHER_DIR, `${name}.cypher`), "utf8")
      .split("\n")
      .filter((line) => /r\.id IN \$excludedContracts|r\.sinceStart|r\.deleteByEnd >= \$asOf/.test(line))
      .map((line) =>
        line
          .replace(/^\s*(WHERE all\(r IN relationships\(p\) WHERE |AND )/, "")
          .replace(/\)+$/, "")
          .trim(),
      );

  it("is written the same way in every impact query", () => {
    const reach = predicate("impact/reach");
    expect(reach).toEqual([
      "NOT r.id IN $excludedContracts",
      "($asOf IS NULL OR r.sinceStart IS NULL OR r.sinceStart <= $asOf",
      "(NOT $enforceRetention OR r.deleteByEnd IS NULL OR r.deleteByEnd >= $asOf",
    ]);
    expect(predicate("impact/organisation-figures")).toEqual(reach);
    expect(predicate("impact/counted-contracts")).toEqual(reach);
  });
});
