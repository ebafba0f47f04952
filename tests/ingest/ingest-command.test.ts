import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  datasetDir,
  graphState,
  load,
  runCommand,
  SAMPLE_DIR,
  startCommand,
  testDriver,
} from "../helpers/database.ts";

/**
 * `npm run ingest`'s answers that never ask the server (a dataset refused by validation, a dry
 * run, a server that cannot be reached), on the first Neo4j version only: no version changes them.
 * What the loads do on each server is tests/integration/ingest.test.ts.
 */

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

describe("loading", () => {
  it("refuses a broken dataset whole, with every problem, and leaves the graph exactly as it was", async () => {
    await load(driver, SAMPLE_DIR);
    const before = await graphState(driver);
    const broken = datasetDir({
      "organisations.csv": "id,name\nok,OK\n",
      "outsourcing.csv": "id,consignor,contractor,records\nc1,ok,missing,12\nc2,ok,ok,-3\n",
    });
    // Merged or replacing, refused alike; both runs side by side.
    const results = await Promise.all(
      [[], ["--replace"]].map((flags) => startCommand("bin/ingest.ts", [broken, ...flags])),
    );
    for (const result of results) {
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        `${broken}/outsourcing.csv:2: contractor: "missing" is not an id in organisations.csv\n` +
          `${broken}/outsourcing.csv:3: records: "-3" is not a whole number ≥ 0\n` +
          `${broken}: 2 problems; nothing was loaded.\n`,
      );
    }
    expect(await graphState(driver)).toEqual(before);
  });

  it("validates without writing on --dry-run", async () => {
    await load(driver, SAMPLE_DIR);
    const before = await graphState(driver);
    const other = datasetDir({
      "organisations.csv": "id,name\nx,X\n",
      "outsourcing.csv": "id,consignor,contractor\n",
    });
    const result = runCommand("bin/ingest.ts", [other, "--replace", "--dry-run"]);
    expect(result.stdout).toBe(
      `${other} is valid: 1 organisations, 0 contracts, 0 incidents, 0 exposures (dry run: nothing written).\n`,
    );
    expect(result.status).toBe(0);
    expect(await graphState(driver)).toEqual(before);
  });

  it("exits 2 with the URI it tried when the database cannot be reached", () => {
    const result = runCommand("bin/ingest.ts", [SAMPLE_DIR], {
      NEO4J_URI: "bolt://127.0.0.1:1",
      NEO4J_PASSWORD: "x",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "Cannot reach the database at bolt://127.0.0.1:1. Start the bundled one with `npm run db:start`, or check NEO4J_URI. Nothing was loaded.\n",
    );
  });
});
