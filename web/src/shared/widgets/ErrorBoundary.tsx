import { Component, type ErrorInfo, type ReactNode } from "react";
import { useLanguage } from "../i18n/language.tsx";
import type { StringKey } from "../i18n/strings.ts";

/** What the analyst reads instead of a part that failed: in the chosen language, with the detail. */
export function ErrorMessage({
  error,
  what = "errorPanel",
  onRetry,
}: {
  error: unknown;
  /** The sentence that says what failed. */
  what?: StringKey;
  onRetry?: () => void;
}) {
  const { t } = useLanguage();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="error-box" data-testid="error-message">
      <strong>{t("errorTitle")}</strong>
      <p>{t(what)}</p>
      {detail && <p className="note">{t("errorDetail", { detail })}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("retry")}
        </button>
      )}
    </div>
  );
}

interface Props {
  children: ReactNode;
  /** The sentence that says what failed (a panel, the whole view). */
  what?: StringKey;
  /** When this changes (another organisation, another URL), the part is tried again. */
  resetKey?: unknown;
}

interface State {
  error: unknown;
  /** The reset key the error happened under. */
  at: unknown;
  failed: boolean;
}

/**
 * Catches an error thrown while rendering the part inside it and shows a message in its place,
 * never a blank page; another `resetKey`, or "try again", renders the part anew.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, at: undefined, failed: false };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (!state.failed) return { at: props.resetKey };
    if (state.at !== props.resetKey) return { error: null, failed: false, at: props.resetKey };
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.warn("Keiro: a part of the view failed", error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed)
      return (
        <ErrorMessage
          error={this.state.error}
          what={this.props.what}
          onRetry={() => this.setState({ error: null, failed: false })}
        />
      );
    return this.props.children;
  }
}
