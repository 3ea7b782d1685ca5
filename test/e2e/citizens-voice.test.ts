// The citizens' voice end to end, in one Chromium against one real demo office whose clock the test
// moves. A complaint typed on the kiosk's own keyboard (its first answer lost by the network, the
// retry filing nothing twice) gets a follow-up code on screen and on a slip
// whose ESC/POS bytes, decoded back, draw that code and its /feedback/<code> QR code (and nothing of
// the text); the code opened on a phone shows the status; in the manager's inbox the complaint passes
// the target answer time an admin set (said on the item, raised as an alert), is assigned and answered
// (an item filed meanwhile appears there by itself),
// and the phone reads the answer back, with nothing personal on it. A public-meeting session set on
// the meetings screen (warned as under two hours a week) opens the kiosk's meeting tile; the citizen
// registered there is called to the display from the manager's screen (and called again), the result is recorded with a
// follow-up that is then closed, and the citizen answers the satisfaction question on the phone. The printable report and the indicators workbook show indicators 12,
// 19, 20, 22 and 23 computed from exactly that.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { getDot, type Bitmap } from '../../drivers/printer/bitmap.js';
import { QR_MIN_SIDE_DOTS } from '../../drivers/printer/layout.js';
import { renderQrCode } from '../../drivers/printer/qr-render.js';
import { printableWidth } from '../../drivers/printer/render.js';
import { renderTextLine } from '../../drivers/printer/text-render.js';
import { DEMO_PASSWORD } from '../../server/main.js';
import { localClock, serviceDay } from '../../server/time/day.js';
import { MORNING } from '../integration/lib/office-server.js';
import { decodeEscPos } from '../printer/escpos-decode.js';
import { fa, launchChromium, screenshot } from './lib/browser.js';
import { watchCsp } from './lib/csp.js';
import { pageOpener, signInToManager } from './lib/pages.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

const TIME_ZONE = 'Asia/Tehran';
const KIOSK = { viewport: { width: 1080, height: 1920 }, hasTouch: true };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const COMPLAINT = 'کارمند پاسخ نداد';
const MOBILE = '۰۹۱۲۳۴۵۶۷۸۹';
const ANSWER = 'با همکارمان صحبت کردیم؛ از شما پوزش می‌خواهیم.';
const clockText = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const grouped = (code: string) => `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`;

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

describe('the citizens’ voice: kiosk, phone, manager screen, display and report', () => {
  let browser: Browser;
  let office: E2eOffice;
  let now = MORNING;
  const pages = pageOpener(() => browser, () => office.url);
  let kiosk: BrowserContext;
  let phone: BrowserContext;
  let manager: Page;
  let managerToken: string;
  let publicUrl: string;
  let filed: { id: string; code: string };
  let phonePage: Page;

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice({ clock: () => now, tickMs: 250, virtualKeypads: false })]);
    kiosk = await browser.newContext(KIOSK);
    phone = await browser.newContext(PHONE);
    await office.server.accounts.addUser({ username: 'admin1', name: 'مدیر سامانه', role: 'admin', password: 'admin-pass-1' });
    managerToken = (await office.api('POST', '/auth/login', { body: { username: 'manager', password: DEMO_PASSWORD } })).body.token;
  });
  after(async () => {
    for (const context of [kiosk, phone, ...pages.contexts]) await context?.close();
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

  test('an admin sets the complaints’ target answer time in the configuration tab', async () => {
    const page = await pages.open('/manager');
    await signInToManager(page, 'admin1', 'admin-pass-1');
    await page.locator('nav button[data-tab="config"]').click();
    await page.locator('nb-admin-app nav button[data-section="voice"]').click();
    const form = page.locator('nb-admin-voice-form');
    await form.locator('input[name="voice.answerTargetHours.complaint"]').fill('1');
    await form.locator('input[name="voice.topics.6.id"]').fill('parking');
    await form.locator('input[name="voice.topics.6.name"]').fill('پارکینگ');
    await form.locator('button[type="submit"]').click();
    await form.locator('.form-message.ok').waitFor();
    const { body } = await office.api('GET', '/feedback/topics');
    assert.deepEqual(body.topics.map((t: { id: string }) => t.id).slice(-2), ['other', 'parking']);
    const config = (await office.api('GET', '/admin/config', { token: managerToken })).body.config;
    assert.equal(config.voice.answerTargetHours.complaint, 1);
    const audit = (await office.api('GET', '/admin/audit?entity=voice', { token: managerToken })).body.entries;
    assert.equal(audit.length, 1);
  });

  test('a complaint typed on the kiosk’s keyboard: the code on screen and on the slip, none of the text', async () => {
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
    assert.match((await page.locator(`${form} .kept`).textContent())!, /۹۰ روز پس از ثبت پاک می‌شود/, 'the statement says how long the number is kept');
    await screenshot(page, 'kiosk-feedback-contact');

    // The network drops the first answer after the server has filed it: the kiosk asks again with the same key.
    const keys: string[] = [];
    await page.route('**/api/v1/feedback', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length > 1) return route.continue();
      assert.equal((await route.fetch()).status(), 201);
      return route.abort('connectionreset');
    });
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/feedback') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'ثبت', exact: true }).tap();
    const response = await answer;
    assert.equal(response.status(), 201);
    assert.equal(response.headers()['idempotent-replayed'], 'true');
    assert.deepEqual([keys.length, keys[1]], [2, keys[0]], 'the retry sent the same Idempotency-Key');
    filed = (await response.json()) as { id: string; code: string };
    assert.match(filed.code, /^\d{10}$/);
    assert.deepEqual(office.server.db.prepare(`SELECT id FROM feedback`).all(), [{ id: filed.id }], 'filed once');

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
    assert.deepEqual(await csp.violations(), []);
    await page.close();
  });

  test('the slip’s code opened on a phone shows the complaint’s status', async () => {
    phonePage = await phone.newPage();
    phonePage.on('pageerror', (error) => assert.fail(`phone page error: ${error.message}`));
    await phonePage.goto(`${office.url}/feedback/${filed.code}`);
    const status = phonePage.locator('nb-feedback-app .status');
    await status.waitFor();
    assert.equal(await status.getAttribute('data-status'), 'received');
    assert.equal(await status.textContent(), 'دریافت شد و در نوبت رسیدگی است');
    assert.equal(await phonePage.locator('nb-feedback-app .answer').count(), 0);
  });

  test('in the manager’s inbox the complaint passes its target, is assigned and answered; the phone reads the answer back', async () => {
    const other = await office.api('POST', '/feedback', { body: { kind: 'complaint', topic: 'waiting_time', text: 'یک ساعت در صف ماندم و کسی پاسخ نداد.', serviceId: 'payment' } });
    assert.equal(other.status, 201);

    manager = await pages.open('/manager');
    await signInToManager(manager, 'manager', DEMO_PASSWORD);
    await manager.locator('nav button[data-tab="inbox"]').click();
    const card = manager.locator(`nb-feedback-card article[data-feedback-id="${filed.id}"]`);
    await card.waitFor();
    assert.match(await card.innerText(), new RegExp(COMPLAINT));
    assert.match(await card.innerText(), /در زمان هدف/);
    assert.equal(await manager.locator('nb-feedback-card').count(), 2);
    // Filed while the inbox is open: it appears by itself, long before the inbox's slow re-read.
    const suggestion = await office.api('POST', '/feedback', { body: { kind: 'suggestion', topic: 'facilities', text: 'صندلی بیشتری بگذارید.' } });
    await manager.locator(`nb-feedback-card article[data-feedback-id="${suggestion.body.id}"]`).waitFor({ timeout: 5000 });
    assert.equal(await manager.locator('nb-feedback-card').count(), 3);

    // Filters: the kind, then the age (no item has waited a day).
    await manager.locator('nb-inbox-tab select[name="kind"]').selectOption('complaint');
    await manager.locator('nb-feedback-card').nth(2).waitFor({ state: 'detached' });
    assert.equal(await manager.locator('nb-feedback-card').count(), 2);
    await manager.locator('nb-inbox-tab select[name="olderThanHours"]').selectOption('24');
    await manager.locator('nb-inbox-tab .empty').waitFor();
    await manager.locator('nb-inbox-tab select[name="olderThanHours"]').selectOption('');
    await card.waitFor();

    // Two hours on: past the one-hour target, said on the item and raised as an alert.
    now += 2 * 3600_000;
    await manager.locator('nb-inbox-tab button', { hasText: 'به‌روزرسانی' }).click();
    await card.locator('.flag', { hasText: 'از زمان هدف گذشته است' }).waitFor();
    assert.match(await card.locator('.age').innerText(), /انتظار: ۲ ساعت از هدف ۱ ساعت/);
    await manager.locator('nav button[data-tab="today"]').click();
    await manager.locator('nb-alert-list li[data-kind="feedback"]', { hasText: 'شکایت' }).waitFor();
    await manager.locator('nav button[data-tab="inbox"]').click();

    const staff = (await office.api('GET', '/feedback/assignees', { token: managerToken })).body.find((a: { name: string }) => a.name === 'مدیر اداره');
    await card.locator('select[name="userId"]').selectOption(staff.id);
    await card.locator('form.assign button').click();
    await manager.locator(`nb-feedback-card article[data-feedback-id="${filed.id}"][data-status="in_progress"]`).waitFor();
    await card.locator('textarea[name="text"]').fill(ANSWER);
    await card.locator('form.answer-form button[type="submit"]').click();
    await manager.locator(`nb-feedback-card article[data-feedback-id="${filed.id}"][data-status="answered"]`).waitFor();
    await screenshot(manager, 'manager-inbox');

    await phonePage.getByRole('button', { name: 'به‌روز کردن' }).tap();
    await phonePage.locator('nb-feedback-app .status[data-status="answered"]').waitFor();
    assert.equal(await phonePage.locator('nb-feedback-app .answer p').textContent(), ANSWER);
    const text = await phonePage.locator('nb-feedback-app').evaluate((app) => app.shadowRoot!.textContent ?? '');
    for (const secret of [COMPLAINT, MOBILE, '09123456789', '6789', 'certificate']) assert.ok(!text.includes(secret), `the phone shows no "${secret}"`);
    assert.equal(await phonePage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'fits a phone’s width');
    await screenshot(phonePage, 'phone-feedback-answered');
    const read = await office.api('GET', `/feedback/${filed.code}`);
    assert.deepEqual(Object.keys(read.body).sort(), ['answer', 'answeredAt', 'createdAt', 'kind', 'status']);
  });

  test('a public meeting is set, registered at the kiosk, called to the display, recorded and its follow-up closed', async () => {
    const clock = localClock(now, TIME_ZONE);
    const from = Math.floor(clock.minutes / 60) * 60;
    await manager.locator('nav button[data-tab="meetings"]').click();
    const sessions = manager.locator('nb-meeting-sessions');
    await sessions.locator('form.add-session select[name="host"] option').first().waitFor({ state: 'attached' });
    const host = (await office.api('GET', '/meetings/hosts', { token: managerToken })).body.find((h: { name: string }) => h.name === 'مدیر اداره');
    await sessions.locator('select[name="host"]').selectOption(host.id);
    await sessions.locator('select[name="weekday"]').selectOption(clock.weekday);
    await sessions.locator('input[name="from"]').fill(clockText(from));
    await sessions.locator('input[name="to"]').fill(clockText(from + 60));
    await sessions.locator('input[name="place"]').fill('اتاق ۲۰۱، طبقهٔ دوم');
    await sessions.locator('form.add-session button[type="submit"]').click();
    const row = sessions.locator('tr[data-meeting-id]');
    await row.waitFor();
    await sessions.locator('.below-two-hours').waitFor();
    assert.match(await sessions.locator('.weekly').innerText(), /۶۰ دقیقه/);
    const meetingId = await row.getAttribute('data-meeting-id');

    const { page } = await openKiosk();
    await page.locator('nb-voice-tile button[data-voice="meeting"]').tap();
    await page.locator('nb-meeting-page button[data-choice="reason-request"]').tap();
    await typeOn(page, 'nb-meeting-page', 'پروانه');
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/meetings/${meetingId}/registrations`));
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
    await page.close();

    await phonePage.goto(`${office.url}/feedback/${registered.code}`);
    await phonePage.locator('nb-feedback-app .status[data-status="waiting"]').waitFor();
    assert.match((await phonePage.locator('nb-feedback-app dl').textContent())!, /M۰۱/);

    const display = await pages.open('/display?mute=1', { width: 1920, height: 1080 });
    await display.locator('nb-latest-call').waitFor();
    const run = manager.locator('nb-meeting-run');
    // Registered at the kiosk while the meeting screen is open: its line shows the citizen by itself.
    await run.locator(`tr[data-registration-id="${registered.id}"][data-status="waiting"]`).waitFor({ timeout: 5000 });
    assert.match(await run.locator(`tr[data-registration-id="${registered.id}"]`).innerText(), /پروانه/);
    await run.locator('button[data-action="call-next"]').click();
    await run.locator('.notice', { hasText: `شمارهٔ ${fa('M01')}` }).waitFor();
    const called = display.locator('nb-latest-call .panel[data-number="M01"]');
    await called.waitFor();
    assert.match(await called.innerText(), /ملاقات با مدیر/);
    assert.match(await called.innerText(), /اتاق ۲۰۱، طبقهٔ دوم/);
    await screenshot(display, 'display-meeting-call');
    // The citizen has not come: called again from the meeting screen, the board says so.
    await run.locator('button[data-action="recall"]').click();
    await run.locator('.notice', { hasText: `دوباره فراخوانده شد: شمارهٔ ${fa('M01')}` }).waitFor();
    await display.locator('nb-latest-call .panel[data-number="M01"] .recall').waitFor();
    assert.match(await display.locator('nb-latest-call .panel[data-number="M01"]').innerText(), /اتاق ۲۰۱، طبقهٔ دوم/);

    const today = serviceDay(now, TIME_ZONE);
    const result = run.locator(`form.result-form[data-registration-id="${registered.id}"]`);
    await result.locator('input[value="follow_up"]').check();
    await result.locator('input[name="followUpBy"]').fill('معاون اداری');
    await result.locator('input[name="dueDate"]').fill(fa(today.jalali.replaceAll('-', '/')));
    await result.locator('textarea[name="note"]').fill('پرونده به واحد حقوقی فرستاده می‌شود.');
    await result.locator('button[type="submit"]').click();
    await run.locator(`tr[data-registration-id="${registered.id}"][data-status="met"]`).waitFor();
    const followUp = manager.locator(`nb-follow-ups li[data-registration-id="${registered.id}"]`);
    await followUp.waitFor();
    assert.match(await followUp.innerText(), /معاون اداری/);
    assert.match(await followUp.innerText(), /در مهلت/);
    await screenshot(manager, 'manager-meetings');
    await followUp.locator('input[name="note"]').fill('پرونده بسته شد.');
    await followUp.locator('button[type="submit"]').click();
    await followUp.waitFor({ state: 'detached' });
    await manager.locator('nb-follow-ups', { hasText: 'پیگیری بازی نیست.' }).waitFor();

    const status = await office.api('GET', `/meetings/status/${registered.code}`);
    assert.deepEqual(status.body.followUp, { dueDate: today.iso, done: true });

    // On the phone, the code's page now asks how satisfied the citizen was, once.
    await phonePage.getByRole('button', { name: 'به‌روز کردن' }).tap();
    await phonePage.locator('nb-feedback-app .status[data-status="met"]').waitFor();
    await phonePage.locator('nb-feedback-app .rating button[data-score="4"]').tap();
    await phonePage.locator('nb-feedback-app .rated').waitFor();
    assert.equal(await phonePage.locator('nb-feedback-app .rating').count(), 0, 'asked once');
  });

  test('feedback filed from a ticket’s phone page takes the ticket’s service', async () => {
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
    const stored = ((await office.api('GET', '/feedback', { token: managerToken })).body as { id: string; serviceId: string }[]).find((f) => f.id === filedHere.id);
    assert.equal(stored?.serviceId, 'certificate', 'the service taken from the ticket');
    await page.close();
  });

  // What happened above: two complaints (one about staff behaviour, answered two hours after filing
  // against a one-hour target; one unanswered and past it), two suggestions, one ticket issued for
  // «certificate», one meeting of 60 minutes a week, one citizen met for a «request», one follow-up
  // done on time.
  test('the printable report and the indicators workbook show indicators 12, 19, 20, 22 and 23 from that data', async () => {
    const day = serviceDay(now, TIME_ZONE).iso;
    const services = (await office.api('GET', '/services')).body.length as number;
    const report = await pages.open('/manager');
    await report.context().request.post(`${office.url}/api/v1/auth/login`, { data: { username: 'manager', password: DEMO_PASSWORD } });
    assert.equal((await report.goto(`${office.url}/manager/report?from=${day}`))?.status(), 200);
    const section = (heading: string) => report.locator('section').filter({ has: report.locator('h2', { hasText: heading }) });
    const figureIn = async (heading: string, label: string) => (await section(heading).locator('tr', { hasText: label }).first().locator('td').first().textContent())?.trim();

    assert.equal(await figureIn('شاخص ۱۲', 'همهٔ شکایت‌ها'), '۲');
    assert.equal(await figureIn('شاخص ۱۲', 'شکایت از رفتار و ادبیات کارکنان'), '۱');
    assert.match((await section('شاخص ۱۲').locator('p').first().textContent())!, /از ۲ شکایت ثبت‌شده، ۱ شکایت/);
    assert.equal(await figureIn('شاخص ۱۹', 'ماه‌های منتشرشده'), '۱');
    assert.equal(await figureIn('شاخص ۱۹', 'ردیف‌های خدمت و ماه'), fa(services));
    // certificate: 1 visitor, 1 complaint received, 1 answered, its answer time; payment: 1 complaint received.
    assert.equal(await figureIn('شاخص ۱۹', 'خانه‌های پنهان‌شده'), `${fa(5)} از ${fa(services * 8)}`);
    assert.equal(await figureIn('شاخص ۲۰', 'شهروندان ملاقات‌شده'), '۱');
    assert.equal(await figureIn('شاخص ۲۰', 'پیگیری‌ها'), '۱ (انجام‌شده ۱، به‌موقع ۱، باز ۰، گذشته از مهلت ۰)');
    assert.match((await section('شاخص ۲۰').textContent())!, /۱ ساعت در هفته است؛ کمتر از دو ساعت/);
    assert.equal(await figureIn('شاخص ۲۰', 'رضایت شهروندان از ملاقات'), '۴ (۱ پاسخ)');
    assert.deepEqual((await section('شاخص ۲۲').locator('tfoot td').allTextContents()).slice(0, 2), ['۲', '۰'], 'complaints, then criticisms');
    assert.equal(await section('شاخص ۲۲').locator('tfoot td').last().textContent(), '۴');
    assert.equal(await figureIn('شاخص ۲۲', 'پاسخ داده شده'), '۱');
    assert.equal(await figureIn('شاخص ۲۲', 'رسیده، بررسی‌نشده'), '۳');
    const complaints = await section('شاخص ۲۳').locator('tbody tr').first().locator('td').allTextContents();
    assert.deepEqual(complaints, ['۲', '۱', '۲ ساعت', '۲ ساعت', '۱ ساعت', complaints[5], '۱']);
    assert.match(complaints[5]!, /^۰/, 'none answered within the target');

    const xlsx = await fetch(`${office.url}/api/v1/stats/indicators.xlsx?from=${day}`, { headers: { Authorization: `Bearer ${managerToken}` } });
    assert.equal(xlsx.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const figure = (sheet: string, label: string) => {
      let value: unknown;
      book.getWorksheet(sheet)!.eachRow((r) => {
        if (r.getCell(1).value === label) value = r.getCell(2).value;
      });
      return value;
    };
    assert.equal(figure('شاخص ۱۲', 'همهٔ شکایت‌ها'), 2);
    assert.equal(figure('شاخص ۱۲', 'شکایت از رفتار و ادبیات کارکنان'), 1);
    assert.equal(figure('شاخص ۱۲', 'سهم از همهٔ شکایت‌ها'), 0.5);
    assert.equal(figure('شاخص ۱۹', 'ماه‌های منتشرشده'), 1);
    assert.equal(figure('شاخص ۱۹', 'خانه‌ها'), services * 8);
    assert.equal(figure('شاخص ۱۹', 'خانه‌های پنهان‌شده (کمتر از ۵ نفر)'), 5);
    assert.equal(figure('شاخص ۲۰', 'شهروندان ملاقات‌شده'), 1);
    assert.equal(figure('شاخص ۲۰', 'علت: درخواست ویژه'), 1);
    assert.equal(figure('شاخص ۲۰', 'نتیجه: نیازمند پیگیری'), 1);
    assert.equal(figure('شاخص ۲۰', 'نتیجه: حل شد'), 0);
    assert.equal(figure('شاخص ۲۰', 'پیگیری‌های به‌موقع'), 1);
    assert.equal(figure('شاخص ۲۰', 'ملاقات عمومی در هفته (دقیقه)'), 60);
    assert.equal(figure('شاخص ۲۰', 'پاسخ‌های پرسش رضایت از ملاقات'), 1);
    assert.equal(figure('شاخص ۲۰', 'رضایت از ملاقات (میانگین از ۵)'), 4);
    assert.equal(figure('شاخص ۲۲', 'پاسخ داده شده'), 1);
    assert.equal(figure('شاخص ۲۲', 'رسیده، بررسی‌نشده'), 3);
    assert.equal(figure('شاخص ۲۲', 'رفتار و ادبیات کارکنان'), 1);
    const answerTime = book.getWorksheet('شاخص ۲۳')!.getRow(2);
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8].map((i) => answerTime.getCell(i).value), ['شکایت', 2, 1, 2, 2, 1, 0, 1]);
  });
});
