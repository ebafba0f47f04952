import { once } from "node:events";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { powerLawPicker, seededRandom } from "./random.ts";

export interface GeneratorOptions {
  organisations: number;
  contracts: number;
  seed: number;
}

/** How the generated world is shaped; the numbers are the story, not a measurement. */
const VENDOR_SHARE = 0.04;
const MAX_TIER = 6;
const UNDISCLOSED_SHARE = 0.05;
const SUB_CONTRACT_SHARE = 0.12;
const CYCLE_SHARE = 0.002;
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
 * A deterministic dataset in the DOMAIN.md format, shaped like national data: a few vendors
 * with huge client bases (power law), tiers of sub-contracting up to six deep, some cycles,
 * about 5% undisclosed counts, dates and deletion deadlines. Streams to disk.
 */
export async function generateDataset(dir: string, options: GeneratorOptions): Promise<void> {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const n = options.organisations;
  const vendorCount = Math.max(2, Math.round(n * VENDOR_SHARE));
  // Vendors are organisations 0..vendorCount-1; vendor v sits at tier 1 + v % MAX_TIER.
  const tierOf = (vendor: number) => 1 + (vendor % MAX_TIER);
  const vendorsByTier: number[][] = Array.from({ length: MAX_TIER + 2 }, () => []);
  for (let v = 0; v < vendorCount; v++) vendorsByTier[tierOf(v)]?.push(v);
  const pickVendor = powerLawPicker(vendorCount, 1.1, random);
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
    "source",
  ]);
  for (let c = 0; c < options.contracts; c++) {
    let consignor: number;
    let contractor: number;
    let passThrough = false;
    if (random() < SUB_CONTRACT_SHARE) {
      // A sub-contract between vendors: one tier down, rarely back up. Real outsourcing has
      // few cycles; more than a fraction of a percent welds every vendor into one component.
      consignor = Math.floor(random() * vendorCount);
      const tier = tierOf(consignor);
      const down = random() < 1 - CYCLE_SHARE ? tier + 1 : Math.max(1, tier - 2);
      const candidates = vendorsByTier[Math.min(down, MAX_TIER)] ?? [];
      contractor = candidates.length > 0 ? pick(candidates) : pickVendor();
      passThrough = random() < 0.6;
    } else {
      consignor = vendorCount + Math.floor(random() * (n - vendorCount));
      contractor = pickVendor();
    }
    if (consignor === contractor) contractor = (contractor + 1) % vendorCount;
    const undisclosed = random() < UNDISCLOSED_SHARE;
    const records = passThrough ? 0 : Math.floor(10 ** (1 + random() * 4.5));
    const since = 2010 + Math.floor(random() * 15);
    const ended = random() < 0.3;
    const until = ended
      ? `${since + 1 + Math.floor(random() * 3)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}`
      : "";
    const deleteBy = ended && random() < 0.7 ? `${Number(until.slice(0, 4)) + 1}-03` : "";
    const categories = [pick(CATEGORIES), pick(CATEGORIES)].filter((v, i, a) => a.indexOf(v) === i).join(";");
    await contracts.row([
      `c-${c}`,
      `org-${consignor}`,
      `org-${contractor}`,
      passThrough ? "sub-contract" : "printing and mailing",
      undisclosed ? "" : records,
      undisclosed || passThrough ? "" : Math.floor(records * 0.8),
      categories,
      String(since),
      until,
      deleteBy,
      "generated",
    ]);
  }
  await contracts.close();
}
