// What an office sends central: a batch of its event log in `seq` order, each event reduced to the
// figures the organisation counts. Nothing personal travels: no notes, no staff or desk ids, no
// mobile numbers, and ticket ids only as a digest (the id itself opens the visitor's ticket page).
import { createHash } from 'node:crypto';
import { z } from 'zod';

const seq = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const at = z.number().int().nonnegative();
const ticket = z.string().min(8).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const serviceId = z.string().min(1).max(64);
const seconds = z.number().nonnegative().max(86_400 * 31);

export const syncEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ seq, at, type: z.literal('ticket.issued'), ticket, day, serviceId }),
  z.strictObject({ seq, at, type: z.literal('ticket.called'), ticket, waitedSeconds: seconds }),
  z.strictObject({ seq, at, type: z.literal('ticket.finished'), ticket, serviceSeconds: seconds }),
  z.strictObject({ seq, at, type: z.literal('ticket.transferred'), ticket, serviceId, servedSeconds: seconds }),
  z.strictObject({ seq, at, type: z.enum(['ticket.no_show', 'ticket.reinstated', 'ticket.cancelled', 'ticket.started', 'ticket.parked', 'ticket.recalled']), ticket }),
  z.strictObject({ seq, at, type: z.literal('rating.recorded'), day, serviceId: serviceId.nullable(), button: z.number().int().min(1).max(5), buttons: z.number().int().min(3).max(5) }),
]);
export type SyncEvent = z.infer<typeof syncEventSchema>;

/** The most events one batch may carry; a larger backlog goes in several. */
export const MAX_BATCH_EVENTS = 5_000;
/** The largest batch body central reads. */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;

export const syncBatchSchema = z.strictObject({
  /** The office's epoch: it starts a new one when central shows that its log went back (a restore). */
  epoch: z.number().int().nonnegative(),
  /** The batch continues the log after this seq (what central acknowledged last) … */
  after: z.number().int().nonnegative(),
  /** … and covers it up to this seq, included; events the office does not ship leave gaps. */
  through: z.number().int().nonnegative(),
  events: z.array(syncEventSchema).max(MAX_BATCH_EVENTS),
  /** SHA-256 (base64url) of JSON.stringify(events): a batch damaged on the way is refused whole. */
  digest: z.string().length(43),
  /** The office now, for the organisation's live table. */
  status: z.strictObject({ waiting: z.number().int().nonnegative(), desksOpen: z.number().int().nonnegative() }),
});
export type SyncBatch = z.infer<typeof syncBatchSchema>;

export function eventsDigest(events: readonly SyncEvent[]): string {
  return createHash('sha256').update(JSON.stringify(events)).digest('base64url');
}

/** How an office's ticket id travels: a digest, enough to follow the ticket, useless to open it. */
export function ticketKey(ticketId: string): string {
  return createHash('sha256').update(`nobat-ticket:${ticketId}`).digest('base64url').slice(0, 22);
}

/** Central's answer to a batch it applied (or had applied before). */
export interface SyncReceipt {
  applied: number;
  duplicates: number;
  epoch: number;
  highWater: number;
}

/** Central's refusals that the office acts on, with the position central holds. */
export interface SyncRefusalDetails {
  epoch: number;
  highWater: number;
  /** seq_regressed: the first seq whose content differs from what central holds. */
  divergedAt?: number;
}
