import type { StatedScenario } from "./scenario.ts";

/**
 * A contract: the consignor entrusts data to the contractor (`OUTSOURCES_TO`). A sub-contract
 * is the same relationship from the contractor to its sub-contractor. `records` counts what the
 * consignor itself controls; `null` means undisclosed, and a pass-through sub-contract carries 0.
 */
export interface Contract {
  id: string;
  consignor: string;
  contractor: string;
  service: string | null;
  records: number | null;
  subjects: number | null;
  dataCategories: string[];
  since: string | null;
  until: string | null;
  deleteBy: string | null;
  /** The contracts into the consignor whose data this sub-contract passes on; empty: all of it. */
  carries: string[];
  source: string | null;
}

/** A contract as the blast-radius arithmetic sees it: its ends, its counts and its day bounds. */
export interface ContractFacts {
  id: string;
  consignor: string;
  contractor: string;
  records: number | null;
  subjects: number | null;
  /** First day of `since` (`YYYY-MM-DD`). */
  sinceStart: string | null;
  /** Last day of `delete_by` (`YYYY-MM-DD`). */
  deleteByEnd: string | null;
  /** Whose data a sub-contract passes on: these contracts into its consignor; null or empty: all. */
  carries: string[] | null;
  /** "possible" when nobody has confirmed the contract; absent or null: confirmed. */
  confidence?: string | null;
}

/** Whether a contract is marked possible (not confirmed): left out of an answer's confirmed part. */
export function isPossible(contract: Pick<ContractFacts, "confidence">): boolean {
  return contract.confidence === "possible";
}

/**
 * Whether sub-contract `next` (b → c) passes on the data that `contract` (a → b) brought to b
 * (docs/blast-radius.md#2-reach-and-depth): all of it when `next.carries` is empty, else only
 * the contracts it lists. Both must also be active for data to move.
 */
export function carriesData(
  next: Pick<ContractFacts, "carries">,
  contract: Pick<ContractFacts, "id">,
): boolean {
  return next.carries === null || next.carries.length === 0 || next.carries.includes(contract.id);
}

/** Whether a sub-contract passes on only some of its consignor's data. */
export function isScoped(contract: Pick<ContractFacts, "carries">): boolean {
  return contract.carries !== null && contract.carries.length > 0;
}

/**
 * The dates part of the active-contract rule (docs/blast-radius.md#1-active-contracts): a contract
 * is out when it starts after the as-of day, or, with retention enforced, when its data was due
 * for deletion before it. Days compare as `YYYY-MM-DD` text or as YYYYMMDD numbers alike; null
 * means no such bound. The Cypher fragment `cypher/fragments/active-contract.cypher` says the
 * same, and a test holds the two to the same answer on random contracts.
 */
export function inForce<Day extends string | number>(
  sinceStart: Day | null,
  deleteByEnd: Day | null,
  asOf: Day | null,
  enforceRetention: boolean,
): boolean {
  if (asOf === null) return true;
  if (sinceStart !== null && sinceStart > asOf) return false;
  return !(enforceRetention && deleteByEnd !== null && deleteByEnd < asOf);
}

/**
 * The exclusions part of the active-contract rule: the scenario leaves the contract out by id, or
 * an organisation at either end of it. (The in-memory copy applies the same lists to its arrays.)
 */
function excludes(
  scenario: Pick<StatedScenario, "excludedContracts" | "excludedOrganisations">,
  contract: Pick<ContractFacts, "id" | "consignor" | "contractor">,
): boolean {
  return (
    scenario.excludedContracts.includes(contract.id) ||
    scenario.excludedOrganisations.includes(contract.consignor) ||
    scenario.excludedOrganisations.includes(contract.contractor)
  );
}

/**
 * Whether a contract takes part in a scenario (docs/blast-radius.md#1-active-contracts): not
 * excluded (by id, or by an organisation at either end), in force at the as-of day, and — on
 * confirmed contracts only — not marked possible. `asOf`
 * is the scenario's day (`scenario.asOfDay`).
 */
export function isActive(contract: ContractFacts, scenario: StatedScenario, asOf: string | null): boolean {
  return (
    !excludes(scenario, contract) &&
    !(scenario.confirmedOnly && isPossible(contract)) &&
    inForce(contract.sinceStart, contract.deleteByEnd, asOf, scenario.enforceRetention)
  );
}
