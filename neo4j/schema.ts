import neo4j, { type Driver } from "neo4j-driver";
import { cypherStatements } from "./queries.ts";

/** Constraints and indexes from cypher/schema.cypher; every command that writes applies them. */
export async function applySchema(driver: Driver): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    // Building an index on a million contracts outlasts the server's default transaction timeout.
    const config = { timeout: 10 * 60 * 1000 };
    for (const statement of cypherStatements("schema")) await session.run(statement, {}, config);
    await session.run("CALL db.awaitIndexes(300)", {}, config);
  } finally {
    await session.close();
  }
}

/**
 * After a load: the indexes' statistics are resampled now rather than whenever the server gets to
 * it. Until then the planner may cost an index by its sample taken when the graph was empty, and
 * Neo4j 2025.x then chose an index scan over a unique-index seek for the first queries after a
 * load into a new store. Best effort: a user who may not run it only waits for the server's own
 * resampling.
 */
export async function refreshIndexStatistics(driver: Driver): Promise<void> {
  await driver
    .executeQuery("CALL db.resampleOutdatedIndexes()", {}, { routing: neo4j.routing.WRITE })
    .catch(() => {});
}
