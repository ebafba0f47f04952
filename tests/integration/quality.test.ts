import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../api/server.ts";
import {
  type KindCompleteness,
  type OrganisationName,
  percentText,
  type QualityReport,
} from "../../domain/index.ts";
import { rankUndisclosed } from "../../engine/qualityReads.ts";
import { shareBar } from "../../report/quality/document.ts";
import { load, runCommand, SAMPLE_DIR, testDriver } from "../helpers/database.ts";
import { PROJECT_ROOT } from "../helpers/paths.ts";

/**
 * `npm run quality` (docs/data-quality.md) on a hand-made dataset with every gap it names
 * (tests/fixtures/quality/README.md says which row is which) and on the Isetoh sample, as a user
 * runs it, and the same from the API. Every figure was worked out by hand from the CSV files and
 * matches a real run.
 */
const FIXTURE = join(PROJECT_ROOT, "tests", "fixtures", "quality");
const TODAY = "2026-12-07";

let driver: Driver;
let app: FastifyInstance;
beforeAll(async () => {
  driver = testDriver();
  app = buildServer({ driver, databaseUri: "test" });
});
afterAll(async () => {
  await app.close();
  await driver.close();
});

const quality = (...args: string[]) => runCommand("bin/quality.ts", ["--today", TODAY, ...args]);
const reportOf = (args: string[] = []): QualityReport => {
  const run = quality(...args);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as QualityReport;
};

/** The fixture's organisations as rows name them. */
const NAMES: Record<string, [string, string | null, string | null]> = {
  vendor: ["ベンダー印刷", "Vendor Printing", "print_mail_vendor"],
  sub: ["サブ情報", "Sub IT", "it_vendor"],
  subsub: ["孫請け物流", "Subsub Logistics", "logistics_vendor"],
  centre: ["共同センター", "Shared Centre", "shared_service"],
  "city-a": ["A市", "City A", "municipality"],
  "city-b": ["B市", "City B", "municipality"],
  bank: ["C銀行", "C Bank", "bank"],
  shop: ["D商店", "D Shop", "robot_shop"],
  nokind: ["種別なし組織", "No-kind Org", null],
  lonely: ["孤立組織", "Lonely Org", "company"],
  "lonely-2": ["孤立団体", null, "association"],
};
const org = (id: string): OrganisationName => {
  const [name, nameEn, kind] = NAMES[id] as [string, string | null, string | null];
  return { id, name, nameEn, kind };
};
const contract = (id: string, consignor: string, contractor: string) => ({
  id,
  consignor: org(consignor),
  contractor: org(contractor),
});
/** A completeness row: contracts, then records, subjects, data categories, since, until, delete_by, source, possible. */
const kindRow = (kind: string | null, counts: number[]): KindCompleteness => {
  const [contracts, records, subjects, dataCategories, since, until, deleteBy, source, possible] =
    counts as number[] & { length: 9 };
  return {
    kind,
    contracts,
    filled: { records, subjects, dataCategories, since, until, deleteBy, source },
    possible,
  } as KindCompleteness;
};

describe("a dataset with every gap", () => {
  beforeAll(async () => {
    await load(driver, FIXTURE);
  });

  it("gives the report's exact figures and rows as JSON", () => {
    const { dataset, ...report } = reportOf();
    expect(dataset.name).toBe("quality");
    expect(report).toEqual({
      format: 1,
      today: TODAY,
      limit: null,
      totals: { organisations: 11, contracts: 11, incidents: 1, exposures: 2 },
      completeness: {
        byKind: [
          // city-a's and city-b's four contracts; k-city-a-sub is possible.
          kindRow("municipality", [4, 2, 2, 3, 2, 1, 2, 3, 1]),
          kindRow("bank", [1, 0, 1, 0, 1, 1, 1, 0, 1]),
          kindRow("it_vendor", [1, 0, 0, 0, 1, 0, 0, 1, 0]),
          kindRow("logistics_vendor", [1, 1, 0, 0, 1, 0, 0, 1, 0]),
          kindRow("print_mail_vendor", [1, 0, 0, 0, 0, 0, 1, 1, 0]),
          kindRow("robot_shop", [1, 1, 0, 1, 0, 0, 0, 1, 0]),
          kindRow("shared_service", [1, 0, 0, 1, 0, 0, 0, 1, 0]),
          kindRow(null, [1, 0, 0, 0, 0, 0, 0, 0, 0]),
        ],
        all: kindRow(null, [11, 4, 3, 5, 5, 2, 4, 8, 2]),
      },
      undisclosed: {
        file: "outsourcing.csv",
        columns: ["records"],
        total: 7,
        of: 11,
        lowerBounds: 0,
        rows: [
          // Every contract into sub, round the cycle sub → subsub → sub (itself once), and what
          // reaches vendor: all but k-city-b-centre, which k-centre-vendor does not carry.
          { ...contract("k-sub-subsub", "sub", "subsub"), reach: 10, reachAtLeast: false },
          // The five contracts into vendor, k-bank-centre (carried by k-centre-vendor), itself.
          { ...contract("k-vendor-sub", "vendor", "sub"), reach: 7, reachAtLeast: false },
          // Scoped: itself and k-bank-centre, not k-city-b-centre.
          { ...contract("k-centre-vendor", "centre", "vendor"), reach: 2, reachAtLeast: false },
          { ...contract("k-bank-centre", "bank", "centre"), reach: 1, reachAtLeast: false },
          { ...contract("k-city-a-sub", "city-a", "sub"), reach: 1, reachAtLeast: false },
          { ...contract("k-city-b", "city-b", "vendor"), reach: 1, reachAtLeast: false },
          { ...contract("k-nokind-vendor", "nokind", "vendor"), reach: 1, reachAtLeast: false },
        ],
      },
      overdue: {
        file: "outsourcing.csv",
        columns: ["delete_by", "until"],
        total: 2,
        // k-city-a's delete_by passed too, but it ended the same month (until 2023-06).
        of: 3,
        rows: [
          { ...contract("k-city-b", "city-b", "vendor"), deleteBy: "2024-03", until: null },
          { ...contract("k-bank-centre", "bank", "centre"), deleteBy: "2024-06", until: "2025-01" },
        ],
      },
      unscopedSubcontracts: {
        file: "outsourcing.csv",
        columns: ["carries"],
        total: 3,
        // k-centre-vendor is the fourth sub-contract: it carries k-bank-centre only.
        of: 4,
        rows: [
          { ...contract("k-vendor-sub", "vendor", "sub"), passesOn: 5 },
          { ...contract("k-sub-subsub", "sub", "subsub"), passesOn: 3 },
          { ...contract("k-subsub-sub", "subsub", "sub"), passesOn: 1 },
        ],
      },
      futureDates: {
        file: "outsourcing.csv, incidents.csv, exposures.csv",
        columns: ["since", "until", "delete_by", "discovered", "disclosed", "reported_on", "learned_on"],
        total: 5,
        // 11 in outsourcing.csv, 2 in incidents.csv, 3 in exposures.csv.
        of: 16,
        rows: [
          {
            file: "outsourcing.csv",
            column: "since",
            id: "k-sub-subsub",
            organisation: null,
            value: "2031-01",
          },
          {
            file: "outsourcing.csv",
            column: "delete_by",
            id: "k-vendor-sub",
            organisation: null,
            value: "2030",
          },
          {
            file: "incidents.csv",
            column: "disclosed",
            id: "i-vendor",
            organisation: null,
            value: "2027-01-10",
          },
          {
            file: "exposures.csv",
            column: "reported_on",
            id: "i-vendor",
            organisation: "city-b",
            value: "2029",
          },
          {
            file: "exposures.csv",
            column: "learned_on",
            id: "i-vendor",
            organisation: "city-a",
            value: "2028-02-02",
          },
        ],
      },
      unknownKinds: {
        file: "organisations.csv",
        columns: ["kind"],
        total: 2,
        of: 11,
        rows: [org("shop"), org("nokind")],
      },
      isolated: {
        file: "organisations.csv",
        columns: ["id"],
        total: 2,
        of: 11,
        rows: [org("lonely"), org("lonely-2")],
      },
    });
  });

  it("cuts every list to --limit and keeps the totals", () => {
    const report = reportOf(["--limit", "1"]);
    expect(report.limit).toBe(1);
    expect(report.undisclosed.rows.map((r) => [r.id, r.reach])).toEqual([["k-sub-subsub", 10]]);
    expect(report.undisclosed.total).toBe(7);
    expect(report.futureDates.rows.map((r) => r.id)).toEqual(["k-sub-subsub"]);
    expect(report.futureDates.total).toBe(5);
  });

  it("judges deadlines and dates as of --today", () => {
    // On 2024-04-01 only k-city-a's and k-city-b's deadlines had passed.
    const report = reportOf(["--today", "2024-04-01"]);
    expect([report.overdue.total, report.overdue.of]).toEqual([1, 2]);
    expect(report.overdue.rows.map((r) => r.id)).toEqual(["k-city-b"]);
    // Two since, one until, two delete_by, both incident dates (discovered 2024-05 by its first
    // day) and all three exposure dates lie after it.
    expect([report.futureDates.total, report.futureDates.of]).toEqual([10, 16]);
  });

  it("writes one item in Markdown as a report shows it (en)", () => {
    const run = quality("--format", "md", "--lang", "en");
    expect(run.status).toBe(0);
    const section = run.stdout.split("\n## ").find((s) => s.startsWith("Sub-contracts without carries"));
    expect(section).toBe(
      [
        "Sub-contracts without carries",
        "",
        "Sub-contracts (contracts whose consignor is another contract's contractor) without carries: 3 of 4 (75%). Each is assumed to pass on the data of every contract into its consignor.",
        "",
        "From outsourcing.csv, column carries",
        "",
        "| contract | consignor | contractor | contracts it is assumed to pass on |",
        "| --- | --- | --- | ---: |",
        "| k-vendor-sub | Vendor Printing (vendor) | Sub IT (sub) | 5 |",
        "| k-sub-subsub | Sub IT (sub) | Subsub Logistics (subsub) | 3 |",
        "| k-subsub-sub | Subsub Logistics (subsub) | Sub IT (sub) | 1 |",
        "",
      ].join("\n"),
    );
  });

  it("draws the shares per kind as bars in Markdown (ja), beside their figures", () => {
    const run = quality("--format", "md");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n").filter((l) => l.startsWith("| 市区町村 |"));
    expect(lines).toEqual([
      "| 市区町村 | █████░░░░░ | 4 件中 2 件（50%） |",
      "| 市区町村 | 4 | 50%（2） | 50%（2） | 75%（3） | 50%（2） | 25%（1） | 50%（2） | 75%（3） | 25%（1） |",
    ]);
    // A share above nothing is never drawn as nothing, one below all never as full.
    expect(run.stdout).toContain("| 全体 | ████░░░░░░ | 11 件中 4 件（36.4%） |");
  });

  it("answers the same over HTTP, its lists cut to limit", async () => {
    const response = await app.inject({ url: `/api/quality?today=${TODAY}&limit=2` });
    expect(response.statusCode).toBe(200);
    const report = response.json() as QualityReport;
    expect(report.limit).toBe(2);
    expect(report.undisclosed.rows.map((r) => [r.id, r.reach])).toEqual([
      ["k-sub-subsub", 10],
      ["k-vendor-sub", 7],
    ]);
    expect([report.undisclosed.total, report.isolated.total, report.unknownKinds.total]).toEqual([7, 2, 2]);
    const html = await app.inject({ url: `/api/quality?today=${TODAY}&format=html&lang=en` });
    expect(html.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(html.headers["content-disposition"]).toBe('attachment; filename="keiro-quality-2026-12-07.html"');
    expect(html.body).toContain("<h2>Organisations with no contract</h2>");
  });

  it("refuses a bad day or format by name", async () => {
    const day = await app.inject({ url: "/api/quality?today=2026-13-01" });
    expect(day.statusCode).toBe(400);
    expect(day.json()).toMatchObject({
      parameter: "today",
      message: 'today: "2026-13-01" is not a day (YYYY-MM-DD)',
    });
    const format = await app.inject({ url: "/api/quality?format=csv" });
    expect([format.statusCode, format.json().parameter]).toEqual([400, "format"]);
    const run = runCommand("bin/quality.ts", ["--today", "2026-12"]);
    expect([run.status, run.stderr]).toEqual([1, 'today: "2026-12" is not a day (YYYY-MM-DD)\n']);
  });
});

describe("the Isetoh sample", () => {
  beforeAll(async () => {
    await load(driver, SAMPLE_DIR);
  });

  it("gives its exact figures", () => {
    const report = reportOf();
    const figure = (name: keyof QualityReport) => {
      const list = report[name] as { total: number; of: number };
      return [list.total, list.of];
    };
    expect(report.totals).toEqual({ organisations: 47, contracts: 41, incidents: 3, exposures: 43 });
    // The six weakly sourced contracts are marked possible (data/isetoh-2024/README.md).
    expect(report.completeness.all).toEqual(kindRow(null, [41, 17, 16, 30, 5, 5, 7, 41, 6]));
    expect(report.completeness.byKind.map((k) => [k.kind, k.contracts])).toEqual([
      ["municipality", 12],
      ["company", 6],
      ["prefecture", 6],
      ["bank", 5],
      ["aggregate", 3],
      ["shinkin_bank", 3],
      ["insurer", 2],
      ["association", 1],
      ["health_insurance_society", 1],
      ["print_mail_vendor", 1],
      ["shared_service", 1],
    ]);
    // 24 undisclosed counts; Felissimo's is the one another contract (Gamba Osaka's) reaches Kantsu through.
    expect(figure("undisclosed")).toEqual([24, 41]);
    expect(report.undisclosed.rows.slice(0, 2).map((r) => [r.id, r.reach])).toEqual([
      ["c-felissimo-kantsu", 2],
      ["c-asahi-kantsu", 1],
    ]);
    // Every deadline that passed (Isetoh's contracts of 2022-10 to 2024-03) has no until before it.
    expect(figure("overdue")).toEqual([7, 7]);
    expect(report.overdue.rows[0]).toMatchObject({
      id: "c-kubota-credit-isetoh",
      deleteBy: "2022-10",
      until: null,
    });
    expect(figure("unscopedSubcontracts")).toEqual([1, 4]);
    expect(figure("futureDates")).toEqual([0, 69]);
    expect(figure("unknownKinds")).toEqual([0, 47]);
    expect(figure("isolated")).toEqual([3, 47]);
    expect(report.isolated.rows.map((o) => o.id)).toEqual([
      "betsudai-security-contractor",
      "kubota",
      "sanin-godo-bank",
    ]);
  });
});

describe("the ranking's work limit", () => {
  // A chain a → b → c → d, every contract undisclosed and unscoped.
  const columns = {
    contractIds: ["k1", "k2", "k3"],
    present: new Uint8Array(3),
    graph: {
      organisations: 4,
      from: Int32Array.from([0, 1, 2]),
      to: Int32Array.from([1, 2, 3]),
      carriesStart: new Int32Array(4),
      carriesList: new Int32Array(0),
    },
  };
  it("counts exactly within it", () => {
    const ranking = rankUndisclosed(columns);
    expect([...ranking.contracts]).toEqual([2, 1, 0]);
    expect([...ranking.reach]).toEqual([3, 2, 1]);
    expect([...ranking.atLeast]).toEqual([0, 0, 0]);
  });
  it("marks what it could not finish as lower bounds", () => {
    const ranking = rankUndisclosed(columns, 1);
    // k2's search (into b: k1) finishes within the one step; k3's then stops once it has seen k2
    // (into c), not k1 behind it: 2 of its 3, a lower bound, ranked after k2's exact 2 by id.
    expect([...ranking.contracts]).toEqual([1, 2, 0]);
    expect([...ranking.reach]).toEqual([2, 2, 1]);
    expect([...ranking.atLeast]).toEqual([0, 1, 0]);
  });
});

describe("shares as a person reads them", () => {
  it("never shows a share as complete or as nothing when it is not", () => {
    expect([shareBar(1, 1000), shareBar(999, 1000), shareBar(0, 5), shareBar(5, 5), shareBar(0, 0)]).toEqual([
      "█░░░░░░░░░",
      "█████████░",
      "░░░░░░░░░░",
      "██████████",
      "░░░░░░░░░░",
    ]);
    expect([percentText(9995, 10000), percentText(1, 10000), percentText(1, 3), percentText(0, 0)]).toEqual([
      "99.9%",
      "0.1%",
      "33.3%",
      "—",
    ]);
  });
});
