// Request shapes of the public API (../shared/api.md), one zod schema each.
import { z } from 'zod';
import { priorityGroupSchema } from '../config/schema.js';
import { statsRange } from '../stats/range.js';
import { GROUPINGS } from '../stats/types.js';
import { toLatinDigits } from '../time/digits.js';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'not a valid id');
const note = z.string().trim().max(500).nullish().transform((v) => v || null);

export const ticketIdParam = z.object({ id });
export const deskIdParam = z.object({ deskId: id });

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  deskId: id.optional(),
  /** Sign in at a desk another clerk holds, ending their session (the desk.opened event records it). */
  takeOver: z.boolean().optional(),
});

export const passwordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8, 'at least 8 characters').max(200),
});

/** A pairing code as typed on a Persian or Arabic keyboard too: «۱۲۳۴۵۶۷۸» is 12345678. */
export const pairBody = z.object({ code: z.string().max(32).transform((code) => toLatinDigits(code).trim()).pipe(z.string().regex(/^[0-9]{8}$/, 'eight digits')) });

export const issueBody = z.object({
  serviceId: id,
  priorityGroup: priorityGroupSchema.nullish().transform((v) => v ?? null),
  /** The kiosk's language when the ticket was taken: the slip prints in it. */
  language: z.enum(['fa', 'en']).default('fa'),
});

export const callBody = z.object({ ticketId: id });

export const finishBody = z
  .object({ outcome: z.enum(['done', 'referred', 'incomplete_documents']).default('done'), note })
  .default({ outcome: 'done', note: null });

export const positionBody = z.object({ position: z.enum(['first', 'last']).default('first') }).default({ position: 'first' });

export const transferBody = z.union([
  z.object({ serviceId: id, position: z.enum(['first', 'last']).default('last') }).strict(),
  z.object({ deskId: id, position: z.enum(['first', 'last']).default('last') }).strict(),
]);

export const pauseBody = z.object({
  reason: z.enum(['break', 'prayer', 'meeting', 'back_office', 'other']),
  note,
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/**
 * A statistics period: `from` and optional `to`, each a Jalali or Gregorian day, month or year
 * (1405-08-01, 2026-10-23, 1405-08, 1405); `to` defaults to `from`, so `from=1405-08` is that month.
 */
const statsPeriod = z.object({ from: z.string().max(20), to: z.string().max(20).optional() });
function withRange<T extends { from: string; to?: string | undefined }>(query: T, ctx: z.RefinementCtx) {
  try {
    return { ...query, range: statsRange(query.from, query.to) };
  } catch (error) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: (error as Error).message });
    return z.NEVER;
  }
}
export const statsPeriodQuery = statsPeriod.transform(withRange);
/** GET /stats/summary (api.md): Gregorian days only, both given; the same limits as any period. */
export const summaryQuery = z.object({ from: isoDate, to: isoDate }).transform(withRange);
export const statsReportQuery = statsPeriod.extend({ by: z.enum(GROUPINGS).default('service') }).transform(withRange);

/** Idempotency keys and request ids that clients send in headers. */
export const requestKey = z.string().min(8).max(100).regex(/^[A-Za-z0-9_.:-]+$/);

export const alertIdParam = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const ackBody = z.object({ comment: z.string().trim().min(1, 'a comment saying what was done').max(500) });
