// The display's formatting, from the server's pure Persian helpers: digits, wait ranges, dates.
import { formatClock, formatJalaliDate, localDigits, waitRangeText, type Lang, type WaitRange } from '../../server/time/persian.js';

export { formatClock, formatJalaliDate, localDigits };

/** A range the server could not estimate (no desk open) arrives as null (JSON's Infinity): «نامعلوم». */
export function waitText(range: { low: number | null; high: number | null } | undefined, lang: Lang): string {
  const known: WaitRange = { low: range?.low ?? Infinity, high: range?.high ?? Infinity };
  return waitRangeText(known, lang);
}
