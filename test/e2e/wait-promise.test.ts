// The wait promise is one promise: for one ticket, the kiosk's tile before and its ticket screen
// after, the printed slip (decoded back from the ESC/POS bytes), the phone's tracking page, the
// display's line, the manager's «امروز» tab and the API all say the same thing, in three states:
// no desk open (no number, say so), nobody ahead with a desk free («به‌زودی»), and a long line.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { getDot, type Bitmap } from '../../drivers/printer/bitmap.js';
import { printableWidth } from '../../drivers/printer/render.js';
import { renderTextLine } from '../../drivers/printer/text-render.js';
import { DEMO_PASSWORD } from '../../server/main.js';
import { waitLineText, waitPromiseText } from '../../server/time/wait-range.js';
import { MORNING } from '../integration/lib/office-server.js';
import { decodeEscPos } from '../printer/escpos-decode.js';
import { launchChromium } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';
import { pageOpener, signInToManager } from './lib/pages.js';

const KIOSK = { width: 1080, height: 1920 };
const SLIP_WIDTH = 576;

/** Polls until the virtual printer has written `path` (another process writes it). */
async function fileAppears(path: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!existsSync(path)) {
    if (Date.now() > deadline) assert.fail(`${path} did not appear within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Whether `line` is drawn, centred as the slip centres its text, somewhere down `slip`. */
function slipShows(slip: Bitmap, line: Bitmap): boolean {
  const left = Math.max(0, Math.floor((SLIP_WIDTH - line.width) / 2));
  for (let top = 0; top + line.height <= slip.height; top++) {
    let same = true;
    for (let y = 0; same && y < line.height; y++) for (let x = 0; x < line.width; x++) if (getDot(slip, left + x, top + y) !== getDot(line, x, y)) {
      same = false;
      break;
    }
    if (same) return true;
  }
  return false;
}

describe('one wait promise everywhere', () => {
  let browser: Browser;
  let office: E2eOffice;
  let now = MORNING;
  const pages = pageOpener(() => browser, () => office.url);
  let kiosk: Page;
  let display: Page;
  let manager: Page;

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice({ clock: () => now, tickMs: 250, virtualKeypads: false })]);
    [kiosk, display, manager] = await Promise.all([pages.open('/kiosk', KIOSK), pages.open('/display?mute=1', { width: 1280, height: 720 }), pages.open('/manager')]);
    await signInToManager(manager, 'manager', DEMO_PASSWORD);
    await manager.locator('nb-live-tab').waitFor();
  });
  after(async () => {
    for (const context of pages.contexts) await context.close();
    await browser?.close();
    await office?.dispose();
  });

  /** Takes a ticket at the kiosk and reads its promise on every screen, the slip and the API. */
  async function takeAndReadEverywhere(serviceId: string) {
    const service = async () => ((await office.api('GET', '/services')).body as Array<{ id: string }>).find((s) => s.id === serviceId)!;
    const before = await service();
    const tileText = waitPromiseText(before as never, 'fa');
    await kiosk.locator(`nb-service-tile button[data-service="${serviceId}"]`, { hasText: tileText }).waitFor();
    await kiosk.locator(`nb-service-tile button[data-service="${serviceId}"]`).click();
    await kiosk.locator('nb-service-page p.wait', { hasText: tileText }).waitFor();
    const answer = kiosk.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
    await kiosk.getByRole('button', { name: 'گرفتن نوبت' }).click();
    const issued = await (await answer).json();
    const screenText = (await kiosk.locator('nb-ticket-view dd.wait').innerText()).trim();

    const ticket = (await office.api('GET', `/tickets/${issued.id}`)).body;
    const track = await pages.open(`/t/${issued.id}`, { width: 390, height: 844 });
    await track.locator('#number', { hasText: /\S/ }).waitFor();
    const trackText = (await track.locator('#wait').innerText()).trim();

    const base = join(office.dataDir, 'printed', issued.id.replace(/[^\p{L}\p{N}_-]/gu, '_'));
    await fileAppears(`${base}.bin`);
    const slip = decodeEscPos(readFileSync(`${base}.bin`), SLIP_WIDTH).image;
    const slipLine = waitLineText(ticket, 'fa');
    const drawn = await renderTextLine({ text: slipLine, sizePx: 24, bold: false, align: 'centre', maxWidth: printableWidth(SLIP_WIDTH) });

    const after = await service();
    const afterText = waitPromiseText(after as never, 'fa');
    await display.locator(`nb-service-lines tr[data-service="${serviceId}"] .wait`, { hasText: afterText }).waitFor();
    await manager.locator(`nb-live-tab tr[data-service="${serviceId}"] td.wait`, { hasText: afterText }).waitFor();
    await track.context().close();
    await kiosk.locator('nb-ticket-view button.done').click();
    await kiosk.locator('nb-service-tile').first().waitFor();
    return { before, tileText, issued, ticket, screenText, trackText, slipShown: slipShows(slip, drawn), slipLine };
  }

  /** The ticket's promise as the API, the kiosk, the phone and the slip give it: the same everywhere. */
  function assertOnePromise(read: Awaited<ReturnType<typeof takeAndReadEverywhere>>) {
    const { before, tileText, issued, ticket } = read;
    for (const field of ['estimatedWait', 'estimatedWaitSeconds', 'waitNote'] as const) {
      assert.deepEqual(issued[field], ticket[field], `the issue answer and GET /tickets agree on ${field}`);
      assert.deepEqual((before as Record<string, unknown>)[field], ticket[field], `the tile before issue and the ticket agree on ${field}`);
    }
    const text = waitPromiseText(ticket, 'fa');
    assert.equal(tileText, text);
    assert.equal(read.screenText, text, 'kiosk ticket screen');
    assert.equal(read.trackText, text, 'tracking page');
    assert.ok(read.slipShown, `the slip prints «${read.slipLine}»`);
  }

  test('no desk open: no number anywhere, the note instead, and no promise kept', async () => {
    const read = await takeAndReadEverywhere('complaint');
    assertOnePromise(read);
    assert.equal(read.ticket.waitNote, 'no_desk_open');
    assert.equal(read.ticket.estimatedWait, null);
    assert.equal(read.ticket.estimatedWaitSeconds, null);
    assert.equal(read.ticket.promised, null);
    assert.match(read.screenText, /^هنوز باجه‌ای برای این خدمت باز نیست/);
    assert.doesNotMatch(read.slipLine, /دقیقه/);
  });

  test('nobody ahead and a desk free: «به‌زودی», not a range, kept as within five minutes', async () => {
    await office.login('staff2', 'desk-2');
    const read = await takeAndReadEverywhere('payment');
    assertOnePromise(read);
    assert.equal(read.ticket.waitNote, 'next');
    assert.equal(read.ticket.estimatedWait, null);
    assert.equal(read.screenText, 'نوبت شما به‌زودی اعلام می‌شود');
    assert.deepEqual(read.ticket.promised, { low: 0, high: 300 });
    assert.doesNotMatch(read.slipLine, /دقیقه/);
  });

  test('a long line: one rounded range everywhere, the one kept with the ticket', async () => {
    const staff = await office.login('staff1', 'desk-1');
    // desk-1 calls the complaint ticket and is busy with it; desk-2 still has the payment ticket to call.
    assert.equal((await office.api('POST', '/desks/desk-1/next', { token: staff })).status, 200);
    for (let i = 0; i < 12; i++) {
      now += 20_000;
      assert.equal((await office.api('POST', '/tickets', { body: { serviceId: 'certificate' } })).status, 201);
    }
    // The kiosk's ticket comes after them in line; the clock then stands still while every screen is read.
    now += 20_000;
    const read = await takeAndReadEverywhere('certificate');
    assertOnePromise(read);
    assert.equal(read.ticket.waitNote, null);
    assert.equal(read.ticket.ahead, 12);
    const { low, high } = read.ticket.estimatedWait;
    assert.ok(low % 300 === 0 && high % 300 === 0 && high > low && low >= 300, `a rounded range well past «soon»: ${low}–${high}`);
    assert.deepEqual(read.ticket.promised, read.ticket.estimatedWait, 'the ticket keeps the range it was shown');
    assert.ok(read.ticket.estimatedWaitSeconds >= low && read.ticket.estimatedWaitSeconds <= high);
  });
});
