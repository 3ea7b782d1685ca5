// Opening hours: whether the office (or a service) is open at an instant, and when it next opens,
// for the kiosk's «نوبت‌دهی از ساعت ۷:۳۰ فردا» and for refusing tickets outside hours.
import type { OpeningHours, Weekday } from '../config/schema.js';
import { localClock } from './day.js';
import { instantAtLocal, weekdayOf, zonedParts } from './zoned.js';

// Enough days to pass a whole week and land on its first open day again.
const DAYS_TO_SEARCH = 8;

/** Minutes since midnight of an 'HH:MM' time from the office file. */
export function minutesOfClockTime(clockTime: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clockTime);
  if (!match) throw new RangeError(`not an HH:MM time: "${clockTime}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Whether `hours` are open at `ms`. A period includes its start and excludes its end. */
export function isOpenAt(hours: OpeningHours, ms: number, timeZone: string): boolean {
  if (hours.alwaysOpen) return true;
  const { weekday, minutes } = localClock(ms, timeZone);
  return periodsOf(hours, weekday).some((period) => period.from <= minutes && minutes < period.to);
}

/**
 * The first instant at or after `ms` at which `hours` are open: `ms` itself when open now, the start
 * of the next period otherwise, or null when the hours have no period in the week at all.
 */
export function nextOpening(hours: OpeningHours, ms: number, timeZone: string): number | null {
  if (isOpenAt(hours, ms, timeZone)) return ms;
  const today = zonedParts(ms, timeZone);
  for (let offset = 0; offset < DAYS_TO_SEARCH; offset++) {
    // Date.UTC rolls day overflow into the next month and year.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    for (const period of periodsOf(hours, weekdayOf(year, month, day))) {
      const start = instantAtLocal(year, month, day, period.from, timeZone);
      if (ms < start) return start;
    }
  }
  return null;
}

/** When the period `ms` falls in began (today's opening, for «باجه‌ها معمولاً ساعت ۷:۳۰ باز می‌شوند»), or null outside hours. */
export function periodStart(hours: OpeningHours, ms: number, timeZone: string): number | null {
  if (hours.alwaysOpen) return null;
  const { weekday, minutes } = localClock(ms, timeZone);
  const period = periodsOf(hours, weekday).find((p) => p.from <= minutes && minutes < p.to);
  if (!period) return null;
  const { year, month, day } = zonedParts(ms, timeZone);
  return instantAtLocal(year, month, day, period.from, timeZone);
}

function periodsOf(hours: OpeningHours, weekday: Weekday): { from: number; to: number }[] {
  return (hours.week[weekday] ?? [])
    .map((period) => ({ from: minutesOfClockTime(period.from), to: minutesOfClockTime(period.to) }))
    .sort((a, b) => a.from - b.from);
}
