// One socket must not be able to grow the server: a client that floods messages while it reads
// nothing gets no answer per message and is disconnected; a client that stops reading is
// disconnected once what waits for it passes a bound; a tracked ticket id must have a real id's
// shape, and one socket follows only a few tickets. Real Socket.IO clients over a real port.
import assert from 'node:assert/strict';
import type { Socket as TcpSocket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Socket } from 'socket.io-client';
import { FLOOD_DROPS } from '../../server/realtime/socket-guards.js';
import { MAX_TRACKED } from '../../server/realtime/server.js';
import { startTestOffice, type TestOffice } from '../integration/lib/office-server.js';
import { client, next } from '../integration/lib/sockets.js';
import { configuredOffice } from './lib/configured-office.js';

const WRITE_BOUND = 20_000;

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

describe('a socket cannot grow the server', () => {
  let office: TestOffice;
  let kiosk: string;
  const sockets: Socket[] = [];
  const open = (auth: Record<string, unknown>, transports?: string[]) => {
    const socket = client(office.server.url, auth, transports ? { transports } : {});
    sockets.push(socket);
    return socket;
  };
  const issue = async (): Promise<{ id: string; seq: number }> => {
    const { status, body } = await office.api('POST', '/tickets', { token: kiosk, body: { serviceId: 'certificate' } });
    assert.equal(status, 201, JSON.stringify(body));
    return { id: body.id, seq: office.server.office.lastSeq() };
  };

  before(async () => {
    office = await startTestOffice({ config: configuredOffice(), limits: { socket: { capacity: 5, refillPerSecond: 0.001 }, socketWriteBufferBytes: WRITE_BOUND } });
    kiosk = office.server.accounts.addDevice('kiosk', 'entrance', null).token;
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await office.stop();
  });

  it('a tracker flooding ticket:track while reading nothing is answered once and disconnected', async () => {
    const ticket = await issue();
    const socket = open({ ticketId: ticket.id });
    await next(socket, 'ticket:snapshot');
    // Stop reading: what the server sends now stays in its buffers, as with a client that never reads.
    const tcp = (socket.io.engine.transport as unknown as { ws: { _socket: TcpSocket } }).ws._socket;
    tcp.pause();
    for (let i = 0; i < FLOOD_DROPS + 50; i++) socket.emit('ticket:track', { ticketId: ticket.id });
    const refusals: string[] = [];
    const outcome = new Promise<string>((resolve, reject) => {
      socket.on('disconnect', (reason) => resolve(reason));
      socket.on('error:refused', (refusal: { code: string }) => {
        refusals.push(refusal.code);
        if (refusals.length > 1) reject(new Error(`answered ${refusals.length} messages over the rate`));
      });
    });
    tcp.resume();
    assert.equal(await outcome, 'transport close');
    assert.deepEqual(refusals, ['rate_limited']);
  });

  it('a screen that stops reading is disconnected once what waits for it passes the bound, and the others stay', async () => {
    const display = office.server.accounts.addDevice('display', 'hall', null).token;
    const stalled = open({ token: display }, ['polling']);
    await next(stalled, 'board:snapshot');
    const sid = stalled.io.engine.id;
    const reading = open({ token: office.server.accounts.addDevice('display', 'hall 2', null).token });
    await next(reading, 'board:snapshot');
    const boardAfter = async () => {
      const { seq } = await issue();
      return next(reading, 'board:snapshot', (board: { seq: number }) => board.seq >= seq);
    };
    // The client stops polling once its poll under way has an answer: the next board gives it one.
    const paused = new Promise<void>((resolve) => (stalled.io.engine.transport as unknown as { pause(done: () => void): void }).pause(resolve));
    await boardAfter();
    await paused;
    // A noop packet posted to the session answers "ok" while the server still holds it, 400 once it is gone.
    const sessionHeld = async () => (await fetch(`${office.server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', body: '6' })).status === 200;
    assert.equal(await sessionHeld(), true);
    let boards = 0;
    let boardBytes = 0;
    while (await sessionHeld()) {
      if (boards >= 40) assert.fail(`still connected after ${boards} boards of ${boardBytes} bytes`);
      boardBytes = JSON.stringify(await boardAfter()).length;
      boards += 1;
    }
    assert.ok(boards >= 2, `disconnected after ${boards} boards: the bound is ${WRITE_BOUND} bytes`);
    assert.equal(reading.connected, true);
  });

  it('tracks only real ticket ids, and at most a few per socket', async () => {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = open({ ticketId: 'abcdefgh' });
      socket.once('connect', () => resolve(false));
      socket.once('connect_error', () => resolve(true));
    });
    assert.equal(refused, true, 'an 8-character id is not a ticket id');

    const first = await issue();
    const more: string[] = [];
    for (let i = 0; i < MAX_TRACKED; i++) more.push((await issue()).id);
    const socket = open({ ticketId: first.id });
    await next(socket, 'ticket:snapshot');
    const answers: string[] = [];
    socket.on('ticket:snapshot', (view: { id: string }) => more.includes(view.id) && !answers.includes(view.id) && answers.push(view.id));
    socket.on('error:refused', (refusal: { code: string }) => answers.push(refusal.code));
    // The first is tracked already: MAX_TRACKED - 1 more fit, the last does not (and the rate allows 5 messages).
    for (const id of more) socket.emit('ticket:track', { ticketId: id });
    await new Promise<void>((resolve) => {
      const done = () => answers.length === MAX_TRACKED && resolve();
      socket.on('ticket:snapshot', done);
      socket.on('error:refused', done);
    });
    assert.deepEqual(answers, [...more.slice(0, -1), 'too_many_tracked']);
  });
});
