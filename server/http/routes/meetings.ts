// /api/v1/meetings: managers' public meetings. Managers and admins set the weekly sessions and run
// them (call the next citizen, record the result, close follow-ups); a kiosk registers citizens on
// a session's day; anyone may read which sessions are open today, and a citizen reads their own
// registration by its follow-up code.
import { Hono } from 'hono';
import { z } from 'zod';
import { actorId } from '../../auth/principal.js';
import { WEEKDAYS } from '../../config/schema.js';
import { minutesOfClockTime } from '../../time/hours.js';
import { faDigits } from '../../time/digits.js';
import { serviceDay } from '../../time/day.js';
import { parseFollowUpCode } from '../../voice/codes.js';
import { MEETING_REASONS, MEETING_RESULTS } from '../../voice/labels.js';
import { WEEKLY_MINUTES_REQUIRED } from '../../voice/meeting-schedule.js';
import { visitorText } from '../../voice/text.js';
import { ApiError } from '../errors.js';
import type { AppDeps, AppEnv } from '../env.js';
import { requireDevice, requireRole } from '../auth.js';
import { idempotencyKey } from '../idempotency-key.js';
import { validate } from '../validate.js';
import { voiceLimits } from './voice-rate.js';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'not a valid id');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const shortText = (max: number) => visitorText(max).nullish().transform((v) => v ?? null);

const sessionBody = z
  .strictObject({ host: id, weekday: z.enum(WEEKDAYS), from: clockTime, to: clockTime, place: visitorText(120) })
  .refine((s) => minutesOfClockTime(s.from) < minutesOfClockTime(s.to), { path: ['to'], message: '"from" must be before "to"' });
const registrationBody = z.strictObject({ reason: z.enum(MEETING_REASONS), text: shortText(500), language: z.enum(['fa', 'en']).default('fa') });
const resultBody = z.strictObject({ result: z.enum(MEETING_RESULTS), note: shortText(1000), followUpBy: shortText(120), dueDate: isoDate.nullish().transform((v) => v ?? null) });
const doneBody = z.strictObject({ note: shortText(1000) }).prefault({});
const idParam = z.object({ id });
const ratingBody = z.strictObject({ score: z.number().int().min(1).max(5) });
const dayQuery = z.object({ date: isoDate.optional() });
const followUpQuery = z.object({ status: z.enum(['open', 'done', 'all']).default('open'), limit: z.coerce.number().int().min(1).max(1000).default(200) });

export function meetingRoutes(deps: AppDeps) {
  const { meetings } = deps.voice;
  const clock = () => deps.office.now();
  const limits = voiceLimits(deps);
  const managers = requireRole('manager', 'admin');

  return new Hono<AppEnv>()
    .get('/', managers, (c) => c.json(meetings.sessions(clock())))
    .post('/', managers, validate('json', sessionBody), (c) => {
      const { session, weeklyMinutes } = meetings.schedule(c.req.valid('json'), actorId(c.get('principal')), clock());
      const warning =
        weeklyMinutes < WEEKLY_MINUTES_REQUIRED
          ? { code: 'below_two_hours', message: `ملاقات‌های عمومی اکنون ${faDigits(weeklyMinutes)} دقیقه در هفته است؛ برنامهٔ ۹ دست‌کم ۱۲۰ دقیقه (دو ساعت) در هفته می‌خواهد.` }
          : null;
      return c.json({ ...session, weeklyMinutes, warning }, 201);
    })
    .get('/hosts', managers, (c) => c.json(meetings.hosts()))
    .get('/open', (c) => c.json(meetings.openToday(clock()).map(({ id: meetingId, date, from, to, place }) => ({ id: meetingId, date, from, to, place }))))
    .get('/follow-ups', managers, validate('query', followUpQuery), (c) => {
      const { status, limit } = c.req.valid('query');
      const today = serviceDay(clock(), deps.config.timeZone).iso;
      return c.json(meetings.followUps(status, limit).map((r) => ({ ...r, overdue: r.followUp !== null && r.followUp.doneAt === null && r.followUp.dueDate < today })));
    })
    .get('/status/:code', limits.lookup, (c) => {
      const code = parseFollowUpCode(c.req.param('code'));
      const found = code ? meetings.byCode(code) : undefined;
      if (!found) throw new ApiError(404, 'unknown_code', 'کد پیگیری پیدا نشد. آن را دوباره از روی رسید بخوانید.');
      return c.json(found, 200, { 'Cache-Control': 'no-store' });
    })
    // One answer per code, and only with a valid code: limited as a code lookup is.
    .post('/status/:code/rating', limits.lookup, validate('json', ratingBody), (c) => {
      const code = parseFollowUpCode(c.req.param('code'));
      if (!code) throw new ApiError(404, 'unknown_code', 'کد پیگیری پیدا نشد. آن را دوباره از روی رسید بخوانید.');
      meetings.rate(code, c.req.valid('json').score, clock());
      return c.json({ rated: true });
    })
    .post('/:id/registrations', requireDevice('kiosk'), limits.intake, validate('param', idParam), validate('json', registrationBody), (c) => {
      const { language, ...registration } = c.req.valid('json');
      const at = clock();
      const { replayed, ...registered } = meetings.register(c.req.valid('param').id, registration, actorId(c.get('principal')), at, idempotencyKey(c, 'meeting'));
      if (replayed) c.header('Idempotent-Replayed', 'true');
      else deps.onFollowUpSlip?.({ id: registered.id, purpose: 'meeting', code: registered.code, number: registered.number, at }, language);
      return c.json(registered, 201);
    })
    .get('/:id/registrations', managers, validate('param', idParam), validate('query', dayQuery), (c) => {
      const date = c.req.valid('query').date ?? serviceDay(clock(), deps.config.timeZone).iso;
      return c.json(meetings.registrations(c.req.valid('param').id, date));
    })
    .post('/:id/next', managers, validate('param', idParam), (c) => {
      const called = meetings.callNext(c.req.valid('param').id, actorId(c.get('principal')), clock());
      return called ? c.json({ registration: called }) : c.body(null, 204);
    })
    .post('/registrations/:id/recall', managers, validate('param', idParam), (c) => c.json({ registration: meetings.recall(c.req.valid('param').id, actorId(c.get('principal')), clock()) }))
    .post('/registrations/:id/result', managers, validate('param', idParam), validate('json', resultBody), (c) => {
      const registration = meetings.recordResult(c.req.valid('param').id, c.req.valid('json'), actorId(c.get('principal')), clock());
      return c.json({ registration });
    })
    .post('/registrations/:id/follow-up/done', managers, validate('param', idParam), validate('json', doneBody), (c) => {
      const registration = meetings.followUpDone(c.req.valid('param').id, c.req.valid('json').note, actorId(c.get('principal')), clock());
      return c.json({ registration });
    });
}
