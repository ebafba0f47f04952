import { createContext, useContext } from "react";
import type Sigma from "sigma";
import type { ContractAttributes, OrgAttributes } from "../dataset.ts";

export type ExploreSigma = Sigma<OrgAttributes, ContractAttributes>;

export const SigmaContext = createContext<ExploreSigma | null>(null);

/** The sigma instance, for the controllers inside SigmaContainer. */
export function useSigma(): ExploreSigma {
  const sigma = useContext(SigmaContext);
  if (!sigma) throw new Error("useSigma needs a SigmaContainer above it");
  return sigma;
}
