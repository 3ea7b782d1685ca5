// An office synced to central on a real PostgreSQL: central's figures per office-day equal the
// office's own report exactly, through calls, no-shows, reinstatements, transfers and cancels;
// nothing personal arrives; a replayed batch counts once, a corrupt one changes nothing, a batch
// that rewrites the log is refused as seq_regressed; a used code and a revoked office are refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addOffice, revokeOffice } from '../../server/central/org/offices.js';
import { addOrgUser } from '../../server/central/org/users.js';
import { joinCentral } from '../../server/sync/join.js';
import { readLink } from '../../server/sync/link-store.js';
import { toSyncEvent } from '../../server/sync/to-wire.js';
import { contentDigest, type SyncBatch } from '../../server/sync/wire.js';
import type { RunningCentral } from '../../server/central/main.js';
import { startTestOffice, type TestOffice } from '../integration/lib/office-server.js';
import { capturingLog, centralApi, highWater, startTestCentral, until } from './lib/central.js';
import { startPgCluster, type PgCluster } from './lib/pg-cluster.js';

const DAY = '2026-11-22';
const NOTE = 'همراه ۰۹۱۲۱۲۳۴۵۶۷ — visitor 09121234567';

describe('an office synced to central', () => {
  let cluster: PgCluster;
  let central: RunningCentral;
  let office: TestOffice;
  let officeId: number;
  let code: string;
  const log = capturingLog();
  const officeLog = capturingLog();

  before(async () => {
    cluster = await startPgCluster();
    central = await startTestCentral(cluster, log);
    office = await startTestOffice({ log: officeLog });
    ({ id: officeId, code } = await addOffice(central.pool, 'District 1', 'Tehran'));
    await joinCentral(office.server.db, central.url, code);
  });
  after(async () => {
    await office?.stop();
    await central?.close();
    await cluster?.stop();
  });

  const officeSeq = () => (office.server.db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number }).seq;
  const synced = () => until(async () => (await highWater(central, officeId)) === officeSeq(), 'central caught up with the office');
  const tickets = (serviceId: string) => office.api('POST', '/tickets', { body: { serviceId } }).then((r) => r.body.id as string);

  it('counts every office-day figure exactly as the office does', async () => {
    const desk1 = await office.login('staff1', 'desk-1');
    const desk3 = await office.login('staff3', 'desk-3');
    const ids = [];
    for (const service of ['payment', 'certificate', 'request', 'payment', 'documents', 'certificate', 'payment', 'request']) ids.push(await tickets(service));
    const act = (token: string, path: string, body?: unknown) => office.api('POST', path, { token, ...(body ? { body } : {}) });
    // Served with a note (which must stay in the office), after waits of different lengths.
    office.clock.advance(95);
    let called = (await act(desk1, '/desks/desk-1/next')).body.ticket;
    await act(desk1, `/tickets/${called.id}/start`);
    office.clock.advance(240);
    await act(desk1, `/tickets/${called.id}/finish`, { outcome: 'done', note: NOTE });
    // A no-show after a recall and the grace time; then another that is reinstated and served.
    called = (await act(desk1, '/desks/desk-1/next')).body.ticket;
    office.clock.advance(20);
    await act(desk1, `/tickets/${called.id}/recall`);
    office.clock.advance(61);
    assert.equal((await act(desk1, `/tickets/${called.id}/no-show`)).status, 200);
    const late = (await act(desk3, '/desks/desk-3/next')).body.ticket;
    office.clock.advance(5);
    await act(desk3, `/tickets/${late.id}/recall`);
    office.clock.advance(61);
    await act(desk3, `/tickets/${late.id}/no-show`);
    assert.equal((await act(desk3, `/tickets/${late.id}/reinstate`, {})).status, 200);
    // A transfer: the ticket's figures move to the service it ends in.
    called = (await act(desk1, '/desks/desk-1/next')).body.ticket;
    await act(desk1, `/tickets/${called.id}/start`);
    office.clock.advance(30);
    assert.equal((await act(desk1, `/tickets/${called.id}/transfer`, { serviceId: 'documents' })).status, 200);
    // A cancel and the reinstated ticket served.
    assert.equal((await act(desk3, `/tickets/${ids.at(-1)}/cancel`)).status, 200);
    for (let i = 0; i < 3; i++) {
      called = (await act(desk3, '/desks/desk-3/next')).body?.ticket;
      if (!called) break;
      await act(desk3, `/tickets/${called.id}/start`);
      office.clock.advance(47 + i);
      await act(desk3, `/tickets/${called.id}/finish`, { outcome: 'done' });
    }
    await synced();

    const manager = await office.login('manager');
    const own = (await office.api('GET', `/stats/report?from=${DAY}&by=service`, { token: manager })).body;
    const admin = await orgToken('admin1', 'org_admin');
    const org = (await centralApi(central.url, 'GET', `/org/stats/indicators?from=${DAY}&office=${officeId}`, { token: admin })).body;
    for (const field of ['issued', 'served', 'noShows', 'cancelled', 'transferred'] as const) assert.equal(org.total[field], own.total[field], field);
    assert.ok(own.total.noShows >= 1 && own.total.transferred >= 1 && own.total.cancelled >= 1 && own.total.served >= 3, `the day has every kind of outcome: ${JSON.stringify(own.total)}`);
    assert.equal(org.total.waitSeconds.count, own.total.waitSeconds.count);
    assert.ok(Math.abs(org.total.waitSeconds.mean - own.total.waitSeconds.mean) < 1e-9);
    assert.equal(org.total.serviceSeconds.count, own.total.serviceSeconds.count);
    assert.ok(Math.abs(org.total.serviceSeconds.mean - own.total.serviceSeconds.mean) < 1e-9);
    for (const row of own.rows.filter((r: { issued: number }) => r.issued > 0)) {
      const visitors = org.visitorsPerMonth.find((v: { serviceId: string }) => v.serviceId === row.key);
      const time = org.serviceTime.find((v: { serviceId: string }) => v.serviceId === row.key);
      assert.equal(visitors?.issued, row.issued, `issued for ${row.key}`);
      assert.equal(time?.served, row.served, `served for ${row.key}`);
    }
    assert.equal(org.offices.length, 1);
    assert.equal(org.offices[0].issued, own.total.issued);
  });

  it('receives nothing personal: no notes, no ticket ids, no staff', async () => {
    const { rows } = await central.pool.query<{ events: string }>('SELECT events FROM event_batches');
    const all = rows.map((r) => r.events).join('\n');
    const ticketIds = (office.server.db.prepare('SELECT id FROM tickets').all() as Array<{ id: string }>).map((t) => t.id);
    assert.ok(all.length > 1000);
    assert.ok(!all.includes('09121234567') && !all.includes('۰۹۱۲'), 'no note text');
    for (const id of ticketIds) assert.ok(!all.includes(id), 'no raw ticket id');
    assert.ok(!/staff|note|desk/i.test(all), 'no staff, note or desk fields');
  });

  it('ignores a replayed old batch: counted once, logged', async () => {
    const before = await figures();
    const batch = officeBatch(0);
    const answer = await send(batch);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.applied, 0);
    assert.equal(answer.body.duplicates, batch.events.length);
    assert.deepEqual(await figures(), before);
    assert.ok(log.lines.some((l) => l.message.includes('not counted again') && l.fields['duplicates'] === batch.events.length));
  });

  it('refuses a corrupt batch whole (400) and applies none of it', async () => {
    const before = await figures();
    const mark = await highWater(central, officeId);
    const sent = JSON.stringify(officeBatch(0));
    const damaged = sent.replace(/"at":(\d)/, (_, d: string) => `"at":${(Number(d) + 1) % 10}`);
    const answers = [
      await send(damaged, sent),
      await send(officeBatch(0), null),
      await send(sent.slice(0, 500)),
      await send({ ...officeBatch(0), events: [...officeBatch(0).events].reverse() }),
      await send({ ...officeBatch(0), events: officeBatch(0).events.map((e, i) => (i === 0 ? { ...e, note: 'a visitor note' } : e)) }),
    ];
    for (const answer of answers) assert.equal(answer.body.error.code, 'corrupt_batch', JSON.stringify(answer.body));
    assert.ok(answers.every((a) => a.status === 400));
    assert.deepEqual(await figures(), before);
    assert.equal(await highWater(central, officeId), mark);
    assert.deepEqual(
      log.lines.filter((l) => l.message === 'sync batch refused: corrupt_batch').map((l) => String(l.fields['reason']).replace(/\d+/g, 'N')),
      ['Content-Digest does not match the body', 'no Content-Digest header', 'not JSON', 'seq N does not follow N', 'events.N: ticket.issued: unexpected fields'],
    );
  });

  it('refuses a batch whose events differ from those it holds at the same seqs (seq_regressed)', async () => {
    const before = await figures();
    const rewritten = officeBatch(0);
    const issued = rewritten.events.findIndex((e) => e.type === 'ticket.issued');
    rewritten.events[issued] = { ...(rewritten.events[issued] as Extract<SyncBatch['events'][number], { type: 'ticket.issued' }>), serviceId: 'complaint' };
    const answer = await send(rewritten);
    assert.equal(answer.status, 409);
    assert.equal(answer.body.error.code, 'seq_regressed');
    assert.equal(answer.body.error.details.divergedAt, rewritten.events[issued]!.seq);
    assert.deepEqual(await figures(), before);
    assert.ok(log.lines.some((l) => l.level === 'error' && l.message === 'sync batch refused: seq_regressed'));
  });

  it('refuses an enrolment code used once already, and requests without an office credential', async () => {
    const again = await centralApi(central.url, 'POST', '/enrol', { body: { code } });
    assert.equal(again.status, 403);
    assert.equal(again.body.error.code, 'bad_enrolment_code');
    const unsigned = await centralApi(central.url, 'POST', '/sync/batches', { body: officeBatch(0) });
    assert.equal(unsigned.status, 401);
    const forged = await centralApi(central.url, 'POST', '/sync/batches', { body: officeBatch(0), token: 'nbo_forged' });
    assert.equal(forged.status, 401);
  });

  it('shows a province manager only their province, an auditor everything', async () => {
    const other = await addOffice(central.pool, 'Shiraz 2', 'Fars');
    const fars = await orgToken('fars', 'province_manager', 'Fars');
    const tehran = await orgToken('tehran', 'province_manager', 'Tehran');
    const auditor = await orgToken('audit', 'auditor');
    const names = async (token: string) => (await centralApi(central.url, 'GET', '/org/offices', { token })).body.map((o: { name: string }) => o.name);
    assert.deepEqual(await names(fars), ['Shiraz 2']);
    assert.deepEqual(await names(tehran), ['District 1']);
    assert.deepEqual(await names(auditor), ['Shiraz 2', 'District 1']);
    const offices = (await centralApi(central.url, 'GET', '/org/offices', { token: tehran })).body;
    assert.equal(offices[0].lastSeq, officeSeq());
    assert.equal((await centralApi(central.url, 'GET', `/org/stats/indicators?from=${DAY}&province=Tehran`, { token: fars })).status, 403);
    assert.equal((await centralApi(central.url, 'GET', `/org/stats/indicators?from=${DAY}&office=${officeId}`, { token: fars })).status, 404);
    const farsReport = (await centralApi(central.url, 'GET', `/org/stats/indicators?from=${DAY}`, { token: fars })).body;
    assert.deepEqual(farsReport.offices.map((o: { id: number }) => o.id), [other.id]);
    assert.equal(farsReport.total.issued, 0);
    assert.equal((await centralApi(central.url, 'GET', '/org/offices')).status, 401);
  });

  it('refuses a revoked office, and the office logs it', async () => {
    assert.equal(await revokeOffice(central.pool, officeId), true);
    const answer = await send(officeBatch(0));
    assert.equal(answer.status, 403);
    assert.equal(answer.body.error.code, 'office_revoked');
    const mark = await highWater(central, officeId);
    await tickets('payment');
    await until(() => officeLog.lines.some((l) => l.level === 'error' && l.message.startsWith('central revoked this office')), 'the office logged the revocation');
    assert.ok(officeSeq() > mark);
    assert.equal(await highWater(central, officeId), mark);
  });

  /** The office's log from `after` as the office would send it (one batch). */
  function officeBatch(after: number): SyncBatch {
    const rows = office.server.db.prepare('SELECT seq, data FROM events WHERE seq > ? ORDER BY seq LIMIT 500').all(after) as Array<{ seq: number; data: string }>;
    const events = rows.flatMap((r) => toSyncEvent(r.seq, r.data, 'Asia/Tehran') ?? []);
    return { epoch: readLink(office.server.db)!.epoch, after, through: rows.at(-1)!.seq, events, status: { waiting: 0, desksOpen: 0 } };
  }

  /** Sends a batch as the office does, with the Content-Digest of `digested` (the body itself unless told otherwise). */
  function send(batch: SyncBatch | string, digested?: string | null) {
    const token = readLink(office.server.db)!.credential;
    const raw = typeof batch === 'string' ? batch : JSON.stringify(batch);
    const digest = digested === null ? undefined : contentDigest(digested ?? raw);
    return centralApi(central.url, 'POST', '/sync/batches', { token, raw, ...(digest ? { headers: { 'content-digest': digest } } : {}) });
  }

  async function figures() {
    const { rows } = await central.pool.query('SELECT * FROM office_days ORDER BY office_id, day, service_id');
    return rows;
  }

  async function orgToken(username: string, role: 'org_admin' | 'province_manager' | 'auditor', province?: string): Promise<string> {
    await addOrgUser(central.pool, { username, name: username, role, province: province ?? null, password: 'secret-password' });
    const answer = await centralApi(central.url, 'POST', '/auth/login', { body: { username, password: 'secret-password' } });
    assert.equal(answer.status, 200);
    return answer.body.token;
  }
});
