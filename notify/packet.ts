import {
  type AffectedOrganisation,
  type BreachRules,
  type CountedContract,
  compareByDeadline,
  daysBetween,
  type OrganisationObligation,
} from "../domain/index.ts";
import type { ContractDetails, NotifyResult } from "./assemble.ts";
import {
  CATEGORY_WORDS,
  CAUSE_WORDS,
  countWords,
  daysLeftWords,
  KIND_WORDS,
  type Lang,
  REPORT_WORDS,
  ROLE_WORDS,
  STATUS_WORDS,
  say,
  TRIGGER_ITEM,
  TRIGGER_WORDS,
  word,
} from "./words.ts";

/**
 * The packets as documents (sections of paragraphs and tables), one per affected organisation
 * and one per compromised organisation, plus their index; render.ts turns them into HTML or
 * Markdown. Every figure comes from the answer; nothing is computed here but days left.
 */
export interface Cell {
  text: string;
  /** Links to the packet of this organisation id (render.ts makes the address). */
  packet?: string;
}
export interface PacketTable {
  header: string[];
  rows: (string | Cell)[][];
  numeric?: number[];
}
export interface PacketSection {
  heading: string;
  paragraphs: string[];
  list?: string[];
  tables: PacketTable[];
  /** Sources: a web address at the start becomes a link. */
  links?: string[];
}
export interface PacketDoc {
  lang: Lang;
  title: string;
  subtitle: string;
  sections: PacketSection[];
}

/** A packet's file name: ids may hold `:`, which some file systems refuse; `~` is no id character. */
export const packetFile = (id: string, extension: "html" | "md") => `${id.replaceAll(":", "~")}.${extension}`;

const num = (n: number | null, lang: Lang) =>
  n === null ? say("undisclosed", lang) : n.toLocaleString("en-US");
const sourcesOf = (text: string | null | undefined) =>
  (text ?? "")
    .split(" ; ")
    .map((s) => s.trim())
    .filter(Boolean);

export interface PacketOptions {
  rules: BreachRules;
  rulesFile: string;
  today: string;
  lang: Lang;
}

/** Everything packets look up, indexed once: a thousand packets cost one pass over the answer. */
export class PacketBook {
  private readonly affected = new Map<string, AffectedOrganisation>();
  private readonly obligations = new Map<string, OrganisationObligation>();
  private readonly contracts = new Map<string, CountedContract>();
  private readonly own = new Map<string, CountedContract[]>();
  private readonly names = new Map<string, { name: string; nameEn: string | null; kind: string | null }>();

  constructor(
    private readonly result: NotifyResult,
    private readonly details: Map<string, ContractDetails>,
    private readonly options: PacketOptions,
  ) {
    for (const a of result.radius.affected) this.affected.set(a.id, a);
    for (const o of result.response.organisations) this.obligations.set(o.id, o);
    for (const c of result.radius.compromised) this.names.set(c.id, c);
    for (const a of result.radius.affected) this.names.set(a.id, a);
    for (const c of result.radius.contracts) {
      this.contracts.set(c.id, c);
      const list = this.own.get(c.consignor) ?? [];
      list.push(c);
      this.own.set(c.consignor, list);
    }
  }

  private get lang(): Lang {
    return this.options.lang;
  }

  name(id: string): string {
    const n = this.names.get(id);
    if (!n) return id;
    return this.lang === "en" ? (n.nameEn ?? n.name) : n.name;
  }

  private kind(kind: string | null): string {
    return word(KIND_WORDS, kind, this.lang);
  }

  private categories(list: string[] | null | undefined): string {
    return (
      (list ?? []).map((c) => word(CATEGORY_WORDS, c, this.lang)).join(this.lang === "ja" ? "、" : ", ") ||
      "—"
    );
  }

  private days(deadline: string | null): string {
    return daysLeftWords(deadline === null ? null : daysBetween(this.options.today, deadline), this.lang);
  }

  subtitle(): string {
    const { response } = this.result;
    const names = response.compromised.map((c) => this.name(c.id)).join(this.lang === "ja" ? "、" : " and ");
    const dataset = [response.dataset.name, response.dataset.fingerprint?.slice(0, 12)]
      .filter(Boolean)
      .join(" ");
    return say("subtitle", this.lang, {
      scenario: say("scenario", this.lang, { names }),
      aware: response.aware,
      cause: CAUSE_WORDS[response.cause][this.lang],
      today: this.options.today,
      dataset: dataset || "—",
    });
  }

  private whatHappened(): PacketSection {
    const { incidents } = this.result;
    return {
      heading: say("whatHappened", this.lang),
      paragraphs: incidents.length === 0 ? [say("noIncident", this.lang)] : [],
      tables: [
        {
          header: say("incidentHeader", this.lang).split("|"),
          rows: incidents.map((i) => [
            i.id,
            this.name(i.victim),
            i.kind ?? "—",
            i.discovered ?? "—",
            i.disclosed ?? "—",
            i.actor ?? "—",
          ]),
        },
      ],
    };
  }

  private contractRow(id: string): string[] {
    const c = this.contracts.get(id);
    const d = this.details.get(id);
    return [
      id,
      c ? this.name(c.consignor) : "—",
      c ? this.name(c.contractor) : "—",
      d?.service ?? "—",
      num(c?.records ?? null, this.lang),
      num(c?.subjects ?? null, this.lang),
      sourcesOf(c?.source)[0] ?? "—",
    ];
  }

  private sourcesSection(contractIds: string[], extra: (string | null)[]): PacketSection {
    const all = new Set<string>();
    for (const id of contractIds) for (const s of sourcesOf(this.contracts.get(id)?.source)) all.add(s);
    for (const i of this.result.incidents) for (const s of sourcesOf(i.source)) all.add(s);
    for (const text of extra) for (const s of sourcesOf(text)) all.add(s);
    const { rules, rulesFile } = this.options;
    const ruleLinks = Object.values(rules.sources).map((s) => `${s.urls[0]} ${s.title}`);
    return {
      heading: say("sources", this.lang),
      paragraphs: [say("rulesLine", this.lang, { name: rules.name, file: rulesFile })],
      tables: [],
      links: [...ruleLinks, ...[...all].sort()],
    };
  }

  /** The packet of an affected organisation. */
  affectedPacket(id: string): PacketDoc {
    const lang = this.lang;
    const org = this.affected.get(id);
    const ob = this.obligations.get(id);
    if (!org || !ob) throw new Error(`no affected organisation "${id}" in this answer`);
    const own = this.own.get(id) ?? [];
    const publicBody = ob.kind !== null && this.options.rules.publicBodyKinds.includes(ob.kind);
    const threshold =
      (ob.kind !== null ? this.options.rules.personsThresholdByKind[ob.kind] : undefined) ??
      this.options.rules.defaultPersonsThreshold;
    const chain: PacketSection = {
      heading: say("chain", lang),
      paragraphs: [say("chainLine", lang, { path: org.path.map((p) => this.name(p)).join(" → ") })],
      tables: [
        {
          header: say("contractHeader", lang).split("|"),
          rows: org.chain.map((c) => this.contractRow(c)),
          numeric: [4, 5],
        },
      ],
    };
    const data: PacketSection = {
      heading: say("data", lang),
      paragraphs: [
        say("dataLine", lang, {
          records: countWords(org.records, org.undisclosed, own.length, "recordsUnit", lang),
          persons: countWords(ob.persons, ob.personsUnknown, own.length, "personsUnit", lang),
          categories: this.categories(org.dataCategories),
        }),
      ],
      tables: [
        {
          header: say("ownHeader", lang).split("|"),
          numeric: [3, 4],
          rows: own.map((c) => [
            c.id,
            this.name(c.contractor),
            this.details.get(c.id)?.service ?? "—",
            num(c.records, lang),
            num(c.subjects, lang),
            this.categories(this.details.get(c.id)?.dataCategories),
            sourcesOf(c.source)[0] ?? "—",
          ]),
        },
      ],
    };
    const reported: PacketSection = {
      heading: say("reported", lang),
      paragraphs: org.reported.length === 0 ? [say("noReport", lang)] : [],
      tables: [
        {
          header: say("reportedHeader", lang).split("|"),
          numeric: [1, 2],
          rows: org.reported.map((r) => [
            r.incident,
            num(r.records, lang),
            num(r.subjects, lang),
            word(STATUS_WORDS, r.status, lang),
            r.reportedOn ?? "—",
            sourcesOf(r.source)[0] ?? "—",
          ]),
        },
      ],
    };
    const article = publicBody ? { rules: 43, clocks: 44, act: 68 } : { rules: 7, clocks: 8, act: 26 };
    const authority = this.options.rules.authorityNames[ob.authority]?.[lang] ?? ob.authority;
    const paragraphs = [
      say("decision", lang, { decision: REPORT_WORDS[ob.report][lang], authority }),
      say(publicBody ? "basisPublic" : "basisBusiness", lang),
    ];
    let list: string[] | undefined;
    if (!ob.holdsData) paragraphs.push(say("noDataLine", lang));
    else if (ob.triggers.length > 0) {
      paragraphs.push(say("triggersIntro", lang, { article: article.rules }));
      list = ob.triggers.map((t) =>
        say("triggerItem", lang, {
          item: TRIGGER_ITEM[t],
          text: TRIGGER_WORDS[t][lang].replace("{threshold}", threshold.toLocaleString("en-US")),
        }),
      );
    } else if (ob.report === "assess")
      paragraphs.push(
        say("assessLine", lang, { n: ob.personsUnknown, threshold: threshold.toLocaleString("en-US") }),
      );
    else
      paragraphs.push(
        say("notRequiredLine", lang, {
          persons: ob.persons.toLocaleString("en-US"),
          threshold: threshold.toLocaleString("en-US"),
        }),
      );
    const finalDays = ob.finalBy === null ? 0 : daysBetween(this.result.response.aware, ob.finalBy);
    const obligations: PacketSection = {
      heading: say("obligations", lang),
      paragraphs,
      list,
      tables:
        ob.preliminaryBy === null
          ? []
          : [
              {
                header: say("dutyHeader", lang).split("|"),
                rows: [
                  [
                    say("preliminary", lang, { article: article.clocks }),
                    ob.preliminaryBy,
                    this.days(ob.preliminaryBy),
                  ],
                  [
                    say("final", lang, { article: article.clocks, days: finalDays }),
                    ob.finalBy ?? "—",
                    this.days(ob.finalBy),
                  ],
                  [say("personsNotice", lang, { article: article.act }), say("promptly", lang), "—"],
                ],
              },
            ],
    };
    const tell: PacketSection = {
      heading: say("tell", lang),
      paragraphs: [
        ...(ob.role === "intermediary"
          ? [say("tellConsignors", lang, { n: ob.notify.length })]
          : [say("noOneToTell", lang)]),
        ...(ob.report === "required" ? [say("tellAuthority", lang, { authority })] : []),
      ],
      tables: ob.notify.length === 0 ? [] : [this.clientTable(ob.notify)],
    };
    return {
      lang,
      title: say("packetTitle", lang, { name: this.name(id) }),
      subtitle: this.subtitle(),
      sections: [
        this.whatHappened(),
        chain,
        data,
        reported,
        obligations,
        tell,
        this.sourcesSection(
          [...own.map((c) => c.id), ...org.chain],
          org.reported.map((r) => r.source),
        ),
      ],
    };
  }

  private clientTable(ids: string[]): PacketTable {
    return {
      header: say("clientHeader", this.lang).split("|"),
      rows: ids.map((client) => {
        const o = this.obligations.get(client);
        return [
          { text: this.name(client), packet: client },
          this.kind(o?.kind ?? null),
          o ? REPORT_WORDS[o.report][this.lang] : "—",
          o?.preliminaryBy ?? "—",
          o?.finalBy ?? "—",
        ];
      }),
    };
  }

  /** The packet of a compromised organisation: tell its consignors at once. */
  compromisedPacket(id: string): PacketDoc {
    const lang = this.lang;
    const duty = this.result.response.compromised.find((c) => c.id === id);
    if (!duty) throw new Error(`no compromised organisation "${id}" in this answer`);
    const into = this.result.radius.contracts.filter((c) => c.contractor === id);
    return {
      lang,
      title: say("compromisedTitle", lang, { name: this.name(id) }),
      subtitle: this.subtitle(),
      sections: [
        this.whatHappened(),
        {
          heading: say("tell", lang),
          paragraphs: [say("tellAtOnce", lang, { n: duty.notify.length })],
          tables: [
            {
              header: say("consignorHeader", lang).split("|"),
              numeric: [3, 4],
              rows: into.map((c) => [
                { text: this.name(c.consignor), packet: c.consignor },
                this.kind(this.affected.get(c.consignor)?.kind ?? null),
                c.id,
                num(c.records, lang),
                num(c.subjects, lang),
                this.categories(this.details.get(c.id)?.dataCategories),
              ]),
            },
          ],
        },
        this.sourcesSection(
          into.map((c) => c.id),
          [],
        ),
      ],
    };
  }

  /** Every packet, earliest deadline first: the compromised ones (at once), then by 速報 and 確報. */
  index(): PacketDoc {
    const lang = this.lang;
    const { response } = this.result;
    const authority = (code: string) => this.options.rules.authorityNames[code]?.[lang] ?? code;
    const rows: (string | Cell)[][] = response.compromised.map((c) => [
      { text: this.name(c.id), packet: c.id },
      this.kind(this.names.get(c.id)?.kind ?? null),
      say("compromisedRole", lang),
      "—",
      "—",
      say("atOnce", lang),
      "—",
      "—",
      "—",
      String(c.notify.length),
    ]);
    for (const o of [...response.organisations].sort(compareByDeadline)) {
      rows.push([
        { text: this.name(o.id), packet: o.id },
        this.kind(o.kind),
        ROLE_WORDS[o.role][lang],
        REPORT_WORDS[o.report][lang],
        o.report === "not_required" ? "—" : authority(o.authority),
        o.preliminaryBy ?? "—",
        this.days(o.preliminaryBy),
        o.finalBy ?? "—",
        this.days(o.finalBy),
        String(o.notify.length),
      ]);
    }
    return {
      lang,
      title: say("indexTitle", lang),
      subtitle: this.subtitle(),
      sections: [
        {
          heading: say("obligations", lang),
          paragraphs: [
            say("indexIntro", lang, {
              n: response.organisations.length + response.compromised.length,
              c: response.compromised.length,
            }),
          ],
          tables: [{ header: say("indexHeader", lang).split("|"), rows }],
        },
      ],
    };
  }
}
