import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findJava } from "../../neo4j/bundled/java.ts";
import { type CommandRunner, ensurePassword, libDir, serverArgs } from "../../neo4j/bundled/server.ts";
import { bundledVersion } from "../../neo4j/bundled/versions.ts";
import { DEFAULT_NEO4J_VERSION, type LocalInstance, localInstance } from "../../neo4j/config.ts";

/**
 * Issue 13, item 10: no process Keiro starts gets the database password in its arguments
 * (anyone on the machine can read those in `ps` or /proc). The initial password is set by the
 * real AdminTool of the assembled default version, which reads it from an argument file.
 */
const home = mkdtempSync(join(tmpdir(), "keiro-instance-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const instance: LocalInstance = {
  ...localInstance("password-probe", DEFAULT_NEO4J_VERSION, 7999),
  dir: home,
};
instance.passwordFile = join(home, "password");
const lib = libDir(DEFAULT_NEO4J_VERSION);
const java = findJava(bundledVersion(DEFAULT_NEO4J_VERSION));

/** Neo4j's stored credential: SHA-256 over salt + password, then hashed again 1,023 times. */
function neo4jHash(password: string, saltHex: string): string {
  let hash = createHash("sha256")
    .update(Buffer.concat([Buffer.from(saltHex, "hex"), Buffer.from(password, "utf8")]))
    .digest();
  for (let i = 1; i < 1024; i += 1) hash = createHash("sha256").update(hash).digest();
  return hash.toString("hex");
}

describe("the bundled server's password", () => {
  const spawned: { command: string; args: string[] }[] = [];
  const recordAndRun: CommandRunner = (command, args, env) => {
    spawned.push({ command, args });
    // The real tool, as the product runs it.
    execFileSync(command, args, { env, stdio: ["ignore", "ignore", "inherit"] });
  };

  it("is set by the AdminTool from a file, never from its arguments", () => {
    ensurePassword(instance, lib, java, recordAndRun);
    const password = readFileSync(instance.passwordFile, "utf8").trim();
    expect(password).toMatch(/^k[A-Za-z0-9_-]{24}$/);
    expect(spawned).toHaveLength(1);
    expect(spawned[0]?.args.slice(-4)).toEqual([
      "org.neo4j.cli.AdminTool",
      "dbms",
      "set-initial-password",
      `@${join(home, "initial-password.args")}`,
    ]);
    for (const arg of spawned[0]?.args ?? []) expect(arg).not.toContain(password);
    // The argument file is gone, the password file is the owner's alone.
    expect(existsSync(join(home, "initial-password.args"))).toBe(false);
    expect(statSync(instance.passwordFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(home).sort()).toEqual(["data", "password"]);
  });

  it("is the one the server stores (the tool read the file's content)", () => {
    const password = readFileSync(instance.passwordFile, "utf8").trim();
    const stored = readFileSync(join(home, "data", "dbms", "auth.ini"), "utf8").trim();
    const [, hash, salt, iterations] = /^neo4j:SHA-256,([0-9a-f]+),([0-9a-f]+),(\d+):$/.exec(stored) ?? [];
    expect(iterations).toBe("1024");
    expect(hash).toBe(neo4jHash(password, salt as string));
  });

  it("is not on the server's command line either", () => {
    const password = readFileSync(instance.passwordFile, "utf8").trim();
    const args = serverArgs(instance, lib, java);
    expect(args).toContain(bundledVersion(DEFAULT_NEO4J_VERSION).mainClass);
    for (const arg of args) expect(arg).not.toContain(password);
  });
});
