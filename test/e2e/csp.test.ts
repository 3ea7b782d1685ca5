// Every screen under the strict Content-Security-Policy in real Chromium: the kiosk (through a
// ticket), the desk (signed in, calling), the display (announcing), the tracking page and the manager
// screen load and work with no violation reported, carry the policy and the other security headers,
// and the kiosk offers no way to navigate away.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/main.js';
import { fa, launchChromium } from './lib/browser.js';
import { watchCsp } from './lib/csp.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

describe('Content-Security-Policy on every screen', () => {
  let browser: Browser;
  let office: E2eOffice;
  const contexts: BrowserContext[] = [];

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice()]);
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await office?.dispose();
  });

  const open = async (path: string): Promise<{ page: Page; violations: () => Promise<string[]>; headers: Record<string, string> }> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`${path}: page error ${error.message}`));
    const csp = await watchCsp(page);
    const response = await page.goto(`${office.url}${path}`);
    assert.ok(response, `${path} answered`);
    return { page, violations: csp.violations, headers: await response.allHeaders() };
  };

  const assertHeaders = (path: string, headers: Record<string, string>) => {
    const policy = headers['content-security-policy'] ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) {
      assert.ok(policy.includes(directive), `${path}: the policy has ${directive}: ${policy}`);
    }
    assert.ok(!policy.includes('unsafe-inline') && !policy.includes('unsafe-eval'), `${path}: nothing unsafe in ${policy}`);
    assert.equal(headers['x-frame-options'], 'DENY', path);
    assert.equal(headers['x-content-type-options'], 'nosniff', path);
    assert.equal(headers['referrer-policy'], 'no-referrer', path);
  };

  test('the watcher sees a violation when there is one', async () => {
    const { page, violations } = await open('/kiosk');
    await page.locator('nb-service-tile button[data-service="certificate"]').waitFor();
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.body.append(script);
      const div = document.createElement('div');
      div.setAttribute('style', 'color: red');
      document.body.append(div);
    });
    await page.waitForFunction(() => (window.__nbCspViolations?.length ?? 0) >= 2);
    assert.equal(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran), undefined, 'the inline script did not run');
    assert.ok((await violations()).some((v) => v.startsWith('script-src')), 'an inline script is reported');
  });

  let ticket: { id: string; number: string } | undefined;

  test('kiosk: home, guidance and a ticket with no violation; nothing to navigate away with', async () => {
    const { page, violations, headers } = await open('/kiosk');
    assertHeaders('/kiosk', headers);
    await page.locator('nb-service-tile button[data-service="certificate"]').click();
    await page.locator('nb-service-page h3', { hasText: 'مدارک لازم' }).waitFor();
    const issued = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
    await page.locator('nb-service-page button.take').click();
    const answer = await issued;
    ticket = (await answer.json()) as { id: string; number: string };
    await page.locator('nb-ticket-view .number', { hasText: fa(ticket.number) }).waitFor();
    await page.locator('nb-ticket-view canvas').waitFor();
    assert.equal(await page.locator('a[href], form[action], iframe, object, embed').count(), 0, 'no link, form target or frame anywhere in the kiosk');
    assert.deepEqual(await violations(), []);
  });

  test('tracking page: the ticket with no violation', async () => {
    assert.ok(ticket, 'the kiosk test issued a ticket');
    const { page, violations, headers } = await open(`/t/${ticket.id}`);
    assertHeaders('/t', headers);
    await page.locator('#number', { hasText: fa(ticket.number) }).waitFor();
    assert.deepEqual(await violations(), []);
  });

  test('display and desk: a call made at the desk is announced, with no violation on either', async () => {
    const display = await open('/display');
    assertHeaders('/display', display.headers);
    await display.page.locator('nb-service-lines tr[data-service="certificate"]').waitFor();
    const desk = await open('/desk');
    assertHeaders('/desk', desk.headers);
    await desk.page.locator('nb-sign-in option[value="desk-1"]').waitFor({ state: 'attached' });
    await desk.page.locator('nb-sign-in input[name="username"]').fill('staff1');
    await desk.page.locator('nb-sign-in input[name="password"]').fill(DEMO_PASSWORD);
    await desk.page.locator('nb-sign-in select[name="deskId"]').selectOption('desk-1');
    await desk.page.locator('nb-sign-in button[type="submit"]').click();
    await desk.page.locator('nb-queue-panel').waitFor();
    await desk.page.locator('nb-current-ticket button[data-action="next"]').click();
    assert.ok(ticket);
    await desk.page.locator('nb-current-ticket', { hasText: fa(ticket.number) }).waitFor();
    await display.page.locator('nb-latest-call', { hasText: fa(ticket.number) }).waitFor();
    assert.deepEqual(await desk.violations(), [], 'desk');
    assert.deepEqual(await display.violations(), [], 'display');
  });

  test('manager: sign-in and the tabs with no violation', async () => {
    const { page, violations, headers } = await open('/manager');
    assertHeaders('/manager', headers);
    await page.locator('nb-manager-sign-in input[name="username"]').fill('manager');
    await page.locator('nb-manager-sign-in input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('nb-manager-sign-in button[type="submit"]').click();
    await page.locator('nav button[data-tab="today"][aria-selected="true"]').waitFor();
    for (const tab of ['history', 'report', 'today']) {
      await page.locator(`nav button[data-tab="${tab}"]`).click();
      await page.locator(`nav button[data-tab="${tab}"][aria-selected="true"]`).waitFor();
    }
    assert.deepEqual(await violations(), []);
  });

  test('manager: an admin on the configuration tab with no violation', async () => {
    await office.server.accounts.addUser({ username: 'admin1', name: 'راهبر', role: 'admin', password: 'admin-pass-1' });
    const { page, violations } = await open('/manager');
    await page.locator('nb-manager-sign-in input[name="username"]').fill('admin1');
    await page.locator('nb-manager-sign-in input[name="password"]').fill('admin-pass-1');
    await page.locator('nb-manager-sign-in button[type="submit"]').click();
    await page.locator('nav button[data-tab="config"]').click();
    await page.locator('nb-admin-app').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await violations(), []);
  });
});
