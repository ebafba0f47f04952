import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateDataset } from "../../ingest/dataset.ts";
import { loadDataset } from "../../ingest/load.ts";
import { datasetDir, graphState, load, runCommand, SAMPLE_DIR } from "../helpers/database.ts";
import { serveApi } from "../helpers/server.ts";

/**
 * Issue 13, item 9: ids of 101–128 characters work everywhere (the loader, the command line, the
 * API's route parameters: Fastify's default limit is 100), and what is loaded is what was validated.
 */
const VENDOR = `v${"e".repeat(126)}x`; // 128 characters
const CLIENT = `c${"l".repeat(118)}:client`; // 126 characters
const CONTRACT = `k${"o".repeat(126)}1`; // 128 characters

const LONG_DATASET = {
  "organisations.csv": `id,name,kind\n${VENDOR},委託先,print_mail_vendor\n${CLIENT},委託元,municipality\n`,
  "outsourcing.csv": `id,consignor,contractor,records\n${CONTRACT},${CLIENT},${VENDOR},1234\n`,
};

const server = serveApi({ listen: true, queryTimeoutMs: 20_000 });

async function get(path: string) {
  const response = await fetch(`${server.base}${path}`);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("ids of 128 characters", () => {
  it("load through the command line", () => {
    expect([VENDOR.length, CLIENT.length, CONTRACT.length]).toEqual([128, 126, 128]);
    const result = runCommand("bin/ingest.ts", [datasetDir(LONG_DATASET), "--replace"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("the graph now holds 2 organisations, 1 contracts");
    expect(result.status).toBe(0);
  });

  it("are answered by the command line", () => {
    const result = runCommand("bin/impact.ts", ["--vendor", VENDOR]);
    expect(result.status).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.affected.map((a: { id: string; chain: string[] }) => [a.id, a.chain])).toEqual([
      [CLIENT, [CONTRACT]],
    ]);
    expect(answer.totals).toMatchObject({ organisations: 1, contracts: 1, records: 1234 });
  });

  it("are route parameters of the API", async () => {
    const organisation = await get(`/api/organisations/${VENDOR}`);
    expect(organisation.status).toBe(200);
    expect(organisation.json.organisation).toMatchObject({ id: VENDOR, name: "委託先" });
    expect(organisation.json.incoming).toEqual([
      expect.objectContaining({ id: CONTRACT, counterpart: CLIENT, records: 1234 }),
    ]);
    const neighbourhood = await get(`/api/organisations/${CLIENT}/neighbourhood`);
    expect(neighbourhood.status).toBe(200);
    expect((neighbourhood.json.neighbours as { id: string }[]).map((n) => n.id)).toEqual([VENDOR]);
  });

  it("are query parameters of the API", async () => {
    const impact = await get(`/api/impact?vendor=${VENDOR}&exclude-org=${VENDOR}z`);
    expect(impact.status).toBe(400);
    expect(impact.json.message).toBe(`exclude-org: "${VENDOR}z" is not a valid id`);
    const answer = await get(`/api/impact?vendor=${VENDOR}`);
    expect(answer.status).toBe(200);
    expect(answer.json.totals).toMatchObject({ organisations: 1, records: 1234 });
  });

  it("while 129 characters are refused by name, not by the router", async () => {
    const tooLong = `${VENDOR}z`;
    expect(await get(`/api/organisations/${tooLong}`)).toEqual({
      status: 400,
      json: { error: "bad_request", parameter: "id", message: `id: "${tooLong}" is not a valid id` },
    });
  });
});

describe("the files validated are the files loaded", () => {
  it("refuses a file changed between validation and loading, and leaves the graph as it was", async () => {
    const { driver } = server;
    await load(driver, SAMPLE_DIR);
    const before = await graphState(driver);
    const dir = datasetDir(LONG_DATASET);
    const dataset = await validateDataset(dir);
    expect(dataset.problemCount).toBe(0);
    // Valid and the same size: only the bytes differ from what was validated.
    writeFileSync(join(dir, "outsourcing.csv"), LONG_DATASET["outsourcing.csv"].replace(",1234", ",9999"));
    await expect(loadDataset(driver, dataset, { replace: true })).rejects.toThrow(
      `${join(dir, "outsourcing.csv")} changed after it was validated; nothing was loaded. Load it again once nothing writes to it.`,
    );
    expect(await graphState(driver)).toEqual(before);
  });
});
