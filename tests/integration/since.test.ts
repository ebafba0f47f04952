import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../api/server.ts";
import { type DatasetStamp, plainCompromise } from "../../domain/index.ts";
import { InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { load, query, runCommand, SAMPLE_DIR, testDriver } from "../helpers/database.ts";

/**
 * `--since` on two versions of one dataset, loaded one after the other into the real database:
 * the earlier version is the sample as it stood before Seishin Shinkin revised its count (2,713,
 * not 2,702), without Chigasaki's contract, and with a hypothetical contract of San-in Godo Bank
 * (records undisclosed). The answer now must say exactly that.
 */
let driver: Driver;
let work: string;
let earlierStamp: DatasetStamp;
let nowStamp: DatasetStamp;
let earlierFile: string;

async function liveStamp(): Promise<DatasetStamp> {
  const [row] = await query<DatasetStamp>(
    driver,
    "MATCH (d:Dataset {id: 'current'}) RETURN d.name AS name, d.fingerprint AS fingerprint, d.loadedAt AS loadedAt",
  );
  return row as DatasetStamp;
}

/** The earlier version of the sample, written under a temporary folder with the sample's name. */
function earlierVersion(): string {
  const dir = join(work, "isetoh-2024");
  mkdirSync(dir);
  cpSync(SAMPLE_DIR, dir, { recursive: true });
  const file = join(dir, "outsourcing.csv");
  const lines = readFileSync(file, "utf8").split("\n");
  const revised = lines
    .filter((line) => !line.startsWith("c-chigasaki-city-isetoh,"))
    .map((line) => (line.startsWith("c-seishin-tsb,") ? line.replace(',"2,702",', ',"2,713",') : line));
  expect(revised.filter((line) => line.includes(',"2,713",'))).toHaveLength(1);
  expect(revised).toHaveLength(lines.length - 1);
  const last = revised.pop() === "" ? "" : undefined;
  revised.push("c-sanin-godo-isetoh,sanin-godo-bank,isetoh,hypothetical contract of this test,,,name,,,,,,");
  writeFileSync(file, `${revised.join("\n")}\n${last ?? ""}`);
  return dir;
}

function impact(...args: string[]) {
  return runCommand("bin/impact.ts", args);
}

beforeAll(async () => {
  driver = testDriver();
  work = mkdtempSync(join(tmpdir(), "keiro-since-"));
  await load(driver, earlierVersion());
  earlierStamp = await liveStamp();
  earlierFile = join(work, "earlier.json");
  expect(impact("--vendor", "isetoh", "--format", "json", "--out", earlierFile).status).toBe(0);
  await load(driver, SAMPLE_DIR);
  nowStamp = await liveStamp();
}, 120_000);
afterAll(async () => {
  await driver.close();
});

const EXPECTED_CHANGES = () => ({
  since: { fingerprint: earlierStamp.fingerprint, loadedAt: earlierStamp.loadedAt },
  entered: ["chigasaki-city"],
  left: ["sanin-godo-bank"],
  changed: [
    { id: "seishin-shinkin", depth: [2, 2], records: [2713, 2702], subjects: [0, 0], undisclosed: [0, 0] },
  ],
  totals: {
    organisations: [34, 34],
    contracts: [34, 34],
    records: [1537800, 1537836],
    subjects: [1556639, 1556639],
    undisclosedContracts: [19, 18],
  },
});

describe("npm run impact --since on two versions of the sample", () => {
  it("stamps each answer with the load it was computed on", () => {
    const earlier = JSON.parse(readFileSync(earlierFile, "utf8"));
    expect(earlier.format).toBe(1);
    expect(earlier.dataset).toEqual(earlierStamp);
    expect(earlier.dataset.name).toBe("isetoh-2024");
    expect(earlierStamp.fingerprint).not.toBe(nowStamp.fingerprint);
    expect(earlier.totals).toMatchObject({ organisations: 34, records: 1537800, undisclosedContracts: 19 });
  });

  it("JSON: who entered, who left, Seishin's 2,713 → 2,702, and the totals then and now", () => {
    const { status, stdout } = impact("--vendor", "isetoh", "--since", earlierFile, "--format", "json");
    expect(status).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer.dataset).toEqual(nowStamp);
    expect(answer.changes).toEqual(EXPECTED_CHANGES());
  });

  it("Markdown (English): a section of changes, then → now", () => {
    const { stdout } = impact("--vendor", "isetoh", "--since", earlierFile, "--format", "md", "--lang", "en");
    expect(stdout).toContain(`## Changes since ${earlierStamp.loadedAt}\n`);
    expect(stdout).toContain(
      `Against the earlier answer (dataset fingerprint ${earlierStamp.fingerprint}, loaded ${earlierStamp.loadedAt}): 1 organisation entered the blast radius, 1 left it, and 1 stayed in it with other figures.`,
    );
    expect(stdout).toContain("| Records exposed | ≥ 1,537,800 → ≥ 1,537,836 |");
    expect(stdout).toContain("| Contracts with undisclosed records | 19 → 18 |");
    expect(stdout).toContain("| Chigasaki City (茅ヶ崎市) | 1 | 47 |");
    expect(stdout).toContain("| San-in Godo Bank, Ltd. (株式会社山陰合同銀行) | 1 | undisclosed |");
    expect(stdout).toContain("| Seishin Shinkin Bank (静清信用金庫) | 2 | 2,713 → 2,702 | 0 | 0 |");
  });

  it("HTML (Japanese by default): the same changes in Japanese", () => {
    const { stdout } = impact("--vendor", "isetoh", "--since", earlierFile, "--format", "html");
    expect(stdout).toContain('<html lang="ja">');
    expect(stdout).toContain(`<h2>${earlierStamp.loadedAt} 以降の変化</h2>`);
    expect(stdout).toContain(
      '<tr><td>静清信用金庫（Seishin Shinkin Bank）</td><td class="n">2</td><td class="n">2,713 → 2,702</td><td class="n">0</td><td class="n">0</td></tr>',
    );
    expect(stdout).toContain(
      '<tr><td>流出のおそれがある件数</td><td class="n">≥ 1,537,800 → ≥ 1,537,836</td></tr>',
    );
  });

  it("CSV: a change column with the figures then, and a row for who left", () => {
    const lines = impact(
      "--vendor",
      "isetoh",
      "--since",
      earlierFile,
      "--format",
      "csv",
      "--lang",
      "en",
    ).stdout.split("\r\n");
    expect(lines).toHaveLength(1 + 34 + 1 + 1);
    expect(lines).toContain(
      'seishin-shinkin,静清信用金庫,Seishin Shinkin Bank,shinkin_bank,,2,2702,no,0,0,seishin-shinkin > tokai-shinkin-business > isetoh,"2,702 records (confirmed, 2024-11-18)",yes,changed,2,2713,0,0',
    );
    expect(lines).toContain(
      'chigasaki-city,茅ヶ崎市,Chigasaki City,municipality,Kanagawa,1,47,no,0,0,chigasaki-city > isetoh,"47 records (possible, 2024-06-07)",yes,entered,,,,',
    );
    expect(lines.at(-2)).toBe(
      'sanin-godo-bank,株式会社山陰合同銀行,"San-in Godo Bank, Ltd.",bank,Shimane,,,,,,,,,left,1,0,0,1',
    );
    expect(lines.filter((line) => line.includes(",unchanged,"))).toHaveLength(32);
  });

  it("refuses another scenario, naming the difference, with exit 1", () => {
    expect(impact("--vendor", "kantsu", "--since", earlierFile)).toMatchObject({
      status: 1,
      stdout: "",
      stderr: "since: the earlier answer is for compromised isetoh, this one for kantsu\n",
    });
    expect(impact("--vendor", "isetoh", "--as-of", "2024-05-26", "--since", earlierFile)).toMatchObject({
      status: 1,
      stderr: "since: the earlier answer is for as-of day none, this one for 2024-05-26\n",
    });
  });

  it("refuses a file it cannot read, one that is not JSON, not an answer, or of a newer format", () => {
    const write = (name: string, text: string) => {
      const file = join(work, name);
      writeFileSync(file, text);
      return file;
    };
    const cases: [string, string][] = [
      [join(work, "missing.json"), `since: cannot read ${join(work, "missing.json")}: no such file`],
      [write("broken.json", "{"), `since: ${join(work, "broken.json")} is not JSON (`],
      [
        write("rank.json", impact("--rank", "--top", "2").stdout),
        `since: ${join(work, "rank.json")} is not a Keiro impact answer (a JSON object with format, dataset, scenario, affected and totals): it is an array`,
      ],
      [
        write("future.json", readFileSync(earlierFile, "utf8").replace('"format": 1', '"format": 7')),
        `since: ${join(work, "future.json")} is in answer format 7, newer than this Keiro reads (1): compare it with the Keiro that made it, or a newer one`,
      ],
    ];
    for (const [file, message] of cases) {
      const result = impact("--vendor", "isetoh", "--since", file);
      expect(result.status).toBe(1);
      expect(result.stderr.startsWith(message)).toBe(true);
    }
  });
});

describe("the API and --since", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = buildServer({ driver, databaseUri: "bolt://test", queryTimeoutMs: 20_000 });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });
  const post = (url: string, body: string) =>
    app.inject({ method: "POST", url, payload: body, headers: { "content-type": "application/json" } });

  it("answers the changes since a posted earlier answer, worked out before the lists are cut", async () => {
    const earlier = readFileSync(earlierFile, "utf8");
    const whole = await post("/api/impact?vendor=isetoh", earlier);
    expect(whole.statusCode).toBe(200);
    expect(whole.json()).toMatchObject({ format: 1, dataset: nowStamp, changes: EXPECTED_CHANGES() });
    const cut = (await post("/api/impact?vendor=isetoh&limit=2", earlier)).json();
    expect(cut.affected).toHaveLength(2);
    expect(cut.truncated).toEqual({ shown: 2, total: 34 });
    expect(cut.changes).toEqual(EXPECTED_CHANGES());
  });

  it("refuses a posted answer of another scenario, or one whose lists were cut, with 400", async () => {
    const earlier = readFileSync(earlierFile, "utf8");
    expect((await post("/api/impact?vendor=kantsu", earlier)).json()).toEqual({
      error: "bad_request",
      parameter: "since",
      message: "since: the earlier answer is for compromised isetoh, this one for kantsu",
    });
    const truncated = (await app.inject({ url: "/api/impact?vendor=isetoh&limit=2" })).body;
    const refused = await post("/api/impact?vendor=isetoh", truncated);
    expect([refused.statusCode, refused.json().message]).toEqual([
      400,
      "since: the earlier answer lists 2 of its 34 affected organisations (its lists were cut): changes need the whole answer, as npm run impact -- --format json writes it",
    ]);
    const empty = await app.inject({ method: "POST", url: "/api/impact?vendor=isetoh" });
    expect([empty.statusCode, empty.json().message]).toEqual([
      400,
      "since: post the earlier answer (the JSON of an impact answer) as the request body",
    ]);
  });

  it("downloads reports with the changes, in the language asked for", async () => {
    const earlier = readFileSync(earlierFile, "utf8");
    const md = await post("/api/report?vendor=isetoh&format=md&lang=en", earlier);
    expect(md.statusCode).toBe(200);
    expect(md.body).toContain("| Seishin Shinkin Bank (静清信用金庫) | 2 | 2,713 → 2,702 | 0 | 0 |");
    const json = (await post("/api/report?vendor=isetoh&format=json", earlier)).json();
    expect(json.changes).toEqual(EXPECTED_CHANGES());
    const csv = (await post("/api/report?vendor=isetoh&format=csv", earlier)).body;
    expect(csv.split("\r\n")[0]).toBe(
      "\uFEFFID,名称,英語名,種別,地域,段数,件数,件数は下限,人数,件数非公表の契約,経路,公表値,確認済みの委託で影響,変化,以前の段数,以前の件数,以前の人数,以前の件数非公表の契約",
    );
    const gexf = await post("/api/report?vendor=isetoh&format=gexf", earlier);
    expect([gexf.statusCode, gexf.json().message]).toEqual([
      400,
      "since: a GEXF graph does not show changes; use json, csv, md or html",
    ]);
    const french = await app.inject({ url: "/api/report?vendor=isetoh&format=md&lang=fr" });
    expect([french.statusCode, french.json().message]).toEqual([400, 'lang: "fr" is not one of ja, en']);
  });
});

describe("the in-memory copy's answers carry the stamp of the load the copy is of", () => {
  it("before a new load, while the copy is rebuilt (the earlier copy answers, saying so), and after", async () => {
    await load(driver, join(work, "isetoh-2024"));
    const then = await liveStamp();
    const engine = new InMemoryEngine(driver, { timeoutMs: 30_000 });
    await engine.warm();
    const isetoh = plainCompromise(["isetoh"]);
    expect((await engine.blastRadius(isetoh)).dataset).toEqual(then);
    expect((await engine.grouped(isetoh, 1)).dataset).toEqual(then);
    await load(driver, SAMPLE_DIR);
    const now = await liveStamp();
    expect((await engine.blastRadius(isetoh)).dataset).toEqual(then);
    await engine.warm();
    expect((await engine.blastRadius(isetoh)).dataset).toEqual(now);
    expect(engine.answered).toEqual({ fromMemory: 3, fromEarlierLoad: 1, fromCypher: 0 });
  });
});
