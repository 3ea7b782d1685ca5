// The logo's dithering: black and white stay exactly as drawn, and grey becomes a matching share of
// ink (a plain threshold would print a mid-grey logo as all paper or all ink).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getDot } from '../../drivers/printer/bitmap.js';
import { ditherToBitmap } from '../../drivers/printer/logo.js';

const inkShare = (grey: number) => {
  const image = ditherToBitmap(new Uint8Array(64 * 64).fill(grey), 64, 64);
  let ink = 0;
  for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) if (getDot(image, x, y)) ink++;
  return ink / (64 * 64);
};

test('grey prints as its share of ink', () => {
  for (const grey of [32, 128, 200]) {
    const expected = 1 - grey / 255;
    assert.ok(Math.abs(inkShare(grey) - expected) < 0.03, `grey ${grey}: ${inkShare(grey)} ink, ${expected} expected`);
  }
  assert.equal(inkShare(0), 1);
  assert.equal(inkShare(255), 0);
});

test('black and white are kept dot for dot', () => {
  const grey = Uint8Array.from({ length: 40 * 20 }, (_, i) => ((i % 40) + Math.floor(i / 40)) % 3 === 0 ? 0 : 255);
  const image = ditherToBitmap(grey, 40, 20);
  for (let y = 0; y < 20; y++) for (let x = 0; x < 40; x++) assert.equal(getDot(image, x, y), grey[y * 40 + x] === 0, `dot ${x},${y}`);
});
