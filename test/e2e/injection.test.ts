// An office whose texts carry HTML, scripts, template syntax and bidi controls, in real Chromium: the
// kiosk (tiles and guidance), the display (lines and the announcements ticker), the desk (its lines)
// and the tracking page show them as plain text, nothing executes, no element is made from them, no
// CSP violation fires, and no bidi control reaches a screen (the office file's check removes them).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BIDI_CONTROLS } from '../../server/config/schema.js';
import { demoOffice } from '../../server/config/demo-office.js';
import { configuredOffice, PASSWORD } from '../security/lib/configured-office.js';
import { launchChromium, screenshot } from './lib/browser.js';
import { watchCsp } from './lib/csp.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const TEMPLATE = "{{constructor.constructor('window.__pwned=3')()}}";
/** A right-to-left override left open, and an isolate: both would reorder what a reader sees. */
const BIDI = '\u202E1042\u202C \u2066abc\u2069';

const NAME = `گواهی ${IMG} ${BIDI}`;
const DESCRIPTION = `شرح ${SCRIPT} ${TEMPLATE} ${IMG} ${BIDI}`;
const ANNOUNCEMENT = `اطلاعیه ${SCRIPT} ${IMG} ${TEMPLATE} ${BIDI}`;
/** The office's name goes into the kiosk's and display's page as JSON: it must not close that element. */
const OFFICE_NAME = `اداره </script><script>window.__pwned=4</script>`;
const shown = (text: string) => text.replace(BIDI_CONTROLS, '');

declare global {
  interface Window {
    __pwned?: number;
  }
}

function hostileOffice() {
  const services = demoOffice.services!.map((service) =>
    service.id === 'certificate' ? { ...service, name: NAME, nameEn: `Certificate ${SCRIPT}`, guidance: { ...service.guidance, description: DESCRIPTION, documents: [TEMPLATE, IMG] } } : service,
  );
  return configuredOffice({ name: OFFICE_NAME, services, announcements: [ANNOUNCEMENT] });
}

describe('texts with HTML, scripts and bidi controls are shown as text everywhere', () => {
  let browser: Browser;
  let office: E2eOffice;
  const contexts: BrowserContext[] = [];
  let ticketId = '';

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice({ config: hostileOffice() })]);
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await office?.dispose();
  });

  const open = async (path: string) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`${path}: page error ${error.message}`));
    const csp = await watchCsp(page);
    await page.goto(`${office.url}${path}`);
    return { page, violations: csp.violations };
  };

  /** Nothing ran, nothing was made an element, no violation, and no bidi control in any text of the page. */
  const assertInert = async (page: Page, violations: () => Promise<string[]>, where: string) => {
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `${where}: nothing executed`);
    // The one inline script element allowed is the office's data, which is never executed.
    assert.equal(await page.locator('img[src="x"], script:not([src]):not([type="application/json"])').count(), 0, `${where}: no element made from the texts`);
    assert.deepEqual(await violations(), [], `${where}: no CSP violation`);
    // A string, not a function: the test's TypeScript transform would name the inner function with a helper the page lacks.
    const texts = await page.evaluate<string>(`(() => {
      const all = [];
      const walk = (root) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) all.push(walker.currentNode.textContent ?? '');
        for (const element of root.querySelectorAll('*')) if (element.shadowRoot) walk(element.shadowRoot);
      };
      walk(document);
      return all.join('\\n');
    })()`);
    assert.doesNotMatch(texts, BIDI_CONTROLS, `${where}: a bidi control reached the screen`);
  };

  test('the office file keeps the texts but removes bidi controls', () => {
    const service = office.server.config.services.find((s) => s.id === 'certificate')!;
    assert.equal(service.name, shown(NAME));
    assert.ok(service.name.includes(IMG));
    assert.equal(service.guidance.description, shown(DESCRIPTION));
    assert.deepEqual(office.server.config.announcements, [shown(ANNOUNCEMENT)]);
    assert.doesNotMatch(service.name, BIDI_CONTROLS);
    assert.equal(office.server.config.name, OFFICE_NAME);
  });

  test('kiosk: tile, guidance and the issued ticket', async () => {
    const kiosk = office.server.accounts.addDevice('kiosk', 'entrance', null);
    const { page, violations } = await open(`/kiosk?token=${kiosk.token}`);
    await page.locator('nb-service-tile button[data-service="certificate"]', { hasText: shown(NAME) }).waitFor();
    await page.locator('nb-service-tile button[data-service="certificate"]').click();
    await page.getByText(shown(DESCRIPTION)).first().waitFor();
    await page.locator('nb-service-page li', { hasText: TEMPLATE }).waitFor();
    await page.locator('nb-service-page li', { hasText: IMG }).waitFor();
    const issued = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
    await page.locator('nb-service-page button.take').click();
    ticketId = ((await (await issued).json()) as { id: string }).id;
    await page.locator('nb-ticket-view canvas').waitFor();
    await page.getByText(OFFICE_NAME).first().waitFor();
    await screenshot(page, 'injection-kiosk');
    await assertInert(page, violations, 'kiosk');
  });

  test('display: the line and the announcements ticker', async () => {
    const display = office.server.accounts.addDevice('display', 'hall', null);
    const { page, violations } = await open(`/display?token=${display.token}&mute=1`);
    await page.locator('nb-service-lines tr[data-service="certificate"]', { hasText: shown(NAME) }).waitFor();
    await page.locator('nb-ticker', { hasText: shown(ANNOUNCEMENT) }).first().waitFor();
    await screenshot(page, 'injection-display');
    await assertInert(page, violations, 'display');
  });

  test('desk: the line names', async () => {
    const { page, violations } = await open('/desk');
    await page.locator('nb-sign-in option[value="desk-1"]').waitFor({ state: 'attached' });
    await page.locator('nb-sign-in input[name="username"]').fill('staff1');
    await page.locator('nb-sign-in input[name="password"]').fill(PASSWORD);
    await page.locator('nb-sign-in select[name="deskId"]').selectOption('desk-1');
    await page.locator('nb-sign-in button[type="submit"]').click();
    await page.locator('nb-queue-panel th', { hasText: shown(NAME) }).waitFor();
    await page.locator('nb-current-ticket button[data-action="next"]').click();
    await page.getByText(shown(NAME)).first().waitFor();
    await assertInert(page, violations, 'desk');
  });

  test('tracking page: the service name', async () => {
    assert.ok(ticketId, 'the kiosk test issued a ticket');
    const { page, violations } = await open(`/t/${ticketId}`);
    await page.locator('#service', { hasText: shown(NAME) }).waitFor();
    assert.equal(await page.locator('#service').textContent(), shown(NAME));
    await assertInert(page, violations, 'tracking page');
  });
});
