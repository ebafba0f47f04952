import type { Driver } from "neo4j-driver";
import { cypherStatements } from "./queries.ts";

/** Constraints and indexes from cypher/schema.cypher; every command that writes applies them. */
export async function applySchema(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    // Building an index on a million contracts outlasts the server's default transaction timeout.
    const config = { timeout: 10 * 60 * 1000 };
    for (const statement of cypherStatements("schema")) await session.run(statement, {}, config);
    await session.run("CALL db.awaitIndexes(300)", {}, config);
  } finally {
    await session.close();
  }
}
