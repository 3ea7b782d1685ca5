// The whole floor at once, as an office runs it: a kiosk, two desks and the waiting-room display in
// one browser against one server. A ticket taken at the kiosk reaches both desks' lines; the desk
// that calls it takes it out of the other's line and onto the display, with its announcement.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/main.js';
import { fa, screenshot } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';


describe('the office floor: kiosk, two desks and the display together', () => {
  let browser: Browser;
  let office: E2eOffice;
  let kiosk: Page;
  let desk1: Page;
  let desk2: Page;
  let display: Page;

  const openDesk = async (username: string, deskId: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('pageerror', (error) => assert.fail(`desk page error: ${error.message}`));
    await page.goto(`${office.url}/desk`);
    await page.locator(`nb-sign-in option[value="${deskId}"]`).waitFor({ state: 'attached' });
    await page.locator('nb-sign-in input[name="username"]').fill(username);
    await page.locator('nb-sign-in input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('nb-sign-in select[name="deskId"]').selectOption(deskId);
    await page.locator('nb-sign-in button[type="submit"]').click();
    await page.locator('nb-queue-panel').waitFor();
    return page;
  };
  const waitingRow = (page: Page, number: string) => page.locator(`nb-queue-panel ol.waiting li[data-number="${number}"]`);

  before(async () => {
    [browser, office] = await Promise.all([
      chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
      }),
      startE2eOffice(),
    ]);
    display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    display.on('pageerror', (error) => assert.fail(`display page error: ${error.message}`));
    await display.goto(`${office.url}/display`);
    kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    kiosk.on('pageerror', (error) => assert.fail(`kiosk page error: ${error.message}`));
    await kiosk.goto(`${office.url}/kiosk`);
    desk1 = await openDesk('staff1', 'desk-1');
    desk2 = await openDesk('staff2', 'desk-2');
  });
  after(async () => {
    await browser?.close();
    await office?.dispose();
  });

  it('moves a kiosk ticket through both desks’ lines to the display', async () => {
    await kiosk.locator('nb-service-tile button[data-service="certificate"]').click();
    await kiosk.getByRole('button', { name: 'گرفتن نوبت' }).click();
    const number = (await kiosk.locator('nb-ticket-view .number').getAttribute('data-number'))!;
    assert.match(number, /^\d+$/);

    // Both desks serve certificates, so the ticket waits in both lines, live.
    await waitingRow(desk1, number).waitFor();
    await waitingRow(desk2, number).waitFor();
    await display.locator('nb-service-lines tr[data-service="certificate"] .waiting', { hasText: fa(1) }).waitFor();

    await desk1.locator('nb-current-ticket button[data-action="next"]').click();
    await desk1.locator('nb-current-ticket .ticket').filter({ hasText: fa(number) }).waitFor();
    await waitingRow(desk2, number).waitFor({ state: 'detached' });
    await display.locator(`nb-latest-call .panel[data-number="${number}"][data-desk="1"]`).waitFor();
    await display.waitForFunction((n) => (window.__nbAnnouncements ?? []).some((a) => a.number === n), number, { timeout: 20_000 });
    const announced = await display.evaluate(() => window.__nbAnnouncements ?? []);
    const call = announced.find((a) => a.number === number)!;
    assert.equal(call.deskNumber, 1);
    assert.ok(call.clips.includes('shomare') && call.clips.includes('baje'), `spoken call: ${call.clips.join(' ')}`);
    await screenshot(display, 'floor-display-fa');
    await screenshot(desk2, 'floor-desk2-fa');
  });
});
