import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/paths.ts";
import { importsOf, SKIP, sourceFiles, sourceText } from "../helpers/sources.ts";

/**
 * The house as docs/architecture.md draws it, checked from the code's own imports: entry points
 * → API → engines, loader, reports → Neo4j driver code → domain; the web app sees the domain
 * only; nothing the product ships imports the tooling.
 */

/** Which part of the house a project file belongs to. */
function partOf(file: string): string {
  if (file.startsWith("web/src/")) return "web app";
  if (file.startsWith("neo4j/bundled/")) return "bundled server";
  if (file.startsWith("tools/reference/")) return "reference";
  return file.split("/")[0] as string;
}

/** The product's server side, which the entry points and the tools both use. */
const PRODUCT = [
  "domain",
  "neo4j",
  "bundled server",
  "engine",
  "ingest",
  "report",
  "answers",
  "api",
  "register",
];

/** What each part may import, besides itself and npm packages. */
const MAY_IMPORT: Record<string, string[]> = {
  domain: [],
  locale: ["domain"],
  "web app": ["domain", "locale"],
  report: ["domain", "locale"],
  // Workbooks and CSV files of a register: written from rows it is given, never from a query.
  register: ["domain", "locale"],
  neo4j: [],
  "bundled server": ["neo4j"],
  engine: ["domain", "neo4j"],
  // The loader reads workbooks through register/exceljs.ts, the one place exceljs is loaded; the
  // offline load (ingest/offline/) stops, imports into and starts the bundled server.
  ingest: ["domain", "neo4j", "register", "bundled server"],
  answers: ["domain", "engine", "report", "locale"],
  api: ["domain", "neo4j", "engine", "report", "answers", "locale"],
  web: [],
  bin: [...PRODUCT, "locale", "web", "tools"],
  tools: [...PRODUCT, "reference"],
  reference: ["domain"],
  "vite.config.ts": [],
  // The tests' configuration: which bundled Neo4j versions they run on.
  "vitest.config.ts": ["neo4j"],
};

/** Packages only the server side may use: the browser and the reports never touch the database. */
const SERVER_PACKAGES = ["neo4j-driver", "fastify", "@fastify/static"];
const NO_SERVER_PACKAGES = ["domain", "locale", "web app", "report", "reference", "register"];
/** Parts the browser bundles: no Node.js module (`node:…`). */
const NO_NODE_MODULES = ["domain", "locale", "web app"];

const allFiles = sourceFiles();
const files = allFiles.filter((f) => !f.startsWith("tests/"));
/** Each file's text, read once. */
const TEXT = new Map(files.map((f) => [f, sourceText(f)]));
const textOf = (file: string) => TEXT.get(file) as string;
/** Each file's imports. */
const IMPORTS = new Map(files.map((f) => [f, importsOf(f, textOf(f))]));
const importsOfFile = (file: string) => IMPORTS.get(file) as string[];

describe("imports run one way", () => {
  it("finds the product's files", () => {
    expect(files.length).toBeGreaterThan(60);
  });

  it.each(files.map((f) => [f]))("%s", (file) => {
    const part = partOf(file);
    const allowed = MAY_IMPORT[part];
    expect(allowed, `${file} is in no known part of the house`).toBeDefined();
    for (const target of importsOfFile(file)) {
      if (target.startsWith("node:") || !target.includes("/") || target.startsWith("@")) {
        if (NO_SERVER_PACKAGES.includes(part))
          expect(SERVER_PACKAGES, `${file} imports ${target}`).not.toContain(target);
        if (NO_NODE_MODULES.includes(part))
          expect(target.startsWith("node:"), `${file} imports ${target}`).toBe(false);
        continue;
      }
      if (!/\.tsx?$/.test(target)) continue; // CSS and other assets
      const targetPart = partOf(target);
      if (targetPart === part) continue;
      expect(allowed, `${file} (${part}) imports ${target} (${targetPart})`).toContain(targetPart);
    }
  });
});

describe("exceljs is loaded in one place", () => {
  // register/exceljs.ts fixes its XML reader before it loads: any other module that loads exceljs
  // first would leave the broken reader in place (type-only imports load nothing).
  const name = '"exceljs"'; // spelled apart, so that this file does not match itself
  const loads = new RegExp(`from ${name}|import\\(${name}\\)|require\\(${name}\\)`);
  const loaders = allFiles.filter(
    (f) =>
      f !== "register/exceljs.ts" && loads.test(sourceText(f).replace(/(import|export) type [^;]*;/g, "")),
  );
  it("imports it nowhere but register/exceljs.ts", () => {
    expect(loaders).toEqual([]);
  });
});

/** Text of a file without its comments: what it does, not what it says about itself. */
function codeOf(file: string): string {
  return textOf(file)
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/**
 * Where the database is read: the engines, the loader, the driver code and `npm run cypher` (the
 * user's own query). tools/ is exempt: its baselines (a path-enumerating query, a row-by-row
 * loader) exist to be measured against, and nothing the product ships imports tools/.
 */
const READS_DATABASE = ["engine", "ingest", "neo4j", "bundled server"];
const READ_FILES = ["bin/cypher.ts"];
const DATABASE_READ = /\.session\(|executeRead|executeWrite|executeQuery|readTransaction|rowsOf|\bcypher\(/;

describe("the database is read in one place", () => {
  const readers = files.filter(
    (f) =>
      !f.startsWith("tools/") &&
      !READS_DATABASE.includes(partOf(f)) &&
      !READ_FILES.includes(f) &&
      (DATABASE_READ.test(codeOf(f)) ||
        importsOfFile(f).some((t) => t === "neo4j/read.ts" || t === "neo4j/queries.ts")),
  );
  it("reads it nowhere but in engine/, ingest/, neo4j/ and the cypher command", () => {
    expect(readers).toEqual([]);
  });
});

/** Kana and kanji (and full-width forms): a Japanese word written outside the vocabulary. */
const JAPANESE = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;
/** The parts that show words to a person, which take every word from locale/. */
const SHOWS_WORDS = ["web app", "report", "answers", "register"];

describe("one vocabulary", () => {
  const speaking = files.filter((f) => SHOWS_WORDS.includes(partOf(f)));
  it("finds the files that show words", () => {
    expect(speaking.length).toBeGreaterThan(40);
  });
  it.each(speaking.map((f) => [f]))("%s writes no word of its own (Japanese only in locale/)", (file) => {
    const lines = codeOf(file)
      .split("\n")
      .filter((line) => JAPANESE.test(line));
    expect(lines, `${file} writes words the vocabulary should hold`).toEqual([]);
  });
});

describe("the house is fully described and checked", () => {
  const topFolders = readdirSync(PROJECT_ROOT).filter(
    (name) => !name.startsWith(".") && !SKIP.has(name) && statSync(join(PROJECT_ROOT, name)).isDirectory(),
  );

  it("type-checks every TypeScript file (tsconfig.json includes every folder that holds one)", () => {
    const tsconfig = JSON.parse(readFileSync(join(PROJECT_ROOT, "tsconfig.json"), "utf8")) as {
      include: string[];
    };
    const holdingTypeScript = [...new Set(allFiles.map((f) => f.split("/")[0] as string))];
    for (const folder of holdingTypeScript) {
      if (folder.endsWith(".ts")) expect(tsconfig.include).toContain(folder);
      else expect(tsconfig.include, `${folder}/ is not type-checked`).toContain(folder);
    }
  });

  it("names every top-level folder in the README's layout", () => {
    const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
    const layout = readme.slice(readme.indexOf("## Layout"));
    for (const folder of topFolders)
      expect(layout, `README layout lacks ${folder}/`).toContain(`\`${folder}/\``);
  });
});
