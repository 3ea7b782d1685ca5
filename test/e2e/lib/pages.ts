// Opening a screen in its own browser context, as a separate device would, and signing in to the
// manager screen: shared by the tests that put several screens side by side.
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface PageOpener {
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Every context opened, to close after the tests. */
  contexts: BrowserContext[];
}

/** Pages that fail the test on any uncaught error and accept confirmation dialogs. */
export function pageOpener(browser: () => Browser, baseUrl: () => string, defaultViewport = { width: 1366, height: 900 }): PageOpener {
  const contexts: BrowserContext[] = [];
  return {
    contexts,
    async open(path, viewport = defaultViewport) {
      const context = await browser().newContext({ viewport });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => assert.fail(`${path} page error: ${error.message}`));
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(`${baseUrl()}${path}`);
      return page;
    },
  };
}

/** Fills and sends the manager screen's sign-in form. */
export async function signInToManager(page: Page, username: string, password: string): Promise<void> {
  await page.locator('nb-manager-sign-in input[name="username"]').fill(username);
  await page.locator('nb-manager-sign-in input[name="password"]').fill(password);
  await page.locator('nb-manager-sign-in button[type="submit"]').click();
}
