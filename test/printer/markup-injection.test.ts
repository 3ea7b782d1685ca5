// The printer draws text with Pango, whose markup is a real injection risk: an office text with «<»
// or «&» must print as those characters, never as formatting, and never break the ticket. Checked on
// the rendered lines and on a whole ticket encoded to ESC/POS and decoded back dot for dot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTextLine } from '../../drivers/printer/text-render.js';
import { renderTicket, wholeTicket } from '../../drivers/printer/render.js';
import { encodeTicket } from '../../drivers/printer/ticket-bytes.js';
import { countDifferentDots } from '../../drivers/printer/bitmap.js';
import { decodeEscPos } from './escpos-decode.js';
import { defaultJob } from './fixtures.js';

const line = (text: string) => renderTextLine({ text, sizePx: 32, bold: false, align: 'right', maxWidth: 2000 });

test('tags print as characters: «<b>x</b>» is eight characters wide, not a bold x', async () => {
  const tagged = await line('<b>x</b>');
  const bare = await line('x');
  assert.ok(tagged.width > bare.width * 4, `${tagged.width} dots wide, the bare x ${bare.width}`);
});

test('entities print as written: «&amp;» is five characters, wider than «&»', async () => {
  const entity = await line('A &amp; B');
  const ampersand = await line('A & B');
  assert.ok(entity.width > ampersand.width + 40, `${entity.width} vs ${ampersand.width}`);
});

test('text that is not valid markup prints instead of failing the ticket', async () => {
  for (const text of ['<img src=x onerror="alert(1)">', '<span foreground="red">قرمز', 'a < b && c > d', '</markup>', '&#x41;&bogus;']) {
    const image = await line(text);
    assert.ok(image.width > 20, `${JSON.stringify(text)} printed ${image.width} dots wide`);
  }
});

test('a ticket whose texts hold markup prints and decodes back dot for dot', async () => {
  const job = { ...defaultJob, officeName: 'اداره <span size="xx-large">بزرگ</span> & شرکا', serviceName: 'گواهی <b>پرداخت</b> <img src=x onerror=alert(1)>' };
  const ticket = await renderTicket(job, 576);
  const decoded = decodeEscPos(encodeTicket(ticket, 'raster'), 576);
  assert.equal(countDifferentDots(decoded.image, wholeTicket(ticket)), 0);
  const plain = await renderTicket({ ...job, serviceName: 'گواهی پرداخت' }, 576);
  assert.ok(wholeTicket(ticket).height >= wholeTicket(plain).height, 'the tags take room on the slip: they are printed, not applied');
});
