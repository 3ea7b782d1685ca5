// Booking an appointment, end to end on the server: the days and slots on offer, a hold on a slot
// with a one-time code by SMS, its confirmation into a booking with its own code, and cancelling or
// moving it by that code. Mobile numbers are sealed; only keyed tags of them and of the codes are kept.
import { randomInt, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import type { OfficeConfig } from '../config/schema.js';
import { ApiError } from '../http/errors.js';
import type { Logger } from '../log.js';
import type { Messaging } from '../messages/messaging.js';
import { maskMobile } from '../messages/mobile.js';
import { newId } from '../auth/secrets.js';
import type { Db } from '../store/open.js';
import { serviceDay } from '../time/day.js';
import { gregorianToJalali, parseDateKey, toDateKey } from '../time/calendar.js';
import { instantAtLocal } from '../time/zoned.js';
import { faDigits } from '../time/digits.js';
import { newFollowUpCode } from '../voice/codes.js';
import { MobileVault } from '../voice/mobile-vault.js';
import { MOBILE_KEY_FILE } from '../voice/voice.js';
import { BookingStore, type AppointmentRow, type BookingSource } from './booking-store.js';
import { bookingPlan, type BookingPlan } from './plan.js';
import { offeredDays, offeredSlotAt, offeredSlots, type FreeDay, type FreeSlot } from './slots.js';
import { bookingText } from './texts.js';
import { REMINDER_HORIZON_MS, remindersDue } from './reminders.js';

export interface BookingDeps {
  db: Db;
  dataDir: string;
  config: () => OfficeConfig;
  clock: () => number;
  log: Logger;
  messaging: Messaging | null;
}

/** A booking as its holder reads it: nothing personal. */
export interface BookingView {
  id: string;
  code: string;
  serviceId: string;
  start: number;
  end: number;
  date: string;
  jalali: string;
  status: AppointmentRow['status'];
  ticketId: string | null;
}

const DAY_MS = 86_400_000;
/** Bookings looked at per sweep for reminders: a day of a busy office's bookings fits. */
const MAX_REMINDERS_PER_SWEEP = 2_000;
const OTP_DIGITS = 6;

export const bookingErrors = {
  off: () => new ApiError(404, 'booking_off', 'این اداره نوبت اینترنتی نمی‌دهد.'),
  notBookable: () => new ApiError(404, 'not_bookable', 'برای این خدمت نوبت اینترنتی داده نمی‌شود.'),
  noSuchSlot: () => new ApiError(409, 'slot_unavailable', 'این زمان برای نوبت‌دهی در دسترس نیست؛ زمان دیگری را انتخاب کنید.'),
  full: () => new ApiError(409, 'slot_full', 'ظرفیت این زمان پر شده است؛ زمان دیگری را انتخاب کنید.'),
  mobileLimit: (max: number) => new ApiError(409, 'mobile_limit', `با این شمارهٔ همراه ${faDigits(max)} نوبت آینده گرفته شده است؛ بیش از این ممکن نیست.`),
  smsRefused: () => new ApiError(503, 'sms_not_sent', 'اکنون پیامکی به این شماره فرستاده نمی‌شود؛ کمی بعد دوباره تلاش کنید.'),
  holdGone: () => new ApiError(410, 'hold_expired', 'زمان نگه‌داری این نوبت گذشته است؛ دوباره زمان را انتخاب کنید.'),
  wrongCode: (left: number) =>
    left > 0
      ? new ApiError(400, 'wrong_code', `کد تأیید درست نیست؛ ${faDigits(left)} بار دیگر می‌توانید آن را بزنید.`, { attemptsLeft: left })
      : new ApiError(410, 'hold_expired', 'کد تأیید چند بار نادرست زده شد و این نوبت آزاد شد؛ دوباره زمان را انتخاب کنید.', { attemptsLeft: 0 }),
  unknownBooking: () => new ApiError(404, 'unknown_booking', 'نوبتی با این کد پیدا نشد. کد را دوباره از روی پیامک بخوانید.'),
  notActive: () => new ApiError(409, 'booking_not_active', 'این نوبت لغو شده یا پیش‌تر استفاده شده است.'),
  past: () => new ApiError(409, 'booking_past', 'زمان این نوبت گذشته است.'),
  notToday: () => new ApiError(409, 'booking_not_today', 'این نوبت برای امروز نیست؛ در روز نوبت خود مراجعه کنید.'),
};

/** How often holds past their time are dropped and old numbers erased. */
const SWEEP_EVERY_MS = 60_000;

export class Booking {
  readonly store: BookingStore;
  private readonly vault: MobileVault;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: BookingDeps) {
    this.store = new BookingStore(deps.db);
    this.vault = MobileVault.open(join(deps.dataDir, MOBILE_KEY_FILE));
  }

  start(): void {
    this.sweep();
    this.timer = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** Booking needs its settings and a way to send the one-time code. */
  enabled(): boolean {
    return this.deps.config().booking !== undefined && this.deps.messaging !== null;
  }

  days(serviceId: string): FreeDay[] {
    const plan = this.plan(serviceId);
    const now = this.deps.clock();
    const to = now + (plan.daysAhead + 2) * DAY_MS;
    const taken = this.store.taken(serviceId, now, to, now);
    return offeredDays(plan, now, (start) => taken.get(start) ?? 0);
  }

  slots(serviceId: string, date: string): FreeSlot[] {
    const plan = this.plan(serviceId);
    const now = this.deps.clock();
    const { year, month, day } = parseDateKey(date);
    const from = instantAtLocal(year, month, day, 0, plan.timeZone);
    const taken = this.store.taken(serviceId, from, from + DAY_MS + 3_600_000, now);
    return offeredSlots(plan, date, now, (start) => taken.get(start) ?? 0);
  }

  /** Holds a place in the slot starting at `start` and sends the one-time code; the slot is kept for `holdMinutes`. */
  hold(input: { serviceId: string; start: number; mobile: string; source: BookingSource }): { holdId: string; expiresAt: number } {
    const settings = this.settings();
    const plan = this.plan(input.serviceId);
    const now = this.deps.clock();
    const slot = offeredSlotAt(plan, input.start, now);
    if (!slot) throw bookingErrors.noSuchSlot();
    const holdId = newId();
    const otp = String(randomInt(0, 10 ** OTP_DIGITS)).padStart(OTP_DIGITS, '0');
    const expiresAt = now + settings.holdMinutes * 60_000;
    const outcome = this.store.hold(
      { id: holdId, serviceId: input.serviceId, start: slot.start, end: slot.end, mobileTag: this.vault.tag(input.mobile), mobileSealed: this.vault.seal(input.mobile, holdId), otpHash: this.otpHash(holdId, otp), source: input.source, createdAt: now, expiresAt },
      slot.capacity,
      settings.maxFutureBookingsPerMobile,
    );
    if (outcome === 'full') throw bookingErrors.full();
    if (outcome === 'mobile_limit') throw bookingErrors.mobileLimit(settings.maxFutureBookingsPerMobile);
    const sent = this.messaging().send({ key: `bookingOtp:${holdId}`, kind: 'bookingOtp', to: input.mobile, text: bookingText('bookingOtp', { office: this.deps.config().name, code: otp }, this.deps.config().sms) });
    if (!sent.queued) {
      // A code that cannot be sent would hold the slot for nobody.
      this.store.dropHold(holdId);
      this.deps.log.warn('booking code not queued', { reason: sent.reason, to: maskMobile(input.mobile) });
      throw bookingErrors.smsRefused();
    }
    return { holdId, expiresAt };
  }

  /** The hold becomes a booking when `code` is its one-time code; the booking code goes out by SMS. */
  confirm(holdId: string, code: string): BookingView {
    const settings = this.settings();
    const now = this.deps.clock();
    const hold = this.store.getHold(holdId);
    if (!hold || hold.expiresAt <= now) throw bookingErrors.holdGone();
    if (!this.sameHash(hold.otpHash, this.otpHash(holdId, code))) throw bookingErrors.wrongCode(this.store.wrongCode(hold, settings.codeAttempts));
    const mobile = this.vault.open(hold.mobileSealed, hold.id);
    const id = newId();
    const timeZone = this.deps.config().timeZone;
    let bookingCode = '';
    for (let attempt = 0; ; attempt++) {
      bookingCode = newFollowUpCode();
      try {
        if (!this.store.confirm(hold, { id, code: bookingCode, day: serviceDay(hold.start, timeZone).iso, mobileSealed: this.vault.seal(mobile, id), createdAt: now })) throw bookingErrors.holdGone();
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE' || attempt >= 4) throw error;
      }
    }
    const booking = this.booking(bookingCode);
    this.notify('bookingConfirmed', booking, mobile);
    return this.view(booking);
  }

  find(code: string): BookingView {
    return this.view(this.booking(code));
  }

  cancel(code: string): BookingView {
    const booking = this.activeBooking(code);
    this.store.cancel(booking.id, this.deps.clock());
    return this.view(this.booking(code));
  }

  /** Moves a booking to another slot of its service, kept only if that slot has a place. */
  reschedule(code: string, start: number): BookingView {
    const booking = this.activeBooking(code);
    const plan = this.plan(booking.serviceId);
    const now = this.deps.clock();
    if (start === booking.start) return this.view(booking);
    const slot = offeredSlotAt(plan, start, now);
    if (!slot) throw bookingErrors.noSuchSlot();
    if (!this.store.move(booking, { ...slot, day: serviceDay(slot.start, plan.timeZone).iso }, now)) throw bookingErrors.full();
    const moved = this.booking(code);
    const mobile = moved.mobileSealed ? this.vault.open(moved.mobileSealed, moved.id) : null;
    if (mobile) this.notify('bookingConfirmed', moved, mobile);
    return this.view(moved);
  }

  /** Drops holds past their time and erases the numbers of bookings past their day and the days kept after it. */
  sweep(): void {
    const now = this.deps.clock();
    const expired = this.store.expireHolds(now);
    const keepDays = this.deps.config().booking?.keepMobileDays ?? 0;
    const today = serviceDay(now - keepDays * DAY_MS, this.deps.config().timeZone).iso;
    const erased = this.store.eraseMobilesBefore(today);
    if (expired > 0 || erased > 0) this.deps.log.info('booking holds expired and numbers erased', { holds: expired, numbers: erased });
    this.remind(now);
  }

  /** Queues the reminders now due; each goes once, by its outbox key, however often this runs. */
  remind(now: number): void {
    const settings = this.deps.config().booking;
    if (!settings || !this.deps.messaging) return;
    for (const booking of this.store.upcoming(now, now + REMINDER_HORIZON_MS, MAX_REMINDERS_PER_SWEEP)) {
      for (const kind of remindersDue(booking, now, settings)) {
        if (this.deps.messaging.hasMessage(`${kind}:${booking.id}:${booking.start}`)) continue;
        const mobile = this.mobileOf(booking);
        if (mobile) this.notify(kind, booking, mobile);
      }
    }
  }

  /**
   * The booking a kiosk checks in: today's, not cancelled. One already checked in is given back, so
   * that a kiosk retrying after a lost answer gets the same ticket (the check-in's request key).
   */
  checkInTarget(code: string): AppointmentRow {
    if (!this.enabled()) throw bookingErrors.off();
    const booking = this.booking(code);
    if (booking.status === 'cancelled') throw bookingErrors.notActive();
    if (booking.day !== serviceDay(this.deps.clock(), this.deps.config().timeZone).iso) throw bookingErrors.notToday();
    return booking;
  }

  checkedIn(booking: AppointmentRow, ticketId: string): void {
    if (booking.status !== 'checked_in') this.store.checkedIn(booking.id, ticketId, this.deps.clock());
  }

  /** The booking by its code, for the check-in and the scheduler; undefined when there is none. */
  row(code: string): AppointmentRow | undefined {
    return this.store.byCode(code);
  }

  /** The booking's mobile number while it is kept. */
  mobileOf(booking: AppointmentRow): string | null {
    return booking.mobileSealed ? this.vault.open(booking.mobileSealed, booking.id) : null;
  }

  view(booking: AppointmentRow): BookingView {
    return { id: booking.id, code: booking.code, serviceId: booking.serviceId, start: booking.start, end: booking.end, date: booking.day, jalali: toDateKey(gregorianToJalali(parseDateKey(booking.day))), status: booking.status, ticketId: booking.ticketId };
  }

  /** Sends one of the booking's messages, once per booking, slot and kind. */
  notify(kind: 'bookingConfirmed' | 'reminderDayBefore' | 'reminderHourBefore', booking: AppointmentRow, mobile: string): void {
    const config = this.deps.config();
    const service = config.services.find((s) => s.id === booking.serviceId);
    const text = bookingText(kind, { office: config.name, code: booking.code, service: service?.name ?? booking.serviceId, start: booking.start, timeZone: config.timeZone }, config.sms);
    const sent = this.deps.messaging?.send({ key: `${kind}:${booking.id}:${booking.start}`, kind, to: mobile, text });
    if (sent && !sent.queued && sent.reason !== 'duplicate') this.deps.log.warn('booking message not queued', { kind, reason: sent.reason, to: maskMobile(mobile) });
  }

  private booking(code: string): AppointmentRow {
    const booking = this.store.byCode(code);
    if (!booking) throw bookingErrors.unknownBooking();
    return booking;
  }

  private activeBooking(code: string): AppointmentRow {
    const booking = this.booking(code);
    if (booking.status !== 'booked') throw bookingErrors.notActive();
    if (booking.end <= this.deps.clock()) throw bookingErrors.past();
    return booking;
  }

  private plan(serviceId: string): BookingPlan {
    if (!this.enabled()) throw bookingErrors.off();
    const plan = bookingPlan(this.deps.config(), serviceId);
    if (!plan) throw bookingErrors.notBookable();
    return plan;
  }

  private settings() {
    const settings = this.deps.config().booking;
    if (!settings || !this.deps.messaging) throw bookingErrors.off();
    return settings;
  }

  private messaging(): Messaging {
    if (!this.deps.messaging) throw bookingErrors.off();
    return this.deps.messaging;
  }

  private otpHash(holdId: string, otp: string): string {
    return this.vault.tag(`otp:${holdId}:${otp}`);
  }

  private sameHash(a: string, b: string): boolean {
    const left = Buffer.from(a);
    const right = Buffer.from(b);
    return left.length === right.length && timingSafeEqual(left, right);
  }
}
