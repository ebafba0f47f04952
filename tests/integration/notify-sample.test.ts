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

  it("starts each organisation's clock on the day it learned of the leak, else isetoh-2024's discovery (2024-05-26); the ransomware is an unauthorized act", () => {
    expect([answer.format, answer.aware, answer.cause, answer.holidaysKnownThrough]).toEqual([
      2,
      "2024-05-26",
      "unauthorized",
      "2050-12-31",
    ]);
    expect(answer.dataset.name).toBe("isetoh-2024");
    expect(answer.organisations.map((o) => o.id)).toEqual([...answer.organisations.map((o) => o.id)].sort());
    expect(answer.organisations).toHaveLength(34);
    // The days the sample's exposures record (learned_on, each with its public source).
    expect(
      answer.organisations.filter((o) => o.awareFrom === "recorded").map((o) => [o.id, o.aware, o.finalBy]),
    ).toEqual([
      ["hiratsuka-city", "2024-06-10", "2024-08-08"],
      ["hiroshima-city", "2024-07-01", "2024-08-29"],
      ["iyo-bank", "2024-06-25", "2024-08-23"],
      ["kumon", "2024-06-28", "2024-08-26"],
      ["nishinomiya-city", "2024-06-04", "2024-08-02"],
      // The 60th day from 6 June is Sunday 4 August: Monday 5 August.
      ["tokyo-boe", "2024-06-06", "2024-08-05"],
      ["toyota-city", "2024-07-02", "2024-08-30"],
      ["wakayama-city", "2024-07-01", "2024-08-29"],
      ["yamaguchi-pref", "2024-07-01", "2024-08-29"],
      ["yokosuka-city", "2024-06-06", "2024-08-05"],
    ]);
    // Everyone else: the discovery, the earliest possible; the 60th day counting 26 May as day 1.
    const reports = answer.organisations
      .filter((o) => o.awareFrom === "scenario")
      .map((o) => `${o.aware} ${o.report} ${o.preliminaryBy} ${o.finalBy}`);
    expect(reports.filter((r) => r === "2024-05-26 required 2024-05-30 2024-07-24")).toHaveLength(22);
    expect(reports.filter((r) => r === "2024-05-26 not_required null null")).toHaveLength(2);
  });

  it("makes Tokai Shinkin Business an intermediary that must tell its shinkin clients, and Isetoh tell its consignors", () => {
    // c-tsb-isetoh: 0 records, 0 persons, carrying the four shinkin banks' DM contracts.
    // The data entrusted to it (the four shinkin banks' DM contracts, persons undisclosed) is its
    // to report, unless it tells the banks promptly.
    expect(org("tokai-shinkin-business")).toEqual({
      id: "tokai-shinkin-business",
      name: "株式会社東海信金ビジネス",
      kind: "shared_service",
      role: "intermediary",
      aware: "2024-05-26",
      awareFrom: "scenario",
      authority: "PPC",
      holdsData: false,
      persons: 0,
      personsUnknown: 0,
      triggers: [],
      report: "not_required",
      preliminaryBy: null,
      finalBy: null,
      entrusted: {
        holdsData: true,
        persons: 0,
        personsUnknown: 4,
        triggers: ["unauthorized"],
        report: "required",
        preliminaryBy: "2024-05-30",
        finalBy: "2024-07-24",
      },
      notify: ["ogaki-seino-shinkin", "seishin-shinkin", "tokai-shinkin-others", "tono-shinkin"],
    });
    expect(org("tokyo-boe-contractor")?.notify).toEqual(["tokyo-boe"]);
    expect(org("tokyo-boe-contractor")?.entrusted?.report).toBe("required");
    expect(answer.compromised).toEqual([
      {
        id: "isetoh",
        name: "株式会社イセトー",
        aware: "2024-05-26",
        awareFrom: "scenario",
        authority: "PPC",
        entrusted: {
          holdsData: true,
          persons: 1556639,
          personsUnknown: 19,
          triggers: ["unauthorized", "persons"],
          report: "required",
          preliminaryBy: "2024-05-30",
          finalBy: "2024-07-24",
        },
        notify: ISETOH_CONSIGNORS,
      },
    ]);
  });

  it("gives each client its triggers, persons and authority from its contracts", () => {
    const facts = (id: string) => {
      const o = org(id);
      return [o?.kind, o?.persons, o?.personsUnknown, o?.triggers.join(","), o?.authority, o?.role];
    };
    // c-seishin-tsb: 2,702 records, persons undisclosed; a shinkin bank reports to the FSA.
    expect(facts("seishin-shinkin")).toEqual(["shinkin_bank", 0, 1, "unauthorized", "FSA", "client"]);
    // c-toyota-city-isetoh: 148,620 persons; a vaccination history is not clearly special-care data.
    expect(facts("toyota-city")).toEqual([
      "municipality",
      148620,
      0,
      "unauthorized,persons",
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
    expect(seishin).toContain("| 速報（規則第8条第1項：速やかに。目安） | 2024-05-30 | 残り2日 |");
    expect(seishin).toContain(
      "| 確報（規則第8条第2項：事態を知った日から60日目、閉庁日なら翌開庁日） | 2024-07-24 | 残り57日 |",
    );
    expect(seishin).toContain("判断：報告が必要。報告先：金融庁（財務局）。");
    expect(seishin).toContain("この組織が事態を知った日：2024-05-26（最も早い可能性）。");
    const tsb = readFileSync(join(dir, "organisations", "tokai-shinkin-business.md"), "utf8");
    expect(tsb).toContain("委託元への通知（法第26条第1項ただし書、規則第9条）：次の 4 組織に");
    expect(tsb).toContain(
      "| [静清信用金庫](seishin-shinkin.md) | 信用金庫 | 報告が必要 | 2024-05-30 | 2024-07-24 |",
    );
    // The data it handles: required unless it tells the banks promptly, never "no report".
    expect(tsb).toContain(
      "委託元から預かったデータ（本人：非公表）についての判断：報告が必要（委託元への速やかな通知で免除）。",
    );
    expect(tsb).toContain(
      "委託元に速やかに通知すれば、貴社の報告義務と本人への通知義務は免除されます（委託元は自ら報告義務を負います）。",
    );
    const index = readFileSync(join(dir, "index.md"), "utf8");
    // Earliest date first: Isetoh (promptly), then by the earlier date of either assessment: those
    // aware on 26 May, then the ones who learned later, Toyota City (2 July) last.
    const rows = index.split("\n").filter((l) => l.startsWith("| ["));
    expect(rows).toHaveLength(35);
    expect(rows[0]).toContain(
      "[株式会社イセトー](organisations/isetoh.md) | 印刷・発送業者 | 侵害された受託者 | 2024-05-26（最も早い可能性） | — | 報告が必要（委託元への速やかな通知で免除） | 個人情報保護委員会 | 速やかに |",
    );
    expect(rows.slice(-4).map((r) => r.split(" | ")[0])).toEqual([
      "| [広島市](organisations/hiroshima-city.md)",
      "| [和歌山市](organisations/wakayama-city.md)",
      "| [山口県](organisations/yamaguchi-pref.md)",
      "| [豊田市](organisations/toyota-city.md)",
    ]);
    // CSV on standard output: the compromised organisation first, then by id, days from --today.
    const lines = run.stdout.split("\r\n");
    expect(lines[2]).toBe(
      "chigasaki-city,茅ヶ崎市,municipality,client,2024-05-26,scenario,PPC,yes,0,1,unauthorized,required,2024-05-30,2,2024-07-24,57,,,,,,,,,,,2024-05-26,unauthorized,2050-12-31",
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
    expect(toyota).toContain(
      "- item 3: Caused by an act that may have been done for an unauthorized purpose (不正の目的)",
    );
    expect(toyota).toContain("- item 4: More than 100 persons (本人の数)");
    expect(toyota).toContain(
      "Basis: APPI art. 68; Enforcement Rules art. 43 to 45 (special-care information an ordinance defines, 条例要配慮個人情報, rules art. 43(v), included).",
    );
    expect(toyota).toContain(
      "This organisation became aware on 2024-07-02 (recorded); deadlines count that day as day 1.",
    );
    expect(toyota).toContain(
      "| Final report (確報) by the 60th day counting the aware day as day 1, the next open day if closed (rules art. 44(2)) | 2024-08-30 | 90 days left |",
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
    expect(body.totals).toEqual({
      organisations: 34,
      own: { required: 32, assess: 0, best_effort: 0, not_required: 2 },
      entrusted: { required: 2, assess: 0, best_effort: 0, not_required: 0 },
    });
    expect(body.page).toEqual({ sort: "deadline", offset: 31, limit: 3, total: 34 });
    // The last by date: those who learned of the leak last (1 and 2 July).
    expect(body.organisations.map((o: { id: string }) => o.id)).toEqual([
      "wakayama-city",
      "yamaguchi-pref",
      "toyota-city",
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
