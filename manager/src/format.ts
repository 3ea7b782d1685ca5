// The manager screen's formatting: Persian digits, minutes, clock times and Jalali dates (Intl's
// persian calendar), each in the reader's language. One module, used by every element.
import { localDigits } from '../../server/time/persian.js';
import { clockText } from '../../ui/format.js';
import { parseDateKey } from '../../server/time/calendar.js';
import { t, type Lang } from './i18n.js';

export { clockText, localDigits };

/** A duration in whole minutes: «۱۲ دقیقه», or «کمتر از یک دقیقه». */
export function minutesText(ms: number, lang: Lang): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  return minutes < 1 ? t(lang, 'lessThanMinute') : t(lang, 'minutes', { n: localDigits(minutes, lang) });
}

/** A number with the reader's digits and grouping, to `digits` decimals at most. */
export function numberText(value: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-GB', { maximumFractionDigits: digits }).format(value);
}

/** Seconds as minutes with one decimal, for tables: «۴٫۵». */
export function secondsAsMinutes(seconds: number | null, lang: Lang): string {
  return seconds === null ? '—' : numberText(seconds / 60, lang, 1);
}

/** A Gregorian ISO day in the Jalali calendar: «۱ آذر ۱۴۰۵», "1 Azar 1405 AP". */
export function jalaliDayText(iso: string, lang: Lang): string {
  const { year, month, day } = parseDateKey(iso);
  const locale = lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB-u-ca-persian';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day, 12));
}

/** An instant as a Jalali date and time in the office's zone: «۱ آذر، ۰۹:۳۰». */
export function jalaliMomentText(at: number, timeZone: string, lang: Lang): string {
  const locale = lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB-u-ca-persian';
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone }).format(at);
  return `${date}، ${clockText(at, timeZone, lang)}`.replace('،', lang === 'fa' ? '،' : ',');
}
