import {
  type Comparison,
  compareBlastRadii,
  plainCompromise,
  type Scenario,
  truncateBlastRadius,
} from "../domain/index.ts";
import type { ImpactEngine, ImpactOptions, Stamped } from "./engine.ts";
import { DatasetChanged, sameLoad } from "./oneLoad.ts";

/** A what-if beside the plain compromise of the same organisations, from one engine. */
export async function compare(
  engine: ImpactEngine,
  whatIf: Scenario,
  options: ImpactOptions = {},
): Promise<Comparison> {
  return (await stampedCompare(engine, whatIf, options)).answer;
}

/**
 * The comparison with the stamp of its load: both answers come from the same one (the plain one
 * is asked again when a load swapped in between the two).
 */
export async function stampedCompare(
  engine: ImpactEngine,
  whatIf: Scenario,
  options: ImpactOptions = {},
): Promise<Stamped<Comparison>> {
  // The change is worked out on the whole answers; only then are the lists cut.
  const whole = { timeoutMs: options.timeoutMs };
  let answers = await bothFromOneLoad(engine, whatIf, whole);
  for (let attempt = 1; !answers; attempt++) {
    if (attempt >= 3) throw new DatasetChanged();
    answers = await bothFromOneLoad(engine, whatIf, whole);
  }
  const [first, second] = answers;
  const comparison = compareBlastRadii(first.answer, second.answer);
  const dataset = first.dataset;
  if (options.limit === undefined) return { answer: comparison, dataset };
  return {
    answer: {
      ...comparison,
      whatIf: truncateBlastRadius(comparison.whatIf, options.limit),
      plain: truncateBlastRadius(comparison.plain, options.limit),
    },
    dataset,
  };
}

/** The what-if and the plain compromise, or null when a load swapped in between the two. */
async function bothFromOneLoad(engine: ImpactEngine, whatIf: Scenario, options: ImpactOptions) {
  const first = await engine.stampedBlastRadius(whatIf, options);
  const second = await engine.stampedBlastRadius(plainCompromise(whatIf.compromised), options);
  return sameLoad(first.dataset, second.dataset) ? ([first, second] as const) : null;
}
