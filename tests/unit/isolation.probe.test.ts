import { describe, expect, it } from "vitest";
import { testDriver } from "../helpers/database.ts";

/**
 * Run alone by tests/unit/isolation.test.ts with NEO4J_URI naming an unreachable server: the
 * tests must still reach their own bundled instance. (In the normal run it simply passes.)
 */
describe("the tests' database", () => {
  it("is the bundled test instance, whatever NEO4J_URI says", async () => {
    expect(process.env.NEO4J_URI).toBe(process.env.KEIRO_TEST_NEO4J_URI ?? "");
    const driver = testDriver();
    try {
      expect((await driver.executeQuery("RETURN 1 AS one")).records[0]?.get("one")).toBe(1);
    } finally {
      await driver.close();
    }
  });
});
