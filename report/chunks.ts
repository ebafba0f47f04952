/**
 * Reports rendered a piece at a time: a report of 20,000 organisations is several megabytes, and
 * the API streams it (Readable.from) so that other requests are answered between its pieces
 * instead of after one long render. Joined, the pieces are exactly the text rendered at once.
 */

/** Rows rendered into one piece of a table. */
export const ROWS_PER_CHUNK = 500;

/** Pieces of at least this many characters: small ones are joined first (fewer writes). */
const CHUNK_CHARS = 64 * 1024;

/** `items` rendered by `render` and joined by `separator`, ROWS_PER_CHUNK at a time. */
export function* joinedInChunks<T>(items: readonly T[], render: (item: T) => string, separator: string) {
  for (let start = 0; start < items.length; start += ROWS_PER_CHUNK) {
    const piece = items
      .slice(start, start + ROWS_PER_CHUNK)
      .map(render)
      .join(separator);
    yield start + ROWS_PER_CHUNK < items.length ? piece + separator : piece;
  }
}

/** The pieces of `pieces`, small ones joined until they reach CHUNK_CHARS. */
export function* batched(pieces: Iterable<string>): Generator<string> {
  let pending = "";
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= CHUNK_CHARS) {
      yield pending;
      pending = "";
    }
  }
  if (pending !== "") yield pending;
}

/** The pieces joined: the whole text (what a command writes at once). */
export const whole = (pieces: Iterable<string>): string => [...pieces].join("");

/** An object JSON.stringify writes key by key (not an array, nor one with its own toJSON, like a Date). */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { toJSON?: unknown }).toJSON !== "function";

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (value: unknown) =>
  value === undefined || typeof value === "function" || typeof value === "symbol";

/** JSON.stringify(value, null, 2) of a value `depth` levels in: its lines after the first indented. */
function stringified(value: unknown, depth: number): string {
  const text = JSON.stringify(omitted(value) ? null : value, null, 2);
  return depth === 0 ? text : text.replaceAll("\n", `\n${"  ".repeat(depth)}`);
}

/** Objects and arrays this many levels deep are written member by member (an answer's long lists). */
const JSON_LEVELS = 3;

/** Exactly JSON.stringify(value, null, 2) followed by `end`, in pieces. */
export function jsonChunks(value: unknown, end = ""): Generator<string> {
  return batched(
    (function* () {
      yield* members(value, 0, JSON_LEVELS);
      yield end;
    })(),
  );
}

function* members(value: unknown, depth: number, levels: number): Generator<string> {
  const inner = "  ".repeat(depth + 1);
  const outer = "  ".repeat(depth);
  if (depth >= levels || !(Array.isArray(value) || isPlainObject(value))) {
    yield stringified(value, depth);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    yield "[\n";
    for (const [i, item] of value.entries()) {
      yield inner;
      yield* members(omitted(item) ? null : item, depth + 1, levels);
      yield i < value.length - 1 ? ",\n" : "\n";
    }
    yield `${outer}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !omitted(v));
  if (entries.length === 0) {
    yield "{}";
    return;
  }
  yield "{\n";
  for (const [i, [key, item]] of entries.entries()) {
    yield `${inner}${JSON.stringify(key)}: `;
    yield* members(item, depth + 1, levels);
    yield i < entries.length - 1 ? ",\n" : "\n";
  }
  yield `${outer}}`;
}
