// The Jalali (Solar Hijri) calendar beside the Gregorian one: conversions, month and year lengths,
// and the Gregorian days a Jalali month or year covers, for statistics asked for by Jalali month.
// jalaali-js implements Borkowski's algorithm, which matches the official calendar of Iran. It agrees
// with ICU's persian calendar (Intl, as browsers format dates) from 1304 to 1501 (1925–2123); the
// two first differ in 1502, so screens and server agree for every date this product will see.
import { isLeapJalaaliYear, isValidJalaaliDate, jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';

/** A calendar date; which calendar is said by the name of the variable or function that holds it. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** First and last day of a span, both included, as Gregorian ISO dates ('2026-11-22'). */
export interface GregorianRange {
  first: string;
  last: string;
}

// Jalali years jalaali-js computes exactly (Gregorian 560 to 3798).
const FIRST_JALALI_YEAR = -61;
const LAST_JALALI_YEAR = 3177;

/** The Jalali date of a Gregorian date. Throws RangeError for a date that does not exist or is out of range. */
export function gregorianToJalali(date: CalendarDate): CalendarDate {
  assertGregorianDate(date);
  const { jy, jm, jd } = toJalaali(date.year, date.month, date.day);
  return { year: jy, month: jm, day: jd };
}

/** The Gregorian date of a Jalali date. Throws RangeError for a date that does not exist (1404-12-30). */
export function jalaliToGregorian(date: CalendarDate): CalendarDate {
  assertJalaliYear(date.year);
  if (!isValidJalaaliDate(date.year, date.month, date.day)) throw new RangeError(`no Jalali date ${toDateKey(date)}`);
  const { gy, gm, gd } = toGregorian(date.year, date.month, date.day);
  return { year: gy, month: gm, day: gd };
}

/** Whether Esfand of this Jalali year has 30 days. */
export function isJalaliLeapYear(year: number): boolean {
  assertJalaliYear(year);
  return isLeapJalaaliYear(year);
}

/** Days in a Jalali month: 31 in months 1–6, 30 in 7–11, 29 or 30 in Esfand. */
export function jalaliMonthLength(year: number, month: number): number {
  assertJalaliYear(year);
  assertMonth(month);
  return jalaaliMonthLength(year, month);
}

/** The Gregorian days that Jalali month `month` of `year` covers: 1405/9 → 2026-11-22 … 2026-12-21. */
export function jalaliMonthRange(year: number, month: number): GregorianRange {
  const lastDay = jalaliMonthLength(year, month);
  return {
    first: toDateKey(jalaliToGregorian({ year, month, day: 1 })),
    last: toDateKey(jalaliToGregorian({ year, month, day: lastDay })),
  };
}

/** The Gregorian days that Jalali year `year` covers: 1405 → 2026-03-21 … 2027-03-20. */
export function jalaliYearRange(year: number): GregorianRange {
  return {
    first: jalaliMonthRange(year, 1).first,
    last: jalaliMonthRange(year, 12).last,
  };
}

/** A date as a zero-padded key ('1405-09-01'): sorts and groups correctly as text. */
export function toDateKey(date: CalendarDate): string {
  const year = String(date.year).padStart(4, '0');
  return `${year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Reads a 'YYYY-MM-DD' key back into its parts; checks the shape only, not the calendar. */
export function parseDateKey(key: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: "${key}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function assertGregorianDate({ year, month, day }: CalendarDate): void {
  const asDate = new Date(Date.UTC(year, month - 1, day));
  asDate.setUTCFullYear(year);
  const exists =
    Number.isInteger(year) && asDate.getUTCFullYear() === year && asDate.getUTCMonth() === month - 1 && asDate.getUTCDate() === day;
  if (!exists) throw new RangeError(`no Gregorian date ${toDateKey({ year, month, day })}`);
}

function assertJalaliYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_JALALI_YEAR || year > LAST_JALALI_YEAR) {
    throw new RangeError(`Jalali year ${year} is outside ${FIRST_JALALI_YEAR}…${LAST_JALALI_YEAR}`);
  }
}

function assertMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`no month ${month}`);
}
