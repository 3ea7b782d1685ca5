// The service form's opening hours and English guidance in real Chromium, with a kiosk open beside it
// on the same server, whose clock the test moves by hand (Sunday 09:30 in Tehran): hours typed in
// Persian digits, refused inline in Persian when a span ends before it starts or overlaps another,
// and once saved the kiosk shows the service closed or open as the clock passes its spans, without
// reloading; English texts typed in the form's English section appear on the kiosk in English.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/main.js';
import { MORNING } from '../integration/lib/office-server.js';
import { launchChromium, screenshot } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';
import { pageOpener, signInToManager } from './lib/pages.js';

describe('service form: opening hours and English guidance, live on the kiosk', () => {
  let browser: Browser;
  let office: E2eOffice;
  let now = MORNING;
  const { open, contexts } = pageOpener(() => browser, () => office.url);
  let admin: Page;
  let kiosk: Page;
  let adminToken: string;

  const form = () => admin.locator('nb-admin-service-form form');
  const day = (name: string) => admin.locator(`nb-admin-hours .day[data-day="${name}"]`);
  const openForm = async (id: string) => {
    await admin.locator('nb-admin-app nav button[data-section="services"]').click();
    await admin.locator(`nb-admin-services .row[data-service="${id}"] button`).click();
  };
  const requestService = async () => ((await office.api('GET', '/admin/config', { token: adminToken })).body.config.services as Array<{ id: string; hours?: unknown }>).find((s) => s.id === 'request')!;
  const tile = (id: string) => kiosk.locator(`nb-service-tile button[data-service="${id}"]`);

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice({ clock: () => now, virtualKeypads: false })]);
    adminToken = (await office.api('POST', '/auth/login', { body: { username: 'admin', password: DEMO_PASSWORD } })).body.token as string;
    admin = await open('/manager');
    await signInToManager(admin, 'admin', DEMO_PASSWORD);
    await admin.locator('nav button[data-tab="config"]').click();
    kiosk = await open('/kiosk', { width: 1080, height: 1920 });
    await tile('request').waitFor();
    await kiosk.evaluate(() => ((window as unknown as { nbMark: number }).nbMark = 1));
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await office?.dispose();
  });

  test('hours of its own, typed in Persian digits; a reversed or overlapping span is refused in Persian and nothing is saved', async () => {
    await openForm('request');
    await form().locator('nb-admin-hours input[value="own"]').check();
    await day('sun').locator('input[name="open"]').check();
    // A new open day offers the office's usual span, in Persian digits.
    assert.equal(await day('sun').locator('[data-span="0"] input[name="from"]').inputValue(), '۰۷:۳۰');
    await day('sun').locator('[data-span="0"] input[name="from"]').fill('۱۰:۰۰');
    await day('sun').locator('[data-span="0"] input[name="to"]').fill('۱۲:۰۰');
    await day('sun').locator('[data-add-span]').click();
    await day('sun').locator('[data-span="1"] input[name="from"]').fill('11:30');
    await day('sun').locator('[data-span="1"] input[name="to"]').fill('۱۴:۰۰');
    await day('mon').locator('input[name="open"]').check();
    await day('mon').locator('[data-span="0"] input[name="from"]').fill('١٢:٠٠');
    await day('mon').locator('[data-span="0"] input[name="to"]').fill('10:00');
    await form().locator('button[type="submit"]').click();
    assert.match(await day('sun').locator('[role="alert"]').innerText(), /یکشنبه: بازهٔ ۱۰:۰۰–۱۲:۰۰ و بازهٔ ۱۱:۳۰–۱۴:۰۰ روی هم افتاده‌اند/);
    assert.match(await day('mon').locator('[role="alert"]').innerText(), /دوشنبه، بازهٔ ۱: ساعت شروع باید پیش از ساعت پایان باشد/);
    await screenshot(admin, 'admin-service-hours-refused-fa');
    assert.equal((await requestService()).hours, undefined, 'nothing was saved');

    await day('sun').locator('[data-span="1"] input[name="from"]').fill('۱۳:۰۰');
    await day('mon').locator('input[name="open"]').uncheck();
    await form().locator('button[type="submit"]').click();
    await admin.locator('nb-admin-service-form .form-message.ok').waitFor();
    assert.deepEqual((await requestService()).hours, { alwaysOpen: false, week: { sun: [{ from: '10:00', to: '12:00' }, { from: '13:00', to: '14:00' }] } });
    await screenshot(admin, 'admin-service-hours-fa');
  });

  test('the kiosk shows the service closed at 09:30, open from 10:00, closed again between its spans, without reloading', async () => {
    await kiosk.locator('nb-service-tile button.closed[data-service="request"]').waitFor({ timeout: 2000 });
    now = MORNING + 30 * 60_000;
    await kiosk.locator('nb-service-tile button:not(.closed)[data-service="request"]').waitFor({ timeout: 2000 });
    assert.equal((await office.api('POST', '/tickets', { body: { serviceId: 'request' } })).status, 201);
    now = MORNING + 3 * 3600_000;
    await kiosk.locator('nb-service-tile button.closed[data-service="request"]').waitFor({ timeout: 2000 });
    const refused = await office.api('POST', '/tickets', { body: { serviceId: 'request' } });
    assert.deepEqual([refused.status, refused.body.error.code], [409, 'office_closed']);
    await screenshot(kiosk, 'admin-service-hours-kiosk-closed');
    // Back to the office's hours (always open in the demo): open again at once.
    await openForm('request');
    assert.equal(await day('sun').locator('[data-span="1"] input[name="from"]').inputValue(), '۱۳:۰۰', 'saved hours come back in Persian digits');
    await form().locator('nb-admin-hours input[value="office"]').check();
    await form().locator('button[type="submit"]').click();
    await admin.locator('nb-admin-service-form .form-message.ok').waitFor();
    await kiosk.locator('nb-service-tile button:not(.closed)[data-service="request"]').waitFor({ timeout: 2000 });
    assert.equal((await requestService()).hours, undefined);
    assert.equal(await kiosk.evaluate(() => (window as unknown as { nbMark?: number }).nbMark), 1, 'the kiosk was not reloaded');
  });

  test('English guidance typed in the English section shows on the kiosk in English', async () => {
    await kiosk.locator('button.lang').click();
    await tile('payment').click();
    await kiosk.locator('nb-service-page h2').waitFor();
    await openForm('payment');
    const english = form().locator('details.english');
    await english.locator('summary').click();
    const description = english.locator('textarea[name="guidance.descriptionEn"]');
    assert.equal(await description.getAttribute('dir'), 'ltr');
    await description.fill('Pay the fees of any service here, by card.');
    await english.locator('textarea[name="guidance.documentsEn"]').fill('Bank card\nThe bill or its number');
    await english.locator('input[name="guidance.legalBasisEn"]').fill('Fees Act of 1373');
    await screenshot(admin, 'admin-service-english-fa');
    await form().locator('button[type="submit"]').click();
    await admin.locator('nb-admin-service-form .form-message.ok').waitFor();
    const page = kiosk.locator('nb-service-page');
    await page.locator('p', { hasText: 'Pay the fees of any service here, by card.' }).waitFor({ timeout: 2000 });
    assert.deepEqual(await page.locator('ul li').allInnerTexts(), ['Bank card', 'The bill or its number']);
    await page.locator('p', { hasText: 'Fees Act of 1373' }).waitFor();
    await screenshot(kiosk, 'admin-service-english-kiosk');
    const saved = (await office.api('GET', '/services')).body.find((s: { id: string }) => s.id === 'payment');
    assert.equal(saved.guidance.descriptionEn, 'Pay the fees of any service here, by card.');
    assert.ok(saved.guidance.description.length > 0, 'the Persian text is kept');
  });

  test('the audit trail names each change in Persian (English on the English screen), with the Jalali date and who', async () => {
    await admin.locator('nb-admin-app nav button[data-section="audit"]').click();
    const row = admin.locator('nb-admin-audit tbody tr', { hasText: 'ساعت کاری: همان ساعت کاری اداره ← یکشنبه ۱۰:۰۰–۱۲:۰۰ و ۱۳:۰۰–۱۴:۰۰' });
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /خدمت\s+request\s+— ویرایش/);
    assert.match(text, /مدیر سامانه/);
    assert.match(text, /۱۴۰۵\/۹\/۱/, 'the Jalali date of the change');
    assert.doesNotMatch(text, /[0-9]/, 'no Latin digit on the Persian screen');
    const english = await admin.locator('nb-admin-audit tbody tr', { hasText: 'Pay the fees' }).innerText();
    assert.match(english, /راهنما › شرح خدمت به انگلیسی: Working out and paying municipal duties.*… ← Pay the fees of any service here, by card\./);
    assert.match(english, /مدارک لازم به انگلیسی: National ID card، .* ← Bank card، The bill or its number/);
    await screenshot(admin, 'admin-audit-labels-fa');
    await admin.locator('nb-manager-app header button.lang').click();
    await admin.locator('nb-admin-audit tbody tr', { hasText: "Opening hours: The office's opening hours → Sunday 10:00–12:00 and 13:00–14:00" }).waitFor();
    assert.match(await admin.locator('nb-admin-audit tbody tr', { hasText: 'Pay the fees' }).innerText(), /Guidance › Description in English: Working out .* → Pay the fees/);
    await screenshot(admin, 'admin-audit-labels-en');
  });
  test('a new service is added with the desks that serve it, in one step', async () => {
    await admin.locator('nb-admin-app nav button[data-section="services"]').click();
    await admin.locator('nb-admin-services > button.secondary').click();
    for (const [name, value] of [['id', 'visa'], ['name', 'روادید'], ['nameEn', 'Visas'], ['code', 'VISA'], ['prefix', '8'], ['guidance.description', 'درخواست روادید']]) {
      await form().locator(`[name="${name}"]`).fill(value!);
    }
    await form().locator('fieldset[data-field="deskIds"] input[value="desk-2"]').check();
    await form().locator('button[type="submit"]').click();
    await admin.locator('nb-admin-service-form .form-message.ok').waitFor();
    const desks = (await office.api('GET', '/admin/config', { token: adminToken })).body.config.desks as Array<{ id: string; services: string[] }>;
    assert.deepEqual(desks.filter((d) => d.services.includes('visa')).map((d) => d.id), ['desk-2']);
  });
});
