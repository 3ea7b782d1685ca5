// Watches a page for Content-Security-Policy violations: the DOM event (from any shadow root too) and
// Chromium's console line, so that a blocked inline script, style attribute or eval cannot pass unseen.
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __nbCspViolations?: string[];
  }
}

/** Installs the watcher before the next navigation: await it before page.goto. */
export async function watchCsp(page: Page): Promise<{ violations(): Promise<string[]> }> {
  const consoleLines: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleLines.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    window.__nbCspViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => window.__nbCspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} ${e.sample}`),
      true,
    );
  });
  return {
    async violations() {
      const fromPage = await page.evaluate(() => window.__nbCspViolations ?? ['the watcher was not installed']);
      return [...fromPage, ...consoleLines];
    },
  };
}
