import type { BlastRadius } from "./blastRadius.ts";
import type { Changes } from "./changes.ts";
import type { Comparison } from "./comparison.ts";
import type { DatasetStamp } from "./dataset.ts";
import { ANSWER_FORMAT } from "./earlierAnswer.ts";

/** A blast radius as it is handed on: its format, and the changes since an earlier answer when asked. */
export type ImpactAnswer = { format: number } & BlastRadius & { changes?: Changes };

/** A what-if beside the plain compromise, with the format and the dataset of both at the top. */
export type ComparisonAnswer = { format: number; dataset: DatasetStamp } & Comparison & { changes?: Changes };

/** The answer's JSON: format and dataset first, so that a reader sees what it holds at once. */
export function impactAnswer(result: BlastRadius, changes?: Changes): ImpactAnswer {
  const { dataset, ...rest } = result;
  return { format: ANSWER_FORMAT, dataset, ...rest, ...(changes ? { changes } : {}) };
}

export function comparisonAnswer(comparison: Comparison, changes?: Changes): ComparisonAnswer {
  return {
    format: ANSWER_FORMAT,
    dataset: comparison.whatIf.dataset,
    ...comparison,
    ...(changes ? { changes } : {}),
  };
}
