import { spawn } from "node:child_process";
import type { LocalInstance } from "../config.ts";
import { findJava } from "./java.ts";
import { adminEnv, assembleServer, JVM_FLAGS, unsafeAccess } from "./server.ts";
import { bundledVersion } from "./versions.ts";

/** The entry point of `neo4j-admin` in neo4j-command-line's jar, the same in 5.26 and 2025.x. */
const ADMIN_MAIN_CLASS = "org.neo4j.cli.AdminTool";

/** An admin command that exited with another status than 0; `output` is its last lines. */
export class AdminCommandError extends Error {
  constructor(
    readonly exitCode: number | null,
    readonly output: string,
  ) {
    super(`neo4j-admin exited with ${exitCode ?? "a signal"}:\n${output}`);
  }
}

/**
 * Runs `neo4j-admin ARGS…` of the instance's bundled version, as the official script would: the
 * assembled jars, the same Java the server runs on, the instance's home and configuration (and
 * no credential from the environment). Each line it prints goes to `onLine`; the importer draws
 * its progress as dots and percentages, ended by `\n` or `\r`.
 */
export async function runAdmin(
  instance: LocalInstance,
  args: string[],
  options: { onLine?: (line: string) => void; heap?: string } = {},
): Promise<void> {
  const version = bundledVersion(instance.version);
  const java = findJava(version);
  const lib = assembleServer(version.version);
  const heap = options.heap ? [`-Xmx${options.heap}`] : [];
  const child = spawn(
    java.command,
    [...JVM_FLAGS, ...unsafeAccess(java), ...heap, "-cp", `${lib}/*`, ADMIN_MAIN_CLASS, ...args],
    { env: adminEnv(instance), stdio: ["ignore", "pipe", "pipe"] },
  );
  const tail: string[] = [];
  const take = (chunk: Buffer, pending: { text: string }) => {
    pending.text += chunk.toString("utf8");
    const lines = pending.text.split(/\r?\n|\r/);
    pending.text = lines.pop() ?? "";
    for (const line of lines) {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      options.onLine?.(line);
    }
  };
  const out = { text: "" };
  const err = { text: "" };
  child.stdout.on("data", (chunk: Buffer) => take(chunk, out));
  child.stderr.on("data", (chunk: Buffer) => take(chunk, err));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  for (const rest of [out.text, err.text]) if (rest !== "") tail.push(rest);
  if (code !== 0) throw new AdminCommandError(code, tail.join("\n"));
}
