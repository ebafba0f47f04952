import { type CSSProperties, useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { useContractService } from "../../../shared/api/useContractService.ts";
import { useLanguage } from "../../../shared/i18n/language.tsx";
import { isGroupNode } from "../../groups.ts";
import { useSigma } from "../context.ts";
import type { Highlight } from "../highlight.ts";

type Hovered = { kind: "node" | "edge"; id: string; x: number; y: number } | null;

const STYLE: CSSProperties = {
  position: "absolute",
  zIndex: 10,
  pointerEvents: "none",
  maxWidth: 320,
  padding: "6px 8px",
  background: "rgba(255, 255, 255, 0.96)",
  border: "1px solid #bbb",
  borderRadius: 4,
  boxShadow: "0 1px 4px rgba(0, 0, 0, 0.2)",
  font: "12px/1.4 system-ui, 'Hiragino Sans', 'Noto Sans CJK JP', sans-serif",
  color: "#222",
};

/**
 * A small tooltip over the organisation or contract under the pointer: its name in the chosen
 * language, its kind, records and persons, and "undisclosed" where a count is not known. A DOM
 * element inside sigma's container, placed where sigma says the pointer is.
 */
export function TooltipController({ highlight }: { highlight: Highlight }) {
  const sigma = useSigma();
  const [hovered, setHovered] = useState<Hovered>(null);
  useEffect(() => {
    const enterNode = ({ node, event }: { node: string; event: { x: number; y: number } }) =>
      setHovered({ kind: "node", id: node, x: event.x, y: event.y });
    const enterEdge = ({ edge, event }: { edge: string; event: { x: number; y: number } }) =>
      setHovered({ kind: "edge", id: edge, x: event.x, y: event.y });
    const leave = () => setHovered(null);
    sigma.on("enterNode", enterNode);
    sigma.on("enterEdge", enterEdge);
    sigma.on("leaveNode", leave);
    sigma.on("leaveEdge", leave);
    sigma.on("downStage", leave);
    return () => {
      sigma.removeListener("enterNode", enterNode);
      sigma.removeListener("enterEdge", enterEdge);
      sigma.removeListener("leaveNode", leave);
      sigma.removeListener("leaveEdge", leave);
      sigma.removeListener("downStage", leave);
    };
  }, [sigma]);
  const lines = useTooltipLines(hovered, highlight);
  if (!hovered || lines.length === 0) return null;
  const { width } = sigma.getDimensions();
  const left = hovered.x + 14 + 320 > width ? Math.max(0, hovered.x - 14 - 320) : hovered.x + 14;
  return createPortal(
    <div
      className="chain-tooltip"
      data-testid="graph-tooltip"
      role="tooltip"
      style={{ ...STYLE, left, top: hovered.y + 12 }}
    >
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one tooltip never move.
        <div key={i} style={i === 0 ? { fontWeight: 600 } : undefined}>
          {line}
        </div>
      ))}
    </div>,
    sigma.getContainer(),
  );
}

/** What the tooltip says, line by line, in the chosen language. */
function useTooltipLines(hovered: Hovered, h: Highlight): string[] {
  const sigma = useSigma();
  const { t, orgName, kind, figure, count } = useLanguage();
  const graph = sigma.getGraph();
  const edge = hovered?.kind === "edge" && graph.hasEdge(hovered.id) ? hovered.id : null;
  const service = useContractService(edge, edge ? graph.getEdgeAttribute(edge, "service") : null);
  if (!hovered) return [];
  if (hovered.kind === "node") {
    if (!graph.hasNode(hovered.id)) return [];
    const org = graph.getNodeAttributes(hovered.id);
    const affected = h.affected.get(hovered.id);
    const lines = [orgName({ id: hovered.id, name: org.name, nameEn: org.nameEn })];
    const what = [kind(org.kind)];
    if (h.compromised.has(hovered.id)) what.push(t("compromised"));
    else if (affected) what.push(t("depthN", { n: affected.depth }));
    lines.push(what.filter(Boolean).join(" · "));
    if (affected) {
      lines.push(`${t("records")}: ${figure(affected.records, affected.undisclosed)}`);
      // A group's persons are not added up (the grouped answer counts records only).
      if (!isGroupNode(hovered.id))
        lines.push(`${t("persons")}: ${figure(affected.subjects, h.personsUnknown.get(hovered.id) ?? 0)}`);
    } else if (!h.compromised.has(hovered.id)) lines.push(`${t("records")}: ${count(org.records)}`);
    if (affected?.confirmed === false) lines.push(t("onlyPossible"));
    return lines.filter(Boolean);
  }
  if (!graph.hasEdge(hovered.id)) return [];
  const contract = graph.getEdgeAttributes(hovered.id);
  const [from, to] = graph.extremities(hovered.id).map((id) => {
    const org = graph.getNodeAttributes(id);
    return orgName({ id, name: org.name, nameEn: org.nameEn });
  });
  const counted = h.contracts.get(hovered.id);
  const lines = [`${from} → ${to}`, `${t("contract")} ${hovered.id}${service ? ` · ${service}` : ""}`];
  lines.push(`${t("records")}: ${count(contract.records)}`);
  if (counted) lines.push(`${t("persons")}: ${count(counted.subjects)}`);
  if (counted?.confidence === "possible") lines.push(t("possibleContract"));
  return lines;
}
