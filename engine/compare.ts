import {
  type Comparison,
  compareBlastRadii,
  plainCompromise,
  type Scenario,
  truncateBlastRadius,
} from "../domain/index.ts";
import type { ImpactEngine, ImpactOptions } from "./engine.ts";

/** A what-if beside the plain compromise of the same organisations, from one engine. */
export async function compare(
  engine: ImpactEngine,
  whatIf: Scenario,
  options: ImpactOptions = {},
): Promise<Comparison> {
  // The change is worked out on the whole answers; only then are the lists cut.
  const whole = { timeoutMs: options.timeoutMs };
  const comparison = compareBlastRadii(
    await engine.blastRadius(whatIf, whole),
    await engine.blastRadius(plainCompromise(whatIf.compromised), whole),
  );
  if (options.limit === undefined) return comparison;
  return {
    ...comparison,
    whatIf: truncateBlastRadius(comparison.whatIf, options.limit),
    plain: truncateBlastRadius(comparison.plain, options.limit),
  };
}
