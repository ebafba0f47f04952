import { useMemo } from "react";
import type { ExploreState } from "./urlState.ts";

export type UpdateState = (change: Partial<ExploreState>, replace?: boolean) => void;

/** What the panels and the graph can do to the scenario; each lands in the URL. */
export interface ScenarioActions {
  /** Draws a group's largest organisations one by one (null: the group again). */
  expandGroup: (id: string | null) => void;
  /** Open an organisation's panel and draw its chain. */
  focus: (id: string) => void;
  /** Open a contract's panel. */
  selectContract: (id: string) => void;
  /** Start over: only this organisation is compromised. */
  compromiseOnly: (id: string) => void;
  addCompromised: (id: string) => void;
  excludeOrganisation: (id: string) => void;
  excludeContract: (id: string) => void;
  closeOrganisation: () => void;
  closeContract: () => void;
}

const adding = (list: string[], id: string) => (list.includes(id) ? list : [...list, id]);

/** What the actions read of the state: the lists they add to. */
type ActionState = Pick<ExploreState, "compromised" | "excludedOrganisations" | "excludedContracts">;

export function scenarioActions(state: ActionState, update: UpdateState): ScenarioActions {
  return {
    focus: (id) => update({ focus: id, contract: null, view: "graph" }),
    selectContract: (id) => update({ contract: id, focus: null }),
    compromiseOnly: (id) =>
      update({
        compromised: [id],
        excludedContracts: [],
        excludedOrganisations: [],
        focus: null,
        contract: null,
        expand: null,
        view: "graph",
      }),
    addCompromised: (id) => update({ compromised: adding(state.compromised, id), focus: null }),
    excludeOrganisation: (id) =>
      update({ excludedOrganisations: adding(state.excludedOrganisations, id), focus: null }),
    excludeContract: (id) =>
      update({ excludedContracts: adding(state.excludedContracts, id), contract: null }),
    closeOrganisation: () => update({ focus: null }),
    expandGroup: (id) => update({ expand: id }),
    closeContract: () => update({ contract: null }),
  };
}

/**
 * The scenario's actions, made anew only when a list they read changes (or `update` does), so
 * that an effect or a memo that depends on one keeps it from render to render.
 */
export function useScenarioActions(state: ExploreState, update: UpdateState): ScenarioActions {
  const { compromised, excludedOrganisations, excludedContracts } = state;
  return useMemo(
    () => scenarioActions({ compromised, excludedOrganisations, excludedContracts }, update),
    [compromised, excludedOrganisations, excludedContracts, update],
  );
}
