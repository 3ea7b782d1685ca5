// A kiosk whose printer has failed: the ticket still exists, the kiosk keeps it on screen with a
// plain message (note it or photograph it), and staff are alerted at once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { io as connect } from 'socket.io-client';
import { startServer, type RunningServer } from '../../server/main.js';
import { createLogger } from '../../server/log.js';
import { launchChromium, screenshot } from './lib/browser.js';

describe('kiosk with a failed printer', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'nobat-kiosk-printer-'));

  before(async () => {
    [browser, server] = await Promise.all([
      launchChromium(),
      startServer({
        dataDir,
        port: 0,
        host: '127.0.0.1',
        log: createLogger({ quiet: true }),
        // A USB printer that is not there: every print reports a fault.
        printer: { transport: { kind: 'usb', path: join(dataDir, 'no-such-lp0') }, widthDots: 576, nvHeader: false, timeoutMs: 300 },
      }),
    ]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the ticket on screen with a message, and alerts the staff', async () => {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'staff1', password: 'demo', deskId: 'desk-1' }),
    });
    const { token } = (await login.json()) as { token: string };
    const staff = connect(server.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    const alert = new Promise<{ kind: string; message: string }>((resolve) => staff.on('alert:raised', resolve));

    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    page.on('pageerror', (error) => assert.fail(`kiosk page error: ${error.message}`));
    await page.goto(`${server.url}/kiosk`);
    await page.locator('nb-service-tile button[data-service="payment"]').click();
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'گرفتن نوبت' }).click();
    const ticket = (await (await answer).json()) as { id: string; number: string };

    await page.locator('nb-ticket-view .print-fault[role="alert"]').waitFor();
    assert.equal(await page.locator('nb-ticket-view .number').getAttribute('data-number'), ticket.number);
    const raised = await alert;
    assert.match(raised.kind, /^printer:/);
    assert.match(raised.message, /[\u0600-\u06FF]/);
    const stored = await fetch(`${server.url}/api/v1/tickets/${ticket.id}`);
    assert.equal(stored.status, 200, 'the ticket exists although its slip was not printed');
    await screenshot(page, 'kiosk-print-fault-fa');
    staff.close();
  });
});
