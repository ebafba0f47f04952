import type { Counts } from "./contractReach.ts";

/**
 * The ranking's shared shapes (rankAll.ts condenses the reach graph; rankSets.ts and
 * rankBitsets.ts collect the vendors' figures from it, two ways).
 */

/** Every vendor's figures, by vendor number. */
export interface RankFigures {
  records: Float64Array;
  organisations: Int32Array;
  undisclosedContracts: Int32Array;
}

/**
 * What both ways of collecting the vendors' figures read: the condensed reach graph, each
 * contract's component and each component's contracts summed.
 */
export interface Condensed {
  vendors: Int32Array;
  /** The vendor number of each organisation, -1 for one that is not ranked. */
  vendorBit: Int32Array;
  /** Components, children first; a component's nodes are members[compStart[c] .. compStart[c+1]). */
  count: number;
  comp: Int32Array;
  compStart: Int32Array;
  members: Int32Array;
  outStart: Int32Array;
  outTarget: Int32Array;
  records: Counts;
  /** The component whose reach is contract e's. */
  contractComp: Int32Array;
  compRecords: Float64Array;
  compUndisclosed: Int32Array;
  /** Contracts by consignor. */
  consignorStart: Int32Array;
  consignorEdges: Int32Array;
}
