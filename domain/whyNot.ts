import type { BlastRadius } from "./blastRadius.ts";
import { inForce, isPossible } from "./contract.ts";
import { parsePartialDate } from "./dates.ts";
import { asOfDay } from "./scenario.ts";

/** One of an organisation's contracts, as its page lists it, seen from the consignor. */
export interface OutgoingContract {
  id: string;
  /** The contractor. */
  counterpart: string;
  since?: string | null;
  deleteBy?: string | null;
  /** "possible" when nobody has confirmed it. */
  confidence?: string | null;
}

/**
 * Why one of an unaffected organisation's contracts brings its data no further:
 * - `excluded`: the scenario leaves the contract or its contractor out;
 * - `only_possible`: the scenario counts confirmed contracts only, and this one is possible: its
 *   data would arrive only through a contract nobody has confirmed;
 * - `not_in_force`: it starts after the as-of date, or its data was due for deletion before it;
 * - `not_carried`: the contractor passes data on only through scoped sub-contracts (`by`), and
 *   none of them lists this contract;
 * - `beyond_max_depth`: the data would arrive, but further than the scenario looks;
 * - `no_route`: the contractor's data reaches no compromised organisation;
 * - `not_listed`: the contractor is affected but the answer's lists were cut before it.
 */
export type StopReason =
  | {
      contract: string;
      contractor: string;
      why: "excluded" | "only_possible" | "not_in_force" | "no_route" | "not_listed";
    }
  | { contract: string; contractor: string; why: "beyond_max_depth"; depth: number }
  | { contract: string; contractor: string; why: "not_carried"; by: { id: string; carries: string[] }[] };

/**
 * For an organisation the blast radius does not reach, what stops each of its contracts short of
 * the compromised organisations (docs/blast-radius.md#2-reach-and-depth), read off the answer.
 */
export function whyNotAffected(radius: BlastRadius, outgoing: OutgoingContract[]): StopReason[] {
  const { scenario } = radius;
  const asOf = asOfDay(scenario);
  const affected = new Map(radius.affected.map((a) => [a.id, a]));
  return outgoing.map((contract): StopReason => {
    const contractor = contract.counterpart;
    const base = { contract: contract.id, contractor };
    // The organisation's own exclusion is said apart (its page names it): here, the contract's or
    // its contractor's.
    if (
      scenario.excludedContracts.includes(contract.id) ||
      scenario.excludedOrganisations.includes(contractor)
    )
      return { ...base, why: "excluded" };
    if (scenario.confirmedOnly === true && isPossible(contract)) return { ...base, why: "only_possible" };
    const since = contract.since ? (parsePartialDate(contract.since)?.firstDay ?? null) : null;
    const deleteBy = contract.deleteBy ? (parsePartialDate(contract.deleteBy)?.lastDay ?? null) : null;
    if (!inForce(since, deleteBy, asOf, scenario.enforceRetention)) return { ...base, why: "not_in_force" };
    const reached = affected.get(contractor);
    if (!reached) {
      const cut = radius.truncated !== undefined && !scenario.compromised.includes(contractor);
      return { ...base, why: cut ? "not_listed" : "no_route" };
    }
    const onward = radius.contracts.filter((c) => c.consignor === contractor);
    if (onward.length > 0 && onward.every((c) => c.carries !== null && !c.carries.includes(contract.id))) {
      return { ...base, why: "not_carried", by: onward.map((c) => ({ id: c.id, carries: c.carries ?? [] })) };
    }
    return { ...base, why: "beyond_max_depth", depth: reached.depth + 1 };
  });
}
