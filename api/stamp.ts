import type { FastifyInstance, FastifyReply } from "fastify";
import { DATASET_HEADER, type DatasetStamp } from "../domain/index.ts";
import { keyOf } from "../engine/oneLoad.ts";

/**
 * The header every answer that carries figures states its load in (`fingerprint@loadedAt`, the key
 * engine/oneLoad.ts compares loads by), beside the `dataset` field of a JSON answer: a ranking (a
 * JSON list, no field for it), a CSV, a report or a zip says it here alone. Two answers of one view
 * are of the same load exactly when their headers are equal.
 */
export { DATASET_HEADER };

/** States the answer's load in its header. */
export function stamped(reply: FastifyReply, dataset: DatasetStamp): FastifyReply {
  return reply.header(DATASET_HEADER, keyOf(dataset));
}

const isStamp = (value: unknown): value is DatasetStamp =>
  typeof value === "object" &&
  value !== null &&
  "fingerprint" in value &&
  "loadedAt" in value &&
  (typeof value.fingerprint === "string" || value.fingerprint === null) &&
  (typeof value.loadedAt === "string" || value.loadedAt === null);

/** Every JSON answer with a `dataset` stamp gets the header too (the routes that stream set it themselves). */
export function stampHeaders(app: FastifyInstance): void {
  app.addHook("preSerialization", async (_request, reply, payload) => {
    const dataset = (payload as { dataset?: unknown } | null)?.dataset;
    if (isStamp(dataset) && !reply.hasHeader(DATASET_HEADER)) stamped(reply, dataset);
    return payload;
  });
}
