// The kiosk's serial printer pulled out in the middle of a ticket and plugged back in, through the
// real server: the printer sits on one end of a socat pty pair and the server's print worker on the
// other; killing socat mid-job tears both ends down, starting it again recreates them. The visitor
// keeps the ticket on screen with the note-or-photograph message, staff are alerted, and once the
// printer is back the next ticket prints in full without restarting anything.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SerialPort } from 'serialport';
import { io as connect, type Socket } from 'socket.io-client';
import { SocatPair } from '../../drivers/sim/socat-pair.js';
import { waitForEvent } from '../keypad/wait-for.js';
import { decodeEscPos } from '../printer/escpos-decode.js';
import { FakePrinter } from '../printer/fake-printer.js';
import { launchChromium, screenshot } from '../e2e/lib/browser.js';
import { startE2eOffice, type E2eOffice } from '../e2e/lib/office.js';

interface PrintResult {
  ticketId: string;
  ok: boolean;
  fault?: string;
}

/** The printer end of the cable: a serial port with a pretend ESC/POS printer behind it. */
async function plugPrinter(path: string): Promise<{ fake: FakePrinter; port: SerialPort }> {
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  const fake = new FakePrinter();
  fake.reply = (bytes) => port.write(Buffer.from(bytes));
  port.on('data', (chunk: Buffer) => fake.receive(chunk));
  port.on('error', () => undefined); // the cable is pulled on purpose
  return { fake, port };
}

describe('the ticket printer pulled out mid-use and put back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nobat-printer-unplug-'));
  const pair = new SocatPair(dir);
  let office: E2eOffice;
  let browser: Browser;
  let kiosk: Socket;
  let staff: Socket;
  let manager: Socket;

  before(async () => {
    await pair.start();
    [office, browser] = await Promise.all([
      startE2eOffice({ printer: { transport: { kind: 'serial', path: pair.b, baudRate: 115200 }, widthDots: 576, nvHeader: false, timeoutMs: 1500 } }),
      launchChromium(),
    ]);
    kiosk = connect(office.url, { auth: { screen: 'kiosk' }, transports: ['websocket'], forceNew: true });
    staff = connect(office.url, { auth: { token: await office.login('staff1', 'desk-1') }, transports: ['websocket'], forceNew: true });
    const { body } = await office.api('POST', '/auth/login', { body: { username: 'manager', password: 'demo' } });
    manager = connect(office.url, { auth: { token: body.token }, transports: ['websocket'], forceNew: true });
    kiosk.on('print:result', (result: PrintResult) => results.set(result.ticketId, result));
    await Promise.all([kiosk, staff, manager].map((socket) => (socket.connected ? undefined : waitForEvent(socket as never, 'connect'))));
  });
  after(async () => {
    for (const socket of [kiosk, staff, manager]) socket?.close();
    await browser?.close();
    await office?.dispose();
    await pair.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Takes a ticket on the kiosk page; answers the ticket the server gave. */
  async function take(page: Page, serviceId: string): Promise<{ id: string; number: string }> {
    await page.locator(`nb-service-tile button[data-service="${serviceId}"]`).click();
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'گرفتن نوبت' }).click();
    const ticket = (await (await answer).json()) as { id: string; number: string };
    await page.locator(`nb-ticket-view .number[data-number="${ticket.number}"]`).waitFor();
    return ticket;
  }
  /** Every print result the kiosks were sent, by ticket, however early it came. */
  const results = new Map<string, PrintResult>();
  const printResult = async (ticketId: string): Promise<PrintResult> =>
    results.get(ticketId) ?? waitForEvent<PrintResult>(kiosk as never, 'print:result', (r) => r.ticketId === ticketId, 20_000);

  test('a pulled printer: fallback on screen and an alert; put back: the next ticket prints, no restart', { timeout: 90_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    page.on('pageerror', (error) => assert.fail(`kiosk page error: ${error.message}`));
    await page.goto(`${office.url}/kiosk`);
    let printer = await plugPrinter(pair.a);

    // Working: the slip comes out whole.
    const a = await take(page, 'certificate');
    assert.equal((await printResult(a.id)).ok, true);
    await printer.fake.waitFor(() => decodeEscPos(printer.fake.jobBytes, 576).cuts === 1);
    assert.equal(await page.locator('nb-ticket-view .print-fault').count(), 0);
    await page.locator('nb-ticket-view button.done').click();

    // Pulled out as the next slip starts to arrive.
    printer.fake.forgetJobs();
    let pulling: Promise<void> | null = null;
    const pulled = printer.port;
    pulled.on('data', () => {
      // The printer's own end goes with the cable (serialport would spin on the dead pty otherwise).
      if (pulling === null && printer.fake.jobBytes.length > 0) pulling = pair.stop().then(() => new Promise<void>((resolve) => pulled.close(() => resolve())));
    });
    const raised = waitForEvent<{ kind: string; message: string }>(staff as never, 'alert:raised', (alert) => alert.kind === 'printer', 20_000);
    const b = await take(page, 'payment');
    const bResult = await printResult(b.id);
    assert.ok(pulling !== null, 'the cable was pulled while the slip was arriving');
    await pulling;
    assert.equal(bResult.ok, false, 'the half-sent slip is reported as not printed');
    await page.locator('nb-ticket-view .print-fault[role="alert"]').waitFor();
    assert.equal(await page.locator('nb-ticket-view .number').getAttribute('data-number'), b.number, 'the visitor keeps the number on screen');
    const alert = await raised;
    assert.match(alert.message, /چاپگر/);
    await screenshot(page, 'kiosk-printer-pulled-fa');
    const stored = await office.api('GET', `/tickets/${b.id}`);
    assert.equal(stored.status, 200, 'the ticket exists although its slip was cut off');
    await page.locator('nb-ticket-view button.done').click();

    // Still out: the fallback again, at once.
    const c = await take(page, 'request');
    assert.equal((await printResult(c.id)).ok, false);
    await page.locator('nb-ticket-view .print-fault[role="alert"]').waitFor();
    await page.locator('nb-ticket-view button.done').click();

    // Put back: new ptys under the same paths, the printer powered up again.
    await pair.start();
    printer = await plugPrinter(pair.a);
    const cleared = waitForEvent<{ kind: string }>(manager as never, 'alert:cleared', (alert) => alert.kind === 'printer', 20_000);
    const d = await take(page, 'certificate');
    const dResult = await printResult(d.id);
    assert.equal(dResult.ok, true, `the next ticket prints once the printer is back: ${JSON.stringify(dResult)}`);
    await printer.fake.waitFor(() => decodeEscPos(printer.fake.jobBytes, 576).cuts === 1);
    assert.ok(decodeEscPos(printer.fake.jobBytes, 576).image.height > 0);
    assert.equal(await page.locator('nb-ticket-view .print-fault').count(), 0, 'no fallback message for a printed ticket');
    await cleared;
    await page.close();
    if (printer.port.isOpen) await new Promise<void>((resolve) => printer.port.close(() => resolve()));
  });
});
