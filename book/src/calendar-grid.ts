// The Jalali month grids of the date picker: the months the bookable days fall in, each laid out in
// weeks from Saturday (the Iranian week), every day of the month present and only the bookable ones
// carrying a free count. Pure, so a test can lay out any month.
import { gregorianToJalali, jalaliMonthLength, jalaliToGregorian, parseDateKey, toDateKey } from '../../server/time/calendar.js';
import { weekdayOf } from '../../server/time/zoned.js';
import type { Weekday } from '../../server/config/schema.js';

export interface CalendarDay {
  /** Day of the Jalali month, 1–31. */
  day: number;
  /** Gregorian ISO date, as the API names days. */
  date: string;
  /** Visits still free, or null when the day cannot be booked. */
  free: number | null;
}

export interface CalendarMonth {
  year: number;
  month: number;
  /** Empty cells before day 1, so that each row starts on Saturday. */
  leadingBlanks: number;
  days: CalendarDay[];
}

export const WEEK: readonly Weekday[] = ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'];

/** The Jalali months that the bookable `days` fall in, in order. */
export function calendarMonths(days: ReadonlyArray<{ date: string; free: number }>): CalendarMonth[] {
  const freeByDate = new Map(days.map((d) => [d.date, d.free]));
  const monthKeys = new Map<string, { year: number; month: number }>();
  for (const { date } of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const jalali = gregorianToJalali(parseDateKey(date));
    monthKeys.set(`${jalali.year}-${jalali.month}`, { year: jalali.year, month: jalali.month });
  }
  return [...monthKeys.values()].map(({ year, month }) => {
    const first = jalaliToGregorian({ year, month, day: 1 });
    const leadingBlanks = WEEK.indexOf(weekdayOf(first.year, first.month, first.day));
    const days: CalendarDay[] = [];
    for (let day = 1; day <= jalaliMonthLength(year, month); day++) {
      const date = toDateKey(jalaliToGregorian({ year, month, day }));
      days.push({ day, date, free: freeByDate.get(date) ?? null });
    }
    return { year, month, leadingBlanks, days };
  });
}

