import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/paths.ts";

/** Tests never write to the server a user's NEO4J_URI names (issue 13, item 1). */
describe("npm test beside an analyst's own database", () => {
  it("ignores NEO4J_URI and talks to its own bundled instance", () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEO4J_URI: "bolt://127.0.0.1:1",
      NEO4J_PASSWORD: "not-ours",
      NO_COLOR: "1",
      FORCE_COLOR: "0",
    };
    delete env.KEIRO_TEST_NEO4J_URI;
    delete env.VITEST;
    const result = spawnSync(
      "npx",
      [
        "vitest",
        "run",
        "tests/unit/isolation.probe.test.ts",
        "--reporter=dot",
        "--outputFile.json=/dev/null",
      ],
      { cwd: PROJECT_ROOT, env, encoding: "utf8", timeout: 240_000 },
    );
    expect(`${result.stdout}${result.stderr}`).toMatch(/Tests\s+1 passed \(1\)/);
    expect(result.status).toBe(0);
  });
});
