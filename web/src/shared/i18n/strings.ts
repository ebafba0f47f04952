import type { KnownKind } from "../../../../domain/index.ts";
import { RESPONSE_STRINGS } from "./responseStrings.ts";

/** The explorer's two languages; the URL's `lang` chooses one. */
export type Lang = "ja" | "en";

/** Every word the explorer shows, in Japanese and English; a test checks both have every key. */
export const STRINGS = {
  ja: {
    ...RESPONSE_STRINGS.ja,
    title: "経路 Keiro — サプライチェーン影響分析",
    search: "組織を検索（日本語・英語・ID）",
    searchLabel: "組織検索",
    noResults: "該当する組織はありません",
    compromise: "侵害を想定",
    compromiseThis: "この組織の侵害を想定",
    addVendor: "侵害に追加",
    clear: "シナリオを消去",
    affected: "影響を受ける組織",
    records: "件数",
    persons: "人数",
    contracts: "委託契約",
    undisclosed: "件数非公表の契約",
    lowerBound: "≥ は下限（非公表の件数を含まない）",
    byKind: "種別ごと",
    byRegion: "地域ごと",
    reported: "公表値",
    modelled: "モデル値",
    unmodelled: "モデル外の公表（データの欠落）",
    depth: "段数",
    name: "組織",
    kind: "種別",
    region: "地域",
    whatIf: "もしも（What-if）",
    maxDepth: "最大段数",
    asOf: "基準日",
    retention: "削除期限を守っていたら",
    excludedContracts: "除外した契約",
    excludedOrgs: "除外した組織",
    exclude: "除外",
    excludeContract: "この契約を除外",
    excludeOrg: "この組織を除外",
    restore: "戻す",
    comparison: "単純な侵害との比較",
    recordsAvoided: "守られた件数",
    noLongerAffected: "影響を免れる組織",
    rank: "集中リスク",
    rankTitle: "ベンダー別：単独で侵害された場合の影響",
    graph: "グラフ",
    export: "書き出し",
    png: "画像（PNG）",
    loading: "読み込み中…",
    errorPrefix: "エラー：",
    empty: "組織を検索して「侵害を想定」を選ぶか、URL に ?vendor=ID を付けてください。",
    drawnAsGroups:
      "組織が多いため、段・種別・地域ごとの {groups} グループとして描画（グループをクリックで内訳）",
    plainContracts: "契約が {count} 件を超えるため細線で表示（太さは件数によらない）",
    group: "グループ",
    groupTier: "段 {depth}",
    groupLargest: "最大の組織",
    groupExpand: "上位 {n} 組織をグラフに描く",
    groupCollapse: "グループに戻す",
    groupCollapseNamed: "{name}をグループに戻す",
    notDrawn: "{shown} / {total} 組織を表示（残りは表にも描画にも含めず、合計は全体）",
    overviewCapped:
      "全 {total} 組織のうち接続の多い {shown} 組織と、その間の {among} 件の委託のうち記録数の多い {contracts} 件を表示",
    facts: "概要",
    outgoing: "委託先",
    incoming: "委託元",
    incidents: "インシデント",
    exposures: "公表された漏えい",
    expand: "隣接組織を展開",
    service: "業務",
    since: "開始",
    until: "終了",
    deleteBy: "削除期限",
    source: "出典",
    close: "閉じる",
    contract: "委託契約",
    legend: "凡例",
    tiers: "段ごとの合計",
    tierOrganisations: "{n} 組織",
    tierOneOrganisation: "1 組織",
    tierOrganisationsShort: "{n} 組織",
    tierOneOrganisationShort: "1 組織",
    timeline: "このチェーンの時系列",
    timelineNoDates: "このチェーンの契約にも事故にも日付がありません",
    sinceUnknown: "開始日不明",
    overdueAtIncident: "事故の発見時点で削除期限を過ぎていた",
    discovered: "発見",
    disclosed: "公表",
    compromised: "侵害",
    language: "English",
    vendorsLabel: "侵害を想定する組織",
    showMoreRows: "さらに {more} 件を表示（{shown} / {total} 件表示中）",
    carriesHeading: "受け渡すデータ",
    carriesAll: "委託元のデータすべて",
    carriesOnlyOf: "{consignor} への次の委託のデータのみ：",
    carriesOnly: "渡すのは {carried} のデータのみ",
    andMore: "ほか {n} 件の委託",
    whyAffectedHeading: "影響を受ける理由",
    whyAffected: "段数 {depth}：次の委託を経てデータが {vendor} に届く",
    whyNotAffected: "影響を受けない理由",
    notCarried: "{contractor} から先へは {carried} のデータしか渡らない",
    carriedVia: "{via} で {carried}",
    excludedContractReason: "この契約はシナリオで除外",
    excludedContractorReason: "{contractor} はシナリオで除外",
    startsAfter: "基準日 {asOf} にはまだ始まっていない（開始 {since}）",
    deletedBefore: "削除期限 {deleteBy} が基準日 {asOf} より前",
    notInForce: "基準日 {asOf} に有効でない",
    beyondMaxDepth: "{contractor} は影響を受けるが、ここでは {depth} 段目となり最大段数 {max} を超える",
    noRoute: "{contractor} から侵害された組織へ届く経路がない",
    notListed: "{contractor} は表示上限（{shown} 組織）の外：この組織も影響を受けている可能性がある",
    noOutgoing: "委託先がないため、どの経路も届かない",
    focusExcluded: "この組織はシナリオで除外",
    moreContracts: "ほか {n} 件の委託は一覧にない",
    listSeparator: "、",
    reasonSeparator: "：",
    undisclosedValue: "非公表",
    recordsUnit: "件",
    personsUnit: "人",
    andMoreOrgs: "ほか {n} 組織",
    changesHeading: "以前の回答からの変化",
    changesPick: "以前に保存した回答（JSON）を選ぶかここにドロップ：",
    changesHint: "いまの回答を残すには、上の JSON をダウンロードしておく（全件入り）",
    changesSince: "比較対象：{file}",
    changesClear: "比較をやめる",
    changesLoaded: "以前の回答のデータ読込日時：{loadedAt}",
    changesEntered: "新たに影響（{n}）",
    changesLeft: "影響がなくなった（{n}）",
    changesChanged: "数値が変わった（{n}）",
    keepAnswer: "この回答の全件（一覧は画面では省略される）。保存しておけば、のちの変化を比べられる",
    changeEntered: "新たに影響",
    changeChanged: "数値が変化",
    noLongerAffectedList: "影響を免れる組織と、その委託していた件数：",
    recordsHere: "この想定での件数",
    undisclosedNote: "（非公表の契約 {n} 件を除く）",
    undisclosedNoteTitle: "件数が公表されていない契約 {n} 件は合計に含まれていない",
    errorTitle: "表示できませんでした",
    errorScenario: "この URL のシナリオを読み込めませんでした。組織の ID や条件を確認してください。",
    errorPanel: "この部分を表示できませんでした。",
    errorRequest: "サーバーへの問い合わせに失敗しました。",
    errorDetail: "詳細：{detail}",
    retry: "もう一度",
    resizeSide: "グラフと右の欄の幅（矢印キーで調整）",
  },
  en: {
    ...RESPONSE_STRINGS.en,
    title: "Keiro 経路 — supply-chain impact explorer",
    search: "Search organisations (Japanese, English, id)",
    searchLabel: "Organisation search",
    noResults: "No organisation matches",
    compromise: "Compromise",
    compromiseThis: "Compromise this one",
    addVendor: "Add to compromise",
    clear: "Clear scenario",
    affected: "Affected organisations",
    records: "Records",
    persons: "Persons",
    contracts: "Contracts",
    undisclosed: "Contracts with undisclosed records",
    lowerBound: "≥ marks a lower bound (undisclosed counts not included)",
    byKind: "By kind",
    byRegion: "By region",
    reported: "Reported",
    modelled: "Modelled",
    unmodelled: "Reported but not modelled (gaps in the data)",
    depth: "Depth",
    name: "Organisation",
    kind: "Kind",
    region: "Region",
    whatIf: "What if",
    maxDepth: "Max depth",
    asOf: "As of",
    retention: "Enforce deletion deadlines",
    excludedContracts: "Excluded contracts",
    excludedOrgs: "Excluded organisations",
    exclude: "Exclude",
    excludeContract: "Exclude this contract",
    excludeOrg: "Exclude this organisation",
    restore: "Restore",
    comparison: "Against the plain compromise",
    recordsAvoided: "Records kept safe",
    noLongerAffected: "No longer affected",
    rank: "Concentration risk",
    rankTitle: "Vendors by what their compromise alone would expose",
    graph: "Graph",
    export: "Export",
    png: "Image (PNG)",
    loading: "Loading…",
    errorPrefix: "Error: ",
    empty: "Search for an organisation and choose Compromise, or add ?vendor=ID to the URL.",
    drawnAsGroups:
      "Too many to draw one by one: drawn as {groups} groups by tier, kind and region (click a group for its members)",
    plainContracts: "Over {count} contracts: drawn as thin lines (width not by records)",
    group: "Group",
    groupTier: "tier {depth}",
    groupLargest: "Largest members",
    groupExpand: "Draw its {n} largest organisations",
    groupCollapse: "Draw as one group again",
    groupCollapseNamed: "Draw {name} as one group again",
    notDrawn: "{shown} of {total} organisations shown (totals cover all)",
    overviewCapped:
      "The {shown} best-connected of {total} organisations shown, with the {contracts} biggest of the {among} contracts among them",
    facts: "Facts",
    outgoing: "Outsources to",
    incoming: "Clients",
    incidents: "Incidents",
    exposures: "Reported exposures",
    expand: "Expand neighbours",
    service: "Service",
    since: "Since",
    until: "Until",
    deleteBy: "Delete by",
    source: "Source",
    close: "Close",
    contract: "Contract",
    legend: "Legend",
    tiers: "Totals per tier",
    tierOrganisations: "{n} organisations",
    tierOneOrganisation: "1 organisation",
    tierOrganisationsShort: "{n} orgs",
    tierOneOrganisationShort: "1 org",
    timeline: "Timeline of this chain",
    timelineNoDates: "Neither the contracts of this chain nor its incidents have dates",
    sinceUnknown: "start unknown",
    overdueAtIncident: "past its deletion deadline when the incident was discovered",
    discovered: "discovered",
    disclosed: "disclosed",
    compromised: "Compromised",
    language: "日本語",
    vendorsLabel: "Compromised organisations",
    showMoreRows: "Show {more} more ({shown} of {total} shown)",
    carriesHeading: "Data it carries",
    carriesAll: "all of the consignor's data",
    carriesOnlyOf: "only the data of these contracts into {consignor}:",
    carriesOnly: "carries only the data of {carried}",
    andMore: "and {n} other contracts",
    whyAffectedHeading: "Why affected",
    whyAffected: "Depth {depth}: its data reaches {vendor} through these contracts",
    whyNotAffected: "Why not affected",
    notCarried: "{contractor} passes on only the data of {carried}",
    carriedVia: "{carried} (via {via})",
    excludedContractReason: "this contract is excluded in the scenario",
    excludedContractorReason: "{contractor} is excluded in the scenario",
    startsAfter: "not yet in force on {asOf} (starts {since})",
    deletedBefore: "its data was due for deletion by {deleteBy}, before {asOf}",
    notInForce: "not in force on {asOf}",
    beyondMaxDepth:
      "{contractor} is affected, but this would be depth {depth}, beyond the max depth of {max}",
    noRoute: "{contractor}'s data reaches no compromised organisation",
    notListed: "{contractor} is beyond the {shown} organisations listed: this one may be affected too",
    noOutgoing: "It entrusts data to no one, so no chain reaches it",
    focusExcluded: "This organisation is excluded in the scenario",
    moreContracts: "{n} more contracts not listed",
    listSeparator: ", ",
    reasonSeparator: ": ",
    undisclosedValue: "undisclosed",
    recordsUnit: "records",
    personsUnit: "persons",
    andMoreOrgs: "and {n} more organisations",
    changesHeading: "Changes since an earlier answer",
    changesPick: "Choose or drop an earlier answer (JSON):",
    changesHint: "To keep this answer, download its JSON above (it has every organisation)",
    changesSince: "Compared with {file}",
    changesClear: "Stop comparing",
    changesLoaded: "The earlier answer's data was loaded at {loadedAt}",
    changesEntered: "Affected now, not then ({n})",
    changesLeft: "Affected then, not now ({n})",
    changesChanged: "Figures changed ({n})",
    keepAnswer: "The whole answer (the lists on screen are cut): keep it to see later what changed",
    changeEntered: "Affected since",
    changeChanged: "Figures changed",
    noLongerAffectedList: "The organisations no longer affected, with the records they entrust:",
    recordsHere: "Records in this scenario",
    undisclosedNote: "(+ {n} undisclosed)",
    undisclosedNoteTitle: "{n} contracts with undisclosed counts are not included in this figure",
    errorTitle: "Something could not be shown",
    errorScenario: "The scenario in this URL could not be loaded. Check the organisation ids and conditions.",
    errorPanel: "This part could not be shown.",
    errorRequest: "The request to the server failed.",
    errorDetail: "Details: {detail}",
    retry: "Try again",
    resizeSide: "Width of the graph and the side panel (arrow keys resize)",
  },
} as const;

export type StringKey = keyof (typeof STRINGS)["ja"];

/** The words for the kinds of organisation the product knows; any other kind shows as written. */
export const KIND_WORDS: Record<Lang, Record<KnownKind, string>> = {
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

/** Words the data uses for an exposure's status and an incident's kind; any other as written. */
export const DATA_WORDS: Record<Lang, Record<string, string>> = {
  ja: { confirmed: "確定", possible: "可能性あり", ruled_out: "否定", ransomware: "ランサムウェア" },
  en: { confirmed: "confirmed", possible: "possible", ruled_out: "ruled out", ransomware: "ransomware" },
};

export function dataWord(lang: Lang, word: string | null | undefined): string {
  if (!word) return "";
  return DATA_WORDS[lang][word] ?? word;
}

export function kindWord(lang: Lang, kind: string | null | undefined): string {
  if (!kind) return "";
  return (KIND_WORDS[lang] as Record<string, string>)[kind] ?? kind;
}

export function translate(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  let text: string = STRINGS[lang][key];
  for (const [name, value] of Object.entries(vars)) text = text.replace(`{${name}}`, String(value));
  return text;
}

/** Numbers with thousands separators; a lower bound with ≥. */
export function formatNumber(value: number, lowerBound = false): string {
  const text = value.toLocaleString("en-US");
  return lowerBound ? `≥ ${text}` : text;
}

/** A figure split for display: the number (or the word for undisclosed) and what it leaves out. */
export interface FigureParts {
  /** "1,234", "≥ 1,234", or "undisclosed" / "非公表" when nothing of it is known. */
  value: string;
  /** "(+ 3 undisclosed)" / "（非公表 3 件を除く）" when a known part leaves undisclosed ones out. */
  note: string | null;
  /** The note in a sentence, for a tooltip. */
  title: string | null;
}

/**
 * The one way a count with undisclosed parts is written: `undisclosed` counts what is not known
 * (contracts whose records are undisclosed). Nothing known says "undisclosed" (never "≥ 0"); a
 * known part with unknowns is a lower bound with how many are left out.
 */
export function figureParts(lang: Lang, value: number, undisclosed = 0): FigureParts {
  if (undisclosed <= 0) return { value: formatNumber(value), note: null, title: null };
  if (value === 0) return { value: STRINGS[lang].undisclosedValue, note: null, title: null };
  const n = formatNumber(undisclosed);
  return {
    value: formatNumber(value, true),
    note: translate(lang, "undisclosedNote", { n }),
    title: translate(lang, "undisclosedNoteTitle", { n }),
  };
}

/** The figure as one string: "≥ 1,234 (+ 3 undisclosed)", "≥ 1,234（非公表 3 件を除く）", "非公表". */
export function formatFigure(lang: Lang, value: number, undisclosed = 0): string {
  const { value: text, note } = figureParts(lang, value, undisclosed);
  if (!note) return text;
  return lang === "ja" ? `${text}${note}` : `${text} ${note}`;
}

/** A single count that may be unknown (null): the number, or the word for undisclosed. */
export function formatCount(lang: Lang, value: number | null | undefined): string {
  return value === null || value === undefined ? STRINGS[lang].undisclosedValue : formatNumber(value);
}

/** An organisation's name in one language, for a sentence: the English name in English where known. */
export function orgName(
  lang: Lang,
  org: { id: string; name?: string | null; nameEn?: string | null },
): string {
  return (lang === "en" && org.nameEn) || org.name || org.id;
}

/** Japanese name with the English one where known (or the other way round in English). */
export function orgLabel(
  lang: Lang,
  org: { id: string; name?: string | null; nameEn?: string | null },
): string {
  if (!org.name) return org.id;
  if (!org.nameEn) return org.name;
  return lang === "ja" ? `${org.name}（${org.nameEn}）` : `${org.nameEn} (${org.name})`;
}

/**
 * A figure in few characters for a narrow place ("≥ 65.5M", "≥ 6553万", "1.2K"): rounded down, so
 * that a lower bound stays one; "undisclosed" when nothing of it is known.
 */
export function compactFigure(lang: Lang, value: number, undisclosed = 0): string {
  if (undisclosed > 0 && value === 0) return STRINGS[lang].undisclosedValue;
  const text = new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US", {
    notation: "compact",
    maximumFractionDigits: 1,
    roundingMode: "floor",
  } as Intl.NumberFormatOptions).format(value);
  return undisclosed > 0 ? `≥ ${text}` : text;
}
