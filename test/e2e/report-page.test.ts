// The printable indicators report in real Chromium: refused in Persian without a manager's session,
// then, signed in with the session cookie, a right-to-left A4 page in Vazirmatn with Persian digits,
// the office and the Jalali period in its heading and the replayed day's figures, under the strict
// Content-Security-Policy, with the citizens' voice's indicators (12, 19, 20, 22, 23) from complaints
// filed and a public meeting held that day. The public /open page too, for anyone, under the same
// policy. Saved as screenshots and a PDF in test-artifacts/ for people to look at.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { localClock, serviceDay } from '../../server/time/day.js';
import { CLERK, MANAGER, runTraceOffice, type TraceOfficeRun } from '../stats/lib/trace-office.js';
import { sampleTrace } from '../fixtures/traces.js';
import { ARTIFACTS, fa, launchChromium, screenshot } from './lib/browser.js';
import { watchCsp } from './lib/csp.js';

describe('the printable indicators report', () => {
  let browser: Browser;
  let run: TraceOfficeRun;
  let month: string;
  let day: ReturnType<typeof serviceDay>;

  before(async () => {
    [browser, run] = await Promise.all([launchChromium(), runTraceOffice(sampleTrace('surge.jsonl'))]);
    const at = run.replay.events[0]!.at;
    day = serviceDay(at, run.config.timeZone);
    month = day.jalali.slice(0, 7);
    // Keypad presses: most visitors pleased, a few not, on five-button desk keypads and a three-button exit one.
    const insert = run.office.server.db.prepare(`INSERT INTO ratings (at, day, jday, jmonth, hour, keypad_id, device, boot, seq, kind, desk_id, button, buttons)
      VALUES (?, ?, ?, ?, 9, ?, ?, 'b', ?, ?, ?, ?, ?)`);
    const buttons = [5, 5, 4, 5, 3, 4, 5, 2, 4, 5, 1, 5];
    buttons.forEach((button, seq) => insert.run(at, day.iso, day.jalali, month, 'kp-D1', 'kp-D1', seq, 'desk', 'D1', button, 5));
    [3, 3, 2].forEach((button, seq) => insert.run(at, day.iso, day.jalali, month, 'kp-exit', 'kp-exit', seq, 'exit', null, button, 3));

    // The citizens' voice that day: four complaints (two about staff behaviour) and a suggestion filed
    // at the kiosk, two complaints answered; a public meeting held with one citizen, whose matter was resolved.
    const { office } = run;
    const kiosk = office.server.accounts.addDevice('kiosk', 'e2e kiosk', null).token;
    const manager = await office.login(MANAGER.username, undefined, MANAGER.password);
    const filed: string[] = [];
    for (const [kind, topic] of [['complaint', 'staff_behaviour'], ['complaint', 'staff_behaviour'], ['complaint', 'waiting_time'], ['complaint', 'process'], ['suggestion', 'facilities']]) {
      const answer = await office.api('POST', '/feedback', { token: kiosk, body: { kind, topic, text: 'متن آزمون' } });
      assert.equal(answer.status, 201);
      filed.push(answer.body.id);
    }
    office.clock.advance(3 * 3600);
    for (const id of filed.slice(0, 2)) assert.equal((await office.api('POST', `/feedback/${id}/answer`, { token: manager, body: { text: 'پاسخ' } })).status, 200);
    const host = (office.server.db.prepare(`SELECT id FROM users WHERE username = ?`).get(MANAGER.username) as { id: string }).id;
    const weekday = localClock(office.clock.now, run.config.timeZone).weekday;
    const session = await office.api('POST', '/meetings', { token: manager, body: { host, weekday, from: '00:00', to: '23:59', place: 'دفتر مدیر' } });
    const registration = await office.api('POST', `/meetings/${session.body.id}/registrations`, { token: kiosk, body: { reason: 'request' } });
    assert.equal(registration.status, 201);
    assert.equal((await office.api('POST', `/meetings/${session.body.id}/next`, { token: manager })).status, 200);
    assert.equal((await office.api('POST', `/meetings/registrations/${registration.body.id}/result`, { token: manager, body: { result: 'resolved' } })).status, 200);
  });
  after(async () => {
    await browser?.close();
    await run?.office.stop();
  });

  it('says in Persian who may read it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const anonymous = await page.goto(`${run.office.server.url}/manager/report?from=${month}`);
    assert.equal(anonymous?.status(), 401);
    assert.equal(await page.locator('h1').textContent(), 'ابتدا وارد شوید');
    assert.equal(await page.locator('a').getAttribute('href'), '/manager');
    const login = await context.request.post(`${run.office.server.url}/api/v1/auth/login`, { data: { username: CLERK.username, password: CLERK.password, deskId: run.config.desks[0]!.id } });
    assert.equal(login.status(), 200);
    const clerk = await page.goto(`${run.office.server.url}/manager/report?from=${month}`);
    assert.equal(clerk?.status(), 403);
    assert.equal(await page.locator('h1').textContent(), 'دسترسی ندارید');
    await context.close();
  });

  it('prints the month for a signed-in manager', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`page error ${error.message}`));
    const csp = await watchCsp(page);
    const login = await context.request.post(`${run.office.server.url}/api/v1/auth/login`, { data: { username: MANAGER.username, password: MANAGER.password } });
    assert.equal(login.status(), 200);
    const response = await page.goto(`${run.office.server.url}/manager/report?from=${month}`);
    assert.equal(response?.status(), 200);
    assert.match((await response!.allHeaders())['content-security-policy'] ?? '', /style-src 'self'/);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));

    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.locator('h1').textContent(), run.config.name);
    assert.match((await page.locator('header .period').textContent()) ?? '', /از ۱ آذر ۱۴۰۵ تا ۳۰ آذر ۱۴۰۵/);
    assert.ok(await page.evaluate(() => document.fonts.check('16px Vazirmatn')), 'Vazirmatn is loaded');
    assert.match(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /Vazirmatn/);
    const headings = await page.locator('h2').allTextContents();
    assert.deepEqual(headings.map((h) => h.split(' — ')[0]), ['شاخص ۸', 'شاخص ۹', 'شاخص ۱۰', 'شاخص ۱۱', 'شاخص ۱۲', 'شاخص ۱۹', 'شاخص ۲۰', 'شاخص ۲۲', 'شاخص ۲۳']);
    const total = run.replay.visitors.length;
    assert.equal(await page.locator('section').first().locator('tfoot td').first().textContent(), fa(total.toLocaleString('en-US').replaceAll(',', '٬')));
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /[0-9]/, 'every number in Persian digits');
    assert.match(text, /۱۵ پاسخ ثبت شد/);
    assert.equal(await page.locator('meter').count(), 8, 'a bar per button of the 5- and 3-button keypads');
    assert.match(text, /از ۴ شکایت ثبت‌شده، ۲ شکایت دربارهٔ «رفتار و ادبیات کارکنان» بود \(۵۰٪\)/);
    const voice = (heading: string) => page.locator('section').filter({ has: page.locator('h2', { hasText: heading }) });
    assert.match((await voice('شاخص ۲۰').locator('tr', { hasText: 'شهروندان ملاقات‌شده' }).textContent()) ?? '', /۱/);
    assert.match((await voice('شاخص ۲۰').locator('tr', { hasText: 'حل شد' }).textContent()) ?? '', /۱/);
    assert.equal(await voice('شاخص ۲۲').locator('tfoot td').last().textContent(), '۵');
    assert.deepEqual(await voice('شاخص ۲۳').locator('tbody tr').first().locator('td').allTextContents(), ['۴', '۲', '۳ ساعت', '۳ ساعت', '۳ روز', '۱۰۰٪', '۰']);
    assert.deepEqual(await csp.violations(), []);

    await screenshot(page, 'manager-report');
    mkdirSync(ARTIFACTS, { recursive: true });
    // One day is not a month: indicator 8 gives the day's visitors as they are, not a made-up monthly average.
    const dayPage = await context.newPage();
    assert.equal((await dayPage.goto(`${run.office.server.url}/manager/report?from=${day.iso}`))?.status(), 200);
    const dayTotal = await dayPage.locator('section').first().locator('tfoot td').nth(1).textContent();
    assert.equal(dayTotal, `${fa(total.toLocaleString('en-US').replaceAll(',', '٬'))} در ۱ روز (دورهٔ ناقص)`);
    await dayPage.close();

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: join(ARTIFACTS, 'manager-report.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    await context.close();
  });

  it('publishes the open statistics page to anyone, right to left, under the same policy', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 1200 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => assert.fail(`page error ${error.message}`));
    const csp = await watchCsp(page);
    const response = await page.goto(`${run.office.server.url}/open?from=${month}`);
    assert.equal(response?.status(), 200);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.locator('h1').textContent(), run.config.name);
    assert.equal(await page.locator('h2').count(), 1, 'one month');
    const rows = page.locator('section tbody tr');
    assert.equal(await rows.count(), run.config.services.length + 1, 'a row per service and one for complaints naming none');
    const first = run.config.services[0]!;
    const visitors = run.replay.visitors.filter((v) => v.service === first.id).length;
    assert.ok(visitors >= 5);
    assert.equal(await rows.first().locator('td').first().textContent(), fa(visitors.toLocaleString('en-US').replaceAll(',', '٬')));
    assert.equal(await rows.last().locator('td .withheld').count(), 3, 'four complaints naming no service, two answered: counts and mean withheld');
    const shown = await page.locator('main > :not([lang="en"])').allInnerTexts();
    assert.doesNotMatch(shown.join('\n'), /[0-9]/, 'every number in Persian digits');
    assert.deepEqual(await csp.violations(), []);
    await screenshot(page, 'open-statistics');
    await context.close();
  });
});
