import type { AffectedGroup } from "../../../domain/index.ts";
import { groupFigures, groupTitle } from "../graph/groups.ts";
import { EXPANDED_MEMBERS } from "../graph/useExploreData.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { formatNumber } from "../shared/i18n/strings.ts";

/**
 * One group of a radius drawn grouped (a tier's organisations of one kind and region): its figures
 * and its largest members, each of which can be focused (its own panel and chain), and a button
 * that draws its largest organisations one by one in its place (and back).
 */
export function GroupPanel({
  depth,
  group,
  rest = 0,
  expanded = false,
  onExpand,
  onPick,
  onClose,
}: {
  depth: number;
  group: AffectedGroup;
  /** How many of the answer's groups it stands for when it is a tier's rest; else 0. */
  rest?: number;
  /** Whether its largest organisations are drawn one by one now. */
  expanded?: boolean;
  /** Draws its largest organisations one by one (true) or the group again (false); absent: cannot. */
  onExpand?: (expand: boolean) => void;
  onPick: (id: string) => void;
  onClose: () => void;
}) {
  const { t, lang, orgLabel, figure, kind } = useLanguage();
  return (
    <aside
      className="panel"
      data-testid="group-panel"
      aria-label={`${t("group")} ${groupTitle(lang, group, rest)}`}
    >
      <header>
        <h2>{groupTitle(lang, group, rest)}</h2>
        <button type="button" onClick={onClose} aria-label={t("close")}>
          ×
        </button>
      </header>
      <p data-testid="group-figures">
        {t("groupTier", { depth })} · {groupFigures(lang, group)}
      </p>
      <dl>
        <div>
          <dt>{t("affected")}</dt>
          <dd>{formatNumber(group.organisations)}</dd>
        </div>
        <div>
          <dt>{t("records")}</dt>
          <dd>{figure(group.records, group.undisclosed)}</dd>
        </div>
      </dl>
      {onExpand && (
        <p>
          <button type="button" data-testid="group-expand" onClick={() => onExpand(!expanded)}>
            {expanded
              ? t("groupCollapse")
              : t("groupExpand", {
                  n: formatNumber(Math.min(EXPANDED_MEMBERS, group.organisations)),
                })}
          </button>
        </p>
      )}
      <h3>{t("groupLargest")}</h3>
      <ul className="contracts" data-testid="group-largest">
        {group.largest.map((m) => (
          <li key={m.id} data-member={m.id}>
            <button type="button" className="link" onClick={() => onPick(m.id)}>
              {orgLabel(m)}
            </button>{" "}
            <span className="note">
              {kind(m.kind)} · {t("records")} {figure(m.records, m.undisclosed)}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
