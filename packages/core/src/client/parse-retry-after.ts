/**
 * `Retry-After` in milliseconds from now: delta-seconds (`"2"`) or an HTTP date; `undefined` when
 * absent or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(header: string | undefined, now: number = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Every HTTP date format starts with the day name; this keeps `Date.parse` from reading "1.5" or "-1".
  if (!/^[A-Za-z]/.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
