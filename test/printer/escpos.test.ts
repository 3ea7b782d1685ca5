// The ESC/POS bytes of a ticket, decoded back into the image a printer would burn and compared with
// the full-raster render of the same job; band limits, NV header, byte budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { blankBitmap, countDifferentDots, setDot } from '../../drivers/printer/bitmap.js';
import { encodeRaster } from '../../drivers/printer/raster-encode.js';
import { renderTicket, wholeTicket } from '../../drivers/printer/render.js';
import { encodeTicket, TICKET_BYTE_BUDGET } from '../../drivers/printer/ticket-bytes.js';
import { decodeEscPos, EscPosDecodeError, type NvStore } from './escpos-decode.js';
import { defaultJob, jobNumbered } from './fixtures.js';

test('each header mode prints exactly the reference render, at every paper width', async () => {
  for (const width of [576, 512, 384] as const) {
    const ticket = await renderTicket(defaultJob, width);
    const reference = wholeTicket(ticket);
    const nv: NvStore = new Map();
    for (const mode of ['raster', 'upload-nv', 'stored-nv'] as const) {
      const decoded = decodeEscPos(encodeTicket(ticket, mode), width, nv);
      assert.equal(countDifferentDots(decoded.image, reference), 0, `${width} dots, ${mode}`);
      assert.equal(decoded.cuts, 1);
      assert.equal(decoded.inits, 1);
      assert.equal(decoded.nvDefines, mode === 'upload-nv' ? 1 : 0);
      assert.equal(decoded.nvPrints, mode === 'raster' ? 0 : 1);
      for (const band of decoded.bands) assert.ok(band.rows >= 1 && band.rows <= 255, `band of ${band.rows} rows`);
    }
  }
});

test('the default ticket fits its byte budget (14 KB) with and without the NV header', async () => {
  const ticket = await renderTicket(defaultJob, 576);
  const plain = encodeTicket(ticket, 'raster').length;
  const withNv = encodeTicket(ticket, 'stored-nv').length;
  assert.ok(plain <= TICKET_BYTE_BUDGET, `plain raster ${plain} bytes`);
  assert.ok(withNv <= TICKET_BYTE_BUDGET, `with NV header ${withNv} bytes`);
  assert.ok(withNv < plain - 1000, 'the NV header saves its raster');
  // Whole-width raster of the same ticket, as a naive encoder sends it.
  assert.ok(plain < wholeTicket(ticket).bits.length / 2);
});

test('other tickets decode to their own render too (numbers, no priority, no rights line)', async () => {
  for (const job of [jobNumbered(7), { ...jobNumbered(88888), priorityLabel: undefined, rightsLine: undefined }]) {
    const ticket = await renderTicket(job, 576);
    const decoded = decodeEscPos(encodeTicket(ticket, 'raster'), 576);
    assert.equal(countDifferentDots(decoded.image, wholeTicket(ticket)), 0, job.number);
  }
});

test('ink taller than 255 rows is split into bands; blank rows become feeds; bands are cropped', () => {
  const image = blankBitmap(576, 700);
  for (let y = 0; y < 600; y++) for (let x = 300; x < 340; x++) setDot(image, x, y);
  const bytes = encodeRaster(image);
  const decoded = decodeEscPos(bytes, 576);
  assert.deepEqual(decoded.bands.map((b) => b.rows), [255, 255, 90]);
  // Dots 300..339 lie in bytes 37..42: six bytes a row, placed by a 296-dot left margin.
  assert.deepEqual(new Set(decoded.bands.map((b) => `${b.rowBytes}@${b.leftDots}`)), new Set(['6@296']));
  assert.equal(decoded.image.height, 700);
  assert.equal(countDifferentDots(decoded.image, image), 0);
  assert.ok(bytes.length < 6 * 600 + 60);
});

test('a band header that disagrees with its data is caught', async () => {
  const bytes = encodeTicket(await renderTicket(defaultJob, 576), 'raster');
  const at = bytes.indexOf(0x76) - 1; // first GS v 0
  const lying = Uint8Array.from(bytes);
  lying[at + 6] = lying[at + 6]! + 1; // one row more than sent
  assert.throws(() => decodeEscPos(lying, 576), EscPosDecodeError);
  assert.throws(() => decodeEscPos(bytes.subarray(0, bytes.length - 1), 576), EscPosDecodeError);
});

test('printing from NV memory needs the header uploaded first', async () => {
  const ticket = await renderTicket(defaultJob, 576);
  assert.throws(() => decodeEscPos(encodeTicket(ticket, 'stored-nv'), 576), /does not hold/);
});

test('band data is packed as node-thermal-printer packs GS v 0 (MSB first, ink = 1)', async () => {
  // node-thermal-printer's Epson encoder sends one uncropped band from RGBA; used here as an
  // independent check of our bit order on a full-width image with ink in the outer bytes.
  const require = createRequire(import.meta.url);
  const Epson = require('node-thermal-printer/lib/types/epson.js') as new () => { printImageBuffer(w: number, h: number, rgba: Buffer): Buffer };
  const width = 64;
  const height = 5;
  const image = blankBitmap(width, height);
  const rgba = Buffer.alloc(width * height * 4, 255);
  for (const [x, y] of [[0, 0], [7, 0], [8, 1], [33, 2], [63, 3], [62, 4], [0, 4]] as const) {
    setDot(image, x, y);
    rgba.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
  }
  const theirs = new Epson().printImageBuffer(width, height, rgba);
  const ours = encodeRaster(image, { cropLeft: false });
  // They write the mode byte m as 48, we as 0: the same normal-scale mode in the Epson reference.
  assert.equal(theirs[3], 48);
  assert.equal(ours[3], 0);
  assert.deepEqual(Buffer.from(ours.subarray(4)), theirs.subarray(4));
  assert.deepEqual(Buffer.from(ours.subarray(0, 3)), theirs.subarray(0, 3));
});
