import { useEffect, useEffectEvent, useState } from "react";

/** Asks the API; `signal` is aborted as soon as the answer is no longer wanted. */
export type Fetcher<T> = (signal: AbortSignal) => Promise<T>;

export interface ApiAnswer<T> {
  /** The answer for the current key (or, with `keepPrevious`, the last one while the next loads). */
  data: T | null;
  error: string | null;
  loading: boolean;
}

export interface ApiOptions {
  /** Keep showing the last answer while the next one loads (a blast radius does not flash away). */
  keepPrevious?: boolean;
  /** Wait this long before asking, so that typing asks once (a new key within it asks nothing). */
  delayMs?: number;
}

/**
 * One request: starts `fetcher` (after `delayMs`) and reports its outcome through `settle`, unless
 * it is cancelled first. Cancelling aborts the fetch, and an outcome that arrives anyway is dropped:
 * a cancelled request never reports.
 */
export function startRequest<T>(
  fetcher: Fetcher<T>,
  settle: (outcome: { data: T } | { error: string }) => void,
  delayMs = 0,
): () => void {
  const controller = new AbortController();
  const ask = () =>
    fetcher(controller.signal).then(
      (data) => controller.signal.aborted || settle({ data }),
      (e: unknown) =>
        controller.signal.aborted || settle({ error: e instanceof Error ? e.message : String(e) }),
    );
  const timer = delayMs > 0 ? setTimeout(ask, delayMs) : null;
  if (timer === null) ask();
  return () => {
    if (timer !== null) clearTimeout(timer);
    controller.abort();
  };
}

interface Settled<T> {
  key: string | null;
  data: T | null;
  error: string | null;
  /** The last answer that was not an error, for `keepPrevious`. */
  lastData: T | null;
}

const NOTHING: Settled<never> = { key: null, data: null, error: null, lastData: null };

/**
 * The one way the explorer fetches: one request per `key` (null asks nothing). A new key aborts the
 * request in flight, and a stale answer never overwrites a newer one. `fetcher` is read when the key
 * changes, so it may be a new function on every render.
 */
export function useApi<T>(key: string | null, fetcher: Fetcher<T>, options: ApiOptions = {}): ApiAnswer<T> {
  const { keepPrevious = false, delayMs = 0 } = options;
  const [settled, setSettled] = useState<Settled<T>>(NOTHING);
  const fetchNow = useEffectEvent((signal: AbortSignal) => fetcher(signal));
  useEffect(() => {
    if (key === null) {
      setSettled((s) => (s === NOTHING ? s : NOTHING));
      return;
    }
    return startRequest(
      fetchNow,
      (outcome) =>
        setSettled((s) =>
          "data" in outcome
            ? { key, data: outcome.data, error: null, lastData: outcome.data }
            : { key, data: null, error: outcome.error, lastData: s.lastData },
        ),
      delayMs,
    );
  }, [key, delayMs]);
  if (key === null) return { data: null, error: null, loading: false };
  const current = settled.key === key;
  const kept = keepPrevious ? settled.lastData : null;
  return {
    data: current && settled.error === null ? settled.data : kept,
    error: current ? settled.error : null,
    loading: !current,
  };
}
