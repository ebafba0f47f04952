import { type KeyboardEvent, type PointerEvent, useCallback, useEffect, useState } from "react";
import { useLanguage } from "../i18n/language.tsx";

/** Where the side panel's width is remembered between visits. */
export const SIDE_WIDTH_KEY = "keiro.sideWidth";
export const SIDE_WIDTH_DEFAULT = 560;
/** Narrower, the affected table would cut its columns. */
export const SIDE_WIDTH_MIN = 480;
/** The graph keeps at least this much of the window. */
const GRAPH_MIN = 320;
/** One arrow key press; with Shift, four. */
export const SIDE_WIDTH_STEP = 24;

function maxWidth(): number {
  const width = typeof window === "undefined" ? 1440 : window.innerWidth;
  return Math.max(SIDE_WIDTH_MIN, width - GRAPH_MIN);
}

export function clampSideWidth(width: number, max = maxWidth()): number {
  return Math.round(Math.min(Math.max(width, SIDE_WIDTH_MIN), max));
}

function remembered(): number {
  try {
    const saved = Number(window.localStorage.getItem(SIDE_WIDTH_KEY));
    if (Number.isFinite(saved) && saved > 0) return clampSideWidth(saved);
  } catch {
    // No storage (private mode, a test): the default.
  }
  return clampSideWidth(SIDE_WIDTH_DEFAULT);
}

/** The width a key gives, or null for a key the handle does not take. */
export function keyedWidth(key: string, width: number, shift: boolean, max = maxWidth()): number | null {
  const step = shift ? SIDE_WIDTH_STEP * 4 : SIDE_WIDTH_STEP;
  // The handle sits left of the side panel: left widens it, right narrows it.
  if (key === "ArrowLeft") return clampSideWidth(width + step, max);
  if (key === "ArrowRight") return clampSideWidth(width - step, max);
  if (key === "Home") return clampSideWidth(max, max);
  if (key === "End") return clampSideWidth(SIDE_WIDTH_MIN, max);
  return null;
}

/**
 * The side panel's width, remembered in localStorage. Sigma redraws on the window's resize, so a
 * new width is announced as one.
 */
export function useSideWidth(): [number, (width: number) => void] {
  const [width, setWidth] = useState(remembered);
  useEffect(() => {
    try {
      window.localStorage.setItem(SIDE_WIDTH_KEY, String(width));
    } catch {
      // Not remembered, still applied.
    }
    window.dispatchEvent(new Event("resize"));
  }, [width]);
  useEffect(() => {
    const onResize = () => setWidth((w) => clampSideWidth(w));
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return [width, useCallback((w: number) => setWidth(clampSideWidth(w)), [])];
}

/** The drag handle between the graph and the side panel; the arrow keys move it too. */
export function SplitHandle({ width, onWidth }: { width: number; onWidth: (width: number) => void }) {
  const { t } = useLanguage();
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startWidth = width;
    const move = (m: globalThis.PointerEvent) => onWidth(startWidth + (startX - m.clientX));
    const up = () => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
      handle.removeEventListener("pointercancel", up);
      document.body.classList.remove("resizing");
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
    handle.addEventListener("pointercancel", up);
    document.body.classList.add("resizing");
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = keyedWidth(e.key, width, e.shiftKey);
    if (next === null) return;
    e.preventDefault();
    onWidth(next);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a movable splitter is a focusable separator (WAI-ARIA window splitter), <hr> cannot take focus.
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t("resizeSide")}
      aria-valuenow={width}
      aria-valuemin={SIDE_WIDTH_MIN}
      aria-valuemax={maxWidth()}
      tabIndex={0}
      className="split-handle"
      data-testid="split-handle"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
