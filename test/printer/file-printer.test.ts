// The virtual printer: each ticket leaves its exact ESC/POS bytes and a PNG; the PNG shows what
// the bytes print.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createPrinter } from '../../drivers/printer/index.js';
import { bitmapFromCoverage, countDifferentDots } from '../../drivers/printer/bitmap.js';
import { decodeEscPos, type NvStore } from './escpos-decode.js';
import { defaultJob, jobNumbered } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'nobat-file-printer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('writes <ticketId>.bin and a PNG of what those bytes print; always healthy', async () => {
  const printer = createPrinter({ transport: { kind: 'file', dir }, widthDots: 576, nvHeader: true, timeoutMs: 1000 });
  const nv: NvStore = new Map();
  for (const job of [defaultJob, jobNumbered(1043)]) {
    const result = await printer.print(job);
    assert.ok(result.ok, JSON.stringify(result));
    const bytes = readFileSync(join(dir, `${job.ticketId}.bin`));
    assert.equal(bytes.length, result.ok ? result.bytes : -1);
    const printed = decodeEscPos(bytes, 576, nv).image;
    const { data, info } = await sharp(join(dir, `${job.ticketId}.png`)).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    const png = bitmapFromCoverage(data.map((v) => 255 - v), info.width, info.height, 128);
    assert.equal(countDifferentDots(printed, png), 0, job.ticketId);
  }
  assert.deepEqual((await printer.status()).fault, undefined);
  await printer.close();
});

test('a ticket id cannot write outside the folder', async () => {
  const printer = createPrinter({ transport: { kind: 'file', dir }, widthDots: 384, nvHeader: false, timeoutMs: 1000 });
  await printer.print({ ...defaultJob, ticketId: '../../escape' });
  assert.ok(readdirSync(dir).includes('______escape.bin'));
});
