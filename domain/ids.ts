/** The longest id of an organisation, contract or incident. */
export const ID_MAX_LENGTH = 128;

/** Ids of organisations, contracts and incidents: 1–128 characters of `A-Z a-z 0-9 . _ : -`. */
export const ID_PATTERN = new RegExp(`^[A-Za-z0-9._:-]{1,${ID_MAX_LENGTH}}$`);

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/**
 * Ids and other text in the order every engine and answer lists them: by UTF-16 code units, as
 * Neo4j's ORDER BY orders strings (never localeCompare, which differs by locale).
 */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Days (`YYYY-MM-DD`) in order, a missing one (null or undefined) last: undated rows sort last. */
export const byDayNullsLast = (a: string | null | undefined, b: string | null | undefined): number =>
  a === b ? 0 : a === null || a === undefined ? 1 : b === null || b === undefined ? -1 : byCodeUnits(a, b);
