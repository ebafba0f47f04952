import { useEffect, useEffectEvent } from "react";
import { useSigma } from "../context.ts";

/** Clicks on organisations and contracts, handed to the app. */
export function EventsController({
  onNodeClick,
  onEdgeClick,
}: {
  onNodeClick: (id: string) => void;
  onEdgeClick: (id: string) => void;
}) {
  const sigma = useSigma();
  const clickNode = useEffectEvent(({ node }: { node: string }) => onNodeClick(node));
  const clickEdge = useEffectEvent(({ edge }: { edge: string }) => onEdgeClick(edge));
  useEffect(() => {
    const node = (e: { node: string }) => clickNode(e);
    const edge = (e: { edge: string }) => clickEdge(e);
    sigma.on("clickNode", node);
    sigma.on("clickEdge", edge);
    return () => {
      sigma.removeListener("clickNode", node);
      sigma.removeListener("clickEdge", edge);
    };
  }, [sigma]);
  return null;
}
