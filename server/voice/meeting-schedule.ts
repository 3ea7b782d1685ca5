// The weekly public-meeting sessions as a calendar: how many minutes a week they add up to (program 9
// asks for at least two hours), the date a session next takes place, and whether citizens can
// register for it now (on its day, until it ends). Pure: the clock comes in.
import type { Weekday } from '../config/schema.js';
import { parseDateKey, toDateKey } from '../time/calendar.js';
import { minutesOfClockTime } from '../time/hours.js';
import { localClock, serviceDay } from '../time/day.js';
import { weekdayOf } from '../time/zoned.js';

/** The program's minimum: two hours of public meetings a week. */
export const WEEKLY_MINUTES_REQUIRED = 120;

export interface SessionTimes {
  weekday: Weekday;
  /** HH:MM on the office's clock. */
  from: string;
  to: string;
  active: boolean;
}

export function weeklyMinutes(sessions: readonly SessionTimes[]): number {
  return sessions.filter((s) => s.active).reduce((sum, s) => sum + minutesOfClockTime(s.to) - minutesOfClockTime(s.from), 0);
}

/** The Gregorian ISO date the session next takes place: today until it ends, else its next weekday. */
export function nextDate(session: SessionTimes, now: number, timeZone: string): string {
  const today = serviceDay(now, timeZone).iso;
  const clock = localClock(now, timeZone);
  const start = parseDateKey(today);
  for (let ahead = 0; ahead <= 7; ahead++) {
    const date = new Date(Date.UTC(start.year, start.month - 1, start.day + ahead));
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (weekdayOf(year, month, day) !== session.weekday) continue;
    if (ahead === 0 && clock.minutes >= minutesOfClockTime(session.to)) continue;
    return toDateKey({ year, month, day });
  }
  throw new RangeError(`no ${session.weekday} within a week`);
}

/** Registration is open on the session's day until it ends (a citizen may come early and wait). */
export function openForRegistration(session: SessionTimes, now: number, timeZone: string): boolean {
  const clock = localClock(now, timeZone);
  return session.active && clock.weekday === session.weekday && clock.minutes < minutesOfClockTime(session.to);
}
