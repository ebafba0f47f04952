import { useLanguage } from "../i18n/language.tsx";

/**
 * A count with undisclosed parts, as the i18n helper writes it ("≥ 1,234 (+ 3 undisclosed)",
 * "非公表"): the number and the note each stay on one line, a narrow cell breaks between them.
 */
export function Figure({
  value,
  undisclosed = 0,
  testId,
  compact = false,
}: {
  value: number;
  undisclosed?: number;
  /** Marks the number itself (without the note), for the tests that read it. */
  testId?: string;
  /** Only the number ("≥ 1,234"), the note in its tooltip: for a narrow secondary column. */
  compact?: boolean;
}) {
  const { lang, figureParts } = useLanguage();
  const parts = figureParts(value, undisclosed);
  return (
    <span className="figure" title={parts.title ?? undefined}>
      <span className="figure-value" data-testid={testId}>
        {parts.value}
      </span>
      {parts.note && !compact && (
        <>
          {lang === "en" ? " " : ""}
          <span className="figure-note">{parts.note}</span>
        </>
      )}
    </span>
  );
}
