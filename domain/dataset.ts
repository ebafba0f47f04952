/** Which load of which dataset an answer was computed on (the graph's `Dataset` node). */
export interface DatasetStamp {
  name: string | null;
  /** SHA-256 of the dataset's files: the same files give the same fingerprint. */
  fingerprint: string | null;
  /** When it was loaded (ISO 8601); a new load of the same files is a new stamp. */
  loadedAt: string | null;
}
