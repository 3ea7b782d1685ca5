// The citizens' voice on the manager's screen, in a real browser against a real demo-office server
// whose clock the test moves: an admin shortens the complaints' target answer time in the
// configuration tab; a complaint filed through the API appears in the inbox, passes its target
// (said in words on the item, and raised as an alert), is answered there, and the citizen's code
// reads the answer back. A public-meeting session is set on the meetings screen (warned as under two
// hours a week), a citizen registered by the kiosk's API is called from it and shown on the waiting
// room's display with the place, the result is recorded with a follow-up that is then closed; the
// printable report and the indicators workbook count all of it (indicators 20, 22 and 23).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { MORNING } from '../integration/lib/office-server.js';
import { DEMO_PASSWORD } from '../../server/main.js';
import { localClock, serviceDay } from '../../server/time/day.js';
import { fa, launchChromium, screenshot } from './lib/browser.js';
import { pageOpener, signInToManager } from './lib/pages.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

const TIME_ZONE = 'Asia/Tehran';
const clockText = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

describe('the citizens’ voice on the manager screen', () => {
  let browser: Browser;
  let office: E2eOffice;
  let now = MORNING;
  const pages = pageOpener(() => browser, () => office.url);
  let manager: Page;
  let managerToken: string;
  let kiosk: string;
  let complaint: { id: string; code: string };

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice({ clock: () => now, tickMs: 250, virtualKeypads: false })]);
    await office.server.accounts.addUser({ username: 'admin1', name: 'مدیر سامانه', role: 'admin', password: 'admin-pass-1' });
    kiosk = office.server.accounts.addDevice('kiosk', 'کیوسک ورودی', null).token;
    managerToken = (await office.api('POST', '/auth/login', { body: { username: 'manager', password: DEMO_PASSWORD } })).body.token;
  });
  after(async () => {
    for (const context of pages.contexts) await context.close();
    await browser?.close();
    await office?.dispose();
  });

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

  test('a complaint filed through the API appears in the inbox, passes its target, is answered there and read back by its code', async () => {
    const filed = await office.api('POST', '/feedback', { token: kiosk, body: { kind: 'complaint', topic: 'waiting_time', text: 'یک ساعت در صف ماندم و کسی پاسخ نداد.', serviceId: 'payment' } });
    assert.equal(filed.status, 201);
    complaint = filed.body;
    await office.api('POST', '/feedback', { body: { kind: 'suggestion', topic: 'facilities', text: 'صندلی بیشتری بگذارید.' } });

    manager = await pages.open('/manager');
    await signInToManager(manager, 'manager', DEMO_PASSWORD);
    await manager.locator('nav button[data-tab="inbox"]').click();
    const card = manager.locator(`nb-feedback-card article[data-feedback-id="${complaint.id}"]`);
    await card.waitFor();
    assert.match(await card.innerText(), /یک ساعت در صف ماندم/);
    assert.match(await card.innerText(), /در زمان هدف/);
    assert.equal(await manager.locator('nb-feedback-card').count(), 2);

    // Filters: the kind, then the age (neither item has waited a day).
    await manager.locator('nb-inbox-tab select[name="kind"]').selectOption('complaint');
    await manager.locator('nb-feedback-card').nth(1).waitFor({ state: 'detached' });
    assert.equal(await manager.locator('nb-feedback-card').count(), 1);
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
    await manager.locator(`nb-feedback-card article[data-feedback-id="${complaint.id}"][data-status="in_progress"]`).waitFor();
    await card.locator('textarea[name="text"]').fill('پوزش می‌خواهیم؛ از این هفته یک باجهٔ دیگر برای پرداخت باز است.');
    await card.locator('form.answer-form button[type="submit"]').click();
    await manager.locator(`nb-feedback-card article[data-feedback-id="${complaint.id}"][data-status="answered"]`).waitFor();
    await screenshot(manager, 'manager-inbox');

    const read = await office.api('GET', `/feedback/${complaint.code}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.status, 'answered');
    assert.equal(read.body.answer, 'پوزش می‌خواهیم؛ از این هفته یک باجهٔ دیگر برای پرداخت باز است.');
    assert.deepEqual(Object.keys(read.body).sort(), ['answer', 'answeredAt', 'createdAt', 'kind', 'status']);
  });

  test('a public meeting is set, a registrant called to the display, the result recorded and its follow-up closed', async () => {
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

    const registered = await office.api('POST', `/meetings/${meetingId}/registrations`, { token: kiosk, body: { reason: 'unresolved_matter', text: 'پروندهٔ من دو ماه است معطل مانده.' } });
    assert.equal(registered.status, 201);
    assert.equal(registered.body.number, 'M01');

    const display = await pages.open('/display?mute=1', { width: 1920, height: 1080 });
    await display.locator('nb-latest-call').waitFor();
    const run = manager.locator('nb-meeting-run');
    await run.locator(`tr[data-registration-id="${registered.body.id}"][data-status="waiting"]`).waitFor();
    await run.locator('button[data-action="call-next"]').click();
    await run.locator('.notice', { hasText: `شمارهٔ ${fa('M01')}` }).waitFor();
    const called = display.locator('nb-latest-call .panel[data-number="M01"]');
    await called.waitFor();
    assert.match(await called.innerText(), /ملاقات با مدیر/);
    assert.match(await called.innerText(), /اتاق ۲۰۱، طبقهٔ دوم/);
    await screenshot(display, 'display-meeting-call');

    const today = serviceDay(now, TIME_ZONE);
    const result = run.locator(`form.result-form[data-registration-id="${registered.body.id}"]`);
    await result.locator('input[value="follow_up"]').check();
    await result.locator('input[name="followUpBy"]').fill('معاون اداری');
    await result.locator('input[name="dueDate"]').fill(fa(today.jalali.replaceAll('-', '/')));
    await result.locator('textarea[name="note"]').fill('پرونده به واحد حقوقی فرستاده می‌شود.');
    await result.locator('button[type="submit"]').click();
    await run.locator(`tr[data-registration-id="${registered.body.id}"][data-status="met"]`).waitFor();
    const followUp = manager.locator(`nb-follow-ups li[data-registration-id="${registered.body.id}"]`);
    await followUp.waitFor();
    assert.match(await followUp.innerText(), /معاون اداری/);
    assert.match(await followUp.innerText(), /در مهلت/);
    await screenshot(manager, 'manager-meetings');
    await followUp.locator('input[name="note"]').fill('پرونده بسته شد.');
    await followUp.locator('button[type="submit"]').click();
    await followUp.waitFor({ state: 'detached' });
    await manager.locator('nb-follow-ups', { hasText: 'پیگیری بازی نیست.' }).waitFor();

    const status = await office.api('GET', `/meetings/status/${registered.body.code}`);
    assert.deepEqual(status.body.followUp, { dueDate: today.iso, done: true });
  });

  test('the printable report and the indicators workbook count it (indicators 20, 22, 23)', async () => {
    const day = serviceDay(now, TIME_ZONE).iso;
    const report = await pages.open('/manager');
    await report.context().request.post(`${office.url}/api/v1/auth/login`, { data: { username: 'manager', password: DEMO_PASSWORD } });
    assert.equal((await report.goto(`${office.url}/manager/report?from=${day}`))?.status(), 200);
    const section = (heading: string) => report.locator('section').filter({ has: report.locator('h2', { hasText: heading }) });
    assert.match((await section('شاخص ۲۰').locator('tr', { hasText: 'شهروندان ملاقات‌شده' }).textContent()) ?? '', /۱/);
    assert.match((await section('شاخص ۲۰').locator('tr', { hasText: 'پیگیری‌ها' }).first().textContent()) ?? '', /۱ \(انجام‌شده ۱، به‌موقع ۱، باز ۰، گذشته از مهلت ۰\)/);
    assert.equal(await section('شاخص ۲۲').locator('tfoot td').last().textContent(), '۲');
    const complaints = await section('شاخص ۲۳').locator('tbody tr').first().locator('td').allTextContents();
    assert.deepEqual(complaints.slice(0, 4), ['۱', '۱', '۲ ساعت', '۲ ساعت']);

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
    assert.equal(figure('شاخص ۲۰', 'شهروندان ملاقات‌شده'), 1);
    assert.equal(figure('شاخص ۲۰', 'نتیجه: نیازمند پیگیری'), 1);
    assert.equal(figure('شاخص ۲۰', 'پیگیری‌های به‌موقع'), 1);
    assert.equal(figure('شاخص ۲۰', 'ملاقات عمومی در هفته (دقیقه)'), 60);
    assert.equal(figure('شاخص ۲۲', 'پاسخ داده شده'), 1);
    assert.equal(figure('شاخص ۲۲', 'رسیده، بررسی‌نشده'), 1);
    const answerTime = book.getWorksheet('شاخص ۲۳')!.getRow(2);
    assert.deepEqual([answerTime.getCell(1).value, answerTime.getCell(2).value, answerTime.getCell(3).value, answerTime.getCell(6).value], ['شکایت', 1, 1, 1]);
  });
});
