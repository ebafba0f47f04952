import type { RegisterLang, RegisterTable, RegisterTableName } from "../domain/register.ts";

/**
 * The words of a register workbook (`npm run template`, `npm run export`): the note on each
 * header, the drop-down lists' messages, the instructions sheet and its worked example. The sheet
 * names, headers and the words for kinds, statuses and confidence are domain/register.ts's.
 */

/** A note for every column of every table: the compiler refuses a column without one. */
type ColumnNotes = { [T in RegisterTable as T["name"]]: Record<keyof T["columns"], string> };

/** A row of the worked example as typed in CSV: tokens for kinds, statuses and confidence. */
export type ExampleRow = Readonly<Record<string, string>>;

interface ListWords {
  title: string;
  prompt: string;
  error: string;
}

export interface RegisterWords {
  notes: ColumnNotes;
  /** The drop-down lists of the columns that take a word from a closed (or, for kind, open) list. */
  lists: { kind: ListWords; status: ListWords; confidence: ListWords };
  instructionsSheet: string;
  title: string;
  steps: readonly string[];
  exampleHeading: string;
  /** Above each table of the example; `{sheet}` is the sheet's name. */
  exampleSheet: string;
  example: Record<RegisterTableName, readonly ExampleRow[]>;
}

/** The worked example: a city → a shared service centre → a printer → its sub-contractor. */
function example(say: (ja: string, en: string) => string): Record<RegisterTableName, ExampleRow[]> {
  const source = say("記入例（架空）", "worked example (fictional)");
  return {
    organisations: [
      {
        id: "sakuradai-city",
        name: "さくら台市",
        name_en: "Sakuradai City",
        kind: "municipality",
        sector: say("地方公共団体", "local government"),
        region: say("神奈川県", "Kanagawa"),
        source,
      },
      {
        id: "kyodo-jimu-center",
        name: "共同事務センター株式会社",
        name_en: "Kyodo Jimu Center Co., Ltd.",
        kind: "shared_service",
        sector: say("自治体の共同事務", "shared services for municipalities"),
        region: say("東京都", "Tokyo"),
        source,
      },
      {
        id: "minato-insatsu",
        name: "株式会社みなと印刷",
        name_en: "Minato Insatsu Co., Ltd.",
        kind: "print_mail_vendor",
        sector: say("印刷・発送", "printing and mailing"),
        region: say("神奈川県", "Kanagawa"),
        source,
      },
      {
        id: "aozora-fuunyu",
        name: "有限会社あおぞら封入",
        name_en: "Aozora Fuunyu Ltd.",
        kind: "company",
        sector: say("封入・封かん", "enclosing and sealing"),
        region: say("神奈川県", "Kanagawa"),
        source,
      },
    ],
    contracts: [
      {
        id: "c-city-center",
        consignor: "sakuradai-city",
        contractor: "kyodo-jimu-center",
        service: say("住民税の通知書の作成", "resident tax notices"),
        records: "48,000",
        subjects: "45,000",
        data_categories: "name;address;tax_amount",
        since: "2021-04",
        delete_by: "2024-03-31",
        source: say("委託契約書（2021年4月）", "contract of April 2021"),
      },
      {
        id: "c-center-minato",
        consignor: "kyodo-jimu-center",
        contractor: "minato-insatsu",
        service: say("通知書の印刷・発送", "printing and mailing the notices"),
        records: "0",
        data_categories: "name;address;tax_amount",
        since: "2021-06",
        delete_by: "2024-03-31",
        carries: "c-city-center",
        source: say("センターの再委託承認申請", "the centre's request to sub-contract"),
      },
      {
        id: "c-minato-aozora",
        consignor: "minato-insatsu",
        contractor: "aozora-fuunyu",
        service: say("封入・封かん", "enclosing and sealing"),
        records: "0",
        data_categories: "name;address",
        since: "2023",
        until: "2023",
        delete_by: "2023-12",
        carries: "c-center-minato",
        confidence: "possible",
        source: say("印刷会社の口頭の説明", "the printer's account, by word of mouth"),
      },
    ],
    incidents: [
      {
        id: "example-2024",
        victim: "minato-insatsu",
        kind: "ransomware",
        discovered: "2024-05",
        disclosed: "2024-06-03",
        source,
      },
    ],
    exposures: [
      {
        incident: "example-2024",
        organisation: "sakuradai-city",
        records: "48,000",
        subjects: "45,000",
        data_categories: "name;address;tax_amount",
        status: "possible",
        reported_on: "2024-06-10",
        learned_on: "2024-06-05",
        source: say("さくら台市のお知らせ", "the city's notice"),
      },
    ],
  };
}

const ja: RegisterWords = {
  notes: {
    organisations: {
      id: "組織ID（必須）: 組織を指すID。半角英数字と . _ : - で1〜128文字、このシートの中で一つだけ。ほかのシートはこのIDで組織を指します。",
      name: "名称（必須）: 組織の名称。",
      name_en: "英語名: 英語の名称（任意）。",
      kind: "種別: 一覧から選びます。一覧にない種別は半角英小文字の語（例: hospital）で書けます。",
      sector: "業種: 自由記述。",
      region: "地域: 所在地（例: 都道府県）。自由記述。",
      source: "出典: 事実の出典（URL、文書名など）。",
    },
    contracts: {
      id: "委託ID（必須）: 委託（契約）のID。組織IDと同じ書き方で、このシートの中で一つだけ。",
      consignor: "委託元（必須）: データを預ける組織の組織ID。",
      contractor:
        "委託先（必須）: データを預かる組織の組織ID。再委託は、元の委託の委託先を委託元とする行です。",
      service: "委託業務: 委託の内容（例: 通知書の印刷・発送）。",
      records:
        "件数: 委託元が自ら管理し、この委託で渡す件数（0以上の整数）。ほかの組織のデータを渡すだけの再委託は 0。空欄は非公表（不明）で、0 ではありません。",
      subjects: "人数: その件数が対象とする本人の人数（0以上の整数）。空欄は不明。",
      data_categories: "項目: 渡すデータの項目を ; で区切って（例: name;address;tax_amount）。",
      since: "開始日: 2024-05-01、2024-05（月）、2024（年）のいずれかを文字列で。月・年はその初日から。",
      until: "終了日: 開始日と同じ書き方。月・年はその末日まで。空欄は続いている委託。",
      delete_by: "削除期限: データを削除すべき期限。開始日と同じ書き方で、月・年はその末日。",
      carries:
        "再委託範囲: 再委託で渡すのがどの委託のデータか。この行の委託元に入る委託の委託IDを ; で区切って。空欄は委託元が受け取ったデータのすべて。",
      confidence: "確度: 一覧から。未確認は弱い出典や推定による委託。空欄は確認済みと同じ。",
      source: "出典: 事実の出典（URL、文書名など）。",
    },
    incidents: {
      id: "事案ID（必須）: 事案のID。組織IDと同じ書き方で、このシートの中で一つだけ。",
      victim: "被害組織（必須）: 被害を受けた組織の組織ID。",
      kind: "種類: 自由記述（例: ransomware）。",
      discovered: "発覚日: 2024-05-26、2024-05、2024 のいずれかを文字列で。月・年はその末日。",
      disclosed: "公表日: 発覚日と同じ書き方。",
      actor: "攻撃者: 例: 8Base。",
      source: "出典: 事実の出典（URL、文書名など）。",
    },
    exposures: {
      incident: "事案ID（必須）: 「事案」シートの事案ID。",
      organisation: "組織ID（必須）: 報告した組織の組織ID。",
      records: "件数: 報告された件数（0以上の整数）。空欄は非公表。",
      subjects: "人数: 報告された人数（0以上の整数）。",
      gross_records: "延べ件数: 延べの件数が別に示されたときに。",
      data_categories: "項目: 漏えいした（おそれのある）項目を ; で区切って。",
      status: "状況: 一覧から（確定、可能性あり、否定）。",
      reported_on:
        "報告日: 報告の日付を文字列で。同じ事案・同じ組織の報告が複数あるときは報告日で区別します。",
      learned_on:
        "把握日: 組織が漏えい（のおそれ）を初めて知った日。2024-06-05 のように日まで書きます（月・年は不可）。",
      source: "出典: 報告の出典。",
    },
  },
  lists: {
    kind: {
      title: "種別",
      prompt: "一覧から選びます。ほかの種別は半角英小文字の語で。",
      error: "一覧にない種別です。半角英小文字の語なら、そのまま読み込めます。",
    },
    status: {
      title: "状況",
      prompt: "確定・可能性あり・否定から選びます。",
      error: "一覧から選んでください。",
    },
    confidence: { title: "確度", prompt: "空欄は確認済みと同じです。", error: "一覧から選んでください。" },
  },
  instructionsSheet: "説明",
  title: "委託先管理台帳（Keiro の読み込み用）",
  steps: [
    "シートは4つ: 組織、委託、事案（任意）、漏えい（任意）。1行目が見出しで、見出しのセルのメモに各列の説明があります。",
    "1行に1件。組織を先に書き、委託では委託元・委託先を組織IDで指します。再委託は、委託先を委託元とする行です。",
    "日付の列は文字列の書式です。2024-05（月）や 2024（年）は期間としてそのまま残ります。",
    "件数の空欄は非公表（不明）で、0 ではありません。ほかの組織のデータを渡すだけの再委託は 0 です。",
    "種別・確度・状況は一覧から選びます。",
    "書き終えたら: npm run ingest -- このファイル.xlsx --dry-run で確かめ、--dry-run なしで読み込みます。",
  ],
  exampleHeading:
    "記入例: 市 → 共同事務センター → 印刷会社 → 封入の再委託先（3つの委託）。それぞれの見出しの下の行を、同じ名前のシートの2行目から写せば、そのまま読み込めます。",
  exampleSheet: "シート「{sheet}」",
  example: example((word) => word),
};

const en: RegisterWords = {
  notes: {
    organisations: {
      id: "id (required): the organisation's id, 1–128 characters of A-Z a-z 0-9 . _ : -, once in this sheet. The other sheets name organisations by it.",
      name: "name (required): the organisation's name (usually Japanese).",
      name_en: "name_en: its English name.",
      kind: "kind: choose from the list. Another kind may be written as a lowercase word (e.g. hospital).",
      sector: "sector: free text.",
      region: "region: where it is (e.g. a prefecture); free text.",
      source: "source: where the facts come from (a URL, a document).",
    },
    contracts: {
      id: "id (required): the contract's id, written as an organisation's, once in this sheet.",
      consignor: "consignor (required): the id of the organisation that entrusts the data.",
      contractor:
        "contractor (required): the id of the organisation that receives it. A sub-contract is a row whose consignor is another contract's contractor.",
      service: "service: what the contractor does (e.g. printing and mailing notices).",
      records:
        "records: records the consignor itself controls and hands over on this contract, a whole number ≥ 0. A sub-contract that only passes others' data on has 0. Empty means undisclosed, never zero.",
      subjects: "subjects: persons those records concern, a whole number ≥ 0. Empty: unknown.",
      data_categories: "data_categories: the kinds of data, separated by ; (e.g. name;address;tax_amount).",
      since:
        "since: 2024-05-01, 2024-05 (a month) or 2024 (a year), typed as text. A period starts on its first day.",
      until: "until: written as since. A period ends on its last day. Empty: still running.",
      delete_by:
        "delete_by: when the data should have been deleted; written as since, a period by its last day.",
      carries:
        "carries: for a sub-contract, whose data it passes on: the ids of contracts into this row's consignor, separated by ;. Empty: everything the consignor received.",
      confidence:
        "confidence: choose from the list. possible: a contract a weak source reports, or inferred. Empty is confirmed.",
      source: "source: where the facts come from (a URL, a document).",
    },
    incidents: {
      id: "id (required): the incident's id, written as an organisation's, once in this sheet.",
      victim: "victim (required): the id of the organisation it hit.",
      kind: "kind: free text (e.g. ransomware).",
      discovered: "discovered: 2024-05-26, 2024-05 or 2024, typed as text; a period by its last day.",
      disclosed: "disclosed: written as discovered.",
      actor: "actor: who did it (e.g. 8Base).",
      source: "source: where the facts come from (a URL, a document).",
    },
    exposures: {
      incident: "incident (required): an id of the incidents sheet.",
      organisation: "organisation (required): the id of the organisation that reported.",
      records: "records: records it reported, a whole number ≥ 0. Empty: undisclosed.",
      subjects: "subjects: persons it reported, a whole number ≥ 0.",
      gross_records: "gross_records: a gross figure, when one was given as well.",
      data_categories: "data_categories: the kinds of data leaked (or that may have), separated by ;.",
      status: "status: choose from the list (confirmed, possible, ruled_out).",
      reported_on:
        "reported_on: the date of the report, typed as text. Several reports of one organisation on one incident are told apart by it.",
      learned_on:
        "learned_on: the first day the organisation learned its data had, or may have, leaked: a full date such as 2024-06-05 (not a month or a year).",
      source: "source: where the figure comes from.",
    },
  },
  lists: {
    kind: {
      title: "kind",
      prompt: "Choose from the list, or write another kind as a lowercase word.",
      error: "Not a listed kind. A lowercase word (a-z, 0-9, _) loads as it is.",
    },
    status: { title: "status", prompt: "confirmed, possible or ruled_out.", error: "Choose from the list." },
    confidence: { title: "confidence", prompt: "Empty is confirmed.", error: "Choose from the list." },
  },
  instructionsSheet: "instructions",
  title: "Register of contractors (委託先管理台帳) for Keiro",
  steps: [
    "Four sheets: organisations, outsourcing, incidents (optional), exposures (optional). Row 1 holds the headers; each header's note says what its column holds.",
    "One row each. Write the organisations first; a contract names its consignor and contractor by their ids. A sub-contract is a row whose consignor is the contractor of another.",
    "The date columns are formatted as text: 2024-05 (a month) and 2024 (a year) stay periods as typed.",
    "An empty count is undisclosed, never zero. A sub-contract that only passes others' data on has 0 records.",
    "Choose kind, confidence and status from the lists.",
    "When done: npm run ingest -- THIS-FILE.xlsx --dry-run to check it, then without --dry-run to load it.",
  ],
  exampleHeading:
    "Worked example: a city → a shared service centre → a printer → its enclosing sub-contractor (three contracts). Copy the rows under each header to the sheet of the same name, from row 2: they load as they are.",
  exampleSheet: "sheet {sheet}",
  example: example((_ja, english) => english),
};

/** The register's words in each language. */
export const REGISTER_WORDS: Record<RegisterLang, RegisterWords> = { ja, en };
