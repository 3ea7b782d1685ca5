// Reads an instant as the wall clock of a time zone, and turns a wall-clock time back into an
// instant. The base of the service day, opening hours and every printed date and time.
import type { Weekday } from '../config/schema.js';

/** What a wall clock and calendar in one time zone show at one instant (Gregorian calendar). */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
}

// Weekday names as Date#getUTCDay() numbers them (0 = Sunday).
const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

// Building a DateTimeFormat costs far more than using one, and a busy office reads the zone on every
// ticket; formatters are pure, so one per zone is kept for the life of the process.
const formatterByZone = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatterByZone.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatterByZone.set(timeZone, formatter);
  }
  return formatter;
}

// Minutes already read, per zone: a busy office reads the same few minutes many times per ticket
// (now, and the day's midnight and its neighbours for the service day and opening hours), and
// formatToParts is the costly part. Offsets change on whole minutes, so the rest of a minute is its
// start plus seconds; a minute whose start does not read :00 (a historic offset with seconds) is not
// kept. Bounded: when full the cache starts again.
const MINUTES_KEPT = 512;
const minutesByZone = new Map<string, Map<number, ZonedParts>>();

/** The local calendar date and wall-clock time at `ms` (epoch milliseconds) in `timeZone`. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${ms}`);
  const start = Math.floor(ms / 60_000) * 60_000;
  let minutes = minutesByZone.get(timeZone);
  if (!minutes) minutesByZone.set(timeZone, (minutes = new Map()));
  let parts = minutes.get(start);
  if (!parts) {
    parts = formatParts(start, timeZone);
    if (parts.second !== 0) return formatParts(ms, timeZone);
    if (minutes.size >= MINUTES_KEPT) minutes.clear();
    minutes.set(start, parts);
  }
  return { ...parts, second: Math.floor((ms - start) / 1000) };
}

function formatParts(ms: number, timeZone: string): ZonedParts {
  const numbers: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') numbers[part.type] = Number(part.value);
  }
  const year = numbers.year ?? NaN;
  const month = numbers.month ?? NaN;
  const day = numbers.day ?? NaN;
  return {
    year,
    month,
    day,
    hour: numbers.hour ?? NaN,
    minute: numbers.minute ?? NaN,
    second: numbers.second ?? NaN,
    weekday: weekdayOf(year, month, day),
  };
}

/** The weekday of a Gregorian calendar date. */
export function weekdayOf(year: number, month: number, day: number): Weekday {
  const weekday = WEEKDAY_BY_UTC_DAY[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  if (!weekday) throw new RangeError(`not a date: ${year}-${month}-${day}`);
  return weekday;
}

/** Milliseconds to add to UTC to get the wall clock of `timeZone` at `ms`. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const local = zonedParts(ms, timeZone);
  const localAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return localAsUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant at which the wall clock of `timeZone` shows the given date and minutes since midnight.
 * A time skipped by a clock change is read with the offset from before the change (so it lands that
 * much after the change); a time the clock shows twice gives the earlier instant.
 */
export function instantAtLocal(year: number, month: number, day: number, minutesOfDay: number, timeZone: string): number {
  const localAsUtc = Date.UTC(year, month - 1, day, 0, minutesOfDay);
  const offsetBefore = zoneOffsetMs(localAsUtc - 86_400_000, timeZone);
  const offsetAfter = zoneOffsetMs(localAsUtc + 86_400_000, timeZone);
  const candidates = [localAsUtc - offsetBefore, localAsUtc - offsetAfter]
    .filter((instant) => instant + zoneOffsetMs(instant, timeZone) === localAsUtc)
    .sort((a, b) => a - b);
  return candidates[0] ?? localAsUtc - offsetBefore;
}
