// The ticket logo on the administration screen in real Chromium: a file that is not an image is
// refused in Persian; a picked image shows the header as it will print (the server's 1-bit render,
// the paper's width) before anything is saved; saving shows it as the current logo, the audit trail
// names the change by the logo's hash, the kiosk's next ticket is printed with it, and removing it
// works the same way. The data: URL images pass the screen's Content-Security-Policy.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { DEMO_PASSWORD } from '../../server/main.js';
import { logoBytes } from '../../server/config/logo.js';
import { decodeEscPos } from '../printer/escpos-decode.js';
import { getDot } from '../../drivers/printer/bitmap.js';
import { fa, launchChromium, screenshot } from './lib/browser.js';
import { watchCsp } from './lib/csp.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';
import { signInToManager } from './lib/pages.js';

/** Bars of ink 8 dots wide with 8 of paper between: a logo no other part of the ticket looks like. */
async function barsPng(): Promise<Buffer> {
  const width = 160;
  const height = 64;
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) grey[y * width + x] = Math.floor(x / 8) % 2 === 0 ? 0 : 255;
  return sharp(grey, { raw: { width, height, channels: 1 } }).png().toBuffer();
}

describe('ticket logo on the administration screen', () => {
  let browser: Browser;
  let office: E2eOffice;
  let context: BrowserContext;
  let admin: Page;
  let csp: Awaited<ReturnType<typeof watchCsp>>;
  const logoForm = () => admin.locator('nb-admin-logo-form');

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice()]);
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    admin = await context.newPage();
    admin.on('pageerror', (error) => assert.fail(`manager page error: ${error.message}`));
    admin.on('dialog', (dialog) => void dialog.accept());
    csp = await watchCsp(admin);
    await admin.goto(`${office.url}/manager`);
    await signInToManager(admin, 'admin', DEMO_PASSWORD);
    await admin.locator('nav button[data-tab="config"]').click();
    await admin.locator('nb-admin-app nav button[data-section="printerAudio"]').click();
    await logoForm().locator('[data-no-logo]').waitFor();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await office?.dispose();
  });

  test('a file that is not an image is refused in Persian, and nothing can be saved', async () => {
    await logoForm().locator('input[type="file"]').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
    const message = logoForm().locator('.form-message[role="alert"]');
    await message.waitFor();
    assert.match(await message.innerText(), /تصویر PNG، JPEG یا WebP نیست/);
    assert.equal(await logoForm().locator('button[type="submit"]').isDisabled(), true);
  });

  test('picking an image previews the ticket header as it will print; saving makes it the current logo and audits it', async () => {
    const png = await barsPng();
    await logoForm().locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    const preview = logoForm().locator('figure.preview img');
    await preview.waitFor();
    assert.match(await logoForm().locator('figure.preview figcaption').innerText(), /۱۶۰ در ۶۴ نقطه، روی کاغذ ۵۷۶/);
    const shown = await preview.evaluate((img: HTMLImageElement) => img.decode().then(() => ({ width: img.naturalWidth, src: img.src.slice(0, 22) })));
    assert.deepEqual(shown, { width: 576, src: 'data:image/png;base64,' }, 'the preview is the whole header, the paper wide');
    await screenshot(admin, 'admin-logo-preview-fa');

    await logoForm().locator('button[type="submit"]').click();
    await logoForm().locator('.form-message.ok').waitFor();
    await logoForm().locator('img.current').waitFor();
    assert.equal(await logoForm().locator('figure.preview').count(), 0, 'the preview goes once saved');

    const admins = await office.api('POST', '/auth/login', { body: { username: 'admin', password: DEMO_PASSWORD } });
    const stored = (await office.api('GET', '/admin/config', { token: admins.body.token })).body.config.printer.logo as string;
    const { width, height } = await sharp(logoBytes(stored)!).metadata();
    const bytes = logoBytes(stored)!.length;
    await admin.locator('nb-admin-app nav button[data-section="audit"]').click();
    const row = admin.locator('nb-admin-audit tbody tr').first();
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /چاپگر بلیت/);
    assert.ok(text.includes('نشان (لوگوی) بلیت') && text.includes(`${fa(width!)}×${fa(height!)} نقطه، ${fa(bytes)} بایت`), `the audit trail names the new logo by its size: ${text}`);
    await screenshot(admin, 'admin-logo-audit-fa');

    // The kiosk's next ticket carries it: ink bars at the top of the printed bytes.
    const ticket = await office.api('POST', '/tickets', { body: { serviceId: 'certificate' } });
    const bin = join(office.dataDir, 'printed', `${String(ticket.body.id).replace(/[^\p{L}\p{N}_-]/gu, '_')}.bin`);
    const deadline = Date.now() + 10_000;
    while (!existsSync(bin)) {
      if (Date.now() > deadline) assert.fail(`${bin} did not appear`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const printed = decodeEscPos(readFileSync(bin), 576).image;
    const left = (576 - 160) / 2;
    for (let x = 0; x < 160; x++) assert.equal(getDot(printed, left + x, 10), Math.floor(x / 8) % 2 === 0, `dot ${x} of the logo's row`);
  });

  test('removing the logo asks, removes it, and says so', async () => {
    await admin.locator('nb-admin-app nav button[data-section="printerAudio"]').click();
    await logoForm().locator('button[data-action="remove-logo"]').click();
    await logoForm().locator('.form-message.ok').waitFor();
    await logoForm().locator('[data-no-logo]').waitFor();
    assert.deepEqual(await csp.violations(), [], 'no Content-Security-Policy violation on the way');
  });
});
