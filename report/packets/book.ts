import { earliestDate, earliestFinal, sortedByDeadline } from "../../domain/index.ts";
import { fill, fillCount } from "../../locale/index.ts";
import type { Cell, ReportDocument, Section } from "../model.ts";
import { PacketLookups } from "./lookups.ts";
import { entrustedSection, holidaysNote, obligationsSection } from "./obligations.ts";
import {
  chainSection,
  dataSection,
  reportedSection,
  sourcesSection,
  tellSection,
  whatHappened,
} from "./sections.ts";

export type { PacketFacts } from "./lookups.ts";

/**
 * The packets of a breach-response answer as documents: one per affected organisation, one per
 * compromised one, and their index (report/html.ts and markdown.ts render them). Every figure comes
 * from the answer; nothing is worked out here but days left.
 */
export class PacketBook extends PacketLookups {
  /** The ids of every packet: the compromised organisations', then the affected ones'. */
  get packetIds(): { compromised: string[]; affected: string[] } {
    const { response } = this.facts;
    return {
      compromised: response.compromised.map((c) => c.id),
      affected: response.organisations.map((o) => o.id),
    };
  }

  /** The subtitle every packet and the index share, made once. */
  private subtitleText: string | undefined;

  private get subtitle(): string {
    this.subtitleText ??= this.makeSubtitle();
    return this.subtitleText;
  }

  private makeSubtitle(): string {
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
    return { lang: this.lang, title, subtitle: this.subtitle, sections };
  }

  /** The packet of an affected organisation. */
  affectedPacket(id: string): ReportDocument {
    const org = this.affected.get(id);
    const ob = this.obligations.get(id);
    if (!org || !ob) throw new Error(`no affected organisation "${id}" in this answer`);
    const own = this.own.get(id) ?? [];
    const sources = sourcesSection(
      this,
      [...own.map((c) => c.id), ...org.chain],
      org.reported.map((r) => r.source),
    );
    const facts = this.breach.get(id);
    return this.document(fill(this.words.packet.packetTitle, { name: this.name(id) }), [
      whatHappened(this),
      chainSection(this, org),
      dataSection(this, org, ob, own),
      reportedSection(this, org),
      obligationsSection(this, ob, facts?.own?.categories ?? []),
      ...(ob.entrusted
        ? [
            entrustedSection(
              this,
              ob.kind,
              ob.entrusted,
              facts?.entrusted?.categories ?? [],
              this.authority(ob.authority),
            ),
          ]
        : []),
      tellSection(this, ob),
      sources,
    ]);
  }

  /** The packet of a compromised organisation: tell its consignors at once. */
  compromisedPacket(id: string): ReportDocument {
    const w = this.words.packet;
    const duty = this.facts.response.compromised.find((c) => c.id === id);
    if (!duty) throw new Error(`no compromised organisation "${id}" in this answer`);
    const into = this.facts.radius.contracts.filter((c) => c.contractor === id);
    const kind = this.kindOf(id);
    const aware = fill(w.awareLine, { aware: duty.aware, from: this.words.awareFrom[duty.awareFrom] });
    const entrusted = duty.entrusted
      ? [
          entrustedSection(
            this,
            kind,
            duty.entrusted,
            this.breach.get(id)?.entrusted?.categories ?? [],
            this.authority(duty.authority),
          ),
        ]
      : [];
    const tell: Section = {
      heading: w.tell,
      paragraphs: [
        aware,
        fillCount(duty.notify.length, w.tellAtOnceOne, w.tellAtOnce, { n: duty.notify.length }),
        ...holidaysNote(this, [duty.entrusted?.finalBy]),
      ],
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
            this.categories(this.detail(c.id)?.dataCategories),
          ]),
        },
      ],
    };
    const sources = sourcesSection(
      this,
      into.map((c) => c.id),
      [],
    );
    return this.document(fill(w.compromisedTitle, { name: this.name(id) }), [
      whatHappened(this),
      tell,
      ...entrusted,
      sources,
    ]);
  }

  /** Every packet, earliest date first: the compromised ones (promptly), then by 速報 and 確報. */
  index(): ReportDocument {
    const w = this.words.packet;
    const { response } = this.facts;
    const aware = (day: string, from: "recorded" | "scenario") =>
      fill(w.awareCell, { aware: day, from: this.words.awareFrom[from] });
    const rows: (string | Cell)[][] = response.compromised.map((c) => {
      // A compromised organisation's only 確報 is for the data entrusted to it.
      const final = c.entrusted?.finalBy ?? null;
      return [
        { text: this.name(c.id), packet: c.id },
        this.kind(this.kindOf(c.id)),
        w.compromisedRole,
        aware(c.aware, c.awareFrom),
        "—",
        c.entrusted ? this.words.entrustedDecisions[c.entrusted.report] : "—",
        this.authority(c.authority),
        w.tellWhen,
        final ?? "—",
        this.days(final),
        String(c.notify.length),
      ];
    });
    for (const o of sortedByDeadline(response.organisations)) {
      const final = earliestFinal(o);
      rows.push([
        { text: this.name(o.id), packet: o.id },
        this.kind(o.kind),
        this.words.roleSentences[o.role],
        aware(o.aware, o.awareFrom),
        this.words.decisionSentences[o.report],
        o.entrusted ? this.words.entrustedDecisions[o.entrusted.report] : "—",
        this.authority(o.authority),
        earliestDate(o) ?? "—",
        final ?? "—",
        this.days(final),
        String(o.notify.length),
      ]);
    }
    const intro = fill(w.indexIntro, {
      n: response.organisations.length + response.compromised.length,
      c: response.compromised.length,
    });
    const dates = response.organisations.flatMap((o) => [o.finalBy, o.entrusted?.finalBy]);
    return this.document(w.indexTitle, [
      {
        heading: w.obligations,
        paragraphs: [intro, ...holidaysNote(this, dates)],
        tables: [{ header: w.indexHeader.split("|"), rows }],
      },
    ]);
  }
}
