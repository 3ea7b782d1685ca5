// An admin's configuration change landing among queue commands of the same event-loop turn, through
// the real server: the change and the commands are sent together, nothing awaited between them, so
// that commands sent before the change are still waiting for their batch when it applies. The rule
// (server/office/office.ts): every command is decided against the configuration committed before it
// in the event log, and a failed batch takes back its own events only, never the change.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startTestOffice, type TestOffice } from './lib/office-server.js';

interface Answer {
  status: number;
  body: any;
}

/** Sequence number of the last configuration change to `entity`/`id`. */
function changeSeq(office: TestOffice, entity: string, id: string): number {
  const row = office.server.db
    .prepare(`SELECT MAX(seq) AS seq FROM events WHERE type = 'config.changed' AND json_extract(data, '$.entity') = ? AND json_extract(data, '$.entityId') = ?`)
    .get(entity, id) as { seq: number | null };
  assert.ok(row.seq, `a ${entity} change was recorded`);
  return row.seq;
}

function eventsOf(office: TestOffice, type: string): Array<{ seq: number; data: any }> {
  return (office.server.db.prepare(`SELECT seq, data FROM events WHERE type = ? ORDER BY seq`).all(type) as Array<{ seq: number; data: string }>).map((row) => ({ seq: row.seq, data: JSON.parse(row.data) }));
}

describe('a configuration change in the same turn as queue commands', () => {
  let office: TestOffice;
  let admin: string;
  const config = async () => (await office.api('GET', '/admin/config', { token: admin })).body;
  const issue = (serviceId: string): Promise<Answer> => office.api('POST', '/tickets', { body: { serviceId } });
  /** `count` ticket requests, the change, and `count` more, all sent at once; the change's answer first. */
  const around = async (count: number, serviceId: string, change: () => Promise<Answer>) => {
    const before = Array.from({ length: count }, () => issue(serviceId));
    const changed = change();
    const afterwards = Array.from({ length: count }, () => issue(serviceId));
    return { change: await changed, before: await Promise.all(before), after: await Promise.all(afterwards) };
  };

  before(async () => {
    office = await startTestOffice();
    admin = await office.login('admin');
  });
  beforeEach(() => office.clock.advance(60));
  after(async () => {
    await office.stop();
  });

  it('a service closed among ticket requests: no ticket for it is decided after the change', async () => {
    const { config: c, versions } = await config();
    const payment = c.services.find((s: { id: string }) => s.id === 'payment');
    const answers = await around(8, 'payment', () => office.api('PUT', '/admin/services/payment', { token: admin, body: { ...payment, active: false, version: versions['service:payment'] } }));
    assert.equal(answers.change.status, 200);
    const closedAt = changeSeq(office, 'service', 'payment');
    const issued = eventsOf(office, 'ticket.issued').filter((e) => e.data.serviceId === 'payment');
    for (const ticket of issued) assert.ok(ticket.seq < closedAt, `ticket ${ticket.data.number} was decided before the service closed`);
    const all = [...answers.before, ...answers.after];
    for (const answer of all) assert.ok(answer.status === 201 || answer.body.error.code === 'service_closed', `answered ${answer.status} ${JSON.stringify(answer.body)}`);
    assert.equal(all.filter((a) => a.status === 201).length, issued.length, 'every ticket answered as issued is in the log, and no other');
    assert.ok(answers.after.every((a) => a.status === 409), 'nothing sent after the change is issued');
  });

  it('a service whose own hours close it now, among ticket requests: refused from the change on, in Persian', async () => {
    const { config: c, versions } = await config();
    const certificate = c.services.find((s: { id: string }) => s.id === 'certificate');
    // Fridays only: closed on this Sunday morning.
    const hours = { alwaysOpen: false, week: { fri: [{ from: '08:00', to: '12:00' }] } };
    const answers = await around(8, 'certificate', () => office.api('PUT', '/admin/services/certificate', { token: admin, body: { ...certificate, hours, version: versions['service:certificate'] } }));
    assert.equal(answers.change.status, 200);
    const closedAt = changeSeq(office, 'service', 'certificate');
    const issued = eventsOf(office, 'ticket.issued').filter((e) => e.data.serviceId === 'certificate');
    for (const ticket of issued) assert.ok(ticket.seq < closedAt, `ticket ${ticket.data.number} was decided before the hours changed`);
    const refused = [...answers.before, ...answers.after].filter((a) => a.status !== 201);
    for (const answer of refused) assert.deepEqual([answer.status, answer.body.error.code], [409, 'office_closed']);
    assert.match(refused[0]!.body.error.message, /خارج از ساعت کاری/);
    assert.equal(refused.length, 16 - issued.length);
    assert.ok(answers.after.every((a) => a.status === 409), 'nothing sent after the change is issued');
  });

  it("a desk's workprofile changed as it calls: each call follows the workprofile in force when it was decided", async () => {
    const staff = await office.login('staff3', 'desk-3');
    // Oldest first, alternating: under the old workprofile desk-3 would call a request ticket next.
    for (const serviceId of ['request', 'documents', 'request', 'documents', 'request', 'documents', 'request', 'documents']) {
      assert.equal((await issue(serviceId)).status, 201);
    }
    const initial = (await config()).config.desks.find((d: { id: string }) => d.id === 'desk-3');
    assert.deepEqual(initial.services, ['request', 'documents', 'certificate']);
    for (const services of [['documents'], ['request'], ['documents']]) {
      const { config: c, versions } = await config();
      const desk3 = c.desks.find((d: { id: string }) => d.id === 'desk-3');
      const call = office.api('POST', '/desks/desk-3/next', { token: staff });
      const changed = office.api('PUT', '/admin/desks/desk-3', { token: admin, body: { ...desk3, services, version: versions['desk:desk-3'] } });
      const [called, change] = await Promise.all([call, changed]);
      assert.equal(change.status, 200, JSON.stringify(change.body));
      assert.equal(called.status, 200, JSON.stringify(called.body));
      // Serving it lets the next round's call finish it and call another.
      assert.equal((await office.api('POST', `/tickets/${called.body.ticket.id}/start`, { token: staff })).status, 200);
    }
    const changes = eventsOf(office, 'config.changed').filter((e) => e.data.entity === 'desk' && e.data.entityId === 'desk-3');
    const serviceOf = new Map(eventsOf(office, 'ticket.issued').map((e) => [e.data.ticketId, e.data.serviceId]));
    const calls = eventsOf(office, 'ticket.called').filter((e) => e.data.deskId === 'desk-3');
    assert.equal(calls.length, 3);
    for (const call of calls) {
      const inForce: string[] = changes.filter((c) => c.seq < call.seq).at(-1)?.data.after.services ?? initial.services;
      assert.ok(inForce.includes(serviceOf.get(call.data.ticketId)), `call ${call.seq} (${serviceOf.get(call.data.ticketId)}) follows the workprofile in force (${inForce})`);
    }
  });

  it('a batch whose COMMIT fails after a change in the same turn: the change stands whole, the batch leaves nothing', async () => {
    const { config: c, versions } = await config();
    const documents = c.services.find((s: { id: string }) => s.id === 'documents');
    const waiting = async () => (await office.api('GET', '/services')).body.find((s: { id: string }) => s.id === 'documents') as { name: string; waiting: number };
    const waitingBefore = (await waiting()).waiting;
    const storedBefore = office.server.db.prepare(`SELECT COUNT(*) AS n FROM tickets WHERE service_id = 'documents'`).get() as { n: number };
    // A real SQLite failure inside the batch's transaction (as a full or failing disk would give),
    // for tickets only: the change's own transaction writes its audit event untouched.
    office.server.db.exec(`CREATE TEMP TRIGGER fail_tickets BEFORE INSERT ON events WHEN NEW.type = 'ticket.issued' BEGIN SELECT RAISE(ABORT, 'disk failure'); END`);
    try {
      const answers = await around(4, 'documents', () => office.api('PUT', '/admin/services/documents', { token: admin, body: { ...documents, name: 'اسناد و مدارک', targetWaitMinutes: 22, version: versions['service:documents'] } }));
      assert.equal(answers.change.status, 200);
      for (const answer of [...answers.before, ...answers.after]) assert.deepEqual([answer.status, answer.body.error.code], [503, 'storage_unavailable']);
    } finally {
      office.server.db.exec(`DROP TRIGGER fail_tickets`);
    }
    const now = (await config()).config.services.find((s: { id: string }) => s.id === 'documents');
    assert.deepEqual([now.name, now.targetWaitMinutes], ['اسناد و مدارک', 22], 'the change is saved whole');
    const listed = await waiting();
    assert.equal(listed.name, 'اسناد و مدارک', 'and in force');
    assert.equal(listed.waiting, waitingBefore, 'the running state holds none of the failed batch');
    assert.equal((office.server.db.prepare(`SELECT COUNT(*) AS n FROM tickets WHERE service_id = 'documents'`).get() as { n: number }).n, storedBefore.n, 'no ticket of the failed batch was kept');
    // The state went back to the store's: the next ticket takes the first number the failed batch had used.
    const issued = await issue('documents');
    assert.equal(issued.status, 201);
    const counter = (office.server.db.prepare(`SELECT counter FROM tickets WHERE id = ?`).get(issued.body.id) as { counter: number }).counter;
    assert.equal(counter, storedBefore.n + 1);
  });
});
