import { useEffect, useState } from "react";
import type { BlastRadius, Comparison, Neighbourhood, Overview } from "../../../domain/index.ts";
import { api } from "../api/client.ts";
import { type ExploreState, isWhatIf, scenarioParams } from "../scenario/urlState.ts";

export interface ExploreData {
  overview: Overview | null;
  impact: BlastRadius | null;
  comparison: Comparison | null;
  neighbourhoods: Neighbourhood[];
  loading: boolean;
  error: string | null;
  expand: (id: string) => void;
}

/** The answers behind the view: the overview once, the blast radius whenever the scenario changes. */
export function useExploreData(state: ExploreState): ExploreData {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [impact, setImpact] = useState<BlastRadius | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [neighbourhoods, setNeighbourhoods] = useState<Neighbourhood[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.overview().then(setOverview, (e: Error) => setError(e.message));
  }, []);

  const key = scenarioParams(state).toString();
  const whatIf = isWhatIf(state);
  const hasVendors = state.vendors.length > 0;
  useEffect(() => {
    if (!hasVendors) {
      setImpact(null);
      setComparison(null);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    const params = new URLSearchParams(key);
    const request = whatIf
      ? api.compare(params).then((c) => ({ impact: c.whatIf, comparison: c }))
      : api.impact(params).then((impact) => ({ impact, comparison: null }));
    request.then(
      (answer) => {
        if (!live) return;
        setImpact(answer.impact);
        setComparison(answer.comparison);
        setLoading(false);
      },
      (e: Error) => {
        if (!live) return;
        setError(e.message);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [key, whatIf, hasVendors]);

  const expand = (id: string) => {
    api.neighbourhood(id).then(
      (n) => setNeighbourhoods((list) => [...list.filter((x) => x.centre.id !== id), n]),
      (e: Error) => setError(e.message),
    );
  };

  return { overview, impact, comparison, neighbourhoods, loading, error, expand };
}
