// Staff sessions over real HTTP on a configured office: lock-out with a doubling wait that survives a
// restart, expiry, sign-out everywhere, password change, CSRF for the session cookie, and the socket
// of an ended session or revoked device closing at once.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { io as connect, type Socket } from 'socket.io-client';
import { request as httpRequest } from 'node:http';
import { ACCOUNT_LOCKOUT, ADDRESS_LOCKOUT, lockoutWaitMs, PAIRING_LOCKOUT, PAIRING_OFFICE_LOCKOUT } from '../../server/auth/lockout.js';
import { SESSION_HOURS } from '../../server/auth/accounts.js';
import { startTestOffice, type TestOffice } from '../integration/lib/office-server.js';
import { configuredOffice, PASSWORD } from './lib/configured-office.js';

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

function socketFor(office: TestOffice, auth: Record<string, unknown>): Socket {
  return connect(office.server.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
}

/** Resolves once the socket is connected (and has had its first snapshot, so it is in its rooms). */
function connected(socket: Socket, firstEvent: string): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once(firstEvent, () => resolve());
    socket.once('connect_error', reject);
  });
}

function disconnected(socket: Socket): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
}

const login = (office: TestOffice, username: string, password: string, deskId?: string) =>
  office.api('POST', '/auth/login', { body: { username, password, ...(deskId ? { deskId } : {}) } });

describe('lock-out after wrong passwords', () => {
  // Each case on its own office: the client address (always 127.0.0.1 here) has a count of its own.
  let office: TestOffice;
  beforeEach(async () => {
    office = await startTestOffice({ config: configuredOffice() });
  });
  afterEach(() => office.stop());

  it('waits double after each failure beyond the free ones, up to the cap', () => {
    assert.equal(lockoutWaitMs(ACCOUNT_LOCKOUT.freeFailures - 1, ACCOUNT_LOCKOUT), 0);
    assert.equal(lockoutWaitMs(ACCOUNT_LOCKOUT.freeFailures, ACCOUNT_LOCKOUT), ACCOUNT_LOCKOUT.baseWaitMs);
    assert.equal(lockoutWaitMs(ACCOUNT_LOCKOUT.freeFailures + 1, ACCOUNT_LOCKOUT), 2 * ACCOUNT_LOCKOUT.baseWaitMs);
    assert.equal(lockoutWaitMs(ACCOUNT_LOCKOUT.freeFailures + 3, ACCOUNT_LOCKOUT), 8 * ACCOUNT_LOCKOUT.baseWaitMs);
    assert.equal(lockoutWaitMs(1000, ACCOUNT_LOCKOUT), ACCOUNT_LOCKOUT.maxWaitMs);
  });

  it('locks an account with a Persian message and the wait, keeps the lock over a restart, and a right password after it resets', async () => {
    for (let i = 1; i < ACCOUNT_LOCKOUT.freeFailures; i++) {
      const wrong = await login(office, 'staff1', `wrong ${i}`, 'desk-1');
      assert.equal(wrong.status, 401, `failure ${i} is a plain refusal`);
      assert.equal(wrong.body.error.code, 'bad_credentials');
    }
    const locking = await login(office, 'staff1', 'wrong again', 'desk-1');
    assert.equal(locking.status, 429);
    assert.equal(locking.body.error.code, 'login_locked');
    assert.match(locking.body.error.message, /۳۰ ثانیه/);
    assert.equal(locking.headers.get('retry-after'), '30');

    const rightButLocked = await login(office, 'staff1', PASSWORD, 'desk-1');
    assert.equal(rightButLocked.status, 429, 'not even the right password gets in while locked');

    await office.restart();
    assert.equal((await login(office, 'staff1', PASSWORD, 'desk-1')).status, 429, 'a restart does not lift the lock');

    office.clock.advance(29);
    assert.equal((await login(office, 'staff1', PASSWORD, 'desk-1')).status, 429);
    office.clock.advance(1);
    assert.equal((await login(office, 'staff1', 'still wrong', 'desk-1')).status, 429, 'the next failure after the wait locks for twice as long');
    const doubled = await login(office, 'staff1', PASSWORD, 'desk-1');
    assert.equal(doubled.headers.get('retry-after'), '60');
    assert.match(doubled.body.error.message, /۱ دقیقه/);
    office.clock.advance(60);
    assert.equal((await login(office, 'staff1', PASSWORD, 'desk-1')).status, 200);
    for (let i = 1; i < ACCOUNT_LOCKOUT.freeFailures; i++) assert.equal((await login(office, 'staff1', 'wrong', 'desk-1')).status, 401, 'the count started again');
  });

  it('locks an unknown username exactly as a known one, so the lock reveals nothing', async () => {
    const answers = [];
    for (let i = 0; i < ACCOUNT_LOCKOUT.freeFailures; i++) answers.push(await login(office, 'nobody.here', 'whatever', 'desk-1'));
    const known = [];
    for (let i = 0; i < ACCOUNT_LOCKOUT.freeFailures; i++) known.push(await login(office, 'staff2', 'whatever', 'desk-2'));
    assert.deepEqual(
      answers.map((a) => [a.status, a.body.error.code]),
      known.map((a) => [a.status, a.body.error.code]),
    );
    assert.equal(answers.at(-1)!.status, 429);
  });

  it('counts a concurrent burst before hashing: only the free tries are checked, and the lock is the first one', async () => {
    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => login(office, 'staff1', `wrong ${i}`, 'desk-1')));
    const statuses = burst.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [...Array(ACCOUNT_LOCKOUT.freeFailures - 1).fill(401), ...Array(100 - ACCOUNT_LOCKOUT.freeFailures + 1).fill(429)]);
    // Had every attempt been checked, each would have counted and doubled the wait up to its cap.
    const next = await login(office, 'staff1', PASSWORD, 'desk-1');
    assert.equal(next.status, 429);
    assert.equal(next.headers.get('retry-after'), String(ACCOUNT_LOCKOUT.baseWaitMs / 1000));
  });

  it('lets a dozen right passwords in at once from one address: attempts are decided one after another, not counted against each other', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, () => login(office, 'admin', PASSWORD)));
    assert.deepEqual(
      burst.map((answer) => answer.status),
      Array(12).fill(200),
    );
  });

  it('refuses the right password sent inside a burst past the limit', async () => {
    const wrong = Array.from({ length: 60 }, (_, i) => login(office, 'staff1', `wrong ${i}`, 'desk-1'));
    const right = login(office, 'staff1', PASSWORD, 'desk-1');
    await Promise.all(wrong);
    assert.equal((await right).status, 429);
  });

  it('locks a client address that tries many usernames, each only a few times', async () => {
    const names = ['staff1', 'staff2', 'manager', 'admin', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6'];
    for (let i = 0; i < ADDRESS_LOCKOUT.freeFailures - 1; i++) assert.equal((await login(office, names[i]!, 'wrong')).status, 401);
    const locking = await login(office, names[ADDRESS_LOCKOUT.freeFailures - 1]!, 'wrong');
    assert.equal(locking.status, 429);
    assert.equal((await login(office, 'manager', PASSWORD)).status, 429, 'the address is locked for every account');
  });
});

describe('sessions', () => {
  let office: TestOffice;
  const sockets: Socket[] = [];
  before(async () => {
    office = await startTestOffice({ config: configuredOffice(), limits: { http: { capacity: 30, refillPerSecond: 0.001 }, socket: { capacity: 5, refillPerSecond: 0.001 } } });
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await office.stop();
  });

  it(`expire after ${SESSION_HOURS} hours`, async () => {
    const token = (await login(office, 'manager', PASSWORD)).body.token;
    assert.equal((await office.api('GET', '/auth/me', { token })).status, 200);
    office.clock.advance(SESSION_HOURS * 3600 - 1);
    assert.equal((await office.api('GET', '/auth/me', { token })).status, 200);
    office.clock.advance(1);
    const expired = await office.api('GET', '/auth/me', { token });
    assert.equal(expired.status, 401);
    assert.match(expired.body.error.message, ARABIC_SCRIPT);
  });

  it('sign out everywhere ends every session of the user, closes its idle desk, and drops its sockets at once', async () => {
    const atDesk = (await login(office, 'staff1', PASSWORD, 'desk-1')).body.token;
    const elsewhere = (await login(office, 'staff1', PASSWORD, 'desk-2')).body.token;
    const colleague = (await login(office, 'staff2', PASSWORD, 'desk-3')).body.token;
    const socket = socketFor(office, { token: atDesk });
    sockets.push(socket);
    await connected(socket, 'desk:snapshot');
    const gone = disconnected(socket);

    const answer = await office.api('POST', '/auth/logout-all', { token: elsewhere });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.sessionsEnded, 2);
    assert.equal(await gone, 'io server disconnect');
    assert.equal((await office.api('GET', '/auth/me', { token: atDesk })).status, 401);
    assert.equal((await office.api('GET', '/auth/me', { token: elsewhere })).status, 401);
    assert.equal((await office.api('GET', '/auth/me', { token: colleague })).status, 200, 'another user is not signed out');
    const desks = (await office.api('GET', '/desks', { token: colleague })).body as Array<{ id: string; open: boolean }>;
    assert.deepEqual(
      desks.filter((d) => d.open).map((d) => d.id),
      ['desk-3'],
    );
  });

  it('change the password only with the current one, end the other sessions, and keep this one', async () => {
    const current = (await login(office, 'manager', PASSWORD)).body.token;
    const other = (await login(office, 'manager', PASSWORD)).body.token;
    const otherSocket = socketFor(office, { token: other });
    sockets.push(otherSocket);
    await connected(otherSocket, 'board:snapshot');

    const wrong = await office.api('POST', '/auth/password', { token: current, body: { currentPassword: 'not it', newPassword: 'a new long password' } });
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body.error.code, 'wrong_password');
    const short = await office.api('POST', '/auth/password', { token: current, body: { currentPassword: PASSWORD, newPassword: 'short' } });
    assert.equal(short.status, 400);
    assert.match(short.body.error.message, ARABIC_SCRIPT);
    assert.equal((await office.api('POST', '/auth/password', { body: { currentPassword: PASSWORD, newPassword: 'a new long password' } })).status, 401);

    const gone = disconnected(otherSocket);
    const changed = await office.api('POST', '/auth/password', { token: current, body: { currentPassword: PASSWORD, newPassword: 'a new long password' } });
    assert.equal(changed.status, 200);
    await gone;
    assert.equal((await office.api('GET', '/auth/me', { token: other })).status, 401, 'the other session ended');
    assert.equal((await office.api('GET', '/auth/me', { token: current })).status, 200, 'this session goes on');
    assert.equal((await login(office, 'manager', PASSWORD)).status, 401, 'the old password no longer works');
    assert.equal((await login(office, 'manager', 'a new long password')).status, 200);
  });

  it('refuse a cookie-authenticated change from another site, but not one from our own pages or with a bearer token', async () => {
    const token = (await login(office, 'staff2', PASSWORD, 'desk-4')).body.token;
    const cookie = { cookie: `nobat_session=${token}` };
    const crossSite = await office.api('POST', '/desks/desk-4/pause', { body: { reason: 'break' }, headers: { ...cookie, 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:9999' } });
    assert.equal(crossSite.status, 403);
    assert.equal(crossSite.body.error.code, 'cross_site_request');
    assert.match(crossSite.body.error.message, ARABIC_SCRIPT);
    const foreignOrigin = await office.api('POST', '/desks/desk-4/pause', { body: { reason: 'break' }, headers: { ...cookie, origin: 'http://evil.example' } });
    assert.equal(foreignOrigin.status, 403, 'an older browser: Origin only');
    const noHeaders = await office.api('POST', '/desks/desk-4/pause', { body: { reason: 'break' }, headers: cookie });
    assert.equal(noHeaders.status, 403, 'a cookie without either header is not vouched for');
    assert.equal((await office.api('GET', '/desks/desk-4', { headers: { ...cookie, 'sec-fetch-site': 'cross-site' } })).status, 200, 'reads are not changes');

    const ownPage = await office.api('POST', '/desks/desk-4/pause', { body: { reason: 'break' }, headers: { ...cookie, 'sec-fetch-site': 'same-origin' } });
    assert.equal(ownPage.status, 200);
    const ownOrigin = await office.api('POST', '/desks/desk-4/resume', { headers: { ...cookie, origin: office.server.url } });
    assert.equal(ownOrigin.status, 200);
    const bearer = await office.api('POST', '/desks/desk-4/pause', { token, body: { reason: 'break' }, headers: { 'sec-fetch-site': 'cross-site', origin: 'http://evil.example' } });
    assert.equal(bearer.status, 200, 'a bearer token cannot be sent by another site, so it is not checked');
  });

  it('set the session cookie httpOnly and SameSite=Strict, lasting by Max-Age rather than a date from the office clock', async () => {
    const answer = await login(office, 'admin', PASSWORD);
    const cookie = answer.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^nobat_session=/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Max-Age=43200/, 'twelve hours, counted by the browser from when it receives the cookie');
    assert.doesNotMatch(cookie, /Expires=/i, 'an absolute date from a server clock that differs from the browser\'s drops the cookie');
  });

  it('limit requests per session, not per a header a client sets, with a Persian 429', async () => {
    const token = (await login(office, 'admin', PASSWORD)).body.token;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await office.api('GET', '/auth/me', { token, headers: { 'x-forwarded-for': `10.0.0.${i}`, 'x-real-ip': `10.0.1.${i}` } })).status);
    assert.deepEqual(statuses.slice(0, 30), Array(30).fill(200));
    const limited = await office.api('GET', '/auth/me', { token });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error.code, 'rate_limited');
    assert.match(limited.body.error.message, ARABIC_SCRIPT);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    const other = (await login(office, 'staff2', PASSWORD, 'desk-4')).body.token;
    assert.equal((await office.api('GET', '/auth/me', { token: other })).status, 200, 'another session has its own allowance');
  });

  it('limit messages per socket', async () => {
    const device = office.server.accounts.addDevice('display', 'hall', null);
    const socket = socketFor(office, { token: device.token });
    sockets.push(socket);
    await connected(socket, 'board:snapshot');
    const refusals: Array<{ code: string; message: string }> = [];
    socket.on('error:refused', (e: { code: string; message: string }) => refusals.push(e));
    const limited = new Promise<{ code: string; message: string }>((resolve) => socket.on('error:refused', (e: { code: string; message: string }) => e.code === 'rate_limited' && resolve(e)));
    for (let i = 0; i < 6; i++) socket.emit('ticket:track', { ticketId: `unknown-ticket-${i}`.padEnd(22, 'x') });
    const refusal = await limited;
    assert.match(refusal.message, ARABIC_SCRIPT);
    await new Promise<void>((resolve) => (refusals.length === 6 ? resolve() : socket.on('error:refused', () => refusals.length === 6 && resolve())));
    assert.deepEqual(
      refusals.map((r) => r.code).sort(),
      ['rate_limited', ...Array(5).fill('unknown_ticket')],
      'five messages were handled, the sixth refused',
    );
  });
});

describe('devices', () => {
  let office: TestOffice;
  before(async () => {
    office = await startTestOffice({ config: configuredOffice() });
  });
  after(() => office.stop());

  it('pair once with a code that expires, and keep only digests of codes and tokens', async () => {
    const late = office.server.accounts.addDevice('display', 'late', null);
    const added = office.server.accounts.addDevice('kiosk', 'entrance', null);
    const paired = await office.api('POST', '/auth/pair', { body: { code: added.pairingCode } });
    assert.equal(paired.status, 200);
    assert.equal(paired.body.kind, 'kiosk');
    const again = await office.api('POST', '/auth/pair', { body: { code: added.pairingCode } });
    assert.equal(again.status, 400, 'a code works once');
    assert.equal(again.body.error.code, 'bad_pairing_code');
    assert.equal((await office.api('GET', '/auth/me', { token: added.token })).status, 401, 'pairing replaced the hand-set-up token');
    assert.equal((await office.api('GET', '/auth/me', { token: paired.body.token })).status, 200);

    office.clock.advance(15 * 60);
    assert.equal((await office.api('POST', '/auth/pair', { body: { code: late.pairingCode } })).status, 400, 'a code expires after 15 minutes');

    const stored = JSON.stringify(office.server.db.prepare(`SELECT * FROM devices`).all()) + JSON.stringify(office.server.db.prepare(`SELECT * FROM sessions`).all());
    for (const secret of [paired.body.token, added.pairingCode, late.pairingCode, late.token]) assert.ok(!stored.includes(secret), 'the database holds no usable code or token');
  });

  it('revoking a device refuses its next request and drops its open socket at once', async () => {
    const device = office.server.accounts.addDevice('display', 'hall', null);
    const socket = socketFor(office, { token: device.token });
    try {
      await connected(socket, 'board:snapshot');
      const gone = disconnected(socket);
      assert.equal(office.server.accounts.revokeDevice(device.id), true);
      assert.equal(await gone, 'io server disconnect');
      assert.equal((await office.api('GET', '/auth/me', { token: device.token })).status, 401);
      const again = socketFor(office, { token: device.token });
      const refused = await new Promise<Error>((resolve) => again.once('connect_error', resolve));
      assert.equal(refused.message, 'unauthorized');
      again.close();
    } finally {
      socket.close();
    }
  });

  it('refuse bodies over 16 KB with a Persian 413', async () => {
    const answer = await office.api('POST', '/auth/pair', { body: JSON.stringify({ code: '1'.repeat(17 * 1024) }) });
    assert.equal(answer.status, 413);
    assert.equal(answer.body.error.code, 'body_too_large');
    assert.match(answer.body.error.message, ARABIC_SCRIPT);
    assert.equal((await office.api('POST', '/auth/pair', { body: JSON.stringify({ code: '1'.repeat(15 * 1024) }) })).status, 400, 'just under the limit is read (and refused as a bad code)');
  });
});

describe('pairing codes', () => {
  let office: TestOffice;
  before(async () => {
    office = await startTestOffice({ config: configuredOffice(), limits: { http: { capacity: 1000, refillPerSecond: 1000 } } });
  });
  after(() => office.stop());

  /** POST /auth/pair from a loopback address of our choice (127.0.0.0/8 all reach the server). */
  const pairFrom = (address: string, code: string) =>
    new Promise<{ status: number; body: any; retryAfter: string | undefined }>((resolve, reject) => {
      const body = JSON.stringify({ code });
      const request = httpRequest(`${office.server.url}/api/v1/auth/pair`, { method: 'POST', localAddress: address, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text), retryAfter: response.headers['retry-after'] as string | undefined }));
      });
      request.once('error', reject);
      request.end(body);
    });
  const wrongCode = (i: number) => String(10_000_000 + i);

  it('lock an address after five wrong codes, even for a right one, with a Persian 429, until the wait is over', async () => {
    const device = office.server.accounts.addDevice('kiosk', 'entrance', null);
    for (let i = 1; i < PAIRING_LOCKOUT.freeFailures; i++) assert.equal((await pairFrom('127.0.0.2', wrongCode(i))).body.error.code, 'bad_pairing_code');
    const locking = await pairFrom('127.0.0.2', wrongCode(0));
    assert.equal(locking.status, 429);
    assert.equal(locking.body.error.code, 'pairing_locked');
    assert.match(locking.body.error.message, /جفت‌سازی تا ۱ دقیقه دیگر بسته است/);
    assert.equal(locking.retryAfter, '60');
    assert.equal((await pairFrom('127.0.0.2', device.pairingCode)).status, 429, 'not even the right code while locked');
    assert.equal((await pairFrom('127.0.0.3', wrongCode(9))).status, 400, 'another address has its own count');
    office.clock.advance(60);
    const paired = await pairFrom('127.0.0.2', device.pairingCode);
    assert.equal(paired.status, 200);
    assert.equal(paired.body.kind, 'kiosk');
  });

  it('close pairing for every address once the office has had fifty wrong codes', async () => {
    const device = office.server.accounts.addDevice('display', 'hall', null);
    const addresses = Array.from({ length: PAIRING_OFFICE_LOCKOUT.freeFailures / PAIRING_LOCKOUT.freeFailures }, (_, i) => `127.0.1.${i + 1}`);
    const answers: number[] = [];
    for (const address of addresses) for (let i = 0; i < PAIRING_LOCKOUT.freeFailures; i++) answers.push((await pairFrom(address, wrongCode(i))).status);
    assert.equal(answers.length, PAIRING_OFFICE_LOCKOUT.freeFailures);
    const fresh = await pairFrom('127.0.2.1', device.pairingCode);
    assert.equal(fresh.status, 429, 'an address that never tried is refused too');
    assert.equal(fresh.body.error.code, 'pairing_locked');
    office.clock.advance(60);
    assert.equal((await pairFrom('127.0.2.1', device.pairingCode)).status, 200);
  });
});
