import type { ManagedTransaction } from "neo4j-driver";
import { type BlastRadiusTotals, estimateUndisclosed, type UndisclosedEstimate } from "../domain/index.ts";
import { rowsOf as rows } from "../neo4j/read.ts";
import type { ContractTable, Reach } from "./contractReach.ts";
import { countedForEstimate } from "./estimatePeers.ts";

/**
 * The Cypher engine's estimate of the undisclosed: the same function as the in-memory engine's
 * (engine/estimatePeers.ts, domain/estimate.ts), its peers and the kinds of the consignors with
 * undisclosed counts read in the answer's transaction.
 */
export async function cypherEstimate(
  tx: ManagedTransaction,
  params: Record<string, unknown>,
  search: { table: ContractTable; reach: Reach; compromised: Set<number | undefined> },
  totals: BlastRadiusTotals,
): Promise<UndisclosedEstimate | null> {
  const { table, reach, compromised } = search;
  const isCompromised = (v: number) => compromised.has(v);
  const undisclosedBy = new Set<string>();
  for (let q = 0; q < reach.count; q++) {
    const e = reach.queue[q] as number;
    const a = table.from[e] as number;
    if (isCompromised(a)) continue;
    if (Number.isNaN(table.records[e]) || Number.isNaN(table.subjects[e]))
      undisclosedBy.add(table.orgIds[a] as string);
  }
  const kinds = new Map<string, string | null>();
  for (const row of await rows<{ id: string; kind: string | null }>(tx, "blast-radius/organisations", {
    ids: [...undisclosedBy],
  }))
    kinds.set(row.id, row.kind ?? null);
  const records = new Map<string | null, number[]>();
  const subjects = new Map<string | null, number[]>();
  for (const row of await rows<{ kind: string | null; records: number[]; subjects: number[] }>(
    tx,
    "blast-radius/estimate-peers",
    params,
  )) {
    // One row per kind (the query groups by it).
    records.set(row.kind ?? null, row.records);
    subjects.set(row.kind ?? null, row.subjects);
  }
  const counted = countedForEstimate(
    table,
    reach,
    isCompromised,
    (v) => kinds.get(table.orgIds[v] as string) ?? null,
  );
  return estimateUndisclosed({ contracts: counted, totals, peers: { records, subjects } });
}
