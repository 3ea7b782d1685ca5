// Feedback over real HTTP on a configured office: a complaint filed at a paired kiosk about a served
// ticket takes its service, desk and clerk; the visitor's code (typed in Persian digits with dashes)
// reads back only kind, status, dates and the answer; managers filter, assign, answer and close, each
// change an event in the log; an item past its kind's target raises one alert for that kind, which
// answering clears; the clerk concerned reaches none of it (HTTP or socket); bidi controls are
// stripped; a filing retried with its Idempotency-Key after the network lost the answer is filed
// once; the intake and the code lookups are rate-limited per device and per address.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestOffice, type TestOffice } from './lib/office-server.js';
import { CuttableProxy } from '../faults/lib/cuttable-proxy.js';
import { client, next } from './lib/sockets.js';
import { configuredOffice, PASSWORD } from '../security/lib/configured-office.js';
import { faDigits } from '../../server/time/digits.js';

const unlimited = { capacity: 100_000, refillPerSecond: 100_000 };

describe('citizens’ feedback', () => {
  let office: TestOffice;
  let kiosk: string;
  let manager: string;
  let clerk: string;
  let clerkId: string;

  before(async () => {
    office = await startTestOffice({ config: configuredOffice(), limits: { voice: { intake: unlimited, lookup: unlimited } } });
    kiosk = office.server.accounts.addDevice('kiosk', 'entrance', null).token;
    manager = await office.login('manager', undefined, PASSWORD);
    clerk = await office.login('staff1', 'desk-1', PASSWORD);
    clerkId = (office.server.db.prepare(`SELECT id FROM users WHERE username = 'staff1'`).get() as { id: string }).id;
  });
  after(() => office.stop());

  const served = async () => {
    const ticket = (await office.api('POST', '/tickets', { token: kiosk, body: { serviceId: 'payment' } })).body.id as string;
    assert.equal((await office.api('POST', '/desks/desk-1/call', { token: clerk, body: { ticketId: ticket } })).status, 200);
    assert.equal((await office.api('POST', `/tickets/${ticket}/start`, { token: clerk })).status, 200);
    assert.equal((await office.api('POST', `/tickets/${ticket}/finish`, { token: clerk })).status, 200);
    return ticket;
  };
  const voiceEvents = () => (office.server.db.prepare(`SELECT type, data FROM events WHERE type LIKE 'voice.%' ORDER BY seq`).all() as Array<{ type: string; data: string }>).map((e) => ({ type: e.type, ...JSON.parse(e.data) }));

  it('lists the office’s topics, staff behaviour always among them', async () => {
    const { status, body } = await office.api('GET', '/feedback/topics');
    assert.equal(status, 200);
    assert.deepEqual(body.kinds, ['complaint', 'criticism', 'suggestion', 'appreciation']);
    assert.equal(body.topics[0].id, 'staff_behaviour');
    assert.equal(body.topics[0].name, 'رفتار و ادبیات کارکنان');
  });

  it('files a complaint from the kiosk about a served ticket, and the code reads back only its status', async () => {
    const ticketId = await served();
    const filed = await office.api('POST', '/feedback', { token: kiosk, body: { kind: 'complaint', topic: 'staff_behaviour', text: 'برخورد \u202Eنامناسب\u202C با من', ticketId } });
    assert.equal(filed.status, 201);
    assert.match(filed.body.code, /^\d{10}$/);
    const typed = faDigits(`${filed.body.code.slice(0, 3)}-${filed.body.code.slice(3, 6)}-${filed.body.code.slice(6)}`);
    const read = await office.api('GET', `/feedback/${encodeURIComponent(typed)}`);
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, { kind: 'complaint', status: 'received', createdAt: office.clock.now });

    const [item] = (await office.api('GET', `/feedback?kind=complaint`, { token: manager })).body;
    assert.equal(item.id, filed.body.id);
    assert.equal(item.text, 'برخورد نامناسب با من', 'bidi controls stripped');
    assert.deepEqual([item.serviceId, item.deskId, item.staffId, item.source], ['payment', 'desk-1', clerkId, 'kiosk']);
    assert.deepEqual([item.ageSeconds, item.targetSeconds, item.overdue], [0, 72 * 3600, false]);
    const received = voiceEvents().find((e) => e.type === 'voice.feedback_received');
    assert.equal(received?.feedbackId, filed.body.id);
  });

  it('refuses what is not feedback, in Persian', async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ kind: 'complaint', topic: 'no_such_topic', text: 'x' }, 400, 'unknown_topic'],
      [{ kind: 'praise', topic: 'other', text: 'x' }, 400, 'invalid_request'],
      [{ kind: 'complaint', topic: 'other', text: '\u202E\u2066 ' }, 400, 'invalid_request'],
      [{ kind: 'complaint', topic: 'other', text: 'ب'.repeat(2001) }, 400, 'invalid_request'],
      [{ kind: 'complaint', topic: 'other', text: 'x', mobile: '0912' }, 400, 'invalid_mobile'],
      [{ kind: 'complaint', topic: 'other', text: 'x', ticketId: 'no-such-ticket' }, 404, 'unknown_ticket'],
      [{ kind: 'complaint', topic: 'other', text: 'x', serviceId: 'no-such-service' }, 400, 'unknown_service'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await office.api('POST', '/feedback', { body });
      assert.equal(answer.status, status, JSON.stringify(body));
      assert.equal(answer.body.error.code, code);
      assert.match(answer.body.error.message, /\p{Script=Arabic}/u);
    }
    assert.equal((await office.api('GET', '/feedback/12345')).status, 404);
  });

  it('managers filter, assign, answer and close; the visitor reads the answer; every change is an event', async () => {
    const filed = (await office.api('POST', '/feedback', { body: { kind: 'suggestion', topic: 'facilities', text: 'صندلی بیشتر', serviceId: 'certificate' } })).body;
    const items = (await office.api('GET', '/feedback?kind=suggestion&topic=facilities&serviceId=certificate&from=1405-09&status=received', { token: manager })).body;
    assert.deepEqual(items.map((i: { id: string }) => i.id), [filed.id]);
    assert.deepEqual((await office.api('GET', '/feedback?kind=criticism', { token: manager })).body, []);
    const managerId = (office.server.db.prepare(`SELECT id FROM users WHERE username = 'manager'`).get() as { id: string }).id;
    const assigned = await office.api('POST', `/feedback/${filed.id}/assign`, { token: manager, body: { userId: managerId } });
    assert.equal(assigned.body.status, 'in_progress');
    assert.equal(assigned.body.assignedTo.id, managerId);
    assert.equal((await office.api('GET', `/feedback/${filed.code}`)).body.status, 'in_progress');
    office.clock.advance(3600);
    assert.deepEqual((await office.api('POST', `/feedback/${filed.id}/answer`, { token: manager, body: { text: 'صندلی‌ها هفتهٔ آینده می‌رسد.' } })).body, { id: filed.id, status: 'answered' });
    const read = (await office.api('GET', `/feedback/${filed.code}`)).body;
    assert.deepEqual(read, { kind: 'suggestion', status: 'answered', createdAt: office.clock.now - 3_600_000, answeredAt: office.clock.now, answer: 'صندلی‌ها هفتهٔ آینده می‌رسد.' });
    assert.equal((await office.api('POST', `/feedback/${filed.id}/close`, { token: manager })).body.status, 'closed');
    assert.equal((await office.api('POST', `/feedback/${filed.id}/close`, { token: manager })).status, 409);
    assert.equal((await office.api('POST', `/feedback/${filed.id}/answer`, { token: manager, body: { text: 'x' } })).status, 409);
    const types = voiceEvents().filter((e) => e.feedbackId === filed.id).map((e) => e.type);
    assert.deepEqual(types, ['voice.feedback_received', 'voice.feedback_assigned', 'voice.feedback_answered', 'voice.feedback_closed']);
  });

  it('raises one alert per kind past its target answer time, cleared by answering', async () => {
    const filed = (await office.api('POST', '/feedback', { body: { kind: 'criticism', topic: 'process', text: 'مدارک زیاد است' } })).body;
    const feedbackAlerts = async () => ((await office.api('GET', '/alerts', { token: manager })).body.alerts as Array<{ kind: string; subject: string; clearedAt: number | null; message: string }>).filter((a) => a.kind === 'feedback');
    assert.deepEqual(await feedbackAlerts(), []);
    // A week on (the same weekday, the office open again): past the criticism's 120 h target.
    office.clock.advance(7 * 24 * 3600);
    // Sessions last 12 hours: everyone signs in again.
    manager = await office.login('manager', undefined, PASSWORD);
    clerk = await office.login('staff1', 'desk-1', PASSWORD);
    const [raised, ...others] = await feedbackAlerts();
    assert.equal(raised?.subject, 'criticism');
    assert.match(raised?.message ?? '', /انتقاد از زمان هدف پاسخ \(۱۲۰ ساعت\)/);
    // The complaints filed earlier are past their 72 h too.
    assert.deepEqual(others.map((a) => a.subject), ['complaint']);
    const item = (await office.api('GET', '/feedback?kind=criticism', { token: manager })).body[0];
    assert.equal(item.overdue, true);
    await office.api('POST', `/feedback/${filed.id}/answer`, { token: manager, body: { text: 'بررسی می‌شود.' } });
    const after = (await feedbackAlerts()).find((a) => a.subject === 'criticism');
    assert.notEqual(after?.clearedAt, null);
  });

  it('reaches the managers’ inboxes live, never the clerk it is about: no route and no socket message', async () => {
    const socket = client(office.server.url, { token: clerk });
    const managerSocket = client(office.server.url, { token: manager });
    const heard: string[] = [];
    socket.onAny((event, payload) => heard.push(`${event} ${JSON.stringify(payload)}`));
    const secret = 'کارمند باجهٔ یک بی‌ادبی کرد';
    let filed: { id: string };
    try {
      await Promise.all([next(socket, 'desk:snapshot'), next(managerSocket, 'manager:snapshot')]);
      const ticketId = await served();
      const toManagers = next<{ feedbackId: string; change: string }>(managerSocket, 'feedback:changed');
      filed = (await office.api('POST', '/feedback', { token: kiosk, body: { kind: 'complaint', topic: 'staff_behaviour', text: secret, ticketId } })).body;
      assert.deepEqual(await toManagers, { feedbackId: filed.id, change: 'received' }, 'the managers’ inboxes hear of it, nothing of its text');
      // A queue change after the complaint: once it is heard, everything sent before it has arrived.
      const filedAt = office.server.office.lastSeq();
      const later = next(socket, 'queue:event', (e: { seq: number }) => e.seq > filedAt);
      assert.equal((await office.api('POST', '/tickets', { token: kiosk, body: { serviceId: 'payment' } })).status, 201);
      await later;
    } finally {
      socket.close();
      managerSocket.close();
    }
    assert.ok(!heard.some((h) => h.includes(secret) || h.includes(filed.id) || h.includes('voice.')), 'the clerk’s socket heard of the complaint');
    for (const path of ['/feedback', `/feedback/${filed.id}/contact`]) assert.equal((await office.api('GET', path, { token: clerk })).status, 403, path);
    assert.equal((await office.api('POST', `/feedback/${filed.id}/answer`, { token: clerk, body: { text: 'نه' } })).status, 403);
    const desk = JSON.stringify((await office.api('GET', '/desks/desk-1', { token: clerk })).body);
    assert.ok(!desk.includes(secret) && !desk.includes(filed.id));
  });

  it('files once when the network loses the answer and the kiosk sends the same Idempotency-Key again', async () => {
    const proxy = await CuttableProxy.start(office.server.port);
    const text = 'پاسخ این شکایت در راه گم شد';
    const send = (key: string, token = kiosk) =>
      fetch(`${proxy.url}/api/v1/feedback`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': key },
        body: JSON.stringify({ kind: 'complaint', topic: 'other', text }),
      });
    const filedWith = () => office.server.db.prepare(`SELECT id, code FROM feedback WHERE text = ?`).all(text) as Array<{ id: string; code: string }>;
    try {
      proxy.loseAnswers();
      const lost = send('kiosk-lost-answer-1').then(
        () => assert.fail('the answer was to be lost'),
        (error: Error) => error,
      );
      while (filedWith().length === 0) await new Promise((resolve) => setImmediate(resolve));
      proxy.cut();
      assert.ok((await lost) instanceof Error, 'the kiosk saw the connection drop');
      proxy.restore();

      const retried = await send('kiosk-lost-answer-1');
      assert.equal(retried.status, 201);
      assert.equal(retried.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await retried.json(), filedWith()[0]);
      assert.equal(filedWith().length, 1, 'filed once');
      assert.equal(voiceEvents().filter((e) => e.type === 'voice.feedback_received' && e.text === text).length, 1);

      // The same key from another sender is its own filing; a malformed key is refused.
      const other = await send('kiosk-lost-answer-1', manager);
      assert.equal(other.headers.get('idempotent-replayed'), null);
      assert.equal(filedWith().length, 2);
      const bad = await send('short');
      assert.equal(bad.status, 400);
      assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'invalid_request');
    } finally {
      await proxy.close();
    }
  });
});

describe('feedback rate limits', () => {
  let office: TestOffice;
  before(async () => {
    office = await startTestOffice({ config: configuredOffice(), limits: { voice: { intake: { capacity: 3, refillPerSecond: 0.001 }, lookup: { capacity: 4, refillPerSecond: 0.001 } } } });
  });
  after(() => office.stop());

  it('limits filing per address, whatever token is sent, and per device', async () => {
    const body = { kind: 'suggestion', topic: 'other', text: 'پیشنهاد' };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await office.api('POST', '/feedback', { body })).status);
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    // A fresh kiosk token from the same address does not start a fresh allowance.
    const kiosk = office.server.accounts.addDevice('kiosk', 'second', null).token;
    const limited = await office.api('POST', '/feedback', { token: kiosk, body });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error.code, 'rate_limited');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
  });

  it('limits code lookups, so the code space cannot be walked', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await office.api('GET', `/feedback/${String(i).padStart(10, '0')}`)).status);
    assert.deepEqual(statuses, [404, 404, 404, 404, 429]);
    assert.equal((await office.api('GET', '/meetings/status/0000000009')).status, 429, 'meeting codes share the lookup allowance');
  });
});
