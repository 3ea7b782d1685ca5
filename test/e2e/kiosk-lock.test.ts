// The kiosk cannot navigate away (design §8), in real Chromium: its page is sandboxed against popups
// and downloads; a link in a guidance text stays text, and a link put on the page by any other means
// is not followed; history back and forward stay on the kiosk and send the visitor home; the keys a
// USB keyboard sends to leave, reload or zoom do nothing, while typing still works; the context menu,
// ctrl+wheel and a trackpad pinch change nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoOffice } from '../../server/config/demo-office.js';
import { parseOffice } from '../../server/config/load.js';
import { launchChromium } from './lib/browser.js';
import { watchCsp } from './lib/csp.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

const EXTERNAL = 'https://example.com/phish';
/** Guidance an admin pasted links into: it must reach the visitor as text. */
const DESCRIPTION = `راهنما در ${EXTERNAL} و <a href="javascript:window.__nbRan=1">اینجا</a>`;

declare global {
  interface Window {
    __nbRan?: number;
    /** Whether the last event of a type the test watches had its default prevented. */
    __nbPrevented?: Record<string, boolean>;
  }
}

describe('the kiosk cannot navigate away', () => {
  let browser: Browser;
  let office: E2eOffice;
  let token: string;
  const contexts: BrowserContext[] = [];

  before(async () => {
    const services = demoOffice.services!.map((s) => (s.id === 'certificate' ? { ...s, guidance: { ...s.guidance, description: DESCRIPTION } } : s));
    const config = parseOffice({ ...demoOffice, name: 'اداره قفل کیوسک', services }, 'kiosk lock office');
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice({ config })]);
    token = office.server.accounts.addDevice('kiosk', 'entrance', null).token;
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await office?.dispose();
  });

  /** A kiosk on its home screen in a fresh browser context; `before` is a page of ours opened first. */
  const openKiosk = async (options: { before?: string } = {}) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`kiosk page error: ${error.message}`));
    const csp = await watchCsp(page);
    // Records, after the page's own listeners have run, whether each watched event was cancelled.
    await page.addInitScript(() => {
      window.__nbPrevented = {};
      for (const type of ['contextmenu', 'keydown', 'wheel', 'mouseup', 'auxclick', 'click', 'dragstart']) {
        window.addEventListener(type, (event) => (window.__nbPrevented![type] = event.defaultPrevented));
      }
    });
    if (options.before) await page.goto(`${office.url}${options.before}`);
    const response = await page.goto(`${office.url}/kiosk?token=${token}`);
    await page.locator('nb-service-tile button[data-service="certificate"]').waitFor();
    return { page, context, response: response!, violations: csp.violations };
  };

  const prevented = (page: Page, type: string) => page.evaluate((t) => window.__nbPrevented![t], type);
  const home = (page: Page) => page.locator('.lead', { hasText: 'خدمت مورد نظر خود را انتخاب کنید' }).waitFor();
  const path = (page: Page) => new URL(page.url()).pathname;

  test('the kiosk page is sandboxed: no popup, new tab, download or dialog; no form posts, nobody frames it', async () => {
    const { page, context, response } = await openKiosk();
    const policy = (await response.allHeaders())['content-security-policy'] ?? '';
    assert.match(policy, /sandbox allow-scripts allow-same-origin allow-forms(;|$)/, policy);
    assert.ok(policy.includes("form-action 'none'") && policy.includes("frame-ancestors 'none'"), policy);
    const desk = await fetch(`${office.url}/desk`);
    assert.doesNotMatch(desk.headers.get('content-security-policy') ?? '', /sandbox/, 'only the kiosk is sandboxed');

    const popups: string[] = [];
    context.on('page', (opened) => popups.push(opened.url()));
    assert.equal(await page.evaluate(() => window.open('/desk') === null), true, 'window.open is refused');
    await page.evaluate(() => {
      const link = Object.assign(document.createElement('a'), { href: '/desk', target: '_blank', textContent: 'new tab' });
      document.body.prepend(link);
    });
    await page.locator('body > a[target="_blank"]').click();
    // The kiosk still answers, on its own page, after the attempts; no other page was opened.
    await page.locator('nb-service-tile button[data-service="payment"]').click();
    await page.locator('nb-service-page h2').waitFor();
    assert.deepEqual(popups, []);
    assert.equal(path(page), '/kiosk');
  });

  test('a link in a guidance text stays text; a link put on the page anyway is not followed', async () => {
    const { page, violations } = await openKiosk();
    await page.locator('nb-service-tile button[data-service="certificate"]').click();
    await page.getByText(DESCRIPTION).waitFor();
    assert.equal(await page.locator('a').count(), 0, 'no link made from the text');

    // Whatever else put them there: a link elsewhere in our origin, outside it, and a javascript: one.
    for (const href of ['/desk', EXTERNAL, 'javascript:window.__nbRan=1']) {
      await page.evaluate((h) => {
        const section = document.querySelector('nb-kiosk-app')!.shadowRoot!.querySelector('nb-service-page')!.shadowRoot!.querySelector('section')!;
        section.querySelector('a')?.remove();
        section.append(Object.assign(document.createElement('a'), { href: h, textContent: 'link' }));
      }, href);
      await page.locator('nb-service-page section a').click();
      assert.equal(await prevented(page, 'click'), true, href);
      await page.locator('nb-service-page section a').click({ button: 'middle' });
      assert.equal(await prevented(page, 'auxclick'), true, `${href}: a middle click opens no tab`);
    }
    await page.getByText(DESCRIPTION).waitFor();
    assert.equal(path(page), '/kiosk');
    assert.equal(await page.evaluate(() => window.__nbRan), undefined);
    assert.deepEqual(await violations(), []);
  });

  test('history back, by script or by the browser, stays on the kiosk and goes home, even past the kiosk\'s first entry', async () => {
    // Something of ours was open before the kiosk, so there is somewhere to go back to.
    const { page } = await openKiosk({ before: '/t/aaaaaaaa' });
    for (const goBack of [() => page.evaluate(() => history.back()), () => page.goBack(), () => page.evaluate(() => history.go(-2))]) {
      await page.locator('nb-service-tile button[data-service="payment"]').click();
      await page.locator('nb-service-page h2').waitFor();
      await goBack();
      await home(page);
      assert.equal(path(page), '/kiosk');
      assert.equal(await page.locator('nb-service-page').count(), 0);
    }
    assert.doesNotMatch(page.url(), /token=/, 'the token given in the address stays out of it');
    await page.goForward();
    await home(page);
    assert.equal(path(page), '/kiosk');
  });

  test('keys that leave, reload, zoom, print or find do nothing; typing in a field still works', async () => {
    const { page } = await openKiosk();
    await page.locator('nb-service-tile button[data-service="payment"]').click();
    await page.locator('nb-service-page h2').waitFor();
    for (const key of ['Alt+ArrowLeft', 'Alt+ArrowRight', 'Alt+Home', 'Backspace', 'F5', 'Control+r', 'Control+Shift+r', 'Control+l', 'Control+p', 'Control+f', 'Control+o', 'Control+Equal', 'Control+Minus', 'F12', 'Control+Shift+i']) {
      await page.keyboard.press(key);
      assert.equal(await prevented(page, 'keydown'), true, key);
    }
    await page.locator('nb-service-page h2').waitFor();
    assert.equal(path(page), '/kiosk');
    for (const key of ['Tab', 'Enter', 'a']) {
      await page.keyboard.press(key);
      assert.equal(await prevented(page, 'keydown'), false, `${key} is left alone`);
    }

    // In a field (the pairing code's, say), Backspace and Ctrl+A edit as they should.
    await page.evaluate(() => document.body.prepend(Object.assign(document.createElement('input'), { id: 'field' })));
    await page.locator('#field').fill('12345');
    await page.locator('#field').press('Backspace');
    assert.equal(await prevented(page, 'keydown'), false);
    await page.locator('#field').press('Control+a');
    await page.locator('#field').press('Backspace');
    assert.equal(await page.locator('#field').inputValue(), '');
  });

  test('no context menu, image drag, ctrl+wheel zoom or mouse back button', async () => {
    const { page } = await openKiosk();
    const tile = page.locator('nb-service-tile button[data-service="certificate"]');
    await tile.click({ button: 'right' });
    assert.equal(await prevented(page, 'contextmenu'), true);

    await page.locator('nb-service-tile button[data-service="certificate"]').click();
    await page.locator('nb-service-page button.take').click();
    await page.locator('nb-ticket-view canvas').waitFor();
    // The kiosk shows no image now; one put on it, as a logo would be, is not dragged either.
    await page.evaluate(() => document.body.prepend(Object.assign(document.createElement('img'), { id: 'logo', width: 120, height: 120, src: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E' })));
    const box = (await page.locator('#logo').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x - 200, box.y + 300, { steps: 10 });
    await page.mouse.up();
    assert.equal(await prevented(page, 'dragstart'), true, 'the image is not dragged');

    const scale = () => page.evaluate(() => [window.devicePixelRatio, window.visualViewport!.scale, window.innerWidth]);
    const before = await scale();
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    await page.waitForFunction(() => window.__nbPrevented!.wheel !== undefined);
    assert.equal(await prevented(page, 'wheel'), true, 'ctrl+wheel is cancelled');
    assert.deepEqual(await scale(), before, 'and nothing zoomed');

    // The side button "back" of a mouse.
    const client = await page.context().newCDPSession(page);
    for (const type of ['mousePressed', 'mouseReleased'] as const) {
      await client.send('Input.dispatchMouseEvent', { type, x: 20, y: 20, button: 'back', buttons: type === 'mousePressed' ? 8 : 0, clickCount: 1 });
    }
    assert.equal(await prevented(page, 'mouseup'), true);
    await page.locator('nb-ticket-view canvas').waitFor();
    assert.equal(path(page), '/kiosk');
  });

  test('a trackpad pinch does not zoom', async () => {
    // Headless Chromium zooms the visual viewport for a trackpad pinch but not for a synthesised touch
    // pinch, so the touch screen's pinch (turned off by touch-action in kiosk.css) is not tried here.
    const { page } = await openKiosk();
    const client = await page.context().newCDPSession(page);
    await client.send('Input.synthesizePinchGesture', { x: 640, y: 450, scaleFactor: 2.5, gestureSourceType: 'mouse' });
    assert.equal(await page.evaluate(() => window.visualViewport!.scale), 1);
    assert.equal(await prevented(page, 'wheel'), true, 'the pinch reached the page as a cancelled ctrl+wheel');
  });
});
