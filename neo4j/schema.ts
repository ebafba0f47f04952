import type { Driver } from "neo4j-driver";
import { cypherStatements } from "./queries.ts";

/** Constraints and indexes from cypher/schema.cypher; every command that writes applies them. */
export async function applySchema(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    for (const statement of cypherStatements("schema")) await session.run(statement);
    await session.run("CALL db.awaitIndexes(300)");
  } finally {
    await session.close();
  }
}
