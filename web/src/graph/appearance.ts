/** Colours by kind (the legend) and by depth (a blast radius). */
export const KIND_COLOURS: Record<string, string> = {
  prefecture: "#1f77b4",
  municipality: "#4e9bd6",
  bank: "#2ca02c",
  shinkin_bank: "#7fc97f",
  insurer: "#17becf",
  company: "#9467bd",
  shared_service: "#e377c2",
  print_mail_vendor: "#d62728",
  it_vendor: "#ff7f0e",
  logistics_vendor: "#8c564b",
  education: "#bcbd22",
  association: "#7f7f7f",
  aggregate: "#c7c7c7",
  other: "#aaaaaa",
};

export const UNKNOWN_KIND_COLOUR = "#999999";
export const COMPROMISED_COLOUR = "#b30000";
export const DIMMED_COLOUR = "#e4e4e4";
export const CHAIN_EDGE_COLOUR = "#b30000";
export const COUNTED_EDGE_COLOUR = "#e6843a";

/** Nearer tiers hotter: depth 1 orange-red, fading to yellow further out. */
const DEPTH_COLOURS = ["#b30000", "#e34a33", "#fc8d59", "#fdbb84", "#fdd49e", "#fee8c8"];

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
