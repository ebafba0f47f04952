/** An incident HIT one organisation; EXPOSED rows are what affected organisations reported. */
export const EXPOSURE_STATUSES = ["confirmed", "possible", "ruled_out"] as const;
export type ExposureStatus = (typeof EXPOSURE_STATUSES)[number];

export interface Incident {
  id: string;
  victim: string;
  kind: string | null;
  discovered: string | null;
  disclosed: string | null;
  actor: string | null;
  source: string | null;
}
