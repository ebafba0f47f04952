import { type BlastRadius, plainCompromise, type Scenario } from "../domain/index.ts";
import { type ImpactEngine, type ImpactOptions, truncateBlastRadius } from "./engine.ts";

/** An organisation whose status changes, with its figures in the answer it is affected in. */
export interface OrganisationChange {
  id: string;
  name: string;
  records: number;
  undisclosed: number;
}

/** A what-if beside the plain compromise of the same organisations. */
export interface Comparison {
  scenario: BlastRadius;
  baseline: BlastRadius;
  change: {
    /** Affected in the plain compromise, not in the scenario. */
    noLongerAffected: OrganisationChange[];
    /** Affected in the scenario only (cannot happen by DOMAIN.md's rules, listed to prove it). */
    newlyAffected: OrganisationChange[];
    organisations: number;
    contracts: number;
    /** Scenario minus plain compromise: negative when the what-if protects data. */
    records: number;
    subjects: number;
    undisclosedContracts: number;
  };
}

export function compareResults(scenario: BlastRadius, baseline: BlastRadius): Comparison {
  const inScenario = new Set(scenario.affected.map((a) => a.id));
  const inBaseline = new Set(baseline.affected.map((a) => a.id));
  const summary = (a: OrganisationChange): OrganisationChange => ({
    id: a.id,
    name: a.name,
    records: a.records,
    undisclosed: a.undisclosed,
  });
  return {
    scenario,
    baseline,
    change: {
      noLongerAffected: baseline.affected.filter((a) => !inScenario.has(a.id)).map(summary),
      newlyAffected: scenario.affected.filter((a) => !inBaseline.has(a.id)).map(summary),
      organisations: scenario.totals.organisations - baseline.totals.organisations,
      contracts: scenario.totals.contracts - baseline.totals.contracts,
      records: scenario.totals.records - baseline.totals.records,
      subjects: scenario.totals.subjects - baseline.totals.subjects,
      undisclosedContracts: scenario.totals.undisclosedContracts - baseline.totals.undisclosedContracts,
    },
  };
}

export async function compare(
  engine: ImpactEngine,
  scenario: Scenario,
  options: ImpactOptions = {},
): Promise<Comparison> {
  // The change is worked out on the whole answers; only then are the lists cut.
  const what = await engine(scenario, { timeoutMs: options.timeoutMs });
  const plain = await engine(plainCompromise(scenario.compromised), {
    timeoutMs: options.timeoutMs,
  });
  const comparison = compareResults(what, plain);
  if (options.limit === undefined) return comparison;
  return {
    ...comparison,
    scenario: truncateBlastRadius(what, options.limit),
    baseline: truncateBlastRadius(plain, options.limit),
  };
}
