import {
  changesSince,
  type DatasetStamp,
  type EarlierAnswer,
  type Scenario,
  truncateBlastRadius,
} from "../domain/index.ts";
import { compare } from "../engine/compare.ts";
import type { ImpactEngine } from "../engine/engine.ts";
import { type RankFormat, type Rendered, type ReportInput, renderRank } from "../report/render.ts";

/** What a blast-radius question asks (docs/blast-radius.md), beside the scenario itself. */
export interface ImpactRequest {
  scenario: Scenario;
  /** Put the scenario beside the plain compromise of the same organisations. */
  compare?: boolean;
  /** An earlier answer for the same scenario: the changes since it are worked out. */
  earlier?: EarlierAnswer;
  /** List at most this many affected organisations; totals and changes always cover all. */
  limit?: number;
  timeoutMs?: number;
}

/**
 * The answer to "who is affected": the blast radius (beside the plain compromise when asked), with
 * the changes since an earlier answer worked out on the whole answer, and only then the lists cut
 * to the limit. The command line and every API route that answers a blast radius call this.
 */
export async function impactAnswerOf(engine: ImpactEngine, request: ImpactRequest): Promise<ReportInput> {
  const { scenario, earlier, limit, timeoutMs } = request;
  // Changes need the whole answer: then the lists are cut afterwards, here.
  const listed = earlier ? { timeoutMs } : { limit, timeoutMs };
  const comparison = request.compare ? await compare(engine, scenario, listed) : undefined;
  const result = comparison?.whatIf ?? (await engine.blastRadius(scenario, listed));
  if (!earlier) return { result, comparison };
  const since = { changes: changesSince(earlier, result), earlier };
  if (limit === undefined) return { result, comparison, since };
  const cut = truncateBlastRadius(result, limit);
  return {
    result: cut,
    comparison: comparison && {
      ...comparison,
      whatIf: cut,
      plain: truncateBlastRadius(comparison.plain, limit),
    },
    since,
  };
}

/** Every vendor ranked by what its compromise alone would expose (the first `top`), as JSON or CSV. */
export async function rankReport(
  engine: ImpactEngine,
  top: number | undefined,
  format: RankFormat,
  confirmedOnly = false,
): Promise<Rendered> {
  return (await rankAnswer(engine, top, format, confirmedOnly)).rendered;
}

/** The same, with the load it was ranked on (the API states it in a header: a ranking has no field for it). */
export async function rankAnswer(
  engine: ImpactEngine,
  top: number | undefined,
  format: RankFormat,
  confirmedOnly = false,
): Promise<{ rendered: Rendered; dataset: DatasetStamp }> {
  const { answer, dataset } = await engine.stampedRank(top, confirmedOnly);
  return { rendered: renderRank(format, answer), dataset };
}
