// The kiosk and the tracking page in a real browser against a real demo-office server: a visitor
// reads a service's guidance and takes a ticket, follows it on a phone until a desk calls it, and
// the kiosk rides out a server restart without issuing anything twice.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fa, launchChromium, screenshot } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

const KIOSK_VIEWPORT = { width: 1280, height: 900 };

describe('kiosk', () => {
  let browser: Browser;
  let office: E2eOffice;

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice()]);
  });
  after(async () => {
    await browser?.close();
    await office?.dispose();
  });

  const openKiosk = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    page.on('pageerror', (error) => assert.fail(`kiosk page error: ${error.message}`));
    await page.goto(`${office.url}/kiosk`);
    await page.locator('nb-service-tile button[data-service="certificate"]').waitFor();
    return page;
  };

  let issued: { id: string; number: string } | undefined;

  test('a visitor reads the guidance and takes a ticket; the screen shows the number the API has', async () => {
    const page = await openKiosk();
    assert.equal(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang].join()), 'rtl,fa');

    // Live: a ticket issued elsewhere shows up in the tile's line through board:snapshot.
    const elsewhere = await office.api('POST', '/tickets', { body: { serviceId: 'certificate' } });
    assert.equal(elsewhere.status, 201);
    await page.locator('nb-service-tile button[data-service="certificate"] .waiting', { hasText: fa(1) }).waitFor();
    const tile = await page.locator('nb-service-tile button[data-service="certificate"]').boundingBox();
    assert.ok(tile && tile.height >= 64 && tile.width >= 64, 'tiles are large touch targets');
    await screenshot(page, 'kiosk-home-fa');

    await page.locator('nb-service-tile button[data-service="certificate"]').click();
    await page.locator('nb-service-page h3', { hasText: 'مدارک لازم' }).waitFor();
    await page.locator('nb-service-page li', { hasText: 'کارت ملی مالک' }).waitFor();
    await page.locator('nb-service-page h3', { hasText: 'مبنای قانونی' }).waitFor();
    await page.locator('nb-priority-choice [data-group="elderly"]').click();
    await page.locator('nb-priority-choice [role="note"]').waitFor();
    await screenshot(page, 'kiosk-service-fa');

    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'گرفتن نوبت' }).click();
    const ticket = (await (await answer).json()) as { id: string; number: string; priorityGroup: string };
    const shown = await page.locator('nb-ticket-view .number').getAttribute('data-number');
    const fromApi = await office.api('GET', `/tickets/${ticket.id}`);
    assert.equal(fromApi.status, 200);
    assert.equal(shown, fromApi.body.number);
    assert.equal(ticket.priorityGroup, 'elderly', 'the kiosk that issued it hears the group');
    assert.equal(fromApi.body.priorityGroup, undefined, 'anyone with the id does not');
    assert.equal(await page.locator('nb-ticket-view .number').textContent(), fa(fromApi.body.number));
    await page.locator('nb-ticket-view canvas').waitFor();
    await screenshot(page, 'kiosk-ticket-fa');
    issued = ticket;

    // The same screens in English, left to right.
    await page.getByRole('button', { name: 'تمام' }).click();
    await page.locator('header button.lang').click();
    await page.locator('.lead', { hasText: 'Choose the service you need' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
    await screenshot(page, 'kiosk-home-en');
    await page.locator('nb-service-tile button[data-service="payment"]').click();
    await page.locator('nb-service-page h3', { hasText: 'Documents to bring' }).waitFor();
    await screenshot(page, 'kiosk-service-en');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: "Citizens' rights charter" }).click();
    await page.locator('nb-charter-page p', { hasText: 'منشور حقوق شهروندی' }).waitFor();
    await page.close();
  });

  test('the tracking page follows the ticket and says which desk to go to when it is called', async () => {
    assert.ok(issued, 'needs the ticket from the first test');
    const phone = await browser.newPage({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });
    // The service names are held back until the live snapshot has been shown: whichever comes
    // first, the page ends with both.
    let releaseNames!: () => void;
    const namesHeld = new Promise<void>((resolve) => (releaseNames = resolve));
    await phone.route('**/api/v1/services', async (route) => {
      await namesHeld;
      await route.continue();
    });
    await phone.goto(`${office.url}/t/${issued.id}`);
    await phone.locator('#number', { hasText: fa(issued.number) }).waitFor();
    await phone.locator('#status', { hasText: 'در صف انتظار' }).waitFor();
    releaseNames();
    await phone.locator('#service', { hasText: 'صدور گواهی' }).waitFor();
    await screenshot(phone, 'track-waiting');

    const token = await office.login('staff2', 'desk-2');
    const called = await office.api('POST', '/desks/desk-2/call', { token, body: { ticketId: issued.id } });
    assert.equal(called.status, 200);
    await phone.locator('#status', { hasText: 'به باجهٔ ۲ مراجعه کنید' }).waitFor();
    assert.equal(await phone.locator('body').getAttribute('data-status'), 'called');
    await screenshot(phone, 'track-called');
    const text = await phone.locator('main').innerText();
    assert.doesNotMatch(text, /staff|کارمند/, 'nothing about people on the page');
    // An address whose id has no ticket id's shape (the server would not connect it) says so at once.
    await phone.goto(`${office.url}/t/aaaaaaaa`);
    await phone.locator('body[data-status="not-found"]').waitFor();
    await phone.close();
  });

  test('after an idle minute the kiosk goes back to the services, in Persian', async () => {
    const page = await browser.newPage({ viewport: KIOSK_VIEWPORT });
    await page.clock.install();
    await page.goto(`${office.url}/kiosk`);
    await page.locator('header button.lang').click();
    await page.locator('nb-service-tile button[data-service="request"]').click();
    await page.locator('nb-service-page h3', { hasText: 'Documents to bring' }).waitFor();
    await page.clock.fastForward(59_000);
    assert.equal(await page.locator('nb-service-page').count(), 1, 'not before the minute is up');
    await page.clock.fastForward(2_000);
    await page.locator('.lead', { hasText: 'خدمت مورد نظر خود را انتخاب کنید' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.close();
  });

  test('the kiosk shows reconnecting while the server restarts, recovers, and issues a retried ticket once', async () => {
    const page = await openKiosk();
    await page.locator('nb-service-tile button[data-service="payment"]').click();
    const take = page.getByRole('button', { name: 'گرفتن نوبت' });
    await take.waitFor();
    const before = [...office.server.office.state.tickets.values()].filter((t) => t.serviceId === 'payment').length;

    await office.stop();
    await page.locator('nb-status-banner .reconnecting').waitFor();
    await take.click();
    await page.locator('nb-service-page [role="status"]', { hasText: 'دوباره تلاش می‌کنیم' }).waitFor();
    await screenshot(page, 'kiosk-reconnecting-fa');
    await office.start();
    await page.locator('nb-ticket-view .number').waitFor({ timeout: 15_000 });
    await page.locator('nb-status-banner .reconnecting').waitFor({ state: 'detached', timeout: 15_000 });
    const afterRestart = [...office.server.office.state.tickets.values()].filter((t) => t.serviceId === 'payment');
    assert.equal(afterRestart.length, before + 1, 'one ticket for the press made while the server was down');
    assert.equal(await page.locator('nb-ticket-view .number').getAttribute('data-number'), afterRestart.at(-1)!.number);

    // The answer to the next press is lost on the way back; the retry carries the same key, and the
    // server hands back the same ticket instead of a second one.
    await page.getByRole('button', { name: 'تمام' }).click();
    await page.locator('nb-service-tile button[data-service="payment"]').click();
    const keys: string[] = [];
    let dropped = false;
    await page.route('**/api/v1/tickets', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (dropped) return route.continue();
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'گرفتن نوبت' }).click();
    await page.locator('nb-ticket-view .number').waitFor();
    const payment = [...office.server.office.state.tickets.values()].filter((t) => t.serviceId === 'payment');
    assert.equal(payment.length, before + 2);
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1]);
    assert.equal(await page.locator('nb-ticket-view .number').getAttribute('data-number'), payment.at(-1)!.number);
    await page.close();
  });
});
