import { COMPROMISED_COLOUR, depthColour, KIND_COLOURS } from "../graph/appearance.ts";
import { translate } from "../i18n/strings.ts";
import type { Lang } from "../scenario/urlState.ts";

export function Legend({ lang, byDepth }: { lang: Lang; byDepth: boolean }) {
  const items: [string, string][] = byDepth
    ? [
        [translate(lang, "compromised"), COMPROMISED_COLOUR],
        ...[1, 2, 3, 4].map((d): [string, string] => [
          `${translate(lang, "depth")} ${d}${d === 4 ? "+" : ""}`,
          depthColour(d),
        ]),
      ]
    : Object.entries(KIND_COLOURS);
  return (
    <ul className="legend" aria-label={translate(lang, "legend")}>
      {items.map(([label, colour]) => (
        <li key={label}>
          <span className="swatch" style={{ background: colour }} />
          {label}
        </li>
      ))}
    </ul>
  );
}
