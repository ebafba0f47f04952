import { createReadStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { estimateUndisclosed, type OrganisationSummary, parseScenario } from "../../domain/index.ts";
import { ActiveMasks } from "../../engine/activeMasks.ts";
import { confirmedPart, reachBuffers, searchReach } from "../../engine/confirmedPart.ts";
import { summarise } from "../../engine/contractReach.ts";
import { CopyColumnsBuilder } from "../../engine/copyColumns.ts";
import { deriveCopy } from "../../engine/copyData.ts";
import { countedForEstimate, peerIndex, peersOf } from "../../engine/estimatePeers.ts";
import { InMemoryCopy } from "../../engine/inMemoryCopy.ts";

/**
 * Where one answer's time goes, on a generated dataset read straight from its CSV files (no
 * Neo4j: `npx tsx tools/bench/answerCosts.ts DIR VENDOR`, run with --cpu-prof for the functions):
 * each step of the API's blast radius timed on its own, then the whole answer, its JSON, and the
 * whole breach radius notify's pages are cut from. Generated rows only (no quoted commas).
 */
async function* rows(path: string) {
  let header = true;
  for await (const line of createInterface({ input: createReadStream(path) })) {
    if (header) header = false;
    else yield line.split(",");
  }
}

const ms = <T>(label: string, work: () => T): T => {
  const began = performance.now();
  const value = work();
  process.stdout.write(`${label.padEnd(34)}${(performance.now() - began).toFixed(0).padStart(8)} ms\n`);
  return value;
};

const [dir = "", vendor = "org-5"] = process.argv.slice(2);
const organisations: OrganisationSummary[] = [];
for await (const [id, name, nameEn, kind, , region] of rows(join(dir, "organisations.csv")))
  organisations.push({
    id: id as string,
    name: name as string,
    nameEn: nameEn || null,
    kind: kind || null,
    region: region || null,
  });
const builder = new CopyColumnsBuilder(organisations, 0);
for await (const c of rows(join(dir, "outsourcing.csv")))
  builder.add({
    id: c[0] as string,
    consignor: c[1] as string,
    contractor: c[2] as string,
    service: c[3] || null,
    records: c[4] ? Number(c[4]) : null,
    subjects: c[5] ? Number(c[5]) : null,
    dataCategories: c[6] ? (c[6] as string).split(";") : [],
    sinceStart: c[7] ? `${c[7]}-01-01` : null,
    deleteByEnd: c[9] ? `${c[9]}-28` : null,
    carries: c[10] ? (c[10] as string).split(";") : null,
    source: c[11] || null,
  });
const data = deriveCopy(builder.finish(), { exposures: [], incidents: [] }, false);
const copy = new InMemoryCopy(data);
const scenario = parseScenario({ vendor: [vendor] });
process.stdout.write(
  `${vendor}: ${organisations.length} organisations, ${data.table.from.length} contracts read\n`,
);

// The steps of one answer, as InMemoryCopy runs them (inMemoryCopy.ts withReach, partsOf).
const { table, inStart, inEdges, orgIndex, contractIndex } = data;
const masks = new ActiveMasks(table, data.since, data.deleteBy, inStart, inEdges, orgIndex, contractIndex);
const active = ms("active mask (first, then kept)", () => masks.of(scenario));
const source = orgIndex.get(vendor) as number;
const isCompromised = (v: number) => v === source;
const buffers = reachBuffers(table.from.length);
const reach = ms("search (reached contracts)", () =>
  searchReach(table, inStart, inEdges, active.mask, [source], Number.MAX_SAFE_INTEGER, buffers),
);
process.stdout.write(`  ${reach.count} contracts reached\n`);
const summary = ms("summarise (totals, 1,000 listed)", () => summarise(table, reach, isCompromised, 1000));
ms("confirmed part", () =>
  confirmedPart(table, reach, [source], Number.MAX_SAFE_INTEGER, isCompromised, [inStart, inEdges]),
);
const kindOf = (v: number) => organisations[v]?.kind ?? null;
const peers = ms("estimate's peer index (once a load)", () => peerIndex(table, kindOf));
ms("estimate", () =>
  estimateUndisclosed({
    contracts: countedForEstimate(table, reach, isCompromised, kindOf),
    totals: summary.totals,
    peers: peersOf(peers, null),
  }),
);
const answer = ms("whole answer (blastRadius, 1,000)", () => copy.blastRadius(scenario, 1000));
ms("its JSON", () => JSON.stringify(answer).length);
ms("whole answer again (warm)", () => copy.blastRadius(scenario, 1000));
ms("breach radius (notify's facts)", () => copy.breachRadius(scenario));
ms("breach radius again (warm)", () => copy.breachRadius(scenario));
