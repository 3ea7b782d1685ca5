// Text messages: a visitor leaves a mobile number for their ticket (from the phone page or the
// kiosk, holding the ticket's id) to be told by SMS when their turn is near and when it is called;
// managers read how the outbox and the gateway are doing. The number is never in any answer.
import { Hono } from 'hono';
import { z } from 'zod';
import { normaliseMobile } from '../../messages/mobile.js';
import { ApiError, apiErrors } from '../errors.js';
import type { AppDeps, AppEnv } from '../env.js';
import { requireRole } from '../auth.js';
import { validate } from '../validate.js';
import { ticketIdParam } from '../schemas.js';

const smsBody = z.strictObject({ mobile: z.string().max(40) });

export function ticketMessageRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post('/:id/sms', validate('param', ticketIdParam), validate('json', smsBody), (c) => {
    const messaging = deps.messaging;
    if (!messaging) throw new ApiError(404, 'sms_off', 'این اداره پیامک نمی‌فرستد.');
    const mobile = normaliseMobile(c.req.valid('json').mobile);
    if (!mobile) throw new ApiError(400, 'invalid_mobile', 'شمارهٔ همراه درست نیست؛ آن را مانند ۰۹۱۲۳۴۵۶۷۸۹ بنویسید.');
    const outcome = messaging.notices.subscribe(c.req.valid('param').id, mobile);
    if (outcome === 'unknown_ticket') throw apiErrors.ticketNotFound();
    if (outcome === 'ticket_closed') throw new ApiError(409, 'ticket_not_waiting', 'این نوبت دیگر در صف نیست؛ پیامکی برای آن فرستاده نمی‌شود.');
    if (outcome === 'full') throw new ApiError(503, 'sms_full', 'اکنون شمارهٔ تازه‌ای پذیرفته نمی‌شود؛ شمارهٔ نوبت را روی تابلو دنبال کنید.');
    return c.json({ subscribed: true, aheadAtMost: deps.config.sms?.turnNearAhead ?? null }, 201);
  });
}

export function messageStatusRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/sms', requireRole('manager', 'admin'), (c) => c.json(deps.messaging?.status() ?? { gateway: 'none' }));
}
