// The staff desk in a real browser against a real demo-office server whose clock the test moves:
// two desks open at once in two browsers, tickets issued at the kiosk (API) arriving live, call,
// recall, no-show after the grace time, finish, transfer, pause, refusals in Persian, a double
// click that calls once, a session taken over, and a server restart the desk rides out.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../../server/main.js';
import { createLogger } from '../../server/log.js';
import { fa, launchChromium, screenshot } from './lib/browser.js';

const VIEWPORT = { width: 1366, height: 900 };
const SESSION_KEY = 'nobat.desk.session';

describe('desk', () => {
  let browser: Browser;
  let server: RunningServer;
  let url: string;
  let now = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'nobat-desk-e2e-'));
  const start = (port = 0) => startServer({ dataDir, port, host: '127.0.0.1', clock: () => now, log: createLogger({ quiet: true }) });
  const contexts: BrowserContext[] = [];
  let desk1: Page;
  let desk2: Page;

  const api = async (method: string, path: string, options: { token?: string; body?: unknown } = {}) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    // `any` on purpose: the test reads answers field by field, as a client would.
    return { status: response.status, body: (text ? JSON.parse(text) : null) as any };
  };
  const issue = async (serviceId: string, priorityGroup?: string): Promise<{ id: string; number: string }> => {
    const answer = await api('POST', '/tickets', { body: { serviceId, ...(priorityGroup ? { priorityGroup } : {}) } });
    assert.equal(answer.status, 201);
    return answer.body;
  };
  const calledEvents = (deskId: string) =>
    (server.db.prepare(`SELECT COUNT(*) AS n FROM events WHERE type = 'ticket.called' AND desk_id = ?`).get(deskId) as { n: number }).n;
  const tokenOf = async (page: Page) => JSON.parse((await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY))!).token as string;
  const current = (page: Page) => page.locator('nb-current-ticket .ticket');
  const button = (page: Page, action: string) => page.locator(`nb-current-ticket button[data-action="${action}"]`);
  /** The data-action of the focused element, inside the shadow roots. */
  const focusedAction = (page: Page) =>
    page.evaluate(() => {
      let focused = document.activeElement;
      while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
      return (focused as HTMLElement | null)?.dataset['action'] ?? focused?.localName ?? null;
    });
  const waitingRow = (page: Page, number: string) => page.locator(`nb-queue-panel ol.waiting li[data-number="${number}"]`);

  const openDesk = async (username: string, deskId: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`desk page error: ${error.message}`));
    await page.goto(`${url}/desk`);
    await page.locator(`nb-sign-in option[value="${deskId}"]`).waitFor({ state: 'attached' });
    await page.locator('nb-sign-in input[name="username"]').fill(username);
    await page.locator('nb-sign-in input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('nb-sign-in select[name="deskId"]').selectOption(deskId);
    await page.locator('nb-sign-in button[type="submit"]').click();
    await page.locator('nb-queue-panel').waitFor();
    return page;
  };

  before(async () => {
    [browser, server] = await Promise.all([launchChromium(), start()]);
    url = server.url;
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('two desks see kiosk tickets live; a call at one leaves the other queue', async () => {
    desk1 = await openDesk('staff1', 'desk-1');
    assert.equal(await desk1.evaluate(() => [document.documentElement.dir, document.documentElement.lang].join()), 'rtl,fa');
    const plain = await issue('certificate');
    const elderly = await issue('certificate', 'elderly');
    const payment = await issue('payment');
    desk2 = await openDesk('staff2', 'desk-2');
    for (const page of [desk1, desk2]) for (const t of [plain, elderly, payment]) await waitingRow(page, t.number).waitFor();
    await desk1.locator('nb-queue-panel tr[data-service="certificate"] td.count', { hasText: fa(2) }).waitFor();

    // Desk 2 calls next: the priority ticket goes first, and leaves desk 1's queue.
    await desk2.keyboard.press('n');
    await current(desk2).and(desk2.locator(`[data-status="called"]`)).waitFor();
    assert.equal(await desk2.locator('nb-current-ticket .number').getAttribute('data-number'), elderly.number);
    await waitingRow(desk1, elderly.number).waitFor({ state: 'detached' });
    assert.equal(server.office.state.desks.get('desk-2')!.currentTicketId, elderly.id);
    assert.equal(await button(desk2, 'next').isDisabled(), true, 'a called ticket must be settled before the next call');
    // The no-show button is there from the call, disabled, saying what it waits for.
    assert.equal(await button(desk2, 'no-show').isDisabled(), true);
    await desk2.locator('nb-current-ticket .grace', { hasText: `پس از یک بار اعلام دوباره و ${fa(60)} ثانیه` }).waitFor();
    assert.doesNotMatch(await desk2.locator('nb-current-ticket .hint').innerText(), /عدم حضور/, 'the hint does not offer what is not yet allowed');

    // A waiting ticket's wait is on a line of its own, never after a dot that reads as a Persian zero.
    const row = waitingRow(desk1, plain.number);
    assert.match(await row.locator('.waited').innerText(), /^انتظار: /);
    assert.doesNotMatch(await row.innerText(), /·/);
  });

  test('recall, no-show once the grace time is over, and reinstate', async () => {
    await button(desk2, 'recall').click();
    await desk2.locator('nb-current-ticket .recalls').waitFor();
    await desk2.locator('nb-current-ticket .grace[role="timer"]', { hasText: /[۰-۹]+ ثانیهٔ دیگر/ }).waitFor();
    assert.equal(await button(desk2, 'no-show').isDisabled(), true, 'not during the grace time');
    assert.match(await button(desk2, 'no-show').locator('.countdown').innerText(), /^\([۰-۹]+\)$/, 'the button counts down in Persian digits');
    await screenshot(desk2, 'desk-recalled-fa');

    // The server's clock moves past the grace time; the desk learns it with the next snapshot.
    now += 61_000;
    const later = await issue('payment');
    await waitingRow(desk2, later.number).waitFor();
    await desk2.locator('nb-current-ticket .grace').waitFor({ state: 'detached' });
    const number = (await desk2.locator('nb-current-ticket .number').getAttribute('data-number'))!;
    await button(desk2, 'no-show').click();
    await desk2.locator('nb-confirm-dialog button[data-action="confirm"]').click();
    await desk2.locator(`nb-queue-panel ol.no-shows li[data-number="${number}"]`).waitFor();
    await desk2.locator('nb-today-counts .no-shows', { hasText: fa(1) }).waitFor();
    assert.equal(await current(desk2).count(), 0);

    await desk2.locator(`nb-queue-panel ol.no-shows li[data-number="${number}"] button[data-action="reinstate"]`).click();
    await waitingRow(desk2, number).waitFor();
  });

  test('a double click on "next" calls once; a retry after a lost answer calls once too', async () => {
    const before = calledEvents('desk-1');
    const requests: string[] = [];
    const record = (request: Request) => request.url().includes('/api/v1/') && requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
    desk1.on('request', record);
    await button(desk1, 'next').dblclick();
    await current(desk1).waitFor();
    await desk1.locator('nb-current-ticket button[data-action="next"][disabled]').waitFor();
    // The buttons come back once the answer is in; it carries the new view, so no second request.
    await desk1.locator('nb-current-ticket button[data-action="start"]:not([disabled])').waitFor();
    desk1.off('request', record);
    assert.deepEqual(requests, ['POST /api/v1/desks/desk-1/next']);
    assert.equal(calledEvents('desk-1'), before + 1);

    // Start, serve a while, finish with an outcome through the keyboard.
    await desk1.keyboard.press('s');
    await desk1.locator('nb-current-ticket [data-status="serving"]').waitFor();
    now += 5 * 60_000;
    await issue('documents');
    await desk1.keyboard.press('f');
    await desk1.locator('nb-finish-dialog input[value="referred"]').check();
    await desk1.locator('nb-finish-dialog textarea').fill('به واحد فنی ارجاع شد');
    await desk1.locator('nb-finish-dialog button[data-action="confirm-finish"]').click();
    await desk1.locator('nb-today-counts .served', { hasText: fa(1) }).waitFor();
    await desk1.locator('nb-today-counts .mean', { hasText: fa(5) }).waitFor();

    // The answer to the next press is lost; the retry carries the same X-Request-Id.
    const ids: string[] = [];
    let dropped = false;
    await desk1.route('**/api/v1/desks/desk-1/next', async (route) => {
      ids.push(route.request().headers()['x-request-id'] ?? '');
      if (dropped) return route.continue();
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    const beforeRetry = calledEvents('desk-1');
    await button(desk1, 'next').click();
    await desk1.locator('nb-current-ticket [data-status="called"]').waitFor();
    await desk1.locator('nb-current-ticket button[data-action="start"]:not([disabled])').waitFor();
    assert.equal(ids.length, 2);
    assert.equal(ids[0], ids[1]);
    assert.equal(calledEvents('desk-1'), beforeRetry + 1);
    await desk1.unroute('**/api/v1/desks/desk-1/next');
    await button(desk1, 'start').click();
    await desk1.locator('nb-current-ticket [data-status="serving"]').waitFor();
    await screenshot(desk1, 'desk-serving-fa');
  });

  test('a pause with a visitor at the desk asks what becomes of the ticket first', async () => {
    await desk1.locator('header button[data-action="pause"]').click();
    const dialog = desk1.locator('nb-pause-dialog');
    await dialog.locator('#decide-text', { hasText: 'پیش از توقف، تکلیف این نوبت' }).waitFor();
    assert.equal(await dialog.locator('input[name="reason"]').count(), 0, 'no pause until the ticket is decided');
    const refused = await api('POST', '/desks/desk-1/pause', { token: await tokenOf(desk1), body: { reason: 'break' } });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'desk_busy');
    await screenshot(desk1, 'desk-pause-decide-fa');
    await dialog.locator('button[data-action="transfer"]').click();
    await desk1.locator('nb-transfer-dialog dialog[open]').waitFor();
    await desk1.locator('nb-transfer-dialog button[data-action="close"]').click();
    await desk1.locator('nb-transfer-dialog').waitFor({ state: 'detached' });
    assert.equal(await focusedAction(desk1), 'pause', 'the focus is back on the button that opened the first dialog');
  });

  test('dialogs keep the focus inside; Esc closes them and gives the focus back', async () => {
    await button(desk1, 'transfer').click();
    const dialog = desk1.locator('nb-transfer-dialog');
    await dialog.locator('dialog[open]').waitFor();
    for (let i = 0; i < 8; i++) {
      await desk1.keyboard.press('Tab');
      assert.equal(await desk1.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.localName), 'nb-transfer-dialog', `Tab ${i + 1} stays in the dialog`);
    }
    await desk1.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await focusedAction(desk1), 'transfer');
  });

  test('a transfer lists only other open services and open desks, and shows up in that desk’s queue', async () => {
    const number = (await desk1.locator('nb-current-ticket .number').getAttribute('data-number'))!;
    const ownService = server.office.state.tickets.get(server.office.state.desks.get('desk-1')!.currentTicketId!)!.serviceId;
    await desk1.keyboard.press('t');
    const services = await desk1.locator('nb-transfer-dialog select[name="serviceId"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    assert.ok(services.length > 0);
    assert.ok(!services.includes(ownService), 'not the ticket’s own service');
    await desk1.locator('nb-transfer-dialog input[value="desk"]').check();
    const desks = await desk1.locator('nb-transfer-dialog select[name="deskId"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    assert.deepEqual(desks, ['desk-2'], 'only the open desks other than this one (desks 3 and 4 are closed)');
    await desk1.locator('nb-transfer-dialog select[name="deskId"]').selectOption('desk-2');
    await desk1.locator('nb-transfer-dialog input[value="first"]').check();
    await desk1.locator('nb-transfer-dialog button[data-action="confirm-transfer"]').click();
    await current(desk1).waitFor({ state: 'detached' });
    await waitingRow(desk2, number).waitFor();
    await desk2.locator('nb-queue-panel tr[data-service="desk"] td.count', { hasText: fa(1) }).waitFor();
    assert.equal(await desk2.locator('nb-queue-panel ol.waiting li').first().getAttribute('data-number'), number, 'first in line');
    assert.equal(await waitingRow(desk1, number).count(), 0, 'only for desk 2');
  });

  test('parked tickets are beside the current ticket, above the fold of a 1366×768 screen', async () => {
    await desk1.setViewportSize({ width: 1366, height: 768 });
    const parked = await issue('certificate');
    await waitingRow(desk1, parked.number).locator('button[data-action="call"]').click();
    await current(desk1).and(desk1.locator(`[data-status="called"]`)).waitFor();
    await desk1.keyboard.press('p');
    const row = desk1.locator(`nb-parked-list ol.parked li[data-number="${parked.number}"]`);
    await row.waitFor();
    const box = (await row.boundingBox())!;
    assert.ok(box.y + box.height <= 768, `the parked ticket is on screen without scrolling (bottom at ${box.y + box.height}px)`);
    await screenshot(desk1, 'desk-parked-fa');
    await row.locator('button[data-action="cancel"]').click();
    await desk1.locator('nb-confirm-dialog button[data-action="confirm"]').click();
    await row.waitFor({ state: 'detached' });
    await desk1.setViewportSize(VIEWPORT);
  });

  test('a paused desk gets no calls; a refused action shows the server’s Persian message', async () => {
    await desk2.locator('header button[data-action="pause"]').click();
    await desk2.locator('nb-pause-dialog input[value="prayer"]').check();
    await desk2.locator('nb-pause-dialog button[data-action="confirm-pause"]').click();
    await desk2.locator('.paused', { hasText: 'نماز' }).waitFor();
    assert.equal(await button(desk2, 'next').isDisabled(), true);
    assert.equal(await desk2.locator('nb-queue-panel button[data-action="call"]:not([disabled])').count(), 0);
    const token2 = await tokenOf(desk2);
    const refused = await api('POST', '/desks/desk-2/next', { token: token2 });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'desk_paused');
    await screenshot(desk2, 'desk-paused-fa');
    await desk2.locator('.paused button[data-action="resume"]').click();
    await desk2.locator('.paused').waitFor({ state: 'detached' });

    // Desk 1 calls a ticket from its list while desk 2 has just taken it: the server refuses.
    const contested = await issue('certificate');
    await waitingRow(desk1, contested.number).waitFor();
    await desk1.route('**/api/v1/desks/desk-1/call', async (route) => {
      const taken = await api('POST', '/desks/desk-2/call', { token: token2, body: { ticketId: contested.id } });
      assert.equal(taken.status, 200);
      await route.continue();
    });
    await waitingRow(desk1, contested.number).locator('button[data-action="call"]').click();
    await desk1.locator('[role="alert"] .error .message', { hasText: 'این کار برای این نوبت ممکن نیست: این نوبت فراخوانده شده است.' }).waitFor();
    await desk1.unroute('**/api/v1/desks/desk-1/call');
    await waitingRow(desk1, contested.number).waitFor({ state: 'detached' });
    await screenshot(desk1, 'desk-refused-fa');
  });

  test('the desk shows a lost connection, recovers by itself and catches up', async () => {
    const port = server.port;
    await server.close();
    await desk2.locator('.bar.offline').waitFor();
    await screenshot(desk2, 'desk-offline-fa');
    server = await start(port);
    const whileAway = await issue('payment');
    await waitingRow(desk2, whileAway.number).waitFor({ timeout: 15_000 });
    await desk2.locator('.bar.offline').waitFor({ state: 'detached', timeout: 15_000 });

    // In English, left to right.
    await desk2.locator('header button.lang').click();
    await desk2.locator('nb-current-ticket h2', { hasText: 'Current ticket' }).waitFor();
    assert.equal(await desk2.evaluate(() => document.documentElement.dir), 'ltr');
    await screenshot(desk2, 'desk-called-en');
    await desk2.locator('header button.lang').click();
  });

  test('a sign-in at a desk another clerk holds is refused until confirmed; taking over ends that session, saying why', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    contexts.push(context);
    const other = await context.newPage();
    await other.goto(`${url}/desk`);
    await other.locator('nb-sign-in option[value="desk-1"]').waitFor({ state: 'attached' });
    await other.locator('nb-sign-in input[name="username"]').fill('staff3');
    await other.locator('nb-sign-in input[name="password"]').fill(DEMO_PASSWORD);
    await other.locator('nb-sign-in select[name="deskId"]').selectOption('desk-1');
    await other.locator('nb-sign-in button[type="submit"]').click();
    const holder = (server.db.prepare(`SELECT name FROM users WHERE username = 'staff1'`).get() as { name: string }).name;
    await other.locator('nb-sign-in [role="alert"]', { hasText: `در دست ${holder}` }).waitFor();
    await screenshot(other, 'desk-signin-taken-fa');
    assert.equal(await desk1.locator('nb-queue-panel').count(), 1, 'the clerk at the desk is still signed in');
    assert.ok(await tokenOf(desk1));
    await other.locator('nb-sign-in button[data-action="take-over"]', { hasText: 'ورود و تحویل گرفتن باجه' }).click();
    await other.locator('nb-queue-panel').waitFor();
    const opened = server.db.prepare(`SELECT data FROM events WHERE type = 'desk.opened' AND desk_id = 'desk-1' ORDER BY seq DESC LIMIT 1`).get() as { data: string };
    assert.ok(JSON.parse(opened.data).takenOverFrom, 'the takeover is in the event log');
    await desk1.keyboard.press('n');
    await desk1.locator('nb-sign-in [role="alert"]', { hasText: 'نشست شما پایان یافته است' }).waitFor();
    await screenshot(desk1, 'desk-signin-fa');
    // A wrong password is refused in Persian, on the form.
    await desk1.locator('nb-sign-in input[name="username"]').fill('staff1');
    await desk1.locator('nb-sign-in input[name="password"]').fill('wrong');
    await desk1.locator('nb-sign-in button[type="submit"]').click();
    await desk1.locator('nb-sign-in [role="alert"]', { hasText: 'نام کاربری یا گذرواژه درست نیست.' }).waitFor();
  });
});
