import { byCodeUnits } from "./ids.ts";
import type { OrganisationName } from "./organisation.ts";

/** One vendor's concentration risk: what its compromise alone would expose (docs/blast-radius.md#vendor-ranking). */
export interface VendorRank extends OrganisationName {
  records: number;
  organisations: number;
  undisclosedContracts: number;
}

/** Most records first; ties: more affected organisations first, then id. */
export function compareRanks(a: VendorRank, b: VendorRank): number {
  return b.records - a.records || b.organisations - a.organisations || byCodeUnits(a.id, b.id);
}
