import {
  CHANGED_COLOUR,
  COMPROMISED_COLOUR,
  depthColour,
  ENTERED_COLOUR,
  KIND_COLOURS,
} from "../graph/appearance.ts";
import { PLAIN_CONTRACTS_ABOVE } from "../graph/sigma/highlight.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { formatNumber } from "../shared/i18n/strings.ts";

/** Colours by kind (the overview) or by depth (a blast radius); says when contracts are plain lines. */
export function Legend({
  byDepth,
  changes = false,
  plainContracts = false,
}: {
  byDepth: boolean;
  changes?: boolean;
  plainContracts?: boolean;
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
      {plainContracts && (
        <li className="legend-note" data-testid="plain-contracts">
          {t("plainContracts", { count: formatNumber(PLAIN_CONTRACTS_ABOVE) })}
        </li>
      )}
    </ul>
  );
}
