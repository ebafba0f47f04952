import { ConfigError } from "../config.ts";

/**
 * What differs between the Neo4j versions the bundled server can be assembled from
 * (KEIRO_NEO4J_VERSION; shared/NEO4J.md lists the differences). Each has a manifest of
 * its jars' sha256 in neo4j/bundled/manifests/, so only these versions can be assembled.
 */
export interface BundledVersion {
  version: string;
  /** The Java majors it runs on, inclusive. */
  java: { min: number; max: number };
  /** The server's entry point (5.x `CommunityEntryPoint`, 2025.x `Neo4jCommunity`). */
  mainClass: string;
}

export const BUNDLED_VERSIONS: readonly BundledVersion[] = [
  { version: "5.26.31", java: { min: 17, max: 24 }, mainClass: "org.neo4j.server.CommunityEntryPoint" },
  // Class files of version 65: Java 21 at least; Java 25 runs it too.
  { version: "2025.10.1", java: { min: 21, max: 25 }, mainClass: "org.neo4j.server.Neo4jCommunity" },
];

export function bundledVersion(version: string): BundledVersion {
  const found = BUNDLED_VERSIONS.find((v) => v.version === version);
  if (!found) {
    const known = BUNDLED_VERSIONS.map((v) => v.version).join(", ");
    throw new ConfigError(
      `KEIRO_NEO4J_VERSION=${version} is not a version the bundled server can be assembled from (${known}).`,
    );
  }
  return found;
}

/** Every entry point a bundled server may run, to recognise one of ours in /proc. */
export const MAIN_CLASSES = BUNDLED_VERSIONS.map((v) => v.mainClass);
