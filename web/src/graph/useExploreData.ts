import { useCallback, useMemo, useRef, useState } from "react";
import type {
  BlastRadius,
  Comparison,
  ExpandedGroup,
  GroupedBlastRadius,
  Neighbourhood,
  Overview,
} from "../../../domain/index.ts";
import { api } from "../shared/api/client.ts";
import { gather, loadOf, loads } from "../shared/api/loads.ts";
import { useApi } from "../shared/api/useApi.ts";
import { type ExploreState, isWhatIf, scenarioParams } from "../shared/state/urlState.ts";
import { type DrawnGroup, groupedDrawing, groupsById, needsGroups, provisional } from "./groups.ts";

export interface ExploreData {
  /** The overview, while no scenario is shown (null while one is: a radius hides it). */
  overview: Overview | null;
  impact: BlastRadius | null;
  /** The blast radius grouped, asked only when `impact` leaves organisations out of the drawing. */
  grouped: GroupedBlastRadius | null;
  /** What the graph draws: `impact`, or its groups when it is too large (see graph/groups.ts). */
  drawn: BlastRadius | null;
  /** The groups drawn, by node id (none unless the radius is drawn grouped). */
  groupsById: Map<string, DrawnGroup>;
  comparison: Comparison | null;
  /** The expanded group (state.expand) with its largest organisations, once answered. */
  expanded: ExpandedGroup | null;
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

/** How many of an expanded group's largest organisations are drawn one by one. */
export const EXPANDED_MEMBERS = 100;

/**
 * The answers behind the view: the overview when no scenario is shown, the blast radius whenever the scenario changes
 * (beside the plain compromise for a what-if), and the neighbourhoods the analyst expanded.
 */
export function useExploreData(state: ExploreState): ExploreData {
  // The overview is asked the first time no scenario is shown, then kept. A blast radius hides it
  // anyway, so a URL that opens on one neither waits for it (2 s and 1.6 MB at 1M contracts) nor
  // draws it: sigma's programs draw hidden items too (as zeros), so 2,000 hidden organisations
  // and their contracts would cost every frame of the radius under a software renderer.
  const scenarioShown = state.compromised.length > 0;
  const [overviewWanted, setOverviewWanted] = useState(!scenarioShown);
  if (!overviewWanted && !scenarioShown) setOverviewWanted(true);
  const overview = useApi(overviewWanted ? "overview" : null, (signal) => api.overview(undefined, signal));

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

  // A radius larger than the draw limit is drawn as groups: the same scenario, grouped.
  const impact = scenario.data?.impact ?? null;
  const groupsWanted = needsGroups(impact) && !scenario.loading;
  const groups = useApi<GroupedBlastRadius>(groupsWanted ? `groups?${params}` : null, (signal) =>
    api.groups(new URLSearchParams(params), 3, signal),
  );
  const grouped = groupsWanted ? groups.data : null;
  // A group the analyst expanded: its largest organisations, drawn one by one in its place.
  const drawnGroups = useMemo(() => groupsById(grouped), [grouped]);
  const toExpand = state.expand ? drawnGroups.get(state.expand) : undefined;
  // A tier's rest (several groups taken together) has no one group to expand.
  const expandable = toExpand && toExpand.rest === 0 ? toExpand : null;
  const expandedAnswer = useApi<ExpandedGroup>(
    expandable ? `group?${params}&${expandable.id}` : null,
    (signal) =>
      api.group(
        new URLSearchParams(params),
        {
          depth: expandable?.depth ?? 0,
          kind: expandable?.group.kind ?? null,
          region: expandable?.group.region ?? null,
        },
        EXPANDED_MEMBERS,
        signal,
      ),
  );
  const expandedGroup = expandable ? expandedAnswer.data : null;
  // While the groups are on their way, only the compromised are drawn: laying out the organisations
  // the answer does list (up to the draw limit) would keep the layout worker busy for nothing.
  // Either stands in for what is on its way (the view is not settled over it).
  const expanding =
    expandable !== null && expandable !== undefined && !expandedGroup && !expandedAnswer.error;
  const drawn = useMemo(() => {
    if (!impact || !needsGroups(impact)) return impact;
    if (!grouped) {
      const compromisedOnly = { ...impact, affected: [], contracts: [] };
      return groups.error ? compromisedOnly : provisional(compromisedOnly);
    }
    const drawing = groupedDrawing(impact, grouped, expandedGroup);
    return expanding ? provisional(drawing) : drawing;
  }, [impact, grouped, expandedGroup, expanding, groups.error]);

  // Expanded neighbourhoods, in the order expanded; each is asked once.
  const [expanded, setExpanded] = useState<string[]>([]);
  const asked = useRef(new Map<string, Neighbourhood>());
  const neighbourhoods = useApi(
    expanded.length > 0 ? expanded.join("\n") : null,
    (signal) =>
      Promise.all(
        expanded.map(async (id) => {
          // Kept while its load is the latest seen; a neighbourhood of a replaced load is asked again.
          const kept = asked.current.get(id);
          const keptLoad = loadOf(kept);
          if (kept && (keptLoad === null || keptLoad === loads.state().current)) {
            if (keptLoad !== null) gather(signal, keptLoad);
            return kept;
          }
          const known = await api.neighbourhood(id, signal);
          asked.current.set(id, known);
          return known;
        }),
      ),
    { keepPrevious: true },
  );
  const expand = useCallback((id: string) => setExpanded((ids) => [...ids.filter((x) => x !== id), id]), []);

  return {
    overview: scenarioShown ? null : overview.data,
    impact,
    grouped,
    drawn,
    groupsById: drawnGroups,
    comparison: scenario.data?.comparison ?? null,
    neighbourhoods: neighbourhoods.data ?? NO_NEIGHBOURHOODS,
    loading: scenario.loading,
    expanded: expandedGroup,
    error: scenario.error ?? groups.error ?? expandedAnswer.error ?? neighbourhoods.error ?? overview.error,
    expand,
  };
}
