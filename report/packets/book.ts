import { compareByDeadline } from "../../domain/index.ts";
import { fill } from "../../locale/index.ts";
import type { Cell, ReportDocument, Section } from "../model.ts";
import { PacketLookups } from "./lookups.ts";
import { obligationsSection } from "./obligations.ts";
import {
  chainSection,
  dataSection,
  reportedSection,
  sourcesSection,
  tellSection,
  whatHappened,
} from "./sections.ts";

export type { PacketFacts, PacketOptions } from "./lookups.ts";

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
    return this.document(fill(this.words.packet.packetTitle, { name: this.name(id) }), [
      whatHappened(this),
      chainSection(this, org),
      dataSection(this, org, ob, own),
      reportedSection(this, org),
      obligationsSection(this, ob),
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
      sources,
    ]);
  }

  /** Every packet, earliest deadline first: the compromised ones (at once), then by 速報 and 確報. */
  index(): ReportDocument {
    const w = this.words.packet;
    const { response } = this.facts;
    const rows: (string | Cell)[][] = response.compromised.map((c) => [
      { text: this.name(c.id), packet: c.id },
      this.kind(this.kindOf(c.id)),
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
