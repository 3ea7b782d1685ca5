// Encoding and parsing single frames: round trips, the 64-byte limit and each field rule.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc16CcittFalse, formatCrc } from '../../drivers/keypad/crc.js';
import {
  encodeFrame,
  type Frame,
  KEYPAD_FRAME_TYPES,
  parseFrame,
  SERVER_FRAME_TYPES,
} from '../../drivers/keypad/frame.js';

/** A line with a correct CRC over whatever body it is given, without the line end. */
function signed(body: string): string {
  return `$${body}*${formatCrc(crc16CcittFalse(body))}`;
}

const everyKind: Frame[] = [
  { type: 'H', device: 'DESK12', seq: 0, firmware: '1.4.2', buttons: 5, boot: '48213' },
  { type: 'B', device: 'EXIT1', seq: 65535, button: 3, token: 'T0042abc' },
  { type: 'B', device: 'EXIT1', seq: 7, button: 1, token: null },
  { type: 'K', device: 'A', seq: 12, uptime: 86400 },
  { type: 'A', device: 'ABCDEFGH', seq: 9 },
  { type: 'R', device: 'DESK3', seq: 100, token: 'aB3', seconds: 30 },
  { type: 'D', device: 'DESK3', seq: 101 },
];

test('every kind of frame survives encoding and parsing unchanged', () => {
  for (const frame of everyKind) {
    const line = encodeFrame(frame);
    assert.ok(line.endsWith('\r\n'), line);
    assert.ok(line.length <= 64, line);
    assert.deepEqual(parseFrame(line.slice(0, -2), 2), { ok: true, frame });
  }
});

test('an unarmed press is encoded with a dash for its token', () => {
  const line = encodeFrame({ type: 'B', device: 'KP1', seq: 4, button: 2, token: null });
  assert.match(line, /^\$B,KP1,4,2,-\*[0-9A-F]{4}\r\n$/);
});

test('the example-shaped frame parses to its fields', () => {
  assert.deepEqual(parseFrame(signed('K,KP1,17,3600'), 2), {
    ok: true,
    frame: { type: 'K', device: 'KP1', seq: 17, uptime: 3600 },
  });
});

test('64 bytes including the line end is allowed, 65 is not', () => {
  // No valid frame is that long, so the limit is seen in the reason a long line is dropped.
  const lineOf = (bytes: number): string => signed(`H,KP1,1,${'f'.repeat(bytes - 18)},5,1`);
  assert.equal(lineOf(62).length, 62);
  assert.deepEqual(parseFrame(lineOf(62), 2), { ok: false, error: 'bad_field' });
  assert.deepEqual(parseFrame(lineOf(63), 1), { ok: false, error: 'bad_field' });
  assert.deepEqual(parseFrame(lineOf(63), 2), { ok: false, error: 'too_long' });
  assert.deepEqual(parseFrame(lineOf(64), 1), { ok: false, error: 'too_long' });
});

test('the CRC must match and be four upper-case hex digits', () => {
  // A heartbeat whose CRC has a letter in it, so that lower case makes a difference.
  let uptime = 0;
  while (!/[A-F]/.test(signed(`K,KP1,1,${uptime}`).slice(-4))) uptime++;
  const good = signed(`K,KP1,1,${uptime}`);
  const crc = good.slice(-4);
  assert.equal(parseFrame(good, 2).ok, true);
  assert.deepEqual(parseFrame(good.slice(0, -4) + crc.toLowerCase(), 2), { ok: false, error: 'bad_crc' });
  assert.deepEqual(parseFrame(good.slice(0, -4) + formatCrc(parseInt(crc, 16) ^ 1), 2), { ok: false, error: 'bad_crc' });
  assert.deepEqual(parseFrame(good.slice(0, -1), 2), { ok: false, error: 'bad_crc' });
  assert.deepEqual(parseFrame(`${good.slice(0, -6)}9${good.slice(-5)}`, 2), { ok: false, error: 'bad_crc' });
  assert.deepEqual(parseFrame('$K,KP1,1,5', 2), { ok: false, error: 'partial' });
});

test('a type this side does not take, or no type at all, is unknown', () => {
  assert.deepEqual(parseFrame(signed('X,KP1,1'), 2), { ok: false, error: 'unknown_type' });
  assert.deepEqual(parseFrame(signed('HH,KP1,1,1.0,5,1'), 2), { ok: false, error: 'unknown_type' });
  assert.deepEqual(parseFrame(signed('A,KP1,1'), 2, KEYPAD_FRAME_TYPES), { ok: false, error: 'unknown_type' });
  assert.deepEqual(parseFrame(signed('K,KP1,1,5'), 2, SERVER_FRAME_TYPES), { ok: false, error: 'unknown_type' });
});

test('fields that break the rules of their frame type are bad fields', () => {
  const badBodies = [
    'K,kp1,1,5', // lower-case device
    'K,ABCDEFGHI,1,5', // device longer than 8
    'K,,1,5', // empty device
    'K,KP1,65536,5', // seq out of range
    'K,KP1,-1,5',
    'K,KP1,1', // heartbeat without uptime
    'K,KP1,1,5,6', // extra field
    'K,KP1,1,x',
    'H,KP1,1,1.0,2,7', // fewer than 3 buttons
    'H,KP1,1,1.0,6,7', // more than 5 buttons
    'H,KP1,1,1.0,5,65536', // boot wider than 16 bits
    'H,KP1,1,,5,7', // empty firmware
    'B,KP1,1,0,-', // button 0
    'B,KP1,1,6,-', // button above any keypad's
    'B,KP1,1,3', // press without a token
    'B,KP1,1,3,ABCDEFGHIJKLM', // token longer than 12
    'B,KP1,1,3,to-ken',
    'R,KP1,1,tok', // arm without seconds
    'R,KP1,1,tok,0',
    'A,KP1,1,2', // ack with a field
    'D,KP1,1,x',
  ];
  for (const body of badBodies) {
    assert.deepEqual(parseFrame(signed(body), 2), { ok: false, error: 'bad_field' }, body);
  }
});

test('encoding refuses a frame the protocol cannot carry', () => {
  assert.throws(() => encodeFrame({ type: 'R', device: 'KP1', seq: 1, token: 'not valid!', seconds: 30 }), RangeError);
  assert.throws(() => encodeFrame({ type: 'A', device: 'kp1', seq: 1 }), RangeError);
  assert.throws(() => encodeFrame({ type: 'K', device: 'KP1', seq: 70000, uptime: 1 }), RangeError);
});
