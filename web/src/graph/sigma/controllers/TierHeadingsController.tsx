import { useEffect, useRef } from "react";
import { compactFigureIn } from "../../../../../locale/index.ts";
import { useLanguage } from "../../../shared/i18n/language.tsx";
import { formatNumber } from "../../../shared/i18n/strings.ts";
import type { TierTotal } from "../../tiers.ts";
import { useGraphSnapshot } from "../../useGraph.ts";
import { useSigma } from "../context.ts";
import { freeArea } from "../fit.ts";

/**
 * A heading over each tier of a drawn blast radius, pinned to the top of the view and following
 * its column as the camera moves: the depth, how many organisations, how many records (what no
 * hierarchical view of Bloom or BloodHound adds up). Placed on sigma's afterRender with one
 * coordinate conversion per tier; the text changes only with the answer and the language.
 */
/** Below this many pixels between two columns, a heading says its figures in few characters. */
const NARROW_GAP = 150;

export function TierHeadingsController({ tiers }: { tiers: TierTotal[] | null }) {
  const sigma = useSigma();
  const { t, figure, lang } = useLanguage();
  const { version } = useGraphSnapshot();
  const headings = useRef(new Map<number, HTMLDivElement>());

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger (positions moved).
  useEffect(() => {
    if (!tiers) return;
    // A tier's column, in the graph's coordinates: the middle of its members' x (a tier of
    // thousands is folded into several columns side by side). Read once per layout, not per frame.
    const graph = sigma.getGraph();
    const columns = tiers.map((tier) => {
      let [low, high, y] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0];
      for (const id of tier.drawn) {
        if (!graph.hasNode(id)) continue;
        const at = graph.getNodeAttributes(id);
        [low, high, y] = [Math.min(low, at.x), Math.max(high, at.x), at.y];
      }
      return low <= high ? { x: (low + high) / 2, y } : null;
    });
    const place = () => {
      // Headings stay beside an open panel, never under it (it lies over the view's side).
      const area = freeArea(sigma);
      const xs = columns.map((column) => (column ? sigma.graphToViewport(column).x : Number.NaN));
      const known = xs.filter(Number.isFinite).sort((a, b) => a - b);
      // Headings never overlap: each is at most as wide as the gap between two columns.
      let gap = Number.POSITIVE_INFINITY;
      for (let i = 1; i < known.length; i++)
        gap = Math.min(gap, (known[i] as number) - (known[i - 1] as number));
      const rightmost = known[known.length - 1];
      tiers.forEach((tier, i) => {
        const heading = headings.current.get(tier.depth);
        const x = xs[i] as number;
        if (!heading) return;
        // A column under a panel, or well out of the view, goes unheaded.
        const visible = Number.isFinite(x) && x > area.left - 40 && x < area.right + 40;
        // The rightmost heading (the compromised) has the room right of its column to itself.
        const last = x === rightmost && known.length > 1;
        // As wide as the gap to the next column, and, to stand centred, twice the room left of its
        // column (beside a panel; the camera leaves it room for its short form at least).
        const width = Math.min(
          last ? Number.POSITIVE_INFINITY : Math.floor(gap) - 6,
          Math.ceil(2 * (x - area.left)),
        );
        heading.style.display = visible ? "" : "none";
        heading.style.maxWidth = Number.isFinite(width) ? `${Math.max(48, width)}px` : "";
        // Close columns get the figures in few characters (rounded down, a bound stays a bound).
        heading.classList.toggle("narrow", gap < NARROW_GAP || width < NARROW_GAP - 6);
        // Centred over its column (the rightmost starts half a gap left of it, the rest to its right),
        // but never cut by the edge of the view nor under a panel (the camera leaves it room).
        const half = heading.offsetWidth / 2;
        const start = last && gap < NARROW_GAP ? x - Math.min(half, Math.floor(gap / 2) - 3) : x - half;
        const left = Math.min(Math.max(area.left, start), Math.max(area.left, area.right - 2 * half));
        if (visible) heading.style.transform = `translateX(${Math.round(left)}px)`;
      });
    };
    place();
    sigma.on("afterRender", place);
    return () => {
      sigma.off("afterRender", place);
    };
  }, [sigma, tiers, version]);

  if (!tiers) return null;
  return (
    <section className="tier-headings" data-testid="tier-headings" aria-label={t("tiers")}>
      {tiers.map((tier) => (
        <div
          key={tier.depth}
          className="tier-heading"
          data-depth={tier.depth}
          ref={(node) => {
            if (node) headings.current.set(tier.depth, node);
            else headings.current.delete(tier.depth);
          }}
        >
          <strong>{tier.depth === 0 ? t("compromised") : t("depthN", { n: tier.depth })}</strong>
          <span className="full">
            {tier.organisations === 1
              ? t("tierOneOrganisation")
              : t("tierOrganisations", { n: formatNumber(tier.organisations) })}
          </span>
          <span className="compact">
            {tier.organisations === 1
              ? t("tierOneOrganisationShort")
              : t("tierOrganisationsShort", { n: compactFigureIn(lang, tier.organisations) })}
          </span>
          {tier.depth > 0 && (
            <>
              <span className="full" data-testid={`tier-records-${tier.depth}`}>
                {figure(tier.records, tier.undisclosed)}
              </span>
              <span className="compact">{compactFigureIn(lang, tier.records, tier.undisclosed)}</span>
            </>
          )}
        </div>
      ))}
    </section>
  );
}
