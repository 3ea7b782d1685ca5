// The slip in the visitor's language and with a QR code a phone reads from arm's length: the layout's
// words for a kiosk in English (plural rules, Latin digits, the Persian calendar in English), and the
// QR code at least 25 mm (200 dots at 203 dpi) wide in the ESC/POS bytes decoded back, on every paper.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getDot, type Bitmap } from '../../drivers/printer/bitmap.js';
import { layoutTicket, QR_MIN_SIDE_DOTS } from '../../drivers/printer/layout.js';
import { renderQrCode } from '../../drivers/printer/qr-render.js';
import { renderTicket } from '../../drivers/printer/render.js';
import { encodeTicket } from '../../drivers/printer/ticket-bytes.js';
import { decodeEscPos } from './escpos-decode.js';
import { defaultJob } from './fixtures.js';

const texts = (job: typeof defaultJob) =>
  layoutTicket(job, 576).body.flatMap((block) => (block.kind === 'text' ? [block.text] : []));

test('a slip taken in English is worded in English, with "1 person" and "2 people"', () => {
  const english = { ...defaultJob, language: 'en' as const, serviceName: 'Tax payment certificate', waitLine: 'Estimated wait: 10 to 15 minutes', priorityLabel: 'Elderly', rightsLine: 'Being served in turn is your right.' };
  const one = texts({ ...english, ahead: 1 });
  assert.ok(one.includes('1 person ahead of you'), one.join(' | '));
  assert.ok(texts({ ...english, ahead: 2 }).includes('2 people ahead of you'));
  assert.ok(texts({ ...english, ahead: 0 }).includes('Nobody is ahead of you in line'));
  assert.ok(one.includes('1042'), 'Latin digits for the number');
  assert.ok(one.some((line) => /^Tuesday 5 Farvardin 1404 {2}at 12:37$/.test(line)), one.join(' | '));
  assert.ok(!one.some((line) => /\p{Script=Arabic}/u.test(line)), 'no Persian words on an English slip');
  const persian = texts(defaultJob);
  assert.ok(persian.includes('۷ نفر پیش از شما') && persian.includes('۱۰۴۲'), 'Persian stays the default');
});

test('the QR code is at least 200 dots (25 mm) wide on the printed ticket, at every paper width', async () => {
  for (const width of [576, 512, 384] as const) {
    const decoded = decodeEscPos(encodeTicket(await renderTicket(defaultJob, width), 'raster'), width);
    const qr = renderQrCode(defaultJob.trackUrl, QR_MIN_SIDE_DOTS);
    assert.ok(qr.width >= 200 && qr.height === qr.width, `${qr.width} dots`);
    const left = Math.floor((width - qr.width) / 2);
    assert.ok(findRows(decoded.image, qr, left) >= 0, `${width} dots: the ${qr.width}-dot QR code is printed`);
  }
});

/** The first row at which `part` appears in `image` with its left edge at `left`, or -1. */
function findRows(image: Bitmap, part: Bitmap, left: number): number {
  const rowMatches = (y: number, py: number) => {
    for (let x = 0; x < part.width; x++) if (getDot(image, left + x, y) !== getDot(part, x, py)) return false;
    return true;
  };
  for (let y = 0; y + part.height <= image.height; y++) {
    let all = true;
    for (let py = 0; py < part.height && all; py++) all = rowMatches(y + py, py);
    if (all) return y;
  }
  return -1;
}
