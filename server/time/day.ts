// The office's service day and local clock: which calendar day an instant belongs to in the office's
// time zone (ticket numbers restart each day; statistics group by it), and what the wall clock shows.
import type { Weekday } from '../config/schema.js';
import { gregorianToJalali, toDateKey } from './calendar.js';
import { instantAtLocal, zonedParts } from './zoned.js';

/** One local calendar day, as keys that sort and group as text. */
export interface ServiceDay {
  /** Gregorian ISO date, '2026-11-22'. */
  iso: string;
  /** Jalali date, zero-padded, '1405-09-01'. */
  jalali: string;
}

/** The wall clock of the office at one instant. */
export interface LocalClock {
  weekday: Weekday;
  /** Minutes since local midnight as the wall clock reads them (0–1439). */
  minutes: number;
}

/** The local calendar day of the office at `ms` (epoch milliseconds). */
export function serviceDay(ms: number, timeZone: string): ServiceDay {
  const { year, month, day } = zonedParts(ms, timeZone);
  return { iso: toDateKey({ year, month, day }), jalali: toDateKey(gregorianToJalali({ year, month, day })) };
}

/** Local midnight of the office's day at `ms`. */
export function startOfServiceDay(ms: number, timeZone: string): number {
  const { year, month, day } = zonedParts(ms, timeZone);
  return instantAtLocal(year, month, day, 0, timeZone);
}

/** The weekday and the minutes since midnight on the office's wall clock at `ms`. */
export function localClock(ms: number, timeZone: string): LocalClock {
  const { weekday, hour, minute } = zonedParts(ms, timeZone);
  return { weekday, minutes: hour * 60 + minute };
}
