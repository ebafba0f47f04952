import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { manifestOf, manifestPath, readManifest } from "../../neo4j/bundled/manifest.ts";
import { libDir, mavenArgs, verifyAssembled } from "../../neo4j/bundled/server.ts";
import { BUNDLED_VERSIONS } from "../../neo4j/bundled/versions.ts";
import { DEFAULT_NEO4J_VERSION } from "../../neo4j/config.ts";
import { PROJECT_ROOT } from "../helpers/paths.ts";

/**
 * Issue 13, item 11: the bundled server's jars come from Maven Central with checksums enforced,
 * through pinned plugins, and every start checks them against the committed manifest. The test
 * suite's global setup has assembled the default version, so its lib folder is real.
 */
const VERSION = DEFAULT_NEO4J_VERSION;
const LIB = libDir(VERSION);
const temporary: string[] = [];

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the real lib folder (links, but the named jars copied so they can be changed). */
function libCopy(copied: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "keiro-lib-"));
  temporary.push(dir);
  for (const name of readdirSync(LIB)) {
    if (copied.includes(name)) copyFileSync(join(LIB, name), join(dir, name));
    else symlinkSync(join(LIB, name), join(dir, name));
  }
  return dir;
}

const KERNEL = `neo4j-kernel-${VERSION}.jar`;

describe("the jars of the bundled server", () => {
  it("has a manifest for every version it can assemble, matching the assembled default", () => {
    for (const { version } of BUNDLED_VERSIONS)
      expect(readManifest(manifestPath(version)).size).toBeGreaterThan(200);
    expect(readManifest(manifestPath(VERSION)).size).toBe(213);
    expect(readManifest(manifestPath("2025.10.1")).size).toBe(245);
    expect(manifestOf(LIB)).toBe(readFileSync(manifestPath(VERSION), "utf8"));
    expect(() => verifyAssembled(LIB, VERSION)).not.toThrow();
  });

  it("refuses to start when a jar changed, naming it", () => {
    const lib = libCopy([KERNEL]);
    writeFileSync(join(lib, KERNEL), Buffer.concat([readFileSync(join(LIB, KERNEL)), Buffer.from([0])]));
    const expected = readManifest(manifestPath(VERSION)).get(KERNEL);
    expect(() => verifyAssembled(lib, VERSION)).toThrow(
      new RegExp(
        `^The bundled Neo4j ${VERSION} in ${lib} has changed since it was assembled: ${KERNEL} has sha256 [0-9a-f]{64}, but neo4j/bundled/manifests/${VERSION}\\.sha256 says ${expected}\\. Refusing to start it\\. Delete ${lib} to assemble it again from Maven Central\\.$`,
      ),
    );
  });

  it("refuses a jar added to the class path, and a jar gone missing", () => {
    const added = libCopy();
    writeFileSync(join(added, "zz-extra.jar"), "PK");
    expect(() => verifyAssembled(added, VERSION)).toThrow(
      `The bundled Neo4j ${VERSION} in ${added} has changed since it was assembled: zz-extra.jar is not listed in neo4j/bundled/manifests/${VERSION}.sha256. Refusing to start it. Delete ${added} to assemble it again from Maven Central.`,
    );
    const missing = libCopy();
    rmSync(join(missing, KERNEL));
    expect(() => verifyAssembled(missing, VERSION)).toThrow(
      `The bundled Neo4j ${VERSION} in ${missing} has changed since it was assembled: ${KERNEL}, listed in neo4j/bundled/manifests/${VERSION}.sha256, is missing. Refusing to start it. Delete ${missing} to assemble it again from Maven Central.`,
    );
  });

  it("assembles with Maven's checksums enforced and the version named", () => {
    const args = mavenArgs("2025.10.1", "/tmp/out");
    expect(args).toContain("--strict-checksums");
    expect(args).toContain("-Dneo4j.version=2025.10.1");
    expect(args).toContain("dependency:copy-dependencies");
  });

  it("pins the version of every plugin the pom uses", () => {
    const pom = readFileSync(join(PROJECT_ROOT, "neo4j", "bundled", "pom.xml"), "utf8");
    const plugins = [...pom.matchAll(/<plugin>([\s\S]*?)<\/plugin>/g)].map((m) => m[1] as string);
    expect(plugins.length).toBe(1);
    for (const plugin of plugins) expect(plugin).toMatch(/<version>\d+\.\d+\.\d+<\/version>/);
    expect(pom).toContain(
      "<artifactId>maven-dependency-plugin</artifactId>\n        <version>3.8.1</version>",
    );
  });
});
