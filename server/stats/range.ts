// The span of days a statistics request covers, from what a manager types: a Jalali or Gregorian
// day (1405-08-01, 2026-10-23), month (1405-08) or year (1405), in Latin or Persian digits, with
// '-' or '/'. A year before 1700 is read as Jalali. The tickets table keys rows by both calendars;
// queries filter on the Gregorian `day`, whose index serves a range of either calendar.
import { gregorianToJalali, jalaliMonthRange, jalaliToGregorian, jalaliYearRange, parseDateKey, toDateKey, type CalendarDate } from '../time/calendar.js';
import { toLatinDigits } from '../time/digits.js';

/** Days from `from` to `to`, both included, in both calendars. */
export interface StatsRange {
  /** Gregorian ISO dates. */
  from: string;
  to: string;
  /** The same days as Jalali keys ('1405-08-01'). */
  fromJalali: string;
  toJalali: string;
}

/** The most days one request may cover: a little over two years. */
export const MAX_RANGE_DAYS = 800;
const FIRST_GREGORIAN_YEAR = 1700;

/** Parses a date, month or year into the days it covers; throws RangeError with an English reason. */
export function spanOf(text: string): { first: string; last: string } {
  const normal = toLatinDigits(text.trim()).replaceAll('/', '-');
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(normal);
  if (!match) throw new RangeError(`not a date, month or year: "${text}"`);
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  const jalali = year < FIRST_GREGORIAN_YEAR;
  if (month === undefined) return jalali ? jalaliYearRange(year) : { first: `${year}-01-01`, last: `${year}-12-31` };
  if (month < 1 || month > 12) throw new RangeError(`no month ${month} in "${text}"`);
  if (day === undefined) {
    if (jalali) return jalaliMonthRange(year, month);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { first: toDateKey({ year, month, day: 1 }), last: toDateKey({ year, month, day: last }) };
  }
  const date: CalendarDate = { year, month, day };
  // Both conversions throw for a day the calendar does not have (1404-12-30, 2026-02-30).
  const iso = toDateKey(jalali ? jalaliToGregorian(date) : jalaliToGregorian(gregorianToJalali(date)));
  return { first: iso, last: iso };
}

/** The range from the first day of `from` to the last day of `to` (or of `from` when `to` is absent). */
export function statsRange(from: string, to?: string): StatsRange {
  const first = spanOf(from).first;
  const last = spanOf(to ?? from).last;
  if (first > last) throw new RangeError(`"${from}" is after "${to ?? from}"`);
  if (daysBetween(first, last) + 1 > MAX_RANGE_DAYS) throw new RangeError(`more than ${MAX_RANGE_DAYS} days`);
  return { from: first, to: last, fromJalali: jalaliKey(first), toJalali: jalaliKey(last) };
}

/** The Jalali key of a Gregorian ISO date. */
export function jalaliKey(iso: string): string {
  return toDateKey(gregorianToJalali(parseDateKey(iso)));
}

/** Whole days from one ISO date to another. */
export function daysBetween(fromIso: string, toIso: string): number {
  const a = parseDateKey(fromIso);
  const b = parseDateKey(toIso);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Every day of the range, in order, as Gregorian ISO and Jalali keys. */
export function daysOf(range: { from: string; to: string }): Array<{ iso: string; jalali: string }> {
  const start = parseDateKey(range.from);
  const count = daysBetween(range.from, range.to) + 1;
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(start.year, start.month - 1, start.day + i));
    const iso = toDateKey({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
    return { iso, jalali: jalaliKey(iso) };
  });
}
