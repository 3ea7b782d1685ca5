// Watches a page for Content-Security-Policy violations: the DOM event (from any shadow root too) and
// Chromium's console line, so that a blocked inline script, style attribute or eval cannot pass unseen.
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __nbCspViolations?: string[];
  }
}

export function watchCsp(page: Page): { violations(): Promise<string[]> } {
  const consoleLines: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleLines.push(`console: ${message.text()}`);
  });
  void page.addInitScript(() => {
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
