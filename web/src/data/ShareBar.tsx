/**
 * A share as a bar (a linear scale from zero to the whole) beside its figure: in a table of shares
 * the eye finds the short bars first. The figure is written out, never the bar alone.
 */
export function ShareBar({
  n,
  of,
  text,
  detail,
  title,
}: {
  n: number;
  of: number;
  text: string;
  /** A second, smaller line under the figure: the count the share is made of. */
  detail?: string;
  title: string;
}) {
  const width = of === 0 ? 0 : (100 * n) / of;
  return (
    <span className="share" title={title}>
      <span className="share-track" aria-hidden="true">
        <span className="share-fill" style={{ width: `${width}%` }} />
      </span>
      <span className="share-text">
        {text}
        {detail !== undefined && <small>{detail}</small>}
      </span>
    </span>
  );
}
