import type { AffectedOrganisation, BlastRadius } from "../../domain/blastRadius.ts";

const org = (
  id: string,
  depth: number,
  records: number,
  path: string[],
  extra: Partial<AffectedOrganisation> = {},
): AffectedOrganisation => ({
  id,
  name: id.toUpperCase(),
  nameEn: null,
  kind: "municipality",
  region: "Aichi",
  depth,
  records,
  subjects: 0,
  undisclosed: 0,
  path,
  chain: [],
  dataCategories: [],
  reported: [],
  ...extra,
});

/** A small blast radius by hand: v compromised; a and b at depth 1; c at depth 2 through a. */
export const SMALL_RADIUS: BlastRadius = {
  dataset: { name: "hand-made", fingerprint: "f0", loadedAt: "2024-07-04T00:00:00Z" },
  scenario: {
    compromised: ["v"],
    excludedContracts: [],
    excludedOrganisations: [],
    maxDepth: null,
    asOf: null,
    enforceRetention: false,
  },
  compromised: [{ id: "v", name: "V", nameEn: null, kind: "print_mail_vendor" }],
  affected: [
    org("a", 1, 100, ["a", "v"], { chain: ["k1"] }),
    org("b", 1, 0, ["b", "v"], { chain: ["k2"], undisclosed: 1, kind: "bank", region: null }),
    org("c", 2, 7, ["c", "a", "v"], { chain: ["k3", "k1"] }),
  ],
  contracts: [
    { id: "k1", consignor: "a", contractor: "v", records: 100, subjects: null, carries: null, source: null },
    { id: "k2", consignor: "b", contractor: "v", records: null, subjects: null, carries: null, source: null },
    { id: "k3", consignor: "c", contractor: "a", records: 7, subjects: null, carries: null, source: null },
  ],
  unmodelled: [],
  totals: {
    organisations: 3,
    contracts: 3,
    records: 107,
    subjects: 0,
    undisclosedContracts: 1,
    undisclosedSubjectContracts: 3,
  },
};
