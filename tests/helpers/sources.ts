import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { PROJECT_ROOT } from "./paths.ts";

/** Folders that hold no source of the project: packages, the database, build and test output. */
export const SKIP = new Set(["node_modules", ".git", ".neo4j", "dist", ".test-results", ".screenshots"]);

/** Every TypeScript file under `dir` (from the project's root; all of it by default), as paths from the root. */
export function sourceFiles(dir = ""): string[] {
  return readdirSync(join(PROJECT_ROOT, dir)).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = dir === "" ? name : `${dir}/${name}`;
    if (statSync(join(PROJECT_ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** A project file's text. */
export function sourceText(file: string): string {
  return readFileSync(join(PROJECT_ROOT, file), "utf8");
}

export interface ImportOptions {
  /** Also the workers it starts: `new URL("./x.worker.ts", import.meta.url)`. */
  workers?: boolean;
  /** Only its relative imports of TypeScript files: packages and assets are left out. */
  projectOnly?: boolean;
}

/**
 * Every module a file imports, read from its text: project files as paths from the root, packages
 * by name.
 */
export function importsOf(file: string, text: string, options: ImportOptions = {}): string[] {
  const specifiers = [
    ...text.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)["']([^"']+)["']/gm),
    ...(options.workers ? text.matchAll(/new\s+URL\(\s*["'](\.[^"']*)["']\s*,\s*import\.meta\.url/g) : []),
  ].map((m) => m[1] as string);
  return specifiers
    .filter((s) => !options.projectOnly || (s.startsWith(".") && /\.tsx?$/.test(s)))
    .map((s) =>
      s.startsWith(".")
        ? relative(PROJECT_ROOT, join(PROJECT_ROOT, dirname(file), s))
            .split("\\")
            .join("/")
        : s,
    );
}
