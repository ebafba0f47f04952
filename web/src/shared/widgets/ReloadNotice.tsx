import { useState, useSyncExternalStore } from "react";
import { loads } from "../api/loads.ts";
import { useLanguage } from "../i18n/language.tsx";

/**
 * Says that the data was reloaded while the explorer was open (loads.ts): the answers of the
 * earlier load were asked again, so a view never shows two loads side by side.
 */
export function ReloadNotice() {
  const { t } = useLanguage();
  const { current, reloads } = useSyncExternalStore(loads.subscribe, loads.state, loads.state);
  const [dismissed, setDismissed] = useState(0);
  if (reloads === 0 || reloads === dismissed || current === null) return null;
  const loadedAt = current.slice(current.lastIndexOf("@") + 1);
  return (
    <p role="status" className="reload-notice" data-testid="reload-notice">
      {t("dataReloaded", { loadedAt })}{" "}
      <button type="button" onClick={() => setDismissed(reloads)}>
        {t("dismiss")}
      </button>
    </p>
  );
}
