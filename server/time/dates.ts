// Jalali dates and wall-clock times as people read them, in Persian or English.
// Built from the same calendar code as the stored Jalali keys rather than from ICU's persian
// calendar: ICU's Persian pattern with a weekday reads «۱۴۰۵ آذر ۱, یکشنبه» (Latin comma, reversed
// order) and its English one appends "AP", and a printed ticket must not depend on the ICU version.
import { gregorianToJalali } from './calendar.js';
import { localDigits, type Lang } from './digits.js';
import { zonedParts } from './zoned.js';
import type { Weekday } from '../config/schema.js';

const MONTH_NAMES: Record<Lang, readonly string[]> = {
  fa: ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'],
  en: ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'],
};

const WEEKDAY_NAMES: Record<Lang, Record<Weekday, string>> = {
  fa: { sat: 'شنبه', sun: 'یکشنبه', mon: 'دوشنبه', tue: 'سه‌شنبه', wed: 'چهارشنبه', thu: 'پنجشنبه', fri: 'جمعه' },
  en: { sat: 'Saturday', sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday' },
};

export interface JalaliDateFormat {
  /** Start with the weekday: «یکشنبه ۱ آذر ۱۴۰۵». */
  weekday?: boolean;
}

/** The local Jalali date at `ms`: «۱ آذر ۱۴۰۵» or "1 Azar 1405". */
export function formatJalaliDate(ms: number, timeZone: string, lang: Lang, format: JalaliDateFormat = {}): string {
  const local = zonedParts(ms, timeZone);
  const jalali = gregorianToJalali(local);
  const date = `${localDigits(jalali.day, lang)} ${MONTH_NAMES[lang][jalali.month - 1]} ${localDigits(jalali.year, lang)}`;
  if (!format.weekday) return date;
  return lang === 'fa' ? `${WEEKDAY_NAMES.fa[local.weekday]} ${date}` : `${WEEKDAY_NAMES.en[local.weekday]}, ${date}`;
}

/** A Jalali date key as people read it: '1405-09-01' → «۱ آذر ۱۴۰۵» or "1 Azar 1405". */
export function formatJalaliKey(key: string, lang: Lang): string {
  const [year, month, day] = key.split('-').map(Number) as [number, number, number];
  const monthName = MONTH_NAMES[lang][month - 1];
  if (!monthName || !day) throw new RangeError(`not a Jalali date key: "${key}"`);
  return `${localDigits(day, lang)} ${monthName} ${localDigits(year, lang)}`;
}

/** A Jalali month as a calendar heads it: «آذر ۱۴۰۵» or "Azar 1405". */
export function formatJalaliMonth(year: number, month: number, lang: Lang): string {
  const monthName = MONTH_NAMES[lang][month - 1];
  if (!monthName) throw new RangeError(`no Jalali month ${month}`);
  return `${monthName} ${localDigits(year, lang)}`;
}

/** The local 24-hour time at `ms`: «۰۷:۳۰» or "07:30". */
export function formatClock(ms: number, timeZone: string, lang: Lang): string {
  const { hour, minute } = zonedParts(ms, timeZone);
  return localDigits(`${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, lang);
}

/** The name of a weekday: «پنجشنبه», "Thursday". */
export function weekdayName(weekday: Weekday, lang: Lang): string {
  return WEEKDAY_NAMES[lang][weekday];
}
