// Booking over real HTTP on a real server and SQLite file, the one-time code read from a real local
// HTTP server playing the SMS provider: hold, confirm, read, move and cancel by the booking code;
// holds that expire or run out of attempts free their slot; many people racing for the last place
// leave exactly one holding it.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { type TestOffice } from '../integration/lib/office-server.js';
import { PASSWORD } from '../security/lib/configured-office.js';
import { useFakeSmsProvider, type FakeSmsProvider } from '../messages/lib/fake-sms-provider.js';
import { messageTo, otpSentTo, startBookingOffice, SUNDAY_MORNING, tehran } from './lib/booking-office.js';

const MONDAY_NINE = tehran('2026-11-23T09:00');

describe('booking an appointment', () => {
  const providerNow = useFakeSmsProvider('key-booking');
  let provider: FakeSmsProvider;
  let office: TestOffice;

  beforeEach(async () => {
    provider = providerNow();
    office = await startBookingOffice(provider);
  });
  afterEach(() => office.stop());

  const freeAt = async (start: number) => {
    const slots = (await office.api('GET', '/appointments/slots?serviceId=payment&date=2026-11-23')).body as Array<{ start: number; free: number }>;
    return slots.find((s) => s.start === start)?.free;
  };
  const otpOf = (mobile: string) => otpSentTo(provider, mobile);

  it('hold, confirm with the code from the SMS, read, move and cancel by the booking code', async () => {
    const days = await office.api('GET', '/appointments/days?serviceId=payment');
    assert.equal(days.status, 200);
    assert.deepEqual(days.body.slice(0, 2).map((d: { date: string; jalali: string }) => [d.date, d.jalali]), [['2026-11-22', '1405-09-01'], ['2026-11-23', '1405-09-02']]);
    assert.equal(await freeAt(MONDAY_NINE), 1);

    const held = await office.api('POST', '/appointments', { body: { serviceId: 'payment', start: MONDAY_NINE, mobile: '۰۹۱۲ ۳۴۵ ۶۷۸۹' } });
    assert.equal(held.status, 202);
    assert.equal(held.body.expiresAt, SUNDAY_MORNING + 5 * 60_000);
    assert.equal(await freeAt(MONDAY_NINE), 0, 'a hold takes the place while the code is typed');
    const otp = await otpOf('09123456789');

    const wrong = await office.api('POST', `/appointments/${held.body.holdId}/confirm`, { body: { code: otp === '000000' ? '111111' : '000000' } });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.code, 'wrong_code');
    assert.equal(wrong.body.error.details.attemptsLeft, 2);

    const confirmed = await office.api('POST', `/appointments/${held.body.holdId}/confirm`, { body: { code: otp.split('').map((d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]).join('') } });
    assert.equal(confirmed.status, 201);
    assert.equal(confirmed.body.serviceId, 'payment');
    assert.equal(confirmed.body.start, MONDAY_NINE);
    assert.match(confirmed.body.code, /^\d{10}$/);
    const code: string = confirmed.body.code;
    const again = await office.api('POST', `/appointments/${held.body.holdId}/confirm`, { body: { code: otp } });
    assert.equal(again.status, 410, 'a hold is confirmed once');

    const codeMessage = await messageTo(provider, '09123456789', new RegExp(`${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`));
    assert.match(codeMessage.message, /۹:۰۰|۰۹:۰۰/);
    assert.equal(await freeAt(MONDAY_NINE), 0, 'the booking keeps the place');

    const read = await office.api('GET', `/appointments/${code}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.status, 'booked');
    assert.doesNotMatch(JSON.stringify(read.body), /0912|6789/, 'no number in the answer');

    const later = MONDAY_NINE + 60 * 60_000;
    const moved = await office.api('POST', `/appointments/${code}/reschedule`, { body: { start: later } });
    assert.equal(moved.status, 200);
    assert.equal(moved.body.start, later);
    assert.equal(await freeAt(MONDAY_NINE), 1, 'the old slot is freed');
    assert.equal(await freeAt(later), 0);

    const cancelled = await office.api('POST', `/appointments/${code}/cancel`);
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.status, 'cancelled');
    assert.equal(await freeAt(later), 1, 'cancel frees the slot');
    assert.equal((await office.api('POST', `/appointments/${code}/cancel`)).status, 409);
    assert.equal((await office.api('GET', '/appointments/0000000000')).status, 404);
  });

  it('many people racing for the last place: exactly one holds it, the rest are told it is full', async () => {
    const racers = 40;
    const answers = await Promise.all(
      Array.from({ length: racers }, (_, i) => office.api('POST', '/appointments', { body: { serviceId: 'payment', start: MONDAY_NINE, mobile: `0912${String(1000000 + i).padStart(7, '0')}` } })),
    );
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 202).length, 1, `one hold: ${statuses.join(',')}`);
    assert.equal(answers.filter((a) => a.status === 409 && a.body.error.code === 'slot_full').length, racers - 1);
    const rows = office.server.db.prepare(`SELECT COUNT(*) AS n FROM appointment_holds WHERE start = ?`).get(MONDAY_NINE) as { n: number };
    assert.equal(rows.n, 1);
  });

  it('an unconfirmed hold frees its slot when its minutes are up, and after too many wrong codes', async () => {
    const held = await office.api('POST', '/appointments', { body: { serviceId: 'payment', start: MONDAY_NINE, mobile: '09121111111' } });
    assert.equal(held.status, 202);
    assert.equal(await freeAt(MONDAY_NINE), 0);
    office.clock.advance(5 * 60);
    assert.equal(await freeAt(MONDAY_NINE), 1, 'expired');
    const otp = await otpOf('09121111111');
    assert.equal((await office.api('POST', `/appointments/${held.body.holdId}/confirm`, { body: { code: otp } })).status, 410, 'too late to confirm');

    const second = await office.api('POST', '/appointments', { body: { serviceId: 'payment', start: MONDAY_NINE, mobile: '09122222222' } });
    assert.equal(second.status, 202);
    const secondOtp = await otpOf('09122222222');
    const wrongCode = secondOtp === '000000' ? '111111' : '000000';
    for (const left of [2, 1]) {
      const wrong = await office.api('POST', `/appointments/${second.body.holdId}/confirm`, { body: { code: wrongCode } });
      assert.equal(wrong.body.error.details.attemptsLeft, left);
    }
    const last = await office.api('POST', `/appointments/${second.body.holdId}/confirm`, { body: { code: wrongCode } });
    assert.equal(last.status, 410);
    assert.equal(await freeAt(MONDAY_NINE), 1, 'the third wrong code frees the slot');
    assert.equal((await office.api('POST', `/appointments/${second.body.holdId}/confirm`, { body: { code: secondOtp } })).status, 410, 'the right code no longer helps');
  });

  it('one number holds at most the configured bookings to come; staff book for a caller', async () => {
    const staff = await office.login('staff1', 'desk-1', PASSWORD);
    for (const minutes of [0, 15]) {
      const held = await office.api('POST', '/appointments', { token: staff, body: { serviceId: 'payment', start: MONDAY_NINE + minutes * 60_000, mobile: '09123333333' } });
      assert.equal(held.status, 202);
    }
    const third = await office.api('POST', '/appointments', { body: { serviceId: 'payment', start: MONDAY_NINE + 30 * 60_000, mobile: '09123333333' } });
    assert.equal(third.status, 409);
    assert.equal(third.body.error.code, 'mobile_limit');
    const source = office.server.db.prepare(`SELECT DISTINCT source FROM appointment_holds`).all() as Array<{ source: string }>;
    assert.deepEqual(source, [{ source: 'staff' }]);
  });

  it('refuses what cannot be booked: a service without booking, a time that is no slot, a bad number', async () => {
    assert.equal((await office.api('GET', '/appointments/days?serviceId=certificate')).body.error.code, 'not_bookable');
    const between = await office.api('POST', '/appointments', { body: { serviceId: 'payment', start: MONDAY_NINE + 5 * 60_000, mobile: '09124444444' } });
    assert.equal(between.status, 409);
    assert.equal(between.body.error.code, 'slot_unavailable');
    const friday = await office.api('GET', '/appointments/slots?serviceId=payment&date=2026-11-27');
    assert.deepEqual(friday.body, []);
    const badNumber = await office.api('POST', '/appointments', { body: { serviceId: 'payment', start: MONDAY_NINE, mobile: '12345' } });
    assert.equal(badNumber.status, 400);
    assert.equal(badNumber.body.error.code, 'invalid_mobile');
    const badDate = await office.api('GET', '/appointments/slots?serviceId=payment&date=tomorrow');
    assert.equal(badDate.status, 400);
  });
});
