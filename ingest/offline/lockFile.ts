import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import type { LocalInstance } from "../../neo4j/config.ts";
import { isAlive, LoadRunningError } from "../lock.ts";

/**
 * The offline load's lock: a file beside the bundled instance's store. The database's own
 * LoadLock (ingest/lock.ts) cannot hold while the server is down for the import, so this one,
 * created with O_EXCL, says that an offline load owns the instance; the online loader refuses
 * while it is held. A lock whose process is dead on this host is taken over.
 */

interface LockOwner {
  host: string;
  pid: number;
  since: string;
}

export function lockFilePath(instance: LocalInstance): string {
  return join(instance.dir, "load.lock");
}

function readOwner(path: string): { text: string; owner: LockOwner | null } | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return { text, owner: typeof owner.pid === "number" ? owner : null };
  } catch {
    // Half written by a process killed between open and write: nobody holds it.
    return { text, owner: null };
  }
}

function isDead(owner: LockOwner | null): boolean {
  return owner === null || (owner.host === hostname() && !isAlive(owner.pid));
}

/** The live owner of the instance's lock file, or null when it is free or its owner has died. */
export function lockFileHolder(instance: LocalInstance): LockOwner | null {
  const found = readOwner(lockFilePath(instance));
  if (!found || isDead(found.owner)) return null;
  return found.owner;
}

export function lockFileRefusal(owner: LockOwner): LoadRunningError {
  return new LoadRunningError(`an offline load, ${owner.host} pid ${owner.pid}`, owner.since);
}

export interface HeldLockFile {
  release(): void;
}

/** Takes the lock file, or throws LoadRunningError naming the live owner. */
export function takeLockFile(instance: LocalInstance): HeldLockFile {
  const path = lockFilePath(instance);
  const mine: LockOwner = { host: hostname(), pid: process.pid, since: new Date().toISOString() };
  const text = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const fd = openSync(path, "wx", 0o600);
      try {
        writeSync(fd, text);
      } finally {
        closeSync(fd);
      }
      return {
        release: () => {
          // Only our own lock: a takeover by another process after ours died is theirs.
          if (readOwner(path)?.text === text) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const found = readOwner(path);
    if (found === null) continue;
    if (!isDead(found.owner)) throw lockFileRefusal(found.owner as LockOwner);
    // Moved aside rather than deleted: of two processes taking over the same dead lock, only one
    // rename succeeds, and a lock taken meanwhile by a live process is put back untouched.
    const aside = `${path}.${process.pid}.stale`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    const moved = readOwner(aside);
    if (moved && moved.text !== found.text && !isDead(moved.owner)) {
      renameSync(aside, path);
      throw lockFileRefusal(moved.owner as LockOwner);
    }
    rmSync(aside, { force: true });
  }
  throw new Error(`Could not take ${path}: it kept changing hands.`);
}
