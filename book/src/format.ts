// How the booking page writes a booking's code and time: the code in groups of three, three and four
// digits as the SMS and the slip print it, the time as a Jalali date with its weekday and the clock.
import { formatClock, formatJalaliDate, localDigits, type Lang } from '../../server/time/persian.js';

/** 1234567890 → «۱۲۳-۴۵۶-۷۸۹۰» (written left to right in either language). */
export function codeText(code: string, lang: Lang): string {
  const grouped = /^\d{10}$/.test(code) ? `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}` : code;
  return localDigits(grouped, lang);
}

/** «شنبه ۱۵ آذر ۱۴۰۵، ساعت ۰۹:۳۰» or "Saturday, 15 Azar 1405, 09:30". */
export function visitTimeText(start: number, timeZone: string, lang: Lang): string {
  const date = formatJalaliDate(start, timeZone, lang, { weekday: true });
  const clock = formatClock(start, timeZone, lang);
  return lang === 'fa' ? `${date}، ساعت ${clock}` : `${date}, ${clock}`;
}
