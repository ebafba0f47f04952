import { parentPort, threadId, workerData } from "node:worker_threads";
import type { DatabaseConfig } from "../neo4j/config.ts";
import { openDriver } from "../neo4j/driver.ts";
import { copyProgress, reportCopyProgressTo } from "./copyProgress.ts";
import { packCopy } from "./copyTransfer.ts";
import { copyDataOf, readGraph } from "./graphRead.ts";

/**
 * A worker thread that builds one in-memory copy of the live graph (copyBuild.ts starts it): it
 * reads the graph over its own connection, derives the copy's arrays and ranks every vendor, and
 * posts the result as transferred buffers. All of that work stays off the API's event loop.
 */
export interface CopyWorkerInput {
  /** This module, which typescriptWorker.mjs imports. */
  entry: string;
  config: DatabaseConfig;
  timeoutMs: number;
}

/** What a failed build reports: enough to raise the same kind of error on the other side. */
export interface CopyWorkerFailure {
  name: string;
  message: string;
  code?: string;
  found?: number | null;
}

const { config, timeoutMs } = workerData as CopyWorkerInput;
// Progress crosses as its own messages, before the one that carries the copy (copyBuild.ts).
reportCopyProgressTo((progress) => parentPort?.postMessage({ progress }));
const driver = openDriver(config);
try {
  copyProgress("reading organisations");
  const read = await readGraph(driver, timeoutMs);
  const data = copyDataOf(read, true);
  copyProgress("packing the copy for the API's thread");
  const { message, transfer } = packCopy(read.key, read.stamp, threadId, data);
  parentPort?.postMessage({ ok: true, copy: message }, transfer);
} catch (error) {
  const { name, message, code, found } = error as Error & { code?: string; found?: number | null };
  const failure: CopyWorkerFailure = { name, message, code, found };
  parentPort?.postMessage({ ok: false, failure });
} finally {
  await driver.close();
}
