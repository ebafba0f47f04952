import {
  CHANGED_COLOUR,
  COMPROMISED_COLOUR,
  depthColour,
  ENTERED_COLOUR,
  KIND_COLOURS,
} from "../graph/appearance.ts";
import { useLanguage } from "../i18n/language.tsx";

/** Colours by kind (the overview) or by depth (a blast radius). */
export function Legend({ byDepth, changes = false }: { byDepth: boolean; changes?: boolean }) {
  const { t, kind } = useLanguage();
  const items: [string, string][] = byDepth
    ? [
        [t("compromised"), COMPROMISED_COLOUR],
        ...[1, 2, 3, 4].map((d): [string, string] => [
          `${t("depth")} ${d}${d === 4 ? "+" : ""}`,
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
    </ul>
  );
}
