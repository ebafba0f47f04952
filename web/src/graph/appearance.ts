/**
 * Colours by kind (the legend) and by depth (a blast radius), safe for colour-blind eyes: the kinds
 * in the Okabe–Ito palette (the eight hues told apart with any colour vision; related kinds share a
 * hue, lighter), a blast radius in one hue (blue, darker nearer the compromised vendor) against
 * vermilion for the compromised vendor and its chains.
 */
export const KIND_COLOURS: Record<string, string> = {
  prefecture: "#0072B2", // Okabe–Ito blue
  municipality: "#56B4E9", // sky blue
  bank: "#009E73", // bluish green
  shinkin_bank: "#66C5AB", // bluish green, lighter
  insurer: "#F0E442", // yellow
  health_insurance_society: "#C9BE2E", // yellow, darker
  company: "#CC79A7", // reddish purple
  shared_service: "#E69F00", // orange
  print_mail_vendor: "#D55E00", // vermilion
  it_vendor: "#000000", // black
  logistics_vendor: "#8C5A00", // orange, darker
  education: "#7A5195", // purple (reddish purple, darker)
  association: "#666666",
  aggregate: "#BBBBBB",
  other: "#999999",
};

export const UNKNOWN_KIND_COLOUR = "#999999";
/** Vermilion (Okabe–Ito): the one warm colour of a blast radius, against its blues. */
export const COMPROMISED_COLOUR = "#D55E00";
export const DIMMED_COLOUR = "#e4e4e4";
/** Chains drawn dark: apart from the orange of the other counted contracts by lightness, not hue alone. */
export const CHAIN_EDGE_COLOUR = "#1F1F1F";
export const COUNTED_EDGE_COLOUR = "#e6843a";
/** A possible contract (nobody has confirmed it): the counted orange, paler, and drawn dotted. */
export const POSSIBLE_EDGE_COLOUR = "#f3b88b";

/**
 * One hue, darker nearer the compromised vendor (ColorBrewer Blues): depth 1, 2, 3, then 4 and
 * beyond alike, as the legend says. Index 0 is the compromised vendor itself.
 */
const DEPTH_COLOURS = [COMPROMISED_COLOUR, "#08306B", "#2171B5", "#6BAED6", "#B7D4EA"];

export function kindColour(kind: string | null | undefined): string {
  return (kind && KIND_COLOURS[kind]) || UNKNOWN_KIND_COLOUR;
}

export function depthColour(depth: number): string {
  return DEPTH_COLOURS[Math.min(depth, DEPTH_COLOURS.length - 1)] as string;
}

/** Sized by records entrusted, on a log scale so that 1.5 million does not swallow 14. */
export function nodeSize(records: number): number {
  return 4 + 2.2 * Math.log10(1 + Math.max(0, records));
}

/** Since an earlier answer (Okabe–Ito, apart from the blue depth ramp): affected since then. */
export const ENTERED_COLOUR = "#009e73";
/** Since an earlier answer: affected both times, with other figures now. */
export const CHANGED_COLOUR = "#cc79a7";
