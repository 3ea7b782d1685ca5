// Jalali date ranges for the report screens (the manager's history and report tabs, the organisation's report): the presets (today, this week from Saturday,
// this month, last month, this year) and reading a typed Jalali date. Pure: "today" comes in.
import { gregorianToJalali, jalaliMonthLength, jalaliMonthRange, jalaliToGregorian, jalaliYearRange, parseDateKey, toDateKey } from '../server/time/calendar.js';
import { toLatinDigits } from '../server/time/digits.js';
import { zonedParts } from '../server/time/zoned.js';

/** A range of service days, as Gregorian ISO dates (what the API takes). */
export interface DayRange {
  from: string;
  to: string;
}

export type Preset = 'today' | 'week' | 'month' | 'lastMonth' | 'year';
export const PRESETS: readonly Preset[] = ['today', 'week', 'month', 'lastMonth', 'year'];

/** Today's date in the office's time zone, as a Gregorian ISO key. */
export function todayIso(now: number, timeZone: string): string {
  return toDateKey(zonedParts(now, timeZone));
}

/** The days a preset covers, ending no later than today. */
export function presetRange(preset: Preset, today: string): DayRange {
  const date = parseDateKey(today);
  const jalali = gregorianToJalali(date);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'week': {
      // The Iranian week starts on Saturday: Date#getUTCDay() 6.
      const back = (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 1) % 7;
      return { from: addDays(today, -back), to: today };
    }
    case 'month':
      return { from: jalaliMonthRange(jalali.year, jalali.month).first, to: today };
    case 'lastMonth': {
      const [year, month] = jalali.month === 1 ? [jalali.year - 1, 12] : [jalali.year, jalali.month - 1];
      const range = jalaliMonthRange(year, month);
      return { from: range.first, to: range.last };
    }
    case 'year':
      return { from: jalaliYearRange(jalali.year).first, to: today };
  }
}

/** A Gregorian ISO day as a Jalali one for an input: '1405/09/01'. */
export function isoToJalaliInput(iso: string): string {
  const j = gregorianToJalali(parseDateKey(iso));
  return `${j.year}/${String(j.month).padStart(2, '0')}/${String(j.day).padStart(2, '0')}`;
}

/** A typed Jalali date ('۱۴۰۵/۹/۱', '1405-09-01') as a Gregorian ISO day, or null when it is no date. */
export function jalaliInputToIso(text: string): string | null {
  const match = /^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$/.exec(toLatinDigits(text));
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || year < 1300 || year > 1500 || day > jalaliMonthLength(year, month)) return null;
  return toDateKey(jalaliToGregorian({ year, month, day }));
}

function addDays(iso: string, days: number): string {
  const { year, month, day } = parseDateKey(iso);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return toDateKey({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}
