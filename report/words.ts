import { type BlastRadius, formatCount, type KnownKind, ParameterError } from "../domain/index.ts";

/** The languages a report is written in; Japanese unless asked otherwise (`--lang`, `?lang=`). */
export const REPORT_LANGS = ["ja", "en"] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

export function parseReportLang(text: string | undefined): ReportLang {
  if (text === undefined || text === "") return "ja";
  if (!(REPORT_LANGS as readonly string[]).includes(text))
    throw new ParameterError("lang", `lang: "${text}" is not one of ${REPORT_LANGS.join(", ")}`);
  return text as ReportLang;
}

interface Named {
  id: string;
  name?: string | null;
  nameEn?: string | null;
}

/** An organisation's name in one language: the English name in English where known. */
export function orgName(org: Named, lang: ReportLang = "ja"): string {
  return (lang === "en" && org.nameEn) || org.name || org.id;
}

/** A name as a list shows it: in the chosen language, with the other one beside it where known. */
export function displayName(org: Named, lang: ReportLang = "ja"): string {
  if (!org.name) return org.id;
  if (!org.nameEn) return org.name;
  return lang === "ja" ? `${org.name}（${org.nameEn}）` : `${org.nameEn} (${org.name})`;
}

/**
 * A count, marked as a lower bound when some of what it adds up is undisclosed; when nothing of
 * it is known, the word for undisclosed (never "≥ 0").
 */
export function countText(value: number, undisclosed: number, lang: ReportLang = "ja"): string {
  if (undisclosed > 0 && value === 0) return lang === "ja" ? "非公表" : "undisclosed";
  return formatCount(value, undisclosed > 0);
}

const KIND_WORDS: Record<ReportLang, Record<KnownKind, string>> = {
  ja: {
    prefecture: "都道府県",
    municipality: "市区町村",
    bank: "銀行",
    shinkin_bank: "信用金庫",
    insurer: "保険会社",
    health_insurance_society: "健康保険組合",
    company: "企業",
    shared_service: "共同事務センター",
    print_mail_vendor: "印刷・発送業者",
    it_vendor: "IT ベンダー",
    logistics_vendor: "物流業者",
    education: "教育機関",
    association: "団体",
    aggregate: "複数組織の集計",
    other: "その他",
  },
  en: {
    prefecture: "Prefecture",
    municipality: "Municipality",
    bank: "Bank",
    shinkin_bank: "Shinkin bank",
    insurer: "Insurer",
    health_insurance_society: "Health insurance society",
    company: "Company",
    shared_service: "Shared service",
    print_mail_vendor: "Printing and mailing",
    it_vendor: "IT vendor",
    logistics_vendor: "Logistics",
    education: "Education",
    association: "Association",
    aggregate: "Several organisations",
    other: "Other",
  },
};

/** The word for a kind of organisation (the explorer's words); a kind the product does not know, as written. */
export function kindWord(kind: string | null, lang: ReportLang): string {
  if (!kind) return "";
  return (KIND_WORDS[lang] as Record<string, string>)[kind] ?? kind;
}

const STATUS_WORDS: Record<ReportLang, Record<string, string>> = {
  ja: { confirmed: "確定", possible: "可能性あり", ruled_out: "否定" },
  en: { confirmed: "confirmed", possible: "possible", ruled_out: "ruled out" },
};

export function reportedText(
  exposure: {
    records: number | null;
    subjects: number | null;
    status: string | null;
    reportedOn: string | null;
  },
  lang: ReportLang = "ja",
): string {
  const ja = lang === "ja";
  const figures = [
    exposure.records === null ? null : `${formatCount(exposure.records)}${ja ? " 件" : " records"}`,
    exposure.subjects === null ? null : `${formatCount(exposure.subjects)}${ja ? " 人" : " persons"}`,
  ].filter(Boolean);
  const status = exposure.status
    ? (STATUS_WORDS[lang][exposure.status] ?? exposure.status)
    : ja
      ? "状況不明"
      : "status unknown";
  const when = exposure.reportedOn ? `${ja ? "、" : ", "}${exposure.reportedOn}` : "";
  const what = figures.length > 0 ? figures.join(ja ? "、" : ", ") : ja ? "件数非公表" : "count undisclosed";
  return ja ? `${what}（${status}${when}）` : `${what} (${status}${when})`;
}

/** The scenario in one sentence. */
export function scenarioInWords(result: BlastRadius, lang: ReportLang = "ja"): string {
  const s = result.scenario;
  if (lang === "ja") {
    const parts: string[] = [];
    if (s.excludedContracts.length > 0) parts.push(`契約 ${s.excludedContracts.join(", ")} を除外`);
    if (s.excludedOrganisations.length > 0) parts.push(`組織 ${s.excludedOrganisations.join(", ")} を除外`);
    if (s.asOf !== null) parts.push(`基準日 ${s.asOf}`);
    if (s.enforceRetention) parts.push("削除期限が守られていたとして");
    if (s.maxDepth !== null) parts.push(`委託 ${s.maxDepth} 段先まで`);
    const names = result.compromised.map((c) => orgName(c, lang)).join("、");
    return `${names}が侵害された場合${parts.length > 0 ? `（${parts.join("、")}）` : ""}。`;
  }
  const names = result.compromised.map((c) => displayName(c, lang)).join(" and ");
  const parts = [`Compromise of ${names}`];
  if (s.excludedContracts.length > 0)
    parts.push(
      `without contract${s.excludedContracts.length > 1 ? "s" : ""} ${s.excludedContracts.join(", ")}`,
    );
  if (s.excludedOrganisations.length > 0) parts.push(`leaving out ${s.excludedOrganisations.join(", ")}`);
  if (s.asOf !== null) parts.push(`as of ${s.asOf}`);
  if (s.enforceRetention) parts.push("with deletion deadlines enforced");
  if (s.maxDepth !== null) parts.push(`up to ${s.maxDepth} contract${s.maxDepth > 1 ? "s" : ""} away`);
  return `${parts.join(", ")}.`;
}

/** Ids along a chain, shown with names (in the chosen language) where the answer has them. */
export function chainText(path: string[], result: BlastRadius, lang: ReportLang = "ja"): string {
  const names = new Map<string, string>();
  for (const org of [...result.affected, ...result.compromised]) names.set(org.id, orgName(org, lang));
  return path.map((id) => names.get(id) ?? id).join(" → ");
}

/** "then → now" where a figure changed; the figure once where it did not. */
export function thenNow(then: string, now: string): string {
  return then === now ? now : `${then} → ${now}`;
}

const n = (value: number) => formatCount(value);
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

/** Every fixed word and sentence of an impact report, in each language. */
export interface ReportWords {
  title(names: string): string;
  subtitle(madeAt: string): string;
  scenario: string;
  lowerBounds(undisclosed: number, contracts: number): string;
  allDisclosed: string;
  figure: string;
  totals: {
    organisations: string;
    contracts: string;
    records: string;
    subjects: string;
    undisclosedContracts: string;
  };
  whatChanges: string;
  againstPlain(records: string, organisations: number, avoided: number, spared: number): string;
  undisclosedShift(count: number, dropOut: boolean): string;
  noLongerAffected: string;
  recordsPlain: string;
  byKind: string;
  byRegion: string;
  kind: string;
  region: string;
  organisations: string;
  records: string;
  unknown: string;
  chains: string;
  allDirect: string;
  depth: string;
  chain: string;
  contracts: string;
  affected: string;
  listedOf(shown: number, total: number): string;
  organisation: string;
  persons: string;
  dataCategories: string;
  reportedBeside: string;
  unmodelled(count: number, list: string): string;
  allModelled: string;
  modelledRecords: string;
  reported: string;
  sources: string;
  datasetLine(name: string | null, fingerprint: string | null, loadedAt: string | null): string;
  changesSince(loadedAt: string | null): string;
  changesSummary(
    fingerprint: string | null,
    loadedAt: string | null,
    entered: number,
    left: number,
    changed: number,
  ): string;
  thenNow: string;
  entered: string;
  left: string;
  changed: string;
  depthThen: string;
  recordsThen: string;
  undisclosed: string;
}

export const REPORT_WORDS: Record<ReportLang, ReportWords> = {
  ja: {
    title: (names) => `影響範囲：${names}`,
    subtitle: (madeAt) => `Keiro 影響分析レポート（${madeAt} 作成）`,
    scenario: "シナリオ",
    lowerBounds: (u, c) =>
      `計上した委託契約 ${n(c)} 件のうち ${n(u)} 件は件数が公表されていないため、合計は下限（≥）です。`,
    allDisclosed: "計上した委託契約はすべて件数が公表されています。",
    figure: "値",
    totals: {
      organisations: "影響を受ける組織",
      contracts: "計上した委託契約",
      records: "流出のおそれがある件数",
      subjects: "流出のおそれがある人数",
      undisclosedContracts: "件数非公表の契約",
    },
    whatChanges: "単純な侵害との違い",
    againstPlain: (records, orgs, avoided, spared) =>
      `同じ組織が単純に侵害された場合（件数 ${records}、${n(orgs)} 組織）と比べ、このシナリオでは${
        avoided > 0
          ? `既知の件数のうち ${n(avoided)} 件が攻撃者の手に渡らず`
          : avoided < 0
            ? `既知の件数が ${n(-avoided)} 件多く流出し`
            : "既知の件数は変わらず"
      }、${spared > 0 ? `${n(spared)} 組織が影響を免れます` : "影響を免れる組織はありません"}。`,
    undisclosedShift: (count, dropOut) =>
      `件数非公表の契約 ${n(count)} 件が${dropOut ? "外れる" : "加わる"}ため、実際の差はこれより大きい可能性があります。`,
    noLongerAffected: "影響を免れる組織",
    recordsPlain: "件数（単純な侵害）",
    byKind: "種別ごと",
    byRegion: "地域ごと",
    kind: "種別",
    region: "地域",
    organisations: "組織数",
    records: "件数",
    unknown: "（不明）",
    chains: "委託先を経由する経路",
    allDirect: "影響を受ける組織はすべて、侵害された組織と直接契約しています。",
    depth: "段数",
    chain: "経路",
    contracts: "委託契約",
    affected: "影響を受ける組織",
    listedOf: (shown, total) =>
      `全 ${n(total)} 組織のうち、近く件数の多い ${n(shown)} 組織を掲載しています（合計は全組織が対象）。`,
    organisation: "組織",
    persons: "人数",
    dataCategories: "データ項目",
    reportedBeside: "公表値とモデル値",
    unmodelled: (count, list) =>
      `モデルでは影響を受けない組織についての公表が ${n(count)} 件あります（データの欠落）：${list}。`,
    allModelled: "公表された漏えいはすべて、モデルが影響を受けるとする組織のものです。",
    modelledRecords: "モデルの件数",
    reported: "公表値",
    sources: "出典",
    datasetLine: (name, fingerprint, loadedAt) =>
      `データセット ${name ?? "（名称なし）"}、フィンガープリント ${fingerprint ?? "（不明）"}、読み込み ${loadedAt ?? "（不明）"}。`,
    changesSince: (loadedAt) => `${loadedAt ?? "以前の回答"} 以降の変化`,
    changesSummary: (fingerprint, loadedAt, entered, left, changed) =>
      `以前の回答（フィンガープリント ${fingerprint ?? "（不明）"}、読み込み ${loadedAt ?? "（不明）"} のデータセット）と比べ、新たに影響を受ける組織が ${n(entered)}、影響を受けなくなった組織が ${n(left)}、数値が変わった組織が ${n(changed)} あります。`,
    thenNow: "以前 → 現在",
    entered: "新たに影響を受ける組織",
    left: "影響を受けなくなった組織",
    changed: "数値が変わった組織",
    depthThen: "以前の段数",
    recordsThen: "以前の件数",
    undisclosed: "件数非公表の契約",
  },
  en: {
    title: (names) => `Blast radius: ${names}`,
    subtitle: (madeAt) => `Keiro impact report, made ${madeAt}`,
    scenario: "Scenario",
    lowerBounds: (u, c) =>
      `${n(u)} of the ${n(c)} contracts counted have undisclosed record counts: the totals are lower bounds (≥).`,
    allDisclosed: "Every contract counted has a disclosed record count.",
    figure: "figure",
    totals: {
      organisations: "Affected organisations",
      contracts: "Contracts counted",
      records: "Records exposed",
      subjects: "Persons exposed",
      undisclosedContracts: "Contracts with undisclosed records",
    },
    whatChanges: "What changes",
    againstPlain: (records, orgs, avoided, spared) =>
      `Against the plain compromise of the same organisations (${records} records, ${n(orgs)} organisations), this scenario ${
        avoided > 0
          ? `keeps ${n(avoided)} known records out of the attacker's hands`
          : avoided < 0
            ? `exposes ${n(-avoided)} more known records`
            : "changes no known records"
      } and ${spared > 0 ? `spares ${n(spared)} organisations` : "spares no organisation"}.`,
    undisclosedShift: (count, dropOut) =>
      `${n(count)} contracts with undisclosed records ${dropOut ? "drop out" : "come in"}, so the true difference may be larger.`,
    noLongerAffected: "No longer affected",
    recordsPlain: "records (plain compromise)",
    byKind: "By kind",
    byRegion: "By region",
    kind: "kind",
    region: "region",
    organisations: "organisations",
    records: "records",
    unknown: "(unknown)",
    chains: "Chains through contractors",
    allDirect: "Every affected organisation contracts with a compromised one directly.",
    depth: "depth",
    chain: "chain",
    contracts: "contracts",
    affected: "Affected organisations",
    listedOf: (shown, total) =>
      `The ${n(shown)} nearest and largest of ${n(total)} are listed; the totals cover all.`,
    organisation: "organisation",
    persons: "persons",
    dataCategories: "data categories",
    reportedBeside: "Reported beside modelled",
    unmodelled: (count, list) =>
      `${count} reported exposure(s) concern organisations the model does not find affected — gaps in the data: ${list}.`,
    allModelled: "Every reported exposure concerns an organisation the model finds affected.",
    modelledRecords: "modelled records",
    reported: "reported",
    sources: "Sources",
    datasetLine: (name, fingerprint, loadedAt) =>
      `Dataset ${name ?? "(unnamed)"}, fingerprint ${fingerprint ?? "(unknown)"}, loaded ${loadedAt ?? "(unknown)"}.`,
    changesSince: (loadedAt) => `Changes since ${loadedAt ?? "the earlier answer"}`,
    changesSummary: (fingerprint, loadedAt, entered, left, changed) =>
      `Against the earlier answer (dataset fingerprint ${fingerprint ?? "(unknown)"}, loaded ${loadedAt ?? "(unknown)"}): ${plural(entered, "organisation")} entered the blast radius, ${n(left)} left it, and ${n(changed)} stayed in it with other figures.`,
    thenNow: "then → now",
    entered: "Entered",
    left: "Left",
    changed: "Changed",
    depthThen: "depth then",
    recordsThen: "records then",
    undisclosed: "undisclosed contracts",
  },
};
