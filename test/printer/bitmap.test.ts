// The byte-wise drawing and greying must give exactly what drawing dot by dot gives, at any offset,
// clipped at every edge, with stray bits past a row's width (a filled rule) never leaking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { blankBitmap, drawBitmap, getDot, setDot, toGreyPixels, type Bitmap } from '../../drivers/printer/bitmap.js';

function dotByDot(target: Bitmap, source: Bitmap, left: number, top: number): void {
  for (let y = 0; y < source.height; y++) {
    for (let x = 0; x < source.width; x++) {
      const tx = left + x;
      const ty = top + y;
      if (tx >= 0 && tx < target.width && ty >= 0 && ty < target.height && getDot(source, x, y)) setDot(target, tx, ty);
    }
  }
}

const imageArb = fc
  .record({ width: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 0, max: 6 }), seed: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 240, maxLength: 240 }) })
  .map(({ width, height, seed }) => {
    const image = blankBitmap(width, height);
    // Raw bytes, padding bits included, as a rule filled with 0xff has them.
    for (let i = 0; i < image.bits.length; i++) image.bits[i] = seed[i % seed.length]!;
    return image;
  });

test('drawing a byte at a time matches drawing dot by dot', () => {
  fc.assert(
    fc.property(imageArb, imageArb, fc.integer({ min: -20, max: 45 }), fc.integer({ min: -3, max: 8 }), (target, source, left, top) => {
      const expected: Bitmap = { ...target, bits: target.bits.slice() };
      dotByDot(expected, source, left, top);
      const actual: Bitmap = { ...target, bits: target.bits.slice() };
      drawBitmap(actual, source, left, top);
      for (let y = 0; y < target.height; y++) for (let x = 0; x < target.width; x++) assert.equal(getDot(actual, x, y), getDot(expected, x, y), `dot ${x},${y}`);
    }),
    { numRuns: 500 },
  );
});

test('grey pixels are ink exactly where a dot is set, and paper past the width', () => {
  fc.assert(
    fc.property(imageArb, (image) => {
      const grey = toGreyPixels(image);
      assert.equal(grey.length, image.width * image.height);
      for (let y = 0; y < image.height; y++) for (let x = 0; x < image.width; x++) assert.equal(grey[y * image.width + x], getDot(image, x, y) ? 0 : 255);
    }),
    { numRuns: 300 },
  );
});
