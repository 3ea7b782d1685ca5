// The HTTP API of ../shared/api.md against a real server, SQLite file and port: the whole ticket
// lifecycle as a kiosk and desks drive it, idempotent retries, and restarts that lose nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestOffice, type TestOffice } from './lib/office-server.js';

const PERSIAN = /[\u0600-\u06FF]/;

describe('the demo office over HTTP', () => {
  let office: TestOffice;
  let desk1: string;
  let desk2: string;
  before(async () => {
    office = await startTestOffice();
    desk1 = await office.login('staff1', 'desk-1');
    desk2 = await office.login('staff2', 'desk-2');
  });
  after(() => office.stop());

  const issue = (serviceId: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
    office.api('POST', '/tickets', { body: { serviceId, ...extra }, ...(headers ? { headers } : {}) });

  it('issues numbered tickets from the kiosk and reads them back', async () => {
    const first = await issue('payment');
    const second = await issue('payment');
    assert.equal(first.status, 201);
    assert.match(first.body.id, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(second.body.number, String(Number(first.body.number) + 1));
    assert.equal(second.body.ahead, first.body.ahead + 1);
    assert.ok(second.body.estimatedWaitSeconds >= 0);
    const read = await office.api('GET', `/tickets/${first.body.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.status, 'issued');
    assert.equal(read.body.number, first.body.number);
  });

  it('answers a retried request with the same ticket, not a second one', async () => {
    const key = 'kiosk-retry-0001';
    const first = await issue('request', {}, { 'idempotency-key': key });
    const again = await issue('request', {}, { 'idempotency-key': key });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const services = await office.api('GET', '/services');
    assert.equal(services.body.find((s: { id: string }) => s.id === 'request').waiting, 1);
    const reused = await issue('payment', {}, { 'idempotency-key': key });
    assert.equal(reused.status, 409, 'a key reused for another service is refused, not answered with the first ticket');
    assert.equal(reused.body.error.code, 'request_key_reused');
  });

  it('runs a ticket through call, recall, no-show, reinstate, start and finish', async () => {
    const { body: ticket } = await issue('complaint');
    const desk4 = await office.login('staff4', 'desk-4');
    const called = await office.api('POST', '/desks/desk-4/next', { token: desk4 });
    assert.equal(called.status, 200);
    assert.equal(called.body.ticket.id, ticket.id);
    assert.equal(called.body.ticket.deskNumber, 4);

    const tooEarly = await office.api('POST', `/tickets/${ticket.id}/no-show`, { token: desk4 });
    assert.equal(tooEarly.status, 409);
    assert.equal(tooEarly.body.error.code, 'recall_first');
    assert.equal((await office.api('POST', `/tickets/${ticket.id}/recall`, { token: desk4 })).status, 200);
    const inGrace = await office.api('POST', `/tickets/${ticket.id}/no-show`, { token: desk4 });
    assert.equal(inGrace.body.error.code, 'grace_not_over');
    assert.match(inGrace.body.error.message, PERSIAN);
    office.clock.advance(61);
    const noShow = await office.api('POST', `/tickets/${ticket.id}/no-show`, { token: desk4 });
    assert.equal(noShow.body.ticket.status, 'no_show');

    const reinstated = await office.api('POST', `/tickets/${ticket.id}/reinstate`, { token: desk4, body: { position: 'first' } });
    assert.equal(reinstated.body.ticket.status, 'issued');
    assert.equal((await office.api('POST', '/desks/desk-4/next', { token: desk4 })).body.ticket.id, ticket.id);
    assert.equal((await office.api('POST', `/tickets/${ticket.id}/start`, { token: desk4 })).body.ticket.status, 'serving');
    office.clock.advance(300);
    const finished = await office.api('POST', `/tickets/${ticket.id}/finish`, { token: desk4, body: { outcome: 'referred', note: 'به واحد حقوقی' } });
    assert.equal(finished.body.ticket.status, 'done');
    const row = office.server.db.prepare('SELECT outcome, service_s, wait_s FROM tickets WHERE id = ?').get(ticket.id) as { outcome: string; service_s: number; wait_s: number };
    assert.equal(row.outcome, 'referred');
    assert.equal(row.service_s, 300);
  });

  it('keeps one desk off another desk’s ticket and refuses a busy desk', async () => {
    const { body: ticket } = await issue('certificate');
    const called = await office.api('POST', '/desks/desk-2/next', { token: desk2 });
    assert.equal(called.body.ticket.serviceId === 'certificate' || called.body.ticket.serviceId === 'payment', true);
    const heldId = called.body.ticket.id as string;
    const other = await office.api('POST', `/tickets/${heldId}/start`, { token: desk1 });
    assert.equal(other.status, 409);
    assert.equal(other.body.error.code, 'not_your_ticket');
    const busy = await office.api('POST', '/desks/desk-2/next', { token: desk2 });
    assert.equal(busy.body.error.code, 'desk_busy');
    const wrongDesk = await office.api('POST', '/desks/desk-1/next', { token: desk2 });
    assert.equal(wrongDesk.status, 403);
    await office.api('POST', `/tickets/${heldId}/start`, { token: desk2 });
    // "next" while serving finishes the current visitor and calls the next one.
    const next = await office.api('POST', '/desks/desk-2/next', { token: desk2 });
    assert.equal(next.status, 200);
    assert.equal((await office.api('GET', `/tickets/${heldId}`)).body.status, 'done');
    assert.ok(ticket.id);
  });

  it('transfers, parks and calls back, pauses and resumes', async () => {
    // Empty desk-1's line first so that what it calls is predictable.
    while ((await office.api('POST', '/desks/desk-1/next', { token: desk1 })).status === 200) {
      const current = (await office.api('GET', '/desks/desk-1', { token: desk1 })).body.current;
      await office.api('POST', `/tickets/${current.id}/finish`, { token: desk1 });
    }
    const { body: ticket } = await issue('documents');
    assert.equal((await office.api('POST', '/desks/desk-1/next', { token: desk1 })).body.ticket.id, ticket.id);
    const parked = await office.api('POST', `/tickets/${ticket.id}/park`, { token: desk1 });
    assert.equal(parked.body.ticket.status, 'parked');
    const back = await office.api('POST', '/desks/desk-1/call', { token: desk1, body: { ticketId: ticket.id } });
    assert.equal(back.body.ticket.status, 'called');
    const moved = await office.api('POST', `/tickets/${ticket.id}/transfer`, { token: desk1, body: { deskId: 'desk-2', position: 'first' } });
    assert.equal(moved.body.ticket.status, 'issued');
    assert.equal((await office.api('GET', '/desks/desk-1', { token: desk1 })).body.current, null);

    // A desk holding a visitor decides that ticket before it pauses.
    const holding = (await office.api('GET', '/desks/desk-2', { token: desk2 })).body.current;
    assert.ok(holding, 'desk 2 holds a ticket here');
    const refused = await office.api('POST', '/desks/desk-2/pause', { token: desk2, body: { reason: 'prayer' } });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'desk_busy');
    assert.match(refused.body.error.message, /پیش از توقف/);
    await office.api('POST', `/tickets/${holding.id}/finish`, { token: desk2 });
    const paused = await office.api('POST', '/desks/desk-2/pause', { token: desk2, body: { reason: 'prayer' } });
    assert.equal(paused.body.desk.paused, true);
    assert.equal((await office.api('POST', '/desks/desk-2/next', { token: desk2 })).body.error.code, 'desk_paused');
    assert.equal((await office.api('GET', '/desks/desk-2', { token: desk2 })).body.desk.pause.reason, 'prayer');
    await office.api('POST', '/desks/desk-2/resume', { token: desk2 });
    const sent = await office.api('POST', '/desks/desk-2/next', { token: desk2 });
    assert.equal(sent.body.ticket.id, ticket.id, 'a ticket sent first to desk 2 is what desk 2 calls next');
  });

  it('refuses every action on a ticket finished or cancelled today with 409, before and after a restart', async () => {
    const desk3 = await office.login('staff3', 'desk-3');
    const serveNext = async () => {
      await issue('certificate');
      const called = await office.api('POST', '/desks/desk-3/next', { token: desk3 });
      assert.equal(called.status, 200);
      return called.body.ticket.id as string;
    };
    const finished = await serveNext();
    assert.equal((await office.api('POST', `/tickets/${finished}/start`, { token: desk3 })).status, 200);
    assert.equal((await office.api('POST', `/tickets/${finished}/finish`, { token: desk3 })).status, 200);
    const cancelled = await serveNext();
    assert.equal((await office.api('POST', `/tickets/${cancelled}/park`, { token: desk3 })).status, 200);
    assert.equal((await office.api('POST', `/tickets/${cancelled}/cancel`, { token: desk3 })).status, 200);
    const actions = (id: string): Array<[string, unknown]> => [
      [`/tickets/${id}/start`, undefined],
      [`/tickets/${id}/recall`, undefined],
      [`/tickets/${id}/no-show`, undefined],
      [`/tickets/${id}/park`, undefined],
      [`/tickets/${id}/cancel`, undefined],
      [`/tickets/${id}/finish`, { outcome: 'done' }],
      [`/tickets/${id}/transfer`, { serviceId: 'payment' }],
      [`/tickets/${id}/reinstate`, { position: 'first' }],
      ['/desks/desk-3/call', { ticketId: id }],
    ];
    const expectConflicts = async (id: string, status: string) => {
      for (const [path, body] of actions(id)) {
        const answer = await office.api('POST', path, { token: desk3, ...(body === undefined ? {} : { body }) });
        assert.equal(answer.status, 409, `${path} on a ${status} ticket`);
        assert.equal(answer.body.error.code, 'invalid_state', path);
        assert.match(answer.body.error.message, PERSIAN);
      }
    };
    await expectConflicts(finished, 'done');
    await expectConflicts(cancelled, 'cancelled');
    await office.restart();
    const again = await office.login('staff3', 'desk-3');
    const start = await office.api('POST', `/tickets/${finished}/start`, { token: again });
    assert.equal(start.status, 409, 'a restart reads the finished ticket back from the store');
    const never = await office.api('POST', '/tickets/neverissuedticket00001/start', { token: again });
    assert.equal(never.status, 404, 'only an id the office never issued is unknown');
    assert.equal(never.body.error.code, 'unknown_ticket');
  });

  it('answers bad input with a Persian error and its code', async () => {
    const cases: Array<[string, string, unknown, number, string]> = [
      ['POST', '/tickets', '{"serviceId":', 400, 'malformed_request'],
      ['POST', '/tickets', { serviceId: 7 }, 400, 'invalid_request'],
      ['POST', '/tickets', { serviceId: 'nope' }, 404, 'unknown_service'],
      ['POST', '/tickets', { serviceId: 'contractor', priorityGroup: 'elderly' }, 400, 'priority_not_allowed'],
      ['POST', '/tickets', { serviceId: 'payment', language: 'de' }, 400, 'invalid_request'],
      ['POST', '/tickets', { serviceId: 'payment', note: 'x'.repeat(20_000) }, 413, 'body_too_large'],
      ['GET', '/tickets/unknownticketid123', undefined, 404, 'unknown_ticket'],
      ['GET', '/no/such/route', undefined, 404, 'not_found'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const answer = await office.api(method, path, body === undefined ? {} : { body });
      assert.equal(answer.status, status, `${method} ${path} ${JSON.stringify(body)?.slice(0, 40)}`);
      assert.equal(answer.body.error.code, code);
      assert.match(answer.body.error.message, PERSIAN);
    }
  });

  it('checks who may do what', async () => {
    assert.equal((await office.api('POST', '/desks/desk-1/next')).status, 401);
    assert.equal((await office.api('GET', '/desks')).status, 401);
    assert.equal((await office.api('GET', '/stats/summary?from=2026-11-22&to=2026-11-22', { token: desk1 })).status, 403);
    const manager = await office.login('manager');
    const summary = await office.api('GET', '/stats/summary?from=2026-11-22&to=2026-11-22', { token: manager });
    assert.equal(summary.status, 200);
    const payment = summary.body.services.find((s: { serviceId: string }) => s.serviceId === 'payment');
    assert.ok(payment.issued >= 2);
    assert.equal((await office.api('POST', '/desks/desk-1/next', { token: manager })).status, 403);
    const display = office.server.accounts.addDevice('display', 'hall TV', null);
    assert.equal((await office.api('POST', '/tickets', { token: display.token, body: { serviceId: 'payment' } })).status, 403);
    const kiosk = office.server.accounts.addDevice('kiosk', 'entrance', null);
    const paired = await office.api('POST', '/auth/pair', { body: { code: kiosk.pairingCode } });
    assert.equal(paired.status, 200);
    assert.equal((await office.api('POST', '/tickets', { token: paired.body.token, body: { serviceId: 'payment' } })).status, 201);
    assert.equal((await office.api('POST', '/auth/pair', { body: { code: kiosk.pairingCode } })).status, 400, 'a pairing code works once');
    const bad = await office.api('POST', '/auth/login', { body: { username: 'staff1', password: 'wrong', deskId: 'desk-1' } });
    assert.equal(bad.status, 401);
    assert.equal(bad.body.error.code, 'bad_credentials');
    assert.equal((await office.api('POST', '/auth/login', { body: { username: 'staff3', password: 'demo' } })).body.error.code, 'desk_required');
  });

  it('survives a restart with every ticket and the numbering intact', async () => {
    const before = await issue('payment');
    await office.restart();
    const after = await issue('payment');
    assert.equal(Number(after.body.number), Number(before.body.number) + 1);
    assert.equal((await office.api('GET', `/tickets/${before.body.id}`)).body.status, 'issued');
    const token = await office.login('staff1', 'desk-1');
    assert.equal((await office.api('GET', '/desks/desk-1', { token })).body.desk.open, true);
  });
});
