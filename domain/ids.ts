/** Ids of organisations, contracts and incidents: 1–128 characters of `A-Z a-z 0-9 . _ : -`. */
export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}
