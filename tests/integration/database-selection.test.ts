import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { databaseConfig } from "../../neo4j/config.ts";
import { openDriver } from "../../neo4j/driver.ts";
import { runCommand } from "../helpers/database.ts";

/**
 * Issue 13, item 13: NEO4J_DATABASE selects the database every session opens. Community has one
 * user database (`neo4j`) beside `system`, so `system` stands in for "another database":
 * `db.info()` names the database a query ran in.
 */
const WHERE = "CALL db.info() YIELD name RETURN name";

async function databasesReached(database: string | null): Promise<string[]> {
  const driver = openDriver({ ...databaseConfig(), database });
  try {
    const names: string[] = [];
    for (const session of [
      driver.session(),
      driver.session({ defaultAccessMode: neo4j.session.READ }),
      driver.session({ defaultAccessMode: neo4j.session.WRITE }),
    ]) {
      try {
        const rows = await session.executeRead((tx) => tx.run(WHERE));
        names.push(rows.records[0]?.get("name"));
      } finally {
        await session.close();
      }
    }
    const { records } = await driver.executeQuery(WHERE);
    names.push(records[0]?.get("name"));
    return names;
  } finally {
    await driver.close();
  }
}

describe("NEO4J_DATABASE", () => {
  it("unset, every session opens the server's default database", async () => {
    expect(await databasesReached(null)).toEqual(["neo4j", "neo4j", "neo4j", "neo4j"]);
  });

  it("set, every session and every executeQuery opens that database", async () => {
    expect(await databasesReached("system")).toEqual(["system", "system", "system", "system"]);
  });

  it("reaches the commands", () => {
    const result = runCommand("bin/cypher.ts", [WHERE], { NEO4J_DATABASE: "system" });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual([{ name: "system" }]);
  });

  it("naming a database the server lacks, a command says so and exits 2", () => {
    const result = runCommand("bin/cypher.ts", [WHERE], { NEO4J_DATABASE: "nosuchdb" });
    expect(result.stderr).toBe(
      `The server at ${databaseConfig().uri} has no database "nosuchdb". Check NEO4J_DATABASE (unset, the server's default database is used).\n`,
    );
    expect(result.status).toBe(2);
  });
});
