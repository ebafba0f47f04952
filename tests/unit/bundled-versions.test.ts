import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findJava, javaCandidates } from "../../neo4j/bundled/java.ts";
import { adoptUnversionedStore } from "../../neo4j/bundled/lifecycle.ts";
import { serverArgs } from "../../neo4j/bundled/server.ts";
import { BUNDLED_VERSIONS, bundledVersion } from "../../neo4j/bundled/versions.ts";
import { bundledVersionName, DEFAULT_NEO4J_VERSION, localInstance } from "../../neo4j/config.ts";
import { PROJECT_ROOT } from "../helpers/paths.ts";

/** Issue 13, item 13: KEIRO_NEO4J_VERSION picks the bundled server, each version with a store of its own. */
describe("the bundled server's version", () => {
  it("is 5.26 LTS unless KEIRO_NEO4J_VERSION names another", () => {
    expect(DEFAULT_NEO4J_VERSION).toBe("5.26.31");
    expect(bundledVersionName({})).toBe("5.26.31");
    expect(bundledVersionName({ KEIRO_NEO4J_VERSION: "2025.10.1" })).toBe("2025.10.1");
    expect(BUNDLED_VERSIONS.map((v) => v.version)).toEqual(["5.26.31", "2025.10.1"]);
  });

  it("keeps each version's store apart, so switching never opens one with another version", () => {
    const instances = join(PROJECT_ROOT, ".neo4j", "instances");
    expect(localInstance("dev", "5.26.31").dir).toBe(join(instances, "dev-5.26.31"));
    expect(localInstance("dev", "2025.10.1").dir).toBe(join(instances, "dev-2025.10.1"));
    expect(localInstance("dev", "2025.10.1").passwordFile).toBe(join(instances, "dev-2025.10.1", "password"));
  });

  it("adopts a store made before stores were kept per version as the 5.26.31 one", () => {
    const legacy = join(PROJECT_ROOT, ".neo4j", "instances", "adopt-probe");
    const instance = localInstance("adopt-probe", "5.26.31", 1);
    rmSync(instance.dir, { recursive: true, force: true });
    mkdirSync(join(legacy, "data"), { recursive: true });
    writeFileSync(join(legacy, "password"), "kept\n");
    try {
      adoptUnversionedStore(localInstance("adopt-probe", "2025.10.1", 1));
      expect(existsSync(legacy)).toBe(true); // never given to another version
      adoptUnversionedStore(instance);
      expect(existsSync(legacy)).toBe(false);
      expect(readFileSync(instance.passwordFile, "utf8")).toBe("kept\n");
      expect(existsSync(join(instance.dir, "data"))).toBe(true);
    } finally {
      rmSync(legacy, { recursive: true, force: true });
      rmSync(instance.dir, { recursive: true, force: true });
    }
  });

  it("refuses a version it has no manifest for, listing those it has", () => {
    expect(() => bundledVersion("5.26.0")).toThrow(
      "KEIRO_NEO4J_VERSION=5.26.0 is not a version the bundled server can be assembled from (5.26.31, 2025.10.1).",
    );
  });

  it("runs each version's own entry point", () => {
    const java = { command: "java", major: 21 };
    const lib = "/lib";
    expect(serverArgs(localInstance("t", "5.26.31", 1), lib, java)).toContain(
      "org.neo4j.server.CommunityEntryPoint",
    );
    const args2025 = serverArgs(localInstance("t", "2025.10.1", 1), lib, { command: "java", major: 25 });
    expect(args2025).toContain("org.neo4j.server.Neo4jCommunity");
    expect(args2025).toContain("--sun-misc-unsafe-memory-access=allow");
  });

  it("finds a Java each version runs on, or says which one it needs", () => {
    expect(
      javaCandidates({ KEIRO_JAVA: "/opt/java/bin/java", JAVA_HOME: "/jdk" }, "/nonexistent", "/none"),
    ).toEqual(["/opt/java/bin/java", "/jdk/bin/java", "java"]);
    const v2025 = bundledVersion("2025.10.1");
    const found = findJava(v2025);
    expect(found.major).toBeGreaterThanOrEqual(21);
    expect(() => findJava(v2025, ["/nonexistent/bin/java"])).toThrow(
      "Neo4j 2025.10.1 needs Java 21 to 25 (Temurin 21 or later); found none. Set KEIRO_JAVA to a suitable `java`, or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use a Neo4j server you already have.",
    );
  });
});
