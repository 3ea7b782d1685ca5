// The on-screen Persian keyboard in Chromium, as a kiosk's touch screen uses it: touches type at the
// caret of the field it serves and fire that field's input events, the field keeps the focus, the
// keys sit as on a Persian keyboard in a right-to-left page, each is a big named target, and the
// phone pad types Persian digits only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../e2e/lib/browser.js';

/** The element and lit, bundled as a screen's build would bundle them. */
async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: new URL('../..', import.meta.url).pathname,
    build: { write: false, minify: false, lib: { entry: 'ui/nb-persian-keyboard.ts', formats: ['es'], fileName: 'keyboard' } },
  });
  const chunk = (Array.isArray(out) ? out[0]! : out) as { output: { code?: string }[] };
  return chunk.output[0]!.code!;
}

const ZWNJ = '\u200c';

describe('nb-persian-keyboard', () => {
  let browser: Browser;
  let context: BrowserContext;
  let code: string;

  before(async () => {
    [browser, code] = await Promise.all([launchChromium(), bundle()]);
    context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
  });

  async function open(variant: 'text' | 'phone', maxLength?: number): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(error.message));
    await page.setContent(`<!doctype html><html lang="fa" dir="rtl"><body>
      <textarea id="field" inputmode="none" ${maxLength ? `maxlength="${maxLength}"` : ''}></textarea>
      <nb-persian-keyboard variant="${variant}"></nb-persian-keyboard></body></html>`);
    await page.addScriptTag({ type: 'module', content: code });
    await page.evaluate(async () => {
      const keyboard = document.querySelector('nb-persian-keyboard') as HTMLElement & { target: unknown; updateComplete: Promise<unknown> };
      const field = document.getElementById('field') as HTMLTextAreaElement;
      keyboard.target = field;
      (window as unknown as { inputs: string[] }).inputs = [];
      field.addEventListener('input', (e) => (window as unknown as { inputs: string[] }).inputs.push((e as InputEvent).inputType));
      field.focus();
      await customElements.whenDefined('nb-persian-keyboard');
      await keyboard.updateComplete;
    });
    return page;
  }
  const key = (page: Page, name: string) => page.locator(`nb-persian-keyboard button[data-key="${name}"]`);
  const typeKeys = async (page: Page, text: string) => {
    for (const ch of text) await key(page, ch === ' ' ? 'space' : ch === ZWNJ ? 'zwnj' : ch).tap();
  };
  const value = (page: Page) => page.locator('#field').inputValue();

  test('touches type Persian at the caret, with space and half-space, and the field keeps the focus', async () => {
    const page = await open('text');
    await typeKeys(page, `سلام می${ZWNJ}خواهم`);
    assert.equal(await value(page), `سلام می${ZWNJ}خواهم`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'field', 'the touched keys never took the focus');
    const inputs = await page.evaluate(() => (window as unknown as { inputs: string[] }).inputs);
    assert.equal(inputs.length, 13, 'one input event a key, as typing fires');
    assert.ok(inputs.every((t) => t === 'insertText'));

    // The visitor puts the caret after «سلام» and types there.
    await page.locator('#field').evaluate((field: HTMLTextAreaElement) => field.setSelectionRange(4, 4));
    await typeKeys(page, '،');
    assert.equal(await value(page), `سلام، می${ZWNJ}خواهم`);
    await page.getByRole('button', { name: 'پاک کردن' }).tap();
    await page.getByRole('button', { name: 'پاک کردن' }).tap();
    assert.equal(await value(page), `سلا می${ZWNJ}خواهم`);
    await page.close();
  });

  test('the digit layer types Persian digits, and switches back to the letters', async () => {
    const page = await open('text');
    assert.equal(await key(page, '۱').count(), 0, 'letters first');
    await key(page, 'layer').tap();
    assert.equal(await key(page, 'ض').count(), 0);
    await typeKeys(page, '۱۴۰۵');
    await key(page, 'layer').tap();
    await typeKeys(page, 'ب');
    assert.equal(await value(page), '۱۴۰۵ب');
    await page.close();
  });

  test('keys sit as on a Persian keyboard in a right-to-left page: ض at the top left, و before backspace', async () => {
    const page = await open('text');
    const box = async (name: string) => (await key(page, name).boundingBox())!;
    const [zad, che, shin, vav, backspace] = await Promise.all(['ض', 'چ', 'ش', 'و', 'backspace'].map(box));
    assert.ok(zad!.x < che!.x && Math.abs(zad!.y - che!.y) < 1, 'ض left of چ on one row');
    assert.ok(shin!.y > zad!.y, 'the ش row under the ض row');
    assert.ok(backspace!.x > vav!.x && Math.abs(backspace!.y - vav!.y) < 1, 'backspace at the end of the و row');
    await page.close();
  });

  test('every key is a big touch target with a name a screen reader reads', async () => {
    const page = await open('text');
    assert.equal(await page.getByRole('group', { name: 'صفحه‌کلید فارسی' }).count(), 1);
    for (const name of ['فاصله', 'نیم‌فاصله', 'پاک کردن']) assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, name);
    const sizes = await page.locator('nb-persian-keyboard button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect()).map((r) => [r.width, r.height]));
    assert.equal(sizes.length, 43, "31 letters, 4 more letters and 4 marks, backspace, the layer switch, half-space and space");
    for (const [width, height] of sizes) assert.ok(width! >= 56 && height! >= 64, `a key of ${width}×${height} px`);
    await page.close();
  });

  test('a field at its maxlength takes no more keys', async () => {
    const page = await open('text', 3);
    await typeKeys(page, 'سلام');
    assert.equal(await value(page), 'سلا');
    await page.close();
  });

  test('the phone pad has the ten Persian digits and backspace, nothing else', async () => {
    const page = await open('phone');
    const keys = await page.locator('nb-persian-keyboard button').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.key));
    assert.deepEqual([...keys].sort(), [...'۰۱۲۳۴۵۶۷۸۹', 'backspace'].sort());
    await typeKeys(page, '۰۹۱۲');
    await page.getByRole('button', { name: 'پاک کردن' }).tap();
    assert.equal(await value(page), '۰۹۱');
    assert.equal(await page.getByRole('group', { name: 'صفحهٔ شماره‌گیر' }).count(), 1);
    await page.close();
  });
});
