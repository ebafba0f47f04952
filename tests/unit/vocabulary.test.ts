import { describe, expect, it } from "vitest";
import {
  CAUSES,
  EXPOSURE_STATUSES,
  KNOWN_KINDS,
  REPORT_DECISIONS,
  ROLES,
  TRIGGERS,
} from "../../domain/index.ts";
import { fill, LANGS, labelIn, nameIn, parseLang, WORDS, wordFor } from "../../locale/index.ts";

/**
 * The one vocabulary (locale/): every token the domain knows has a word in both languages, the
 * two tables hold the same keys, and kinds and statuses are the words DOMAIN.md's workbook
 * section lists (a register typed in Japanese reads back to the same tokens).
 */
const TERMS: [keyof (typeof WORDS)["ja"], readonly string[]][] = [
  ["kinds", KNOWN_KINDS],
  ["kindGroups", KNOWN_KINDS],
  ["statuses", EXPOSURE_STATUSES],
  ["triggers", TRIGGERS],
  ["triggerSentences", TRIGGERS],
  ["decisions", REPORT_DECISIONS],
  ["decisionSentences", REPORT_DECISIONS],
  ["roles", ROLES],
  ["roleSentences", ROLES],
  ["causes", CAUSES],
];

/** Every key path of a table, with its value. */
function leaves(value: unknown, path = ""): [string, unknown][] {
  if (typeof value !== "object" || value === null) return [[path, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe("the vocabulary", () => {
  it.each(LANGS.flatMap((lang) => TERMS.map(([table, tokens]) => [lang, table, tokens] as const)))(
    "%s: every token of %s has a word",
    (lang, table, tokens) => {
      const words = WORDS[lang][table] as Record<string, string>;
      for (const token of tokens) expect(words[token], `${lang} ${table}.${token}`).toMatch(/\S/);
      expect(Object.keys(words).sort()).toEqual([...tokens].sort());
    },
  );

  it("holds the same keys in both languages, none empty", () => {
    const ja = leaves(WORDS.ja);
    const en = leaves(WORDS.en);
    expect(en.map(([k]) => k)).toEqual(ja.map(([k]) => k));
    for (const [key, value] of [...ja, ...en]) expect(value, key).toMatch(/\S/);
  });

  it("uses the workbook's Japanese words for kinds and statuses (DOMAIN.md)", () => {
    expect(WORDS.ja.kinds).toEqual({
      prefecture: "都道府県",
      municipality: "市区町村",
      bank: "銀行",
      shinkin_bank: "信用金庫",
      insurer: "保険会社",
      health_insurance_society: "健康保険組合",
      company: "企業",
      shared_service: "共同事務センター",
      print_mail_vendor: "印刷・発送業者",
      it_vendor: "ITベンダー",
      logistics_vendor: "物流業者",
      education: "教育機関",
      association: "団体",
      aggregate: "複数組織の集計",
      other: "その他",
    });
    expect(WORDS.ja.statuses).toEqual({ confirmed: "確定", possible: "可能性あり", ruled_out: "否定" });
  });

  it("fills placeholders, keeps unknown ones, and shows an unknown token as written", () => {
    expect(fill("{n} of {total}", { n: 3, total: "5" })).toBe("3 of 5");
    expect(fill("{n} {unit}", { n: 3 })).toBe("3 {unit}");
    expect(wordFor(WORDS.ja.categories, "tax_amount")).toBe("税額");
    expect(wordFor(WORDS.en.categories, "blood_type")).toBe("blood_type");
    expect(wordFor(WORDS.en.kinds, null, "—")).toBe("—");
  });

  it("names an organisation in one language, or with the other beside it", () => {
    const tsb = { id: "tsb", name: "株式会社東海信金ビジネス", nameEn: "Tokai Shinkin Business Co., Ltd." };
    expect(nameIn("ja", tsb)).toBe("株式会社東海信金ビジネス");
    expect(nameIn("en", tsb)).toBe("Tokai Shinkin Business Co., Ltd.");
    expect(nameIn("en", { id: "x", name: "名前", nameEn: null })).toBe("名前");
    expect(labelIn("ja", tsb)).toBe("株式会社東海信金ビジネス（Tokai Shinkin Business Co., Ltd.）");
    expect(labelIn("en", tsb)).toBe("Tokai Shinkin Business Co., Ltd. (株式会社東海信金ビジネス)");
    expect(labelIn("en", { id: "x" })).toBe("x");
  });

  it("takes ja or en and refuses any other language by name", () => {
    expect([parseLang(undefined), parseLang(""), parseLang("en")]).toEqual(["ja", "ja", "en"]);
    expect(() => parseLang("fr")).toThrow('lang: "fr" is not one of ja, en');
  });
});
