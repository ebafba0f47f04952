import { once } from "node:events";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { powerLawPicker, seededRandom } from "./random.ts";

/**
 * Contracts by an end, compressed: the contracts into node v are contracts[start[v] .. start[v+1]),
 * in ascending order. Ends ≥ `beyond` (clients, which nobody outsources to here) share the last slot.
 */
function adjacency(nodes: number, end: Int32Array, beyond: number): [Int32Array, Int32Array] {
  const slot = (c: number) => Math.min(end[c] as number, beyond);
  const start = new Int32Array(nodes + 1);
  for (let c = 0; c < end.length; c++) start[slot(c) + 1] = (start[slot(c) + 1] as number) + 1;
  for (let v = 0; v < nodes; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const fill = start.slice(0, nodes);
  const contracts = new Int32Array(end.length);
  for (let c = 0; c < end.length; c++) {
    const v = slot(c);
    contracts[fill[v] as number] = c;
    fill[v] = (fill[v] as number) + 1;
  }
  return [start, contracts];
}

export interface GeneratorOptions {
  organisations: number;
  contracts: number;
  seed: number;
  /** A plain line now and then on long runs (every million contracts written). */
  onProgress?: (line: string) => void;
}

/** Contracts between two progress lines. */
const PROGRESS_EVERY = 1_000_000;

/** How the generated world is shaped; the numbers are the story, not a measurement. */
const VENDOR_SHARE = 0.04;
const MAX_TIER = 6;
const UNDISCLOSED_SHARE = 0.05;
const SUB_CONTRACT_SHARE = 0.12;
const CYCLE_SHARE = 0.005;
const SCOPED_SHARE = 1 / 3;
const CONSIGNOR_KINDS = [
  "municipality",
  "company",
  "company",
  "company",
  "bank",
  "insurer",
  "prefecture",
  "education",
];
const VENDOR_KINDS = ["print_mail_vendor", "it_vendor", "logistics_vendor", "shared_service"];
const REGIONS = [
  "Hokkaido",
  "Tokyo",
  "Kanagawa",
  "Aichi",
  "Osaka",
  "Kyoto",
  "Hyogo",
  "Hiroshima",
  "Fukuoka",
  "Okinawa",
];
const CATEGORIES = ["name", "address", "phone", "date_of_birth", "tax_amount", "bank_account", "income"];

function csvLine(cells: (string | number)[]): string {
  return `${cells.map((c) => (typeof c === "string" && /[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")}\n`;
}

class CsvWriter {
  private readonly stream;
  constructor(path: string, header: string[]) {
    this.stream = createWriteStream(path);
    this.stream.write(csvLine(header));
  }
  async row(cells: (string | number)[]): Promise<void> {
    if (!this.stream.write(csvLine(cells))) await once(this.stream, "drain");
  }
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, "finish");
  }
}

/**
 * Each vendor above the last tier has one to three sub-contractors in the tier below, drawn by a
 * power law so that a few sub-contractors serve many vendors (hubs, like Isetoh) while most
 * chains stay short. Vendor v sits at tier 1 + v % MAX_TIER.
 */
function subContractorsByVendor(vendorCount: number, random: () => number): number[][] {
  const tierOf = (vendor: number) => 1 + (vendor % MAX_TIER);
  const byTier: number[][] = Array.from({ length: MAX_TIER + 1 }, () => []);
  for (let v = 0; v < vendorCount; v++) byTier[tierOf(v)]?.push(v);
  const pickers = byTier.map((list) => (list.length > 0 ? powerLawPicker(list.length, 1.2, random) : null));
  return Array.from({ length: vendorCount }, (_, v) => {
    const below = byTier[tierOf(v) + 1] ?? [];
    const picker = pickers[tierOf(v) + 1];
    if (!picker || below.length === 0) return [];
    const count = 1 + Math.floor(random() * 3);
    return [...new Set(Array.from({ length: count }, () => below[picker()] as number))];
  });
}

/**
 * About a third of the vendor → sub-vendor pairs are scoped: every contract of the pair carries
 * the same one to three of the vendor's incoming contracts (scoping only some rows of a pair
 * would change no reach: an unscoped row beside them passes everything on anyway).
 */
function scopedSubContracts(
  from: Int32Array,
  to: Int32Array,
  subContractors: number[][],
  random: () => number,
): Map<number, number[]> {
  // Contracts by contractor as one compressed index, in contract order (as lists pushed in order
  // would be): 10M contract numbers in JS arrays held ~300 MB more at --scale 10m.
  const [inStart, inContracts] = adjacency(subContractors.length + 1, to, subContractors.length);
  const listOf = new Map<string, number[]>();
  subContractors.forEach((subs, vendor) => {
    const into = inContracts.subarray(inStart[vendor] as number, inStart[vendor + 1] as number);
    for (const sub of subs) {
      if (random() >= SCOPED_SHARE || into.length === 0) continue;
      const count = 1 + Math.floor(random() * 3);
      const listed = new Set(
        Array.from({ length: count }, () => into[Math.floor(random() * into.length)] as number),
      );
      listOf.set(
        `${vendor}>${sub}`,
        [...listed].sort((x, y) => x - y),
      );
    }
  });
  const carries = new Map<number, number[]>();
  for (let c = 0; c < from.length; c++) {
    const list = listOf.get(`${from[c]}>${to[c]}`);
    if (list) carries.set(c, list);
  }
  return carries;
}

/**
 * A deterministic dataset in the docs/data-format.md format, shaped like national data: a few vendors
 * with huge client bases (power law), tiers of sub-contracting up to six deep (a third of them
 * scoped), some cycles, about 5% undisclosed counts, dates and deletion deadlines.
 */
export async function generateDataset(dir: string, options: GeneratorOptions): Promise<void> {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const n = options.organisations;
  const vendorCount = Math.max(2, Math.round(n * VENDOR_SHARE));
  const pickVendor = powerLawPicker(vendorCount, 1.1, random);
  const subContractors = subContractorsByVendor(vendorCount, random);
  // Vendors that sub-contract, and the vendors that sub-contract to each vendor (for cycles).
  const outsourcingVendors = subContractors.flatMap((list, v) => (list.length > 0 ? [v] : []));
  const vendorClients: number[][] = Array.from({ length: vendorCount }, () => []);
  mkdirSync(dir, { recursive: true });

  const orgs = new CsvWriter(join(dir, "organisations.csv"), [
    "id",
    "name",
    "name_en",
    "kind",
    "sector",
    "region",
    "source",
  ]);
  for (let i = 0; i < n; i++) {
    const vendor = i < vendorCount;
    const kind = vendor ? pick(VENDOR_KINDS) : pick(CONSIGNOR_KINDS);
    const name = vendor ? `ベンダー${i}株式会社` : `組織${i}`;
    await orgs.row([
      `org-${i}`,
      name,
      vendor ? `Vendor ${i} Co.` : `Organisation ${i}`,
      kind,
      "",
      pick(REGIONS),
      "generated",
    ]);
  }
  await orgs.close();

  // First every contract's ends and figures, so that a scoped sub-contract can list contracts
  // that come later in the file; then the rows.
  const m = options.contracts;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const passThrough = new Uint8Array(m);
  for (let c = 0; c < m; c++) {
    let consignor: number;
    let contractor: number;
    if (random() < SUB_CONTRACT_SHARE && outsourcingVendors.length > 0) {
      consignor = pick(outsourcingVendors);
      const clients = vendorClients[consignor] ?? [];
      if (random() < CYCLE_SHARE && clients.length > 0) {
        // Rarely back up to one of its own vendor clients: a local cycle of two, as in real
        // outsourcing, rather than random upward links that weld every vendor into one component.
        contractor = pick(clients);
      } else {
        contractor = pick(subContractors[consignor] ?? []);
        vendorClients[contractor]?.push(consignor);
      }
      passThrough[c] = random() < 0.6 ? 1 : 0;
    } else {
      consignor = vendorCount + Math.floor(random() * (n - vendorCount));
      contractor = pickVendor();
    }
    if (consignor === contractor) contractor = (contractor + 1) % vendorCount;
    from[c] = consignor;
    to[c] = contractor;
  }
  const carries = scopedSubContracts(from, to, subContractors, random);

  const contracts = new CsvWriter(join(dir, "outsourcing.csv"), [
    "id",
    "consignor",
    "contractor",
    "service",
    "records",
    "subjects",
    "data_categories",
    "since",
    "until",
    "delete_by",
    "carries",
    "source",
  ]);
  for (let c = 0; c < m; c++) {
    if (c > 0 && c % PROGRESS_EVERY === 0)
      options.onProgress?.(
        `  generated ${c.toLocaleString("en-US")} of ${m.toLocaleString("en-US")} contracts`,
      );
    const through = passThrough[c] === 1;
    const undisclosed = random() < UNDISCLOSED_SHARE;
    const records = through ? 0 : Math.floor(10 ** (1 + random() * 4.5));
    const since = 2010 + Math.floor(random() * 15);
    const ended = random() < 0.3;
    const until = ended
      ? `${since + 1 + Math.floor(random() * 3)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}`
      : "";
    const deleteBy = ended && random() < 0.7 ? `${Number(until.slice(0, 4)) + 1}-03` : "";
    const categories = [pick(CATEGORIES), pick(CATEGORIES)].filter((v, i, a) => a.indexOf(v) === i).join(";");
    await contracts.row([
      `c-${c}`,
      `org-${from[c]}`,
      `org-${to[c]}`,
      through ? "sub-contract" : "printing and mailing",
      undisclosed ? "" : records,
      undisclosed || through ? "" : Math.floor(records * 0.8),
      categories,
      String(since),
      until,
      deleteBy,
      (carries.get(c) ?? []).map((k) => `c-${k}`).join(";"),
      "generated",
    ]);
  }
  await contracts.close();
}
