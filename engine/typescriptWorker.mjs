// The entry of Keiro's worker threads. Node 20 carries neither tsx's loader (registered by
// `tsx` or `--import tsx` in the main thread) nor `--import` into a worker, so each worker
// registers the loader itself and then imports its TypeScript module (workerData.entry).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
