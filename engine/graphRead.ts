import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { checkGraphFormat, type DatasetStamp, type OrganisationSummary } from "../domain/index.ts";
import { cypher } from "../neo4j/queries.ts";
import { type CopiedContract, InMemoryCopy } from "./inMemoryCopy.ts";

/**
 * Which load of which dataset the live graph is: a new load (even of the same files) is a new
 * key. A graph stored in an older format is refused (ReloadNeededError), never answered.
 */
export async function datasetKey(tx: ManagedTransaction): Promise<string> {
  const row = (await tx.run(cypher("blast-radius/dataset"))).records[0]?.toObject() ?? {};
  checkGraphFormat(row.loaded === true, (row.format as number | null) ?? null);
  return `${row.fingerprint ?? ""}@${row.loadedAt ?? ""}`;
}

async function streamed<T>(tx: ManagedTransaction, name: string): Promise<T[]> {
  const out: T[] = [];
  // Record by record: a million records are never held as driver objects at once.
  for await (const record of tx.run(cypher(name))) out.push(record.toObject() as T);
  return out;
}

/**
 * The live graph read into an in-memory copy, with the key of the load it is of: the key and the
 * graph come from one transaction, so that they belong together.
 */
export async function readGraphCopy(driver: Driver): Promise<{ key: string; copy: InMemoryCopy }> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const read = await session.executeRead(
      async (tx) => ({
        key: await datasetKey(tx),
        organisations: await streamed<OrganisationSummary>(tx, "blast-radius/all-organisations"),
        contracts: await streamed<CopiedContract>(tx, "blast-radius/all-contracts"),
      }),
      { timeout: 10 * 60 * 1000 },
    );
    return { key: read.key, copy: new InMemoryCopy(read.organisations, read.contracts) };
  } finally {
    await session.close();
  }
}

/** The stamp of the dataset the live graph holds: what a report names as its source. */
export async function readDatasetStamp(driver: Driver): Promise<DatasetStamp> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(cypher("blast-radius/dataset")), {
      timeout: 10_000,
    });
    const row = result.records[0]?.toObject() ?? {};
    return { name: row.name ?? null, fingerprint: row.fingerprint ?? null, loadedAt: row.loadedAt ?? null };
  } finally {
    await session.close();
  }
}
