import { useCallback, useState } from "react";
import type { Changes } from "../../../domain/index.ts";
import { api } from "../shared/api/client.ts";
import { useApi } from "../shared/api/useApi.ts";

/** An earlier answer the analyst kept and brought back: its file name and its JSON as read. */
export interface EarlierFile {
  name: string;
  text: string;
}

export interface ChangesState {
  earlier: EarlierFile | null;
  changes: Changes | null;
  loading: boolean;
  /** The API's refusal, in its words (a different scenario, a cut answer, not an answer). */
  error: string | null;
  pick: (file: File) => void;
  clear: () => void;
}

let picked = 0;

/**
 * What changed since an earlier answer, for the scenario shown: the earlier answer stays in the
 * page (it may be megabytes, so it is not in the URL) and is posted again when the scenario changes.
 */
export function useChanges(params: URLSearchParams | null): ChangesState {
  const [earlier, setEarlier] = useState<(EarlierFile & { key: number }) | null>(null);
  const key = earlier && params ? `since:${earlier.key}:${params}` : null;
  const { data, error, loading } = useApi(key, (signal) =>
    api.changesSince(params as URLSearchParams, (earlier as EarlierFile).text, signal),
  );
  const pick = useCallback((file: File) => {
    void file.text().then((text) => setEarlier({ name: file.name, text, key: ++picked }));
  }, []);
  const clear = useCallback(() => setEarlier(null), []);
  return {
    earlier,
    changes: key ? (data?.changes ?? null) : null,
    loading: key !== null && loading,
    error: key ? (error ?? null) : null,
    pick,
    clear,
  };
}
