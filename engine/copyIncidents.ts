import {
  byCodeUnits,
  byDayNullsLast,
  type Incident,
  type LearnedDay,
  type ReportedExposure,
} from "../domain/index.ts";
import type { CopiedExposure } from "./copyData.ts";

/**
 * What the in-memory copy holds of incidents: each incident with the organisation it hit, and what
 * the affected organisations reported about it, by victim. An answer from a copy of an earlier
 * load reads these from the copy, never from the live graph, which may be another load.
 */
export class CopyIncidents {
  private readonly exposuresByVictim = new Map<string, CopiedExposure[]>();
  private readonly incidentsByVictim = new Map<string, Incident[]>();

  constructor(exposures: CopiedExposure[], incidents: Incident[]) {
    for (const exposure of exposures) pushTo(this.exposuresByVictim, exposure.victim, exposure);
    for (const incident of incidents) pushTo(this.incidentsByVictim, incident.victim, incident);
  }

  /**
   * The incidents that hit the compromised organisations, in the order
   * cypher/blast-radius/incidents.cypher gives (id, then victim).
   */
  hitting(compromised: string[]): Incident[] {
    return [...new Set(compromised)]
      .flatMap((id) => this.incidentsByVictim.get(id) ?? [])
      .sort((a, b) => byCodeUnits(a.id, b.id) || byCodeUnits(a.victim, b.victim));
  }

  /**
   * Step 7's input: what was reported about the incidents that hit a compromised organisation,
   * in the order cypher/blast-radius/reported.cypher gives (organisation, day reported with
   * undated last, incident).
   */
  reported(compromised: string[]): ReportedExposure[] {
    const rows = [...new Set(compromised)].flatMap((id) => this.exposuresByVictim.get(id) ?? []);
    rows.sort(
      (a, b) =>
        byCodeUnits(a.organisation, b.organisation) ||
        byDayNullsLast(a.reportedOn, b.reportedOn) ||
        byCodeUnits(a.incident, b.incident),
    );
    return rows.map(({ victim: _victim, learnedOn: _learned, ...exposure }) => exposure);
  }

  /**
   * The days organisations recorded they learned of an incident that hit a compromised
   * organisation, in the order cypher/blast-radius/learned.cypher gives (incident, organisation).
   */
  learned(compromised: string[]): LearnedDay[] {
    const days = new Map<string, LearnedDay>();
    for (const id of new Set(compromised))
      for (const e of this.exposuresByVictim.get(id) ?? [])
        if (e.learnedOn) {
          // Of several rows for one incident and organisation (revisions), the earliest day.
          const key = `${e.incident}\u0000${e.organisation}`;
          const known = days.get(key);
          if (!known || e.learnedOn < known.learnedOn)
            days.set(key, { incident: e.incident, organisation: e.organisation, learnedOn: e.learnedOn });
        }
    return [...days.values()].sort(
      (a, b) => byCodeUnits(a.incident, b.incident) || byCodeUnits(a.organisation, b.organisation),
    );
  }
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
