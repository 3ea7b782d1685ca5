// How every screen writes numbers, times and dates for a reader: the server's pure Persian helpers
// (digits, wait ranges, the Jalali calendar) and the few texts built on them, in the reader's language.
import { parseDateKey } from '../server/time/calendar.js';
import { formatClock, formatJalaliDate, localDigits, waitPromiseText, type Lang } from '../server/time/persian.js';
import { createTranslator } from './i18n.js';

export { formatClock, formatJalaliDate, localDigits };

/** The wait as the server promised it: a range, or why there is none («هنوز باجه‌ای برای این خدمت باز نیست»). */
export { waitPromiseText as waitText };

const { t } = createTranslator<'minutes' | 'lessThanMinute'>({
  fa: { minutes: '{n} دقیقه', lessThanMinute: 'کمتر از یک دقیقه' },
  en: { minutes: '{n} min', lessThanMinute: 'under a minute' },
});

/** The time of day in the office's zone, with the reader's digits: «۱۰:۰۵». */
export function clockText(at: number, timeZone: string, lang: Lang): string {
  const locale = lang === 'fa' ? 'fa-IR' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
}

/** A running timer: «۰۴:۰۷», or «۱:۰۴:۰۷» past an hour. */
export function timerText(ms: number, lang: Lang): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return localDigits(h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`, lang);
}

/** A duration in whole minutes: «۱۲ دقیقه», or «کمتر از یک دقیقه». */
export function minutesText(ms: number, lang: Lang): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  return minutes < 1 ? t(lang, 'lessThanMinute') : t(lang, 'minutes', { n: localDigits(minutes, lang) });
}

/** A ticket number as shown: Persian digits in Persian. */
export function ticketNumberText(number: string, lang: Lang): string {
  return localDigits(number, lang);
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
