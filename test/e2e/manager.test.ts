// The manager's screen in a real browser against a real demo-office server: managers and admins sign
// in (staff are refused in Persian), the tabs, the admin-only configuration tab.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/main.js';
import { launchChromium } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

const LAPTOP = { width: 1366, height: 900 };

describe('manager screen', () => {
  let browser: Browser;
  let office: E2eOffice;
  const contexts: BrowserContext[] = [];

  const open = async (viewport = LAPTOP): Promise<Page> => {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`manager page error: ${error.message}`));
    await page.goto(`${office.url}/manager`);
    return page;
  };
  const signIn = async (page: Page, username: string, password = DEMO_PASSWORD) => {
    await page.locator('nb-manager-sign-in input[name="username"]').fill(username);
    await page.locator('nb-manager-sign-in input[name="password"]').fill(password);
    await page.locator('nb-manager-sign-in button[type="submit"]').click();
  };

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice()]);
    await office.server.accounts.addUser({ username: 'admin1', name: 'مدیر سامانه', role: 'admin', password: 'admin-pass-1' });
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

  test('a manager signs in to the tabs, without the configuration tab', async () => {
    const page = await open();
    await signIn(page, 'manager');
    await page.locator('nav button[data-tab="today"][aria-selected="true"]').waitFor();
    const tabs = await page.locator('nav button[role="tab"]').allInnerTexts();
    assert.deepEqual(tabs.map((s) => s.trim()), ['امروز', 'تاریخچه', 'گزارش شاخص‌ها']);
  });

  test('an admin also gets the configuration tab with the admin application in it', async () => {
    const page = await open();
    await signIn(page, 'admin1', 'admin-pass-1');
    await page.locator('nav button[data-tab="config"]').click();
    await page.locator('nb-admin-app').waitFor();
  });
});
