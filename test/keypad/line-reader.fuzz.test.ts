// Property tests of the reader: whatever bytes arrive it neither throws nor loses a valid frame
// that stands whole between the garbage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { encodeFrame, type Frame, KEYPAD_FRAME_TYPES } from '../../drivers/keypad/frame.js';
import { LineReader } from '../../drivers/keypad/line-reader.js';

const device = fc.stringMatching(/^[A-Z0-9]{1,8}$/);
const seq = fc.integer({ min: 0, max: 65535 });
const token = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);

const keypadFrame: fc.Arbitrary<Frame> = fc.oneof(
  fc.record({
    type: fc.constant('H' as const),
    device,
    seq,
    firmware: fc.stringMatching(/^[A-Za-z0-9._+-]{1,16}$/),
    buttons: fc.integer({ min: 3, max: 5 }),
    boot: fc.integer({ min: 0, max: 65535 }).map(String),
  }),
  fc.record({
    type: fc.constant('B' as const),
    device,
    seq,
    button: fc.integer({ min: 1, max: 5 }),
    token: fc.option(token, { nil: null }),
  }),
  fc.record({ type: fc.constant('K' as const), device, seq, uptime: fc.integer({ min: 0, max: 2 ** 32 - 1 }) }),
).map((frame) => ({ ...frame })); // fast-check's records have a null prototype, parsed frames do not

/** Garbage that cannot complete or start a frame of its own: no `$`; it may hold line ends. */
const garbage = fc.uint8Array({ maxLength: 120 }).map((bytes) => bytes.map((byte) => (byte === 0x24 ? 0x23 : byte)));

/** Splits bytes into chunks at arbitrary points, as a serial line delivers them. */
function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  return chunks;
}

test('random bytes never make the reader throw, and the next frame after them is read', () => {
  const heartbeat: Frame = { type: 'K', device: 'KP1', seq: 1, uptime: 2 };
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), fc.array(fc.nat()), (stream, cuts) => {
      const reader = new LineReader(KEYPAD_FRAME_TYPES);
      for (const chunk of chunked(stream, cuts)) reader.push(chunk);
      for (const count of Object.values(reader.errorCounts())) assert.ok(Number.isInteger(count) && count > 0);
      assert.deepEqual(reader.push(Buffer.from(encodeFrame(heartbeat), 'latin1')), [heartbeat]);
    }),
    { numRuns: 300 },
  );
});

test('valid frames between pieces of garbage are all found, in order', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(garbage, keypadFrame), { maxLength: 12 }), garbage, fc.array(fc.nat()), (pairs, tail, cuts) => {
      // Garbage may end mid-line; a line end before each frame keeps it from gluing onto the frame.
      const parts = pairs.flatMap(([noise, frame]) => [noise, Buffer.from('\n' + encodeFrame(frame), 'latin1')]);
      const stream = Buffer.concat([...parts, tail]);
      const reader = new LineReader(KEYPAD_FRAME_TYPES);
      const found = chunked(stream, cuts).flatMap((chunk) => reader.push(chunk));
      assert.deepEqual(found, pairs.map(([, frame]) => frame));
    }),
    { numRuns: 300 },
  );
});

test('a frame right after garbage without a line end is still found: the reader resyncs at $', () => {
  fc.assert(
    fc.property(garbage, keypadFrame, (noise, frame) => {
      const reader = new LineReader(KEYPAD_FRAME_TYPES);
      const found = reader.push(Buffer.concat([noise, Buffer.from(encodeFrame(frame), 'latin1')]));
      assert.deepEqual(found, [frame]);
    }),
    { numRuns: 300 },
  );
});

test('a mutated valid frame never throws, is dropped or read as some valid frame, and never blocks the next', () => {
  const mutation = fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), kind: fc.constantFrom('replace', 'insert', 'delete') });
  fc.assert(
    fc.property(keypadFrame, fc.array(mutation, { minLength: 1, maxLength: 4 }), keypadFrame, (frame, mutations, next) => {
      const bytes = [...Buffer.from(encodeFrame(frame), 'latin1')];
      for (const { at, byte, kind } of mutations) {
        const index = at % (bytes.length + 1);
        if (kind === 'replace' && index < bytes.length) bytes[index] = byte;
        if (kind === 'insert') bytes.splice(index, 0, byte);
        if (kind === 'delete') bytes.splice(index, 1);
      }
      const reader = new LineReader(KEYPAD_FRAME_TYPES);
      const fromMutated = reader.push(Uint8Array.from(bytes));
      const fromNext = reader.push(Buffer.from(encodeFrame(next), 'latin1'));
      assert.ok(fromMutated.length <= 1);
      // A mutation that cut the line end leaves its frame open; the next `$` closes it as partial.
      assert.deepEqual(fromNext, [next]);
    }),
    { numRuns: 500 },
  );
});
