import { Worker } from "node:worker_threads";
import { type DatasetStamp, ReloadNeededError } from "../domain/index.ts";
import type { DatabaseConfig } from "../neo4j/config.ts";
import type { CopyProgress, CopyProgressSink } from "./copyProgress.ts";
import { type CopyMessage, unpackCopy } from "./copyTransfer.ts";
import type { CopyWorkerFailure, CopyWorkerInput } from "./copyWorker.ts";
import { InMemoryCopy } from "./inMemoryCopy.ts";

/** A copy of the graph, with the load it is of and the thread that built it. */
export interface BuiltCopy {
  key: string;
  stamp: DatasetStamp;
  copy: InMemoryCopy;
  threadId: number;
}

/**
 * Builds an in-memory copy of the live graph in a worker thread (copyWorker.ts): reading a
 * million contracts, deriving the arrays and ranking every vendor take seconds that the API's
 * event loop spends answering instead. Only unpacking the strings happens here, a slice at a time.
 */
export function buildCopyInWorker(
  config: DatabaseConfig,
  timeoutMs: number,
  onProgress: CopyProgressSink = () => {},
): Promise<BuiltCopy> {
  const began = performance.now();
  const input: CopyWorkerInput = {
    entry: new URL("./copyWorker.ts", import.meta.url).href,
    config,
    timeoutMs,
  };
  // Through a plain-JavaScript entry that loads TypeScript (typescriptWorker.mjs).
  const worker = new Worker(new URL("./typescriptWorker.mjs", import.meta.url), { workerData: input });
  return new Promise<BuiltCopy>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    type Result = { ok: true; copy: CopyMessage } | { ok: false; failure: CopyWorkerFailure };
    worker.on("message", (result: Result | { progress: CopyProgress }) => {
      if (settled) return;
      if ("progress" in result) return onProgress(result.progress);
      if (!result.ok) return fail(errorOf(result.failure));
      settled = true;
      onProgress({ phase: "unpacking on the API's thread", done: 0, total: null, ms: elapsed(began) });
      installed(result.copy).then(resolve, reject);
    });
    worker.once("error", fail);
    worker.once("exit", (code) =>
      fail(new Error(`The copy-building worker stopped (exit ${code}) before it finished.`)),
    );
  });
}

const elapsed = (since: number) => Math.round(performance.now() - since);

async function installed(message: CopyMessage): Promise<BuiltCopy> {
  const copy = new InMemoryCopy(await unpackCopy(message));
  return { key: message.key, stamp: message.stamp, copy, threadId: message.threadId };
}

/** The worker's failure as the error the API knows how to answer (its code kept for errors.ts). */
function errorOf(failure: CopyWorkerFailure): Error {
  if (failure.name === "ReloadNeededError") return new ReloadNeededError(failure.found ?? null);
  return Object.assign(new Error(failure.message), { name: failure.name, code: failure.code });
}
