import { useCallback, useRef, useState } from "react";
import type { BlastRadius, Comparison, Neighbourhood, Overview } from "../../../domain/index.ts";
import { type ExploreState, isWhatIf, scenarioParams } from "../scenario/urlState.ts";
import { api } from "./client.ts";
import { useApi } from "./useApi.ts";

export interface ExploreData {
  overview: Overview | null;
  impact: BlastRadius | null;
  comparison: Comparison | null;
  neighbourhoods: Neighbourhood[];
  loading: boolean;
  error: string | null;
  expand: (id: string) => void;
}

interface Answer {
  impact: BlastRadius;
  comparison: Comparison | null;
}

const NO_NEIGHBOURHOODS: Neighbourhood[] = [];

/**
 * The answers behind the view: the overview once, the blast radius whenever the scenario changes
 * (beside the plain compromise for a what-if), and the neighbourhoods the analyst expanded.
 */
export function useExploreData(state: ExploreState): ExploreData {
  const overview = useApi("overview", (signal) => api.overview(undefined, signal));

  const whatIf = isWhatIf(state);
  const params = scenarioParams(state).toString();
  const scenario = useApi<Answer>(
    state.compromised.length > 0 ? `${whatIf ? "compare" : "impact"}?${params}` : null,
    (signal) => {
      const query = new URLSearchParams(params);
      return whatIf
        ? api.compare(query, signal).then((c) => ({ impact: c.whatIf, comparison: c }))
        : api.impact(query, signal).then((impact) => ({ impact, comparison: null }));
    },
    { keepPrevious: true },
  );

  // Expanded neighbourhoods, in the order expanded; each is asked once.
  const [expanded, setExpanded] = useState<string[]>([]);
  const asked = useRef(new Map<string, Neighbourhood>());
  const neighbourhoods = useApi(
    expanded.length > 0 ? expanded.join("\n") : null,
    (signal) =>
      Promise.all(
        expanded.map(async (id) => {
          const known = asked.current.get(id) ?? (await api.neighbourhood(id, signal));
          asked.current.set(id, known);
          return known;
        }),
      ),
    { keepPrevious: true },
  );
  const expand = useCallback((id: string) => setExpanded((ids) => [...ids.filter((x) => x !== id), id]), []);

  return {
    overview: overview.data,
    impact: scenario.data?.impact ?? null,
    comparison: scenario.data?.comparison ?? null,
    neighbourhoods: neighbourhoods.data ?? NO_NEIGHBOURHOODS,
    loading: scenario.loading,
    error: scenario.error ?? neighbourhoods.error ?? overview.error,
    expand,
  };
}
