import type { Driver } from "neo4j-driver";
import { GRAPH_FORMAT } from "../domain/index.ts";
import { readTransaction, rowsOf } from "../neo4j/read.ts";

/**
 * Whether a dataset must be loaded before the app starts: the graph is empty, or it holds the
 * dataset named `name` as an older Keiro stored it (then it is loaded again in this one's format).
 */
export async function needsLoading(
  driver: Driver,
  name: string,
): Promise<{ empty: boolean; stale: boolean }> {
  return readTransaction(
    driver,
    async (tx) => {
      const [isEmpty] = await rowsOf<{ empty: boolean }>(tx, "ingest/is-empty");
      const [dataset] = await rowsOf<{ loaded?: boolean; format?: number; name?: string }>(
        tx,
        "blast-radius/dataset",
      );
      const stale = dataset?.loaded === true && dataset.format !== GRAPH_FORMAT && dataset.name === name;
      return { empty: isEmpty?.empty === true, stale };
    },
    60_000,
  );
}
