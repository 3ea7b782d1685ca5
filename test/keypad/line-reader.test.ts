// The byte-stream reader: frames split across chunks, each kind of drop counted, resync after garbage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc16CcittFalse, formatCrc } from '../../drivers/keypad/crc.js';
import { encodeFrame, type Frame, KEYPAD_FRAME_TYPES } from '../../drivers/keypad/frame.js';
import { LineReader } from '../../drivers/keypad/line-reader.js';

const heartbeat: Frame = { type: 'K', device: 'KP1', seq: 5, uptime: 10 };
const press: Frame = { type: 'B', device: 'KP1', seq: 6, button: 4, token: null };
const bytes = (text: string): Uint8Array => Buffer.from(text, 'latin1');
const signed = (body: string): string => `$${body}*${formatCrc(crc16CcittFalse(body))}\r\n`;

function readAll(...chunks: string[]): { frames: Frame[]; errors: Record<string, number> } {
  const reader = new LineReader(KEYPAD_FRAME_TYPES);
  const frames = chunks.flatMap((chunk) => reader.push(bytes(chunk)));
  return { frames, errors: reader.errorCounts() };
}

test('frames arriving a byte at a time, or several in one chunk, are all read', () => {
  const stream = encodeFrame(heartbeat) + encodeFrame(press);
  assert.deepEqual(readAll(...stream.split('')), { frames: [heartbeat, press], errors: {} });
  assert.deepEqual(readAll(stream), { frames: [heartbeat, press], errors: {} });
});

test('a bare \\n ends a frame as well as \\r\\n', () => {
  assert.deepEqual(readAll(encodeFrame(heartbeat).replace('\r\n', '\n')).frames, [heartbeat]);
});

test('noise between frames is counted once per run and the next frame is read', () => {
  const { frames, errors } = readAll(`garbage\x00\xff${encodeFrame(heartbeat)}more\nnoise${encodeFrame(press)}`);
  assert.deepEqual(frames, [heartbeat, press]);
  assert.deepEqual(errors, { noise: 3 });
});

test('blank lines are not noise', () => {
  assert.deepEqual(readAll(`\r\n\n${encodeFrame(heartbeat)}\r\n`), { frames: [heartbeat], errors: {} });
});

test('a frame cut short by the next $ is partial, and the next frame is still read', () => {
  const cut = encodeFrame(heartbeat).slice(0, 9);
  assert.deepEqual(readAll(cut + encodeFrame(press)), { frames: [press], errors: { partial: 1 } });
});

test('a line without a CRC is partial', () => {
  assert.deepEqual(readAll('$K,KP1,1,5\r\n').errors, { partial: 1 });
});

test('each kind of bad frame is counted under its own name', () => {
  const badCrc = encodeFrame(heartbeat).replace('KP1', 'KP2');
  const unknownType = signed('Z,KP1,1');
  const serverFrameFromTheKeypad = encodeFrame({ type: 'A', device: 'KP1', seq: 1 });
  const badField = signed('B,KP1,1,9,-');
  const tooLong = `$${'K'.repeat(100)}\r\n`;
  const { frames, errors } = readAll(badCrc, unknownType, serverFrameFromTheKeypad, badField, tooLong, encodeFrame(press));
  assert.deepEqual(frames, [press]);
  assert.deepEqual(errors, { bad_crc: 1, unknown_type: 2, bad_field: 1, too_long: 1 });
});

test('an overlong line is dropped up to its end or the next $, whichever comes first', () => {
  const long = '$' + 'x'.repeat(200);
  assert.deepEqual(readAll(long + encodeFrame(heartbeat)), { frames: [heartbeat], errors: { too_long: 1 } });
  assert.deepEqual(readAll(long + '\n' + encodeFrame(press)), { frames: [press], errors: { too_long: 1 } });
});

test('the 64-byte limit counts the line end actually sent', () => {
  // 62 bytes before \r\n is exactly 64; one more byte is too long with \r\n but fits with a bare \n.
  const line = (length: number): string => signed(`H,KP1,1,${'f'.repeat(length - 18)},5,1`).slice(0, -2);
  assert.deepEqual(readAll(line(62) + '\r\n').errors, { bad_field: 1 });
  assert.deepEqual(readAll(line(63) + '\r\n').errors, { too_long: 1 });
  assert.deepEqual(readAll(line(63) + '\n').errors, { bad_field: 1 });
  assert.deepEqual(readAll(line(64) + '\n').errors, { too_long: 1 });
});
