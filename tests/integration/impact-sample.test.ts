import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenario } from "../../domain/index.ts";
import { CypherEngine, scenarioParams } from "../../engine/cypherEngine.ts";
import { cypher } from "../../neo4j/queries.ts";
import { renderBlastRadius } from "../../report/render.ts";
import { load, query, runCommand, SAMPLE_DIR, testDriver } from "../helpers/database.ts";

let driver: Driver;
beforeAll(async () => {
  driver = testDriver();
  await load(driver, SAMPLE_DIR);
});
afterAll(async () => {
  await driver.close();
});

async function liveStamp() {
  const [row] = await query(
    driver,
    "MATCH (d:Dataset {id: 'current'}) RETURN d.name AS name, d.fingerprint AS fingerprint, d.loadedAt AS loadedAt",
  );
  return row;
}

function impact(...args: string[]) {
  const result = runCommand("bin/impact.ts", args);
  return {
    ...result,
    json: result.status === 0 && args.includes("json") ? JSON.parse(result.stdout) : undefined,
  };
}

describe("npm run impact on the Isetoh sample", () => {
  it("answers the DOMAIN.md example for Seishin Shinkin Bank", async () => {
    const { json, status } = impact("--vendor", "isetoh", "--format", "json");
    expect(status).toBe(0);
    // The shape's version and the load it was computed on come first.
    expect(Object.keys(json).slice(0, 3)).toEqual(["format", "dataset", "scenario"]);
    expect(json.format).toBe(1);
    expect(json.dataset).toEqual(await liveStamp());
    expect(json.scenario).toEqual({
      compromised: ["isetoh"],
      excludedContracts: [],
      excludedOrganisations: [],
      maxDepth: null,
      asOf: null,
      enforceRetention: false,
    });
    const seishin = json.affected.find((a: { id: string }) => a.id === "seishin-shinkin");
    expect(seishin).toMatchObject({
      id: "seishin-shinkin",
      name: "静清信用金庫",
      kind: "shinkin_bank",
      depth: 2,
      records: 2702,
      subjects: 0,
      undisclosed: 0,
      path: ["seishin-shinkin", "tokai-shinkin-business", "isetoh"],
      chain: ["c-seishin-tsb", "c-tsb-isetoh"],
    });
    expect(seishin.reported).toEqual([
      expect.objectContaining({
        incident: "isetoh-2024",
        records: 2702,
        status: "confirmed",
        reportedOn: "2024-11-18",
      }),
    ]);
    // Hand-checked in data/isetoh-2024/README.md: 1,537,836 known records over 34 organisations.
    expect(json.totals).toEqual({
      organisations: 34,
      contracts: 34,
      records: 1537836,
      subjects: 1556639,
      undisclosedContracts: 18,
      undisclosedSubjectContracts: 19,
      // A labelled estimate beside the bounds: the 18 undisclosed record counts drawn from the 14
      // known ones (municipalities and prefectures from their own 5; the other kinds pooled).
      estimate: {
        records: { p10: 2669723, p50: 4151985, p90: 5985939 },
        subjects: { p10: 2558189, p50: 3345122, p90: 4432344 },
        draws: 1000,
        peers: {
          aggregate: 13,
          association: 14,
          bank: 14,
          company: 14,
          health_insurance_society: 14,
          insurer: 14,
          municipality: 5,
          prefecture: 5,
          shinkin_bank: 13,
        },
        peerCount: 14,
      },
    });
    // Without the six contracts marked possible (data/isetoh-2024/README.md): Tono's 5,008 and Ogaki
    // Seino's 3,879 out, and four undisclosed ones.
    expect(json.confirmed).toEqual({
      organisations: 28,
      contracts: 28,
      records: 1528949,
      subjects: 1556639,
      undisclosedContracts: 14,
      undisclosedSubjectContracts: 13,
    });
    expect(
      json.affected.filter((a: { confirmed: boolean }) => !a.confirmed).map((a: { id: string }) => a.id),
    ).toEqual([
      "ms-aioi-life",
      "mufg-trust",
      "ota-city",
      "panasonic-kenpo",
      "tono-shinkin",
      "ogaki-seino-shinkin",
    ]);
    expect(json.unmodelled.map((u: { organisation: string }) => u.organisation)).toEqual(["sanin-godo-bank"]);
  });

  it("--confirmed-only is the confirmed part itself, and ranks on confirmed contracts", () => {
    const { json, status } = impact("--vendor", "isetoh", "--confirmed-only", "--format", "json");
    expect(status).toBe(0);
    expect(json.scenario.confirmedOnly).toBe(true);
    const { estimate: _estimate, ...sums } = json.totals;
    expect(sums).toEqual(json.confirmed);
    expect(json.confirmed.records).toBe(1528949);
    // Ranked without the possible contracts: Isetoh 1,537,836 → 1,528,949; Tokai Shinkin Business
    // 69,403 → 60,516 (Tono's and Ogaki Seino's DM contracts out).
    const ranked = JSON.parse(impact("--rank", "--top", "2", "--confirmed-only").stdout);
    expect(ranked.map((r: { id: string; records: number }) => [r.id, r.records])).toEqual([
      ["isetoh", 1528949],
      ["tokai-shinkin-business", 60516],
    ]);
  });

  it("shows what enforcing deletion by the incident date would have kept out of the attacker's hands", () => {
    const { json } = impact(
      "--vendor",
      "isetoh",
      "--as-of",
      "2024-05-26",
      "--enforce-retention",
      "--compare",
      "--format",
      "json",
    );
    expect(json.change.records).toBe(-1456507);
    expect([json.format, json.dataset]).toEqual([1, json.whatIf.dataset]);
    expect(json.plain.dataset).toEqual(json.whatIf.dataset);
    expect(json.change.noLongerAffected.map((o: { id: string }) => o.id).sort()).toEqual([
      "fujisawa-city",
      "kubota-credit",
      "ogaki-seino-shinkin",
      "seishin-shinkin",
      "takamatsu-city",
      "tokai-shinkin-business",
      "tokai-shinkin-others",
      "tokushima-pref",
      "tono-shinkin",
      "toyota-city",
      "wakayama-city",
    ]);
    expect(json.whatIf.totals).toMatchObject({ organisations: 23, records: 81329, undisclosedContracts: 15 });
    expect(json.plain.totals.records).toBe(1537836);
  });

  it("follows Kantsu's chains and lists the ruled-out Asahi report", () => {
    const { json } = impact("--vendor", "kantsu", "--format", "json");
    expect(json.affected.map((a: { id: string; depth: number }) => [a.id, a.depth])).toEqual([
      ["cycle-base-asahi", 1],
      ["felissimo", 1],
      ["kantsu-ec-sites", 1],
      ["kantsu-shippers", 1],
      ["gamba-osaka-shop", 2],
    ]);
    expect(json.totals).toMatchObject({ organisations: 5, records: 0, undisclosedContracts: 5 });
    const asahi = json.affected.find((a: { id: string }) => a.id === "cycle-base-asahi");
    expect(asahi.reported[0].status).toBe("ruled_out");
  });

  it("takes two vendors at once", () => {
    const { json } = impact("--vendor", "isetoh", "--vendor", "kantsu", "--format", "json");
    // Isetoh's 34 and Kantsu's 5 share no one; Kantsu's five contracts are all undisclosed.
    expect(json.totals).toMatchObject({ organisations: 39, records: 1537836, undisclosedContracts: 23 });
    expect(json.affected.find((a: { id: string }) => a.id === "gamba-osaka-shop")).toMatchObject({
      depth: 2,
      path: ["gamba-osaka-shop", "felissimo", "kantsu"],
      chain: ["c-gamba-felissimo", "c-felissimo-kantsu"],
    });
  });

  it("passes on only what a scoped sub-contract carries: the enclosing shop holds Yokosuka's data alone", () => {
    const { json } = impact("--vendor", "isetoh-enclosing-subcontractor", "--format", "json");
    expect(
      json.affected.map((a: { id: string; depth: number; chain: string[] }) => [a.id, a.depth, a.chain]),
    ).toEqual([
      ["isetoh", 1, ["c-isetoh-enclosing"]],
      ["yokosuka-city", 2, ["c-yokosuka-city-isetoh", "c-isetoh-enclosing"]],
    ]);
    expect(json.totals).toMatchObject({
      organisations: 2,
      contracts: 2,
      records: 0,
      subjects: 18,
      undisclosedContracts: 1,
    });
    expect(json.contracts.find((c: { id: string }) => c.id === "c-isetoh-enclosing").carries).toEqual([
      "c-yokosuka-city-isetoh",
    ]);
  });

  it("adds Tokai Shinkin Business's banks up to their own de-duplicated 69,403", () => {
    const { json } = impact("--vendor", "tokai-shinkin-business", "--format", "json");
    expect(json.totals).toMatchObject({
      organisations: 4,
      contracts: 4,
      records: 69403,
      undisclosedContracts: 0,
    });
  });

  it("ranks every vendor by what its compromise alone would expose", () => {
    const { json, status } = impact("--rank", "--top", "3", "--format", "json");
    expect(status).toBe(0);
    expect(json).toEqual([
      {
        id: "isetoh",
        name: "株式会社イセトー",
        nameEn: "Isetoh Co., Ltd.",
        kind: "print_mail_vendor",
        records: 1537836,
        organisations: 34,
        undisclosedContracts: 18,
      },
      {
        id: "tokai-shinkin-business",
        name: "株式会社東海信金ビジネス",
        nameEn: "Tokai Shinkin Business Co., Ltd.",
        kind: "shared_service",
        records: 69403,
        organisations: 4,
        undisclosedContracts: 0,
      },
      {
        id: "kantsu",
        name: "株式会社関通",
        nameEn: "Kantsu Co., Ltd.",
        kind: "logistics_vendor",
        records: 0,
        organisations: 5,
        undisclosedContracts: 5,
      },
    ]);
  });

  it("refuses a bad scenario with exit 1 and a message naming the problem", () => {
    expect(impact("--vendor", "nobody")).toMatchObject({
      status: 1,
      stderr: 'vendor: no organisation "nobody"\n',
    });
    expect(impact("--vendor", "isetoh", "--enforce-retention")).toMatchObject({
      status: 1,
      stderr: "enforce-retention needs as-of: deletion deadlines are judged at a date\n",
    });
    expect(impact("--vendor", "isetoh", "--as-of", "2024-13-01")).toMatchObject({
      status: 1,
      stderr: 'as-of: "2024-13-01" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)\n',
    });
    expect(impact("--vendor", "isetoh", "--format", "pdf").status).toBe(1);
  });

  it("exits 2 when the database cannot be reached", () => {
    const result = runCommand("bin/impact.ts", ["--vendor", "isetoh"], { NEO4J_URI: "bolt://127.0.0.1:1" });
    expect(result.status).toBe(2);
  });
});

describe("reports", () => {
  it("CSV: one row per affected organisation, BOM and CRLF for Excel, Japanese intact", () => {
    const { stdout, status } = impact("--vendor", "isetoh", "--format", "csv", "--lang", "en");
    expect(status).toBe(0);
    const lines = stdout.split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFid,name,name_en,kind,region,depth,records,records_lower_bound,subjects,undisclosed_contracts,path,reported,confirmed",
    );
    expect(lines.length).toBe(1 + 34 + 1);
    expect(lines).toContain(
      'seishin-shinkin,静清信用金庫,Seishin Shinkin Bank,shinkin_bank,,2,2702,no,0,0,seishin-shinkin > tokai-shinkin-business > isetoh,"2,702 records (confirmed, 2024-11-18)",yes',
    );
    expect(lines[1]).toMatch(/^toyota-city,豊田市,Toyota City,municipality,Aichi,1,1035603,no,148620,0,/);
    // Japanese by default: the headers and words in Japanese, the same figures.
    const ja = impact("--vendor", "isetoh", "--format", "csv").stdout.split("\r\n");
    expect(ja[0]).toBe(
      "\uFEFFID,名称,英語名,種別,地域,段数,件数,件数は下限,人数,件数非公表の契約,経路,公表値,確認済みの委託で影響",
    );
    expect(ja).toContain(
      'seishin-shinkin,静清信用金庫,Seishin Shinkin Bank,shinkin_bank,,2,2702,いいえ,0,0,seishin-shinkin > tokai-shinkin-business > isetoh,"2,702 件（確定、2024-11-18）",はい',
    );
  });

  it("Markdown: scenario in words, lower bounds marked, chains, reported beside modelled, sources, fingerprint", () => {
    const { stdout } = impact(
      "--vendor",
      "isetoh",
      "--as-of",
      "2024-05-26",
      "--enforce-retention",
      "--compare",
      "--format",
      "md",
      "--lang",
      "en",
    );
    expect(stdout).toContain(
      "Compromise of Isetoh Co., Ltd. (株式会社イセトー), as of 2024-05-26, with deletion deadlines enforced.",
    );
    expect(stdout).toContain("| Records exposed | ≥ 81,329 |");
    expect(stdout).toContain(
      "keeps 1,456,507 known records out of the attacker's hands and spares 11 organisations",
    );
    // Nothing of Fujisawa's count is known: undisclosed, never "≥ 0".
    expect(stdout).toContain("| Fujisawa City (fujisawa-city) | undisclosed |");
    expect(stdout).toContain("sanin-godo-bank (4 persons (possible, 2024-06-06))");
    expect(stdout).toMatch(/Dataset isetoh-2024, fingerprint [0-9a-f]{64}, loaded /);
    expect(stdout).toContain("- https://www.city.toyota.aichi.jp/pressrelease/1060027/1060257.html");
  });

  it("HTML: one self-contained file with the same figures, in Japanese unless asked otherwise", () => {
    const { stdout } = impact("--vendor", "isetoh", "--format", "html");
    expect(stdout.startsWith("<!doctype html>")).toBe(true);
    expect(stdout).not.toMatch(/<script|<link|src=/);
    expect(stdout).toContain('<html lang="ja">');
    expect(stdout).toContain("<h1>影響範囲：株式会社イセトー</h1>");
    expect(stdout).toContain('<td>流出のおそれがある件数</td><td class="n">≥ 1,537,836</td>');
    expect(stdout).toContain("<td>c-seishin-tsb → c-tsb-isetoh</td>");
    expect(stdout).toContain("静清信用金庫 → 株式会社東海信金ビジネス → 株式会社イセトー");
    expect(stdout).toContain("@media print");
    const en = impact("--vendor", "isetoh", "--format", "html", "--lang", "en").stdout;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("<h1>Blast radius: Isetoh Co., Ltd.</h1>");
    expect(en).toContain('<td>Records exposed</td><td class="n">≥ 1,537,836</td>');
    expect(en).toContain("Seishin Shinkin Bank → Tokai Shinkin Business Co., Ltd. → Isetoh Co., Ltd.");
  });

  it("GEXF: the blast-radius subgraph for Gephi", async () => {
    const { stdout } = impact("--vendor", "kantsu", "--format", "gexf");
    expect(stdout).toContain("<gexf");
    expect(stdout.match(/<node /g)?.length).toBe(6);
    expect(stdout.match(/<edge /g)?.length).toBe(5);
    // Tono Shinkin's contract is marked possible: the edge says so, and Tono is affected only through it.
    const tokai = renderBlastRadius("gexf", {
      result: await new CypherEngine(driver).blastRadius(
        parseScenario({ vendor: ["tokai-shinkin-business"] }),
      ),
    }).body;
    const tono = /<node id="tono-shinkin"[\s\S]*?<\/node>/.exec(tokai)?.[0];
    expect(tono).toContain('<attvalue for="confirmed" value="false"/>');
    const seishin = /<node id="seishin-shinkin"[\s\S]*?<\/node>/.exec(tokai)?.[0];
    expect(seishin).toContain('<attvalue for="confirmed" value="true"/>');
    const edge = /<edge id="c-tono-tsb"[\s\S]*?<\/edge>/.exec(tokai)?.[0];
    expect(edge).toContain('<attvalue for="confidence" value="possible"/>');
  });
});

async function planOf(name: string, params: Record<string, unknown>): Promise<string[]> {
  const session = driver.session();
  try {
    const result = await session.run(`PROFILE ${cypher(name)}`, params);
    const operators: string[] = [];
    const walk = (plan: { operatorType: string; children: unknown[] }) => {
      operators.push(plan.operatorType.replace(/@.*$/, ""));
      for (const child of plan.children) walk(child as typeof plan);
    };
    walk(result.summary.profile as unknown as { operatorType: string; children: unknown[] });
    return operators;
  } finally {
    await session.close();
  }
}

describe("query plans", () => {
  it("finds each level of the search by index, never by scanning organisations or contracts", async () => {
    const params = scenarioParams(parseScenario({ vendor: ["isetoh"] }));
    const into = await planOf("blast-radius/contracts-into", {
      ...params,
      into: ["isetoh", "tokai-shinkin-business"],
    });
    expect(into).toContain("NodeUniqueIndexSeek");
    const listed = await planOf("blast-radius/contracts-listed", {
      ...params,
      ids: ["c-seishin-tsb", "c-tono-tsb"],
    });
    const details = await planOf("blast-radius/contract-details", { ids: ["c-seishin-tsb"] });
    for (const operators of [listed, details]) {
      expect(operators.some((o) => o.includes("RelationshipIndexSeek"))).toBe(true);
    }
    for (const operators of [into, listed, details]) {
      expect(
        operators.filter((o) =>
          /AllNodesScan|NodeByLabelScan|RelationshipIndexScan|RelationshipTypeScan/.test(o),
        ),
      ).toEqual([]);
    }
  });
});
