import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { breachPackets } from "../../answers/breach.ts";
import { loadRules, rulesFileName } from "../../answers/rules.ts";
import { plainCompromise } from "../../domain/index.ts";
import { InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { packetFiles, writePacketFiles } from "../../report/packets/files.ts";
import { medianMs, round, time } from "./measure.ts";

/** Generated datasets record no incidents: the clocks start on this day. */
const AWARE = "2024-05-26";
export const PACKETS = 1000;

export interface NotifyFigures {
  vendor: string;
  organisations: number;
  /** The API's first page (200 organisations, sorted by deadline), median of 3 after a warm-up. */
  firstPageMs: number | null;
  /** The whole answer through the API, streamed as JSON, and its size. */
  streamedMs: number | null;
  streamedMiB: number | null;
  /** Computing the answer and writing PACKETS packets (HTML and Markdown) plus the index. */
  packets: number;
  packetsMs: number;
}

/**
 * Times the notify routes of a running API (`base`), or null where no API is given; `whole`: the
 * streamed answer too.
 */
export async function apiNotifyFigures(base: string | null, vendor: string, whole = true) {
  if (base === null) return { firstPageMs: null, streamedMs: null, streamedMiB: null };
  const url = (path: string) => `${base}${path}?vendor=${encodeURIComponent(vendor)}&aware=${AWARE}`;
  const get = async (path: string, extra = "") => {
    const response = await fetch(url(path) + extra);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.arrayBuffer()).byteLength;
  };
  const firstPageMs = await medianMs(3, () => get("/api/notify", "&sort=deadline&limit=200"));
  if (!whole) return { firstPageMs: round(firstPageMs), streamedMs: null, streamedMiB: null };
  const streamed = await time(() => get("/api/notify/export"));
  return {
    firstPageMs: round(firstPageMs),
    streamedMs: round(streamed.ms),
    streamedMiB: Math.round((streamed.value / 1024 / 1024) * 10) / 10,
  };
}

/**
 * The bench's notify figures for a vendor: the API's first page and the streamed answer (when an
 * API process is given), and the time to compute the answer and write 1,000 packets to disk.
 */
export async function measureNotify(
  driver: Driver,
  base: string | null,
  vendor: string,
): Promise<NotifyFigures> {
  const api = await apiNotifyFigures(base, vendor);
  const engine = new InMemoryEngine(driver, { timeoutMs: 120_000 });
  await engine.warm();
  const rules = loadRules();
  const dir = mkdtempSync(join(tmpdir(), "keiro-bench-packets-"));
  try {
    const { ms, value } = await time(async () => {
      const book = await breachPackets(
        engine,
        { scenario: plainCompromise([vendor]), aware: AWARE, rules },
        { rulesFile: rulesFileName(), today: AWARE, lang: "ja" },
      );
      const affected = book.packetIds.affected.slice(0, PACKETS - 1);
      writePacketFiles(dir, packetFiles(book, { compromised: [vendor], affected }));
      return { organisations: book.facts.response.organisations.length, packets: affected.length + 1 };
    });
    return {
      vendor,
      organisations: value.organisations,
      ...api,
      packets: value.packets,
      packetsMs: round(ms) as number,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
