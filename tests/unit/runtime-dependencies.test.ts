import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/paths.ts";

/**
 * Issue 13, item 12: `npm start` (and `npm run serve`) must run after `npm install --omit=dev`.
 * Walks every file they load, transitively — the entry points, what they import, the web app
 * they build when web/ changed (vite.config.ts, then web/index.html's module and its imports and
 * workers) — and checks that every package one imports for its value is a dependency, never a
 * devDependency only. Type-only imports vanish at run time and are not counted.
 */
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The modules a file loads at run time: project files as paths from the root, and packages. */
function runtimeImports(file: string): { files: string[]; packages: string[] } {
  const text = readFileSync(join(PROJECT_ROOT, file), "utf8");
  const specifiers = [
    // `import x from "m"`, `import { a, type B } from "m"`, `export { a } from "m"`, `import "m"`,
    // but not `import type …` nor `export type …`.
    ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)].map(
      (m) => m[1] as string,
    ),
    ...[...text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] as string),
    // Web workers: `new Worker(new URL("./layout.worker.ts", import.meta.url))`.
    ...[...text.matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)].map(
      (m) => m[1] as string,
    ),
  ];
  const plain = specifiers.map((s) => s.replace(/\?.*$/, ""));
  return {
    files: plain
      .filter((s) => s.startsWith("."))
      .map((s) => relative(PROJECT_ROOT, join(PROJECT_ROOT, dirname(file), s))),
    packages: plain.filter((s) => !s.startsWith(".") && !isBuiltin(s)),
  };
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

const isBuiltin = (specifier: string) =>
  specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0] as string);

/** Every project file reachable from the roots, and the packages each one loads. */
function walk(roots: string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    const { files, packages } = runtimeImports(file);
    seen.set(file, packages);
    for (const target of files) {
      if (/\.(tsx?|js)$/.test(target) && existsSync(join(PROJECT_ROOT, target))) queue.push(target);
    }
  }
  return seen;
}

const webEntry = (() => {
  const html = readFileSync(join(PROJECT_ROOT, "web", "index.html"), "utf8");
  const src = /<script[^>]*type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
  return join("web", src ?? "missing-entry");
})();

const ROOTS = ["bin/start.ts", "bin/serve.ts", "vite.config.ts", webEntry];
const reached = walk(ROOTS);

describe("npm start needs no devDependency", () => {
  it("finds the entry points, the build configuration and the web app", () => {
    expect(webEntry).toBe("web/src/main.tsx");
    for (const root of ROOTS) expect(existsSync(join(PROJECT_ROOT, root)), root).toBe(true);
    expect(reached.has("web/build.ts")).toBe(true);
    expect(reached.has("api/server.ts")).toBe(true);
    expect(reached.size).toBeGreaterThan(60);
  });

  it("runs the start and serve scripts with a dependency", () => {
    for (const script of ["start", "serve"]) {
      const runner = (pkg.scripts[script] ?? "").split(" ")[0] as string;
      expect(pkg.dependencies, `npm run ${script} runs ${runner}`).toHaveProperty([runner]);
    }
  });

  it.each([...reached.keys()].map((file) => [file]))("%s loads only dependencies", (file) => {
    for (const specifier of reached.get(file) ?? []) {
      const name = packageName(specifier);
      expect(pkg.dependencies, `${file} imports ${specifier}, which is not a dependency`).toHaveProperty([
        name,
      ]);
    }
  });
});
