import type { AffectedOrganisation, CountedContract, OrganisationObligation } from "../../domain/index.ts";
import { countWithUnitIn, fill, fillCount, wordFor } from "../../locale/index.ts";
import { citedSources, firstSource, type Section, type Table } from "../model.ts";
import type { PacketLookups } from "./lookups.ts";

/** The sections packets are made of, each from the lookups of one answer. */

export function whatHappened(l: PacketLookups): Section {
  const { incidents } = l.facts;
  const w = l.words.packet;
  return {
    heading: w.whatHappened,
    paragraphs: incidents.length === 0 ? [w.noIncident] : [],
    tables: [
      {
        header: w.incidentHeader.split("|"),
        rows: incidents.map((i) => [
          i.id,
          l.name(i.victim),
          i.kind ?? "—",
          i.discovered ?? "—",
          i.disclosed ?? "—",
          i.actor ?? "—",
        ]),
      },
    ],
  };
}

/** The rule set's sources, then every source the packet's contracts, incidents and `extra` cite. */
export function sourcesSection(l: PacketLookups, contractIds: string[], extra: (string | null)[]): Section {
  const cited = citedSources([
    ...contractIds.map((id) => l.contracts.get(id)?.source),
    ...l.facts.incidents.map((i) => i.source),
    ...extra,
  ]);
  const { rules, rulesFile } = l.options;
  const ruleLinks = Object.values(rules.sources).map((s) => `${s.urls[0]} ${s.title}`);
  return {
    heading: l.words.packet.sources,
    paragraphs: [fill(l.words.packet.rulesLine, { name: rules.name, file: rulesFile })],
    tables: [],
    links: [...ruleLinks, ...cited],
  };
}

/** Through which chain its data reached the compromised organisation. */
export function chainSection(l: PacketLookups, org: AffectedOrganisation): Section {
  const w = l.words.packet;
  const row = (id: string) => {
    const c = l.contracts.get(id);
    return [
      id,
      c ? l.name(c.consignor) : "—",
      c ? l.name(c.contractor) : "—",
      l.detail(id)?.service ?? "—",
      l.count(c?.records ?? null),
      l.count(c?.subjects ?? null),
      firstSource(c?.source),
    ];
  };
  return {
    heading: w.chain,
    paragraphs: [fill(w.chainLine, { path: org.path.map((p) => l.name(p)).join(" → ") })],
    tables: [{ header: w.contractHeader.split("|"), rows: org.chain.map(row), numeric: [4, 5] }],
  };
}

/** Its records, persons and data categories, and the contracts it entrusted them on. */
export function dataSection(
  l: PacketLookups,
  org: AffectedOrganisation,
  ob: OrganisationObligation,
  own: CountedContract[],
): Section {
  const w = l.words.packet;
  return {
    heading: w.data,
    paragraphs: [
      fill(w.dataLine, {
        records: countWithUnitIn(l.lang, org.records, org.undisclosed, own.length, "recordsUnit"),
        persons: countWithUnitIn(l.lang, ob.persons, ob.personsUnknown, own.length, "personsUnit"),
        categories: l.categories(org.dataCategories),
      }),
    ],
    tables: [
      {
        header: w.ownHeader.split("|"),
        numeric: [3, 4],
        rows: own.map((c) => [
          c.id,
          l.name(c.contractor),
          l.detail(c.id)?.service ?? "—",
          l.count(c.records),
          l.count(c.subjects),
          l.categories(l.detail(c.id)?.dataCategories),
          firstSource(c.source),
        ]),
      },
    ],
  };
}

/** What the organisation itself reported. */
export function reportedSection(l: PacketLookups, org: AffectedOrganisation): Section {
  const w = l.words.packet;
  return {
    heading: w.reported,
    paragraphs: org.reported.length === 0 ? [w.noReport] : [],
    tables: [
      {
        header: w.reportedHeader.split("|"),
        numeric: [1, 2],
        rows: org.reported.map((r) => [
          r.incident,
          l.count(r.records),
          l.count(r.subjects),
          wordFor(l.words.statuses, r.status, "—"),
          r.reportedOn ?? "—",
          firstSource(r.source),
        ]),
      },
    ],
  };
}

/** Its consignors to tell, with their own decisions and deadlines. */
function clientTable(l: PacketLookups, ids: string[]): Table {
  return {
    header: l.words.packet.clientHeader.split("|"),
    rows: ids.map((client) => {
      const o = l.obligations.get(client);
      return [
        { text: l.name(client), packet: client },
        l.kind(o?.kind ?? null),
        o ? l.words.decisionSentences[o.report] : "—",
        o?.preliminaryBy ?? "—",
        o?.finalBy ?? "—",
      ];
    }),
  };
}

/** Whom it must tell: its consignors (an intermediary), and the authority when it must report. */
export function tellSection(l: PacketLookups, ob: OrganisationObligation): Section {
  const w = l.words.packet;
  return {
    heading: w.tell,
    paragraphs: [
      ob.role === "intermediary"
        ? fillCount(ob.notify.length, w.tellConsignorsOne, w.tellConsignors, { n: ob.notify.length })
        : w.noOneToTell,
      ...(ob.report === "required" ? [fill(w.tellAuthority, { authority: l.authority(ob.authority) })] : []),
    ],
    tables: ob.notify.length === 0 ? [] : [clientTable(l, ob.notify)],
  };
}
