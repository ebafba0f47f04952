import { useEffect, useEffectEvent, useState, useSyncExternalStore } from "react";
import { forget, gatheredBy, type LoadKey, loads } from "./loads.ts";

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

/** How many times a request whose answers were of two loads is asked again before it says so. */
export const MIXED_ATTEMPTS = 3;

/** What a request settles with: its data and the one load its answers were of (when they state one). */
export type Outcome<T> = { data: T; load?: LoadKey } | { error: string };

/**
 * One request: starts `fetcher` (after `delayMs`) and reports its outcome through `settle`, unless
 * it is cancelled first. Cancelling aborts the fetch, and an outcome that arrives anyway is dropped:
 * a cancelled request never reports. A fetcher that combined answers of two loads (a load swapped
 * in between its requests) is asked again, so that what it settles with is of one load.
 */
export function startRequest<T>(
  fetcher: Fetcher<T>,
  settle: (outcome: Outcome<T>) => void,
  delayMs = 0,
): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  const ask = async (attempt: number): Promise<void> => {
    forget(signal);
    let data: T;
    try {
      data = await fetcher(signal);
    } catch (e) {
      if (!signal.aborted) settle({ error: e instanceof Error ? e.message : String(e) });
      return;
    }
    if (signal.aborted) return;
    const gathered = gatheredBy(signal);
    if (gathered.length > 1) {
      if (attempt < MIXED_ATTEMPTS) return ask(attempt + 1);
      settle({ error: "The data was reloaded while this view was asked; asking again did not settle it." });
      return;
    }
    const [load] = gathered;
    settle(load === undefined ? { data } : { data, load });
  };
  const timer = delayMs > 0 ? setTimeout(() => ask(1), delayMs) : null;
  if (timer === null) ask(1);
  return () => {
    if (timer !== null) clearTimeout(timer);
    controller.abort();
  };
}

/** Whether an answer of `load` is of a load the explorer has since seen replaced. */
export const replaced = (load: LoadKey | undefined, current: LoadKey | null): boolean =>
  load !== undefined && current !== null && load !== current;

interface Settled<T> {
  key: string | null;
  data: T | null;
  /** The load the data is of. */
  load?: LoadKey;
  error: string | null;
  /** The last answer that was not an error, for `keepPrevious`, and its load. */
  lastData: T | null;
  lastLoad?: LoadKey;
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
  // Asked again (a new round) when the answer shown is of a load since replaced (loads.ts).
  const [round, setRound] = useState(0);
  const { current } = useSyncExternalStore(loads.subscribe, loads.state, loads.state);
  const fetchNow = useEffectEvent((signal: AbortSignal) => fetcher(signal));
  const stale = settled.key === key && replaced(settled.load, current);
  const staleLoad = stale ? settled.load : undefined;
  // Once for each replaced load shown (a third load that swaps in while asking again asks once more).
  useEffect(() => {
    if (staleLoad !== undefined) setRound((r) => r + 1);
  }, [staleLoad]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round asks again for the same key
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
            ? {
                key,
                data: outcome.data,
                load: outcome.load,
                error: null,
                lastData: outcome.data,
                lastLoad: outcome.load,
              }
            : { key, data: null, error: outcome.error, lastData: s.lastData, lastLoad: s.lastLoad },
        ),
      delayMs,
    );
  }, [key, delayMs, round]);
  if (key === null) return { data: null, error: null, loading: false };
  const currentKey = settled.key === key && !stale;
  // Never the answer of a replaced load beside the answers of the later one: nothing, until asked again.
  const kept = keepPrevious && !replaced(settled.lastLoad, current) ? settled.lastData : null;
  return {
    data: currentKey && settled.error === null ? settled.data : kept,
    error: currentKey ? settled.error : null,
    loading: !currentKey,
  };
}
