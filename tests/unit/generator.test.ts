import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stronglyConnected } from "../../engine/rankAll.ts";
import { validateDataset } from "../../ingest/dataset.ts";
import { generateDataset } from "../../tools/generate/generator.ts";

async function generated(seed: number, organisations = 2000, contracts = 8000) {
  const dir = mkdtempSync(join(tmpdir(), "keiro-gen-"));
  await generateDataset(dir, { organisations, contracts, seed });
  return dir;
}

describe("the dataset generator", () => {
  it("is deterministic: the same seed gives the same files, another seed others", async () => {
    const [a, b, c] = [await generated(7), await generated(7), await generated(8)];
    const fingerprint = async (dir: string) => (await validateDataset(dir)).fingerprint;
    expect(await fingerprint(a)).toBe(await fingerprint(b));
    expect(await fingerprint(c)).not.toBe(await fingerprint(a));
  });

  it("writes a valid DOMAIN.md dataset of the size asked", async () => {
    const dataset = await validateDataset(await generated(3));
    expect(dataset.problems).toEqual([]);
    expect(dataset.rows).toEqual({ organisations: 2000, contracts: 8000, incidents: 0, exposures: 0 });
  });

  it("is shaped like the real thing: a few huge vendors, sub-contract tiers, cycles, ~5% undisclosed, deadlines", async () => {
    const dir = await generated(5);
    const rows = readFileSync(join(dir, "outsourcing.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","));
    const inDegree = new Map<string, number>();
    for (const r of rows) inDegree.set(r[2] as string, (inDegree.get(r[2] as string) ?? 0) + 1);
    const degrees = [...inDegree.values()].sort((x, y) => y - x);
    // Power law: the biggest vendor has far more clients than the median one.
    expect((degrees[0] as number) / (degrees[Math.floor(degrees.length / 2)] as number)).toBeGreaterThan(20);
    // About 5% of contracts have undisclosed records.
    const undisclosed = rows.filter((r) => r[4] === "").length / rows.length;
    expect(undisclosed).toBeGreaterThan(0.03);
    expect(undisclosed).toBeLessThan(0.07);
    // Sub-contracts between vendors exist, some pass data on (records 0), and some go back up (cycles).
    const vendors = new Set(inDegree.keys());
    const sub = rows.filter((r) => vendors.has(r[1] as string));
    expect(sub.length).toBeGreaterThan(rows.length * 0.1);
    expect(sub.filter((r) => r[4] === "0").length).toBeGreaterThan(0);
    expect(rows.filter((r) => r[9] !== "").length).toBeGreaterThan(rows.length * 0.1);
    // About a third of the vendor → sub-vendor pairs are scoped, on every contract of the pair.
    const pairs = new Map<string, Set<string>>();
    for (const r of sub) {
      const key = `${r[1]}>${r[2]}`;
      pairs.set(key, (pairs.get(key) ?? new Set()).add(r[10] as string));
    }
    const scoped = [...pairs.values()].filter((lists) => !lists.has(""));
    expect(scoped.length / pairs.size).toBeGreaterThan(0.2);
    expect(scoped.length / pairs.size).toBeLessThan(0.4);
    expect([...pairs.values()].filter((lists) => lists.has("") && lists.size > 1)).toEqual([]);
    expect(scoped.every((lists) => lists.size === 1)).toBe(true);
    // Cycles: some strongly connected component holds more than one organisation.
    const ids = new Map<string, number>();
    const id = (key: string) => {
      const known = ids.get(key);
      if (known !== undefined) return known;
      ids.set(key, ids.size);
      return ids.size - 1;
    };
    const edges = rows
      .map((r) => [id(r[1] as string), id(r[2] as string)] as const)
      .sort((x, y) => x[0] - y[0]);
    const outStart = new Int32Array(ids.size + 1);
    for (const [from] of edges) outStart[from + 1] = (outStart[from + 1] as number) + 1;
    for (let i = 0; i < ids.size; i++)
      outStart[i + 1] = (outStart[i + 1] as number) + (outStart[i] as number);
    const { comp, count } = stronglyConnected(
      ids.size,
      outStart,
      Int32Array.from(edges, ([, to]) => to),
    );
    expect(count).toBeLessThan(ids.size);
    expect(comp.length).toBe(ids.size);
  });
});
