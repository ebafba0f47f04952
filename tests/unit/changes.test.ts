import { describe, expect, it } from "vitest";
import {
  type AffectedOrganisation,
  ANSWER_FORMAT,
  type BlastRadius,
  changesSince,
  type EarlierAnswer,
  impactAnswer,
  ParameterError,
  readEarlierAnswer,
  type StatedScenario,
  scenarioDifferences,
} from "../../domain/index.ts";
import { SMALL_RADIUS } from "../helpers/fixtures.ts";

/** An answer as an analyst kept it: the JSON written by impactAnswer, read back. */
function kept(result: BlastRadius): EarlierAnswer {
  return readEarlierAnswer(JSON.parse(JSON.stringify(impactAnswer(result))), "earlier.json");
}

const [a, b, c] = SMALL_RADIUS.affected as [AffectedOrganisation, AffectedOrganisation, AffectedOrganisation];

/** The small radius later: a's records revised 100 → 120, b gone, d and m new, c as it was. */
const LATER: BlastRadius = {
  ...SMALL_RADIUS,
  dataset: { name: "hand-made", fingerprint: "f1", loadedAt: "2024-11-18T00:00:00Z" },
  affected: [
    { ...a, records: 120 },
    { ...a, id: "d", name: "D", records: 5, path: ["d", "v"] },
    { ...a, id: "m", name: "M", records: 0, undisclosed: 1, path: ["m", "v"] },
    c,
  ],
  totals: {
    organisations: 4,
    contracts: 4,
    records: 132,
    subjects: 0,
    undisclosedContracts: 1,
    undisclosedSubjectContracts: 4,
  },
};

describe("changes since an earlier answer", () => {
  it("lists who entered, who left, whose figures changed (all four, then and now) and all five totals", () => {
    expect(changesSince(kept(SMALL_RADIUS), LATER)).toEqual({
      since: { fingerprint: "f0", loadedAt: "2024-07-04T00:00:00Z" },
      entered: ["d", "m"],
      left: ["b"],
      changed: [{ id: "a", depth: [1, 1], records: [100, 120], subjects: [0, 0], undisclosed: [0, 0] }],
      totals: {
        organisations: [3, 4],
        contracts: [3, 4],
        records: [107, 132],
        subjects: [0, 0],
        undisclosedContracts: [1, 1],
      },
    });
  });

  it("finds nothing changed between an answer and itself", () => {
    expect(changesSince(kept(SMALL_RADIUS), SMALL_RADIUS)).toEqual({
      since: { fingerprint: "f0", loadedAt: "2024-07-04T00:00:00Z" },
      entered: [],
      left: [],
      changed: [],
      totals: {
        organisations: [3, 3],
        contracts: [3, 3],
        records: [107, 107],
        subjects: [0, 0],
        undisclosedContracts: [1, 1],
      },
    });
  });

  it("sorts entered, left and changed by id, whatever order the answers list them in", () => {
    const deeper = (org: AffectedOrganisation, id: string) => ({ ...org, id, depth: org.depth + 1 });
    const then = { ...SMALL_RADIUS, affected: [c, b, a], totals: { ...SMALL_RADIUS.totals } };
    const now = {
      ...SMALL_RADIUS,
      affected: [deeper(c, "c"), deeper(b, "z"), deeper(a, "a"), deeper(a, "e")],
    };
    const changes = changesSince(kept(then), { ...now, totals: { ...now.totals, organisations: 4 } });
    expect([changes.entered, changes.left, changes.changed.map((x) => x.id)]).toEqual([
      ["e", "z"],
      ["b"],
      ["a", "c"],
    ]);
    expect(changes.changed[1]).toEqual({
      id: "c",
      depth: [2, 3],
      records: [7, 7],
      subjects: [0, 0],
      undisclosed: [0, 0],
    });
  });

  it("lists an organisation whose undisclosed contracts alone changed", () => {
    const now = { ...SMALL_RADIUS, affected: [a, { ...b, undisclosed: 2 }, c] };
    expect(changesSince(kept(SMALL_RADIUS), now).changed).toEqual([
      { id: "b", depth: [1, 1], records: [0, 0], subjects: [0, 0], undisclosed: [1, 2] },
    ]);
  });
});

const SCENARIO: StatedScenario = {
  compromised: ["w", "v"],
  excludedContracts: ["k2", "k1"],
  excludedOrganisations: ["x"],
  maxDepth: 3,
  asOf: "2024-05",
  enforceRetention: true,
  confirmedOnly: false,
};

describe("the same scenario", () => {
  it("is the same whatever the order of the ids, and whether asOf names the month or its last day", () => {
    expect(
      scenarioDifferences(SCENARIO, {
        ...SCENARIO,
        compromised: ["v", "w"],
        excludedContracts: ["k1", "k2"],
        asOf: "2024-05-31",
      }),
    ).toEqual([]);
  });

  it.each<[string, Partial<StatedScenario>, string]>([
    ["compromised", { compromised: ["v"] }, "the earlier answer is for compromised v, w, this one for v"],
    [
      "excluded contracts",
      { excludedContracts: [] },
      "the earlier answer is for excluded contracts k1, k2, this one for none",
    ],
    [
      "excluded organisations",
      { excludedOrganisations: ["y"] },
      "the earlier answer is for excluded organisations x, this one for y",
    ],
    ["max depth", { maxDepth: null }, "the earlier answer is for max depth 3, this one for none"],
    [
      "as-of day",
      { asOf: "2024-06" },
      "the earlier answer is for as-of day 2024-05-31, this one for 2024-06-30",
    ],
    [
      "enforce-retention",
      { enforceRetention: false },
      "the earlier answer is for enforce-retention on, this one for off",
    ],
  ])("differs in %s with a message of its own", (_field, change, message) => {
    expect(scenarioDifferences(SCENARIO, { ...SCENARIO, ...change })).toEqual([message]);
  });

  it("names every difference at once", () => {
    const other: StatedScenario = {
      compromised: ["kantsu"],
      excludedContracts: [],
      excludedOrganisations: [],
      maxDepth: null,
      asOf: null,
      enforceRetention: false,
      confirmedOnly: false,
    };
    expect(scenarioDifferences(SCENARIO, other)).toHaveLength(6);
  });

  it("refuses changes between two scenarios, naming the difference", () => {
    const earlier = kept({
      ...SMALL_RADIUS,
      scenario: { ...SMALL_RADIUS.scenario, compromised: ["isetoh"] },
    });
    const now = { ...SMALL_RADIUS, scenario: { ...SMALL_RADIUS.scenario, compromised: ["kantsu"] } };
    expect(() => changesSince(earlier, now)).toThrow(
      new ParameterError("since", "since: the earlier answer is for compromised isetoh, this one for kantsu"),
    );
  });
});

describe("reading an earlier answer", () => {
  const answer = () => JSON.parse(JSON.stringify(impactAnswer(SMALL_RADIUS)));
  const refusal = (value: unknown) => {
    try {
      readEarlierAnswer(value, "old.json");
    } catch (error) {
      return (error as ParameterError).message;
    }
    return "read";
  };

  it("puts the format and the dataset first in every answer", () => {
    expect(Object.keys(answer()).slice(0, 3)).toEqual(["format", "dataset", "scenario"]);
    expect(answer().format).toBe(ANSWER_FORMAT);
  });

  it("reads a what-if answer by its what-if", () => {
    const whatIf = answer();
    const comparison = { format: 1, dataset: whatIf.dataset, whatIf, plain: whatIf, change: {} };
    expect(readEarlierAnswer(comparison, "old.json")).toEqual(readEarlierAnswer(whatIf, "old.json"));
  });

  it("refuses, saying why, what it cannot read", () => {
    const notAnswer =
      "since: old.json is not a Keiro impact answer (a JSON object with format, dataset, scenario, affected and totals)";
    expect(refusal([1])).toBe(`${notAnswer}: it is an array`);
    expect(refusal("text")).toBe(`${notAnswer}: it is text`);
    expect(refusal(7)).toBe(`${notAnswer}: it is a number`);
    expect(refusal({ format: 1 })).toBe(notAnswer);
    expect(refusal({ ...answer(), format: undefined })).toBe(
      "since: old.json has no format version: it was made by a Keiro older than answer format 1; compute it again with this one",
    );
    expect(refusal({ ...answer(), format: 2 })).toBe(
      "since: old.json is in answer format 2, newer than this Keiro reads (1): compare it with the Keiro that made it, or a newer one",
    );
    expect(refusal({ ...answer(), format: "1" })).toBe(
      'since: old.json has format "1", which is not an answer format version',
    );
    const broken = answer();
    broken.affected[1].records = "2,702";
    expect(refusal(broken)).toBe("since: old.json has affected[1].records that is not a whole number ≥ 0");
    const twice = answer();
    twice.affected.push(twice.affected[0]);
    expect(refusal(twice)).toBe("since: old.json has affected that lists a twice");
    expect(refusal({ ...answer(), scenario: { ...answer().scenario, asOf: "May" } })).toBe(
      'since: old.json has scenario that is not valid (as-of: "May" is not a date (YYYY-MM-DD, YYYY-MM or YYYY))',
    );
  });

  it("refuses an answer whose lists were cut: the organisations missing from it would seem to have left", () => {
    const cut = { ...answer(), affected: answer().affected.slice(0, 2), truncated: { shown: 2, total: 3 } };
    const message =
      "since: the earlier answer lists 2 of its 3 affected organisations (its lists were cut): changes need the whole answer, as npm run impact -- --format json writes it";
    expect(() => changesSince(readEarlierAnswer(cut, "old.json"), SMALL_RADIUS)).toThrow(message);
    // Cut without saying so: fewer listed than its totals count.
    const { truncated: _, ...unmarked } = cut;
    expect(() => changesSince(readEarlierAnswer(unmarked, "old.json"), SMALL_RADIUS)).toThrow(message);
  });
});
