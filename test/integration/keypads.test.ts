// Keypads wired to a real server, end to end: the simulator presses on one end of a socat pty pair,
// the server's serial driver reads the other, and ratings land in the real SQLite file on the ticket,
// desk, service, staff and hour they belong to; a raw line carries resent presses and garbage; the
// desk's screen never hears of a rating; unplugging and replugging recover by themselves, and a
// keypad replugged while armed is armed again while its time lasts; a rating the store cannot take
// is not acknowledged, and the keypad's resent press is stored once when the store is back.
import assert from 'node:assert/strict';
import { once, type EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SerialPort } from 'serialport';
import { io as connect, type Socket } from 'socket.io-client';
import { encodeFrame, type KeypadFrame } from '../../drivers/keypad/frame.js';
import { startKeypadSim, type SimulatedKeypad } from '../../drivers/sim/keypad-sim.js';
import { SocatPair } from '../../drivers/sim/socat-pair.js';
import { demoOffice } from '../../server/config/demo-office.js';
import { parseOffice } from '../../server/config/load.js';
import type { KeypadStatus } from '../../server/keypads/hub.js';
import type { Logger } from '../../server/log.js';
import { waitForEvent } from '../keypad/wait-for.js';
import { startTestOffice, type TestOffice } from './lib/office-server.js';

interface RatingRow {
  keypad_id: string; kind: string; device: string; boot: string; seq: number; button: number; buttons: number;
  desk_id: string | null; ticket_id: string | null; service_id: string | null; staff_id: string | null;
  day: string; jday: string; jmonth: string; hour: number;
}

describe('keypads in a configured office', () => {
  let dir: string;
  const pairs: Record<'desk' | 'exit' | 'raw', SocatPair> = {} as never;
  let office: TestOffice;
  let deskSim: SimulatedKeypad;
  let exitSim: SimulatedKeypad;
  let raw: SerialPort;
  let kiosk: string;
  let clerk: string;
  let clerkId: string;
  let deskSocket: Socket;
  const heardAtDesk: Array<{ event: string; message: unknown }> = [];
  const logged: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const log: Logger = {
    info: () => undefined,
    warn: (message, fields) => logged.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
    error: (message, fields) => logged.push({ level: 'error', message, ...(fields ? { fields } : {}) }),
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nobat-keypads-it-'));
    for (const name of ['desk', 'exit', 'raw'] as const) {
      await mkdir(join(dir, name));
      pairs[name] = new SocatPair(join(dir, name));
      await pairs[name].start();
    }
    const config = parseOffice({
      ...demoOffice,
      users: [
        { username: 'clerk', name: 'کارمند', role: 'staff', password: 'password-1' },
        { username: 'boss', name: 'مدیر', role: 'manager', password: 'password-2' },
      ],
      keypads: [
        { id: 'kp-desk', kind: 'desk', deskId: 'desk-1', path: pairs.desk.b },
        { id: 'kp-exit', kind: 'exit', path: pairs.exit.b, baudRate: 9600, repeatFilterSeconds: 1 },
        { id: 'kp-raw', kind: 'desk', deskId: 'desk-2', path: pairs.raw.b },
      ],
    }, 'keypads test office');
    office = await startTestOffice({ config, log });
    // The driver may open its end after the first hello went by; hellos every second make up for it.
    deskSim = await startKeypadSim({ path: pairs.desk.a, device: 'DESK1', buttons: 5, baudRate: 115200, helloMs: 1_000 });
    exitSim = await startKeypadSim({ path: pairs.exit.a, device: 'EXIT1', buttons: 5, baudRate: 9600, helloMs: 1_000 });
    raw = new SerialPort({ path: pairs.raw.a, baudRate: 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => raw.open((error) => (error ? reject(error) : resolve())));
    kiosk = office.server.accounts.addDevice('kiosk', 'kiosk', null).token;
    const login = await office.api('POST', '/auth/login', { body: { username: 'clerk', password: 'password-1', deskId: 'desk-1' } });
    clerk = login.body.token;
    clerkId = login.body.user.id;
    deskSocket = connect(office.server.url, { auth: { token: clerk }, transports: ['websocket'], reconnection: false, forceNew: true });
    deskSocket.onAny((event: string, message: unknown) => heardAtDesk.push({ event, message }));
    await untilKeypad('kp-desk', (k) => k.online && k.bootId === deskSim.bootId);
    await untilKeypad('kp-exit', (k) => k.online && k.bootId === exitSim.bootId);
  });

  after(async () => {
    deskSocket?.close();
    await deskSim?.close();
    await exitSim?.close();
    if (raw?.isOpen) await new Promise<void>((resolve) => raw.close(() => resolve()));
    await office?.stop();
    for (const pair of Object.values(pairs)) await pair.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** The keypad's status once it matches, now or at a later health event of the hub. */
  function untilKeypad(id: string, matches: (status: KeypadStatus) => boolean, timeoutMs = 15_000): Promise<KeypadStatus> {
    const hub = office.server.keypads;
    const now = hub.health().find((k) => k.id === id);
    if (now && matches(now)) return Promise.resolve(now);
    return waitForEvent<KeypadStatus>(hub, 'health', (k) => k.id === id && matches(k), timeoutMs);
  }

  const ratings = (where = '1 = 1', ...params: unknown[]): RatingRow[] =>
    office.server.db.prepare(`SELECT * FROM ratings WHERE ${where} ORDER BY id`).all(...params) as RatingRow[];

  async function issue(): Promise<string> {
    const { status, body } = await office.api('POST', '/tickets', { token: kiosk, body: { serviceId: 'certificate' } });
    assert.equal(status, 201, JSON.stringify(body));
    return body.id as string;
  }

  async function desk(path: string, expected = 200): Promise<any> {
    const { status, body } = await office.api('POST', path, { token: clerk, body: path.endsWith('/finish') ? {} : undefined });
    assert.equal(status, expected, `${path}: ${JSON.stringify(body)}`);
    return body;
  }

  /** Desk 1 serves a ticket and finishes it; resolves once the keypad is armed for it, with the arm's token and seconds. */
  async function finishAtDesk1(): Promise<{ ticketId: string; token: string; seconds: number }> {
    let ticketId = office.server.office.state.desks.get('desk-1')!.currentTicketId;
    if (!ticketId) {
      await issue();
      ticketId = (await desk('/desks/desk-1/next')).ticket.id as string;
    }
    if (office.server.office.state.tickets.get(ticketId)!.status === 'called') await desk(`/tickets/${ticketId}/start`);
    const armed = once(deskSim, 'armed', { signal: AbortSignal.timeout(10_000) });
    await desk(`/tickets/${ticketId}/finish`);
    const [token, seconds] = (await armed) as [string, number];
    return { ticketId, token, seconds };
  }

  /** Pulls the desk keypad's cable, moves the office clock on by `seconds`, and plugs it back in. */
  async function replugDeskKeypad(seconds: number): Promise<void> {
    await pairs.desk.stop();
    await untilKeypad('kp-desk', (k) => !k.online);
    office.clock.advance(seconds);
    await pairs.desk.start();
  }

  /** Presses on the simulator and waits for the server's ack, which it sends only after storing. */
  async function press(sim: SimulatedKeypad, button: number): Promise<void> {
    assert.equal(await sim.press(button), true, 'the server acknowledged the press');
  }

  test('a press after the desk finishes a ticket lands on that ticket, with its desk, service, staff and hour', async () => {
    const ticket = await issue();
    assert.equal((await desk('/desks/desk-1/next')).ticket.id, ticket);
    await desk(`/tickets/${ticket}/start`);
    const armed = waitForEvent<string>(deskSim, 'armed');
    await desk(`/tickets/${ticket}/finish`);
    await armed;
    await press(deskSim, 4);
    const [row, ...more] = ratings('ticket_id = ?', ticket);
    assert.deepEqual(more, []);
    assert.deepEqual(
      { ...row, boot: '', seq: 0 },
      {
        ...row, boot: '', seq: 0, keypad_id: 'kp-desk', kind: 'desk', device: 'DESK1', button: 4, buttons: 5, desk_id: 'desk-1',
        service_id: 'certificate', staff_id: clerkId, day: '2026-11-22', jday: '1405-09-01', jmonth: '1405-09', hour: 9,
      },
    );
    assert.equal(row!.boot, deskSim.bootId);
    const event = office.server.db.prepare(`SELECT ticket_id, desk_id, actor, data FROM events WHERE type = 'rating.recorded'`).get() as {
      ticket_id: string; desk_id: string; actor: string; data: string;
    };
    assert.deepEqual({ ...event, data: JSON.parse(event.data).button }, { ticket_id: ticket, desk_id: 'desk-1', actor: 'keypad:kp-desk', data: 4 });
  });

  test('a press after the desk has called the next ticket does not land on the ticket before', async () => {
    const [second, third] = [await issue(), await issue()];
    assert.equal((await desk('/desks/desk-1/next')).ticket.id, second);
    await desk(`/tickets/${second}/start`);
    const armed = waitForEvent<string>(deskSim, 'armed');
    await desk(`/tickets/${second}/finish`);
    await armed;
    assert.equal((await desk('/desks/desk-1/next')).ticket.id, third);
    // The disarm may still be on its way to the keypad: this press may carry the old token. Either way
    // it must not rate the ticket the desk has moved on from.
    const before = ratings().length;
    await press(deskSim, 5);
    assert.deepEqual(ratings('ticket_id = ?', second), []);
    const [late] = ratings().slice(before);
    assert.deepEqual([late?.ticket_id, late?.desk_id, late?.staff_id, late?.button], [null, 'desk-1', clerkId, 5]);
  });

  test('"next" while serving ends that visit: its visitor can still rate it, until the next one is served', async () => {
    const third = office.server.office.state.desks.get('desk-1')!.currentTicketId!;
    await desk(`/tickets/${third}/start`);
    const fourth = await issue();
    let armed = waitForEvent<string>(deskSim, 'armed');
    assert.equal((await desk('/desks/desk-1/next')).ticket.id, fourth);
    await armed;
    await press(deskSim, 3);
    assert.equal(ratings('ticket_id = ?', third)[0]?.button, 3);

    await desk(`/tickets/${fourth}/start`);
    const fifth = await issue();
    armed = waitForEvent<string>(deskSim, 'armed');
    await desk('/desks/desk-1/next');
    await armed;
    const disarmed = waitForEvent(deskSim, 'disarmed');
    await desk(`/tickets/${fifth}/start`);
    await disarmed;
    await press(deskSim, 2);
    assert.deepEqual(ratings('ticket_id = ?', fourth), [], 'the next visitor was being served');
  });

  test('an exit keypad is never armed, counts quick repeats once and records the services just finished', async () => {
    const before = ratings(`kind = 'exit'`).length;
    await press(exitSim, 5);
    await press(exitSim, 1);
    const [first, ...rest] = ratings(`kind = 'exit'`).slice(before);
    assert.deepEqual(rest, [], 'a second press within a second counts once');
    assert.deepEqual([first?.button, first?.ticket_id, first?.desk_id, first?.staff_id, first?.hour], [5, null, null, null, 9]);
    const event = office.server.db.prepare(`SELECT data FROM events WHERE type = 'rating.recorded' AND actor = 'keypad:kp-exit'`).get() as { data: string };
    const finished = office.server.db.prepare(`SELECT COUNT(*) AS n FROM tickets WHERE status = 'done' AND service_id = 'certificate'`).get() as { n: number };
    assert.ok(finished.n >= 3);
    assert.deepEqual(JSON.parse(event.data).finishedServices, { certificate: finished.n });

    // A visitor pressing again: within the filter's second (on the office's clock) it does not count;
    // once the second has passed, it does.
    await press(exitSim, 2);
    assert.equal(ratings(`kind = 'exit'`).length, before + 1);
    office.clock.advance(1);
    await press(exitSim, 2);
    assert.equal(ratings(`kind = 'exit'`).length, before + 2);
    assert.equal(ratings(`kind = 'exit'`).at(-1)?.button, 2);
  });

  test('the desk\'s screen and API never show an individual rating', async () => {
    assert.ok(ratings('desk_id = ?', 'desk-1').length >= 4);
    // Events reach a socket in order: once this new ticket is heard, anything sent before it has been too.
    // (Not a pause: the desk is serving, and a desk holding a visitor does not pause.)
    const heard = waitForEvent(socketEvents(deskSocket), 'queue:event', (m: { event: { type: string } }) => m.event.type === 'ticket.issued');
    await issue();
    await heard;
    const seen = JSON.stringify(heardAtDesk);
    assert.ok(heardAtDesk.some((m) => m.event === 'desk:snapshot'), 'the desk heard its snapshots');
    assert.doesNotMatch(seen, /rating/i);

    // A desk that reconnects and asks for what it missed since the start gets the queue's events only.
    const replay = connect(office.server.url, { auth: { token: clerk, lastSeq: 0 }, transports: ['websocket'], reconnection: false, forceNew: true });
    try {
      const replayed: Array<{ event: { type: string } }> = [];
      replay.on('queue:event', (m) => replayed.push(m));
      await waitForEvent(socketEvents(replay), 'desk:snapshot');
      assert.ok(replayed.length > 10, `replayed ${replayed.length}`);
      assert.deepEqual(replayed.filter((m) => !m.event.type.startsWith('ticket.') && !m.event.type.startsWith('desk.')), []);
    } finally {
      replay.close();
    }
    const { body } = await office.api('GET', '/desks/desk-1', { token: clerk });
    assert.doesNotMatch(JSON.stringify(body), /rating/i);
  });

  /**
   * Writes `frames` to the raw line again and again until the server has acknowledged each seq in
   * `acks` (default all); resolves with every seq it heard acknowledged meanwhile.
   */
  async function sendRaw(frames: KeypadFrame[], acks = frames.map((f) => f.seq), extra = ''): Promise<Set<number>> {
    const waiting = new Set(acks);
    const acknowledged = new Set<number>();
    let heard = '';
    const done = new Promise<void>((resolve) => {
      const listener = (bytes: Buffer) => {
        heard += bytes.toString('latin1');
        for (const match of heard.matchAll(/\$A,RAW2,(\d+)\*/g)) {
          waiting.delete(Number(match[1]));
          acknowledged.add(Number(match[1]));
        }
        heard = heard.slice(heard.lastIndexOf('\n') + 1);
        if (waiting.size === 0) {
          raw.off('data', listener);
          resolve();
        }
      };
      raw.on('data', listener);
    });
    const bytes = Buffer.from(extra + frames.map((frame) => encodeFrame(frame)).join(''), 'latin1');
    // The driver may be between closing and reopening its end; whatever it missed is sent again.
    const writer = setInterval(() => raw.write(bytes), 250);
    raw.write(bytes);
    try {
      await done;
    } finally {
      clearInterval(writer);
    }
    return acknowledged;
  }

  const hello: KeypadFrame = { type: 'H', device: 'RAW2', seq: 1, firmware: 'raw-2', buttons: 3, boot: '77' };
  const pressFrame: KeypadFrame = { type: 'B', device: 'RAW2', seq: 5, button: 2, token: null };

  test('a resent press counts once, even after the server restarted in between', async () => {
    await sendRaw([hello, pressFrame]);
    await sendRaw([pressFrame]);
    await sendRaw([pressFrame]);
    const stored = (): RatingRow[] => ratings(`device = 'RAW2'`);
    assert.deepEqual(stored().map((r) => [r.keypad_id, r.boot, r.seq, r.button, r.buttons, r.desk_id]), [['kp-raw', '77', 5, 2, 3, 'desk-2']]);

    await office.restart();
    // A new server knows nothing of the presses it saw before; the store does.
    await sendRaw([hello, pressFrame]);
    assert.equal(stored().length, 1);
    const events = office.server.db.prepare(`SELECT COUNT(*) AS n FROM events WHERE type = 'rating.recorded' AND actor = 'keypad:kp-raw'`).get() as { n: number };
    assert.equal(events.n, 1);
    await untilKeypad('kp-desk', (k) => k.online && k.bootId === deskSim.bootId);
  });

  test('a press before any hello is not acknowledged; the keypad\'s copy after the hello is stored once, under that boot', async () => {
    await office.restart();
    // A new server has heard no hello on this line yet. Frames are answered in order: once the
    // heartbeat after the press is acknowledged, an ack of the press would have come before it.
    const early: KeypadFrame = { type: 'B', device: 'RAW2', seq: 40, button: 3, token: null };
    const heartbeat: KeypadFrame = { type: 'K', device: 'RAW2', seq: 41, uptime: 9 };
    const acknowledged = await sendRaw([early, heartbeat], [heartbeat.seq]);
    assert.equal(acknowledged.has(early.seq), false, 'the press before the hello was not acknowledged');
    assert.deepEqual(ratings(`device = 'RAW2' AND seq = 40`), []);
    const errors = office.server.keypads.health().find((k) => k.id === 'kp-raw')!.errors;
    assert.ok((errors.press_before_hello ?? 0) >= 1, JSON.stringify(errors));

    const rebooted: KeypadFrame = { ...hello, seq: 42, boot: '78' };
    await sendRaw([rebooted, early]);
    await sendRaw([early]);
    assert.deepEqual(ratings(`device = 'RAW2' AND seq = 40`).map((r) => [r.boot, r.button, r.buttons]), [['78', 3, 3]]);
    await untilKeypad('kp-desk', (k) => k.online && k.bootId === deskSim.bootId);
  });

  test('after the 16-bit seq wraps, a press with a seq seen before is acknowledged and stored; its copies still count once', async () => {
    const wrapped: KeypadFrame = { type: 'B', device: 'RAW2', seq: 7, button: 1, token: null };
    const rows = () => office.server.db.prepare(`SELECT boot, seq, wrap, button FROM ratings WHERE device = 'RAW2' AND seq = 7 ORDER BY id`).all();
    await sendRaw([{ ...hello, seq: 6 }, wrapped]);
    assert.deepEqual(rows(), [{ boot: '77', seq: 7, wrap: 0, button: 1 }]);
    // 65,536 frames later (36 h of heartbeats; an hour here is as good) the same boot says seq 7 again.
    office.clock.advance(3600);
    await sendRaw([{ ...wrapped, button: 2 }]);
    await sendRaw([{ ...wrapped, button: 2 }]);
    await office.restart();
    await sendRaw([{ ...hello, seq: 6 }, { ...wrapped, button: 2 }]);
    assert.deepEqual(rows(), [{ boot: '77', seq: 7, wrap: 0, button: 1 }, { boot: '77', seq: 7, wrap: 1, button: 2 }]);
    await untilKeypad('kp-desk', (k) => k.online && k.bootId === deskSim.bootId, 30_000);
  });

  test('GET /api/v1/keypads shows each keypad\'s heartbeat and its dropped frames rising, to managers only', async () => {
    const manager = await office.login('boss', undefined, 'password-2');
    const list = async (): Promise<KeypadStatus[]> => {
      const { status, body } = await office.api('GET', '/keypads', { token: manager });
      assert.equal(status, 200);
      return body as KeypadStatus[];
    };
    const heartbeat = (seq: number): KeypadFrame => ({ type: 'K', device: 'RAW2', seq, uptime: seq });
    await sendRaw([hello, heartbeat(20)]);
    const before = (await list()).find((k) => k.id === 'kp-raw')!;
    assert.equal(before.online, true);
    assert.equal(typeof before.lastHeartbeatAt, 'number');
    assert.deepEqual([before.device, before.bootId, before.firmware, before.deskId, before.kind, before.port], ['RAW2', '77', 'raw-2', 'desk-2', 'desk', pairs.raw.b]);

    const badCrc = '$K,RAW2,21,9*0000\r\n';
    await sendRaw([heartbeat(22)], [22], `\x00\xff line noise \r\n${badCrc}$K,RAW2,23,${'9'.repeat(70)}\r\n`);
    const afterGarbage = (await list()).find((k) => k.id === 'kp-raw')!;
    for (const kind of ['noise', 'bad_crc', 'too_long']) {
      assert.ok((afterGarbage.errors[kind] ?? 0) > (before.errors[kind] ?? 0), `${kind}: ${JSON.stringify(before.errors)} → ${JSON.stringify(afterGarbage.errors)}`);
    }
    assert.ok(afterGarbage.lastHeartbeatAt! >= before.lastHeartbeatAt!);

    const deskKeypad = (await list()).find((k) => k.id === 'kp-desk')!;
    assert.deepEqual([deskKeypad.online, deskKeypad.firmware, deskKeypad.bootId, deskKeypad.device], [true, 'sim-1.0', deskSim.bootId, 'DESK1']);
    assert.equal((await office.api('GET', '/keypads', { token: clerk })).status, 403);
    const anonymous = await office.api('GET', '/keypads');
    assert.equal(anonymous.status, 401);
    assert.equal(typeof anonymous.body.error.message, 'string');
  });

  test('unplugged and plugged back in, the desk keypad comes back online by itself and ratings flow again', async () => {
    const reconnectsBefore = office.server.keypads.health().find((k) => k.id === 'kp-desk')!.reconnects;
    await pairs.desk.stop();
    await untilKeypad('kp-desk', (k) => !k.online);
    await pairs.desk.start();
    // The simulator powers up again on the new line with a new boot id, which the server learns.
    const back = await untilKeypad('kp-desk', (k) => k.online && k.bootId === deskSim.bootId, 30_000);
    assert.ok(back.reconnects > reconnectsBefore, 'the driver reopened the line');

    const serving = office.server.office.state.desks.get('desk-1')!.currentTicketId!;
    await issue();
    const armed = waitForEvent<string>(deskSim, 'armed');
    await desk('/desks/desk-1/next');
    await armed;
    await press(deskSim, 5);
    assert.equal(ratings('ticket_id = ?', serving)[0]?.button, 5);
  });

  test('pulled out while armed and back in time: armed again for the same ticket with the time left, and the press rates it', async () => {
    const { ticketId, token, seconds } = await finishAtDesk1();
    assert.equal(seconds, 60);
    // The simulator powers off with its line, as a keypad does, and forgets the arming.
    const rearmed = once(deskSim, 'armed', { signal: AbortSignal.timeout(30_000) });
    await replugDeskKeypad(20);
    assert.deepEqual(await rearmed, [token, 40]);
    await press(deskSim, 5);
    assert.deepEqual(ratings('ticket_id = ?', ticketId).map((r) => [r.button, r.boot]), [[5, deskSim.bootId]]);
  });

  test('pulled out while armed and back after its time: it stays disarmed, and a press rates no ticket', async () => {
    const { ticketId } = await finishAtDesk1();
    let rearmed = false;
    const onArmed = () => (rearmed = true);
    deskSim.on('armed', onArmed);
    try {
      await replugDeskKeypad(61);
      await untilKeypad('kp-desk', (k) => k.online && k.bootId === deskSim.bootId, 30_000);
      const before = ratings().length;
      // An arm would have gone out with the ack of the keypad's first frame, before this press's ack.
      await press(deskSim, 1);
      assert.equal(rearmed, false);
      assert.deepEqual(ratings('ticket_id = ?', ticketId), []);
      assert.deepEqual(ratings().slice(before).map((r) => [r.ticket_id, r.desk_id, r.button]), [[null, 'desk-1', 1]]);
    } finally {
      deskSim.off('armed', onArmed);
    }
  });

  test('a rating the store cannot take is not acknowledged; the keypad resends it, and once the store is back it counts once, on its ticket', async () => {
    const { ticketId } = await finishAtDesk1();
    const failures = () => office.server.keypads.health().find((k) => k.id === 'kp-desk')!.errors.store_failed ?? 0;
    const failuresBefore = failures();
    const db = office.server.db;
    // A real SQLITE_READONLY from the server's own connection, as a database gone read-only gives.
    db.pragma('query_only = ON');
    let acknowledged: Promise<boolean>;
    try {
      acknowledged = deskSim.press(4);
      // The first copy and a resent one both fail; neither is acknowledged, or the keypad would stop.
      await untilKeypad('kp-desk', (k) => (k.errors.store_failed ?? 0) >= failuresBefore + 2);
    } finally {
      db.pragma('query_only = OFF');
    }
    assert.equal(await acknowledged, true, 'acknowledged once stored');
    const rows = ratings('ticket_id = ?', ticketId);
    assert.deepEqual(rows.map((r) => [r.button, r.desk_id, r.service_id, r.staff_id]), [[4, 'desk-1', 'certificate', clerkId]]);
    assert.equal(ratings('device = ? AND boot = ? AND seq = ?', 'DESK1', rows[0]!.boot, rows[0]!.seq).length, 1);
    const events = office.server.db.prepare(`SELECT COUNT(*) AS n FROM events WHERE type = 'rating.recorded' AND ticket_id = ?`).get(ticketId) as { n: number };
    assert.equal(events.n, 1);
    assert.ok(failures() >= failuresBefore + 2);
    const line = logged.find((l) => l.level === 'error' && l.message.startsWith('keypad rating not stored'));
    assert.match(String(line?.fields?.error), /readonly/i, JSON.stringify(line));
  });
});

/** A Socket.IO client offers on/off as an EventEmitter does, which is all waitForEvent uses. */
function socketEvents(socket: Socket): EventEmitter {
  return socket as unknown as EventEmitter;
}
