/** Which load of which dataset an answer was computed on (the graph's `Dataset` node). */
export interface DatasetStamp {
  name: string | null;
  /** SHA-256 of the dataset's files: the same files give the same fingerprint. */
  fingerprint: string | null;
  /** When it was loaded (ISO 8601); a new load of the same files is a new stamp. */
  loadedAt: string | null;
}

/**
 * A load's key, `fingerprint@loadedAt`: two answers are of the same load exactly when their keys
 * are equal. The API states it in the `keiro-dataset` header (DATASET_HEADER); the explorer
 * compares the answers one view combines by it.
 */
export const loadKeyOf = (stamp: Pick<DatasetStamp, "fingerprint" | "loadedAt">): string =>
  `${stamp.fingerprint ?? ""}@${stamp.loadedAt ?? ""}`;

/** The response header every answer that carries figures states its load in. */
export const DATASET_HEADER = "keiro-dataset";

/**
 * The version of what the loader stores: 2 since sub-contracts store `carries`, 3 since
 * organisations store their search keys and contract count (`searchName`…, `degree`). A graph
 * loaded in an older format is not answered (its sub-contracts would all seem to pass everything
 * on; its organisations could not be found or ordered).
 */
export const GRAPH_FORMAT = 3;

/** A graph loaded by an older Keiro: answering it would silently use the old arithmetic. */
export class ReloadNeededError extends Error {
  constructor(readonly found: number | null) {
    super(
      `The graph was loaded in an older format (${found ?? 1}; this Keiro reads ${GRAPH_FORMAT}, which stores whose data each sub-contract carries and each organisation's search keys and contract count). Load the dataset again: npm run ingest -- DIR --replace`,
    );
  }
}

/** Refuses a graph of another format; an empty database (nothing loaded yet) passes. */
export function checkGraphFormat(loaded: boolean, format: number | null): void {
  if (loaded && format !== GRAPH_FORMAT) throw new ReloadNeededError(format);
}
