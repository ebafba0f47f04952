import type { Driver } from "neo4j-driver";
import { type DatasetFile, readRows } from "../../ingest/dataset.ts";
import { storedRow } from "../../ingest/rows.ts";
import { isClientError } from "../../neo4j/errors.ts";
import { cypher } from "../../neo4j/queries.ts";
import { readTransaction } from "../../neo4j/read.ts";
import { time } from "./measure.ts";

/** Rows per second of a loader that commits one row per transaction, on the first `sample` rows. */
export async function naiveLoad(driver: Driver, files: DatasetFile[], sample: number): Promise<number> {
  const session = driver.session();
  try {
    let done = 0;
    const { ms } = await time(async () => {
      for (const file of files) {
        const query =
          file.spec.name === "organisations"
            ? cypher("bench/naive-organisation")
            : file.spec.name === "contracts"
              ? cypher("bench/naive-contract")
              : null;
        if (query === null) continue;
        let taken = 0;
        for await (const row of readRows(file)) {
          if (taken >= sample / 2) break;
          await session.executeWrite((tx) => tx.run(query, { row: storedRow(row) }));
          taken += 1;
          done += 1;
        }
      }
    });
    return done / (ms / 1000);
  } finally {
    await session.close();
  }
}

/** Milliseconds of the path-enumerating reachability query, or null when it times out. */
export async function naiveImpactMs(
  driver: Driver,
  vendor: string,
  timeoutMs: number,
): Promise<number | null> {
  try {
    const { ms } = await time(() =>
      readTransaction(driver, (tx) => tx.run(cypher("bench/naive-reach"), { vendor }), timeoutMs),
    );
    return ms;
  } catch (error) {
    if (isClientError(error) || (error as { code?: string }).code?.includes("Transaction")) return null;
    throw error;
  }
}
