import { createReadStream, createWriteStream, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Driver } from "neo4j-driver";
import { estimateUndisclosed, plainCompromise } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { readGraphCopy } from "../../engine/graphRead.ts";
import { generateDataset } from "../generate/generator.ts";
import { realIngest } from "./ingest.ts";
import { round, time } from "./measure.ts";
import type { Scale } from "./run.ts";

/** One contract in this many is marked possible, so that the confirmed part is searched again. */
const POSSIBLE_EVERY = 50;

/**
 * The generated dataset with a `confidence` column: every POSSIBLE_EVERY-th contract possible (the
 * generator itself stays as it is, so its other datasets do not move).
 */
async function markPossible(dir: string): Promise<void> {
  const path = join(dir, "outsourcing.csv");
  const out = createWriteStream(`${path}.tmp`);
  let line = -1;
  for await (const text of createInterface({
    input: createReadStream(path),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    line += 1;
    const cell = line === 0 ? "confidence" : line % POSSIBLE_EVERY === 0 ? "possible" : "";
    if (!out.write(`${text},${cell}\n`))
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise((resolve) => out.end(resolve));
  renameSync(`${path}.tmp`, path);
}

export interface EstimateRowFigures {
  vendor: string;
  organisations: number;
  counted: number;
  undisclosedRecords: number;
  undisclosedSubjects: number;
  draws: number;
  /** Median milliseconds of the whole answer from the copy (what the API computes). */
  answerMs: number;
  /** Of it, the estimate (peers filtered, counted contracts gathered, drawn) and the confirmed part. */
  estimateMs: number;
  /** The estimate's CPU milliseconds (this process): what it costs where others do not load the machine. */
  estimateCpuMs: number;
  confirmedMs: number;
  /** The estimate's share of the answer. */
  estimateShare: number;
  /** Building the peer index, once per load (the first answer's extra). */
  peerIndexMs: number;
  /** Records p50 between 20 seeds: (max − min) against the undisclosed part (p50 − the known total). */
  p50SpreadOfUndisclosed: number;
  confirmedRecords: number;
  records: number;
}

/**
 * The estimate's cost at scale (issue 22): the biggest vendor's blast radius answered from the
 * API's in-memory copy, its estimate and confirmed part timed inside the same answers.
 */
export async function runEstimateRow(
  driver: Driver,
  scale: Scale,
  reuse: boolean,
  log: (line: string) => void,
): Promise<EstimateRowFigures> {
  if (!reuse) {
    const dir = mkdtempSync(join(tmpdir(), "keiro-bench-"));
    try {
      log(`Generating ${scale.organisations} organisations / ${scale.contracts} contracts…`);
      await generateDataset(dir, { organisations: scale.organisations, contracts: scale.contracts, seed: 1 });
      await markPossible(dir);
      log("Real ingest…");
      await realIngest(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const biggest = (await new CypherEngine(driver).rank(1))[0];
  if (!biggest) throw new Error("the graph has no vendor to compromise");
  log("Reading the in-memory copy…");
  const { copy } = await readGraphCopy(driver);
  const scenario = plainCompromise([biggest.id]);
  const first = await time(() => copy.blastRadius(scenario, 1000));
  const peerIndexMs = first.ms;
  const answers: { ms: number; estimateMs: number; estimateCpuMs: number; confirmedMs: number }[] = [];
  let answer = first.value;
  for (let i = 0; i < 7; i++) {
    const { ms, value } = await time(() => copy.blastRadius(scenario, 1000));
    answer = value;
    answers.push({ ms, ...copy.lastTimings });
  }
  const median = (pick: (a: (typeof answers)[0]) => number) =>
    answers.map(pick).sort((a, b) => a - b)[Math.floor(answers.length / 2)] as number;
  const input = copy.estimateInput(scenario);
  const p50s: number[] = [];
  for (let seed = 1; seed <= 20; seed++) {
    const estimate = estimateUndisclosed(input, { seed });
    if (estimate) p50s.push(estimate.records.p50);
  }
  p50s.sort((a, b) => a - b);
  const undisclosedPart = (p50s[10] ?? 0) - input.totals.records;
  const answerMs = median((a) => a.ms);
  const estimateMs = median((a) => a.estimateMs);
  return {
    vendor: biggest.id,
    organisations: answer.totals.organisations,
    counted: answer.totals.contracts,
    undisclosedRecords: answer.totals.undisclosedContracts,
    undisclosedSubjects: answer.totals.undisclosedSubjectContracts,
    draws: answer.totals.estimate?.draws ?? 0,
    answerMs: round(answerMs) as number,
    estimateMs: round(estimateMs) as number,
    estimateCpuMs: round(median((a) => a.estimateCpuMs)) as number,
    confirmedMs: round(median((a) => a.confirmedMs)) as number,
    estimateShare: Math.round((estimateMs / answerMs) * 1000) / 1000,
    // The first answer builds the peer index: its extra over a later one.
    peerIndexMs: round(peerIndexMs - answerMs) as number,
    p50SpreadOfUndisclosed:
      undisclosedPart === 0
        ? 0
        : Math.round((((p50s.at(-1) ?? 0) - (p50s[0] ?? 0)) / undisclosedPart) * 10000) / 10000,
    confirmedRecords: answer.confirmed.records,
    records: answer.totals.records,
  };
}

export function estimateRowLine(f: EstimateRowFigures): string {
  return [
    `estimate at scale: biggest vendor ${f.vendor} (${f.organisations} affected, ${f.counted} counted contracts,`,
    `${f.undisclosedRecords} without records, ${f.undisclosedSubjects} without persons): answer ${f.answerMs} ms,`,
    `of which the estimate ${f.estimateMs} ms (${f.estimateCpuMs} ms CPU; ${f.draws} draws, ${(f.estimateShare * 100).toFixed(1)}%)`,
    `and the confirmed part ${f.confirmedMs} ms; peer index ${f.peerIndexMs} ms once per load (the API builds it in the copy's worker);`,
    `p50 moves ${(f.p50SpreadOfUndisclosed * 100).toFixed(2)}% of the undisclosed part over 20 seeds;`,
    `records ${f.records}, on confirmed contracts ${f.confirmedRecords}`,
  ].join(" ");
}
