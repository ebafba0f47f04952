import type { BlastRadius } from "./blastRadius.ts";

/** An organisation whose status changes, with its figures in the answer it is affected in. */
export interface OrganisationChange {
  id: string;
  name: string;
  nameEn: string | null;
  records: number;
  undisclosed: number;
}

/** A what-if beside the plain compromise of the same organisations (docs/blast-radius.md#what-if-comparison). */
export interface Comparison {
  whatIf: BlastRadius;
  plain: BlastRadius;
  change: {
    /** Affected in the plain compromise, not in the what-if. */
    noLongerAffected: OrganisationChange[];
    /** Affected in the what-if only (cannot happen by the rules, listed to prove it). */
    newlyAffected: OrganisationChange[];
    organisations: number;
    contracts: number;
    /** What-if minus plain compromise: negative when the what-if protects data. */
    records: number;
    subjects: number;
    undisclosedContracts: number;
  };
}

/** The change between a what-if and the plain compromise, worked out on the whole answers. */
export function compareBlastRadii(whatIf: BlastRadius, plain: BlastRadius): Comparison {
  const inWhatIf = new Set(whatIf.affected.map((a) => a.id));
  const inPlain = new Set(plain.affected.map((a) => a.id));
  const summary = ({ id, name, nameEn, records, undisclosed }: OrganisationChange): OrganisationChange => ({
    id,
    name,
    nameEn,
    records,
    undisclosed,
  });
  return {
    whatIf,
    plain,
    change: {
      noLongerAffected: plain.affected.filter((a) => !inWhatIf.has(a.id)).map(summary),
      newlyAffected: whatIf.affected.filter((a) => !inPlain.has(a.id)).map(summary),
      organisations: whatIf.totals.organisations - plain.totals.organisations,
      contracts: whatIf.totals.contracts - plain.totals.contracts,
      records: whatIf.totals.records - plain.totals.records,
      subjects: whatIf.totals.subjects - plain.totals.subjects,
      undisclosedContracts: whatIf.totals.undisclosedContracts - plain.totals.undisclosedContracts,
    },
  };
}
