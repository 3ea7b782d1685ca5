// Applies one office's batch in ONE transaction: its new events, the tickets they move and the
// office-day figures, and the office's high-water mark. The office row is locked first, so two
// deliveries of the same batch (a retry racing the original) apply one after the other and the
// second finds everything at or below the mark: each (office, seq) counts exactly once.
import type { Logger } from '../../log.js';
import { type SyncBatch, type SyncEvent, type SyncReceipt, type SyncRefusalDetails } from '../../sync/wire.js';
import { inTransaction, type Pool, type PoolClient } from '../db/pool.js';
import { jalaliKey } from '../../stats/range.js';
import { cellKey, FIGURES, tally, type SpreadChange, type TicketTally } from './tally.js';

export class SyncRefused extends Error {
  constructor(
    readonly code: 'stale_epoch' | 'bad_epoch' | 'seq_gap' | 'seq_regressed' | 'office_revoked',
    readonly details: SyncRefusalDetails,
    message: string,
  ) {
    super(message);
  }
}

export async function applyBatch(pool: Pool, officeId: number, batch: SyncBatch, log: Logger): Promise<SyncReceipt> {
  return inTransaction(pool, async (client) => {
    const office = await client.query<{ epoch: number; epoch_base: string; high_water: string; revoked: boolean }>(
      'SELECT epoch, epoch_base, high_water, revoked_at IS NOT NULL AS revoked FROM offices WHERE id = $1 FOR UPDATE',
      [officeId],
    );
    const row = office.rows[0];
    if (!row) throw new Error(`office ${officeId} vanished`);
    let epoch = row.epoch;
    let highWater = Number(row.high_water);
    let base = Number(row.epoch_base);
    const position = () => ({ epoch, highWater });
    if (row.revoked) throw new SyncRefused('office_revoked', position(), `office ${officeId} is revoked`);
    if (batch.epoch < epoch) throw new SyncRefused('stale_epoch', position(), `office ${officeId} sent epoch ${batch.epoch}, central is at epoch ${epoch}`);
    if (batch.epoch > epoch + 1) throw new SyncRefused('bad_epoch', position(), `office ${officeId} sent epoch ${batch.epoch}, central is at epoch ${epoch}`);
    if (batch.epoch === epoch + 1) {
      // A restored office's log went back: its new events, from the seq where it diverged, form a new
      // epoch. What central counted of the old one stays counted (it happened).
      if (batch.after > highWater) throw new SyncRefused('seq_gap', position(), `office ${officeId} starts epoch ${batch.epoch} after seq ${batch.after}, beyond central's ${highWater}`);
      log.warn('office starts a new epoch (its log went back, e.g. restored from a backup)', { officeId, epoch: batch.epoch, fromSeq: batch.after + 1, previousHighWater: highWater });
      epoch = batch.epoch;
      highWater = batch.after;
      base = batch.after;
    }
    if (batch.after > highWater) throw new SyncRefused('seq_gap', position(), `office ${officeId} sent events after seq ${batch.after}, central holds up to ${highWater}`);

    const seen = batch.events.filter((e) => e.seq <= highWater);
    const fresh = batch.events.filter((e) => e.seq > highWater);
    if (seen.length > 0) await checkSameAsStored(client, officeId, { epoch, base }, seen, position());
    let orphans = 0;
    if (fresh.length > 0) orphans = await applyFresh(client, officeId, epoch, fresh);
    if (orphans > 0) log.warn('events about tickets central does not hold open were not counted (never issued to central, or closed already)', { officeId, orphans });
    highWater = Math.max(highWater, batch.through);
    await client.query('UPDATE offices SET epoch = $2, epoch_base = $3, high_water = $4, last_sync_at = now(), waiting = $5, desks_open = $6 WHERE id = $1', [
      officeId,
      epoch,
      base,
      highWater,
      batch.status.waiting,
      batch.status.desksOpen,
    ]);
    return { applied: fresh.length, duplicates: seen.length, epoch, highWater };
  });
}

/**
 * Events at or below the mark were applied before; each must be the very same event, or the office's
 * log went back. Within the epoch, an event central does not hold at all differs too (the office once
 * had an event there that it does not ship, such as a desk opening, and now has a ticket there).
 */
async function checkSameAsStored(client: PoolClient, officeId: number, { epoch, base }: { epoch: number; base: number }, seen: readonly SyncEvent[], position: SyncRefusalDetails): Promise<void> {
  const stored = await client.query<{ events: string }>('SELECT events FROM event_batches WHERE office_id = $1 AND epoch = $2 AND last_seq >= $3 AND first_seq <= $4', [
    officeId,
    epoch,
    seen[0]!.seq,
    seen.at(-1)!.seq,
  ]);
  const bySeq = new Map<number, SyncEvent>();
  for (const row of stored.rows) for (const event of JSON.parse(row.events) as SyncEvent[]) bySeq.set(event.seq, event);
  for (const event of seen) {
    // At or below the epoch's base the event belongs to an earlier epoch, counted there.
    if (event.seq <= base) continue;
    if (!sameEvent(bySeq.get(event.seq), event)) {
      throw new SyncRefused('seq_regressed', { ...position, divergedAt: event.seq }, `office ${officeId} sent a different event at seq ${event.seq} (epoch ${epoch}, central holds up to ${position.highWater}): its log went back`);
    }
  }
}

/** The same event; one stored before offices sent the promise of a ticket matches the event with it. */
function sameEvent(stored: SyncEvent | undefined, sent: SyncEvent): boolean {
  if (!stored) return false;
  if (JSON.stringify(stored) === JSON.stringify(sent)) return true;
  if (stored.type !== 'ticket.issued' || sent.type !== 'ticket.issued' || 'promise' in stored || !sent.promise) return false;
  const { promise: _promise, ...without } = sent;
  return JSON.stringify(stored) === JSON.stringify(without);
}

async function applyFresh(client: PoolClient, officeId: number, epoch: number, fresh: readonly SyncEvent[]): Promise<number> {
  const inserted = await client.query('INSERT INTO event_batches (office_id, epoch, first_seq, last_seq, events) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
    officeId,
    epoch,
    fresh[0]!.seq,
    fresh.at(-1)!.seq,
    JSON.stringify(fresh),
  ]);
  // The lock and the mark make a conflict impossible; if one happened the figures would count twice.
  if (inserted.rowCount !== 1) throw new Error(`office ${officeId}: events from seq ${fresh[0]!.seq} were stored already above the high-water mark`);

  const issuedHere = new Set(fresh.flatMap((e) => (e.type === 'ticket.issued' ? [e.ticket] : [])));
  const keys = [...new Set(fresh.flatMap((e) => ('ticket' in e && !issuedHere.has(e.ticket) ? [e.ticket] : [])))];
  const known = new Map<string, TicketTally>();
  if (keys.length > 0) {
    const rows = await client.query<TicketRow>(
      `SELECT ticket_key, to_char(day, 'YYYY-MM-DD') AS day, service_id, status, wait_ms, service_ms, transfers, wait_s, service_s, promised_s, promised_low_s, promised_high_s
       FROM tickets WHERE office_id = $1 AND ticket_key = ANY($2::text[])`,
      [officeId, keys],
    );
    for (const r of rows.rows) known.set(r.ticket_key, ticketOfRow(r));
  }
  const { tickets, figures, spreads, orphans } = tally(fresh, known);

  // A ticket done or cancelled takes no more events: its row goes, so that the table holds only the
  // tickets still open (a day's line, not a year's visitors).
  const closed = [...tickets].filter(([key, t]) => FINAL.has(t.status) && known.has(key)).map(([key]) => key);
  if (closed.length > 0) await client.query('DELETE FROM tickets WHERE office_id = $1 AND ticket_key = ANY($2::text[])', [officeId, closed]);
  const list = [...tickets].filter(([, t]) => !FINAL.has(t.status));
  if (list.length > 0) {
    await client.query(
      `INSERT INTO tickets (office_id, ticket_key, day, service_id, status, wait_ms, service_ms, transfers, wait_s, service_s, promised_s, promised_low_s, promised_high_s)
       SELECT $1, * FROM unnest($2::text[], $3::date[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::int[], $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::float8[])
       ON CONFLICT (office_id, ticket_key) DO UPDATE SET day = EXCLUDED.day, service_id = EXCLUDED.service_id, status = EXCLUDED.status,
         wait_ms = EXCLUDED.wait_ms, service_ms = EXCLUDED.service_ms, transfers = EXCLUDED.transfers, wait_s = EXCLUDED.wait_s, service_s = EXCLUDED.service_s,
         promised_s = EXCLUDED.promised_s, promised_low_s = EXCLUDED.promised_low_s, promised_high_s = EXCLUDED.promised_high_s`,
      [
        officeId,
        list.map(([k]) => k),
        ...(['day', 'serviceId', 'status', 'waitMs', 'serviceMs', 'transfers', 'waitSeconds', 'serviceSeconds'] as const).map((field) => list.map(([, t]) => t[field])),
        list.map(([, t]) => t.promise?.seconds ?? null),
        list.map(([, t]) => t.promise?.low ?? null),
        list.map(([, t]) => t.promise?.high ?? null),
      ],
    );
  }
  const statements: Array<{ sql: string; params: unknown[] }> = [];
  if (figures.size > 0) {
    const cells = [...figures];
    const columns = FIGURES.map((f) => COLUMN[f]);
    statements.push({
      sql: `INSERT INTO office_days (office_id, day, service_id, ${columns.join(', ')})
       SELECT $1, * FROM unnest(@::date[], @::text[], ${columns.map(() => '@::bigint[]').join(', ')})
       ON CONFLICT (office_id, day, service_id) DO UPDATE SET ${columns.map((c) => `${c} = office_days.${c} + EXCLUDED.${c}`).join(', ')}`,
      params: [cells.map(([k]) => k.slice(0, 10)), cells.map(([k]) => k.slice(11)), ...FIGURES.map((f) => cells.map(([, c]) => c[f]))],
    });
  }
  if (spreads.size > 0) {
    statements.push(spreadStatement('office_day_spreads', 'day', 'date', [...spreads].map(([k, change]) => [k.slice(0, 10), k.slice(11), change])));
    statements.push(spreadStatement('office_month_spreads', 'month', 'text', monthsOf(spreads)));
  }
  if (statements.length > 0) await client.query(...combined(officeId, statements));
  return orphans;
}

/**
 * Several INSERT statements as one (each but the last in a WITH): a round trip per batch instead of
 * three. `@` in each statement stands for its next parameter; $1 is the office.
 */
function combined(officeId: number, statements: ReadonlyArray<{ sql: string; params: unknown[] }>): [string, unknown[]] {
  const params: unknown[] = [officeId];
  const texts = statements.map(({ sql, params: own }) => {
    let i = 0;
    const text = sql.replace(/@/g, () => `$${params.length + 1 + i++}`);
    params.push(...own);
    return text;
  });
  const last = texts.pop()!;
  return [texts.length === 0 ? last : `WITH ${texts.map((t, i) => `s${i} AS (${t} RETURNING 1)`).join(', ')} ${last}`, params];
}

/** Adds histogram changes to a spreads table (by day or by Jalali month); buckets that fall to zero go. */
function spreadStatement(table: string, column: string, type: string, rows: ReadonlyArray<[string, string, SpreadChange]>): { sql: string; params: unknown[] } {
  const histogram = (h: Map<number, number>) => JSON.stringify(Object.fromEntries([...h].filter(([, n]) => n !== 0)));
  return {
    sql: `INSERT INTO ${table} (office_id, ${column}, service_id, wait_histogram, service_histogram, wait_max_s, service_max_s)
     SELECT $1, * FROM unnest(@::${type}[], @::text[], @::jsonb[], @::jsonb[], @::float8[], @::float8[])
     ON CONFLICT (office_id, ${column}, service_id) DO UPDATE SET
       wait_histogram = CASE WHEN EXCLUDED.wait_histogram = '{}' THEN ${table}.wait_histogram ELSE histogram_add(${table}.wait_histogram, EXCLUDED.wait_histogram) END,
       service_histogram = CASE WHEN EXCLUDED.service_histogram = '{}' THEN ${table}.service_histogram ELSE histogram_add(${table}.service_histogram, EXCLUDED.service_histogram) END,
       wait_max_s = GREATEST(${table}.wait_max_s, EXCLUDED.wait_max_s), service_max_s = GREATEST(${table}.service_max_s, EXCLUDED.service_max_s)`,
    params: [
      rows.map(([key]) => key),
      rows.map(([, service]) => service),
      rows.map(([, , c]) => histogram(c.wait)),
      rows.map(([, , c]) => histogram(c.service)),
      rows.map(([, , c]) => c.waitMax),
      rows.map(([, , c]) => c.serviceMax),
    ],
  };
}

/** The batch's spread changes added up per Jalali month and service. */
function monthsOf(spreads: ReadonlyMap<string, SpreadChange>): Array<[string, string, SpreadChange]> {
  const months = new Map<string, [string, string, SpreadChange]>();
  for (const [key, change] of spreads) {
    const month = jalaliKey(key.slice(0, 10)).slice(0, 7);
    const service = key.slice(11);
    let row = months.get(cellKey(month, service));
    if (!row) months.set(cellKey(month, service), (row = [month, service, { wait: new Map(), service: new Map(), waitMax: null, serviceMax: null }]));
    const sum = row[2];
    for (const [bucket, n] of change.wait) sum.wait.set(bucket, (sum.wait.get(bucket) ?? 0) + n);
    for (const [bucket, n] of change.service) sum.service.set(bucket, (sum.service.get(bucket) ?? 0) + n);
    sum.waitMax = maxOf(sum.waitMax, change.waitMax);
    sum.serviceMax = maxOf(sum.serviceMax, change.serviceMax);
  }
  return [...months.values()];
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

interface TicketRow {
  ticket_key: string;
  day: string;
  service_id: string;
  status: TicketTally['status'];
  wait_ms: string | null;
  service_ms: string;
  transfers: number;
  wait_s: number | null;
  service_s: number;
  promised_s: number | null;
  promised_low_s: number | null;
  promised_high_s: number | null;
}

function ticketOfRow(r: TicketRow): TicketTally {
  return {
    day: r.day,
    serviceId: r.service_id,
    status: r.status,
    waitMs: r.wait_ms === null ? null : Number(r.wait_ms),
    serviceMs: Number(r.service_ms),
    transfers: r.transfers,
    waitSeconds: r.wait_s,
    serviceSeconds: r.service_s,
    promise: r.promised_s === null ? null : { seconds: r.promised_s, low: r.promised_low_s!, high: r.promised_high_s! },
  };
}

const FINAL: ReadonlySet<TicketTally['status']> = new Set(['done', 'cancelled']);

/** The office_days column of each figure. */
export const COLUMN: Record<(typeof FIGURES)[number], string> = {
  issued: 'issued',
  served: 'served',
  noShows: 'no_shows',
  cancelled: 'cancelled',
  transferred: 'transferred',
  waitCount: 'wait_count',
  waitMs: 'wait_ms',
  serviceCount: 'service_count',
  serviceMs: 'service_ms',
  ratings: 'ratings',
  ratingsTopTwo: 'ratings_top_two',
  ratingPoints3: 'rating_points3',
  promiseCount: 'promise_count',
  promiseWithin: 'promise_within',
  promiseNotLater: 'promise_not_later',
  promisePastUpperBy5: 'promise_past_upper_by5',
  promiseAbsErrorMs: 'promise_abs_error_ms',
  promiseLatenessMs: 'promise_lateness_ms',
};
