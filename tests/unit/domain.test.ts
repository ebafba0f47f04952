import { describe, expect, it } from "vitest";
import { formatCount, isValidId, parseCount, parsePartialDate } from "../../domain/index.ts";

describe("partial dates", () => {
  it("reads a full date as one day", () => {
    expect(parsePartialDate("2024-05-26")).toEqual({
      text: "2024-05-26",
      firstDay: "2024-05-26",
      lastDay: "2024-05-26",
    });
  });
  it("reads a month as a period from its first to its last day, leap years included", () => {
    expect(parsePartialDate("2024-02")).toEqual({
      text: "2024-02",
      firstDay: "2024-02-01",
      lastDay: "2024-02-29",
    });
    expect(parsePartialDate("2023-02")?.lastDay).toBe("2023-02-28");
    expect(parsePartialDate("2024-04")?.lastDay).toBe("2024-04-30");
  });
  it("reads a year as a period", () => {
    expect(parsePartialDate("2011")).toEqual({ text: "2011", firstDay: "2011-01-01", lastDay: "2011-12-31" });
  });
  it.each(["2024-02-30", "2024-13", "2024-00", "24-05-01", "2024/05/01", "2024-5-1", "", "0000"])(
    "refuses %j",
    (text) => {
      expect(parsePartialDate(text)).toBeUndefined();
    },
  );
});

describe("counts", () => {
  it("accepts plain and thousands-separated whole numbers", () => {
    expect(parseCount("1,035,603")).toEqual({ ok: true, value: 1035603 });
    expect(parseCount("0")).toEqual({ ok: true, value: 0 });
    expect(parseCount("2713")).toEqual({ ok: true, value: 2713 });
  });
  it.each([
    ["-1", '"-1" is not a whole number ≥ 0'],
    ["1.5", '"1.5" is not a whole number ≥ 0'],
    ["1,03,5603", '"1,03,5603" is not a whole number ≥ 0'],
    ["約20万", '"約20万" is not a whole number ≥ 0'],
    ["99999999999999999999", '"99999999999999999999" is too large'],
  ])("refuses %j", (text, problem) => {
    expect(parseCount(text)).toEqual({ ok: false, problem });
  });
  it("shows a lower bound as one", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(1234567, true)).toBe("≥ 1,234,567");
  });
});

describe("ids", () => {
  it("accepts 1–128 characters of A-Z a-z 0-9 . _ : -", () => {
    expect(isValidId("isetoh")).toBe(true);
    expect(isValidId("org:Tokai_Shinkin-1.2")).toBe(true);
    expect(isValidId("x".repeat(128))).toBe(true);
  });
  it("refuses anything else", () => {
    expect(isValidId("")).toBe(false);
    expect(isValidId("x".repeat(129))).toBe(false);
    expect(isValidId("has space")).toBe(false);
    expect(isValidId("イセトー")).toBe(false);
    expect(isValidId("a/b")).toBe(false);
  });
});
