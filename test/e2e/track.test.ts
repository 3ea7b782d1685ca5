// The phone page (/t/<id>) in a real browser against a real demo-office server whose clock the test
// moves: every way a ticket ends reads as what happened (done, referred, incomplete documents, no-show,
// cancelled) and a transfer as a transfer, the office is named, the page reads in English when asked
// and in Persian at a touch, the sound button goes once nothing more will be called, and an
// unknown ticket says so instead of waiting for ever.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fa, launchChromium, screenshot } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

describe('tracking page', () => {
  let browser: Browser;
  let office: E2eOffice;
  /** How far the office's clock runs ahead of the wall clock: moved past the no-show grace time. */
  let shift = 0;
  const contexts: BrowserContext[] = [];
  const tokens: Record<string, string> = {};

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice({ clock: () => Date.now() + shift })]);
    tokens['desk-1'] = await office.login('staff1', 'desk-1');
    tokens['desk-2'] = await office.login('staff2', 'desk-2');
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await office?.dispose();
  });

  /** A phone set to English, as many Persian readers' phones are: the page is in Persian unless asked. */
  const phone = async (ticketId: string, query = ''): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`phone page error: ${error.message}`));
    await page.goto(`${office.url}/t/${ticketId}${query}`);
    return page;
  };
  const issue = async (serviceId: string): Promise<{ id: string; number: string }> => {
    const { status, body } = await office.api('POST', '/tickets', { body: { serviceId } });
    assert.equal(status, 201);
    return body;
  };
  const staff = async (desk: string, path: string, body?: unknown) => {
    const answer = await office.api('POST', path, { token: tokens[desk], ...(body === undefined ? {} : { body }) });
    assert.equal(answer.status, 200, `${path}: ${JSON.stringify(answer.body)}`);
  };
  const serveAtDesk2 = async (ticketId: string) => {
    await staff('desk-2', '/desks/desk-2/call', { ticketId });
    await staff('desk-2', `/tickets/${ticketId}/start`);
  };
  const status = (page: Page, text: string) => page.locator('#status', { hasText: text }).waitFor();

  test('each ending reads as what happened, and the sound button goes once nothing more will be called', async () => {
    const endings = [
      { outcome: 'done', text: 'کار شما انجام شد' },
      { outcome: 'referred', text: 'ارجاع شد' },
      { outcome: 'incomplete_documents', text: 'مدارک کامل نبود' },
    ];
    for (const { outcome, text } of endings) {
      const ticket = await issue('payment');
      const page = await phone(ticket.id);
      await status(page, 'در صف انتظار');
      await page.locator('#office', { hasText: office.server.config.name }).waitFor();
      assert.equal(await page.locator('#sound').isVisible(), true, 'the sound can be turned on while waiting');
      await serveAtDesk2(ticket.id);
      await status(page, 'در حال رسیدگی');
      await staff('desk-2', `/tickets/${ticket.id}/finish`, { outcome });
      await status(page, text);
      assert.equal(await page.locator('body').getAttribute('data-outcome'), outcome);
      assert.equal(await page.locator('#sound').isVisible(), false, `no sound button after ${outcome}`);
      if (outcome !== 'done') assert.doesNotMatch(await page.locator('#status').innerText(), /انجام شد$/);
      if (outcome === 'incomplete_documents') await screenshot(page, 'track-incomplete-documents');
    }

    // Not there when called: the page says what is true in any office (a desk can reinstate the
    // ticket, the kiosk gives a new one), not an information desk the office may not have.
    const missed = await issue('payment');
    const missedPage = await phone(missed.id);
    await staff('desk-2', '/desks/desk-2/call', { ticketId: missed.id });
    await status(missedPage, 'به باجهٔ ۲ مراجعه کنید');
    await staff('desk-2', `/tickets/${missed.id}/recall`);
    shift += (office.server.config.policy.noShowGraceSeconds + 1) * 1000;
    await staff('desk-2', `/tickets/${missed.id}/no-show`);
    await status(missedPage, 'نوبت شما گذشت');
    const missedText = await missedPage.locator('#status').innerText();
    assert.match(missedText, /باجه/);
    assert.match(missedText, /کیوسک/);
    assert.doesNotMatch(missedText, /اطلاعات/);
    assert.equal(await missedPage.locator('#sound').isVisible(), false);
    await screenshot(missedPage, 'track-no-show');

    const cancelled = await issue('payment');
    const cancelledPage = await phone(cancelled.id);
    await status(cancelledPage, 'در صف انتظار');
    await staff('desk-2', `/tickets/${cancelled.id}/cancel`);
    await status(cancelledPage, 'این نوبت باطل شد');
    assert.equal(await cancelledPage.locator('#sound').isVisible(), false);
  });

  test('a transferred ticket says it was moved, under its new service, and waits in that line', async () => {
    const ticket = await issue('certificate');
    const page = await phone(ticket.id);
    await page.locator('#service', { hasText: 'صدور گواهی' }).waitFor();
    await serveAtDesk2(ticket.id);
    await staff('desk-2', `/tickets/${ticket.id}/transfer`, { serviceId: 'request' });
    await status(page, 'منتقل شد');
    await page.locator('#service', { hasText: 'ثبت درخواست' }).waitFor();
    assert.equal(await page.locator('#facts').isVisible(), true, 'the line ahead and the wait show again');
    assert.equal(await page.locator('#sound').isVisible(), true, 'it will be called again');
    const fromApi = await office.api('GET', `/tickets/${ticket.id}`);
    assert.equal(fromApi.body.transferred, true);
  });

  test('asked for English (the kiosk was read in English), it reads left to right; a touch switches to Persian, and the choice stays', async () => {
    const ticket = await issue('payment');
    const page = await phone(ticket.id, '?lang=en');
    await status(page, 'Waiting in line');
    assert.equal(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang].join()), 'ltr,en');
    await page.locator('#office', { hasText: office.server.config.nameEn! }).waitFor();
    await page.locator('#service', { hasText: 'Paying municipal duties' }).waitFor();
    assert.equal(await page.locator('#number').textContent(), ticket.number, 'Latin digits in English');
    assert.equal(await page.locator('#ahead-label').textContent(), 'people ahead of you');
    await screenshot(page, 'track-waiting-en');

    await staff('desk-2', '/desks/desk-2/call', { ticketId: ticket.id });
    await status(page, 'Please go to desk 2');

    await page.locator('#lang').click();
    await status(page, 'به باجهٔ ۲ مراجعه کنید');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.locator('#number').textContent(), fa(ticket.number));
    await page.reload();
    await status(page, 'به باجهٔ ۲ مراجعه کنید');
    assert.match(page.url(), /lang=fa/);
    await staff('desk-2', `/tickets/${ticket.id}/start`);
    await staff('desk-2', `/tickets/${ticket.id}/finish`, {});
  });

  test('an unknown ticket says it was not found, with nothing left waiting for it', async () => {
    const page = await phone('AAAAAAAAAAAAAAAAAAAAAAAA');
    await status(page, 'این نوبت پیدا نشد');
    await page.locator('#office', { hasText: office.server.config.name }).waitFor();
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /…/, 'no placeholder left');
    assert.equal(await page.locator('#sound').isVisible(), false);
    assert.equal(await page.locator('#facts').isVisible(), false);
    await screenshot(page, 'track-not-found');
  });
});
