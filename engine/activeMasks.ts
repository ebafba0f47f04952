import { inForce, type Scenario } from "../domain/index.ts";
import type { ContractTable } from "./contractReach.ts";
import type { IdIndex } from "./copyData.ts";
import { dayNumber, LAST_DAY } from "./inMemoryArrays.ts";

/** A scenario's active contracts as a mask (1 = active), and whether every contract is. */
export interface ActiveMask {
  mask: Uint8Array;
  all: boolean;
}

/**
 * The active-contract rule (docs/blast-radius.md#1-active-contracts) over an in-memory copy, as a
 * per-contract mask. The part that depends on the dates and on confirmedOnly is shared between
 * answers (a pass over every contract costs ~8 ms at 1M; at most 16 kept); exclusions are
 * applied to a copy of it.
 */
export class ActiveMasks {
  private readonly shared = new Map<string, ActiveMask>();

  constructor(
    private readonly table: ContractTable,
    private readonly since: Int32Array,
    private readonly deleteBy: Int32Array,
    private readonly inStart: Int32Array,
    private readonly inEdges: Int32Array,
    private readonly orgIndex: IdIndex,
    private readonly contractIndex: IdIndex,
  ) {}

  of(scenario: Scenario): ActiveMask {
    const asOf = scenario.asOfDay === null ? null : dayNumber(scenario.asOfDay, LAST_DAY);
    const { enforceRetention, confirmedOnly } = scenario;
    const key = `${asOf}/${enforceRetention}/${confirmedOnly}`;
    let base = this.shared.get(key);
    if (!base) {
      const { since, deleteBy } = this;
      const { possible } = this.table;
      const mask = new Uint8Array(since.length);
      let all = true;
      // An absent since or delete_by is stored as a day that no as-of day can fail against.
      for (let e = 0; e < mask.length; e++) {
        const active =
          inForce(since[e] as number, deleteBy[e] as number, asOf, enforceRetention) &&
          !(confirmedOnly && possible[e] === 1);
        mask[e] = active ? 1 : 0;
        all &&= active;
      }
      if (this.shared.size >= 16) this.shared.clear();
      base = { mask, all };
      this.shared.set(key, base);
    }
    if (scenario.excludedContracts.length === 0 && scenario.excludedOrganisations.length === 0) return base;
    const active = base.mask.slice();
    for (const id of scenario.excludedContracts) active[this.contractIndex.get(id) as number] = 0;
    const { outStart, outEdges } = this.table;
    for (const id of scenario.excludedOrganisations) {
      const v = this.orgIndex.get(id) as number;
      for (let i = this.inStart[v] as number; i < (this.inStart[v + 1] as number); i++)
        active[this.inEdges[i] as number] = 0;
      for (let i = outStart[v] as number; i < (outStart[v + 1] as number); i++)
        active[outEdges[i] as number] = 0;
    }
    return { mask: active, all: false };
  }
}
