import neo4j, { type Driver } from "neo4j-driver";
import { cypher } from "../db/cypherFiles.ts";
import type { ContractFacts } from "../domain/index.ts";
import { contractGraph, referenceBlastRadius } from "../domain/reference.ts";
import { plainCompromise } from "../domain/scenario.ts";
import { rankAll } from "./rankAll.ts";

/** One vendor's concentration risk: what its compromise alone would expose. */
export interface VendorRank {
  id: string;
  name: string;
  nameEn: string | null;
  kind: string | null;
  records: number;
  organisations: number;
  undisclosedContracts: number;
}

export interface Vendor {
  id: string;
  name: string;
  nameEn: string | null;
  kind: string | null;
}

/** Ties: more affected organisations first, then id (DOMAIN.md). */
export function compareRanks(a: VendorRank, b: VendorRank): number {
  return (
    b.records - a.records || b.organisations - a.organisations || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Every contract and every vendor, read once in one transaction. */
export async function readContracts(
  driver: Driver,
): Promise<{ contracts: ContractFacts[]; vendors: Vendor[] }> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(
      async (tx) => {
        const contracts = (await tx.run(cypher("impact/all-contracts"))).records.map(
          (r) => r.toObject() as ContractFacts,
        );
        const vendors = (await tx.run(cypher("impact/vendors"))).records.map((r) => r.toObject() as Vendor);
        return { contracts, vendors };
      },
      { timeout: 300_000 },
    );
  } finally {
    await session.close();
  }
}

/** Ranks every vendor by a plain compromise of it alone: all at once (rankAll.ts). */
export function rankVendors(contracts: ContractFacts[], vendors: Vendor[]): VendorRank[] {
  const index = new Map<string, number>();
  const id = (key: string) => {
    let i = index.get(key);
    if (i === undefined) {
      i = index.size;
      index.set(key, i);
    }
    return i;
  };
  const from = new Int32Array(contracts.length);
  const to = new Int32Array(contracts.length);
  const records = new Float64Array(contracts.length);
  contracts.forEach((c, e) => {
    from[e] = id(c.consignor);
    to[e] = id(c.contractor);
    records[e] = c.records ?? Number.NaN;
  });
  const figures = rankAll({
    n: index.size,
    from,
    to,
    records,
    vendors: Int32Array.from(vendors, (v) => id(v.id)),
  });
  const ranks = vendors.map((vendor, i) => ({
    ...vendor,
    records: figures.records[i] as number,
    organisations: figures.organisations[i] as number,
    undisclosedContracts: figures.undisclosedContracts[i] as number,
  }));
  return ranks.sort(compareRanks);
}

/** The same ranking, one plain blast radius per vendor: the slow, obvious way, for checking. */
export function rankVendorsOneByOne(contracts: ContractFacts[], vendors: Vendor[]): VendorRank[] {
  const organisations = new Set<string>(vendors.map((v) => v.id));
  for (const c of contracts) {
    organisations.add(c.consignor);
    organisations.add(c.contractor);
  }
  const graph = contractGraph(organisations, contracts);
  return vendors
    .map((vendor) => {
      const { totals } = referenceBlastRadius(graph, plainCompromise([vendor.id]));
      return {
        ...vendor,
        records: totals.records,
        organisations: totals.organisations,
        undisclosedContracts: totals.undisclosedContracts,
      };
    })
    .sort(compareRanks);
}

export async function rank(driver: Driver, top?: number): Promise<VendorRank[]> {
  const { contracts, vendors } = await readContracts(driver);
  const ranks = rankVendors(contracts, vendors);
  return top === undefined ? ranks : ranks.slice(0, top);
}
