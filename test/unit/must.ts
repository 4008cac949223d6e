/** The value, or a failed test naming what was missing: a real guard where an index or a lookup may miss. */
export function must<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`Expected ${what}, found none.`);
  return value;
}
