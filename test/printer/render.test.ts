// Rendering through sharp/Pango: Persian letters join, a line that opens with Latin still reads
// right to left, and the ticket carries the number large and a QR code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getDot, type Bitmap } from '../../drivers/printer/bitmap.js';
import { renderTextLine } from '../../drivers/printer/text-render.js';
import { renderTicket } from '../../drivers/printer/render.js';
import { defaultJob } from './fixtures.js';

const line = (text: string) => renderTextLine({ text, sizePx: 64, bold: false, align: 'right', maxWidth: 576 });

test('«پرداخت» is shaped: letters join into 4 bodies (پر د ا خت) plus 6 dots', async () => {
  const joined = await line('پرداخت');
  const isolated = await line('پ ر د ا خ ت');
  assert.equal(connectedComponents(joined), 10);
  // Isolated forms (what a code page would print) are one body per letter.
  assert.equal(connectedComponents(isolated), 12);
});

test('«گواهی» is shaped: گ joins و, ه joins ی', async () => {
  const joined = await line('گواهی');
  const isolated = await line('گ و ا ه ی');
  assert.ok(connectedComponents(joined) < connectedComponents(isolated), `${connectedComponents(joined)} vs ${connectedComponents(isolated)}`);
  assert.ok(joined.width < isolated.width);
});

test('a line opening with Latin is still right to left: the Persian word ends up on the left', async () => {
  // «AB ا»: without a right-to-left mark Pango would lay this out left to right, alef on the right.
  const image = await line('AB ا');
  const groups = inkColumnGroups(image);
  const leftmost = groups[0]!;
  const rightmost = groups[groups.length - 1]!;
  assert.ok(leftmost.end - leftmost.start < 14, `leftmost stroke is alef, ${leftmost.end - leftmost.start} dots wide`);
  assert.ok(rightmost.end - rightmost.start > 20, 'rightmost glyph is a Latin capital');
});

test('the ticket body fits the paper and holds the large number and the QR code', async () => {
  for (const width of [576, 512, 384] as const) {
    const { header, body } = await renderTicket(defaultJob, width);
    assert.equal(header.width, width);
    assert.equal(body.width, width);
    assert.ok(header.height > 20 && header.height < 120, `header ${header.height} rows`);
    assert.ok(body.height > 250, `body ${body.height} rows`);
  }
});

function connectedComponents(image: Bitmap): number {
  const seen = new Uint8Array(image.width * image.height);
  let count = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (seen[y * image.width + x] || !getDot(image, x, y)) continue;
      count++;
      const stack = [[x, y]];
      seen[y * image.width + x] = 1;
      while (stack.length > 0) {
        const [cx, cy] = stack.pop()!;
        for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
          const nx = cx! + dx;
          const ny = cy! + dy;
          if (nx < 0 || ny < 0 || nx >= image.width || ny >= image.height) continue;
          if (seen[ny * image.width + nx] || !getDot(image, nx, ny)) continue;
          seen[ny * image.width + nx] = 1;
          stack.push([nx, ny]);
        }
      }
    }
  }
  return count;
}

function inkColumnGroups(image: Bitmap): Array<{ start: number; end: number }> {
  const groups: Array<{ start: number; end: number }> = [];
  let start = -1;
  for (let x = 0; x <= image.width; x++) {
    let ink = false;
    for (let y = 0; x < image.width && y < image.height && !ink; y++) ink = getDot(image, x, y);
    if (ink && start < 0) start = x;
    if (!ink && start >= 0) {
      groups.push({ start, end: x });
      start = -1;
    }
  }
  return groups;
}
