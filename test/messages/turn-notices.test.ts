// Text messages through a real server, a real SQLite file and a real local HTTP server playing the
// SMS provider: "your turn is near" and "you are called" reach the visitor once each; the number is
// kept only while the ticket is open and never comes back in any answer; a gateway that is down
// raises an alert and loses nothing.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startTestOffice, type TestOffice } from '../integration/lib/office-server.js';
import { configuredOffice, PASSWORD } from '../security/lib/configured-office.js';
import { faDigits } from '../../server/time/digits.js';
import { testGateway, useFakeSmsProvider, type FakeSmsProvider } from './lib/fake-sms-provider.js';

const FAST_RETRIES = { firstRetryMs: 20, maxRetryMs: 200, maxAttempts: 100, downAfterFailures: 3 };

describe('text messages for a ticket', () => {
  const providerNow = useFakeSmsProvider('key-123');
  let provider: FakeSmsProvider;
  let office: TestOffice;
  let kiosk: string;
  let staff: string;
  let manager: string;

  beforeEach(async () => {
    provider = providerNow();
    office = await startTestOffice({
      config: configuredOffice({ sms: { gateway: testGateway(provider) } }),
      sms: { rules: FAST_RETRIES },
    });
    kiosk = office.server.accounts.addDevice('kiosk', 'entrance', null).token;
    staff = await office.login('staff2', 'desk-2', PASSWORD);
    manager = await office.login('manager', undefined, PASSWORD);
  });
  afterEach(() => office.stop());

  const issue = async () => (await office.api('POST', '/tickets', { token: kiosk, body: { serviceId: 'payment' } })).body;
  const next = async () => (await office.api('POST', '/desks/desk-2/next', { token: staff })).body.ticket;

  it('tell the visitor once when three are ahead and once when called, then forget the number', async () => {
    const tickets = [];
    for (let i = 0; i < 5; i++) tickets.push(await issue());
    const mine = tickets[4];
    const subscribed = await office.api('POST', `/tickets/${mine.id}/sms`, { body: { mobile: '۰۹۱۲ ۳۴۵ ۶۷۸۹' } });
    assert.equal(subscribed.status, 201);
    assert.deepEqual(subscribed.body, { subscribed: true, aheadAtMost: 3 });
    assert.equal(provider.requests.length, 0, 'four ahead: not yet');

    const near = provider.nextRequest();
    let current = await next();
    const nearMessage = await near;
    assert.equal(nearMessage.receptor, '09123456789');
    assert.equal(nearMessage.sender, '10004346');
    assert.equal(nearMessage.apiKey, 'key-123');
    assert.equal(nearMessage.message, `ادارهٔ آزمایشی: نوبت ${faDigits(mine.number)} نزدیک است؛ ۳ نفر پیش از شما هستند. لطفاً به سالن انتظار بیایید.`);

    const called = provider.nextRequest();
    for (let i = 0; i < 4; i++) {
      await office.api('POST', `/tickets/${current.id}/start`, { token: staff });
      await office.api('POST', `/tickets/${current.id}/finish`, { token: staff, body: {} });
      current = await next();
    }
    assert.equal(current.id, mine.id);
    assert.match((await called).message, /باجهٔ ۲ فرا می‌خواند/);
    await provider.deliveredCount(2);
    assert.equal(provider.requests.length, 2, 'one "near" and one "called", however many commits came between');

    const view = await office.api('GET', `/tickets/${mine.id}`);
    assert.doesNotMatch(JSON.stringify(view.body), /0912|۰۹۱۲|6789|۶۷۸۹/, 'the number is in no answer');
    await office.api('POST', `/tickets/${mine.id}/start`, { token: staff });
    await office.api('POST', `/tickets/${mine.id}/finish`, { token: staff, body: {} });
    const rows = office.server.db.prepare(`SELECT COUNT(*) AS n FROM sms_subscriptions`).get() as { n: number };
    assert.equal(rows.n, 0, 'the number goes with the ticket');
    const status = await office.api('GET', '/admin/sms', { token: manager });
    assert.equal(status.status, 200);
    assert.equal(status.body.sent, 2);
    assert.equal(status.body.pending, 0);
    assert.doesNotMatch(JSON.stringify(status.body), /0912/);
  });

  it('promise nothing while no open desk calls the line, and say "soon" when nobody is ahead', async () => {
    assert.equal((await office.api('POST', '/desks/desk-2/pause', { token: staff, body: { reason: 'break' } })).status, 200);
    const ticket = await issue();
    assert.equal((await office.api('POST', `/tickets/${ticket.id}/sms`, { body: { mobile: '09121112233' } })).status, 201);
    const status = await office.api('GET', '/admin/sms', { token: manager });
    assert.equal(status.body.pending + status.body.sent, 0, 'the only desk for the line is on a break: nothing is near');
    const soon = provider.nextRequest();
    await office.api('POST', '/desks/desk-2/resume', { token: staff });
    assert.equal((await soon).message, `ادارهٔ آزمایشی: نوبت ${faDigits(ticket.number)} به‌زودی اعلام می‌شود. لطفاً به سالن انتظار بیایید.`);
  });

  it('refuse a number that is not a mobile, a ticket that does not wait, and an unknown ticket, in Persian', async () => {
    const ticket = await issue();
    const bad = await office.api('POST', `/tickets/${ticket.id}/sms`, { body: { mobile: '021 1234 5678' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid_mobile');
    assert.match(bad.body.error.message, /شمارهٔ همراه/);
    await next();
    const called = await office.api('POST', `/tickets/${ticket.id}/sms`, { body: { mobile: '09123456789' } });
    assert.equal(called.status, 409);
    const unknown = await office.api('POST', `/tickets/${'x'.repeat(22)}/sms`, { body: { mobile: '09123456789' } });
    assert.ok(unknown.status === 404 || unknown.status === 400, `unknown ticket: ${unknown.status}`);
  });

  it('keep messages while the gateway is down, raise an alert, and deliver each once when it is back', async () => {
    provider.mode = 'down';
    const first = await issue();
    const mine = await issue();
    await office.api('POST', `/tickets/${mine.id}/sms`, { body: { mobile: '09351112233' } });
    // One ahead: "near" is queued at once and fails at the provider, again and again.
    for (let failures = 0; failures < 3; ) {
      await provider.nextRequest();
      failures++;
    }
    const alert = await waitFor(async () => {
      const { body } = await office.api('GET', '/alerts', { token: manager });
      return body.alerts.find((a: { kind: string; clearedAt: number | null }) => a.kind === 'sms' && a.clearedAt === null);
    });
    assert.match(alert.message, /سامانهٔ پیامک پاسخ نمی‌دهد/);
    assert.doesNotMatch(JSON.stringify(alert), /0935/);

    provider.mode = 'ok';
    await provider.deliveredCount(1);
    assert.equal(provider.delivered.size, 1);
    assert.equal([...provider.delivered.values()][0]!.receptor, '09351112233');
    assert.equal(first.number !== mine.number, true);
    const cleared = await waitFor(async () => {
      const { body } = await office.api('GET', '/alerts', { token: manager });
      return body.alerts.find((a: { kind: string; clearedAt: number | null }) => a.kind === 'sms' && a.clearedAt !== null);
    });
    assert.ok(cleared, 'the alert clears once a message goes through');
  });
});

/** Asks again on each timer turn until `look` finds something: the condition, not a length of time, decides. */
async function waitFor<T>(look: () => Promise<T | undefined>, within = 20_000): Promise<T> {
  const deadline = Date.now() + within;
  for (;;) {
    const found = await look();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
