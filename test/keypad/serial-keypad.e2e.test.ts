// End to end over real pseudo-terminals: the simulator on one end of a socat pair, createKeypad on
// the other, through the real serialport binding, including socat dying and coming back.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SerialPort } from 'serialport';
import { createKeypad, type KeypadHealth, type KeypadRating, type SerialKeypad } from '../../drivers/keypad/index.js';
import { findKeypadPort } from '../../drivers/keypad/find-port.js';
import { encodeFrame } from '../../drivers/keypad/frame.js';
import { startKeypadSim, type SimulatedKeypad } from '../../drivers/sim/keypad-sim.js';
import { SocatPair } from '../../drivers/sim/socat-pair.js';
import { waitForEvent } from './wait-for.js';

describe('keypad over a socat pty pair', () => {
  let dir: string;
  let pair: SocatPair;
  let keypad: SerialKeypad;
  let sim: SimulatedKeypad;
  const ratings: KeypadRating[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nobat-keypad-'));
    pair = new SocatPair(dir);
    await pair.start();
    keypad = createKeypad({ path: pair.b, baudRate: 115200, mode: 'desk' });
    keypad.on('rating', (rating) => ratings.push(rating));
    // The first hello may reach the pty before the keypad has opened its end; a short hello period
    // makes the next one come soon instead of a minute later.
    let draws = 0;
    const distinctBootIds = (): number => (++draws * 0.137) % 1;
    sim = await startKeypadSim({
      path: pair.a,
      device: 'DESK7',
      buttons: 5,
      baudRate: 115200,
      helloMs: 1_000,
      random: distinctBootIds,
    });
  });

  after(async () => {
    await keypad?.close();
    await sim?.close();
    await pair?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** The keypad's health once it matches, now or at a later health event. */
  function untilHealth(matches: (health: KeypadHealth) => boolean, timeoutMs?: number): Promise<KeypadHealth> {
    const now = keypad.health();
    return matches(now) ? Promise.resolve(now) : waitForEvent<KeypadHealth>(keypad, 'health', matches, timeoutMs);
  }

  /** Presses and waits for the rating that press produced, by its button. */
  async function pressAndRate(button: number): Promise<KeypadRating> {
    const rated = waitForEvent<KeypadRating>(keypad, 'rating', (rating) => rating.button === button);
    assert.equal(await sim.press(button), true, 'the keypad driver acknowledged the press');
    return rated;
  }

  test('the hello brings the keypad online with its boot id and firmware', async () => {
    const health = await untilHealth((h) => h.online && h.bootId === sim.bootId);
    assert.equal(health.device, 'DESK7');
    assert.equal(health.firmware, 'sim-1.0');
    assert.deepEqual(keypad.health().errors, {});
  });

  test('a press gives exactly one rating', async () => {
    ratings.length = 0;
    const rating = await pressAndRate(4);
    assert.deepEqual({ ...rating, seq: 0, at: 0 }, { device: 'DESK7', boot: sim.bootId, seq: 0, button: 4, buttons: 5, token: null, at: 0 });
    // A duplicate of the first press would arrive before the second, on an ordered line.
    await pressAndRate(2);
    assert.deepEqual(ratings.map((r) => r.button), [4, 2]);
  });

  test('arm, then a press: the rating carries the token and the keypad is disarmed', async () => {
    const armed = waitForEvent<string>(sim, 'armed');
    keypad.arm('T1042', 30);
    assert.equal(await armed, 'T1042');
    const disarmed = waitForEvent(sim, 'disarmed');
    const rating = await pressAndRate(5);
    assert.equal(rating.token, 'T1042');
    await disarmed;
    assert.equal((await pressAndRate(3)).token, null, 'the next press is no longer that ticket\'s');
  });

  test('when socat dies and comes back, the keypad recovers by itself and ratings flow again', async () => {
    const bootBefore = sim.bootId;
    await pair.stop();
    await untilHealth((h) => !h.online);
    await pair.start();
    // The simulator powers up again on the new line, with a new boot id the keypad learns.
    await untilHealth((h) => h.online && h.bootId === sim.bootId && sim.bootId !== bootBefore, 15_000);
    const rating = await pressAndRate(1);
    assert.equal(rating.device, 'DESK7');
    assert.ok(keypad.health().reconnects >= 1, 'the driver reopened the line');
  });

  test('finding a port by USB ids gives null when no such device is plugged in', async () => {
    assert.equal(await findKeypadPort({ vendorId: '0xFFFF', productId: 'FFFE' }), null);
    assert.equal(await findKeypadPort({ path: pair.b }), pair.b);
  });
});

describe('keypad driver against raw bytes on the line', () => {
  let dir: string;
  let pair: SocatPair;
  let keypad: SerialKeypad;
  let raw: SerialPort;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nobat-keypad-raw-'));
    pair = new SocatPair(dir);
    await pair.start();
    keypad = createKeypad({ path: pair.b, baudRate: 9600, mode: 'exit' });
    raw = new SerialPort({ path: pair.a, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => raw.open((error) => (error ? reject(error) : resolve())));
  });

  after(async () => {
    await keypad?.close();
    if (raw?.isOpen) await new Promise<void>((resolve) => raw.close(() => resolve()));
    await pair?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('garbage is counted and dropped, the frames after it are read and acknowledged', async () => {
    const acked = new Promise<string>((resolve) => {
      let received = '';
      raw.on('data', (bytes: Buffer) => {
        received += bytes.toString('latin1');
        if (received.includes('\n')) resolve(received);
      });
    });
    const rated = waitForEvent<KeypadRating>(keypad, 'rating');
    // The keypad may not have opened its end yet; resend until the ack shows it has.
    const frames = '\x00\xffnoise$B,EXIT2,3,9,-*0000\r\n' +
      encodeFrame({ type: 'H', device: 'EXIT2', seq: 1, firmware: 'raw', buttons: 3, boot: '77' }) +
      encodeFrame({ type: 'B', device: 'EXIT2', seq: 2, button: 3, token: null });
    const writer = setInterval(() => raw.write(Buffer.from(frames, 'latin1')), 200);
    raw.write(Buffer.from(frames, 'latin1'));
    try {
      const rating = await rated;
      assert.deepEqual({ ...rating, at: 0 }, { device: 'EXIT2', boot: '77', seq: 2, button: 3, buttons: 3, token: null, at: 0 });
      assert.match(await acked, /^\$A,EXIT2,\d+\*[0-9A-F]{4}\r\n/);
    } finally {
      clearInterval(writer);
    }
    const { errors, reconnects } = keypad.health();
    assert.equal(reconnects, 0, 'the line opened at the first attempt');
    assert.ok((errors.noise ?? 0) >= 1, JSON.stringify(errors));
    assert.ok((errors.bad_crc ?? 0) >= 1, JSON.stringify(errors));
  });

  test('a keypad that falls silent goes offline, and its line is reopened so it comes back', async () => {
    await waitForEvent<KeypadHealth>(keypad, 'health', (h) => !h.online, 10_000);
    // The driver closed and reopened its end; the next heartbeat brings the keypad back.
    const online = waitForEvent<KeypadHealth>(keypad, 'health', (h) => h.online, 10_000);
    const heartbeat = encodeFrame({ type: 'K', device: 'EXIT2', seq: 9, uptime: 60 });
    const writer = setInterval(() => raw.write(heartbeat), 200);
    try {
      await online;
    } finally {
      clearInterval(writer);
    }
  });
});
