// /api/v1/appointments: anyone sees the days and slots on offer and books one (rate-limited; staff
// book on a caller's behalf), confirming with the one-time code sent by SMS; the booking code then
// reads, cancels and moves the booking. No answer carries the mobile number.
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { hasRole } from '../../auth/principal.js';
import { requireDevice } from '../auth.js';
import { issueTicket } from '../issue-ticket.js';
import type { BucketLimits } from '../../limits/token-bucket.js';
import { normaliseMobile } from '../../messages/mobile.js';
import { toLatinDigits } from '../../time/digits.js';
import { parseFollowUpCode } from '../../voice/codes.js';
import { bookingErrors } from '../../appointments/booking.js';
import { ApiError } from '../errors.js';
import type { AppDeps, AppEnv } from '../env.js';
import { validate } from '../validate.js';
import { voiceRateLimit } from './voice-rate.js';

export interface BookingRates {
  /** Holds asked for (each sends an SMS), per address and per device or session. */
  hold: BucketLimits;
  /** Confirmations and booking-code lookups, per address and per device or session. */
  lookup: BucketLimits;
}

/** A person books a few times a day; a code is typed a few times. Staff booking for callers are not limited by these. */
export const BOOKING_RATES: BookingRates = {
  hold: { capacity: 5, refillPerSecond: 1 / 60 },
  lookup: { capacity: 10, refillPerSecond: 1 / 6 },
};

const serviceId = z.string().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/, 'not a service id');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const instant = z.number().int().min(0).max(8.64e15);
const holdBody = z.strictObject({ serviceId, start: instant, mobile: z.string().max(40) });
const confirmBody = z.strictObject({ code: z.string().max(20).transform((typed) => toLatinDigits(typed).replace(/[\s-]/g, '')) });
const rescheduleBody = z.strictObject({ start: instant });
const checkInQuery = z.object({ language: z.enum(['fa', 'en']).default('fa') });
const holdParam = z.object({ holdId: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a hold id') });

export function appointmentRoutes(deps: AppDeps) {
  const booking = deps.booking;
  const rates = deps.bookingRates ?? BOOKING_RATES;
  const holdLimit = unlessStaff(voiceRateLimit(rates.hold, () => performance.now()));
  const lookupLimit = unlessStaff(voiceRateLimit(rates.lookup, () => performance.now()));
  const codeOf = (typed: string) => {
    const code = parseFollowUpCode(typed);
    if (!code) throw bookingErrors.unknownBooking();
    return code;
  };

  return new Hono<AppEnv>()
    .get('/days', validate('query', z.object({ serviceId })), (c) => c.json(booking.days(c.req.valid('query').serviceId)))
    .get('/slots', validate('query', z.object({ serviceId, date: isoDate })), (c) => {
      const { serviceId: id, date } = c.req.valid('query');
      return c.json(booking.slots(id, date));
    })
    .post('/', holdLimit, validate('json', holdBody), (c) => {
      const body = c.req.valid('json');
      const mobile = normaliseMobile(body.mobile);
      if (!mobile) throw new ApiError(400, 'invalid_mobile', 'شمارهٔ همراه درست نیست؛ آن را مانند ۰۹۱۲۳۴۵۶۷۸۹ بنویسید.');
      const source = hasRole(c.get('principal'), 'staff', 'manager', 'admin') ? 'staff' : 'public';
      return c.json(booking.hold({ serviceId: body.serviceId, start: body.start, mobile, source }), 202);
    })
    .post('/:holdId/confirm', lookupLimit, validate('param', holdParam), validate('json', confirmBody), (c) =>
      c.json(booking.confirm(c.req.valid('param').holdId, c.req.valid('json').code), 201),
    )
    .get('/:code', lookupLimit, (c) => c.json(booking.find(codeOf(c.req.param('code'))), 200, { 'Cache-Control': 'no-store' }))
    .post('/:code/cancel', lookupLimit, (c) => c.json(booking.cancel(codeOf(c.req.param('code')))))
    .post('/:code/reschedule', lookupLimit, validate('json', rescheduleBody), (c) => c.json(booking.reschedule(codeOf(c.req.param('code')), c.req.valid('json').start)))
    .post('/:code/check-in', requireDevice('kiosk'), lookupLimit, validate('query', checkInQuery), async (c) => {
      const booked = booking.checkInTarget(codeOf(c.req.param('code')));
      const appointment = { id: booked.id, start: booked.start };
      // One ticket per booking, however often the kiosk retries.
      const issued = await issueTicket(deps, c.get('principal')!, { serviceId: booked.serviceId, priorityGroup: null, language: c.req.valid('query').language, appointment }, `check-in:${booked.id}`);
      booking.checkedIn(booked, issued.answer.id);
      if (issued.replayed) c.header('Idempotent-Replayed', 'true');
      // Past the grace the ticket is a walk-in's: it says so, with the time that was booked.
      return c.json({ ...issued.answer, appointment: { start: booked.start, late: !issued.answer.appointment } }, 201);
    });
}

/** Staff booking for callers on the telephone go through the API's own limit only. */
function unlessStaff(limit: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return (c, next) => (hasRole(c.get('principal'), 'staff', 'manager', 'admin') ? next() : limit(c, next));
}
