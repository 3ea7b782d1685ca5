// Real processes end to end: central (`nobat central`) on a throwaway PostgreSQL, two demo offices
// (`nobat start`) joined with `nobat join` and the codes `nobat central office add` printed. Under a
// steady load in both offices, central is killed with SIGKILL at random points of the sync and
// started again on the same port, several times. Afterwards central's figures for each office equal
// the office's own report exactly: nothing lost, nothing counted twice.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serviceDay } from '../../server/time/day.js';
import { call, login } from '../faults/lib/http.js';
import { withDb } from '../faults/lib/db.js';
import { killAll, spawnServer, type SpawnedServer } from '../faults/lib/spawn-server.js';
import { until } from './lib/central.js';
import { startPgCluster, type PgCluster } from './lib/pg-cluster.js';
import { killAllCentrals, nobat, spawnCentral, type SpawnedCentral } from './lib/spawn-central.js';

const KILLS = 3;
const SERVICES = ['certificate', 'payment', 'request', 'documents'];

describe('central killed with SIGKILL during the sync', () => {
  let cluster: PgCluster;
  let databaseUrl: string;
  let central: SpawnedCentral;
  const dirs: string[] = [];
  const offices: Array<{ server: SpawnedServer; dir: string; officeId: number; desk: string; manager: string }> = [];

  before(async () => {
    cluster = await startPgCluster();
    databaseUrl = await cluster.createDatabase('killed');
    central = await spawnCentral(databaseUrl);
    await nobat(['central', 'user', 'add', '--username', 'auditor', '--role', 'auditor', '--password', 'audit-password'], { NOBAT_DATABASE_URL: databaseUrl });
    for (const name of ['Karaj 1', 'Qom 2']) {
      const printed = await nobat(['central', 'office', 'add', '--name', name, '--province', name.split(' ')[0]!, '--database', databaseUrl]);
      const code = /enrolment code: (\S+)/.exec(printed)![1]!;
      const officeId = Number(/^office (\d+)/.exec(printed)![1]);
      const dir = mkdtempSync(join(tmpdir(), 'nobat-central-office-'));
      dirs.push(dir);
      const server = await spawnServer(dir, { readyWithinMs: 60_000 });
      assert.match(await nobat(['join', central.url, code, '--data', dir]), new RegExp(`as office ${officeId}`));
      offices.push({ server, dir, officeId, desk: await login(server.url, 'staff1', 'desk-1'), manager: await login(server.url, 'manager') });
    }
  });
  after(async () => {
    await killAll();
    await killAllCentrals();
    await cluster?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('ends with central counting each office-day exactly as the office does', async () => {
    let stop = false;
    const load = offices.map(async (office, n) => {
      for (let i = 0; !stop; i++) {
        await call(office.server.url, 'POST', '/tickets', { json: { serviceId: SERVICES[(i + n) % SERVICES.length] } });
        if (i % 3 !== 0) continue;
        const next = await call(office.server.url, 'POST', '/desks/desk-1/next', { token: office.desk });
        const ticket = (next.body as { ticket?: { id: string } } | undefined)?.ticket;
        if (!ticket) continue;
        await call(office.server.url, 'POST', `/tickets/${ticket.id}/start`, { token: office.desk });
        await call(office.server.url, 'POST', `/tickets/${ticket.id}/finish`, { token: office.desk, json: { outcome: 'done' } });
      }
    });
    for (let kill = 0; kill < KILLS; kill++) {
      // Kill at a random point once the offices have something new on the way.
      const marks = await Promise.all(offices.map((o) => centralMark(o.officeId)));
      await until(async () => (await Promise.all(offices.map((o) => centralMark(o.officeId)))).some((m, i) => m > marks[i]!), 'central applied a batch');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 400));
      await central.kill();
      central = await spawnCentral(databaseUrl, central.port);
    }
    stop = true;
    await Promise.all(load);

    const today = serviceDay(Date.now(), 'Asia/Tehran').iso;
    const yesterday = serviceDay(Date.now() - 86_400_000, 'Asia/Tehran').iso;
    const auditor = (await call(central.url, 'POST', '/auth/login', { json: { username: 'auditor', password: 'audit-password' } })).body as { token: string };
    for (const office of offices) {
      // Compared at one seq of the office's log: its keypads may still rate while this runs.
      for (;;) {
        const seq = officeSeq(office.dir);
        await until(async () => (await centralMark(office.officeId)) >= seq, `central caught up with office ${office.officeId}`, 60_000);
        const own = (await call(office.server.url, 'GET', `/stats/report?from=${yesterday}&to=${today}&by=service`, { token: office.manager })).body as any;
        const org = (await call(central.url, 'GET', `/org/stats/indicators?from=${yesterday}&to=${today}&office=${office.officeId}`, { token: auditor.token })).body as any;
        if (officeSeq(office.dir) !== seq || (await centralMark(office.officeId)) !== seq) continue;
        assert.ok(own.total.issued > 20 && own.total.served > 5, JSON.stringify(own.total));
        for (const field of ['issued', 'served', 'noShows', 'cancelled', 'transferred'] as const) assert.equal(org.total[field], own.total[field], `${field} of office ${office.officeId}`);
        assert.equal(org.total.waitSeconds.count, own.total.waitSeconds.count);
        assert.ok(Math.abs(org.total.waitSeconds.mean - own.total.waitSeconds.mean) < 1e-6);
        assert.equal(org.total.serviceSeconds.count, own.total.serviceSeconds.count);
        assert.equal(org.total.ratings.count, own.total.ratings.count);
        break;
      }
    }
  });

  async function centralMark(officeId: number): Promise<number> {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ high_water: string }>('SELECT high_water FROM offices WHERE id = $1', [officeId]);
      return Number(rows[0]!.high_water);
    } finally {
      await client.end();
    }
  }
});

function officeSeq(dir: string): number {
  return withDb(dir, (db) => (db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM events').get() as { seq: number }).seq);
}
