// The administration screen in real Chromium, with the kiosk, display and tracking page open beside
// it on the same real server: each kind of change made in the browser reaches the other screens
// without their reloading (a mark set on each page's window must survive), a bad value is refused
// inline in Persian, a stale form is told who saved first, every change is in the audit trail, and a
// kiosk goes from the pairing code read off the admin screen to working, then to revoked.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { parseOffice } from '../../server/config/load.js';
import { demoOffice } from '../../server/config/demo-office.js';
import { DEMO_PASSWORD } from '../../server/main.js';
import { fa, launchChromium, screenshot } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';
import { pageOpener, signInToManager } from './lib/pages.js';

const LAPTOP = { width: 1366, height: 900 };

async function signInAsAdmin(page: Page, username: string, password: string): Promise<void> {
  await signInToManager(page, username, password);
  await page.locator('nav button[data-tab="config"]').click();
  await page.locator('nb-admin-app nav button[data-section="services"]').waitFor();
}

/** Marks the page so that a reload (which would wipe the mark) fails the test. */
async function mark(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { nbMark: number }).nbMark = 1));
}
async function notReloaded(page: Page): Promise<void> {
  assert.equal(await page.evaluate(() => (window as unknown as { nbMark?: number }).nbMark), 1, 'the page was not reloaded');
}

describe('administration screen with the other screens live beside it', () => {
  let browser: Browser;
  let office: E2eOffice;
  const { open, contexts } = pageOpener(() => browser, () => office.url);
  let admin: Page;
  let kiosk: Page;
  let display: Page;

  const serviceForm = (id: string) => admin.locator(`nb-admin-services .row[data-service="${id}"] button`);
  const form = () => admin.locator('nb-admin-service-form form');

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice({ virtualKeypads: false })]);
    admin = await open('/manager');
    await signInAsAdmin(admin, 'admin', DEMO_PASSWORD);
    kiosk = await open('/kiosk', { width: 1080, height: 1920 });
    await kiosk.locator('nb-service-tile button[data-service="certificate"]').waitFor();
    display = await open('/display', { width: 1920, height: 1080 });
    await display.locator('nb-service-lines tr[data-service="certificate"]').waitFor();
    for (const page of [kiosk, display]) await mark(page);
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await office?.dispose();
  });

  test('renaming a service shows the new name on the open kiosk and display, without reloading', async () => {
    await admin.locator('nb-admin-services .row[data-service="certificate"]').waitFor();
    await screenshot(admin, 'admin-services-fa');
    await serviceForm('certificate').click();
    await form().locator('input[name="name"]').fill('گواهی‌های ملکی');
    await form().locator('button[type="submit"]').click();
    await admin.locator('nb-admin-service-form .form-message.ok').waitFor();
    await kiosk.locator('nb-service-tile button[data-service="certificate"]', { hasText: 'گواهی‌های ملکی' }).waitFor({ timeout: 2000 });
    await display.locator('nb-service-lines tr[data-service="certificate"]', { hasText: 'گواهی‌های ملکی' }).waitFor({ timeout: 2000 });
    await notReloaded(kiosk);
    await notReloaded(display);
    await screenshot(kiosk, 'admin-live-kiosk-renamed');
  });

  test('a prefix another service uses is refused under the field, in Persian, and nothing is saved', async () => {
    await serviceForm('payment').click();
    await form().locator('input[name="prefix"]').fill('1');
    await form().locator('button[type="submit"]').click();
    const message = admin.locator('nb-admin-service-form [data-error-for="prefix"]');
    await message.waitFor();
    assert.match(await message.innerText(), /پیشوند «1» را خدمت «گواهی‌های ملکی» دارد/);
    await screenshot(admin, 'admin-validation-prefix-fa');
    const services = (await office.api('GET', '/services')).body as Array<{ id: string; prefix: string }>;
    assert.equal(services.find((s) => s.id === 'payment')?.prefix, '2');
  });

  test('a form saved after another admin changed the same service is refused, naming them', async () => {
    await office.server.accounts.addUser({ username: 'admin2', name: 'مدیر دوم', role: 'admin', password: 'second-admin-pw' });
    await serviceForm('request').click();
    await form().locator('input[name="targetWaitMinutes"]').fill('40');
    const other = (await office.api('POST', '/auth/login', { body: { username: 'admin2', password: 'second-admin-pw' } })).body.token as string;
    const { body } = await office.api('GET', '/admin/config', { token: other });
    const request = body.config.services.find((s: { id: string }) => s.id === 'request');
    assert.equal((await office.api('PUT', '/admin/services/request', { token: other, body: { ...request, targetWaitMinutes: 25, version: body.versions['service:request'] } })).status, 200);
    await form().locator('button[type="submit"]').click();
    const conflict = admin.locator('nb-admin-service-form .form-message[role="alert"]');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /«مدیر دوم».*تغییر شما ذخیره نشد/);
    await screenshot(admin, 'admin-conflict-fa');
    await conflict.locator('button').click();
    // The shell fetches the latest configuration and the form takes it: wait for the field to show it.
    // (A function with no named function inside, which the test's TypeScript loader would wrap in a
    // helper the page lacks; and not a string, which the page's CSP forbids evaluating.)
    await admin.waitForFunction(() => {
      const roots: Array<Document | ShadowRoot> = [document];
      for (let root = roots.pop(); root; root = roots.pop()) {
        const field = root.querySelector('nb-admin-service-form')?.shadowRoot?.querySelector<HTMLInputElement>('input[name="targetWaitMinutes"]');
        if (field) return field.value === '25';
        for (const element of root.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
      }
      return false;
    });
    assert.equal(await form().locator('input[name="targetWaitMinutes"]').inputValue(), '25');
  });

  test('closing a service hides it on the kiosk; its waiting ticket stays valid, is said so on the phone, and is called', async () => {
    const { body: ticket } = await office.api('POST', '/tickets', { body: { serviceId: 'contractor' } });
    const phone = await open(`/t/${ticket.id}`, { width: 390, height: 844 });
    await phone.locator('#status', { hasText: 'در صف انتظار' }).waitFor();
    await serviceForm('contractor').click();
    await form().locator('input[name="active"]').uncheck();
    await form().locator('button[type="submit"]').click();
    await admin.locator('nb-admin-service-form .form-message.ok').waitFor();
    await kiosk.locator('nb-service-tile button[data-service="contractor"]').waitFor({ state: 'detached', timeout: 2000 });
    await phone.locator('#service-closed').waitFor({ state: 'visible', timeout: 2000 });
    await display.locator('nb-service-lines tr[data-service="contractor"] .wait', { hasText: 'نوبت تازه داده نمی‌شود' }).waitFor({ timeout: 2000 });
    await notReloaded(kiosk);
    await screenshot(phone, 'admin-closed-service-phone');
    await screenshot(display, 'admin-closed-service-display');
    const staff = await office.login('staff4', 'desk-4');
    const called = await office.api('POST', '/desks/desk-4/call', { token: staff, body: { ticketId: ticket.id } });
    assert.equal(called.status, 200);
    await phone.locator('#status', { hasText: 'باجهٔ ۴' }).waitFor();
  });

  test('a new announcement and charter reach the display without reloading', async () => {
    await admin.locator('nb-admin-app nav button[data-section="office"]').click();
    const board = admin.locator('nb-admin-board-form form');
    await board.locator('textarea[name="announcements"]').fill('ساعت کار امروز تا ۱۳ است.');
    await board.locator('button[type="submit"]').click();
    await admin.locator('nb-admin-board-form .form-message.ok').waitFor();
    await display.locator('nb-ticker', { hasText: 'ساعت کار امروز تا ۱۳ است.' }).waitFor({ timeout: 2000 });
    await notReloaded(display);
    await screenshot(admin, 'admin-office-fa');
    await screenshot(display, 'admin-live-display-announcement');
  });

  test('a desk’s workprofile cannot name a service that leaves waiting tickets uncalled', async () => {
    await office.api('POST', '/tickets', { body: { serviceId: 'complaint' } });
    await admin.locator('nb-admin-app nav button[data-section="desks"]').click();
    // Desks 1 and 4 call «complaint»; with desk 4 dropping it the ticket is still callable at desk 1.
    await admin.locator('nb-admin-desks .row[data-desk="desk-1"] button').click();
    const deskForm = admin.locator('nb-admin-desk-form form');
    await deskForm.locator('input[name="services"][value="complaint"]').uncheck();
    await deskForm.locator('button[type="submit"]').click();
    await admin.locator('nb-admin-desk-form .form-message.ok').waitFor();
    await admin.locator('nb-admin-desks .row[data-desk="desk-4"] button').click();
    await deskForm.locator('input[name="services"][value="complaint"]').uncheck();
    await deskForm.locator('button[type="submit"]').click();
    const refused = admin.locator('nb-admin-desk-form .form-message[role="alert"]');
    await refused.waitFor();
    assert.match(await refused.innerText(), /خدمت «پاسخ به شکایات» در فهرست کار هیچ باجه‌ای نیست/);
    await screenshot(admin, 'admin-desk-stranded-fa');
  });

  test('the audit trail shows each change with who, when, before and after', async () => {
    await admin.locator('nb-admin-app nav button[data-section="audit"]').click();
    const rows = admin.locator('nb-admin-audit tbody tr');
    await rows.first().waitFor();
    const text = await admin.locator('nb-admin-audit table').innerText();
    assert.match(text, /مدیر سامانه/);
    assert.match(text, /مدیر دوم/);
    assert.match(text, /صدور گواهی\s*←\s*گواهی‌های ملکی/);
    assert.match(text, /ساعت کار امروز تا ۱۳ است/);
    // Refused changes left nothing: rename, conflict winner, close, announcements, desk-1.
    assert.equal(await rows.count(), 5);
    await screenshot(admin, 'admin-audit-fa');
  });
});

describe('pairing a kiosk from the administration screen, and revoking it', () => {
  let browser: Browser;
  let office: E2eOffice;

  before(async () => {
    const config = parseOffice({ ...demoOffice, users: [{ username: 'chief', name: 'رئیس دفتر', role: 'admin', password: 'chief-password' }] }, 'test office');
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice({ config, virtualKeypads: false })]);
  });
  after(async () => {
    await browser?.close();
    await office?.dispose();
  });

  test('code on the admin screen → paired kiosk issuing tickets → revoked, on its open page', async () => {
    const admin = await browser.newPage({ viewport: LAPTOP });
    admin.on('dialog', (dialog) => void dialog.accept());
    await admin.goto(`${office.url}/manager`);
    await signInAsAdmin(admin, 'chief', 'chief-password');
    await admin.locator('nb-admin-app nav button[data-section="devices"]').click();
    const add = admin.locator('nb-admin-devices form');
    await add.locator('select[name="kind"]').selectOption('kiosk');
    await add.locator('input[name="name"]').fill('کیوسک ورودی');
    await add.locator('button[type="submit"]').click();
    const code = await admin.locator('nb-admin-devices [data-pairing-code]').getAttribute('data-pairing-code');
    assert.match(code ?? '', /^\d{8}$/);
    // Read off the Persian screen in Persian digits, and typed into the kiosk just as read.
    const shown = await admin.locator('nb-admin-devices [data-pairing-code]').innerText();
    assert.equal(shown, fa(code!));
    await admin.locator('nb-admin-devices tbody tr .state', { hasText: 'در انتظار کد' }).waitFor();
    await screenshot(admin, 'admin-devices-code-fa');

    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    kiosk.on('pageerror', (error) => assert.fail(`kiosk page error: ${error.message}`));
    await kiosk.goto(`${office.url}/kiosk`);
    await kiosk.locator('nb-pairing-page input[name="code"]').fill(shown);
    await kiosk.locator('nb-pairing-page button[type="submit"]').click();
    await kiosk.locator('nb-service-tile button[data-service="payment"]').click();
    const answer = kiosk.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
    await kiosk.getByRole('button', { name: 'گرفتن نوبت' }).click();
    assert.equal((await answer).status(), 201);

    await admin.locator('nb-admin-app nav button[data-section="devices"]').click();
    const row = admin.locator('nb-admin-devices tbody tr', { hasText: 'کیوسک ورودی' });
    await row.locator('.state', { hasText: 'جفت‌شده' }).waitFor();
    assert.doesNotMatch(await row.locator('.last-contact').innerText(), /هرگز/);
    await row.locator('button.danger').click();
    await row.locator('.state', { hasText: 'باطل‌شده' }).waitFor();
    // The open kiosk loses its connection at once and asks for a code again.
    await kiosk.locator('nb-pairing-page input[name="code"]').waitFor({ timeout: 5000 });
    await screenshot(kiosk, 'admin-revoked-kiosk');
    const stored = office.server.db.prepare(`SELECT COUNT(*) AS n FROM devices WHERE revoked_at IS NOT NULL`).get() as { n: number };
    assert.equal(stored.n, 1);
  });
});
