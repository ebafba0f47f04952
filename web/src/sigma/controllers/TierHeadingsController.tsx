import { useEffect, useRef } from "react";
import type { TierTotal } from "../../graph/tiers.ts";
import { useGraphSnapshot } from "../../graph/useGraph.ts";
import { useLanguage } from "../../i18n/language.tsx";
import { formatNumber } from "../../i18n/strings.ts";
import { useSigma } from "../context.ts";

/**
 * A heading over each tier of a drawn blast radius, pinned to the top of the view and following
 * its column as the camera moves: the depth, how many organisations, how many records (what no
 * hierarchical view of Bloom or BloodHound adds up). Placed on sigma's afterRender with one
 * coordinate conversion per tier; the text changes only with the answer and the language.
 */
export function TierHeadingsController({ tiers }: { tiers: TierTotal[] | null }) {
  const sigma = useSigma();
  const { t, figure } = useLanguage();
  const { version } = useGraphSnapshot();
  const headings = useRef(new Map<number, HTMLDivElement>());

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger (positions moved).
  useEffect(() => {
    if (!tiers) return;
    const place = () => {
      const graph = sigma.getGraph();
      const { width } = sigma.getDimensions();
      for (const tier of tiers) {
        const heading = headings.current.get(tier.depth);
        if (!heading) continue;
        // Every node of a tier shares its column's x: any one drawn member places the heading.
        const member = tier.drawn.find((id) => graph.hasNode(id));
        const x =
          member === undefined ? Number.NaN : sigma.graphToViewport(graph.getNodeAttributes(member)).x;
        const visible = Number.isFinite(x) && x > -40 && x < width + 40;
        heading.style.display = visible ? "" : "none";
        if (visible) heading.style.transform = `translateX(calc(${Math.round(x)}px - 50%))`;
      }
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
          <strong>{tier.depth === 0 ? t("compromised") : `${t("depth")} ${tier.depth}`}</strong>
          <span>
            {tier.organisations === 1
              ? t("tierOneOrganisation")
              : t("tierOrganisations", { n: formatNumber(tier.organisations) })}
          </span>
          {tier.depth > 0 && (
            <span data-testid={`tier-records-${tier.depth}`}>{figure(tier.records, tier.undisclosed)}</span>
          )}
        </div>
      ))}
    </section>
  );
}
