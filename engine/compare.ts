import {
  type Comparison,
  compareBlastRadii,
  plainCompromise,
  type Scenario,
  truncateBlastRadius,
} from "../domain/index.ts";
import type { ImpactEngine, ImpactOptions } from "./engine.ts";
import { sameLoad } from "./oneLoad.ts";

/** A what-if beside the plain compromise of the same organisations, from one engine. */
export async function compare(
  engine: ImpactEngine,
  whatIf: Scenario,
  options: ImpactOptions = {},
): Promise<Comparison> {
  // The change is worked out on the whole answers; only then are the lists cut.
  const whole = { timeoutMs: options.timeoutMs };
  let comparison: Comparison | undefined;
  // Two answers, so two reads: a load swapped in between would mix two graphs; then ask again.
  for (let attempt = 1; comparison === undefined; attempt++) {
    const answer = await engine.blastRadius(whatIf, whole);
    const plain = await engine.blastRadius(plainCompromise(whatIf.compromised), whole);
    if (sameLoad(answer.dataset, plain.dataset)) comparison = compareBlastRadii(answer, plain);
    else if (attempt >= 3) throw new Error("The dataset was loaded again during each of three comparisons");
  }
  if (options.limit === undefined) return comparison;
  return {
    ...comparison,
    whatIf: truncateBlastRadius(comparison.whatIf, options.limit),
    plain: truncateBlastRadius(comparison.plain, options.limit),
  };
}
