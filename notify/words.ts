import type { Cause, ReportDecision, Role, Trigger } from "../domain/index.ts";

/**
 * The words of the packets in Japanese and English. The law's own words (速報, 確報,
 * 要配慮個人情報, 委託元への通知) are used as they are, with their English equivalents beside
 * them in English packets.
 */
export type Lang = "ja" | "en";
export const LANGS: readonly Lang[] = ["ja", "en"];

type Both = Record<Lang, string>;
const both = (ja: string, en: string): Both => ({ ja, en });

export const TRIGGER_WORDS: Record<Trigger, Both> = {
  sensitive: both("要配慮個人情報が含まれる", "Special-care information (要配慮個人情報) is included"),
  financial: both(
    "不正に利用されることにより財産的被害が生じるおそれがある",
    "Data whose misuse may cause financial loss (財産的被害のおそれ)",
  ),
  unauthorized: both(
    "不正の目的をもって行われたおそれがある行為による",
    "Caused by an act that may have been done for an unauthorized purpose (不正の目的)",
  ),
  persons: both("本人の数が{threshold}人を超える", "More than {threshold} persons (本人の数)"),
};

/** Which item of which article each trigger is: rules art. 7 for businesses, art. 43 for public bodies. */
export const TRIGGER_ITEM: Record<Trigger, number> = {
  sensitive: 1,
  financial: 2,
  unauthorized: 3,
  persons: 4,
};

export const REPORT_WORDS: Record<ReportDecision, Both> = {
  required: both("報告が必要", "Report required"),
  assess: both("要判断（本人数が非公表）", "Assess (persons undisclosed)"),
  not_required: both("報告不要（この規則で）", "No report under these rules"),
};

export const ROLE_WORDS: Record<Role, Both> = {
  intermediary: both("中間の受託者（委託元へ通知）", "Intermediary (tells its consignors)"),
  client: both("委託元", "Client"),
};

export const CAUSE_WORDS: Record<Cause, Both> = {
  unauthorized: both(
    "不正の目的をもって行われたおそれ（不正アクセス等）",
    "Unauthorized (intrusion, ransomware, theft)",
  ),
  accidental: both("過失（誤送付・紛失・設定誤り）", "Accidental (misdelivery, loss, misconfiguration)"),
};

export const STATUS_WORDS: Record<string, Both> = {
  confirmed: both("確認", "confirmed"),
  possible: both("おそれ", "possible"),
  ruled_out: both("否定", "ruled out"),
};

export const KIND_WORDS: Record<string, Both> = {
  prefecture: both("都道府県", "Prefecture"),
  municipality: both("市区町村", "Municipality"),
  bank: both("銀行", "Bank"),
  shinkin_bank: both("信用金庫", "Shinkin bank"),
  insurer: both("保険会社", "Insurer"),
  health_insurance_society: both("健康保険組合", "Health insurance society"),
  company: both("企業", "Company"),
  shared_service: both("共同事務センター", "Shared service"),
  print_mail_vendor: both("印刷・発送業者", "Printing and mailing"),
  it_vendor: both("IT ベンダー", "IT vendor"),
  logistics_vendor: both("物流業者", "Logistics"),
  education: both("教育機関", "Education"),
  association: both("団体", "Association"),
  aggregate: both("複数組織の集計", "Several organisations"),
  other: both("その他", "Other"),
};

/** Data categories as a reader knows them; a category not listed here is shown as written. */
export const CATEGORY_WORDS: Record<string, Both> = {
  name: both("氏名", "name"),
  address: both("住所", "address"),
  phone: both("電話番号", "phone number"),
  date_of_birth: both("生年月日", "date of birth"),
  sex: both("性別", "sex"),
  account_number: both("口座番号", "account number"),
  bank_account: both("口座情報", "bank account"),
  fee_account: both("会費の口座情報", "fee account"),
  fee_amount: both("会費の額", "fee amount"),
  tax_amount: both("税額", "tax amount"),
  income: both("所得", "income"),
  employer: both("勤務先", "employer"),
  vehicle_number: both("車両番号", "vehicle number"),
  member_number: both("会員番号", "member number"),
  company_name: both("会社名", "company name"),
  representative_name: both("代表者名", "representative's name"),
  school: both("学校", "school"),
  guardian_name: both("保護者名", "guardian's name"),
  enrolment_details: both("加入内容", "enrolment details"),
  statement_details: both("明細", "statement details"),
  transaction_amount: both("取引金額", "transaction amount"),
  auth_code: both("認証コード", "authentication code"),
  credit_card: both("クレジットカード番号", "credit card number"),
  banking_credentials: both("ネットバンキングの ID・パスワード", "online-banking credentials"),
  medical: both("診療情報", "medical information"),
  medical_history: both("病歴", "medical history"),
  health: both("健康情報", "health information"),
  health_check: both("健康診断の結果", "health-check results"),
  vaccination_history: both("予防接種歴", "vaccination history"),
  disability: both("障害", "disability"),
  criminal_record: both("犯罪の経歴", "criminal record"),
  crime_victim: both("犯罪により害を被った事実", "having been harmed by a crime"),
  creed: both("信条", "creed"),
  race: both("人種", "race"),
  social_status: both("社会的身分", "social status"),
  genome: both("ゲノム情報", "genome data"),
};

export const word = (words: Record<string, Both>, key: string | null, lang: Lang, unknown = "—"): string =>
  key === null ? unknown : (words[key]?.[lang] ?? key);

/** Texts of the packets and the index, by key. */
export const TEXT = {
  packetTitle: both("漏えい等への対応：{name}", "Breach response: {name}"),
  compromisedTitle: both(
    "委託元への通知：{name}（侵害された受託者）",
    "Tell your consignors: {name} (compromised contractor)",
  ),
  indexTitle: both(
    "漏えい等への対応：組織ごとの義務と期限",
    "Breach response: every organisation's duties and deadlines",
  ),
  subtitle: both(
    "想定：{scenario}。侵害の把握日 {aware}、原因：{cause}。残り日数の基準日 {today}。データセット {dataset}。",
    "Scenario: {scenario}; became known on {aware}; cause: {cause}; days counted from {today}; dataset {dataset}.",
  ),
  scenario: both("{names}の侵害", "compromise of {names}"),
  whatHappened: both("何が起きたか", "What happened"),
  noIncident: both(
    "この想定には記録された事案がありません（仮定の侵害）。把握日は --aware で与えられました。",
    "No recorded incident hit the compromised organisations (a what-if); the day it became known was given with --aware.",
  ),
  incidentHeader: both(
    "事案|侵害された組織|種類|発覚日|公表日|攻撃者",
    "Incident|Compromised|Kind|Discovered|Disclosed|Actor",
  ),
  chain: both("どの経路で", "Through which chain"),
  chainLine: both("経路：{path}", "Chain: {path}"),
  contractHeader: both(
    "契約|委託元|委託先|業務|件数|本人数|出典",
    "Contract|Consignor|Contractor|Service|Records|Persons|Source",
  ),
  data: both("記録・本人・データ項目", "Records, persons and data categories"),
  dataLine: both(
    "委託した記録：{records}。本人：{persons}。データ項目：{categories}。",
    "Records entrusted: {records}. Persons: {persons}. Data categories: {categories}.",
  ),
  ownHeader: both(
    "契約|委託先|業務|件数|本人数|データ項目|出典",
    "Contract|Contractor|Service|Records|Persons|Data categories|Source",
  ),
  reported: both("自ら公表・報告した内容", "What it reported"),
  noReport: both("この組織の公表・報告の記録はありません。", "No report by this organisation is recorded."),
  reportedHeader: both(
    "事案|件数|本人数|状態|公表日|出典",
    "Incident|Records|Persons|Status|Reported on|Source",
  ),
  obligations: both("義務と期限", "Obligations and deadlines"),
  decision: both("判断：{decision}。報告先：{authority}。", "Decision: {decision}. Report to: {authority}."),
  basisBusiness: both(
    "根拠：個人情報保護法第26条、同法施行規則第7条・第8条。",
    "Basis: APPI art. 26; Enforcement Rules art. 7 and 8.",
  ),
  basisPublic: both(
    "根拠：個人情報保護法第68条、同法施行規則第43条・第44条。",
    "Basis: APPI art. 68; Enforcement Rules art. 43 and 44.",
  ),
  triggersIntro: both(
    "報告対象となる事態（規則第{article}条）：",
    "Reportable because (rules art. {article}):",
  ),
  triggerItem: both("第{item}号 {text}", "item {item}: {text}"),
  assessLine: both(
    "本人数が非公表の契約が {n} 件あります。人数が{threshold}人を超えるか、要配慮個人情報等を含むかを確かめ、報告の要否を判断してください。期限は報告が必要な場合のものです。",
    "{n} of its contracts do not disclose the number of persons. Check whether more than {threshold} persons or special-care data are involved and decide whether to report; the deadlines below apply if a report is needed.",
  ),
  noDataLine: both(
    "この組織自身が委託した記録はありません（他者のデータを受け渡すのみ）。",
    "It entrusted no records of its own (it only passes others' data on).",
  ),
  notRequiredLine: both(
    "この規則集のもとでは報告の義務は生じません（本人 {persons} 人、基準 {threshold} 人超）。",
    "These rules oblige no report ({persons} persons; the threshold is more than {threshold}).",
  ),
  dutyHeader: both("義務|期限|残り", "Duty|Deadline|Time left"),
  preliminary: both(
    "速報（規則第{article}条第1項：速やかに）",
    "Preliminary report (速報), promptly (rules art. {article}(1))",
  ),
  final: both(
    "確報（規則第{article}条第2項：{days}日以内）",
    "Final report (確報) within {days} days (rules art. {article}(2))",
  ),
  personsNotice: both(
    "本人への通知（法第{article}条第2項）",
    "Notice to the persons (本人への通知, APPI art. {article}(2))",
  ),
  promptly: both("速やかに", "promptly"),
  atOnce: both("直ちに", "at once"),
  daysLeft: both("残り{n}日", "{n} days left"),
  dueToday: both("本日が期限", "due today"),
  overdue: both("{n}日超過", "{n} days overdue"),
  tell: both("誰に伝えるか", "Whom it must tell"),
  tellConsignors: both(
    "委託元への通知（法第26条第1項ただし書、規則第9条）：次の {n} 組織に、把握している事項を速やかに通知してください。通知すれば、その分の報告義務は委託元が負います。",
    "Notice to consignors (委託元への通知; APPI art. 26(1) proviso, rules art. 9): tell these {n} organisations promptly what is known. Once told, the duty to report their data is theirs.",
  ),
  tellAtOnce: both(
    "侵害された受託者として、委託元 {n} 組織に直ちに通知してください（委託元への通知、法第26条第1項ただし書、規則第9条）。",
    "As the compromised contractor, tell its {n} consignors at once (委託元への通知; APPI art. 26(1) proviso, rules art. 9).",
  ),
  tellAuthority: both("報告先：{authority}。", "Report to: {authority}."),
  noOneToTell: both(
    "伝えるべき委託元はありません（この組織は受託者ではありません）。",
    "No consignor to tell: it is no one's contractor in this blast radius.",
  ),
  clientHeader: both(
    "組織|種類|判断|速報期限|確報期限",
    "Organisation|Kind|Decision|Preliminary by|Final by",
  ),
  consignorHeader: both(
    "委託元|種類|契約|件数|本人数|データ項目",
    "Consignor|Kind|Contract|Records|Persons|Data categories",
  ),
  sources: both("出典", "Sources"),
  rulesLine: both(
    "規則集「{name}」（{file}）による判断支援であり、法的助言ではありません。規則の出典：",
    "A decision aid computed with the rule set “{name}” ({file}); not legal advice. Sources of the rules:",
  ),
  indexHeader: both(
    "組織|種類|役割|判断|報告先|速報期限|残り|確報期限|残り|伝える相手",
    "Organisation|Kind|Role|Decision|Report to|Preliminary by|Left|Final by|Left|Tell",
  ),
  indexIntro: both(
    "{n} 組織（侵害された組織 {c}）。期限の早い順。各組織の文書は名前から開けます。",
    "{n} organisations ({c} compromised), earliest deadline first. Each name opens its packet.",
  ),
  compromisedRole: both("侵害された受託者", "Compromised contractor"),
  undisclosed: both("非公表", "undisclosed"),
  atLeast: both("{n}{unit}以上（{u} 件の契約で非公表）", "≥ {n} {unit} ({u} contracts undisclosed)"),
  exactly: both("{n}{unit}", "{n} {unit}"),
  recordsUnit: both(" 件", "records"),
  personsUnit: both(" 人", "persons"),
  none: both("なし", "none"),
} satisfies Record<string, Both>;

/** A text of TEXT in a language with `{name}` placeholders filled in. */
export function say(
  key: keyof typeof TEXT,
  lang: Lang,
  values: Record<string, string | number> = {},
): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

/**
 * A count with its unit as a reader should take it: exact, a lower bound (some contracts do not
 * disclose it), or undisclosed when none does; never a bare zero for an unknown.
 */
export function countWords(
  value: number,
  undisclosed: number,
  total: number,
  unit: "recordsUnit" | "personsUnit",
  lang: Lang,
): string {
  const n = value.toLocaleString("en-US");
  const u = say(unit, lang);
  if (undisclosed === 0) return say("exactly", lang, { n, unit: u });
  if (undisclosed === total && value === 0) return say("undisclosed", lang);
  return say("atLeast", lang, { n, unit: u, u: undisclosed });
}

/** Days left to a deadline (negative: overdue); null when there is no deadline. */
export function daysLeftWords(days: number | null, lang: Lang): string {
  if (days === null) return "—";
  if (days === 0) return say("dueToday", lang);
  return days > 0 ? say("daysLeft", lang, { n: days }) : say("overdue", lang, { n: -days });
}
