import {
  type AffectedOrganisation,
  type BlastRadius,
  type BreachRadius,
  type BreachResponse,
  type BreachRules,
  type ContractDetail,
  type CountedContract,
  type DataSet,
  daysLeft,
  type Incident,
  type OrganisationObligation,
} from "../../domain/index.ts";
import {
  daysLeftIn,
  knownCountIn,
  type Lang,
  nameIn,
  type Vocabulary,
  WORDS,
  wordFor,
} from "../../locale/index.ts";
import type { Cell } from "../model.ts";

/** What packets are written from: the answer, and the radius, incidents and contracts of its load. */
export interface PacketFacts {
  response: BreachResponse;
  radius: BlastRadius;
  /** What the answer was worked out from: each organisation's own and entrusted data. */
  breach: BreachRadius;
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

/**
 * Everything packets look up, indexed once (a thousand packets cost one pass over the answer), and
 * how they write a name, a kind, categories, a count, days left and an authority in their language.
 */
export class PacketLookups {
  readonly lang: Lang;
  readonly words: Vocabulary;
  readonly affected = new Map<string, AffectedOrganisation>();
  readonly obligations = new Map<string, OrganisationObligation>();
  readonly contracts = new Map<string, CountedContract>();
  /** Each organisation's own counted contracts (it is their consignor). */
  readonly own = new Map<string, CountedContract[]>();
  /** Each affected and compromised organisation's breach facts (own and entrusted data). */
  readonly breach = new Map<string, { own?: DataSet; entrusted: DataSet | null }>();
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
    for (const o of facts.breach.affected) this.breach.set(o.id, o);
    for (const c of facts.breach.compromised) this.breach.set(c.id, c);
    for (const c of radius.contracts) {
      this.contracts.set(c.id, c);
      const list = this.own.get(c.consignor) ?? [];
      list.push(c);
      this.own.set(c.consignor, list);
    }
  }

  name(id: string): string {
    const named = this.names.get(id);
    return named ? nameIn(this.lang, { id, ...named }) : id;
  }

  kindOf(id: string): string | null {
    return this.names.get(id)?.kind ?? null;
  }

  kind(kind: string | null): string {
    return wordFor(this.words.kinds, kind, "—");
  }

  categories(list: string[] | null | undefined): string {
    const words = (list ?? []).map((c) => wordFor(this.words.categories, c));
    return words.join(this.words.figures.listSeparator) || "—";
  }

  count(value: number | null): string {
    return knownCountIn(this.lang, value);
  }

  /** Days left to a deadline (or since a passed guide), as a cell kept on one line. */
  days(deadline: string | null, guide = false): Cell {
    return {
      text: daysLeftIn(this.lang, daysLeft(this.options.today, deadline), guide),
      oneLine: true,
    };
  }

  authority(code: string): string {
    return this.options.rules.authorityNames[code]?.[this.lang] ?? code;
  }

  /** A counted contract's service and data categories. */
  detail(id: string): ContractDetail | undefined {
    return this.facts.contracts.get(id);
  }
}
