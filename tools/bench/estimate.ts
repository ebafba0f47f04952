import { pathToFileURL } from "node:url";
import {
  type EstimateContract,
  type EstimateInput,
  estimateUndisclosed,
  type PeerCounts,
  peerPool,
} from "../../domain/estimate.ts";
import { seededRandom } from "../generate/random.ts";

/**
 * What the estimate of the undisclosed (domain/estimate.ts) costs and how much it moves between
 * seeds, on synthetic inputs shaped like the generated datasets: counts log-uniform from 10 to
 * 10^5.5 records (persons 0.8 of them), consignor kinds drawn with uneven weights.
 *
 * `npx tsx tools/bench/estimate.ts` prints the figures.
 */

export interface EstimateShape {
  label: string;
  /** Counted contracts of the radius. */
  counted: number;
  /** Of them, without records. */
  undisclosedRecords: number;
  /** Of them, without persons. */
  undisclosedSubjects: number;
  /** Known counts > 0 of the scenario's active contracts (records; persons alike). */
  peers: number;
  kinds: number;
}

/** The shapes measured. */
export const ESTIMATE_SHAPES: EstimateShape[] = [
  // The reckoning of the biggest vendor at 1M contracts.
  {
    label: "1M, ~5k undisclosed",
    counted: 100_000,
    undisclosedRecords: 5_000,
    undisclosedSubjects: 5_000,
    peers: 950_000,
    kinds: 15,
  },
  // The biggest generated vendor at 1M contracts as docs/breach-response.md measured it (446,673
  // counted contracts): 5% of the generator's counts undisclosed, and pass-through
  // sub-contracts (records 0) give no persons either: ~12% without persons.
  {
    label: "1M, biggest generated vendor",
    counted: 446_673,
    undisclosedRecords: 22_334,
    undisclosedSubjects: 53_600,
    peers: 950_000,
    kinds: 14,
  },
  // The sample's `--vendor isetoh`: 34 counted contracts, 18 without records, 19 without persons.
  {
    label: "sample-sized",
    counted: 34,
    undisclosedRecords: 18,
    undisclosedSubjects: 19,
    peers: 40,
    kinds: 8,
  },
];

/** A synthetic input of this shape, the same for the same seed. */
export function syntheticEstimateInput(shape: EstimateShape, seed = 1): EstimateInput {
  const random = seededRandom(seed);
  const count = () => Math.floor(10 ** (1 + random() * 4.5));
  // Uneven kinds: weight 1/(i+1), like municipalities and companies against associations.
  const weights = Array.from({ length: shape.kinds }, (_, i) => 1 / (i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const kindOf = () => {
    let target = random() * sum;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i] as number;
      if (target < 0) return `kind-${i}`;
    }
    return `kind-${shape.kinds - 1}`;
  };
  const records = new Map<string, number[]>();
  const subjects = new Map<string, number[]>();
  for (let i = 0; i < shape.peers; i++) {
    const kind = kindOf();
    const value = count();
    if (!records.has(kind)) records.set(kind, []);
    if (!subjects.has(kind)) subjects.set(kind, []);
    records.get(kind)?.push(value);
    subjects.get(kind)?.push(Math.floor(value * 0.8));
  }
  const contracts: EstimateContract[] = [];
  let knownRecords = 0;
  let knownSubjects = 0;
  for (let i = 0; i < shape.counted; i++) {
    const value = count();
    const noRecords = i < shape.undisclosedRecords;
    // The contracts without persons: those without records, then others.
    const noSubjects = i < shape.undisclosedSubjects;
    const contract: EstimateContract = {
      kind: kindOf(),
      records: noRecords ? null : value,
      subjects: noSubjects ? null : Math.floor(value * 0.8),
    };
    knownRecords += contract.records ?? 0;
    knownSubjects += contract.subjects ?? 0;
    contracts.push(contract);
  }
  return {
    contracts,
    totals: { records: knownRecords, subjects: knownSubjects },
    peers: { records, subjects },
  };
}

export interface EstimateFigures {
  label: string;
  draws: number;
  /** Whether `draws` is the default for this shape (estimateDraws). */
  default: boolean;
  /** Single values drawn (undisclosed records and persons) per draw. */
  picks: number;
  /** Median wall milliseconds of one estimate, its pools given ready (peerPool: ascending Float64Arrays). */
  ms: number;
  /** Median CPU milliseconds of the same: what it costs on a machine that others do not load. */
  cpuMs: number;
  /** CPU nanoseconds per single value drawn. */
  nsPerPick: number;
  /** CPU milliseconds over the baseline's: sorting 1M random numbers in the same process. */
  ratio: number;
  /** Median wall milliseconds with its pools given as number[] in any order: the estimate copies and sorts them. */
  msUnsorted: number;
  /** Relative spread of records p50 between seeds: (max − min) / median. */
  p50Spread: number;
  /** The same against the undisclosed part alone (p50 − the known total). */
  p50SpreadOfUndisclosed: number;
  /** Relative spread of records p10 and p90 between seeds, against the undisclosed part. */
  p10SpreadOfUndisclosed: number;
  p90SpreadOfUndisclosed: number;
}

/** Median wall and CPU milliseconds of `runs` calls, after two that warm up (the JIT compiles the loop). */
export function medianTimes(runs: number, work: () => unknown): { ms: number; cpuMs: number } {
  work();
  work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    const used = process.cpuUsage();
    work();
    const { user, system } = process.cpuUsage(used);
    wall.push(performance.now() - began);
    cpu.push((user + system) / 1000);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  return { ms: median(wall), cpuMs: median(cpu) };
}

/** CPU milliseconds to sort 1M random numbers: the machine's pace, to read the figures against. */
export function baselineMs(): number {
  const random = seededRandom(7);
  const values = new Float64Array(1_000_000);
  for (let i = 0; i < values.length; i++) values[i] = random();
  return medianTimes(5, () => Float64Array.from(values).sort()).cpuMs;
}

const spread = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  return median === 0 ? 0 : ((sorted.at(-1) as number) - (sorted[0] as number)) / median;
};

/** Time and stability of the estimate of one shape at each number of draws. */
export function runEstimateBench(
  shape: EstimateShape,
  /** undefined: the default (estimateDraws). */
  drawCounts: (number | undefined)[],
  options: { seeds?: number; runs?: number; baseline?: number } = {},
): EstimateFigures[] {
  const seeds = options.seeds ?? 20;
  const runs = options.runs ?? 5;
  const baseline = options.baseline ?? baselineMs();
  const unsorted = syntheticEstimateInput(shape);
  const ready = (pools: PeerCounts) => new Map([...pools].map(([kind, values]) => [kind, peerPool(values)]));
  const input = {
    ...unsorted,
    peers: { records: ready(unsorted.peers.records), subjects: ready(unsorted.peers.subjects) },
  };
  const picks = shape.undisclosedRecords + shape.undisclosedSubjects;
  const figures: EstimateFigures[] = [];
  for (const asked of drawCounts) {
    const options = asked === undefined ? {} : { draws: asked };
    const draws = estimateUndisclosed(input, options)?.draws ?? 0;
    const { ms, cpuMs } = medianTimes(runs, () => estimateUndisclosed(input, options));
    const msUnsorted = medianTimes(runs, () => estimateUndisclosed(unsorted, options)).ms;
    const p10: number[] = [];
    const p50: number[] = [];
    const p90: number[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const estimate = estimateUndisclosed(input, { ...options, seed });
      if (estimate === null) throw new Error("no peers");
      p10.push(estimate.records.p10);
      p50.push(estimate.records.p50);
      p90.push(estimate.records.p90);
    }
    const total = input.totals.records;
    const part = (values: number[]) => values.map((v) => v - total);
    figures.push({
      label: shape.label,
      draws,
      default: asked === undefined,
      picks,
      ms,
      cpuMs,
      nsPerPick: (cpuMs * 1e6) / (picks * draws),
      ratio: cpuMs / baseline,
      msUnsorted,
      p50Spread: spread(p50),
      p50SpreadOfUndisclosed: spread(part(p50)),
      p10SpreadOfUndisclosed: spread(part(p10)),
      p90SpreadOfUndisclosed: spread(part(p90)),
    });
  }
  return figures;
}

const percent = (x: number) => `${(x * 100).toFixed(x < 0.001 ? 4 : x < 0.1 ? 3 : 1)}%`;

function main(): void {
  const baseline = baselineMs();
  console.log(`baseline: sorting 1M numbers takes ${baseline.toFixed(1)} ms of CPU`);
  console.log(
    "shape | values drawn per draw | draws | ms (wall) | ms (CPU) | ns per value | CPU × baseline | ms, pools unsorted (wall) | p50 spread between seeds, of the total | p10 / p50 / p90 spread, of the undisclosed part",
  );
  for (const shape of ESTIMATE_SHAPES)
    for (const f of runEstimateBench(shape, [undefined, 100, 250, 500, 1000, 2000, 5000], { baseline }))
      console.log(
        [
          f.label,
          f.picks,
          `${f.draws}${f.default ? " (default)" : ""}`,
          f.ms.toFixed(1),
          f.cpuMs.toFixed(1),
          f.nsPerPick.toFixed(1),
          f.ratio.toFixed(2),
          f.msUnsorted.toFixed(1),
          percent(f.p50Spread),
          [f.p10SpreadOfUndisclosed, f.p50SpreadOfUndisclosed, f.p90SpreadOfUndisclosed]
            .map(percent)
            .join(" / "),
        ].join(" | "),
      );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
