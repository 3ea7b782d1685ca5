// What an office sends central: a batch of its event log in `seq` order, each event reduced to the
// figures the organisation counts. Nothing personal travels: no notes, no staff or desk ids, no
// mobile numbers, and ticket ids only as a digest (the id itself opens the visitor's ticket page).
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The wait a visitor was told at issue, seconds: the estimate and the range shown. */
export interface SyncPromise {
  seconds: number;
  low: number;
  high: number;
}

export type SyncEvent =
  | { seq: number; at: number; type: 'ticket.issued'; ticket: string; day: string; serviceId: string; promise?: SyncPromise }
  | { seq: number; at: number; type: 'ticket.called'; ticket: string; waitedSeconds: number }
  | { seq: number; at: number; type: 'ticket.finished'; ticket: string; serviceSeconds: number }
  | { seq: number; at: number; type: 'ticket.transferred'; ticket: string; serviceId: string; servedSeconds: number }
  | { seq: number; at: number; type: 'ticket.no_show' | 'ticket.reinstated' | 'ticket.cancelled' | 'ticket.started' | 'ticket.parked' | 'ticket.recalled'; ticket: string }
  | { seq: number; at: number; type: 'rating.recorded'; day: string; serviceId: string | null; button: number; buttons: number };

/** The fields each type carries besides seq, at and type, and how each is checked. */
const FIELDS: Record<SyncEvent['type'], Record<string, (v: unknown) => boolean>> = {
  'ticket.issued': { ticket: isTicket, day: isDay, serviceId: isServiceId },
  'ticket.called': { ticket: isTicket, waitedSeconds: isSeconds },
  'ticket.finished': { ticket: isTicket, serviceSeconds: isSeconds },
  'ticket.transferred': { ticket: isTicket, serviceId: isServiceId, servedSeconds: isSeconds },
  'ticket.no_show': { ticket: isTicket },
  'ticket.reinstated': { ticket: isTicket },
  'ticket.cancelled': { ticket: isTicket },
  'ticket.started': { ticket: isTicket },
  'ticket.parked': { ticket: isTicket },
  'ticket.recalled': { ticket: isTicket },
  'rating.recorded': { day: isDay, serviceId: (v) => v === null || isServiceId(v), button: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5, buttons: (v) => Number.isInteger(v) && (v as number) >= 3 && (v as number) <= 5 },
};

/** Fields a type may leave out (offices before they were added send events without them). */
const OPTIONAL: Partial<Record<SyncEvent['type'], Record<string, (v: unknown) => boolean>>> = {
  'ticket.issued': { promise: isPromise },
};

/**
 * Checks one event of a batch field by field (a schema library spent more time here than the
 * database did on the whole batch); returns the reason it is refused, or null. Unknown fields are
 * refused too: central must never store more than the office meant to send.
 */
export function syncEventProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const event = value as Record<string, unknown>;
  const fields = FIELDS[event['type'] as SyncEvent['type']];
  if (!fields || !Object.hasOwn(FIELDS, event['type'] as string)) return `unknown type ${JSON.stringify(event['type'])}`;
  if (!Number.isSafeInteger(event['seq']) || (event['seq'] as number) < 1) return 'bad seq';
  if (!Number.isSafeInteger(event['at']) || (event['at'] as number) < 0) return 'bad at';
  let count = 3;
  for (const [name, valid] of Object.entries(fields)) {
    if (!(name in event) || !valid(event[name])) return `${String(event['type'])}: bad ${name}`;
    count += 1;
  }
  for (const [name, valid] of Object.entries(OPTIONAL[event['type'] as SyncEvent['type']] ?? {})) {
    if (!(name in event)) continue;
    if (!valid(event[name])) return `${String(event['type'])}: bad ${name}`;
    count += 1;
  }
  if (Object.keys(event).length !== count) return `${String(event['type'])}: unexpected fields`;
  return null;
}

function isTicket(v: unknown): boolean {
  return typeof v === 'string' && v.length >= 8 && v.length <= 64;
}
function isDay(v: unknown): boolean {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
}
function isServiceId(v: unknown): boolean {
  return typeof v === 'string' && v.length >= 1 && v.length <= 64;
}
function isSeconds(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 86_400 * 31;
}
function isPromise(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const p = v as Record<string, unknown>;
  return Object.keys(p).length === 3 && isSeconds(p['seconds']) && isSeconds(p['low']) && isSeconds(p['high']);
}

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
  /** Checked one by one with syncEventProblem. */
  events: z.array(z.unknown()).max(MAX_BATCH_EVENTS),
  /** The office now, for the organisation's live table. */
  status: z.strictObject({ waiting: z.number().int().nonnegative(), desksOpen: z.number().int().nonnegative() }),
});
export type SyncBatch = Omit<z.infer<typeof syncBatchSchema>, 'events'> & { events: SyncEvent[] };

/**
 * The `Content-Digest` header (RFC 9530) of a batch's body, SHA-256 of its exact bytes: a batch
 * damaged on the way is refused whole.
 */
export function contentDigest(body: string): string {
  return `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
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
