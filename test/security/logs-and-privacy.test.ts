// What leaves the server where it should not: a flow with sign-ins (right and wrong), a password
// change, pairing and device tokens over HTTP and sockets leaves no password, token or pairing code in
// the log; and what the display and a ticket's tracking page receive never names staff or carries a
// note a clerk wrote about a visitor.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { io as connect, type Socket } from 'socket.io-client';
import { createLogger } from '../../server/log.js';
import { startServer, type RunningServer } from '../../server/main.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCOUNTS, configuredOffice, PASSWORD } from './lib/configured-office.js';

const NEW_PASSWORD = 'a brand new passphrase';
const NOTE = 'کد ملی ۰۰۱۲۳۴۵۶۷۸ و شماره همراه ۰۹۱۲۰۰۰۰۰۰۰';
const PAUSE_NOTE = 'جلسه با آقای رضایی';

function socketFor(server: RunningServer, auth: Record<string, unknown>): Socket {
  return connect(server.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
}

describe('logs and what the public screens receive', () => {
  let server: RunningServer;
  let dataDir: string;
  const logged: string[] = [];
  const originalWrite = process.stderr.write.bind(process.stderr);
  const secrets: string[] = [PASSWORD, NEW_PASSWORD, 'wrong-password-typed'];

  const api = async (method: string, path: string, options: { token?: string; body?: unknown } = {}) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };

  before(async () => {
    // Everything written to stderr while the server runs: its log lines and anything else.
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (originalWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
    dataDir = mkdtempSync(join(tmpdir(), 'nobat-logs-'));
    server = await startServer({ dataDir, port: 0, host: '127.0.0.1', config: configuredOffice(), log: createLogger() });
  });
  after(async () => {
    process.stderr.write = originalWrite;
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a day of sign-ins, pairing and device use logs no password, token or pairing code', async () => {
    assert.equal((await api('POST', '/auth/login', { body: { username: 'staff1', password: 'wrong-password-typed', deskId: 'desk-1' } })).status, 401);
    const staff = await api('POST', '/auth/login', { body: { username: 'staff1', password: PASSWORD, deskId: 'desk-1' } });
    assert.equal(staff.status, 200);
    secrets.push(staff.body.token, (staff.headers.get('set-cookie') ?? '').split(';')[0]!.split('=')[1]!);

    const kiosk = server.accounts.addDevice('kiosk', 'entrance', null);
    secrets.push(kiosk.pairingCode, kiosk.token);
    const paired = await api('POST', '/auth/pair', { body: { code: kiosk.pairingCode } });
    assert.equal(paired.status, 200);
    secrets.push(paired.body.token);
    assert.equal((await api('POST', '/auth/pair', { body: { code: kiosk.pairingCode } })).status, 400);
    const issued = await api('POST', '/tickets', { token: paired.body.token, body: { serviceId: 'certificate' } });
    assert.equal(issued.status, 201);

    const display = server.accounts.addDevice('display', 'hall', null);
    secrets.push(display.pairingCode, display.token);
    const socket = socketFor(server, { token: display.token });
    await new Promise((resolve) => socket.once('board:snapshot', resolve));
    const badSocket = socketFor(server, { token: `${display.token}x` });
    await new Promise((resolve) => badSocket.once('connect_error', resolve));
    badSocket.close();

    assert.equal((await api('POST', '/auth/password', { token: staff.body.token, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } })).status, 200);
    assert.equal((await api('POST', '/desks/desk-1/next', { token: staff.body.token })).status, 200);
    server.accounts.revokeDevice(display.id);
    await new Promise((resolve) => (socket.connected ? socket.once('disconnect', resolve) : resolve(null)));
    assert.equal((await api('POST', '/auth/logout-all', { token: staff.body.token })).status, 200);

    const log = logged.join('');
    assert.ok(log.includes('nobat ready'), 'the capture saw the log');
    for (const secret of secrets) {
      assert.ok(secret.length >= 4);
      assert.ok(!log.includes(secret), `the log holds a secret (${secret.slice(0, 3)}…)`);
    }
  });

  it("the display and a tracking page receive no staff name, username, staff id, note or visitor's priority group", async () => {
    const token = (await api('POST', '/auth/login', { body: { username: 'staff2', password: PASSWORD, deskId: 'desk-2' } })).body.token as string;
    const kiosk = server.accounts.addDevice('kiosk', 'side door', null);
    const display = server.accounts.addDevice('display', 'hall 2', null);
    // Both with a priority group, which a visitor chose at the kiosk and nobody else may learn.
    const issue = async () => (await api('POST', '/tickets', { token: kiosk.token, body: { serviceId: 'certificate', priorityGroup: 'pregnant' } })).body.id as string;
    const first = await issue();
    const tracked = await issue();

    const board = socketFor(server, { token: display.token });
    const phone = socketFor(server, { ticketId: tracked });
    const received: string[] = [];
    board.onAny((event, payload) => received.push(`${event} ${JSON.stringify(payload)}`));
    phone.onAny((event, payload) => received.push(`${event} ${JSON.stringify(payload)}`));
    await Promise.all([new Promise((resolve) => board.once('board:snapshot', resolve)), new Promise((resolve) => phone.once('ticket:snapshot', resolve))]);

    assert.equal((await api('POST', '/desks/desk-2/next', { token })).body.ticket.id, first);
    assert.equal((await api('POST', `/tickets/${first}/start`, { token })).status, 200);
    assert.equal((await api('POST', `/tickets/${first}/finish`, { token, body: { outcome: 'done', note: NOTE } })).status, 200);
    const called = new Promise((resolve) => phone.on('ticket:snapshot', (view: { status: string }) => view.status === 'called' && resolve(null)));
    assert.equal((await api('POST', '/desks/desk-2/next', { token })).body.ticket.id, tracked);
    await called;
    assert.equal((await api('POST', `/tickets/${tracked}/start`, { token })).status, 200);
    const finished = new Promise((resolve) => phone.on('ticket:snapshot', (view: { status: string }) => view.status !== 'serving' && view.status !== 'called' && resolve(null)));
    assert.equal((await api('POST', `/tickets/${tracked}/finish`, { token, body: { outcome: 'done', note: NOTE } })).status, 200);
    await finished;
    const paused = new Promise((resolve) => board.once('board:snapshot', resolve));
    assert.equal((await api('POST', '/desks/desk-2/pause', { token, body: { reason: 'meeting', note: PAUSE_NOTE } })).status, 200);
    await paused;
    const polled = await api('GET', `/tickets/${tracked}`);
    received.push(JSON.stringify(polled.body));
    board.close();
    phone.close();

    const userIds = (server.db.prepare(`SELECT id FROM users`).all() as Array<{ id: string }>).map((u) => u.id);
    const everything = received.join('\n');
    assert.ok(everything.includes('call:announced'), 'the display heard the calls');
    assert.equal(polled.status, 200);
    for (const personal of ['pregnant', 'priorityGroup', NOTE, PAUSE_NOTE, ...Object.values(ACCOUNTS).flatMap((a) => [a.name, a.username]), ...userIds]) {
      assert.ok(!everything.includes(personal), `the display or the tracking page received ${JSON.stringify(personal)}`);
    }
  });
});
