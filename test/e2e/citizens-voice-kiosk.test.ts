// The citizens' voice from the visitor's side, in Chromium against a real demo office: a complaint
// typed on the kiosk's own keyboard gets a follow-up code on screen and on a slip whose ESC/POS
// bytes, decoded back, draw that code and its /feedback/<code> QR code (and nothing of the text); the
// code opened on a phone-sized page shows the status and, once a manager has answered, the answer,
// and nothing personal. A public meeting registered at the kiosk gets a number, on screen and slip.
// The ticket's phone page links to filing feedback about that ticket.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { getDot, type Bitmap } from '../../drivers/printer/bitmap.js';
import { QR_MIN_SIDE_DOTS } from '../../drivers/printer/layout.js';
import { renderQrCode } from '../../drivers/printer/qr-render.js';
import { printableWidth } from '../../drivers/printer/render.js';
import { renderTextLine } from '../../drivers/printer/text-render.js';
import { DEMO_PASSWORD } from '../../server/main.js';
import { localClock } from '../../server/time/day.js';
import { decodeEscPos } from '../printer/escpos-decode.js';
import { fa, launchChromium, screenshot } from './lib/browser.js';
import { watchCsp } from './lib/csp.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

const KIOSK = { viewport: { width: 1080, height: 1920 }, hasTouch: true };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const COMPLAINT = 'کارمند پاسخ نداد';
const MOBILE = '۰۹۱۲۳۴۵۶۷۸۹';
const ANSWER = 'با همکارمان صحبت کردیم؛ از شما پوزش می‌خواهیم.';

/** Polls until `path` exists, for what the printer's worker writes; fails after `ms`. */
async function fileAppears(path: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!existsSync(path)) {
    if (Date.now() > deadline) assert.fail(`${path} did not appear within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The rows at which `part` is drawn in `image` with its left edge at `left`; -1 when it is not. */
function rowOf(image: Bitmap, part: Bitmap, left: number): number {
  for (let y = 0; y + part.height <= image.height; y++) {
    let all = true;
    for (let py = 0; py < part.height && all; py++) {
      for (let x = 0; x < part.width && all; x++) all = getDot(image, left + x, y + py) === getDot(part, x, py);
    }
    if (all) return y;
  }
  return -1;
}

const centred = (part: Bitmap) => Math.floor((576 - part.width) / 2);

/** The slip the virtual printer wrote for `id`, decoded from its ESC/POS bytes. */
async function slipOf(office: E2eOffice, id: string): Promise<Bitmap> {
  const bin = join(office.dataDir, 'printed', `${id.replace(/[^\p{L}\p{N}_-]/gu, '_')}.bin`);
  await fileAppears(bin);
  const decoded = decodeEscPos(readFileSync(bin), 576);
  assert.equal(decoded.cuts, 1, 'one slip, one cut');
  return decoded.image;
}

/** Whether the slip prints `text` as the slip's layout sets it (centred, `sizePx` at 576 dots). */
async function printsText(slip: Bitmap, text: string, sizePx: number): Promise<boolean> {
  const line = await renderTextLine({ text, sizePx, bold: true, align: 'centre', maxWidth: printableWidth(576) });
  return rowOf(slip, line, centred(line)) >= 0;
}

const grouped = (code: string) => `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`;

describe('the citizens’ voice at the kiosk and on a phone', () => {
  let browser: Browser;
  let office: E2eOffice;
  let kiosk: BrowserContext;
  let phone: BrowserContext;
  let publicUrl: string;

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice()]);
    kiosk = await browser.newContext(KIOSK);
    phone = await browser.newContext(PHONE);
  });
  after(async () => {
    await kiosk?.close();
    await phone?.close();
    await browser?.close();
    await office?.dispose();
  });

  async function openKiosk(): Promise<{ page: Page; csp: Awaited<ReturnType<typeof watchCsp>> }> {
    const page = await kiosk.newPage();
    page.on('pageerror', (error) => assert.fail(`kiosk page error: ${error.message}`));
    const csp = await watchCsp(page);
    await page.goto(`${office.url}/kiosk`);
    publicUrl = await page.evaluate(() => (JSON.parse(document.getElementById('nb-office')!.textContent!) as { publicUrl: string }).publicUrl);
    return { page, csp };
  }
  const typeOn = async (page: Page, host: string, text: string) => {
    for (const ch of text) await page.locator(`${host} nb-persian-keyboard button[data-key="${ch === ' ' ? 'space' : ch}"]`).tap();
  };

  let filed: { id: string; code: string };

  it('files a complaint typed on the kiosk’s keyboard: the code on screen and on the slip, none of the text', async () => {
    const { page, csp } = await openKiosk();
    await page.locator('nb-voice-tile button[data-voice="feedback"]').tap();
    const form = 'nb-feedback-page';
    for (const choice of ['kind-complaint', 'topic-staff_behaviour', 'service-certificate']) await page.locator(`${form} button[data-choice="${choice}"]`).tap();
    assert.equal(await page.locator(`${form} button[data-choice="topic-staff_behaviour"]`).textContent(), 'رفتار و ادبیات کارکنان');
    await page.getByRole('button', { name: 'ادامه' }).tap();

    await typeOn(page, form, COMPLAINT);
    assert.equal(await page.locator(`${form} textarea`).inputValue(), COMPLAINT, 'typed on the on-screen keys alone');
    await page.getByRole('button', { name: 'ادامه' }).tap();

    await typeOn(page, form, MOBILE);
    assert.equal(await page.locator(`${form} input#mobile`).inputValue(), MOBILE);
    const kept = await page.locator(`${form} .kept`).textContent();
    assert.match(kept!, /۹۰ روز پس از ثبت پاک می‌شود/, 'the statement says how long the number is kept');
    await screenshot(page, 'kiosk-feedback-contact');

    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/feedback') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'ثبت', exact: true }).tap();
    const response = await answer;
    assert.equal(response.status(), 201);
    filed = (await response.json()) as { id: string; code: string };
    assert.match(filed.code, /^\d{10}$/);

    const shown = page.locator('nb-follow-up-code .code');
    assert.equal(await shown.getAttribute('data-code'), filed.code);
    assert.equal(await shown.textContent(), fa(grouped(filed.code)), 'the code large, grouped, in Persian digits');
    await screenshot(page, 'kiosk-feedback-code');

    const slip = await slipOf(office, filed.id);
    const qr = renderQrCode(`${publicUrl}/feedback/${filed.code}`, QR_MIN_SIDE_DOTS);
    assert.ok(rowOf(slip, qr, centred(qr)) >= 0, 'the slip draws the QR code of /feedback/<code>');
    const otherCode = String((Number(filed.code) + 1) % 1e10).padStart(10, '0');
    const other = renderQrCode(`${publicUrl}/feedback/${otherCode}`, QR_MIN_SIDE_DOTS);
    assert.equal(rowOf(slip, other, centred(other)), -1, 'and not that of another code');
    assert.ok(await printsText(slip, fa(grouped(filed.code)), 52), 'the code is printed as text too');
    assert.ok(!(await printsText(slip, COMPLAINT, 22)) && !(await printsText(slip, COMPLAINT, 28)), 'the complaint’s text is not on the slip');

    const stored = (await office.api('GET', '/feedback', { token: await managerToken() })).body as { id: string; topic: string; serviceId: string; text: string }[];
    const item = stored.find((f) => f.id === filed.id);
    assert.deepEqual([item?.topic, item?.serviceId, item?.text], ['staff_behaviour', 'certificate', COMPLAINT]);
    assert.deepEqual(await csp.violations(), []);
    await page.close();
  });

  it('shows the code’s status on a phone, then the manager’s answer, and nothing personal', async () => {
    const page = await phone.newPage();
    page.on('pageerror', (error) => assert.fail(`phone page error: ${error.message}`));
    const csp = await watchCsp(page);
    await page.goto(`${office.url}/feedback/${filed.code}`);
    const status = page.locator('nb-feedback-app .status');
    await status.waitFor();
    assert.equal(await status.getAttribute('data-status'), 'received');
    assert.equal(await status.textContent(), 'دریافت شد و در نوبت رسیدگی است');
    assert.equal(await page.locator('nb-feedback-app .answer').count(), 0);

    const answered = await office.api('POST', `/feedback/${filed.id}/answer`, { token: await managerToken(), body: { text: ANSWER } });
    assert.equal(answered.status, 200);
    await page.getByRole('button', { name: 'به‌روز کردن' }).tap();
    await page.locator('nb-feedback-app .status[data-status="answered"]').waitFor();
    assert.equal(await page.locator('nb-feedback-app .answer p').textContent(), ANSWER);

    const text = await page.locator('nb-feedback-app').evaluate((app) => app.shadowRoot!.textContent ?? '');
    for (const secret of [COMPLAINT, MOBILE, '09123456789', '6789', 'certificate']) assert.ok(!text.includes(secret), `the page shows no "${secret}"`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'fits a phone’s width');
    await screenshot(page, 'phone-feedback-answered');
    assert.deepEqual(await csp.violations(), []);
    await page.close();
  });

  it('registers for today’s public meeting at the kiosk: a number and a code, on screen and on the slip', async () => {
    const token = await managerToken();
    const host = (office.server.db.prepare(`SELECT id FROM users WHERE username = 'manager'`).get() as { id: string }).id;
    const weekday = localClock(Date.now(), 'Asia/Tehran').weekday;
    const session = await office.api('POST', '/meetings', { token, body: { host, weekday, from: '00:00', to: '23:59', place: 'دفتر مدیر' } });
    assert.equal(session.status, 201);

    const { page } = await openKiosk();
    await page.locator('nb-voice-tile button[data-voice="meeting"]').tap();
    await page.locator('nb-meeting-page button[data-choice="reason-request"]').tap();
    await typeOn(page, 'nb-meeting-page', 'پروانه');
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/meetings/${session.body.id}/registrations`));
    await page.getByRole('button', { name: 'ثبت', exact: true }).tap();
    const response = await answer;
    assert.equal(response.status(), 201);
    const registered = (await response.json()) as { id: string; number: string; code: string };
    assert.equal(registered.number, 'M01');
    assert.equal(await page.locator('nb-follow-up-code .number').textContent(), fa('M01'));
    assert.equal(await page.locator('nb-follow-up-code .code').getAttribute('data-code'), registered.code);
    await screenshot(page, 'kiosk-meeting-number');

    const slip = await slipOf(office, registered.id);
    assert.ok(await printsText(slip, fa('M01'), 90), 'the number in the meeting’s line is printed large');
    const qr = renderQrCode(`${publicUrl}/feedback/${registered.code}`, QR_MIN_SIDE_DOTS);
    assert.ok(rowOf(slip, qr, centred(qr)) >= 0, 'with the QR code of its follow-up page');
    const line = (await office.api('GET', `/meetings/${session.body.id}/registrations`, { token })).body as { id: string; reason: string; text: string }[];
    assert.deepEqual(line.map((r) => [r.id, r.reason, r.text]), [[registered.id, 'request', 'پروانه']]);
    await page.close();

    const status = await phone.newPage();
    await status.goto(`${office.url}/feedback/${registered.code}`);
    await status.locator('nb-feedback-app .status[data-status="waiting"]').waitFor();
    assert.match((await status.locator('nb-feedback-app dl').textContent())!, /M۰۱/);
    await status.close();
  });

  it('files feedback about a ticket from its phone page: the ticket’s service comes with it', async () => {
    const ticket = await office.api('POST', '/tickets', { body: { serviceId: 'certificate' } });
    assert.equal(ticket.status, 201);
    const page = await phone.newPage();
    page.on('pageerror', (error) => assert.fail(`phone page error: ${error.message}`));
    await page.goto(`${office.url}/t/${ticket.body.id}`);
    await page.locator('#feedback').tap();
    await page.waitForURL(`**/feedback?ticket=${ticket.body.id}`);
    const about = page.locator('nb-feedback-app .about');
    await about.waitFor();
    assert.equal(await about.getAttribute('data-ticket'), ticket.body.id);
    await page.locator('nb-feedback-app input[value="suggestion"]').check();
    await page.locator('nb-feedback-app select#topic').selectOption('waiting_time');
    await page.locator('nb-feedback-app textarea').fill('صندلی بیشتری بگذارید');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/feedback') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'ثبت', exact: true }).tap();
    const filedHere = (await (await answer).json()) as { id: string; code: string };
    await page.waitForURL(`**/feedback/${filedHere.code}`);
    assert.equal(await page.locator('nb-feedback-app .code').getAttribute('data-code'), filedHere.code);
    const stored = ((await office.api('GET', '/feedback', { token: await managerToken() })).body as { id: string; serviceId: string }[]).find((f) => f.id === filedHere.id);
    assert.equal(stored?.serviceId, 'certificate', 'the service taken from the ticket');
    await page.close();
  });

  let manager: string | undefined;
  async function managerToken(): Promise<string> {
    if (manager) return manager;
    const { status, body } = await office.api('POST', '/auth/login', { body: { username: 'manager', password: DEMO_PASSWORD } });
    assert.equal(status, 200);
    return (manager = body.token as string);
  }
});
