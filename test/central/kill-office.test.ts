// Real processes end to end: central (`nobat central`) on a throwaway PostgreSQL and an office
// (`nobat start`) joined with `nobat join`, whose server is killed with SIGKILL in the middle of its
// sync and started again on its data directory. First deterministically: central commits a batch
// whose answer the relay swallows, and the office dies before it hears it, so the restarted office
// sends events central holds already. Then at random points under a steady load. Afterwards central
// holds each event of the office's log exactly once and its figures equal the office's own report.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { serviceDay } from '../../server/time/day.js';
import { toSyncEvent } from '../../server/sync/to-wire.js';
import type { SyncEvent } from '../../server/sync/wire.js';
import { CuttableProxy } from '../faults/lib/cuttable-proxy.js';
import { withDb } from '../faults/lib/db.js';
import { call, login } from '../faults/lib/http.js';
import { killAll, spawnServer, type SpawnedServer } from '../faults/lib/spawn-server.js';
import { until } from './lib/central.js';
import { startPgCluster, type PgCluster } from './lib/pg-cluster.js';
import { killAllCentrals, nobat, spawnCentral, type SpawnedCentral } from './lib/spawn-central.js';

const RANDOM_KILLS = 3;
const SERVICES = ['certificate', 'payment', 'request', 'documents'];

describe('an office killed with SIGKILL during its sync', () => {
  let cluster: PgCluster;
  let databaseUrl: string;
  let central: SpawnedCentral;
  let proxy: CuttableProxy;
  let office: SpawnedServer;
  let officeId: number;
  let db: pg.Pool;
  const dir = mkdtempSync(join(tmpdir(), 'nobat-central-killed-office-'));

  before(async () => {
    cluster = await startPgCluster();
    databaseUrl = await cluster.createDatabase('killed_office');
    central = await spawnCentral(databaseUrl);
    db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    proxy = await CuttableProxy.start(central.port);
    await nobat(['central', 'user', 'add', '--username', 'auditor', '--role', 'auditor', '--password', 'audit-password'], { NOBAT_DATABASE_URL: databaseUrl });
    const printed = await nobat(['central', 'office', 'add', '--name', 'Shiraz 3', '--province', 'Fars', '--database', databaseUrl]);
    const code = /enrolment code: (\S+)/.exec(printed)![1]!;
    officeId = Number(/^office (\d+)/.exec(printed)![1]);
    office = await spawnServer(dir, { readyWithinMs: 60_000 });
    assert.match(await nobat(['join', proxy.url, code, '--data', dir]), new RegExp(`as office ${officeId}`));
  });
  after(async () => {
    await killAll();
    await killAllCentrals();
    await proxy?.close();
    await db?.end();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const centralMark = async () => Number((await db.query<{ high_water: string }>('SELECT high_water FROM offices WHERE id = $1', [officeId])).rows[0]!.high_water);
  const officeSeq = () => withDb(dir, (d) => (d.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM events').get() as { seq: number }).seq);
  /** Until central holds the office's log up to where it is now (its keypads may rate meanwhile). */
  const caughtUp = async () => {
    const seq = officeSeq();
    await until(async () => (await centralMark()) >= seq, 'central caught up with the office', 60_000);
    return seq;
  };
  const restart = async () => {
    await office.kill();
    office = await spawnServer(dir, { port: office.port, readyWithinMs: 60_000 });
  };
  const issue = async (n: number) => {
    for (let i = 0; i < n; i++) assert.equal((await call(office.url, 'POST', '/tickets', { json: { serviceId: SERVICES[i % SERVICES.length] } })).status, 201);
  };

  it('sends again, after a restart, a batch central applied but whose answer the office never got; central counts it once', async () => {
    await issue(3);
    await caughtUp();
    proxy.loseAnswers();
    await issue(4);
    // Central committed the batch; the office is still waiting for the answer when it dies.
    const seq = officeSeq();
    await until(async () => (await centralMark()) >= seq, 'central applied the batch whose answer is lost');
    await restart();
    proxy.restore();
    await until(() => central.output().includes('not counted again'), 'the restarted office sent the batch again and central named the repeat');
    await assertCountedOnce();
  });

  it('ends with every event counted once after kills at random points of the sync under load', async () => {
    for (let kill = 0; kill < RANDOM_KILLS; kill++) {
      let stop = false;
      const desk = await login(office.url, 'staff1', 'desk-1');
      const load = (async () => {
        for (let i = 0; !stop; i++) {
          // The office dies under the load; a request that finds it gone ends this round's load.
          try {
            await call(office.url, 'POST', '/tickets', { json: { serviceId: SERVICES[i % SERVICES.length] } });
            if (i % 2 !== 0) continue;
            const next = await call(office.url, 'POST', '/desks/desk-1/next', { token: desk });
            const ticket = (next.body as { ticket?: { id: string } } | undefined)?.ticket;
            if (!ticket) continue;
            await call(office.url, 'POST', `/tickets/${ticket.id}/start`, { token: desk });
            await call(office.url, 'POST', `/tickets/${ticket.id}/finish`, { token: desk, json: { outcome: 'done' } });
          } catch {
            return;
          }
        }
      })();
      const mark = await centralMark();
      await until(async () => (await centralMark()) > mark, 'central applied a batch of this round');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 400));
      await restart();
      stop = true;
      await load;
    }
    await issue(2);
    await assertCountedOnce();
  });

  /** Central holds each event the office ships exactly once, and the office's figures. */
  async function assertCountedOnce(): Promise<void> {
    const seq = await caughtUp();
    const shipped = withDb(dir, (d) => (d.prepare('SELECT seq, data FROM events WHERE seq <= ? ORDER BY seq').all(seq) as Array<{ seq: number; data: string }>).flatMap((r) => toSyncEvent(r.seq, r.data, 'Asia/Tehran') ?? []));
    const { rows } = await db.query<{ events: string }>('SELECT events FROM event_batches WHERE office_id = $1 ORDER BY first_seq', [officeId]);
    const held = (rows.flatMap((r) => JSON.parse(r.events)) as SyncEvent[]).filter((e) => e.seq <= seq);
    assert.deepEqual(held.map((e) => e.seq), shipped.map((e) => e.seq), 'central holds each seq of the office log once, in order');
    assert.deepEqual(held, shipped);

    const today = serviceDay(Date.now(), 'Asia/Tehran').iso;
    const yesterday = serviceDay(Date.now() - 86_400_000, 'Asia/Tehran').iso;
    const manager = await login(office.url, 'manager');
    const auditor = (await call(central.url, 'POST', '/auth/login', { json: { username: 'auditor', password: 'audit-password' } })).body as { token: string };
    const own = (await call(office.url, 'GET', `/stats/report?from=${yesterday}&to=${today}&by=service`, { token: manager })).body as any;
    const org = (await call(central.url, 'GET', `/org/stats/indicators?from=${yesterday}&to=${today}&office=${officeId}`, { token: auditor.token })).body as any;
    assert.ok(own.total.issued >= 7, JSON.stringify(own.total));
    for (const field of ['issued', 'served', 'noShows', 'cancelled', 'transferred'] as const) assert.equal(org.total[field], own.total[field], field);
    assert.equal(org.total.waitSeconds.count, own.total.waitSeconds.count);
    assert.equal(org.total.serviceSeconds.count, own.total.serviceSeconds.count);
  }
});
