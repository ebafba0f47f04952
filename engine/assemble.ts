import {
  type AffectedOrganisation,
  type BlastRadius,
  type BlastRadiusTotals,
  type ConfirmedTotals,
  ParameterError,
  type ReportedExposure,
  type Scenario,
} from "../domain/index.ts";

/**
 * What both engines share around the arithmetic of contractReach.ts: empty totals, reported
 * exposures put beside the modelled figures (docs/blast-radius.md#7-reported-and-unmodelled),
 * the truncation marker and the refusal of an unknown id.
 */

export function emptyTotals(organisations: number): BlastRadiusTotals {
  return {
    organisations,
    contracts: 0,
    records: 0,
    subjects: 0,
    undisclosedContracts: 0,
    undisclosedSubjectContracts: 0,
  };
}

/** The refusal of a scenario that names an id the graph does not hold. */
export function unknownId(scenario: Scenario, what: "organisation" | "contract", id: string): ParameterError {
  if (what === "contract")
    return new ParameterError("exclude-contract", `exclude-contract: no contract "${id}"`);
  const parameter = scenario.compromised.includes(id) ? "vendor" : "exclude-org";
  return new ParameterError(parameter, `${parameter}: no organisation "${id}"`);
}

/**
 * Step 7: each exposure goes beside the listed organisation it concerns; an exposure of an
 * organisation the model does not find affected is returned as unmodelled.
 */
export function attachReported(
  listed: AffectedOrganisation[],
  isAffected: (id: string) => boolean,
  exposures: ReportedExposure[],
): ReportedExposure[] {
  const byId = new Map(listed.map((a) => [a.id, a]));
  const unmodelled: ReportedExposure[] = [];
  for (const exposure of exposures) {
    if (!isAffected(exposure.organisation)) unmodelled.push(exposure);
    else byId.get(exposure.organisation)?.reported.push(exposure);
  }
  return unmodelled;
}

/** The answer's `truncated` marker, present only when the lists are cut; totals are always whole. */
export function truncation(listed: number, total: number): Pick<BlastRadius, "truncated"> {
  return listed < total ? { truncated: { shown: listed, total } } : {};
}

/** An answer's `confirmed` totals: its confirmed part's, or — when nothing possible was counted — its own. */
export function confirmedTotals(
  totals: BlastRadiusTotals,
  part: { totals: BlastRadiusTotals } | null,
): ConfirmedTotals {
  const { estimate: _estimate, ...whole } = part?.totals ?? totals;
  return whole;
}
