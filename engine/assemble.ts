import {
  type AffectedOrganisation,
  type BlastRadius,
  type BlastRadiusTotals,
  ParameterError,
  type ReportedExposure,
  type Scenario,
} from "../domain/index.ts";

/**
 * What both engines share once they have found who is reached: the per-organisation sums added
 * into totals, the chain followed for the path, reported exposures put beside the modelled
 * figures, and the refusal of an unknown id (docs/blast-radius.md, steps 5–7).
 */

/** The sums of one affected organisation's counted contracts (docs/blast-radius.md#5-per-organisation-figures-and-path). */
export interface OrganisationFigures {
  contracts: number;
  /** Known records; undisclosed ones are counted in `undisclosed`, never as zero. */
  records: number;
  subjects: number;
  undisclosed: number;
  undisclosedSubjects: number;
}

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

/** Adds one affected organisation's sums into the totals (docs/blast-radius.md#6-totals-and-lower-bounds). */
export function addFigures(totals: BlastRadiusTotals, figures: OrganisationFigures): void {
  totals.contracts += figures.contracts;
  totals.records += figures.records;
  totals.subjects += figures.subjects;
  totals.undisclosedContracts += figures.undisclosed;
  totals.undisclosedSubjectContracts += figures.undisclosedSubjects;
}

/**
 * The path's next step (docs/blast-radius.md#5-per-organisation-figures-and-path): among an organisation's counted
 * contracts into the tier one nearer, the contractor with the smallest id, so that every engine
 * draws the same chain. organisation-figures.cypher says the same with `min(...)`.
 */
export function nearerStep(chosen: string | null, candidate: string): string {
  return chosen === null || candidate < chosen ? candidate : chosen;
}

/** Follows `next` from `start` until it runs out: one organisation's chain to the compromised set. */
export function followChain<T>(start: T, next: (at: T) => T | null | undefined): T[] {
  const path = [start];
  for (let at = next(start); at !== null && at !== undefined; at = next(at)) path.push(at);
  return path;
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
