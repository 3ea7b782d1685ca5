// The kiosk's screens in a real browser against a real demo-office server, for the people who use
// them: the on-screen QR code names the address the slip names (never the kiosk browser's own
// localhost), and follows an admin's change of it; Persian guidance on the English screen reads
// right to left; on a portrait and a landscape full-HD kiosk the text is large and dark, wraps
// instead of being cut, and the tiles fill the screen; the ticket screen says to take the slip; the
// kiosk warns, counting down, before it starts over, and each new screen's heading takes the focus.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { DEMO_PASSWORD } from '../../server/main.js';
import { launchChromium, screenshot } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };
const FEES_FA = '۵۰۰٬۰۰۰ ریال در سال';

/** The element that has the focus, through shadow roots: its tag and text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element ? `${element.localName}: ${element.textContent?.trim()}` : '';
  });
}

/** WCAG contrast of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = colour.match(/[\d.]+/g)!.slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('kiosk screens', () => {
  let browser: Browser;
  let office: E2eOffice;
  let admin: string;

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice()]);
    admin = (await office.api('POST', '/auth/login', { body: { username: 'admin', password: DEMO_PASSWORD } })).body.token as string;
    // An office that wrote the fees of one service in Persian only.
    const { body } = await office.api('GET', '/admin/config', { token: admin });
    const certificate = body.config.services.find((s: { id: string }) => s.id === 'certificate');
    const { feesEn: _feesEn, ...guidance } = certificate.guidance;
    const saved = await office.api('PUT', '/admin/services/certificate', { token: admin, body: { ...certificate, guidance: { ...guidance, fees: FEES_FA }, version: body.versions['service:certificate'] } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
  });
  after(async () => {
    await browser?.close();
    await office?.dispose();
  });

  const openKiosk = async (viewport = LANDSCAPE): Promise<Page> => {
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (error) => assert.fail(`kiosk page error: ${error.message}`));
    await page.goto(`${office.url}/kiosk`);
    await page.locator('nb-service-tile button[data-service="certificate"]').waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  };
  const takeTicket = async (page: Page): Promise<string> => {
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
    await page.locator('nb-service-page button.take').click();
    const { id } = (await (await answer).json()) as { id: string };
    await page.locator('nb-ticket-view canvas').waitFor();
    return id;
  };
  /** Whether the on-screen QR code draws exactly the code of `url`, module by module. */
  const qrShows = async (page: Page, url: string): Promise<boolean> => {
    const { size, data } = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
    const expected = Array.from(data, (dark) => (dark ? 1 : 0)).join('');
    const drawn = await page.locator('nb-ticket-view canvas').evaluate((canvas: HTMLCanvasElement, n: number) => {
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const scale = canvas.width / (n + 2); // a margin of one module on each side
      let bits = '';
      for (let row = 0; row < n; row++) {
        for (let col = 0; col < n; col++) {
          const x = Math.floor((col + 1.5) * scale);
          const y = Math.floor((row + 1.5) * scale);
          bits += pixels[(y * canvas.width + x) * 4]! < 128 ? '1' : '0';
        }
      }
      return bits;
    }, size);
    return drawn === expected;
  };

  test('the on-screen QR code names the address the slip names, not the kiosk browser’s own, and follows an admin’s change', async () => {
    const page = await openKiosk();
    await page.locator('nb-service-tile button[data-service="payment"]').click();
    const first = await takeTicket(page);
    const lan = office.server.publicUrl();
    assert.ok(await qrShows(page, `${lan}/t/${first}`), `the QR code names ${lan}`);
    assert.equal(await qrShows(page, `${office.url}/t/${first}`), false, 'not the address the kiosk browser opened');

    // An admin sets the address phones use; the kiosk hears it without reloading.
    const { body } = await office.api('GET', '/admin/config', { token: admin });
    const publicUrl = 'http://nobat.example.ir:8080';
    const saved = await office.api('PUT', '/admin/office', { token: admin, body: { version: body.versions.office, name: body.config.name, nameEn: body.config.nameEn, hours: body.config.hours, policy: body.config.policy, publicUrl } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(office.server.publicUrl(), publicUrl, 'the slip names it');
    await page.getByRole('button', { name: 'تمام' }).click();
    await page.locator('nb-service-tile button[data-service="payment"]').click();
    const second = await takeTicket(page);
    assert.ok(await qrShows(page, `${publicUrl}/t/${second}`), 'the QR code names the new address');
    await page.close();
  });

  test('Persian guidance on the English screen reads right to left; English text left to right', async () => {
    const page = await openKiosk();
    await page.locator('header button.lang').click();
    await page.locator('nb-service-tile button[data-service="certificate"]').click();
    const fees = page.locator('nb-service-page p', { hasText: FEES_FA });
    await fees.waitFor();
    assert.equal(await fees.evaluate((el) => getComputedStyle(el).direction), 'rtl', 'the Persian fees, right to left');
    const description = page.locator('nb-service-page section p').first();
    assert.equal(await description.evaluate((el) => getComputedStyle(el).direction), 'ltr');
    // Laid out right to left, the line starts at the right: «۵۰۰٬۰۰۰» is the rightmost word.
    const box = (await fees.boundingBox())!;
    const text = await fees.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const rect = range.getBoundingClientRect();
      return { right: rect.right };
    });
    assert.ok(Math.abs(box.x + box.width - text.right) < 2, 'the Persian line is set from the right edge');
    await screenshot(page, 'kiosk-service-en-persian-fees');
    await page.close();
  });

  for (const viewport of [PORTRAIT, LANDSCAPE]) {
    const size = `${viewport.width}×${viewport.height}`;
    test(`at ${size} the text is large, dark and whole, and the tiles fill the screen`, async () => {
      const page = await openKiosk(viewport);
      // The services' tiles and, in an office that takes bookings, the tile for checking one in.
      const tiles = await page.locator('nb-service-tile button, nb-checkin-tile button').all();
      const lastBottom = Math.max(...(await Promise.all(tiles.map(async (t) => { const b = (await t.boundingBox())!; return b.y + b.height; }))));
      assert.ok(lastBottom >= viewport.height * 0.85, `the tiles end at ${Math.round(lastBottom)} px of ${viewport.height}`);
      for (const about of await page.locator('nb-service-tile .about').all()) {
        const style = await about.evaluate((el) => {
          const s = getComputedStyle(el);
          return { size: parseFloat(s.fontSize), colour: s.color, clipped: el.scrollWidth > el.clientWidth + 1 || s.textOverflow === 'ellipsis' };
        });
        assert.ok(style.size >= 20, `a tile's text is ${style.size} px`);
        assert.ok(contrast(style.colour, 'rgb(255, 255, 255)') >= 7, `a tile's text contrast is ${contrast(style.colour, 'rgb(255, 255, 255)').toFixed(1)}`);
        assert.equal(style.clipped, false, 'no tile text is cut');
      }
      await screenshot(page, `kiosk-home-${viewport.width}x${viewport.height}`);

      await page.locator('nb-service-tile button[data-service="request"]').click();
      await page.locator('nb-service-page li').first().waitFor();
      for (const text of await page.locator('nb-service-page section p, nb-service-page section li').all()) {
        const px = await text.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        assert.ok(px >= 22, `guidance text is ${px} px`);
      }
      const take = (await page.locator('nb-service-page button.take').boundingBox())!;
      assert.ok(take.y + take.height <= viewport.height, 'the ticket button is on the screen without scrolling');
      await screenshot(page, `kiosk-service-${viewport.width}x${viewport.height}`);
      await page.close();
    });
  }

  test('the ticket screen says to take the slip; each new screen’s heading takes the focus', async () => {
    const page = await openKiosk(PORTRAIT);
    await page.locator('nb-service-tile button[data-service="payment"]').click();
    await page.waitForFunction(() => document.activeElement?.localName === 'nb-kiosk-app');
    assert.match(await focused(page), /^h2: پرداخت عوارض/);
    await takeTicket(page);
    await page.locator('nb-ticket-view .take-slip', { hasText: 'برگهٔ نوبت خود را از چاپگر بردارید' }).waitFor();
    assert.match(await focused(page), /^h2: شمارهٔ نوبت شما/);
    await screenshot(page, 'kiosk-ticket-1080x1920');
    await page.getByRole('button', { name: 'تمام' }).click();
    await page.locator('nb-service-tile button').first().waitFor();
    assert.match(await focused(page), /^h2: خدمت مورد نظر خود را انتخاب کنید/);
    await page.getByRole('button', { name: 'منشور حقوق شهروندی' }).click();
    await page.locator('nb-charter-page h2').waitFor();
    assert.match(await focused(page), /^h2: منشور حقوق شهروندی/);
    await page.close();
  });

  test('before an idle reset the kiosk counts down with a button to stay; staying keeps the screen', async () => {
    const page = await browser.newPage({ viewport: LANDSCAPE });
    page.on('pageerror', (error) => assert.fail(`kiosk page error: ${error.message}`));
    await page.clock.install();
    await page.goto(`${office.url}/kiosk`);
    await page.locator('nb-service-tile button[data-service="request"]').click();
    await page.locator('nb-service-page h3').first().waitFor();
    await page.clock.fastForward(44_000);
    assert.equal(await page.locator('nb-idle-warning').count(), 0, 'no warning while the visitor may still be reading');
    await page.clock.fastForward(2_000);
    const warning = page.locator('nb-idle-warning [role="alertdialog"]');
    await warning.waitFor();
    await page.locator('nb-idle-warning .count', { hasText: '۱۴' }).waitFor();
    await page.clock.fastForward(5_000);
    await page.locator('nb-idle-warning .count', { hasText: '۹' }).waitFor();
    assert.match(await focused(page), /^button: ادامه می‌دهم/, 'the stay button has the focus');
    await screenshot(page, 'kiosk-idle-warning');
    await page.getByRole('button', { name: 'ادامه می‌دهم' }).click();
    await page.locator('nb-idle-warning').waitFor({ state: 'detached' });
    await page.clock.fastForward(30_000);
    assert.equal(await page.locator('nb-service-page').count(), 1, 'staying kept the screen');
    await page.clock.fastForward(31_000);
    await page.locator('.lead', { hasText: 'خدمت مورد نظر خود را انتخاب کنید' }).waitFor();
    assert.equal(await page.locator('nb-idle-warning').count(), 0);
    await page.close();
  });
});
