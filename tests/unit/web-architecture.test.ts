import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/paths.ts";
import { importsOf, sourceFiles, sourceText } from "../helpers/sources.ts";

/**
 * The web app by feature, checked from its own imports: the shell (main.tsx, App.tsx, Header.tsx)
 * may import anything; each feature folder (one thing an analyst does) imports only the graph and
 * the shared pieces, never another feature; graph/ (the graphology dataset and the sigma plumbing)
 * imports only shared/; shared/ imports nothing else of web/src. Outside web/src, only domain/ and locale/.
 */
const WEB_SRC = "web/src";

const SHARED = "shared";
const GRAPH = "graph";
const FEATURES = ["radius", "organisation", "rank", "response", "changes", "groups", "search", "data"];
/** The files at the top of web/src: the page's layout and which view is shown. */
const SHELL = "the shell";

/** What each folder of web/src may import, besides itself, domain/ and locale/. */
const MAY_IMPORT: Record<string, string[]> = {
  [SHELL]: [SHARED, GRAPH, ...FEATURES],
  [SHARED]: [],
  [GRAPH]: [SHARED],
  ...Object.fromEntries(FEATURES.map((feature) => [feature, [GRAPH, SHARED]])),
};

/** The shared pieces, each a folder of its own. */
const SHARED_PARTS = ["api", "state", "i18n", "widgets"];

/** The folder of web/src a file belongs to: its first folder there, or the shell. */
function folderOf(file: string): string {
  const parts = file.slice(WEB_SRC.length + 1).split("/");
  return parts.length === 1 ? SHELL : (parts[0] as string);
}

const files = sourceFiles(WEB_SRC);
/**
 * The project files each file imports, as paths from the root: its relative imports and the
 * workers it starts (`new URL("./x.worker.ts", import.meta.url)`). Packages and assets are left out.
 */
const IMPORTS = new Map(
  files.map((file) => [file, importsOf(file, sourceText(file), { workers: true, projectOnly: true })]),
);
const importsOfFile = (file: string) => IMPORTS.get(file) as string[];
/** Every import between two files of web/src, as [importer, imported]. */
const edges = files.flatMap((file) => importsOfFile(file).map((target) => [file, target] as const));
const inWeb = edges.filter(([, target]) => target.startsWith(`${WEB_SRC}/`));

/**
 * Which folder imports which, by a function naming a file's folder. A folder's imports of its own
 * files are left out, and so are those between a folder and one inside it: a folder holds the
 * pieces of its sub-folders (graph/sigma/GraphView.tsx mounts its controllers/, which use its
 * context.ts).
 */
function folderGraph(name: (file: string) => string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [file, target] of inWeb) {
    const from = name(file);
    const to = name(target);
    if (from === to || from.startsWith(`${to}/`) || to.startsWith(`${from}/`)) continue;
    graph.set(from, (graph.get(from) ?? new Set()).add(to));
  }
  return graph;
}

/** A cycle in a folder graph, as its folders in order, or none. */
function cycleIn(graph: Map<string, Set<string>>): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    const at = path.indexOf(node);
    if (at >= 0) return [...path.slice(at), node];
    if (done.has(node)) return undefined;
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(node);
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("the web app's folders import one way", () => {
  it("finds the web app's files and their imports", () => {
    expect(files.length).toBeGreaterThan(60);
    expect(inWeb.length).toBeGreaterThan(100);
  });

  it("resolves every relative import to a file that exists", () => {
    for (const [file, target] of edges)
      expect(existsSync(join(PROJECT_ROOT, target)), `${file} imports ${target}`).toBe(true);
  });

  it("leaves web/src only for domain/ and the vocabulary (locale/)", () => {
    for (const [file, target] of edges.filter(([, t]) => !t.startsWith(`${WEB_SRC}/`)))
      expect(/^(domain|locale)\//.test(target), `${file} imports ${target}`).toBe(true);
  });

  it.each(files.map((f) => [f]))("%s", (file) => {
    const folder = folderOf(file);
    const allowed = MAY_IMPORT[folder];
    expect(allowed, `${file} is in no known folder of web/src`).toBeDefined();
    for (const target of importsOfFile(file).filter((t) => t.startsWith(`${WEB_SRC}/`))) {
      const targetFolder = folderOf(target);
      if (targetFolder === folder) continue;
      expect(allowed, `${file} (${folder}) imports ${target} (${targetFolder})`).toContain(targetFolder);
    }
  });

  it("has no feature importing another", () => {
    for (const [file, target] of inWeb) {
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to && FEATURES.includes(from))
        expect(FEATURES, `${file} (${from}) imports ${target} (${to})`).not.toContain(to);
    }
  });

  it("has no two folders importing each other, nor any cycle of folders", () => {
    // The folders of web/src, then every folder at any depth (shared/i18n/ and shared/state/ too).
    for (const graph of [folderGraph(folderOf), folderGraph((file) => dirname(file))]) {
      for (const [from, targets] of graph)
        for (const to of targets)
          expect(graph.get(to)?.has(from) ?? false, `${from} and ${to} import each other`).toBe(false);
      expect(cycleIn(graph), "folders importing in a circle").toBeUndefined();
    }
  });
});

describe("the web app's folders are all known", () => {
  const foldersIn = (dir: string) =>
    readdirSync(join(PROJECT_ROOT, dir)).filter((name) =>
      statSync(join(PROJECT_ROOT, dir, name)).isDirectory(),
    );

  it("knows every folder of web/src: a new one is added to the rule on purpose", () => {
    for (const folder of foldersIn(WEB_SRC))
      expect(Object.keys(MAY_IMPORT), `web/src/${folder}/ is in no rule`).toContain(folder);
  });

  it("knows every shared piece, and shared/ holds only them", () => {
    for (const part of foldersIn(`${WEB_SRC}/${SHARED}`))
      expect(SHARED_PARTS, `web/src/shared/${part}/ is not a known shared piece`).toContain(part);
    expect(files.filter((f) => dirname(f) === `${WEB_SRC}/${SHARED}`)).toEqual([]);
  });
});
