import { useCallback, useEffect, useRef, useState } from "react";
import type { UpdateState } from "./actions.ts";
import { type ExploreState, parseState, serializeState } from "./urlState.ts";

/** The explore state, read from and written to the URL; back and forward restore it. */
export function useExploreState(): [ExploreState, UpdateState] {
  const [state, setState] = useState(() => parseState(window.location.search));
  // The latest state, so that an update can write the URL once, outside React's updaters.
  const current = useRef(state);
  current.current = state;
  useEffect(() => {
    const onPop = () => setState(parseState(window.location.search));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const update = useCallback((change: Partial<ExploreState>, replace = false) => {
    const next = { ...current.current, ...change };
    current.current = next;
    const url = `${window.location.pathname}${serializeState(next)}`;
    if (replace) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
    setState(next);
  }, []);
  return [state, update];
}
