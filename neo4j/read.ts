import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { cypher } from "./queries.ts";

/**
 * The one way Keiro reads: a READ session (the server refuses a write in it), one managed
 * transaction with a timeout (retried by the driver on a passing failure), and the session closed
 * whatever happens.
 */
export async function readTransaction<T>(
  driver: Driver,
  work: (tx: ManagedTransaction) => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work, { timeout: timeoutMs });
  } finally {
    await session.close();
  }
}

/** The rows of `cypher/NAME.cypher` in a transaction, as plain objects. */
export async function rowsOf<T = Record<string, unknown>>(
  tx: ManagedTransaction,
  name: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  return (await tx.run(cypher(name), params)).records.map((record) => record.toObject() as T);
}
