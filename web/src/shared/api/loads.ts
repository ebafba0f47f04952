/**
 * Which load of the dataset the explorer's answers are of. Every API answer that carries figures
 * states its load (the `keiro-dataset` header: `fingerprint@loadedAt`). A view that puts two
 * answers side by side (a blast radius and an organisation's panel, the totals and the table, the
 * pages of breach response) must never show two loads at once: when a load swaps in between two
 * requests, or two replicas behind a balancer are on different loads for a moment, the answers of
 * the earlier load are asked again, and the explorer says that the data was reloaded.
 */

import { loadKeyOf } from "../../../../domain/index.ts";

/** The header an answer states its load in (api/stamp.ts). */
export { DATASET_HEADER } from "../../../../domain/index.ts";

/** A load's key as the API states it: `fingerprint@loadedAt`. */
export type LoadKey = string;

/** The load a JSON answer states in its `dataset` field, as the header states it; null when it states none. */
export function loadOf(answer: unknown): LoadKey | null {
  const dataset = (answer as { dataset?: { fingerprint?: string | null; loadedAt?: string | null } } | null)
    ?.dataset;
  return dataset
    ? loadKeyOf({ fingerprint: dataset.fingerprint ?? null, loadedAt: dataset.loadedAt ?? null })
    : null;
}

/** When a load was loaded (ISO 8601, so that text order is time order); "" when unknown. */
const loadedAtOf = (key: LoadKey) => key.slice(key.lastIndexOf("@") + 1);

/** Whether `a` is a later load than `b`: loaded later (a new load always is), else by key. */
export function laterLoad(a: LoadKey, b: LoadKey): boolean {
  const [at, bt] = [loadedAtOf(a), loadedAtOf(b)];
  return at === bt ? a > b : at > bt;
}

type Listener = () => void;

/** What the explorer knows of loads: the latest seen, and how many times a later one swapped in. */
export interface LoadState {
  current: LoadKey | null;
  reloads: number;
}

let state: LoadState = { current: null, reloads: 0 };
const listeners = new Set<Listener>();

export const loads = {
  /** The state now (a new object whenever it changes: for useSyncExternalStore). */
  state: (): LoadState => state,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /**
   * An answer of load `key` arrived. "later": it is the first of a newer load (every view's answers
   * of the earlier one are asked again); "earlier": it is of a load already replaced (a replica that
   * has not yet followed): it is to be asked again, never shown.
   */
  saw(key: LoadKey): "same" | "later" | "earlier" {
    if (state.current === key) return "same";
    if (state.current !== null && !laterLoad(key, state.current)) return "earlier";
    const first = state.current === null;
    state = { current: key, reloads: first ? state.reloads : state.reloads + 1 };
    for (const listener of listeners) listener();
    return first ? "same" : "later";
  },
  /** Forgets every load seen (tests). */
  reset(): void {
    state = { current: null, reloads: 0 };
    for (const listener of listeners) listener();
  },
};

/**
 * The loads of the answers each request gathered, by the signal it was asked with: one fetcher may
 * combine several answers (a comparison and its radius, neighbourhoods one after another), and all
 * of them must be of one load.
 */
const gathered = new WeakMap<AbortSignal, Set<LoadKey>>();

export function gather(signal: AbortSignal | undefined, key: LoadKey): void {
  if (!signal) return;
  const keys = gathered.get(signal) ?? new Set<LoadKey>();
  keys.add(key);
  gathered.set(signal, keys);
}

/** The loads a request's answers were of (empty when none stated one). */
export function gatheredBy(signal: AbortSignal): LoadKey[] {
  return [...(gathered.get(signal) ?? [])];
}

/** Starts a request's gathering afresh (it is asked again). */
export function forget(signal: AbortSignal): void {
  gathered.delete(signal);
}
