import {
  type ContractFacts,
  compareRanks,
  type OrganisationName,
  plainCompromise,
  type VendorRank,
} from "../../domain/index.ts";
import { contractGraph, referenceBlastRadius } from "./blastRadius.ts";

/**
 * The vendor ranking the slow, obvious way, for checking the engines' all-at-once ranking: every
 * organisation with a contract pointing at it, one plain blast radius each.
 */
export function referenceRanking(
  organisations: OrganisationName[],
  contracts: ContractFacts[],
): VendorRank[] {
  const graph = contractGraph(
    organisations.map((o) => o.id),
    contracts,
  );
  const vendors = organisations.filter((o) => graph.inDegree(o.id) > 0);
  return vendors
    .map(({ id, name, nameEn, kind }) => {
      const { totals } = referenceBlastRadius(graph, plainCompromise([id]));
      return {
        id,
        name,
        nameEn,
        kind,
        records: totals.records,
        organisations: totals.organisations,
        undisclosedContracts: totals.undisclosedContracts,
      };
    })
    .sort(compareRanks);
}
