// Open statistics and public meetings over real HTTP. A month with six visitors of one service and
// two of another, six complaints about the first and one about the second: /api/v1/open/summary, its
// CSV and the /open page publish the first service's figures and withhold every cell about fewer
// than five people. A weekly meeting session shorter than two hours is warned about; citizens
// register at the kiosk on its day (numbers in its own line, codes to follow), the manager calls them
// in turn (and again, one who has not come) and records results, a follow-up is closed on time; the
// citizens answer the satisfaction question on their code's page; the board's recent calls keep the
// meetings' calls over a restart; indicators 12, 20, 22 and 23 count it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestOffice, type TestOffice } from './lib/office-server.js';
import { client, next } from './lib/sockets.js';
import { configuredOffice, PASSWORD } from '../security/lib/configured-office.js';

const unlimited = { capacity: 100_000, refillPerSecond: 100_000 };

describe('open statistics and public meetings', () => {
  let office: TestOffice;
  let kiosk: string;
  let manager: string;
  let managerId: string;

  before(async () => {
    office = await startTestOffice({ config: configuredOffice(), limits: { voice: { intake: unlimited, lookup: unlimited } } });
    kiosk = office.server.accounts.addDevice('kiosk', 'entrance', null).token;
    manager = await office.login('manager', undefined, PASSWORD);
    managerId = (office.server.db.prepare(`SELECT id FROM users WHERE username = 'manager'`).get() as { id: string }).id;
    const clerk = await office.login('staff1', 'desk-1', PASSWORD);
    for (const serviceId of ['payment', 'payment', 'payment', 'payment', 'payment', 'payment', 'certificate', 'certificate']) {
      const id = (await office.api('POST', '/tickets', { token: kiosk, body: { serviceId } })).body.id as string;
      office.clock.advance(60);
      assert.equal((await office.api('POST', '/desks/desk-1/call', { token: clerk, body: { ticketId: id } })).status, 200);
      await office.api('POST', `/tickets/${id}/start`, { token: clerk });
      office.clock.advance(120);
      assert.equal((await office.api('POST', `/tickets/${id}/finish`, { token: clerk })).status, 200);
    }
    const complaint = (serviceId: string, topic: string) => office.api('POST', '/feedback', { token: kiosk, body: { kind: 'complaint', topic, text: 'شکایت', serviceId } });
    const filed = [];
    for (let i = 0; i < 6; i++) filed.push((await complaint('payment', i < 2 ? 'staff_behaviour' : 'waiting_time')).body.id as string);
    await complaint('certificate', 'process');
    await office.api('POST', '/feedback', { body: { kind: 'suggestion', topic: 'other', text: 'پیشنهاد' } });
    office.clock.advance(2 * 3600);
    for (const id of filed.slice(0, 5)) assert.equal((await office.api('POST', `/feedback/${id}/answer`, { token: manager, body: { text: 'پاسخ' } })).status, 200);
  });
  after(() => office.stop());

  it('publishes the month per service, withholding cells under five people', async () => {
    const { status, body } = await office.api('GET', '/open/summary?from=1405-09');
    assert.equal(status, 200);
    assert.deepEqual(body.months, ['1405-09']);
    const payment = body.rows.find((r: { serviceId: string }) => r.serviceId === 'payment');
    assert.deepEqual([payment.visitors, payment.meanWaitSeconds, payment.meanServiceSeconds, payment.withinTargetShare, payment.satisfactionOutOf5], [6, 60, 120, 1, null]);
    assert.deepEqual([payment.complaintsReceived, payment.complaintsAnswered, payment.meanAnswerSeconds], [6, 5, 2 * 3600]);
    assert.deepEqual(payment.suppressed, []);
    const certificate = body.rows.find((r: { serviceId: string }) => r.serviceId === 'certificate');
    assert.deepEqual(certificate.suppressed, ['visitors', 'meanWaitSeconds', 'meanServiceSeconds', 'withinTargetShare', 'complaintsReceived']);
    assert.deepEqual([certificate.visitors, certificate.meanWaitSeconds, certificate.meanServiceSeconds, certificate.complaintsReceived, certificate.complaintsAnswered], [null, null, null, null, 0]);
    const idle = body.rows.find((r: { serviceId: string }) => r.serviceId === 'request');
    assert.deepEqual([idle.visitors, idle.meanWaitSeconds, idle.suppressed], [0, null, []]);

    // Read as bytes: a text decoder would drop the byte-order mark Excel needs.
    const csv = Buffer.from(await (await fetch(`${office.server.url}/api/v1/open/summary.csv?from=1405-09`)).arrayBuffer()).toString('utf8');
    assert.ok(csv.startsWith('\uFEFFmonth_jalali,service_id,service,'));
    const certificateLine = csv.split('\r\n').find((l) => l.includes(',certificate,'))!;
    assert.match(certificateLine, /^1405-09,certificate,صدور گواهی,Certificates,<5,<5,<5,<5,,<5,0,$/);
    const page = await fetch(`${office.server.url}/open?from=1405-09`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const html = await page.text();
    assert.match(html, /<html lang="fa" dir="rtl">/);
    assert.equal(html.match(/<span class="withheld">کمتر از ۵<\/span>/g)?.length, 5, 'the certificate row’s five withheld cells');
    assert.equal((await office.api('GET', '/open/summary?from=1403-08&to=1405-09')).body.error.code, 'period_too_long');
    assert.equal((await office.api('GET', '/open/summary?from=yesterday')).body.error.code, 'invalid_period');
  });

  it('runs a public meeting: session, registrations, calls, results and a follow-up done on time', async () => {
    const short = await office.api('POST', '/meetings', { token: manager, body: { host: managerId, weekday: 'sun', from: '12:00', to: '13:00', place: 'دفتر مدیر' } });
    assert.equal(short.status, 201);
    assert.equal(short.body.warning.code, 'below_two_hours');
    assert.equal(short.body.date, '2026-11-22');
    const session = await office.api('POST', '/meetings', { token: manager, body: { host: managerId, weekday: 'sun', from: '13:00', to: '14:30', place: 'دفتر مدیر' } });
    assert.equal(session.body.weeklyMinutes, 150);
    assert.equal(session.body.warning, null);
    const staffHost = (office.server.db.prepare(`SELECT id FROM users WHERE username = 'staff1'`).get() as { id: string }).id;
    assert.equal((await office.api('POST', '/meetings', { token: manager, body: { host: staffHost, weekday: 'mon', from: '10:00', to: '12:00', place: 'x' } })).body.error.code, 'unknown_host');
    assert.deepEqual((await office.api('GET', '/meetings/open')).body.map((s: { id: string }) => s.id), [short.body.id, session.body.id]);

    const register = (reason: string, headers: Record<string, string> = {}) => office.api('POST', `/meetings/${session.body.id}/registrations`, { token: kiosk, body: { reason, text: 'درخواست ملاقات' }, headers });
    const first = (await register('unresolved_matter', { 'Idempotency-Key': 'kiosk-meeting-first' })).body;
    const retried = await register('unresolved_matter', { 'Idempotency-Key': 'kiosk-meeting-first' });
    assert.deepEqual([retried.status, retried.headers.get('idempotent-replayed'), retried.body], [201, 'true', first], 'a retried registration answers with the first');
    const second = (await register('complaint')).body;
    assert.deepEqual([first.number, second.number], ['M01', 'M02']);
    assert.deepEqual((await office.api('GET', `/meetings/status/${second.code}`)).body, { number: 'M02', date: '2026-11-22', status: 'waiting' });
    const rate = (code: string, score: number) => office.api('POST', `/meetings/status/${code}/rating`, { body: { score } });
    assert.equal((await rate(second.code, 4)).body.error.code, 'not_met', 'asked only once the meeting was held');

    assert.equal((await office.api('POST', `/meetings/${session.body.id}/next`, { token: manager })).body.registration.id, first.id);
    const resolved = await office.api('POST', `/meetings/registrations/${first.id}/result`, { token: manager, body: { result: 'resolved' } });
    assert.equal(resolved.body.registration.status, 'met');
    assert.equal((await office.api('POST', `/meetings/registrations/${first.id}/result`, { token: manager, body: { result: 'referred' } })).status, 409);
    assert.equal((await office.api('POST', `/meetings/${session.body.id}/next`, { token: manager })).body.registration.id, second.id);
    assert.equal((await office.api('POST', `/meetings/${session.body.id}/next`, { token: manager })).status, 204);
    const recalled = await office.api('POST', `/meetings/registrations/${second.id}/recall`, { token: manager });
    assert.deepEqual([recalled.status, recalled.body.registration.status], [200, 'called']);
    assert.equal((await office.api('POST', `/meetings/registrations/${first.id}/recall`, { token: manager })).body.error.code, 'not_called', 'one already met is not called again');
    assert.equal((await office.api('POST', `/meetings/registrations/${second.id}/result`, { token: manager, body: { result: 'follow_up' } })).body.error.code, 'follow_up_incomplete');
    await office.api('POST', `/meetings/registrations/${second.id}/result`, { token: manager, body: { result: 'follow_up', followUpBy: 'معاون اداری', dueDate: '2026-11-29', note: 'بررسی پرونده' } });
    assert.deepEqual((await office.api('GET', `/meetings/status/${second.code}`)).body, { number: 'M02', date: '2026-11-22', status: 'met', result: 'follow_up', followUp: { dueDate: '2026-11-29', done: false }, rated: false });
    assert.equal((await rate(second.code, 6)).status, 400);
    assert.deepEqual((await rate(second.code, 2)).body, { rated: true });
    assert.equal((await rate(second.code, 5)).body.error.code, 'already_rated', 'one answer per meeting');
    assert.deepEqual((await rate(first.code, 5)).body, { rated: true });
    assert.equal((await office.api('GET', `/meetings/status/${second.code}`)).body.rated, true);
    const open = (await office.api('GET', '/meetings/follow-ups', { token: manager })).body;
    assert.deepEqual(open.map((r: { id: string; overdue: boolean }) => [r.id, r.overdue]), [[second.id, false]]);
    assert.equal((await office.api('POST', `/meetings/registrations/${second.id}/follow-up/done`, { token: manager, body: { note: 'انجام شد' } })).body.registration.followUp.doneAt, office.clock.now);
    assert.deepEqual((await office.api('GET', `/meetings/status/${second.code}`)).body.followUp, { dueDate: '2026-11-29', done: true });
    assert.deepEqual((await office.api('GET', `/meetings/${session.body.id}/registrations`, { token: manager })).body.map((r: { number: string }) => r.number), ['M01', 'M02']);

    office.clock.advance(4 * 3600);
    assert.equal((await register('request')).body.error.code, 'meeting_not_open', 'the session is over for the day');
    const events = office.server.db.prepare(`SELECT type FROM events WHERE type LIKE 'voice.meeting%' OR type = 'voice.follow_up_done' ORDER BY seq`).all() as Array<{ type: string }>;
    assert.deepEqual(events.map((e) => e.type), [
      'voice.meeting_scheduled', 'voice.meeting_scheduled', 'voice.meeting_registered', 'voice.meeting_registered',
      'voice.meeting_called', 'voice.meeting_result', 'voice.meeting_called', 'voice.meeting_recalled', 'voice.meeting_result', 'voice.meeting_rated', 'voice.meeting_rated', 'voice.follow_up_done',
    ]);
  });

  it('rebuilds the board’s recent calls with the meetings’ calls after a restart', async () => {
    const display = office.server.accounts.addDevice('display', 'waiting room', null).token;
    await office.restart();
    const socket = client(office.server.url, { token: display });
    try {
      const board = await next<{ calls: Array<{ number: string; recall: boolean; deskNumber: number; meeting?: { place: string } }> }>(socket, 'board:snapshot');
      const meetingCalls = board.calls.filter((call) => call.meeting);
      assert.deepEqual(meetingCalls.map((call) => [call.number, call.recall, call.deskNumber, call.meeting?.place]), [
        ['M02', true, 0, 'دفتر مدیر'],
        ['M02', false, 0, 'دفتر مدیر'],
        ['M01', false, 0, 'دفتر مدیر'],
      ]);
    } finally {
      socket.close();
    }
  });

  it('counts indicators 12, 19, 20, 22 and 23 from the same data', async () => {
    manager = await office.login('manager', undefined, PASSWORD);
    const { body } = await office.api('GET', '/stats/indicators?from=1405-09', { token: manager });
    assert.deepEqual(body.respect, { complaints: 7, staffBehaviour: 2, share: 2 / 7 });
    assert.equal(body.feedback.total, 8);
    assert.deepEqual(body.feedback.byKind, { complaint: 7, criticism: 0, suggestion: 1, appreciation: 0 });
    assert.deepEqual(body.feedback.byStatus, { received: 3, in_progress: 0, answered: 5, closed: 0 });
    assert.equal(body.feedback.byTopic.find((t: { topic: string }) => t.topic === 'waiting_time').byKind.complaint, 4);
    const complaints = body.answerTime.byKind.find((k: { kind: string }) => k.kind === 'complaint');
    assert.deepEqual([complaints.filed, complaints.answered, complaints.meanSeconds, complaints.p90Seconds, complaints.targetSeconds, complaints.withinTargetShare], [7, 5, 7200, 7200, 72 * 3600, 1]);
    assert.deepEqual([body.openData.months, body.openData.rows, body.openData.suppressedCells], [['1405-09'], 6, 5]);
    const m = body.publicMeetings;
    assert.deepEqual([m.weeklyMinutes, m.sessionsHeld, m.registered, m.citizensMet], [150, 1, 2, 2]);
    assert.deepEqual(m.byResult, { resolved: 1, referred: 0, follow_up: 1 });
    assert.deepEqual(m.followUps, { total: 1, done: 1, doneOnTime: 1, open: 0, overdue: 0, onTimeShare: 1 });
    assert.equal(m.byReason.find((r: { reason: string }) => r.reason === 'complaint').count, 1);
    assert.deepEqual(m.satisfaction, { answers: 2, meanOutOf5: 3.5 });
  });
});
