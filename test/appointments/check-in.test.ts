// After booking, over real HTTP: the reminders the day before and an hour before, each sent once; the
// kiosk's check-in giving a ticket called at the booked time ahead of walk-ins (the desk sees it is
// booked), a late one a walk-in's ticket; a retried check-in the same ticket; the number erased after
// the booking's day.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { TestOffice } from '../integration/lib/office-server.js';
import { PASSWORD } from '../security/lib/configured-office.js';
import { useFakeSmsProvider, type FakeSmsProvider } from '../messages/lib/fake-sms-provider.js';
import { book, messageTo, startBookingOffice, tehran } from './lib/booking-office.js';

const MONDAY_TEN = tehran('2026-11-23T10:00');

describe('after booking', () => {
  const providerNow = useFakeSmsProvider('key-check-in');
  let provider: FakeSmsProvider;
  let office: TestOffice;
  let kiosk: string;

  beforeEach(async () => {
    provider = providerNow();
    office = await startBookingOffice(provider);
    kiosk = office.server.accounts.addDevice('kiosk', 'entrance', null).token;
  });
  afterEach(() => office.stop());

  const moveClockTo = (at: number) => office.clock.advance((at - office.clock.now) / 1000);
  const checkIn = (code: string) => office.api('POST', `/appointments/${code}/check-in`, { token: kiosk });

  it('reminds the day before and an hour before, once each, and erases the number after the day', async () => {
    const code = await book(office, provider, MONDAY_TEN, '09125550001');
    office.server.booking.sweep();
    assert.equal(provider.requests.filter((r) => /یادآوری/.test(r.message)).length, 0, 'not yet a day before');

    moveClockTo(MONDAY_TEN - 24 * 3_600_000);
    office.server.booking.sweep();
    const dayBefore = await messageTo(provider, '09125550001', /یادآوری نوبت/);
    assert.match(dayBefore.message, /فردا/);
    office.server.booking.sweep();
    moveClockTo(MONDAY_TEN - 3 * 3_600_000);
    office.server.booking.sweep();

    moveClockTo(MONDAY_TEN - 3_600_000);
    office.server.booking.sweep();
    const hourBefore = await messageTo(provider, '09125550001', /امروز ساعت/);
    assert.match(hourBefore.message, /۱۰:۰۰/);
    office.server.booking.sweep();
    await provider.deliveredCount(4);
    const kinds = provider.requests.map((r) => (/کد تأیید/.test(r.message) ? 'otp' : /یادآوری/.test(r.message) ? 'day' : /امروز ساعت/.test(r.message) ? 'hour' : 'confirmed'));
    assert.deepEqual([...new Set(kinds)].sort(), ['confirmed', 'day', 'hour', 'otp']);
    assert.equal(provider.delivered.size, 4, 'each message once');

    const sealed = () => (office.server.db.prepare(`SELECT COUNT(*) AS n FROM appointments WHERE mobile_sealed IS NOT NULL`).get() as { n: number }).n;
    moveClockTo(tehran('2026-11-23T23:00'));
    office.server.booking.sweep();
    assert.equal(sealed(), 1, 'kept through the booking day');
    moveClockTo(tehran('2026-11-24T00:30'));
    office.server.booking.sweep();
    assert.equal(sealed(), 0, 'erased the night after');
    assert.equal((await office.api('GET', `/appointments/${code}`)).status, 200, 'the booking itself stays');
  });

  it('checks in at the kiosk: called at the booked time ahead of walk-ins, marked booked at the desk', async () => {
    const code = await book(office, provider, MONDAY_TEN, '09125550002');
    const lateCode = await book(office, provider, MONDAY_TEN + 15 * 60_000, '09125550003');
    moveClockTo(MONDAY_TEN - 60 * 60_000);
    const tooEarly = await checkIn(code);
    assert.equal(tooEarly.status, 409);
    assert.equal(tooEarly.body.error.code, 'check_in_too_early');

    moveClockTo(MONDAY_TEN - 20 * 60_000);
    const walkIns = [];
    for (let i = 0; i < 2; i++) walkIns.push((await office.api('POST', '/tickets', { token: kiosk, body: { serviceId: 'payment' } })).body);
    moveClockTo(MONDAY_TEN - 10 * 60_000);
    const checked = await checkIn(code);
    assert.equal(checked.status, 201);
    assert.equal(checked.body.serviceId, 'payment');
    assert.deepEqual(checked.body.appointment, { start: MONDAY_TEN, late: false });
    const retried = await checkIn(code);
    assert.equal(retried.status, 201);
    assert.equal(retried.body.id, checked.body.id, 'a retried check-in gives the same ticket');
    assert.equal((await office.api('GET', `/appointments/${code}`)).body.status, 'checked_in');

    const staff = await office.login('staff2', 'desk-2', PASSWORD);
    const desk = office.server.office;
    const first = await office.api('POST', '/desks/desk-2/next', { token: staff });
    assert.equal(first.body.ticket.id, walkIns[0].id, 'before its time the booked visitor waits');
    await office.api('POST', `/tickets/${first.body.ticket.id}/start`, { token: staff });
    await office.api('POST', `/tickets/${first.body.ticket.id}/finish`, { token: staff, body: {} });
    moveClockTo(MONDAY_TEN);
    const second = await office.api('POST', '/desks/desk-2/next', { token: staff });
    assert.equal(second.body.ticket.id, checked.body.id, 'at its time it goes ahead of the walk-in who came earlier');
    assert.deepEqual(second.body.ticket.appointment, { start: MONDAY_TEN });
    assert.ok(desk.state.tickets.get(walkIns[1].id), 'the walk-in still waits');

    moveClockTo(MONDAY_TEN + 30 * 60_000);
    const late = await checkIn(lateCode);
    assert.equal(late.status, 201);
    assert.deepEqual(late.body.appointment, { start: MONDAY_TEN + 15 * 60_000, late: true }, 'past the grace: a walk-in');
    assert.equal(office.server.office.state.tickets.get(late.body.id)!.appointment, undefined);

    const manager = await office.login('manager', undefined, PASSWORD);
    const report = await office.api('GET', '/stats/indicators?from=2026-11-23&to=2026-11-23', { token: manager });
    assert.equal(report.status, 200);
    const { booked, checkedIn, noShows, bookedTickets, walkInTickets, called, calledOnTime } = report.body.bookings;
    assert.deepEqual({ booked, checkedIn, noShows, bookedTickets, walkInTickets, called, calledOnTime }, { booked: 2, checkedIn: 2, noShows: 0, bookedTickets: 1, walkInTickets: 3, called: 1, calledOnTime: 1 });
  });

  it('refuses a check-in on another day, for a cancelled booking, or from anything but a kiosk', async () => {
    const code = await book(office, provider, MONDAY_TEN, '09125550004');
    const notToday = await checkIn(code);
    assert.equal(notToday.status, 409);
    assert.equal(notToday.body.error.code, 'booking_not_today');
    assert.equal((await office.api('POST', `/appointments/${code}/check-in`)).status, 401);
    await office.api('POST', `/appointments/${code}/cancel`);
    moveClockTo(MONDAY_TEN - 5 * 60_000);
    assert.equal((await checkIn(code)).body.error.code, 'booking_not_active');
  });
});
