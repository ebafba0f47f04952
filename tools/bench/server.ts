import { type ChildProcess, spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** The project's root folder, wherever the command was started from. */
const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface ApiProcess {
  base: string;
  child: ChildProcess;
  stop: () => Promise<void>;
  /**
   * Emits "copy" with the server's line each time an in-memory copy of the graph is ready, and
   * "progress" with each line of a build's progress.
   */
  events: EventEmitter;
}

/**
 * Starts `npm run serve` as its own process (the load generator must not share its event loop)
 * on a free port, and resolves once it listens and its in-memory copy of the graph is built (or
 * once it listens).
 */
export function startApiProcess(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  /** false: resolve once it listens (the caller watches the build: "progress", "copy"). */
  waitForCopy = true,
): Promise<ApiProcess> {
  // Another checkout's API on the same graph (KEIRO_BENCH_API_ROOT): its copy measured beside this one's.
  const root = env.KEIRO_BENCH_API_ROOT || PROJECT_ROOT;
  const child = spawn("node", ["--import", "tsx", join(root, "bin/serve.ts")], {
    cwd: root,
    env: { ...env, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const events = new EventEmitter();
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    let base: string | undefined;
    let ready = false;
    const settle = () => {
      if (base && (ready || !waitForCopy)) resolve({ base, child, stop, events });
    };
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      base ??= /Keiro API at (\S+)/.exec(line)?.[1];
      settle();
    });
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on("line", (line) => {
      // The server's one line per request would drown the bench's own output.
      if (!/^\d{4}-\d\d-\d\dT\S+ [A-Z]+ \//.test(line)) log(`  api: ${line}`);
      if (line.startsWith("Building the in-memory copy")) events.emit("progress", line);
      if (line.startsWith("In-memory copy of the graph ready")) {
        ready = true;
        events.emit("copy", line);
      }
      if (line.startsWith("In-memory copy of the graph not built")) reject(new Error(line));
      settle();
    });
    child.once("exit", (code) => reject(new Error(`the API process exited ${code} before it was ready`)));
  });
}
