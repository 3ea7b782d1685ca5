// The office file's `booking` section: which services take appointments, how many per hour, on
// which days, how far ahead, and the rules around holds, codes, check-in and the mobile number.
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'only Latin letters, digits, "-" and "_", 1 to 32 characters');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');

/**
 * Visits one hour may take: a number, or a share of what the desks serving the service can do in that
 * hour (their workprofiles, the service's hours and its expected minutes per visit).
 */
export const hourCapacitySchema = z.union([
  z.strictObject({ visits: z.number().int().min(0).max(500) }),
  z.strictObject({ share: z.number().gt(0).max(1) }),
]);
export type HourCapacity = z.infer<typeof hourCapacitySchema>;

const hourOfDay = z.string().regex(/^([01]\d|2[0-3])$/, 'an hour of the day as two digits, 07 to 23');

export const bookingServiceSchema = z.strictObject({
  serviceId: id,
  /** Every hour the service is open, unless `byHour` says otherwise for that hour. */
  capacity: hourCapacitySchema,
  /** An hour's own capacity, by the hour its slots start in ('08': {visits: 6}). */
  byHour: z.partialRecord(hourOfDay, hourCapacitySchema).default({}),
  slotMinutes: z.number().int().min(5).max(120).default(15),
});
export type BookingServiceSettings = z.infer<typeof bookingServiceSchema>;

/** A Jalali date closed to bookings: one day ('1405-01-13') or the same day every year ('01-01', Nowruz). */
const closedDay = z.string().refine((text) => {
  const match = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month <= 6 ? 31 : 30);
}, 'a Jalali date as YYYY-MM-DD, or MM-DD for the same day every year');

export const bookingSchema = z.strictObject({
  services: z.array(bookingServiceSchema).min(1).max(50),
  /** Holidays and closed days on the Jalali calendar, beside the weekdays the hours leave closed. */
  closedDays: z.array(closedDay).max(400).default([]),
  /** A day opens for booking this many days before it, at `opensAt` on the office's clock. */
  daysAhead: z.number().int().min(0).max(90).default(14),
  opensAt: clockTime.default('00:00'),
  /** Slots starting sooner than this are no longer offered. */
  leadMinutes: z.number().int().min(0).max(24 * 60).default(30),
  /** Bookings still to come that one mobile number may hold (unconfirmed holds count too). */
  maxFutureBookingsPerMobile: z.number().int().min(1).max(20).default(2),
  /** How long a slot is held for the one-time code to be typed. */
  holdMinutes: z.number().int().min(1).max(30).default(5),
  /** Wrong one-time codes after which the hold is dropped and the slot freed. */
  codeAttempts: z.number().int().min(1).max(10).default(5),
  /** Check-in: how early before the booked time it is accepted, and how late it still counts as booked. */
  checkIn: z.strictObject({ earlyMinutes: z.number().int().min(0).max(240).default(60), graceMinutes: z.number().int().min(0).max(120).default(10) }).default({ earlyMinutes: 60, graceMinutes: 10 }),
  /** A booked visitor called within this many minutes of the booked time counts as served on time. */
  punctualityMinutes: z.number().int().min(1).max(120).default(10),
  /** Messages before the visit: the day before and an hour before. */
  reminders: z.strictObject({ dayBefore: z.boolean().default(true), hourBefore: z.boolean().default(true) }).default({ dayBefore: true, hourBefore: true }),
  /** Days after the booking's day that its mobile number is kept; 0 erases it the night after. */
  keepMobileDays: z.number().int().min(0).max(31).default(0),
});
export type BookingSettings = z.infer<typeof bookingSchema>;
