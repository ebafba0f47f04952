import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { unzipSync } from "fflate";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../api/server.ts";
import type { BreachResponse } from "../../domain/index.ts";
import { load, runCommand, SAMPLE_DIR, testDriver } from "../helpers/database.ts";

/**
 * `npm run notify -- --vendor isetoh` on the Isetoh sample, as a user runs it, and the same
 * answer from the API. The expected values were read off a real run and checked by hand against
 * data/isetoh-2024/*.csv (each figure's contract is named beside it).
 */
let driver: Driver;
let app: FastifyInstance;
beforeAll(async () => {
  driver = testDriver();
  await load(driver, SAMPLE_DIR);
  app = buildServer({ driver, databaseUri: "test" });
});
afterAll(async () => {
  await app.close();
  await driver.close();
});

const notify = (...args: string[]) => runCommand("bin/notify.ts", args);
const ISETOH_CONSIGNORS = [
  "chigasaki-city",
  "ehime-pref",
  "fujisawa-city",
  "hiratsuka-city",
  "hiroshima-city",
  "hiroshima-pref",
  "iyo-bank",
  "kubota-credit",
  "kumon",
  "kyoto-cci",
  "kyoto-pref",
  "lawson-bank",
  "ms-aioi-life",
  "mufg-bank",
  "mufg-trust",
  "nippon-life",
  "nishinomiya-city",
  "ota-city",
  "panasonic-kenpo",
  "smtb",
  "takamatsu-city",
  "tokai-shinkin-business",
  "tokushima-pref",
  "tokyo-boe-contractor",
  "toyota-city",
  "wakayama-city",
  "yamaguchi-pref",
  "yokohama-city",
  "yokosuka-city",
];

describe("npm run notify on the Isetoh sample", () => {
  let answer: BreachResponse;
  beforeAll(() => {
    const run = notify("--vendor", "isetoh");
    expect(run.status).toBe(0);
    answer = JSON.parse(run.stdout) as BreachResponse;
  });
  const org = (id: string) => answer.organisations.find((o) => o.id === id);

  it("starts the clocks on isetoh-2024's discovery (2024-05-26) and takes the ransomware for an unauthorized act", () => {
    expect([answer.aware, answer.cause]).toEqual(["2024-05-26", "unauthorized"]);
    expect(answer.dataset.name).toBe("isetoh-2024");
    expect(answer.organisations.map((o) => o.id)).toEqual([...answer.organisations.map((o) => o.id)].sort());
    expect(answer.organisations).toHaveLength(34);
    const reports = answer.organisations.map((o) => `${o.report} ${o.preliminaryBy} ${o.finalBy}`);
    expect(reports.filter((r) => r === "required 2024-05-31 2024-07-25")).toHaveLength(32);
    expect(reports.filter((r) => r === "not_required null null")).toHaveLength(2);
  });

  it("makes Tokai Shinkin Business an intermediary that must tell its shinkin clients, and Isetoh tell its consignors", () => {
    // c-tsb-isetoh: 0 records, 0 persons, carrying the four shinkin banks' DM contracts.
    expect(org("tokai-shinkin-business")).toEqual({
      id: "tokai-shinkin-business",
      name: "株式会社東海信金ビジネス",
      kind: "shared_service",
      role: "intermediary",
      holdsData: false,
      persons: 0,
      personsUnknown: 0,
      triggers: [],
      report: "not_required",
      authority: "PPC",
      preliminaryBy: null,
      finalBy: null,
      notify: ["ogaki-seino-shinkin", "seishin-shinkin", "tokai-shinkin-others", "tono-shinkin"],
    });
    expect(org("tokyo-boe-contractor")?.notify).toEqual(["tokyo-boe"]);
    expect(answer.compromised).toEqual([
      { id: "isetoh", name: "株式会社イセトー", notify: ISETOH_CONSIGNORS },
    ]);
  });

  it("gives each client its triggers, persons and authority from its contracts", () => {
    const facts = (id: string) => {
      const o = org(id);
      return [o?.kind, o?.persons, o?.personsUnknown, o?.triggers.join(","), o?.authority, o?.role];
    };
    // c-seishin-tsb: 2,702 records, persons undisclosed; a shinkin bank reports to the FSA.
    expect(facts("seishin-shinkin")).toEqual(["shinkin_bank", 0, 1, "unauthorized", "FSA", "client"]);
    // c-toyota-city-isetoh: 148,620 persons, vaccination_history is special-care data.
    expect(facts("toyota-city")).toEqual([
      "municipality",
      148620,
      0,
      "sensitive,unauthorized,persons",
      "PPC",
      "client",
    ]);
    // c-iyo-bank-isetoh: 254,659 persons; account_number alone is no financial trigger.
    expect(facts("iyo-bank")).toEqual(["bank", 254659, 0, "unauthorized,persons", "FSA", "client"]);
    // c-hiroshima-city-isetoh: 31 persons, not more than a municipality's 100.
    expect(facts("hiroshima-city")).toEqual(["municipality", 31, 0, "unauthorized", "PPC", "client"]);
    // c-takamatsu-city-isetoh: 1,605 persons, more than 100.
    expect(facts("takamatsu-city")).toEqual([
      "municipality",
      1605,
      0,
      "unauthorized,persons",
      "PPC",
      "client",
    ]);
    // c-nippon-life-isetoh: an insurer with 11 persons.
    expect(facts("nippon-life")).toEqual(["insurer", 11, 0, "unauthorized", "FSA", "client"]);
    // c-kumon-isetoh: 757,195 persons; bank_account is no financial trigger either.
    expect(facts("kumon")).toEqual(["company", 757195, 0, "unauthorized,persons", "PPC", "client"]);
    // c-panasonic-kenpo-isetoh: nothing disclosed; a health insurance society reports to the PPC.
    expect(facts("panasonic-kenpo")).toEqual([
      "health_insurance_society",
      0,
      1,
      "unauthorized",
      "PPC",
      "client",
    ]);
  });

  it("writes one packet per affected and compromised organisation, in HTML and Markdown, and an index", () => {
    const dir = mkdtempSync(join(tmpdir(), "keiro-packets-"));
    const run = notify("--vendor", "isetoh", "--out", dir, "--today", "2024-05-28", "--format", "csv");
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      `Wrote 72 files to ${dir}: index.html and index.md, and a packet (HTML and Markdown) for each of 1 compromised and 34 affected organisations.\n`,
    );
    const files = readdirSync(join(dir, "organisations")).sort();
    expect(files).toHaveLength(70);
    for (const id of ["isetoh", ...ISETOH_CONSIGNORS, "seishin-shinkin", "tokyo-boe"]) {
      expect(files).toContain(`${id}.html`);
      expect(files).toContain(`${id}.md`);
    }
    expect(existsSync(join(dir, "index.html")) && existsSync(join(dir, "index.md"))).toBe(true);
    const seishin = readFileSync(join(dir, "organisations", "seishin-shinkin.md"), "utf8");
    expect(seishin).toContain("経路：静清信用金庫 → 株式会社東海信金ビジネス → 株式会社イセトー");
    expect(seishin).toContain("| 速報（規則第8条第1項：速やかに） | 2024-05-31 | 残り3日 |");
    expect(seishin).toContain("| 確報（規則第8条第2項：60日以内） | 2024-07-25 | 残り58日 |");
    expect(seishin).toContain("判断：報告が必要。報告先：金融庁（財務局）。");
    const tsb = readFileSync(join(dir, "organisations", "tokai-shinkin-business.md"), "utf8");
    expect(tsb).toContain("委託元への通知（法第26条第1項ただし書、規則第9条）：次の 4 組織に");
    expect(tsb).toContain(
      "| [静清信用金庫](seishin-shinkin.md) | 信用金庫 | 報告が必要 | 2024-05-31 | 2024-07-25 |",
    );
    const index = readFileSync(join(dir, "index.md"), "utf8");
    // Earliest deadline first: Isetoh (at once), the 32 reports due 2024-05-31, the two intermediaries last.
    const rows = index.split("\n").filter((l) => l.startsWith("| ["));
    expect(rows).toHaveLength(35);
    expect(rows[0]).toContain(
      "[株式会社イセトー](organisations/isetoh.md) | 印刷・発送業者 | 侵害された受託者 | — | — | 直ちに |",
    );
    expect(rows.slice(-2).map((r) => r.split(" | ")[0])).toEqual([
      "| [株式会社東海信金ビジネス](organisations/tokai-shinkin-business.md)",
      "| [（東京都教育庁の受託事業者）](organisations/tokyo-boe-contractor.md)",
    ]);
    // CSV on standard output: the compromised organisation first, then by id, days from --today.
    const lines = run.stdout.split("\r\n");
    expect(lines[2]).toBe(
      "chigasaki-city,茅ヶ崎市,municipality,client,yes,0,1,unauthorized,required,PPC,2024-05-31,3,2024-07-25,58,,2024-05-26,unauthorized",
    );
    expect(lines).toHaveLength(37);
  });

  it("writes English packets with --lang en", () => {
    const dir = mkdtempSync(join(tmpdir(), "keiro-packets-en-"));
    expect(notify("--vendor", "isetoh", "--out", dir, "--lang", "en", "--today", "2024-06-01").status).toBe(
      0,
    );
    const tsb = readFileSync(join(dir, "organisations", "tokai-shinkin-business.md"), "utf8");
    expect(tsb).toContain("# Breach response: Tokai Shinkin Business Co., Ltd.");
    expect(tsb).toContain(
      "Notice to consignors (委託元への通知; APPI art. 26(1) proviso, rules art. 9): tell these 4 organisations",
    );
    const toyota = readFileSync(join(dir, "organisations", "toyota-city.md"), "utf8");
    expect(toyota).toContain("- item 1: Special-care information (要配慮個人情報) is included");
    expect(toyota).toContain("- item 4: More than 100 persons (本人の数)");
    expect(toyota).toContain("Basis: APPI art. 68; Enforcement Rules art. 43 and 44.");
    expect(toyota).toContain(
      "| Final report (確報) within 60 days (rules art. 44(2)) | 2024-07-25 | 54 days left |",
    );
    expect(toyota).toContain("vaccination history");
  });

  it("refuses what it cannot answer, with exit 1 and one clear line; exit 2 without a database", () => {
    expect(notify("--vendor", "felissimo")).toMatchObject({
      status: 1,
      stderr:
        "aware: --aware is needed (the day the compromise became known, YYYY-MM-DD): no incident in the dataset hit felissimo\n",
    });
    expect(notify("--vendor", "felissimo", "--aware", "2024-09-12").status).toBe(0);
    expect(notify("--vendor", "nope")).toMatchObject({
      status: 1,
      stderr: 'vendor: no organisation "nope"\n',
    });
    expect(notify("--vendor", "isetoh", "--aware", "2024-05")).toMatchObject({
      status: 1,
      stderr: 'aware: "2024-05" is not a day (YYYY-MM-DD)\n',
    });
    expect(notify("--vendor", "isetoh", "--cause", "malice")).toMatchObject({
      status: 1,
      stderr: 'cause: "malice" is not one of unauthorized, accidental\n',
    });
    expect(notify("--vendor", "isetoh", "--lang", "fr").stderr).toBe('lang: "fr" is not one of ja, en\n');
    const rules = join(mkdtempSync(join(tmpdir(), "keiro-rules-")), "rules.json");
    writeFileSync(rules, '{\n  "name": "x",\n  "clocks": { "preliminaryDays": 5, }\n}\n');
    const broken = notify("--vendor", "isetoh", "--rules", rules);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(
      /rules\.json: 3:37: not valid JSON \(Expected double-quoted property name in JSON at position 53\)\n$/,
    );
    expect(notify("--vendor", "isetoh").status).toBe(0);
    expect(
      runCommand("bin/notify.ts", ["--vendor", "isetoh"], { NEO4J_URI: "bolt://127.0.0.1:1" }).status,
    ).toBe(2);
  });
});

describe("the notify API on the Isetoh sample", () => {
  it("pages the answer by deadline with exact totals, and streams the whole of it as the command line prints it", async () => {
    const page = await app.inject({ url: "/api/notify?vendor=isetoh&today=2024-05-28&limit=3&offset=31" });
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.totals).toEqual({ organisations: 34, required: 32, assess: 0, notRequired: 2 });
    expect(body.page).toEqual({ sort: "deadline", offset: 31, limit: 3, total: 34 });
    expect(body.organisations.map((o: { id: string }) => o.id)).toEqual([
      "yokosuka-city",
      "tokai-shinkin-business",
      "tokyo-boe-contractor",
    ]);
    const cli = notify("--vendor", "isetoh").stdout;
    const full = await app.inject({ url: "/api/notify/export?vendor=isetoh" });
    expect(full.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(`${full.body}\n`).toBe(cli);
    const csv = await app.inject({ url: "/api/notify/export?vendor=isetoh&format=csv&today=2024-05-28" });
    expect(csv.body.split("\r\n")[1]?.startsWith("isetoh,株式会社イセトー,,compromised,")).toBe(true);
  });

  it("zips the packets, and refuses bad parameters by name", async () => {
    const zip = await app.inject({ url: "/api/notify/packets?vendor=isetoh&lang=en&today=2024-05-28" });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers["content-type"]).toBe("application/zip");
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(files)).toHaveLength(72);
    const index = new TextDecoder().decode(files["keiro-notify-isetoh/index.md"]);
    expect(index).toContain("# Breach response: every organisation's duties and deadlines");
    const bad = await app.inject({ url: "/api/notify?vendor=felissimo" });
    expect([bad.statusCode, bad.json().parameter]).toEqual([400, "aware"]);
    const sort = await app.inject({ url: "/api/notify?vendor=isetoh&sort=size" });
    expect(sort.json()).toEqual({
      error: "bad_request",
      parameter: "sort",
      message: 'sort: "size" is not one of deadline, id',
    });
    const lang = await app.inject({ url: "/api/notify/packets?vendor=isetoh&lang=de" });
    expect(lang.json().message).toBe('lang: "de" is not one of ja, en');
  });
});
