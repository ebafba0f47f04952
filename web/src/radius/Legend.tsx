import {
  CHANGED_COLOUR,
  COMPROMISED_COLOUR,
  COUNTED_EDGE_COLOUR,
  depthColour,
  ENTERED_COLOUR,
  KIND_COLOURS,
  POSSIBLE_EDGE_COLOUR,
} from "../graph/appearance.ts";
import { PLAIN_CONTRACTS_ABOVE } from "../graph/sigma/highlight.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { formatNumber } from "../shared/i18n/strings.ts";

/** A contract's line as the graph draws it: solid, dashed (undisclosed records) or dotted (possible). */
function LineSwatch({ colour, dash }: { colour: string; dash: string }) {
  return (
    <svg className="line-swatch" width="22" height="8" aria-hidden="true">
      <line x1="1" y1="4" x2="21" y2="4" stroke={colour} strokeWidth="2.5" strokeDasharray={dash} />
    </svg>
  );
}

/**
 * Colours by kind (the overview) or by depth (a blast radius); says when contracts are plain lines,
 * that dashed contracts hold undisclosed records, and, when the radius counts possible contracts,
 * how they and the organisations affected only through them are drawn.
 */
export function Legend({
  byDepth,
  changes = false,
  plainContracts = false,
  possibleContracts = false,
}: {
  byDepth: boolean;
  changes?: boolean;
  plainContracts?: boolean;
  /** The radius counts contracts nobody has confirmed. */
  possibleContracts?: boolean;
}) {
  const { t, kind } = useLanguage();
  const items: [string, string][] = byDepth
    ? [
        [t("compromised"), COMPROMISED_COLOUR],
        ...[1, 2, 3, 4].map((d): [string, string] => [
          t("depthN", { n: d === 4 ? `${d}+` : d }),
          depthColour(d),
        ]),
      ]
    : Object.entries(KIND_COLOURS).map(([k, colour]): [string, string] => [kind(k), colour]);
  if (byDepth && changes)
    items.push([t("changeEntered"), ENTERED_COLOUR], [t("changeChanged"), CHANGED_COLOUR]);
  return (
    <ul className="legend" aria-label={t("legend")}>
      {items.map(([label, colour]) => (
        <li key={label}>
          <span className="swatch" style={{ background: colour }} />
          {label}
        </li>
      ))}
      {byDepth && (
        <li data-testid="legend-undisclosed">
          <LineSwatch colour={COUNTED_EDGE_COLOUR} dash="5 4" />
          {t("legendUndisclosed")}
        </li>
      )}
      {byDepth && possibleContracts && (
        <>
          <li data-testid="legend-possible">
            <LineSwatch colour={POSSIBLE_EDGE_COLOUR} dash="2 5" />
            {t("legendPossible")}
          </li>
          <li data-testid="legend-only-possible">
            <span className="swatch hollow" style={{ borderColor: depthColour(2) }} />
            {t("legendOnlyPossible")}
          </li>
        </>
      )}
      {plainContracts && (
        <li className="legend-note" data-testid="plain-contracts">
          {t("plainContracts", { count: formatNumber(PLAIN_CONTRACTS_ABOVE) })}
        </li>
      )}
    </ul>
  );
}
