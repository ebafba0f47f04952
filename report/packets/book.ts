import {
  type AffectedOrganisation,
  type BlastRadius,
  type BreachResponse,
  type BreachRules,
  type ContractDetail,
  type CountedContract,
  compareByDeadline,
  daysBetween,
  type Incident,
  type OrganisationObligation,
} from "../../domain/index.ts";
import {
  countWithUnitIn,
  daysLeftIn,
  fill,
  knownCountIn,
  type Lang,
  nameIn,
  type Vocabulary,
  WORDS,
  wordFor,
} from "../../locale/index.ts";
import type { Cell, ReportDocument, Section, Table } from "../model.ts";
import { obligationsSection } from "./obligations.ts";

/** What packets are written from: the answer, and the radius, incidents and contracts of its load. */
export interface PacketFacts {
  response: BreachResponse;
  radius: BlastRadius;
  incidents: Incident[];
  /** Service and data categories of the counted contracts. */
  contracts: Map<string, ContractDetail>;
}

export interface PacketOptions {
  rules: BreachRules;
  /** The rule file as the project names it. */
  rulesFile: string;
  /** The day days left are counted from. */
  today: string;
  lang: Lang;
}

const sourcesOf = (text: string | null | undefined) =>
  (text ?? "")
    .split(" ; ")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The packets of a breach-response answer as documents: one per affected organisation, one per
 * compromised one, and their index. Everything packets look up is indexed once, so a thousand
 * packets cost one pass over the answer; every figure comes from the answer, and nothing is worked
 * out here but days left.
 */
export class PacketBook {
  readonly lang: Lang;
  readonly words: Vocabulary;
  private readonly affected = new Map<string, AffectedOrganisation>();
  private readonly obligations = new Map<string, OrganisationObligation>();
  private readonly contracts = new Map<string, CountedContract>();
  private readonly own = new Map<string, CountedContract[]>();
  private readonly names = new Map<string, { name: string; nameEn: string | null; kind: string | null }>();

  constructor(
    readonly facts: PacketFacts,
    readonly options: PacketOptions,
  ) {
    this.lang = options.lang;
    this.words = WORDS[options.lang];
    const { radius, response } = facts;
    for (const a of radius.affected) this.affected.set(a.id, a);
    for (const o of response.organisations) this.obligations.set(o.id, o);
    for (const c of radius.compromised) this.names.set(c.id, c);
    for (const a of radius.affected) this.names.set(a.id, a);
    for (const c of radius.contracts) {
      this.contracts.set(c.id, c);
      const list = this.own.get(c.consignor) ?? [];
      list.push(c);
      this.own.set(c.consignor, list);
    }
  }

  /** The ids of every packet: the compromised organisations', then the affected ones'. */
  get packetIds(): { compromised: string[]; affected: string[] } {
    const { response } = this.facts;
    return {
      compromised: response.compromised.map((c) => c.id),
      affected: response.organisations.map((o) => o.id),
    };
  }

  name(id: string): string {
    const named = this.names.get(id);
    return named ? nameIn(this.lang, { id, ...named }) : id;
  }

  kind(kind: string | null): string {
    return wordFor(this.words.kinds, kind, "—");
  }

  categories(list: string[] | null | undefined): string {
    return (
      (list ?? []).map((c) => wordFor(this.words.categories, c)).join(this.words.figures.listSeparator) || "—"
    );
  }

  count(value: number | null): string {
    return knownCountIn(this.lang, value);
  }

  /** Days left to a deadline, as a cell kept on one line. */
  days(deadline: string | null): Cell {
    return {
      text: daysLeftIn(this.lang, deadline === null ? null : daysBetween(this.options.today, deadline)),
      oneLine: true,
    };
  }

  authority(code: string): string {
    return this.options.rules.authorityNames[code]?.[this.lang] ?? code;
  }

  private subtitle(): string {
    const { response } = this.facts;
    const w = this.words.packet;
    const names = response.compromised.map((c) => this.name(c.id)).join(w.namesSeparator);
    const dataset = [response.dataset.name, response.dataset.fingerprint?.slice(0, 12)]
      .filter(Boolean)
      .join(" ");
    return fill(w.subtitle, {
      scenario: fill(w.scenario, { names }),
      aware: response.aware,
      cause: this.words.causes[response.cause],
      today: this.options.today,
      dataset: dataset || "—",
    });
  }

  private document(title: string, sections: Section[]): ReportDocument {
    return { lang: this.lang, title, subtitle: this.subtitle(), sections };
  }

  private whatHappened(): Section {
    const { incidents } = this.facts;
    const w = this.words.packet;
    return {
      heading: w.whatHappened,
      paragraphs: incidents.length === 0 ? [w.noIncident] : [],
      tables: [
        {
          header: w.incidentHeader.split("|"),
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
    return [
      id,
      c ? this.name(c.consignor) : "—",
      c ? this.name(c.contractor) : "—",
      this.facts.contracts.get(id)?.service ?? "—",
      this.count(c?.records ?? null),
      this.count(c?.subjects ?? null),
      sourcesOf(c?.source)[0] ?? "—",
    ];
  }

  private sourcesSection(contractIds: string[], extra: (string | null)[]): Section {
    const all = new Set<string>();
    for (const id of contractIds) for (const s of sourcesOf(this.contracts.get(id)?.source)) all.add(s);
    for (const i of this.facts.incidents) for (const s of sourcesOf(i.source)) all.add(s);
    for (const text of extra) for (const s of sourcesOf(text)) all.add(s);
    const { rules, rulesFile } = this.options;
    const ruleLinks = Object.values(rules.sources).map((s) => `${s.urls[0]} ${s.title}`);
    return {
      heading: this.words.packet.sources,
      paragraphs: [fill(this.words.packet.rulesLine, { name: rules.name, file: rulesFile })],
      tables: [],
      links: [...ruleLinks, ...[...all].sort()],
    };
  }

  /** The packet of an affected organisation. */
  affectedPacket(id: string): ReportDocument {
    const w = this.words.packet;
    const org = this.affected.get(id);
    const ob = this.obligations.get(id);
    if (!org || !ob) throw new Error(`no affected organisation "${id}" in this answer`);
    const own = this.own.get(id) ?? [];
    const chain: Section = {
      heading: w.chain,
      paragraphs: [fill(w.chainLine, { path: org.path.map((p) => this.name(p)).join(" → ") })],
      tables: [
        {
          header: w.contractHeader.split("|"),
          rows: org.chain.map((c) => this.contractRow(c)),
          numeric: [4, 5],
        },
      ],
    };
    const data: Section = {
      heading: w.data,
      paragraphs: [
        fill(w.dataLine, {
          records: countWithUnitIn(this.lang, org.records, org.undisclosed, own.length, "recordsUnit"),
          persons: countWithUnitIn(this.lang, ob.persons, ob.personsUnknown, own.length, "personsUnit"),
          categories: this.categories(org.dataCategories),
        }),
      ],
      tables: [
        {
          header: w.ownHeader.split("|"),
          numeric: [3, 4],
          rows: own.map((c) => [
            c.id,
            this.name(c.contractor),
            this.facts.contracts.get(c.id)?.service ?? "—",
            this.count(c.records),
            this.count(c.subjects),
            this.categories(this.facts.contracts.get(c.id)?.dataCategories),
            sourcesOf(c.source)[0] ?? "—",
          ]),
        },
      ],
    };
    const reported: Section = {
      heading: w.reported,
      paragraphs: org.reported.length === 0 ? [w.noReport] : [],
      tables: [
        {
          header: w.reportedHeader.split("|"),
          numeric: [1, 2],
          rows: org.reported.map((r) => [
            r.incident,
            this.count(r.records),
            this.count(r.subjects),
            wordFor(this.words.statuses, r.status, "—"),
            r.reportedOn ?? "—",
            sourcesOf(r.source)[0] ?? "—",
          ]),
        },
      ],
    };
    const tell: Section = {
      heading: w.tell,
      paragraphs: [
        ob.role === "intermediary" ? fill(w.tellConsignors, { n: ob.notify.length }) : w.noOneToTell,
        ...(ob.report === "required"
          ? [fill(w.tellAuthority, { authority: this.authority(ob.authority) })]
          : []),
      ],
      tables: ob.notify.length === 0 ? [] : [this.clientTable(ob.notify)],
    };
    const sources = this.sourcesSection(
      [...own.map((c) => c.id), ...org.chain],
      org.reported.map((r) => r.source),
    );
    return this.document(fill(w.packetTitle, { name: this.name(id) }), [
      this.whatHappened(),
      chain,
      data,
      reported,
      obligationsSection(this, ob),
      tell,
      sources,
    ]);
  }

  private clientTable(ids: string[]): Table {
    return {
      header: this.words.packet.clientHeader.split("|"),
      rows: ids.map((client) => {
        const o = this.obligations.get(client);
        return [
          { text: this.name(client), packet: client },
          this.kind(o?.kind ?? null),
          o ? this.words.decisionSentences[o.report] : "—",
          o?.preliminaryBy ?? "—",
          o?.finalBy ?? "—",
        ];
      }),
    };
  }

  /** The packet of a compromised organisation: tell its consignors at once. */
  compromisedPacket(id: string): ReportDocument {
    const w = this.words.packet;
    const duty = this.facts.response.compromised.find((c) => c.id === id);
    if (!duty) throw new Error(`no compromised organisation "${id}" in this answer`);
    const into = this.facts.radius.contracts.filter((c) => c.contractor === id);
    const tell: Section = {
      heading: w.tell,
      paragraphs: [fill(w.tellAtOnce, { n: duty.notify.length })],
      tables: [
        {
          header: w.consignorHeader.split("|"),
          numeric: [3, 4],
          rows: into.map((c) => [
            { text: this.name(c.consignor), packet: c.consignor },
            this.kind(this.affected.get(c.consignor)?.kind ?? null),
            c.id,
            this.count(c.records),
            this.count(c.subjects),
            this.categories(this.facts.contracts.get(c.id)?.dataCategories),
          ]),
        },
      ],
    };
    return this.document(fill(w.compromisedTitle, { name: this.name(id) }), [
      this.whatHappened(),
      tell,
      this.sourcesSection(
        into.map((c) => c.id),
        [],
      ),
    ]);
  }

  /** Every packet, earliest deadline first: the compromised ones (at once), then by 速報 and 確報. */
  index(): ReportDocument {
    const w = this.words.packet;
    const { response } = this.facts;
    const rows: (string | Cell)[][] = response.compromised.map((c) => [
      { text: this.name(c.id), packet: c.id },
      this.kind(this.names.get(c.id)?.kind ?? null),
      w.compromisedRole,
      "—",
      "—",
      w.atOnce,
      "—",
      "—",
      "—",
      String(c.notify.length),
    ]);
    for (const o of [...response.organisations].sort(compareByDeadline)) {
      rows.push([
        { text: this.name(o.id), packet: o.id },
        this.kind(o.kind),
        this.words.roleSentences[o.role],
        this.words.decisionSentences[o.report],
        o.report === "not_required" ? "—" : this.authority(o.authority),
        o.preliminaryBy ?? "—",
        this.days(o.preliminaryBy),
        o.finalBy ?? "—",
        this.days(o.finalBy),
        String(o.notify.length),
      ]);
    }
    const intro = fill(w.indexIntro, {
      n: response.organisations.length + response.compromised.length,
      c: response.compromised.length,
    });
    return this.document(w.indexTitle, [
      { heading: w.obligations, paragraphs: [intro], tables: [{ header: w.indexHeader.split("|"), rows }] },
    ]);
  }
}
