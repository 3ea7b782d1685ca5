// The manager's screen in a real browser against a real demo-office server whose clock the test
// moves: managers and admins sign in (staff are refused in Persian); the «امروز» tab shows the same
// lines and desks as the API; a wait past its target raises an alert that is acknowledged with a
// comment on the screen and still there after a restart; a paired display that goes away is
// reported; the history tab draws its charts and sorts its tables; the English toggle; screenshots
// at laptop and tablet sizes.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { io as connect } from 'socket.io-client';
import { MORNING } from '../integration/lib/office-server.js';
import { DEMO_PASSWORD } from '../../server/main.js';
import { fa, launchChromium, screenshot } from './lib/browser.js';
import { pageOpener, signInToManager } from './lib/pages.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

const LAPTOP = { width: 1366, height: 900 };
const TABLET = { width: 820, height: 1180 };

describe('manager screen', () => {
  let browser: Browser;
  let office: E2eOffice;
  let now = MORNING;
  const pages = pageOpener(() => browser, () => office.url);
  const { contexts } = pages;
  let dashboard: Page;
  let manager: string;

  const open = (viewport = LAPTOP) => pages.open('/manager', viewport);
  const signIn = (page: Page, username: string, password = DEMO_PASSWORD) => signInToManager(page, username, password);
  const issue = async (serviceId: string): Promise<{ id: string; number: string }> => {
    const answer = await office.api('POST', '/tickets', { body: { serviceId } });
    assert.equal(answer.status, 201);
    return answer.body;
  };
  const serviceCell = (page: Page, serviceId: string, cell: string) => page.locator(`nb-live-tab tr[data-service="${serviceId}"] td.${cell}`);

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice({ clock: () => now, tickMs: 250, virtualKeypads: false })]);
    await office.server.accounts.addUser({ username: 'admin1', name: 'مدیر سامانه', role: 'admin', password: 'admin-pass-1' });
    manager = (await office.api('POST', '/auth/login', { body: { username: 'manager', password: DEMO_PASSWORD } })).body.token;
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await office?.dispose();
  });

  test('staff are refused in Persian; a wrong password is refused too', async () => {
    const page = await open();
    assert.equal(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang].join()), 'rtl,fa');
    await signIn(page, 'staff1');
    const message = page.locator('nb-manager-sign-in .message.error');
    await message.waitFor();
    assert.match(await message.innerText(), /ویژهٔ مدیران/);
    await signIn(page, 'manager', 'wrong');
    await page.locator('nb-manager-sign-in .message.error', { hasText: 'گذرواژه' }).waitFor();
    assert.equal(await page.locator('nav[role="tablist"]').count(), 0);
  });

  test('an admin also gets the configuration tab with the admin application in it', async () => {
    const page = await open();
    await signIn(page, 'admin1', 'admin-pass-1');
    await page.locator('nav button[data-tab="config"]').click();
    await page.locator('nb-admin-app').waitFor();
  });

  test('a manager signs in to today’s office, live and matching the API', async () => {
    dashboard = await open();
    await signIn(dashboard, 'manager');
    await dashboard.locator('nav button[data-tab="today"][aria-selected="true"]').waitFor();
    const tabs = await dashboard.locator('nav button[role="tab"]').allInnerTexts();
    assert.deepEqual(tabs.map((s) => s.trim()), ['امروز', 'تاریخچه', 'گزارش شاخص‌ها', 'شکایات و پیشنهادها', 'ملاقات عمومی']);

    await issue('certificate');
    await issue('certificate');
    await issue('payment');
    const staff = await office.login('staff1', 'desk-1');
    now += 90_000;
    const called = await office.api('POST', '/desks/desk-1/next', { token: staff });
    assert.equal(called.status, 200);
    const services: Array<{ id: string; waiting: number; desksOpen: number }> = (await office.api('GET', '/services')).body;
    for (const service of services) {
      await serviceCell(dashboard, service.id, 'waiting').filter({ hasText: new RegExp(`^${fa(service.waiting)}$`) }).waitFor();
    }
    assert.equal(services.find((s) => s.id === 'certificate')?.waiting, 1);
    const desk = dashboard.locator('nb-live-tab tr[data-desk="desk-1"]');
    await desk.locator('td.staff', { hasText: 'کارمند یکم' }).waitFor();
    assert.match(await desk.innerText(), new RegExp(fa(called.body.ticket.number)));
    assert.equal(await dashboard.locator('nb-live-tab [data-total="waiting"] .figure').innerText(), fa(services.reduce((n, s) => n + s.waiting, 0)));
    assert.equal(await dashboard.locator('nb-live-tab [data-total="issued"] .figure').innerText(), fa(3));
  });

  test('a wait past its target raises an alert, acknowledged on screen with a comment that survives a restart', async () => {
    assert.equal(await dashboard.locator('nb-alert-list li').count(), 0);
    now += 10 * 60_000; // the payment ticket has now waited 11.5 minutes; its target is 10
    const alert = dashboard.locator('nb-alert-list li[data-kind="wait"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /پرداخت عوارض/);
    await dashboard.locator('nb-live-tab tr.over[data-service="payment"]').waitFor();
    await screenshot(dashboard, 'manager-today-laptop');

    await alert.locator('input[name="comment"]').fill('باجهٔ ۲ برای پرداخت باز شد.');
    await alert.locator('button[type="submit"]').click();
    await dashboard.locator('nb-alert-list li.acknowledged', { hasText: 'باجهٔ ۲ برای پرداخت باز شد.' }).waitFor();
    assert.match(await dashboard.locator('nb-alert-list li.acknowledged').innerText(), /مدیر اداره/);

    await office.stop();
    await dashboard.locator('nb-manager-app .bar.offline').waitFor();
    await office.start();
    await dashboard.locator('nb-manager-app .bar.offline').waitFor({ state: 'detached' });
    await dashboard.locator('nb-alert-list li.acknowledged', { hasText: 'باجهٔ ۲ برای پرداخت باز شد.' }).waitFor();
    const stored = (await office.api('GET', '/alerts', { token: manager })).body.alerts;
    assert.deepEqual(stored.map((a: { kind: string; acknowledged: { comment: string } }) => [a.kind, a.acknowledged.comment]), [['wait', 'باجهٔ ۲ برای پرداخت باز شد.']]);
  });

  test('a paired display that goes away past its grace time is reported', async () => {
    const { token } = office.server.accounts.addDevice('display', 'تابلوی سالن', null);
    const display = connect(office.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise((resolve) => display.once('board:snapshot', resolve));
    display.close();
    // The server hears the disconnect in its own time: move the clock past the grace time until it has.
    for (let attempt = 0; attempt < 50; attempt++) {
      now += 61_000;
      const listed = (await office.api('GET', '/alerts', { token: manager })).body.alerts as Array<{ kind: string }>;
      if (listed.some((a) => a.kind === 'device')) break;
    }
    await dashboard.locator('nb-alert-list li.active[data-kind="device"]', { hasText: 'تابلوی سالن' }).waitFor();
  });

  test('the history tab draws its charts and sorts its tables', async () => {
    const staff = await office.login('staff2', 'desk-2');
    assert.equal((await office.api('POST', '/desks/desk-2/next', { token: staff })).status, 200);
    const ticket = (await office.api('GET', '/desks/desk-2', { token: staff })).body.current;
    now += 4 * 60_000;
    assert.equal((await office.api('POST', `/tickets/${ticket.id}/finish`, { token: staff, body: {} })).status, 200);

    await dashboard.locator('nav button[data-tab="history"]').click();
    await dashboard.locator('nb-date-range button[data-preset="today"][aria-pressed="true"]').waitFor();
    for (const chart of ['arrivals', 'waits', 'desks']) {
      await dashboard.locator(`nb-history-tab [data-chart="${chart}"] nb-chart canvas`).waitFor();
      await dashboard.waitForFunction(
        (name) => {
          const tab = document.querySelector('nb-manager-app')?.shadowRoot?.querySelector('nb-history-tab');
          const element = tab?.shadowRoot?.querySelector(`[data-chart="${name}"] nb-chart`) as (Element & { drawn?: boolean }) | null | undefined;
          return element?.drawn === true;
        },
        chart,
      );
    }
    const table = dashboard.locator('nb-history-tab nb-sort-table.services');
    const issuedColumn = () => table.locator('tbody td[data-key="issued"]').allInnerTexts();
    await table.locator('th[data-key="issued"] button').click();
    assert.equal(await table.locator('th[data-key="issued"]').getAttribute('aria-sort'), 'ascending');
    const ascending = await issuedColumn();
    await table.locator('th[data-key="issued"] button').click();
    assert.equal(await table.locator('th[data-key="issued"]').getAttribute('aria-sort'), 'descending');
    const descending = await issuedColumn();
    assert.deepEqual(descending, [...ascending].reverse());
    assert.equal(descending[0], fa(2), 'certificate had the most tickets');
    assert.equal(ascending[0], fa(0));
    await screenshot(dashboard, 'manager-history-laptop');
  });

  test('the report tab offers both workbooks, each labelled: the statistics and the indicators', async () => {
    await dashboard.locator('nav button[data-tab="report"]').click();
    const links = dashboard.locator('nb-report-tab nb-export-links');
    const statistics = links.locator('a[data-export="xlsx"]');
    const indicators = links.locator('a[data-export="indicators-xlsx"]');
    await indicators.waitFor();
    assert.match(await statistics.innerText(), /اکسل آمار/);
    assert.match(await indicators.innerText(), /اکسل شاخص‌های حقوق شهروندی/);
    for (const [link, file] of [[statistics, /nobat-statistics-/], [indicators, /nobat-indicators-/]] as const) {
      const [download] = await Promise.all([dashboard.waitForEvent('download'), link.click()]);
      assert.match(download.suggestedFilename(), file);
      assert.equal((await readFile((await download.path())!)).subarray(0, 2).toString(), 'PK', 'an xlsx (zip) workbook');
    }
  });

  test('English turns the screen left to right with English words', async () => {
    await dashboard.locator('nav button[data-tab="today"]').click();
    await dashboard.locator('nb-manager-app header button.lang').click();
    assert.equal(await dashboard.evaluate(() => [document.documentElement.dir, document.documentElement.lang].join()), 'ltr,en');
    await dashboard.locator('nav button[data-tab="today"]', { hasText: 'Today' }).waitFor();
    await dashboard.locator('nb-live-tab tr[data-service="payment"] td', { hasText: 'Paying municipal duties' }).waitFor();
    await screenshot(dashboard, 'manager-today-laptop-en');
    await dashboard.locator('nb-manager-app header button.lang').click();
    await dashboard.locator('nav button[data-tab="today"]', { hasText: 'امروز' }).waitFor();
  });

  test('on a tablet the dashboard stacks into one column', async () => {
    const tablet = await open(TABLET);
    await signIn(tablet, 'manager');
    await tablet.locator('nb-live-tab tr[data-service="payment"]').waitFor();
    await tablet.locator('nb-alert-list li').first().waitFor();
    const [services, alerts] = await Promise.all([tablet.locator('nb-live-tab .panel.scroll').first().boundingBox(), tablet.locator('nb-alert-list').boundingBox()]);
    assert.ok(services && alerts && alerts.y > services.y, 'the alerts come below the lines');
    const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'nothing runs off the side');
    await screenshot(tablet, 'manager-today-tablet');
  });
});
