import { api } from "./client.ts";
import { useApi } from "./useApi.ts";

/**
 * What a contract is for (its `service`), when the graph does not hold it: a blast radius lists
 * its contracts without it, so the tooltip and the contract panel ask /api/chain for the one
 * contract shown (after a short pause, so that a pointer passing over contracts asks nothing).
 */
export function useContractService(id: string | null, known: string | null | undefined): string | null {
  const asked = useApi(
    id !== null && !known ? `contract-service:${id}` : null,
    (signal) => api.chain([id as string], signal),
    { delayMs: 120 },
  );
  return known ?? asked.data?.contracts[0]?.service ?? null;
}
