import type { BlastRadius, Scenario } from "../domain/index.ts";
import { formatCount } from "../domain/index.ts";

/** Names as an analyst reads them: Japanese name with the English one where known. */
export function displayName(org: { id: string; name?: string | null; nameEn?: string | null }): string {
  if (!org.name) return org.id;
  return org.nameEn ? `${org.name} (${org.nameEn})` : org.name;
}

/** A count, marked as a lower bound when some of what it adds up is undisclosed. */
export function countText(value: number, undisclosed: number): string {
  return formatCount(value, undisclosed > 0);
}

/** The scenario in one sentence. */
export function scenarioInWords(result: BlastRadius): string {
  const s: Scenario = result.scenario;
  const names = result.compromised.map(displayName).join(" and ");
  const parts = [`Compromise of ${names}`];
  if (s.excludedContracts.length > 0)
    parts.push(
      `without contract${s.excludedContracts.length > 1 ? "s" : ""} ${s.excludedContracts.join(", ")}`,
    );
  if (s.excludedOrganisations.length > 0) parts.push(`leaving out ${s.excludedOrganisations.join(", ")}`);
  if (s.asOf !== null) parts.push(`as of ${s.asOf}`);
  if (s.enforceRetention) parts.push("with deletion deadlines enforced");
  if (s.maxDepth !== null) parts.push(`up to ${s.maxDepth} contract${s.maxDepth > 1 ? "s" : ""} away`);
  return `${parts.join(", ")}.`;
}

/** Ids along a chain, shown with names where the answer has them. */
export function chainText(path: string[], result: BlastRadius): string {
  const names = new Map<string, string>();
  for (const org of result.affected) names.set(org.id, org.name);
  for (const org of result.compromised) names.set(org.id, org.name);
  return path.map((id) => names.get(id) ?? id).join(" → ");
}

export function reportedText(exposure: {
  records: number | null;
  subjects: number | null;
  status: string | null;
  reportedOn: string | null;
}): string {
  const figures = [
    exposure.records === null ? null : `${formatCount(exposure.records)} records`,
    exposure.subjects === null ? null : `${formatCount(exposure.subjects)} persons`,
  ].filter(Boolean);
  return `${figures.length > 0 ? figures.join(", ") : "count undisclosed"} (${exposure.status ?? "status unknown"}${exposure.reportedOn ? `, ${exposure.reportedOn}` : ""})`;
}
