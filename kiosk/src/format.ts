// The kiosk's formatting: the server's pure Persian helpers (digits, wait ranges) and a clock time.
import { localDigits, waitRangeText, type Lang, type WaitRange } from '../../server/time/persian.js';

export { localDigits };

/** A range the server could not estimate (no desk open) arrives as null; say «نامعلوم». */
export function waitText(range: { low: number | null; high: number | null } | undefined, lang: Lang): string {
  const known: WaitRange = { low: range?.low ?? Infinity, high: range?.high ?? Infinity };
  return waitRangeText(known, lang);
}

/** The time of day in the office's zone, with the reader's digits: «۱۰:۰۵». */
export function clockText(at: number, timeZone: string, lang: Lang): string {
  const locale = lang === 'fa' ? 'fa-IR' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
}
