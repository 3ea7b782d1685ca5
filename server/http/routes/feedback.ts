// /api/v1/feedback: visitors file complaints, criticisms, suggestions and appreciations (at the
// kiosk, on a phone, anywhere: rate-limited) and read theirs back by its follow-up code; managers and
// admins work through them. Staff have no way in: a complaint about a clerk never reaches their desk.
import { Hono } from 'hono';
import { z } from 'zod';
import { hasRole, actorId, isDevice } from '../../auth/principal.js';
import { spanOf } from '../../stats/range.js';
import { parseFollowUpCode } from '../../voice/codes.js';
import { FEEDBACK_KINDS } from '../../voice/config.js';
import { FEEDBACK_STATUSES } from '../../voice/labels.js';
import { normaliseMobile } from '../../messages/mobile.js';
import { visitorText } from '../../voice/text.js';
import { ApiError, apiErrors } from '../errors.js';
import type { AppDeps, AppEnv } from '../env.js';
import { requireRole } from '../auth.js';
import { idempotencyKey } from '../idempotency-key.js';
import { validate } from '../validate.js';
import { voiceLimits } from './voice-rate.js';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'not a valid id');
/** A visitor's text: at most 2,000 characters (about 4 KB of Persian), bidi controls removed. */
export const FEEDBACK_TEXT_MAX = 2000;

const feedbackBody = z.strictObject({
  kind: z.enum(FEEDBACK_KINDS),
  topic: z.string().min(1).max(32),
  text: visitorText(FEEDBACK_TEXT_MAX),
  serviceId: id.nullish(),
  ticketId: id.nullish(),
  mobile: z.string().max(40).nullish(),
  /** The kiosk's language: its follow-up slip prints in it. */
  language: z.enum(['fa', 'en']).default('fa'),
});
const day = z
  .string()
  .max(20)
  .transform((text, ctx) => {
    try {
      return spanOf(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });
const listQuery = z.object({
  kind: z.enum(FEEDBACK_KINDS).optional(),
  status: z.enum(FEEDBACK_STATUSES).optional(),
  topic: z.string().max(32).optional(),
  serviceId: id.optional(),
  from: day.optional(),
  to: day.optional(),
  /** Only items that have waited at least this many hours since they were filed. */
  olderThanHours: z.coerce.number().int().min(1).max(24 * 365).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
const idParam = z.object({ id });
const answerBody = z.strictObject({ text: visitorText(FEEDBACK_TEXT_MAX) });
const assignBody = z.strictObject({ userId: id });

export function feedbackRoutes(deps: AppDeps) {
  const { feedback } = deps.voice;
  const clock = () => deps.office.now();
  const limits = voiceLimits(deps);
  const managers = requireRole('manager', 'admin');

  return new Hono<AppEnv>()
    .get('/topics', (c) => c.json({ kinds: FEEDBACK_KINDS, topics: deps.config.voice.topics, retentionDays: deps.config.voice.mobileRetentionDays }))
    .post('/', limits.intake, validate('json', feedbackBody), (c) => {
      const principal = c.get('principal');
      const body = c.req.valid('json');
      let mobile: string | null = null;
      if (body.mobile != null && body.mobile.trim() !== '') {
        mobile = normaliseMobile(body.mobile);
        if (mobile === null) throw new ApiError(400, 'invalid_mobile', 'شمارهٔ همراه درست نیست؛ آن را مانند ۰۹۱۲۳۴۵۶۷۸۹ بنویسید یا خالی بگذارید.');
      }
      const source = isDevice(principal, 'kiosk') ? 'kiosk' : hasRole(principal, 'staff', 'manager', 'admin') ? 'staff' : 'public';
      const at = clock();
      const { replayed, ...filed } = feedback.submit(
        { kind: body.kind, topic: body.topic, text: body.text, serviceId: body.serviceId ?? null, ticketId: body.ticketId ?? null, mobile, source },
        actorId(principal),
        at,
        idempotencyKey(c, 'feedback'),
      );
      // A kiosk's visitor takes the code away on a slip (once: a retry's slip was printed by the first); a phone shows it on its own screen.
      if (replayed) c.header('Idempotent-Replayed', 'true');
      else if (source === 'kiosk') deps.onFollowUpSlip?.({ id: filed.id, purpose: 'feedback', code: filed.code, at }, body.language);
      return c.json(filed, 201);
    })
    .get('/', managers, validate('query', listQuery), (c) => {
      const { from, to, olderThanHours, ...query } = c.req.valid('query');
      const now = clock();
      const items = feedback.list(
        { ...query, ...(from ? { from: from.first } : {}), ...(to ? { to: to.last } : {}), ...(olderThanHours ? { filedBefore: now - olderThanHours * 3_600_000 } : {}) },
        now,
      );
      return c.json(items);
    })
    .get('/assignees', managers, (c) => c.json(feedback.assignees()))
    .get('/:code', limits.lookup, (c) => {
      const code = parseFollowUpCode(c.req.param('code'));
      const found = code ? feedback.byCode(code) : undefined;
      if (!found) throw new ApiError(404, 'unknown_code', 'کد پیگیری پیدا نشد. آن را دوباره از روی رسید بخوانید.');
      return c.json(found, 200, { 'Cache-Control': 'no-store' });
    })
    .post('/:id/assign', managers, validate('param', idParam), validate('json', assignBody), (c) => {
      const { id: itemId } = c.req.valid('param');
      feedback.assign(itemId, c.req.valid('json').userId, actorId(c.get('principal')), clock());
      return c.json(feedback.get(itemId, clock()));
    })
    .post('/:id/answer', managers, validate('param', idParam), validate('json', answerBody), (c) => {
      const user = c.get('principal');
      if (user?.kind !== 'user') throw apiErrors.unauthenticated();
      const { id: itemId } = c.req.valid('param');
      feedback.answer(itemId, c.req.valid('json').text, user.userId, actorId(user), clock());
      return c.json({ id: itemId, status: 'answered' as const });
    })
    .post('/:id/close', managers, validate('param', idParam), (c) => {
      const { id: itemId } = c.req.valid('param');
      feedback.close(itemId, actorId(c.get('principal')), clock());
      return c.json({ id: itemId, status: 'closed' as const });
    })
    .get('/:id/contact', managers, validate('param', idParam), (c) => {
      const mobile = feedback.contact(c.req.valid('param').id, actorId(c.get('principal')), clock());
      return c.json({ mobile }, 200, { 'Cache-Control': 'no-store' });
    });
}
