// nobat central on a real PostgreSQL (a throwaway cluster with fsync on, started here):
// - ingest: 200 offices' batches of their event logs sent at once to `nobat central` (a child
//   process), events applied per second (each in its batch's one transaction, with the tickets and
//   office-day figures it moves);
// - an office offline for 7 days (about 20,000 events in its SQLite log) catching up through the
//   office's real outbound sync;
// - a month's organisation report, and a province's, over a year of office-day rows for 200 offices
//   (generated in bulk: 200 offices × 365 days × 6 services, each row with its wait and service-time
//   histograms, and the month rows of the same histograms added up, from which the report reads p50
//   and p90).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { addOffice, enrol } from '../../server/central/org/offices.js';
import { addOrgUser } from '../../server/central/org/users.js';
import { migrateCentral } from '../../server/central/db/migrations.js';
import { daysOf } from '../../server/stats/range.js';
import { openDatabase } from '../../server/store/open.js';
import { writeLink } from '../../server/sync/link-store.js';
import { OutboundSync } from '../../server/sync/outbound.js';
import { contentDigest, type SyncBatch, type SyncEvent } from '../../server/sync/wire.js';
import { startPgCluster } from '../central/lib/pg-cluster.js';
import { nobat, spawnCentral } from '../central/lib/spawn-central.js';
import { spawnServer } from '../faults/lib/spawn-server.js';
import { openLoop, send } from './lib/http-load.js';
import { percentile, type BenchFigure } from './figure.js';
import { quietLog, tempDir } from './lib/temp.js';

const OFFICES = 200;
const PROVINCES = 31;
const EVENTS_PER_OFFICE = 2_500;
const BATCH_EVENTS = 2_000;
const IN_FLIGHT = 8;
const OFFLINE_EVENTS = 20_000;
const SERVICES = ['certificate', 'payment', 'request', 'complaint', 'documents', 'contractor'];
const RUNS = 7;
const KIOSKS = 100;
const ISSUE_WINDOW_MS = 3_000;

export default async (): Promise<BenchFigure[]> => {
  const cluster = await startPgCluster({ durable: true });
  try {
    const databaseUrl = await cluster.createDatabase('bench');
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    await migrateCentral(pool);
    const central = await spawnCentral(databaseUrl);
    try {
      const ingest = await measureIngest(pool, central.url);
      const catchUp = await measureCatchUp(pool, central.url);
      const issue = await measureIssueWhileSyncing(pool, central.url);
      const reports = await measureReports(pool, central.url);
      return [...ingest, catchUp, ...issue, ...reports];
    } finally {
      await central.stop();
      await pool.end();
    }
  } finally {
    await cluster.stop();
  }
};

async function enrolled(pool: pg.Pool, name: string, province: string): Promise<{ officeId: number; credential: string }> {
  const { code } = await addOffice(pool, name, province);
  const office = (await enrol(pool, code))!;
  return { officeId: office.officeId, credential: office.credential };
}

/** An office's log as the wire carries it: tickets issued, called, started and finished, a rating for some. */
function officeLog(count: number, start: number): SyncEvent[] {
  const events: SyncEvent[] = [];
  let seq = 0;
  let at = start;
  for (let ticket = 0; events.length < count; ticket++) {
    const key = randomBytes(16).toString('base64url');
    const day = new Date(at + 3.5 * 3_600_000).toISOString().slice(0, 10);
    const serviceId = SERVICES[ticket % SERVICES.length]!;
    events.push({ seq: ++seq, at, type: 'ticket.issued', ticket: key, day, serviceId, promise: { seconds: 320, low: 240, high: 420 } });
    events.push({ seq: ++seq, at: at + 300_000, type: 'ticket.called', ticket: key, waitedSeconds: 300 + (ticket % 97) });
    events.push({ seq: ++seq, at: at + 310_000, type: 'ticket.started', ticket: key });
    events.push({ seq: ++seq, at: at + 500_000, type: 'ticket.finished', ticket: key, serviceSeconds: 190 + (ticket % 31) });
    if (ticket % 4 === 0) events.push({ seq: ++seq, at: at + 510_000, type: 'rating.recorded', day, serviceId, button: 1 + (ticket % 5), buttons: 5 });
    at += 45_000;
  }
  return events.slice(0, count);
}

function batchesOf(events: SyncEvent[]): Array<{ body: string; digest: string }> {
  const bodies: Array<{ body: string; digest: string }> = [];
  for (let i = 0; i < events.length; i += BATCH_EVENTS) {
    const part = events.slice(i, i + BATCH_EVENTS);
    const batch: SyncBatch = { epoch: 0, after: i === 0 ? 0 : events[i - 1]!.seq, through: part.at(-1)!.seq, events: part, status: { waiting: 3, desksOpen: 2 } };
    const body = JSON.stringify(batch);
    bodies.push({ body, digest: contentDigest(body) });
  }
  return bodies;
}

async function measureIngest(pool: pg.Pool, url: string): Promise<BenchFigure[]> {
  const offices: Array<{ credential: string; bodies: Array<{ body: string; digest: string }> }> = [];
  const start = Date.parse('2026-03-21T04:00:00Z');
  for (let i = 0; i < OFFICES; i++) {
    const { credential } = await enrolled(pool, `office ${i}`, `province ${i % PROVINCES}`);
    offices.push({ credential, bodies: batchesOf(officeLog(EVENTS_PER_OFFICE, start)) });
  }
  // Each office sends its batches in order, one at a time (as the office does); IN_FLIGHT offices at once.
  const queue = [...offices.keys()];
  const latencies: number[] = [];
  const began = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        for (const { body, digest } of offices[next]!.bodies) {
          const sent = performance.now();
          const response = await fetch(`${url}/api/v1/sync/batches`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-digest': digest, authorization: `Bearer ${offices[next]!.credential}` }, body });
          if (response.status !== 200) throw new Error(`batch refused: ${response.status} ${await response.text()}`);
          await response.arrayBuffer();
          latencies.push(performance.now() - sent);
        }
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  const total = OFFICES * EVENTS_PER_OFFICE;
  const { rows } = await pool.query<{ n: string }>('SELECT SUM(issued) AS n FROM office_days');
  const issued = offices.length * officeLog(EVENTS_PER_OFFICE, start).filter((e) => e.type === 'ticket.issued').length;
  if (Number(rows[0]!.n) !== issued) throw new Error(`central counts ${rows[0]!.n} tickets issued, ${issued} were sent`);
  latencies.sort((a, b) => a - b);
  return [
    { name: `central ingest, ${OFFICES} offices syncing (${IN_FLIGHT} batches in flight)`, value: total / seconds, unit: 'events/s', target: { op: '>=', value: 50_000 }, detail: `${total} events in batches of ${BATCH_EVENTS}, ${seconds.toFixed(1)} s, PostgreSQL with fsync on` },
    { name: 'central ingest, one batch of 2,000 events applied, p99', value: percentile(latencies, 99), unit: 'ms', detail: `p50 ${percentile(latencies, 50).toFixed(0)} ms` },
  ];
}

/** Seven days of a busy office's log (`events` of them), written as its store writes it (queue events' JSON). */
function writeBacklog(db: ReturnType<typeof openDatabase>, events: number): void {
    const insert = db.prepare('INSERT INTO events (at, type, ticket_id, desk_id, actor, data) VALUES (?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      const base = Date.parse('2026-11-15T04:00:00Z');
      for (let t = 0; t * 4 < events; t++) {
        const at = base + Math.floor(t / 715) * 86_400_000 + (t % 715) * 36_000;
        const ticketId = randomBytes(16).toString('base64url');
        const serviceId = SERVICES[t % SERVICES.length]!;
        const ticket = [
          { type: 'ticket.issued', at, ticketId, serviceId, number: String(1000 + t), counter: t, day: '', priorityGroup: null },
          { type: 'ticket.called', at: at + 240_000, ticketId, deskId: 'desk-1', serviceId, number: String(1000 + t), priorityGroup: null, waitedSeconds: 240, how: 'next' },
          { type: 'ticket.started', at: at + 250_000, ticketId, deskId: 'desk-1' },
          { type: 'ticket.finished', at: at + 430_000, ticketId, deskId: 'desk-1', outcome: 'done', note: null, serviceSeconds: 180 },
        ];
        for (const e of ticket) insert.run(e.at, e.type, ticketId, 'desk-1', 'user:1', JSON.stringify(e));
      }
    })();
}

async function measureCatchUp(pool: pg.Pool, url: string): Promise<BenchFigure> {
  const { officeId, credential } = await enrolled(pool, 'offline office', 'province 0');
  const dir = tempDir('nobat-central-bench-');
  try {
    const db = openDatabase(join(dir, 'nobat.db'));
    writeBacklog(db, OFFLINE_EVENTS);
    writeLink(db, { url, officeId, credential, epoch: 0, synced: 0 });
    const last = (db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number }).seq;
    const sync = new OutboundSync({ db, timeZone: () => 'Asia/Tehran', log: quietLog, status: () => ({ waiting: 0, desksOpen: 0 }), idleMs: 5 });
    const began = performance.now();
    sync.start();
    for (;;) {
      const { rows } = await pool.query<{ high_water: string }>('SELECT high_water FROM offices WHERE id = $1', [officeId]);
      if (Number(rows[0]!.high_water) >= last) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const seconds = (performance.now() - began) / 1000;
    await sync.close();
    db.close();
    return { name: `an office offline 7 days (${last} events) catching up through its outbound sync`, value: seconds, unit: 's', target: { op: '<=', value: 10 } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The office's own ticket issue while it syncs: a real office server (`nobat start`, a child process)
 * with two weeks' backlog in its log, 100 kiosks issuing at 1 ticket/s each, first with no link, then
 * just after `nobat join` while its outbound sync ships the backlog to central.
 */
async function measureIssueWhileSyncing(pool: pg.Pool, url: string): Promise<BenchFigure[]> {
  const dir = tempDir('nobat-central-office-');
  try {
    const db = openDatabase(join(dir, 'nobat.db'));
    writeBacklog(db, 2 * OFFLINE_EVENTS);
    const last = (db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number }).seq;
    db.close();
    const office = await spawnServer(dir, { readyWithinMs: 60_000 });
    try {
      let n = 0;
      const issue = () => ({ method: 'POST' as const, path: '/api/v1/tickets', body: { serviceId: SERVICES[n++ % SERVICES.length] } });
      await send(office.url, issue());
      const alone = await openLoop(office.url, KIOSKS, 1, ISSUE_WINDOW_MS, issue);
      const { id, code } = await addOffice(pool, 'busy office', 'province 0');
      await nobat(['join', url, code, '--data', dir]);
      const mark = async () => Number((await pool.query<{ high_water: string }>('SELECT high_water FROM offices WHERE id = $1', [id])).rows[0]!.high_water);
      while ((await mark()) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      const syncing = await openLoop(office.url, KIOSKS, 1, ISSUE_WINDOW_MS, issue);
      const shipped = await mark();
      const p99 = (latencies: number[]) => percentile([...latencies].sort((a, b) => a - b), 99);
      const detail = (run: typeof alone) => `${KIOSKS} kiosks × 1 ticket/s for ${ISSUE_WINDOW_MS / 1000} s (open loop), ${run.statuses.get(201) ?? 0} × 201, ${run.failures} failed`;
      return [
        { name: `office: issue a ticket, ${KIOSKS} kiosks × 1/s, no link to central, p99`, value: p99(alone.latencies), unit: 'ms', detail: detail(alone) },
        {
          name: `office: issue a ticket, ${KIOSKS} kiosks × 1/s, while syncing its backlog to central, p99`,
          value: p99(syncing.latencies),
          unit: 'ms',
          detail: `${detail(syncing)}; central held ${shipped} of the office's ${last}+ seqs when the window closed${shipped < last ? ' (the sync ran throughout)' : ' (the sync finished inside the window)'}`,
        },
      ];
    } finally {
      await office.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureReports(pool: pg.Pool, url: string): Promise<BenchFigure[]> {
  // A year of office-day rows for 200 more offices, as if each had synced for a year (≈ 60 M tickets).
  const { rows: created } = await pool.query<{ id: number }>(
    `INSERT INTO offices (name, province, enrolled_at) SELECT 'year office ' || n, 'province ' || (n % ${PROVINCES}), now() FROM generate_series(1, ${OFFICES}) n RETURNING id`,
  );
  const ids = created.map((r) => r.id);
  // Each row with its histograms as a day of 150 called and 130 served tickets leaves them: 30 wait
  // buckets (350–495 s) and 26 of time at the desk (180–305 s).
  await pool.query(
    `INSERT INTO office_days (office_id, day, service_id, issued, served, no_shows, cancelled, transferred, wait_count, wait_ms, service_count, service_ms, ratings, ratings_top_two, rating_points3,
       promise_count, promise_within, promise_not_later, promise_past_upper_by5, promise_abs_error_ms, promise_lateness_ms)
     SELECT o, d::date, s, 155 + (o + extract(doy FROM d)::int) % 20, 130, 6, 2, 3, 150, 150 * 422000, 130, 130 * 242000, 40, 30, 480, 150, 110, 130, 6, 150 * 61000, 150 * 12000
     FROM unnest($1::int[]) o, generate_series('2026-03-21'::date, '2027-03-20'::date, '1 day') d, unnest($2::text[]) s`,
    [ids, SERVICES],
  );
  await pool.query(
    `WITH waits AS (SELECT jsonb_object_agg((350 + b * 5)::text, 4 + b % 3) AS h FROM generate_series(0, 29) b),
       services AS (SELECT jsonb_object_agg((180 + b * 5)::text, 5) AS h FROM generate_series(0, 25) b)
     INSERT INTO office_day_spreads (office_id, day, service_id, wait_histogram, service_histogram, wait_max_s, service_max_s)
     SELECT o, d::date, s, waits.h, services.h, 498.5, 309
     FROM unnest($1::int[]) o, generate_series('2026-03-21'::date, '2027-03-20'::date, '1 day') d, unnest($2::text[]) s, waits, services`,
    [ids, SERVICES],
  );
  // And the month rows beside them: each month's histograms are its days' added up.
  const monthDays = new Map<string, number>();
  for (const { jalali } of daysOf({ from: '2026-03-21', to: '2027-03-20' })) monthDays.set(jalali.slice(0, 7), (monthDays.get(jalali.slice(0, 7)) ?? 0) + 1);
  await pool.query(
    `INSERT INTO office_month_spreads (office_id, month, service_id, wait_histogram, service_histogram, wait_max_s, service_max_s)
     SELECT o, m.month, s, (SELECT jsonb_object_agg((350 + b * 5)::text, (4 + b % 3) * m.days) FROM generate_series(0, 29) b),
       (SELECT jsonb_object_agg((180 + b * 5)::text, 5 * m.days) FROM generate_series(0, 25) b), 498.5, 309
     FROM unnest($1::int[]) o, unnest($3::text[], $4::int[]) m(month, days), unnest($2::text[]) s`,
    [ids, SERVICES, [...monthDays.keys()], [...monthDays.values()]],
  );
  await pool.query('ANALYZE office_days');
  await pool.query('ANALYZE office_month_spreads');
  await pool.query('ANALYZE office_day_spreads');
  const { rows: counted } = await pool.query<{ rows: string; tickets: string }>('SELECT COUNT(*) AS rows, SUM(issued) AS tickets FROM office_days');
  await addOrgUser(pool, { username: 'bench-admin', name: 'bench', role: 'org_admin', province: null, password: 'bench-password' });
  await addOrgUser(pool, { username: 'bench-province', name: 'bench', role: 'province_manager', province: 'province 7', password: 'bench-password' });
  const token = async (username: string) => ((await (await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'bench-password' }) })).json()) as { token: string }).token;
  const timed = async (who: string, path: string) => {
    const bearer = await token(who);
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const began = performance.now();
      const response = await fetch(`${url}/api/v1${path}`, { headers: { authorization: `Bearer ${bearer}` } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await response.json();
      if (i > 0) times.push(performance.now() - began);
    }
    return times.sort((a, b) => a - b);
  };
  const month = await timed('bench-admin', '/org/stats/indicators?from=1405-08');
  const sample = (await (await fetch(`${url}/api/v1/org/stats/indicators?from=1405-08`, { headers: { authorization: `Bearer ${await token('bench-admin')}` } })).json()) as { total: { waitSeconds: { p90: number | null } } };
  if (sample.total.waitSeconds.p90 === null) throw new Error('the month report gave no p90 wait from the histograms');
  const province = await timed('bench-province', '/org/stats/indicators?from=1405-08');
  const detail = `${counted[0]!.rows} office-day rows, ${(Number(counted[0]!.tickets) / 1e6).toFixed(1)} M tickets; median of ${RUNS}, after one warm-up`;
  return [
    { name: `central: a month's organisation report over a year of ${OFFICES} offices`, value: percentile(month, 50), unit: 'ms', target: { op: '<=', value: 1000 }, detail: `${detail}; max ${month.at(-1)!.toFixed(0)} ms` },
    { name: `central: a month's report for one province (${Math.round(OFFICES / PROVINCES)} offices)`, value: percentile(province, 50), unit: 'ms', target: { op: '<=', value: 300 }, detail: `max ${province.at(-1)!.toFixed(0)} ms` },
  ];
}
