// The period's appointments beside its walk-ins: visits booked for its days, how many came, the
// no-show share of bookings (a booking whose time passed with no check-in), and punctuality (booked
// visitors called within `punctualityMinutes` of the booked time). From the appointments and tickets tables.
import type { Db } from '../store/open.js';
import type { StatsRange } from './range.js';

export interface BookingIndicator {
  /** Bookings for the period's days, not cancelled. */
  booked: number;
  cancelled: number;
  checkedIn: number;
  /** Bookings whose time passed with nobody checking in, and their share of the bookings past. */
  noShows: number;
  noShowShare: number | null;
  /** Tickets of the period: booked ones (checked in within the grace) and walk-ins (late check-ins among them). */
  bookedTickets: number;
  walkInTickets: number;
  /** Booked tickets called within `punctualityMinutes` of the booked time, of those called. */
  punctualityMinutes: number;
  calledOnTime: number;
  called: number;
  punctualShare: number | null;
}

export function bookingIndicator(db: Db, range: StatsRange, now: number, punctualityMinutes: number): BookingIndicator {
  const bookings = db
    .prepare(
      `SELECT SUM(status <> 'cancelled') AS booked, SUM(status = 'cancelled') AS cancelled, SUM(status = 'checked_in') AS checkedIn,
        SUM(status = 'booked' AND end <= @now) AS noShows, SUM(status <> 'cancelled' AND end <= @now) AS past
       FROM appointments WHERE day BETWEEN @from AND @to`,
    )
    .get({ from: range.from, to: range.to, now }) as Record<'booked' | 'cancelled' | 'checkedIn' | 'noShows' | 'past', number | null>;
  const tickets = db
    .prepare(
      `SELECT SUM(appointment_id IS NOT NULL AND appointment_late = 0) AS booked, SUM(appointment_id IS NULL OR appointment_late = 1) AS walkIns,
        SUM(appointment_late = 0 AND called_at IS NOT NULL) AS called, SUM(appointment_late = 0 AND called_at IS NOT NULL AND called_at - appointment_start <= @window) AS onTime
       FROM tickets WHERE day BETWEEN @from AND @to`,
    )
    .get({ from: range.from, to: range.to, window: punctualityMinutes * 60_000 }) as Record<'booked' | 'walkIns' | 'called' | 'onTime', number | null>;
  const past = bookings.past ?? 0;
  const called = tickets.called ?? 0;
  return {
    booked: bookings.booked ?? 0,
    cancelled: bookings.cancelled ?? 0,
    checkedIn: bookings.checkedIn ?? 0,
    noShows: bookings.noShows ?? 0,
    noShowShare: past > 0 ? (bookings.noShows ?? 0) / past : null,
    bookedTickets: tickets.booked ?? 0,
    walkInTickets: tickets.walkIns ?? 0,
    punctualityMinutes,
    calledOnTime: tickets.onTime ?? 0,
    called,
    punctualShare: called > 0 ? (tickets.onTime ?? 0) / called : null,
  };
}
