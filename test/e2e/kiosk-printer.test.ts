// The kiosk and its printer: a ticket taken at the kiosk is printed as ESC/POS bytes that decode to
// the ticket the server rendered; when the printer has failed, the ticket still exists, the kiosk
// keeps it on screen with a plain message (note it or photograph it), and staff are alerted at once;
// and when the printer's backlog is full, the kiosk says the printer is busy, on the same screen.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type Socket as TcpSocket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { io as connect } from 'socket.io-client';
import { bitmapFromCoverage, countDifferentDots } from '../../drivers/printer/bitmap.js';
import { MAX_PRINT_BACKLOG } from '../../server/devices/printing.js';
import { decodeEscPos } from '../printer/escpos-decode.js';
import { launchChromium, screenshot } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

/** Polls until `path` exists, for what another process writes; fails after `ms`. */
async function fileAppears(path: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!existsSync(path)) {
    if (Date.now() > deadline) assert.fail(`${path} did not appear within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('kiosk with the virtual printer', () => {
  let browser: Browser;
  let office: E2eOffice;

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice()]);
  });
  after(async () => {
    await browser?.close();
    await office?.dispose();
  });

  it('prints the kiosk’s ticket as bytes that decode to the rendered ticket', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${office.url}/kiosk`);
    await page.locator('nb-service-tile button[data-service="certificate"]').click();
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'گرفتن نوبت' }).click();
    const ticket = (await (await answer).json()) as { id: string };
    const base = join(office.dataDir, 'printed', ticket.id.replace(/[^\p{L}\p{N}_-]/gu, '_'));
    await fileAppears(`${base}.png`);
    await fileAppears(`${base}.bin`);

    const decoded = decodeEscPos(readFileSync(`${base}.bin`), 576);
    assert.equal(decoded.cuts, 1, 'one ticket, one cut');
    const { data, info } = await sharp(readFileSync(`${base}.png`)).greyscale().raw().toBuffer({ resolveWithObject: true });
    // The PNG is black ink on white; coverage counts ink.
    const rendered = bitmapFromCoverage(Uint8Array.from(data, (v) => 255 - v), info.width, info.height, 128);
    assert.equal(decoded.image.width, rendered.width);
    assert.equal(decoded.image.height, rendered.height);
    assert.equal(countDifferentDots(decoded.image, rendered), 0, 'the printed bytes draw exactly the rendered ticket');
  });
});

describe('kiosk with a failed printer', () => {
  let browser: Browser;
  let office: E2eOffice;

  before(async () => {
    [browser, office] = await Promise.all([
      launchChromium(),
      // A USB printer that is not there: every print reports a fault.
      startE2eOffice({ printer: { transport: { kind: 'usb', path: join(tmpdir(), 'nobat-no-such-lp0') }, widthDots: 576, nvHeader: false, timeoutMs: 300 } }),
    ]);
  });
  after(async () => {
    await browser?.close();
    await office?.dispose();
  });

  it('keeps the ticket on screen with a message, and alerts the staff', async () => {
    const login = await fetch(`${office.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'staff1', password: 'demo', deskId: 'desk-1' }),
    });
    const { token } = (await login.json()) as { token: string };
    const staff = connect(office.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    const alert = new Promise<{ kind: string; message: string }>((resolve) => staff.on('alert:raised', resolve));

    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    page.on('pageerror', (error) => assert.fail(`kiosk page error: ${error.message}`));
    await page.goto(`${office.url}/kiosk`);
    await page.locator('nb-service-tile button[data-service="payment"]').click();
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'گرفتن نوبت' }).click();
    const ticket = (await (await answer).json()) as { id: string; number: string };

    await page.locator('nb-ticket-view .print-fault[role="alert"]').waitFor();
    assert.equal(await page.locator('nb-ticket-view .number').getAttribute('data-number'), ticket.number);
    const raised = await alert;
    assert.equal(raised.kind, 'printer');
    assert.match(raised.message, /[\u0600-\u06FF]/);
    const stored = await fetch(`${office.url}/api/v1/tickets/${ticket.id}`);
    assert.equal(stored.status, 200, 'the ticket exists although its slip was not printed');
    await screenshot(page, 'kiosk-print-fault-fa');
    staff.close();
  });
});

describe('kiosk with its printer behind', () => {
  let browser: Browser;
  let office: E2eOffice;
  // A network printer that takes the connection and then nothing: every slip waits for it.
  const connections: TcpSocket[] = [];
  const printer = createServer((socket) => connections.push(socket.on('error', () => undefined)));

  before(async () => {
    printer.listen(0, '127.0.0.1');
    await once(printer, 'listening');
    const { port } = printer.address() as { port: number };
    [browser, office] = await Promise.all([
      launchChromium(),
      startE2eOffice({ printer: { transport: { kind: 'tcp', host: '127.0.0.1', port }, widthDots: 576, nvHeader: false, timeoutMs: 30_000 } }),
    ]);
  });
  after(async () => {
    await browser?.close();
    await office?.dispose();
    for (const socket of connections) socket.destroy();
    printer.close();
  });

  it('shows the ticket with "printer busy" once the backlog is full', async () => {
    for (let i = 0; i < MAX_PRINT_BACKLOG; i++) assert.equal((await office.api('POST', '/tickets', { body: { serviceId: 'certificate' } })).status, 201);
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    page.on('pageerror', (error) => assert.fail(`kiosk page error: ${error.message}`));
    await page.goto(`${office.url}/kiosk`);
    await page.locator('nb-service-tile button[data-service="payment"]').click();
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'گرفتن نوبت' }).click();
    const ticket = (await (await answer).json()) as { number: string };
    const note = page.locator('nb-ticket-view .print-fault[role="alert"]');
    await note.waitFor();
    assert.match(await note.innerText(), /چاپگر مشغول است[\s\S]*یادداشت کنید/);
    assert.equal(await page.locator('nb-ticket-view .number').getAttribute('data-number'), ticket.number);
    await screenshot(page, 'kiosk-printer-busy-fa');
  });
});
