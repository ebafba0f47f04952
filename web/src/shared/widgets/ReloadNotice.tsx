import { useState, useSyncExternalStore } from "react";
import { loads } from "../api/loads.ts";
import { useLanguage } from "../i18n/language.tsx";

/**
 * Its sentences, until locale/ (another engineer's) holds them as explorer.dataReloaded and
 * explorer.dismiss; then they are read with t() like every other word.
 */
const WORDS = {
  ja: {
    reloaded:
      "データが読み込み直されました（新しいロード {loadedAt}）。表示中の回答はすべて新しいデータで取得し直しています。",
    dismiss: "閉じる",
  },
  en: {
    reloaded:
      "The data was reloaded (a new load, {loadedAt}): every answer shown has been asked again from the new data.",
    dismiss: "Dismiss",
  },
} as const;

/**
 * Says that the data was reloaded while the explorer was open (loads.ts): the answers of the
 * earlier load were asked again, so a view never shows two loads side by side.
 */
export function ReloadNotice() {
  const { lang } = useLanguage();
  const { current, reloads } = useSyncExternalStore(loads.subscribe, loads.state, loads.state);
  const [dismissed, setDismissed] = useState(0);
  if (reloads === 0 || reloads === dismissed || current === null) return null;
  const words = WORDS[lang];
  const loadedAt = current.slice(current.lastIndexOf("@") + 1);
  return (
    <p role="status" className="reload-notice" data-testid="reload-notice">
      {words.reloaded.replace("{loadedAt}", loadedAt)}{" "}
      <button type="button" onClick={() => setDismissed(reloads)}>
        {words.dismiss}
      </button>
    </p>
  );
}
