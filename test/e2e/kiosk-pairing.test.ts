// A kiosk in a configured office: unknown to the server, it asks for its pairing code; with the code
// from `nobat device add --kind kiosk` it becomes a paired kiosk and issues tickets with its token.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { parseOffice } from '../../server/config/load.js';
import { demoOffice } from '../../server/config/demo-office.js';
import { fa, launchChromium, screenshot } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

describe('kiosk pairing in a configured office', () => {
  let browser: Browser;
  let office: E2eOffice;

  before(async () => {
    const config = parseOffice({ ...demoOffice, name: 'اداره ثبت آزمایشی' }, 'test office');
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice({ config })]);
  });
  after(async () => {
    await browser?.close();
    await office?.dispose();
  });

  it('asks for the code, pairs, then issues tickets', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    page.on('pageerror', (error) => assert.fail(`kiosk page error: ${error.message}`));
    await page.goto(`${office.url}/kiosk`);
    await page.locator('nb-pairing-page input[name="code"]').waitFor();
    await screenshot(page, 'kiosk-pairing-fa');

    await page.locator('nb-pairing-page input[name="code"]').fill('00000000');
    await page.locator('nb-pairing-page button[type="submit"]').click();
    await page.locator('nb-pairing-page [role="alert"]').waitFor();

    const { pairingCode } = office.server.accounts.addDevice('kiosk', 'entrance', null);
    // Typed with a Persian keyboard, as a staff member in the office would.
    await page.locator('nb-pairing-page input[name="code"]').fill(fa(pairingCode));
    await page.locator('nb-pairing-page button[type="submit"]').click();
    await page.locator('nb-service-tile button[data-service="payment"]').click();
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'گرفتن نوبت' }).click();
    assert.equal((await answer).status(), 201);
    await page.locator('nb-ticket-view .number').waitFor();
    const issuedBy = office.server.db.prepare(`SELECT actor FROM events WHERE type = 'ticket.issued'`).get() as { actor: string };
    assert.match(issuedBy.actor, /^device:/, 'the ticket was issued by the paired kiosk');
  });
});
