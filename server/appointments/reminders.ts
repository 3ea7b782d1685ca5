// Which reminders a booking is due at one instant: the day before (from 24 hours ahead) and an hour
// before. A reminder whose moment passed before the booking was made is not sent (a booking made this
// morning for this afternoon needs no "tomorrow" message). Pure; each is sent once by its outbox key.
import type { BookingSettings } from './settings.js';

export type ReminderKind = 'reminderDayBefore' | 'reminderHourBefore';

const HOUR_MS = 3_600_000;

export function remindersDue(booking: { start: number; createdAt: number }, now: number, settings: Pick<BookingSettings, 'reminders'>): ReminderKind[] {
  if (now >= booking.start) return [];
  const due: ReminderKind[] = [];
  const dayBefore = booking.start - 24 * HOUR_MS;
  const hourBefore = booking.start - HOUR_MS;
  if (settings.reminders.dayBefore && booking.createdAt < dayBefore && now >= dayBefore && now < hourBefore) due.push('reminderDayBefore');
  if (settings.reminders.hourBefore && booking.createdAt < hourBefore && now >= hourBefore) due.push('reminderHourBefore');
  return due;
}

/** How far ahead the scheduler looks for bookings that may be due a reminder. */
export const REMINDER_HORIZON_MS = 24 * HOUR_MS + 60_000;
