// The screens' shared formatting: the server's pure Persian helpers (digits, wait ranges) and a clock time.
import { localDigits, waitPromiseText, type Lang } from '../server/time/persian.js';

export { localDigits };

/** The wait as the server promised it: a range, or why there is none («هنوز باجه‌ای برای این خدمت باز نیست»). */
export { waitPromiseText as waitText };

/** The time of day in the office's zone, with the reader's digits: «۱۰:۰۵». */
export function clockText(at: number, timeZone: string, lang: Lang): string {
  const locale = lang === 'fa' ? 'fa-IR' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
}
