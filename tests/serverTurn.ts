import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect } from "vitest";

/**
 * Each project's setup file (vitest.config.ts): one test file at a time on a project's server.
 * The suite runs two files at once, but the files of one Neo4j version share its database (they
 * load and replace its graph), so a file that talks to the server first takes that server's turn,
 * a lock folder beside the temporary files, and gives it back when it ends (or its process does:
 * a turn whose process is gone is free). Unit and web tests never ask the server: they take no
 * turn and run beside anything.
 */

const testPath = expect.getState().testPath ?? "";
const serverFree = /[\\/]tests[\\/](unit|web)[\\/]/.test(testPath);

/**
 * The server this project's files share: its instance and Bolt port (or the URI a run names). The
 * offline load's files stop and start a server of their own (tests/offline/offlineInstance.ts):
 * they take that server's turn, never the shared one's.
 */
const offline = /[\\/]tests[\\/]offline[\\/]/.test(testPath);
const instanceName = `${process.env.KEIRO_INSTANCE ?? "test"}${offline ? "-offline" : ""}`;
const port = Number(process.env.KEIRO_BOLT_PORT || 7688) + (offline ? 50 : 0);
const server = `${instanceName}-${(!offline && process.env.NEO4J_URI) || port}`;
const TURN = join(tmpdir(), `keiro-server-turn-${server.replace(/[^\w.-]/g, "_")}`);
const OWNER = join(TURN, "owner");
/** A turn taken but not yet signed (the folder made, its owner not yet written) for this long is stale. */
const UNSIGNED_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the turn is held by a process that has gone (or never signed it). */
function stale(): boolean {
  let owner: string;
  try {
    owner = readFileSync(OWNER, "utf8");
  } catch {
    try {
      return Date.now() - statSync(TURN).mtimeMs > UNSIGNED_MS;
    } catch {
      return false; // Given back meanwhile.
    }
  }
  const pid = Number(owner.split(" ")[0]);
  return !Number.isInteger(pid) || pid <= 0 || !alive(pid);
}

const signature = `${process.pid} ${testPath}`;

function giveBack(): void {
  try {
    if (readFileSync(OWNER, "utf8") === signature) rmSync(TURN, { recursive: true, force: true });
  } catch {
    // Not ours, or already given back.
  }
}

async function takeTurn(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(TURN);
      writeFileSync(OWNER, signature);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (stale()) rmSync(TURN, { recursive: true, force: true });
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

if (!serverFree) {
  await takeTurn();
  process.once("exit", giveBack);
  afterAll(giveBack);
}
