import { afterEach, describe, expect, it, vi } from "vitest";
import { startRequest } from "../../web/src/shared/api/useApi.ts";

/** A fetch the test answers by hand, remembering the signal it was given. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const call: { signal: AbortSignal | null; asked: number } = { signal: null, asked: 0 };
  const fetcher = (signal: AbortSignal) => {
    call.signal = signal;
    call.asked++;
    return promise;
  };
  return { fetcher, resolve, reject, call };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe("one request per key (what useApi does when the key changes)", () => {
  it("a stale answer never overwrites a newer one, even when it arrives last", async () => {
    const outcomes: unknown[] = [];
    const older = deferred<string>();
    const newer = deferred<string>();
    const cancelOlder = startRequest(older.fetcher, (o) => outcomes.push(o));
    // The key changes: the older request is cancelled, the newer one starts.
    cancelOlder();
    startRequest(newer.fetcher, (o) => outcomes.push(o));
    newer.resolve("newer");
    await settle();
    older.resolve("older"); // a server that ignored the abort
    await settle();
    expect(outcomes).toEqual([{ data: "newer" }]);
  });

  it("aborts the stale fetch, so that the browser stops waiting for it", () => {
    const request = deferred<string>();
    const cancel = startRequest(request.fetcher, () => {});
    expect(request.call.signal?.aborted).toBe(false);
    cancel();
    expect(request.call.signal?.aborted).toBe(true);
  });

  it("reports an error as its message, and drops a cancelled request's error too", async () => {
    const outcomes: unknown[] = [];
    const failing = deferred<string>();
    startRequest(failing.fetcher, (o) => outcomes.push(o));
    failing.reject(new Error("database unavailable"));
    const cancelled = deferred<string>();
    startRequest(cancelled.fetcher, (o) => outcomes.push(o))();
    cancelled.reject(new Error("AbortError"));
    await settle();
    expect(outcomes).toEqual([{ error: "database unavailable" }]);
  });

  it("with a delay, asks once typing pauses; a key changed within it asks nothing", async () => {
    vi.useFakeTimers();
    const typed = deferred<string>();
    startRequest(typed.fetcher, () => {}, 150)();
    vi.advanceTimersByTime(200);
    expect(typed.call.asked).toBe(0);
    const paused = deferred<string>();
    startRequest(paused.fetcher, () => {}, 150);
    vi.advanceTimersByTime(149);
    expect(paused.call.asked).toBe(0);
    vi.advanceTimersByTime(1);
    expect(paused.call.asked).toBe(1);
  });
});
