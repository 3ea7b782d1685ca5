// The home page at / in real Chromium and over HTTP: Persian first and right to left in Vazirmatn,
// with English beside it, under the strict Content-Security-Policy; each screen's link opens that
// screen, and the page says how a visitor follows a ticket.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { demoOffice } from '../../server/config/demo-office.js';
import { launchChromium, screenshot } from './lib/browser.js';
import { watchCsp } from './lib/csp.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

const SCREENS = [
  { path: '/kiosk', name: 'کیوسک نوبت‌دهی', ready: 'nb-service-tile' },
  { path: '/desk', name: 'باجه', ready: 'body' },
  { path: '/display', name: 'تابلوی سالن انتظار', ready: 'body' },
  { path: '/manager', name: 'مدیر', ready: 'body' },
  { path: '/book', name: 'رزرو نوبت', ready: 'nb-book-app' },
  { path: '/feedback', name: 'شکایت، انتقاد یا پیشنهاد', ready: 'nb-feedback-app' },
];

describe('the home page', () => {
  let browser: Browser;
  let office: E2eOffice;
  let context: BrowserContext;

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await office?.dispose();
  });

  test('is an HTML page under the strict policy, not a JSON 404, with its style sheet', async () => {
    const home = await fetch(`${office.url}/`);
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-type') ?? '', /^text\/html/);
    const policy = home.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"]) assert.ok(policy.includes(directive), policy);
    assert.equal(home.headers.get('x-frame-options'), 'DENY');
    const html = await home.text();
    assert.match(html, /<html lang="fa" dir="rtl">/);
    assert.ok(html.includes(demoOffice.name) && html.includes(demoOffice.nameEn!), 'the office is named in Persian and English');
    for (const { path } of SCREENS) assert.ok(html.includes(`href="${path}"`), `links ${path}`);
    assert.doesNotMatch(html, /<script|style=/, 'no script and no inline style');
    const css = await fetch(`${office.url}/home.css`);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(await css.text(), /font-family: 'Vazirmatn'/);
    const unknown = await fetch(`${office.url}/no/such/page`);
    assert.equal(unknown.status, 404, 'other unknown addresses stay a 404');
  });

  test('shows in Vazirmatn, right to left, with no policy violation, and says how to follow a ticket', async () => {
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await page.goto(`${office.url}/`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
    assert.ok(await page.evaluate(() => document.fonts.check('16px Vazirmatn', 'نوبت')), 'the Persian web font is loaded');
    assert.ok(await page.evaluate(() => [...document.fonts].some((f) => f.family.replace(/['"]/g, '') === 'Vazirmatn' && f.status === 'loaded')));
    const track = page.locator('#track');
    assert.match(await track.innerText(), /پیگیری نوبت/);
    assert.match(await page.locator('main').innerText(), /QR/);
    assert.deepEqual(await csp.violations(), []);
    await screenshot(page, 'home');
    await page.close();
  });

  for (const screen of SCREENS) {
    test(`its link «${screen.name}» opens ${screen.path}`, async () => {
      const page = await context.newPage();
      await page.goto(`${office.url}/`);
      const link = page.locator(`main a[href="${screen.path}"]`);
      assert.match(await link.innerText(), new RegExp(screen.name));
      const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
      assert.equal(new URL(page.url()).pathname, screen.path);
      assert.equal(response?.status(), 200, `${screen.path} is served (built)`);
      await page.locator(screen.ready).first().waitFor({ state: 'attached' });
      await page.close();
    });
  }
});
