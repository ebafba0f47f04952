import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { type ContractFacts, type OrganisationSummary, parseScenario } from "../../domain/index.ts";
import { columnsOf } from "../../engine/copyColumns.ts";
import { type CopiedExposure, deriveCopy, IdIndex } from "../../engine/copyData.ts";
import { PackedIds } from "../../engine/copyIds.ts";
import {
  type CopyMessage,
  packCopy,
  packStrings,
  unpackCopy,
  unpackStrings,
} from "../../engine/copyTransfer.ts";
import { InMemoryCopy } from "../../engine/inMemoryCopy.ts";
import { seededRandom } from "../../tools/generate/random.ts";

function randomWorld(seed: number, n: number, m: number) {
  const random = seededRandom(seed);
  const int = (k: number) => Math.floor(random() * k);
  const organisations: OrganisationSummary[] = Array.from({ length: n }, (_, i) => ({
    id: `o${i}`,
    name: i % 3 === 0 ? `株式会社テスト${i}` : `Org ${i}`,
    nameEn: i % 2 === 0 ? `Test ${i}` : null,
    kind: i % 5 === 0 ? null : "company",
    region: i % 4 === 0 ? "東京都" : null,
  }));
  const contracts: (ContractFacts & { dataCategories: string[] | null; source: string | null })[] =
    Array.from({ length: m }, (_, e) => ({
      id: `c${e}`,
      consignor: `o${int(n)}`,
      contractor: `o${int(Math.max(1, n / 4))}`,
      records: random() < 0.1 ? null : int(1000),
      subjects: random() < 0.5 ? null : int(100),
      sinceStart: random() < 0.3 ? "2023-04-01" : null,
      deleteByEnd: random() < 0.3 ? "2024-03-31" : null,
      carries: e > 10 && random() < 0.1 ? [`c${int(e)}`] : null,
      dataCategories: random() < 0.5 ? ["name", "address"] : null,
      source: random() < 0.5 ? "源泉" : null,
    }));
  const exposures: CopiedExposure[] = [
    {
      victim: "o0",
      incident: "i1",
      organisation: "o9",
      records: 5,
      subjects: null,
      grossRecords: null,
      status: "confirmed",
      reportedOn: null,
      source: null,
    },
    {
      victim: "o0",
      incident: "i1",
      organisation: "o9",
      records: 7,
      subjects: 1,
      grossRecords: 9,
      status: "possible",
      reportedOn: "2024-06-01",
      source: "s",
    },
  ];
  return { organisations, contracts, exposures };
}

describe("an in-memory copy crossing from its worker thread", () => {
  it("packs strings into buffers and back, Japanese, empty and absent ones included", async () => {
    const values = ["org-1", "株式会社イセトー", "", null, "Isetoh Corporation", null];
    const packed = packStrings(values);
    expect(packed.bytes.byteLength).toBe(
      values.reduce((sum, v) => sum + (v === null ? 0 : Buffer.byteLength(v)), 0),
    );
    expect(await unpackStrings(packed)).toEqual(values);
  });

  it("finds ids by binary search over their sorted order", () => {
    const index = IdIndex.of(["b", "a-2", "c", "a-10"]);
    expect(["a-10", "a-2", "b", "c", "d", ""].map((id) => index.get(id))).toEqual([
      3,
      1,
      0,
      2,
      undefined,
      undefined,
    ]);
  });

  it("finds packed ids by their bytes, and by their characters where UTF-8 and UTF-16 order differ", () => {
    for (const ids of [
      ["c-10", "c-2", "c-1", "株式会社", "b"],
      // U+FF21 sorts after U+1F600 by code units (0xD83D < 0xFF21), before it by bytes.
      ["\uff21", "\u{1f600}", "a", "\ue000x"],
    ]) {
      const packed = packStrings(ids);
      const index = new IdIndex(new PackedIds(packed.bytes, packed.ends), IdIndex.of(ids).order);
      expect([...ids, "zz", ""].map((id) => index.get(id))).toEqual([
        ...ids.map((_, i) => i),
        undefined,
        undefined,
      ]);
    }
  });

  it("moves its buffers (nothing cloned but the small tables) and answers as the copy it was", async () => {
    const { organisations, contracts, exposures } = randomWorld(7, 300, 1500);
    const original = InMemoryCopy.of(organisations, contracts, exposures);
    const data = deriveCopy(columnsOf(organisations, contracts), { exposures, incidents: [] }, true);
    const stamp = { name: "w", fingerprint: "f", loadedAt: "2024-01-01T00:00:00.000Z" };
    const { message, transfer } = packCopy("f@t", stamp, 3, data);
    // 16 typed columns, 5 organisation columns and the contract ids packed (3 buffers each), 2 orders,
    // 4 rank arrays, and the estimate's peers (records and persons: starts, counts, contracts).
    expect(transfer.length).toBe(16 + 5 * 3 + 3 + 2 + 4 + 2 * 3);

    const { port1, port2 } = new MessageChannel();
    port1.postMessage(message, transfer);
    // Moved, not copied: the sender's arrays are empty now.
    expect([
      data.table.from.byteLength,
      data.inEdges.byteLength,
      message.contractIds.bytes.byteLength,
    ]).toEqual([0, 0, 0]);
    const received = receiveMessageOnPort(port2)?.message as CopyMessage;
    port1.close();
    const copy = new InMemoryCopy(await unpackCopy(received));
    expect([received.key, received.stamp, received.threadId]).toEqual(["f@t", stamp, 3]);

    expect(copy.rank()).toEqual(original.rank());
    const scenarios = [
      parseScenario({ vendor: ["o0"] }),
      parseScenario({ vendor: ["o1", "o2"], "max-depth": "2" }),
      parseScenario({ vendor: ["o3"], "as-of": "2024-05-01", "enforce-retention": true }),
      parseScenario({ vendor: ["o0"], "exclude-contract": ["c5", "c77"], "exclude-org": ["o40"] }),
    ];
    let affected = 0;
    for (const scenario of scenarios) {
      const answer = copy.blastRadius(scenario, 20);
      expect(answer).toEqual(original.blastRadius(scenario, 20));
      expect(copy.grouped(scenario, 3)).toEqual(original.grouped(scenario, 3));
      affected += answer.totals.organisations;
    }
    expect(affected).toBeGreaterThan(100);
    // Whole radii spell out every contract id, read from the packed ids.
    for (const scenario of scenarios) {
      expect(copy.packetRadius(scenario)).toEqual(original.packetRadius(scenario));
      expect(copy.breachRadius(scenario)).toEqual(original.breachRadius(scenario));
    }
    // The exposures came along: o0's answer lists them, undated last.
    const o0 = copy.blastRadius(parseScenario({ vendor: ["o0"] }));
    const reported = [...o0.unmodelled, ...o0.affected.flatMap((a) => a.reported)];
    expect(reported.map((r) => [r.organisation, r.records, r.reportedOn])).toEqual([
      ["o9", 7, "2024-06-01"],
      ["o9", 5, null],
    ]);
  });
});
