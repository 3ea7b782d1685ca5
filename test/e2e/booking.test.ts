// Booking end to end in real Chromium against a real demo-office server whose clock the test moves:
// on a phone-sized page a visitor books a time, reads the one-time code from the demo's SMS file
// (<data>/messages.jsonl), confirms and keeps the booking code; at the booked time the kiosk takes
// that code on its on-screen pad and gives a ticket marked with the booked time; the desk sees the
// ticket as booked and calls it ahead of a walk-in who came earlier; the display shows the call.
import assert from 'node:assert/strict';
import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/main.js';
import { parseDateKey } from '../../server/time/calendar.js';
import { toLatinDigits } from '../../server/time/digits.js';
import { serviceDay } from '../../server/time/day.js';
import { instantAtLocal, weekdayOf } from '../../server/time/zoned.js';
import { fa, launchChromium, screenshot } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';
import { pageOpener, type PageOpener } from './lib/pages.js';

const PHONE = { width: 390, height: 844 };
const TIME_ZONE = 'Asia/Tehran';
const MOBILE_TYPED = '۰۹۱۲ ۳۴۵ ۶۷۸۹';
const MOBILE = '09123456789';

/** 08:00 in Tehran on the next Saturday after `from`: a working day with its bookable hours ahead. */
function nextSaturdayMorning(from: number): number {
  for (let day = 1; day <= 8; day++) {
    const { year, month, day: d } = parseDateKey(serviceDay(from + day * 86_400_000, TIME_ZONE).iso);
    if (weekdayOf(year, month, d) === 'sat') return instantAtLocal(year, month, d, 8 * 60, TIME_ZONE);
  }
  throw new Error('no Saturday in a week');
}

describe('booking: phone, kiosk, desk and display', () => {
  let browser: Browser;
  let office: E2eOffice;
  let pages: PageOpener;
  let now = nextSaturdayMorning(Date.now());
  let bookingCode = '';
  let bookedStart = 0;
  let bookedNumber = '';

  /** The messages the demo gateway wrote for `to`, once at least `count` have been written. */
  const messagesTo = async (to: string, count: number): Promise<string[]> => {
    const read = async () =>
      (await readFile(join(office.dataDir, 'messages.jsonl'), 'utf8').catch(() => ''))
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { to: string; text: string })
        .filter((m) => m.to === to)
        .map((m) => m.text);
    // The outbox sends on its own tick: each change to the data folder is a moment to look again.
    let changed = () => {};
    const watcher = watch(office.dataDir, () => changed());
    try {
      const deadline = performance.now() + 30_000;
      for (;;) {
        const next = new Promise<void>((resolve) => (changed = resolve));
        const texts = await read();
        if (texts.length >= count) return texts;
        if (performance.now() > deadline) throw new Error(`no message ${count} to ${to}: ${JSON.stringify(texts)}`);
        await Promise.race([next, new Promise((resolve) => setTimeout(resolve, deadline - performance.now()).unref())]);
      }
    } finally {
      watcher.close();
    }
  };

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice({ clock: () => now, tickMs: 100 })]);
    pages = pageOpener(() => browser, () => office.url);
  });
  after(async () => {
    for (const context of pages?.contexts ?? []) await context.close();
    await browser?.close();
    await office?.dispose();
  });

  test('a visitor books a time on a phone with the code sent by SMS', async () => {
    const phone = await pages.open('/book', PHONE);
    assert.equal(await phone.evaluate(() => document.documentElement.dir), 'rtl');
    await phone.locator('nb-service-list button[data-service="certificate"]').click();

    // Only the bookable days can be pressed; today (a Saturday) is one, with its free count.
    const today = serviceDay(now, TIME_ZONE).iso;
    const day = phone.locator(`nb-day-picker button.day[data-date="${today}"]`);
    await day.waitFor();
    assert.equal(await day.isEnabled(), true);
    assert.match((await day.getAttribute('aria-label')) ?? '', /شنبه .* نوبت خالی/);
    assert.equal(await phone.locator('nb-day-picker button.day:not([disabled])').first().getAttribute('data-date'), today);
    await screenshot(phone, 'booking-days');
    await day.click();

    const slot = phone.locator('nb-slot-list button.choice').first();
    await slot.waitFor();
    bookedStart = Number(await slot.getAttribute('data-start'));
    assert.ok(bookedStart >= now + 30 * 60_000, 'the first time offered is past the lead time');
    await slot.click();

    await phone.locator('nb-mobile-form input').fill('0912');
    await phone.locator('nb-mobile-form button[type="submit"]').click();
    await phone.locator('nb-mobile-form .invalid').waitFor();
    await phone.locator('nb-mobile-form input').fill(MOBILE_TYPED);
    await phone.locator('nb-mobile-form button[type="submit"]').click();
    await phone.locator('nb-code-form input[autocomplete="one-time-code"]').waitFor();

    const [otpText] = await messagesTo(MOBILE, 1);
    const otp = /(?<!\d)\d{6}(?!\d)/.exec(toLatinDigits(otpText!))?.[0];
    assert.ok(otp, `a six-digit code in «${otpText}»`);

    // A wrong code is refused in Persian, and the right one (typed in Persian digits) books.
    const wrong = otp === '000000' ? '111111' : '000000';
    await phone.locator('nb-code-form input').fill(wrong);
    await phone.locator('nb-code-form button[type="submit"]').click();
    await phone.locator('nb-book-app .error', { hasText: 'کد تأیید درست نیست' }).waitFor();
    await phone.locator('nb-code-form input').fill(fa(otp));
    await phone.locator('nb-code-form button[type="submit"]').click();

    const code = phone.locator('nb-booking-card .code');
    await code.waitFor();
    bookingCode = (await code.getAttribute('data-code'))!;
    assert.match(bookingCode, /^\d{10}$/);
    assert.equal(await code.innerText(), fa(`${bookingCode.slice(0, 3)}-${bookingCode.slice(3, 6)}-${bookingCode.slice(6)}`));
    const when = await phone.locator('nb-booking-card .when').innerText();
    assert.match(when, /^شنبه [۰-۹]+ [آ-ی]+ [۰-۹]{4}، ساعت [۰-۹]{2}:[۰-۹]{2}$/, when);
    assert.ok(await phone.locator('nb-booking-card canvas').isVisible(), 'the QR code of the booking is drawn');
    await screenshot(phone, 'booking-confirmed');

    // The booking code arrives by SMS too, and its page finds it again by the code.
    const texts = await messagesTo(MOBILE, 2);
    assert.ok(texts.some((t) => toLatinDigits(t).includes(`${bookingCode.slice(0, 3)}-${bookingCode.slice(3, 6)}-${bookingCode.slice(6)}`)), texts.join('\n'));
    const again = await pages.open(`/book?code=${bookingCode}`, PHONE);
    await again.locator('nb-booking-card .status[data-status="booked"]').waitFor();
  });

  test('the last place of a time, held by one visitor, is refused to the next in Persian', async () => {
    // Contractors take two visits an hour in half-hour slots: one place a slot.
    const first = await pages.open('/book', PHONE);
    const second = await pages.open('/book', PHONE);
    for (const phone of [first, second]) {
      await phone.locator('nb-service-list button[data-service="contractor"]').click();
      await phone.locator('nb-day-picker button.day:not([disabled])').first().click();
    }
    const start = await first.locator('nb-slot-list button.choice').first().getAttribute('data-start');
    for (const phone of [first, second]) await phone.locator(`nb-slot-list button.choice[data-start="${start}"]`).click();
    await first.locator('nb-mobile-form input').fill('09121111111');
    await first.locator('nb-mobile-form button[type="submit"]').click();
    await first.locator('nb-code-form').waitFor();
    await second.locator('nb-mobile-form input').fill('09122222222');
    await second.locator('nb-mobile-form button[type="submit"]').click();
    await second.locator('nb-book-app .error', { hasText: 'پر شده' }).waitFor();
    // Back at the day's times, fetched again: the held one is no longer offered.
    await second.locator('nb-slot-list button.choice').first().waitFor();
    assert.equal(await second.locator(`nb-slot-list button.choice[data-start="${start}"]`).count(), 0);
  });

  test('a booking found by its code moves to another time and is cancelled, in English too', async () => {
    const phone = await pages.open('/book', PHONE);
    await phone.locator('nb-service-list button[data-service="certificate"]').click();
    await phone.locator('nb-day-picker button.day:not([disabled])').nth(1).click();
    await phone.locator('nb-slot-list button.choice').first().click();
    await phone.locator('nb-mobile-form input').fill('09353333333');
    await phone.locator('nb-mobile-form button[type="submit"]').click();
    await phone.locator('nb-code-form').waitFor();
    const [otpText] = await messagesTo('09353333333', 1);
    await phone.locator('nb-code-form input').fill(/(?<!\d)\d{6}(?!\d)/.exec(toLatinDigits(otpText!))![0]);
    await phone.locator('nb-code-form button[type="submit"]').click();
    const code = (await phone.locator('nb-booking-card .code').getAttribute('data-code'))!;
    // Read from the store, not the API: the API's lookups by code are rate-limited per address.
    const stored = () => office.server.db.prepare(`SELECT start, status FROM appointments WHERE code = ?`).get(code) as { start: number; status: string };
    const before = stored();

    const manage = await pages.open('/book?lang=en', PHONE);
    assert.equal(await manage.evaluate(() => document.documentElement.dir), 'ltr');
    await manage.getByRole('button', { name: 'See, cancel or change a booking' }).click();
    await manage.locator('nb-code-form input').fill(fa(code));
    await manage.locator('nb-code-form button[type="submit"]').click();
    await manage.locator('nb-booking-card .status[data-status="booked"]').waitFor();
    await manage.locator('nb-booking-card button[data-action="reschedule"]').click();
    await manage.locator('nb-day-picker button.day:not([disabled])').nth(2).click();
    await manage.locator('nb-slot-list button.choice').first().click();
    await manage.locator('nb-book-app .notice', { hasText: 'changed' }).waitFor();
    assert.ok(stored().start > before.start, 'the booking, under the same code, moves to the later day');
    assert.match(await manage.locator('nb-booking-card .when').innerText(), /^[A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/);

    await manage.locator('nb-booking-card button[data-action="cancel"]').click();
    await manage.locator('nb-booking-card button[data-action="confirm-cancel"]').click();
    await manage.locator('nb-booking-card .status[data-status="cancelled"]').waitFor();
    assert.equal(stored().status, 'cancelled');
    await screenshot(manage, 'booking-cancelled-en');
  });

  test('a clerk books for a caller on the telephone from the desk', async () => {
    const desk = await openDesk('staff2', 'desk-2');
    await desk.locator('nb-desk-app button[data-action="book"]').click();
    const dialog = desk.locator('nb-booking-dialog');
    await dialog.locator('select[name="service"] option[value="certificate"]').waitFor({ state: 'attached' });
    await dialog.locator('select[name="service"]').selectOption('certificate');
    const day = await dialog.locator('select[name="day"] option:not([value=""])').nth(1).getAttribute('value');
    await dialog.locator('select[name="day"]').selectOption(day!);
    await dialog.locator('select[name="time"] option:not([value="0"])').first().waitFor({ state: 'attached' });
    const start = await dialog.locator('select[name="time"] option:not([value="0"])').first().getAttribute('value');
    await dialog.locator('select[name="time"]').selectOption(start!);
    await dialog.locator('input[name="mobile"]').fill('۰۹۳۰۴۴۴۴۴۴۴');
    await dialog.locator('button[data-action="confirm-booking"]').click();
    const [otpText] = await messagesTo('09304444444', 1);
    await dialog.locator('input[name="code"]').fill(/(?<!\d)\d{6}(?!\d)/.exec(toLatinDigits(otpText!))![0]);
    await dialog.locator('button[data-action="confirm-booking"]').click();
    const code = await dialog.locator('.booking-code').getAttribute('data-code');
    const row = office.server.db.prepare(`SELECT start, source FROM appointments WHERE code = ?`).get(code) as { start: number; source: string };
    assert.deepEqual(row, { start: Number(start), source: 'staff' });
    await dialog.locator('button[data-action="close"]').click();
    await dialog.waitFor({ state: 'detached' });
  });

  test('the kiosk checks the booking in by its code and gives a ticket marked with the booked time', async () => {
    assert.ok(bookingCode, 'booked in the test before');
    const desk = await openDesk();
    // A walk-in takes a ticket first; at the booked time the booking is still called before it.
    const walkIn = await office.api('POST', '/tickets', { body: { serviceId: 'certificate' } });
    assert.equal(walkIn.status, 201);
    now = bookedStart - 5 * 60_000;

    const kiosk = await pages.open('/kiosk', { width: 1080, height: 1920 });
    await kiosk.locator('nb-kiosk-app button[data-action="check-in"]').click();
    for (const digit of bookingCode) await kiosk.locator(`nb-checkin-page nb-persian-keyboard button[data-key="${fa(digit)}"]`).click();
    await kiosk.locator('nb-checkin-page button[type="submit"]').click();
    const number = kiosk.locator('nb-ticket-view .number');
    await number.waitFor();
    bookedNumber = (await number.getAttribute('data-number'))!;
    const booked = await kiosk.locator('nb-ticket-view .booked-time').innerText();
    assert.ok(booked.includes(toPersianClock(bookedStart)), `the slip shows the booked time: ${booked}`);

    assert.match(await kiosk.locator('nb-ticket-view .booking-note').innerText(), /ساعت رزروشده/);
    await screenshot(kiosk, 'booking-kiosk-ticket');

    // The same code typed again gives back the same ticket, not a second one.
    await kiosk.locator('nb-ticket-view button.done').click();
    await kiosk.locator('nb-kiosk-app button[data-action="check-in"]').click();
    await kiosk.locator('nb-checkin-page input').fill(fa(bookingCode));
    await kiosk.locator('nb-checkin-page button[type="submit"]').click();
    assert.equal(await kiosk.locator('nb-ticket-view .number').getAttribute('data-number'), bookedNumber);

    // A code no booking has is refused in Persian, on the pad.
    await kiosk.locator('nb-ticket-view button.done').click();
    await kiosk.locator('nb-kiosk-app button[data-action="check-in"]').click();
    await kiosk.locator('nb-checkin-page input').fill(bookingCode === '0000000000' ? '1111111111' : '0000000000');
    await kiosk.locator('nb-checkin-page button[type="submit"]').click();
    await kiosk.locator('nb-checkin-page [role="alert"]', { hasText: 'پیدا نشد' }).waitFor();

    const row = desk.locator(`nb-queue-panel ol.waiting li[data-number="${bookedNumber}"] .booked`);
    await row.waitFor();
    assert.ok((await row.innerText()).includes(toPersianClock(bookedStart)));

    const display = await pages.open('/display', { width: 1920, height: 1080 });
    await display.locator('nb-service-lines').waitFor();
    now = bookedStart;
    await desk.locator('nb-current-ticket button[data-action="next"]').click();
    await desk.locator('nb-current-ticket .ticket').filter({ hasText: fa(bookedNumber) }).waitFor();
    await desk.locator('nb-current-ticket .booked').waitFor();
    await display.locator(`nb-latest-call .panel[data-number="${bookedNumber}"]`).waitFor();
    await screenshot(desk, 'booking-desk-called');
  });

  async function openDesk(username = 'staff1', deskId = 'desk-1'): Promise<Page> {
    const desk = await pages.open('/desk');
    await desk.locator(`nb-sign-in option[value="${deskId}"]`).waitFor({ state: 'attached' });
    await desk.locator('nb-sign-in input[name="username"]').fill(username);
    await desk.locator('nb-sign-in input[name="password"]').fill(DEMO_PASSWORD);
    await desk.locator('nb-sign-in select[name="deskId"]').selectOption(deskId);
    await desk.locator('nb-sign-in button[type="submit"]').click();
    await desk.locator('nb-queue-panel').waitFor();
    return desk;
  }
});

/** The office's clock time of `at` as the screens write it: «۰۹:۳۰». */
function toPersianClock(at: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }).format(at);
  return fa(parts);
}
