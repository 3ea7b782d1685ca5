// The appointments' tables: holds (a slot kept for a few minutes) and bookings. Each change that
// could sell a slot twice counts and writes in one IMMEDIATE transaction, so however many requests
// race for the last place (in this process or another on the same file) exactly one gets it.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/open.js';

export type BookingSource = 'public' | 'staff';
export type AppointmentStatus = 'booked' | 'cancelled' | 'checked_in';

export interface HoldRow {
  id: string;
  serviceId: string;
  start: number;
  end: number;
  mobileTag: string;
  mobileSealed: string;
  otpHash: string;
  attempts: number;
  source: BookingSource;
  createdAt: number;
  expiresAt: number;
}

export interface AppointmentRow {
  id: string;
  code: string;
  serviceId: string;
  start: number;
  end: number;
  day: string;
  status: AppointmentStatus;
  source: BookingSource;
  mobileTag: string | null;
  mobileSealed: string | null;
  createdAt: number;
  cancelledAt: number | null;
  checkedInAt: number | null;
  ticketId: string | null;
  reschedules: number;
}

export type HoldOutcome = 'held' | 'full' | 'mobile_limit';

const HOLD_COLUMNS = `id, service_id AS serviceId, start, end, mobile_tag AS mobileTag, mobile_sealed AS mobileSealed, otp_hash AS otpHash, attempts, source, created_at AS createdAt, expires_at AS expiresAt`;
const APPOINTMENT_COLUMNS = `id, code, service_id AS serviceId, start, end, day, status, source, mobile_tag AS mobileTag, mobile_sealed AS mobileSealed, created_at AS createdAt, cancelled_at AS cancelledAt, checked_in_at AS checkedInAt, ticket_id AS ticketId, reschedules`;

export class BookingStore {
  private readonly bookedInSlot: Statement;
  private readonly heldInSlot: Statement;
  private readonly bookedInRange: Statement;
  private readonly heldInRange: Statement;
  private readonly futureOfMobile: Statement;
  private readonly heldOfMobile: Statement;
  private readonly insertHold: Statement;
  private readonly holdById: Statement;
  private readonly deleteHold: Statement;
  private readonly countAttempt: Statement;
  private readonly insertAppointment: Statement;
  private readonly appointmentByCode: Statement;
  private readonly setStatus: Statement;
  private readonly moveAppointment: Statement;
  private readonly expired: Statement;
  private readonly eraseMobiles: Statement;
  private readonly upcomingRows: Statement;

  constructor(private readonly db: Db) {
    this.bookedInSlot = db.prepare(`SELECT COUNT(*) AS n FROM appointments WHERE service_id = ? AND start = ? AND status <> 'cancelled'`);
    this.heldInSlot = db.prepare(`SELECT COUNT(*) AS n FROM appointment_holds WHERE service_id = ? AND start = ? AND expires_at > ?`);
    this.bookedInRange = db.prepare(`SELECT start, COUNT(*) AS n FROM appointments WHERE service_id = ? AND start >= ? AND start < ? AND status <> 'cancelled' GROUP BY start`);
    this.heldInRange = db.prepare(`SELECT start, COUNT(*) AS n FROM appointment_holds WHERE service_id = ? AND start >= ? AND start < ? AND expires_at > ? GROUP BY start`);
    this.futureOfMobile = db.prepare(`SELECT COUNT(*) AS n FROM appointments WHERE mobile_tag = ? AND start > ? AND status = 'booked'`);
    this.heldOfMobile = db.prepare(`SELECT COUNT(*) AS n FROM appointment_holds WHERE mobile_tag = ? AND expires_at > ?`);
    this.insertHold = db.prepare(
      `INSERT INTO appointment_holds (id, service_id, start, end, mobile_tag, mobile_sealed, otp_hash, source, created_at, expires_at) VALUES (@id, @serviceId, @start, @end, @mobileTag, @mobileSealed, @otpHash, @source, @createdAt, @expiresAt)`,
    );
    this.holdById = db.prepare(`SELECT ${HOLD_COLUMNS} FROM appointment_holds WHERE id = ?`);
    this.deleteHold = db.prepare(`DELETE FROM appointment_holds WHERE id = ?`);
    this.countAttempt = db.prepare(`UPDATE appointment_holds SET attempts = attempts + 1 WHERE id = ?`);
    this.insertAppointment = db.prepare(
      `INSERT INTO appointments (id, code, service_id, start, end, day, status, source, mobile_tag, mobile_sealed, created_at) VALUES (@id, @code, @serviceId, @start, @end, @day, 'booked', @source, @mobileTag, @mobileSealed, @createdAt)`,
    );
    this.appointmentByCode = db.prepare(`SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE code = ?`);
    this.setStatus = db.prepare(`UPDATE appointments SET status = @status, cancelled_at = COALESCE(@cancelledAt, cancelled_at), checked_in_at = COALESCE(@checkedInAt, checked_in_at), ticket_id = COALESCE(@ticketId, ticket_id) WHERE id = @id`);
    this.moveAppointment = db.prepare(`UPDATE appointments SET start = @start, end = @end, day = @day, reschedules = reschedules + 1 WHERE id = @id`);
    this.expired = db.prepare(`DELETE FROM appointment_holds WHERE expires_at <= ?`);
    this.upcomingRows = db.prepare(`SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE status = 'booked' AND start > ? AND start <= ? AND mobile_sealed IS NOT NULL ORDER BY start LIMIT ?`);
    this.eraseMobiles = db.prepare(`UPDATE appointments SET mobile_sealed = NULL, mobile_tag = NULL WHERE mobile_sealed IS NOT NULL AND day < ?`);
  }

  /** Places taken in each slot of a service starting in [from, to): bookings and holds still live at `now`. */
  taken(serviceId: string, from: number, to: number, now: number): Map<number, number> {
    const taken = new Map<number, number>();
    for (const row of this.bookedInRange.all(serviceId, from, to) as Array<{ start: number; n: number }>) taken.set(row.start, row.n);
    for (const row of this.heldInRange.all(serviceId, from, to, now) as Array<{ start: number; n: number }>) taken.set(row.start, (taken.get(row.start) ?? 0) + row.n);
    return taken;
  }

  /** Holds a place in a slot of `capacity` unless it is full or the number holds enough already; one transaction. */
  hold(row: Omit<HoldRow, 'attempts'>, capacity: number, maxPerMobile: number): HoldOutcome {
    return this.db
      .transaction((): HoldOutcome => {
        const now = row.createdAt;
        const mine = this.count(this.futureOfMobile, row.mobileTag, now) + this.count(this.heldOfMobile, row.mobileTag, now);
        if (mine >= maxPerMobile) return 'mobile_limit';
        if (this.placesTaken(row.serviceId, row.start, now) >= capacity) return 'full';
        this.insertHold.run(row);
        return 'held';
      })
      .immediate();
  }

  getHold(id: string): HoldRow | undefined {
    return this.holdById.get(id) as HoldRow | undefined;
  }

  /** A wrong code: counted; the hold is dropped (its slot freed) once it has had `maxAttempts`. Returns attempts left. */
  wrongCode(hold: HoldRow, maxAttempts: number): number {
    return this.db
      .transaction(() => {
        this.countAttempt.run(hold.id);
        const left = maxAttempts - (hold.attempts + 1);
        if (left <= 0) this.deleteHold.run(hold.id);
        return Math.max(0, left);
      })
      .immediate();
  }

  /** The hold becomes the booking, in one transaction: its place passes from the one to the other. */
  confirm(hold: HoldRow, booking: Pick<AppointmentRow, 'id' | 'code' | 'day' | 'mobileSealed' | 'createdAt'>): boolean {
    return this.db
      .transaction(() => {
        if (this.deleteHold.run(hold.id).changes === 0) return false;
        this.insertAppointment.run({ ...booking, serviceId: hold.serviceId, start: hold.start, end: hold.end, source: hold.source, mobileTag: hold.mobileTag });
        return true;
      })
      .immediate();
  }

  dropHold(id: string): void {
    this.deleteHold.run(id);
  }

  byCode(code: string): AppointmentRow | undefined {
    return this.appointmentByCode.get(code) as AppointmentRow | undefined;
  }

  cancel(id: string, now: number): void {
    this.setStatus.run({ id, status: 'cancelled', cancelledAt: now, checkedInAt: null, ticketId: null });
  }

  checkedIn(id: string, ticketId: string, now: number): void {
    this.setStatus.run({ id, status: 'checked_in', cancelledAt: null, checkedInAt: now, ticketId });
  }

  /** Moves a booking to another slot of its service if that one has a place; one transaction. */
  move(booking: AppointmentRow, slot: { start: number; end: number; day: string; capacity: number }, now: number): boolean {
    return this.db
      .transaction(() => {
        if (this.placesTaken(booking.serviceId, slot.start, now) >= slot.capacity) return false;
        this.moveAppointment.run({ id: booking.id, start: slot.start, end: slot.end, day: slot.day });
        return true;
      })
      .immediate();
  }

  /** Drops holds whose time is up (they stopped counting already); returns how many. */
  expireHolds(now: number): number {
    return this.expired.run(now).changes;
  }

  /** Bookings still to come, starting in (from, to], at most `limit`, earliest first. */
  upcoming(from: number, to: number, limit: number): AppointmentRow[] {
    return this.upcomingRows.all(from, to, limit) as AppointmentRow[];
  }

  /** Erases the numbers of bookings whose day is before `day` (ISO); returns how many. */
  eraseMobilesBefore(day: string): number {
    return this.eraseMobiles.run(day).changes;
  }

  private placesTaken(serviceId: string, start: number, now: number): number {
    return this.count(this.bookedInSlot, serviceId, start) + this.count(this.heldInSlot, serviceId, start, now);
  }

  private count(statement: Statement, ...params: unknown[]): number {
    return (statement.get(...params) as { n: number }).n;
  }
}
