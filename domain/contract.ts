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
  source: string | null;
}
