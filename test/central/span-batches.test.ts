// Tickets whose events arrive at central in different batches: issued in one, called in the next,
// served, transferred, no-show or cancelled in later ones. Central follows each ticket from what it
// kept of it, and after every batch its figures for the office-day equal the office's own report:
// counts, means, the percentiles read from histograms, and how well the promised wait held.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningCentral } from '../../server/central/main.js';
import { addOffice } from '../../server/central/org/offices.js';
import { addOrgUser } from '../../server/central/org/users.js';
import { joinCentral } from '../../server/sync/join.js';
import type { SyncEvent } from '../../server/sync/wire.js';
import { startTestOffice, type TestOffice } from '../integration/lib/office-server.js';
import { centralApi, highWater, startTestCentral, until } from './lib/central.js';
import { startPgCluster, type PgCluster } from './lib/pg-cluster.js';

const DAY = '2026-11-22';

describe('tickets whose events span batches', () => {
  let cluster: PgCluster;
  let central: RunningCentral;
  let office: TestOffice;
  let officeId: number;
  let auditor: string;
  let manager: string;
  let promisesSeen = 0;

  before(async () => {
    cluster = await startPgCluster();
    central = await startTestCentral(cluster);
    office = await startTestOffice();
    const added = await addOffice(central.pool, 'District 9', 'Tehran');
    officeId = added.id;
    await joinCentral(office.server.db, central.url, added.code);
    await addOrgUser(central.pool, { username: 'auditor', name: 'Auditor', role: 'auditor', province: null, password: 'audit-password' });
    auditor = (await centralApi(central.url, 'POST', '/auth/login', { body: { username: 'auditor', password: 'audit-password' } })).body.token;
    manager = await office.login('manager');
  });
  after(async () => {
    await office?.stop();
    await central?.close();
    await cluster?.stop();
  });

  const officeSeq = () => (office.server.db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number }).seq;
  const batches = async () => Number((await central.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM event_batches WHERE office_id = $1', [officeId])).rows[0]!.n);

  /** Waits for central to apply what the office has now, in a batch of its own, then compares the figures. */
  async function syncedAndEqual(step: string): Promise<void> {
    const before = await batches();
    await until(async () => (await highWater(central, officeId)) === officeSeq(), `central caught up after: ${step}`);
    assert.ok((await batches()) > before, `${step} came in a batch of its own`);
    const own = (await office.api('GET', `/stats/report?from=${DAY}&by=service`, { token: manager })).body;
    const org = (await centralApi(central.url, 'GET', `/org/stats/indicators?from=${DAY}&office=${officeId}`, { token: auditor })).body;
    for (const field of ['issued', 'served', 'noShows', 'cancelled', 'transferred'] as const) assert.equal(org.total[field], own.total[field], `${step}: ${field}`);
    for (const measure of ['waitSeconds', 'serviceSeconds'] as const) {
      const [o, c] = [own.total[measure], org.total[measure]];
      assert.equal(c.count, o.count, `${step}: ${measure} count`);
      if (o.count > 0) assert.ok(Math.abs(c.mean - o.mean) < 1e-6, `${step}: ${measure} mean ${c.mean} ≠ ${o.mean}`);
      assert.deepEqual([c.p50, c.p90, c.max], [o.p50, o.p90, o.max], `${step}: ${measure} p50, p90, max`);
    }
    // Indicator 10: the wait told at issue against the wait that followed.
    const indicators = (await office.api('GET', `/stats/indicators?from=${DAY}`, { token: manager })).body;
    const [a, b] = [indicators.turnSystem.accuracy, org.turnSystem.accuracy];
    assert.equal(b.count, a.count, `${step}: promises`);
    for (const share of ['withinRangeShare', 'notLaterShare', 'pastUpperBy5Share'] as const) assert.equal(b[share], a[share], `${step}: ${share}`);
    for (const seconds of ['meanAbsoluteErrorSeconds', 'meanLatenessSeconds'] as const) assert.ok(a[seconds] === null ? b[seconds] === null : Math.abs(b[seconds] - a[seconds]) < 1e-3, `${step}: ${seconds} ${b[seconds]} ≠ ${a[seconds]}`);
    assert.deepEqual(org.turnSystem.waitSeconds, org.total.waitSeconds);
    // The whole month (Azar 1405, this day its only one with tickets) reads the month's histograms.
    const month = (await centralApi(central.url, 'GET', `/org/stats/indicators?from=1405-09&office=${officeId}`, { token: auditor })).body;
    assert.deepEqual([month.total.waitSeconds, month.total.serviceSeconds], [org.total.waitSeconds, org.total.serviceSeconds], `${step}: the month's spreads`);
    promisesSeen = Math.max(promisesSeen, a.count);
    for (const row of indicators.serviceTime as Array<{ serviceId: string; p90Seconds: number | null }>) {
      const theirs = org.serviceTime.find((v: { serviceId: string }) => v.serviceId === row.serviceId);
      assert.equal(theirs?.p90Seconds ?? null, row.p90Seconds, `${step}: p90 time at the desk for ${row.serviceId}`);
    }
    for (const row of own.rows as Array<{ key: string; issued: number; served: number }>) {
      assert.equal(org.visitorsPerMonth.find((v: { serviceId: string }) => v.serviceId === row.key)?.issued ?? 0, row.issued, `${step}: issued for ${row.key}`);
      assert.equal(org.serviceTime.find((v: { serviceId: string }) => v.serviceId === row.key)?.served ?? 0, row.served, `${step}: served for ${row.key}`);
    }
  }

  it('counts each ticket where the office does after every batch', async () => {
    const desk1 = await office.login('staff1', 'desk-1');
    const desk3 = await office.login('staff3', 'desk-3');
    const act = (token: string, path: string, body?: unknown) => office.api('POST', path, { token, ...(body ? { body } : {}) });
    const ids: string[] = [];
    for (const service of ['payment', 'certificate', 'payment', 'request', 'certificate', 'payment']) ids.push((await office.api('POST', '/tickets', { body: { serviceId: service } })).body.id);
    await syncedAndEqual('six tickets issued');

    office.clock.advance(130);
    const first = (await act(desk1, '/desks/desk-1/next')).body.ticket;
    office.clock.advance(40);
    const second = (await act(desk3, '/desks/desk-3/next')).body.ticket;
    await syncedAndEqual('two called');

    await act(desk1, `/tickets/${first.id}/start`);
    await act(desk3, `/tickets/${second.id}/start`);
    office.clock.advance(210);
    await act(desk1, `/tickets/${first.id}/finish`, { outcome: 'done' });
    assert.equal((await act(desk3, `/tickets/${second.id}/transfer`, { serviceId: 'documents' })).status, 200);
    await syncedAndEqual('one served, one transferred to another service');

    office.clock.advance(75);
    let called = (await act(desk1, '/desks/desk-1/next')).body.ticket;
    office.clock.advance(20);
    await act(desk1, `/tickets/${called.id}/recall`);
    office.clock.advance(61);
    assert.equal((await act(desk1, `/tickets/${called.id}/no-show`)).status, 200);
    assert.equal((await act(desk3, `/tickets/${ids.at(-1)}/cancel`)).status, 200);
    await syncedAndEqual('a no-show and a cancel');

    assert.equal((await act(desk1, `/tickets/${called.id}/reinstate`, {})).status, 200);
    for (let i = 0; i < 4; i++) {
      office.clock.advance(33 + i * 17);
      called = (await act(desk3, '/desks/desk-3/next')).body?.ticket;
      if (!called) break;
      await act(desk3, `/tickets/${called.id}/start`);
      office.clock.advance(95 + i * 41);
      await act(desk3, `/tickets/${called.id}/finish`, { outcome: 'done' });
    }
    await syncedAndEqual('the no-show reinstated and the rest served');

    assert.ok(promisesSeen >= 3, `the tickets were told a wait at issue (${promisesSeen})`);
    // The transferred ticket's events really lie in different batches.
    const { rows } = await central.pool.query<{ events: string }>('SELECT events FROM event_batches WHERE office_id = $1 ORDER BY first_seq', [officeId]);
    const inBatch = rows.map((r) => (JSON.parse(r.events) as SyncEvent[]).map((e) => e.type));
    assert.ok(inBatch[0]!.every((t) => t === 'ticket.issued'));
    assert.ok(inBatch.slice(1).some((types) => types.includes('ticket.finished')));
  });
});
