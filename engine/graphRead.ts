import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { checkGraphFormat, type DatasetStamp, type OrganisationSummary } from "../domain/index.ts";
import { cypher } from "../neo4j/queries.ts";
import { type CopiedContract, CopyColumnsBuilder } from "./copyColumns.ts";
import { InMemoryCopy } from "./inMemoryCopy.ts";

/**
 * Which load of which dataset the live graph is: a new load (even of the same files) is a new
 * key. A graph stored in an older format is refused (ReloadNeededError), never answered.
 */
export async function datasetKey(tx: ManagedTransaction): Promise<string> {
  return (await liveDataset(tx)).key;
}

/** The live dataset's key with its stamp, read at once: what an answer says it was computed on. */
export async function liveStamp(tx: ManagedTransaction): Promise<{ key: string; stamp: DatasetStamp }> {
  const { key, stamp } = await liveDataset(tx);
  return { key, stamp };
}

/** The live dataset's key and stamp, and how many contracts it holds (to size the copy's columns). */
async function liveDataset(
  tx: ManagedTransaction,
): Promise<{ key: string; stamp: DatasetStamp; contracts: number }> {
  const row = (await tx.run(cypher("blast-radius/dataset"))).records[0]?.toObject() ?? {};
  checkGraphFormat(row.loaded === true, (row.format as number | null) ?? null);
  return {
    key: `${row.fingerprint ?? ""}@${row.loadedAt ?? ""}`,
    stamp: { name: row.name ?? null, fingerprint: row.fingerprint ?? null, loadedAt: row.loadedAt ?? null },
    contracts: (row.contracts as number | null) ?? 0,
  };
}

/**
 * The live graph read into an in-memory copy, with the key of the load it is of: the key and the
 * graph come from one transaction, so that they belong together. Contracts stream record by
 * record into typed columns: a million records are never held as objects at once.
 */
export async function readGraphCopy(
  driver: Driver,
): Promise<{ key: string; stamp: DatasetStamp; copy: InMemoryCopy }> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const read = await session.executeRead(
      async (tx) => {
        const { key, stamp, contracts } = await liveDataset(tx);
        const organisations: OrganisationSummary[] = [];
        for await (const record of tx.run(cypher("blast-radius/all-organisations"))) {
          organisations.push(record.toObject() as OrganisationSummary);
        }
        const columns = new CopyColumnsBuilder(organisations, contracts);
        for await (const record of tx.run(cypher("blast-radius/all-contracts"))) {
          const get = (field: keyof CopiedContract) => record.get(field);
          columns.add({
            id: get("id"),
            consignor: get("consignor"),
            contractor: get("contractor"),
            records: get("records"),
            subjects: get("subjects"),
            sinceStart: get("sinceStart"),
            deleteByEnd: get("deleteByEnd"),
            dataCategories: get("dataCategories"),
            carries: get("carries"),
            source: get("source"),
          });
        }
        return { key, stamp, columns: columns.finish() };
      },
      { timeout: 10 * 60 * 1000 },
    );
    return { key: read.key, stamp: read.stamp, copy: new InMemoryCopy(read.columns) };
  } finally {
    await session.close();
  }
}
