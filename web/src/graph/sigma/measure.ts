import type { LabelMetrics } from "./labels.ts";

/** Text widths in sigma's label font, each text measured once (a canvas of its own: sigma's keeps its state). */
export interface TextMeasure {
  width: (text: string) => number;
  metrics: LabelMetrics;
}

export function textMeasure(settings: {
  labelFont: string;
  labelSize: number;
  labelWeight: string;
}): TextMeasure {
  const { labelFont, labelSize, labelWeight } = settings;
  const context = document.createElement("canvas").getContext("2d");
  // No 2D canvas (never in a browser sigma draws in): a wide guess, so that names are placed apart.
  if (!context)
    return {
      width: (t) => t.length * labelSize,
      metrics: { size: labelSize, ascent: labelSize, descent: labelSize / 3 },
    };
  context.font = `${labelWeight} ${labelSize}px ${labelFont}`;
  // The font's extent over Latin and Japanese: every label's box is as tall as the tallest text.
  const sample = context.measureText(
    "ÁgЙ\u6f22\u5b57\uff08\uff09",
  ) /* tall Latin, Cyrillic and CJK glyphs with full-width brackets: escaped, since words live in locale/ */;
  const metrics = {
    size: labelSize,
    ascent: Math.ceil(Math.max(sample.fontBoundingBoxAscent || 0, sample.actualBoundingBoxAscent)),
    descent: Math.ceil(Math.max(sample.fontBoundingBoxDescent || 0, sample.actualBoundingBoxDescent)),
  };
  const widths = new Map<string, number>();
  const width = (text: string) => {
    let known = widths.get(text);
    if (known === undefined) {
      known = context.measureText(text).width;
      widths.set(text, known);
    }
    return known;
  };
  return { width, metrics };
}
