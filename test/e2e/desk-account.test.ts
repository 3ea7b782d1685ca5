// The clerk's account dialog at the desk: changing the password (checked in the form, refused by the
// server with its Persian reason, then accepted and ending the clerk's other sessions) and signing
// out on every device at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/main.js';
import { launchChromium, screenshot } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

describe('the desk account dialog', () => {
  let browser: Browser;
  let office: E2eOffice;

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice()]);
  });
  after(async () => {
    await browser?.close();
    await office?.dispose();
  });

  async function signedInDesk(username: string, password: string, deskId: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('pageerror', (error) => assert.fail(`desk page error: ${error.message}`));
    await page.goto(`${office.url}/desk`);
    await page.locator(`nb-sign-in option[value="${deskId}"]`).waitFor({ state: 'attached' });
    await page.locator('nb-sign-in select').selectOption(deskId);
    await page.locator('nb-sign-in input[name="username"]').fill(username);
    await page.locator('nb-sign-in input[name="password"]').fill(password);
    await page.locator('nb-sign-in button[type="submit"]').click();
    await page.locator('nb-queue-panel').waitFor();
    return page;
  }

  async function signInStatus(username: string, password: string): Promise<number> {
    const response = await fetch(`${office.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, deskId: 'desk-4' }),
    });
    return response.status;
  }

  it('changes the password after checking it, and ends the clerk’s other session', async () => {
    const here = await signedInDesk('staff2', DEMO_PASSWORD, 'desk-2');
    const elsewhere = await signedInDesk('staff2', DEMO_PASSWORD, 'desk-3');
    await here.locator('button[data-action="account"]').click();
    const dialog = here.locator('nb-account-dialog');
    const outcome = dialog.locator('.outcome');

    await dialog.locator('input[name="current"]').fill(DEMO_PASSWORD);
    await dialog.locator('input[name="next"]').fill('tazeh-ramz-1405');
    await dialog.locator('input[name="repeat"]').fill('tazeh-ramz-1406');
    await dialog.locator('button[data-action="change-password"]').click();
    await outcome.filter({ hasText: 'یکی نیستند' }).waitFor();

    await dialog.locator('input[name="current"]').fill('not-the-password');
    await dialog.locator('input[name="repeat"]').fill('tazeh-ramz-1405');
    await dialog.locator('button[data-action="change-password"]').click();
    await outcome.filter({ hasText: 'گذرواژهٔ کنونی درست نیست' }).waitFor();

    await dialog.locator('input[name="current"]').fill(DEMO_PASSWORD);
    await dialog.locator('button[data-action="change-password"]').click();
    await outcome.filter({ hasText: 'گذرواژه تغییر کرد' }).waitFor();
    await screenshot(here, 'desk-account-password-changed');

    await elsewhere.locator('nb-sign-in').waitFor();
    assert.equal(await signInStatus('staff2', DEMO_PASSWORD), 401);
    assert.equal(await signInStatus('staff2', 'tazeh-ramz-1405'), 200);
    assert.equal(office.server.office.state.desks.get('desk-2')?.open, true, 'the desk where the password was changed stays open');
  });

  it('signs out on every device at once', async () => {
    const here = await signedInDesk('staff1', DEMO_PASSWORD, 'desk-1');
    const elsewhere = await signedInDesk('staff1', DEMO_PASSWORD, 'desk-3');
    await here.locator('button[data-action="account"]').click();
    await here.locator('nb-account-dialog button[data-action="sign-out-everywhere"]').click();
    await here.locator('nb-sign-in').getByText('از همهٔ دستگاه‌ها خارج شدید').waitFor();
    await elsewhere.locator('nb-sign-in').waitFor();
    assert.equal(office.server.office.state.desks.get('desk-1')?.open, false);
    assert.equal(office.server.office.state.desks.get('desk-3')?.open, false);
  });
});
