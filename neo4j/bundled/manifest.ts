import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder, wherever the command was started from. */
const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The sha256 of every jar of a bundled version, committed in neo4j/bundled/manifests/VERSION.sha256
 * (`sha256sum` format). Maven checks what Central sends against Central's own checksums (-C);
 * this pins the jars themselves: assembly refuses jars that differ from the manifest, and every
 * start refuses a lib folder whose jars changed since (a jar added to it would be on the class path).
 */
export function manifestPath(
  version: string,
  dir = join(PROJECT_ROOT, "neo4j", "bundled", "manifests"),
): string {
  return join(dir, `${version}.sha256`);
}

export function readManifest(path: string): Map<string, string> {
  const jars = new Map<string, string>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
    if (match) jars.set(match[2] as string, match[1] as string);
  }
  return jars;
}

export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** The manifest lines of a folder's jars, sorted by name, as `sha256sum *.jar` prints them. */
export function manifestOf(libDir: string): string {
  return jarsIn(libDir)
    .map((name) => `${sha256File(join(libDir, name))}  ${name}\n`)
    .join("");
}

function jarsIn(libDir: string): string[] {
  // Java's `dir/*` class path takes every .jar and .JAR file.
  return readdirSync(libDir)
    .filter((name) => name.toLowerCase().endsWith(".jar"))
    .sort();
}

/**
 * The first difference between a lib folder and its manifest, as a sentence naming the jar, or
 * null when every jar is listed with its hash and every listed jar is there.
 */
export function jarDifference(libDir: string, manifest: string): string | null {
  const expected = readManifest(manifest);
  const shown = relative(PROJECT_ROOT, manifest);
  const present = jarsIn(libDir);
  for (const name of present) {
    const want = expected.get(name);
    if (want === undefined) return `${name} is not listed in ${shown}`;
    const got = sha256File(join(libDir, name));
    if (got !== want) return `${name} has sha256 ${got}, but ${shown} says ${want}`;
  }
  for (const name of expected.keys()) {
    if (!present.includes(name)) return `${name}, listed in ${shown}, is missing`;
  }
  return null;
}
