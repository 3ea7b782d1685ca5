// A desk PC paired as a device bound to one desk: its sign-in screen offers only that desk, and the
// server refuses a sign-in from it to any other desk.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/main.js';
import { launchChromium, screenshot } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

describe('a desk PC bound to its desk', () => {
  let browser: Browser;
  let office: E2eOffice;

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice()]);
  });
  after(async () => {
    await browser?.close();
    await office?.dispose();
  });

  it('offers only its own desk and signs in there', async () => {
    const { token } = office.server.accounts.addDevice('desk', 'PC of desk 3', 'desk-3');
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('pageerror', (error) => assert.fail(`desk page error: ${error.message}`));
    await page.goto(`${office.url}/desk?device=${token}`);
    await page.locator('nb-sign-in option[value="desk-3"]').waitFor({ state: 'attached' });
    assert.deepEqual(await page.locator('nb-sign-in option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)), ['desk-3']);
    assert.equal(new URL(page.url()).searchParams.get('device'), null, 'the token leaves the address bar');
    await screenshot(page, 'desk-bound-signin-fa');
    await page.locator('nb-sign-in input[name="username"]').fill('staff3');
    await page.locator('nb-sign-in input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('nb-sign-in button[type="submit"]').click();
    await page.locator('nb-queue-panel').waitFor();
    assert.equal(office.server.office.state.desks.get('desk-3')?.open, true);
  });

  it('refuses a sign-in from the bound PC to another desk', async () => {
    const { token } = office.server.accounts.addDevice('desk', 'PC of desk 2', 'desk-2');
    const response = await fetch(`${office.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ username: 'staff1', password: DEMO_PASSWORD, deskId: 'desk-1' }),
    });
    assert.equal(response.status, 403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'desk_bound');
    assert.equal(office.server.office.state.desks.get('desk-1')?.open, false);
  });
});
