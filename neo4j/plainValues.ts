import {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isRelationship,
  isTime,
} from "neo4j-driver";

/** Driver values as plain JSON: nodes and relationships as their labels/type and properties. */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(plainValue);
  if (isNode(value as object)) {
    const node = value as { labels: string[]; properties: Record<string, unknown>; elementId: string };
    return { elementId: node.elementId, labels: node.labels, properties: plainValue(node.properties) };
  }
  if (isRelationship(value as object)) {
    const rel = value as {
      type: string;
      properties: Record<string, unknown>;
      startNodeElementId: string;
      endNodeElementId: string;
    };
    return {
      type: rel.type,
      start: rel.startNodeElementId,
      end: rel.endNodeElementId,
      properties: plainValue(rel.properties),
    };
  }
  if (isPath(value as object)) {
    const path = value as { start: unknown; segments: { relationship: unknown; end: unknown }[] };
    return {
      start: plainValue(path.start),
      segments: path.segments.map((s) => ({
        relationship: plainValue(s.relationship),
        end: plainValue(s.end),
      })),
    };
  }
  const temporal = value as object;
  if (
    isDate(temporal) ||
    isDateTime(temporal) ||
    isLocalDateTime(temporal) ||
    isTime(temporal) ||
    isLocalTime(temporal) ||
    isDuration(temporal)
  ) {
    return String(value);
  }
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = plainValue(item);
    return out;
  }
  if (typeof value === "bigint") return Number(value);
  return value;
}
