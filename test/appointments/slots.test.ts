// The days and slots a service offers, computed with no database: capacity as a number of visits and
// as a share of the desks' capacity, Jalali holidays, how far ahead a day opens, the lead time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOffice } from '../../server/config/load.js';
import { demoOffice } from '../../server/config/demo-office.js';
import type { OfficeInput } from '../../server/config/schema.js';
import { bookingPlan, visitsInHour } from '../../server/appointments/plan.js';
import { bookingOpensAt, offeredDays, offeredSlotAt, offeredSlots, slotsOfDay } from '../../server/appointments/slots.js';

const office = (booking: OfficeInput['booking']) => parseOffice({ ...demoOffice, booking }, 'test office');
const nothingTaken = () => 0;
/** 09:30 in Tehran on Sunday 1 Azar 1405 (2026-11-22). */
const SUNDAY_MORNING = Date.parse('2026-11-22T06:00:00Z');
const tehran = (isoLocal: string) => Date.parse(`${isoLocal}+03:30`);

describe('booking capacity', () => {
  it('share: the desks serving a service split their time over their workprofiles', () => {
    // certificate (8 minutes a visit) is served by desk-1 (6 services), desk-2 (2) and desk-3 (3):
    // 60/8 × (1/6 + 1/2 + 1/3) = 7.5 visits an hour; 40 % of them is 3.
    const plan = bookingPlan(office({ services: [{ serviceId: 'certificate', capacity: { share: 0.4 } }] }), 'certificate')!;
    assert.equal(plan.hourCapacity(10, 60), 3);
    assert.equal(plan.hourCapacity(7, 30), 1, 'half an hour open: half of 3, rounded down');
    const slots = slotsOfDay(plan, '2026-11-23').filter((s) => s.start >= tehran('2026-11-23T10:00') && s.start < tehran('2026-11-23T11:00'));
    assert.deepEqual(slots.map((s) => s.capacity), [1, 1, 1, 0], 'an hour of 3 over four 15-minute slots, earlier ones first');
  });

  it('visits: a number an hour, overridden by the hour', () => {
    const plan = bookingPlan(office({ services: [{ serviceId: 'payment', capacity: { visits: 8 }, byHour: { '12': { visits: 0 } } }] }), 'payment')!;
    const monday = slotsOfDay(plan, '2026-11-23');
    assert.equal(monday[0]!.start, tehran('2026-11-23T07:30'), 'the day starts with the office hours');
    assert.equal(monday.at(-1)!.end, tehran('2026-11-23T14:30'));
    assert.equal(monday.filter((s) => s.start >= tehran('2026-11-23T09:00') && s.start < tehran('2026-11-23T10:00')).reduce((n, s) => n + s.capacity, 0), 8);
    assert.equal(monday.filter((s) => s.start >= tehran('2026-11-23T12:00') && s.start < tehran('2026-11-23T13:00')).reduce((n, s) => n + s.capacity, 0), 0);
    assert.equal(visitsInHour({ visits: 5 }, 60, 0, 10), 5);
    assert.equal(visitsInHour({ share: 1 }, 60, 2, 10), 12);
  });

  it('no slots on Friday, on a yearly or a dated Jalali holiday', () => {
    const plan = bookingPlan(office({ services: [{ serviceId: 'payment', capacity: { visits: 4 } }], closedDays: ['09-02', '1405-09-03'] }), 'payment')!;
    assert.equal(slotsOfDay(plan, '2026-11-27').length, 0, 'Friday has no hours');
    assert.equal(slotsOfDay(plan, '2026-11-23').length, 0, '2 Azar, closed every year');
    assert.equal(slotsOfDay(plan, '2026-11-24').length, 0, '3 Azar 1405');
    assert.ok(slotsOfDay(plan, '2026-11-25').length > 0);
  });

  it('a service not listed, or inactive, takes no bookings', () => {
    const config = office({ services: [{ serviceId: 'payment', capacity: { visits: 4 } }] });
    assert.equal(bookingPlan(config, 'certificate'), null);
    assert.equal(bookingPlan({ ...config, services: config.services.map((s) => (s.id === 'payment' ? { ...s, active: false } : s)) }, 'payment'), null);
  });
});

describe('days and slots on offer', () => {
  const plan = bookingPlan(office({ services: [{ serviceId: 'payment', capacity: { visits: 4 } }], daysAhead: 3, opensAt: '08:00', leadMinutes: 30 }), 'payment')!;

  it('today from the lead time on, and days up to daysAhead, the last one only from opensAt', () => {
    const today = offeredSlots(plan, '2026-11-22', SUNDAY_MORNING, nothingTaken);
    assert.equal(today[0]!.start, tehran('2026-11-22T10:00'), '09:30 now, 30 minutes lead: 10:00 first');
    assert.equal(bookingOpensAt(plan, '2026-11-25'), tehran('2026-11-22T08:00'));
    const days = offeredDays(plan, SUNDAY_MORNING, nothingTaken).map((d) => d.date);
    assert.deepEqual(days, ['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25']);
    const beforeEight = offeredDays(plan, tehran('2026-11-22T07:59'), nothingTaken).map((d) => d.date);
    assert.deepEqual(beforeEight, ['2026-11-22', '2026-11-23', '2026-11-24'], 'Wednesday opens at 08:00 on Sunday');
    assert.equal(offeredSlotAt(plan, tehran('2026-11-25T09:00'), tehran('2026-11-22T07:59')), null);
    assert.notEqual(offeredSlotAt(plan, tehran('2026-11-25T09:00'), tehran('2026-11-22T08:00')), null);
  });

  it('free counts subtract what is taken, and a day carries its Jalali date', () => {
    const taken = (start: number) => (start === tehran('2026-11-23T08:00') ? 1 : 0);
    const monday = offeredSlots(plan, '2026-11-23', SUNDAY_MORNING, taken);
    assert.equal(monday.find((s) => s.start === tehran('2026-11-23T08:00'))!.free, 0);
    assert.equal(monday.find((s) => s.start === tehran('2026-11-23T08:15'))!.free, 1);
    const day = offeredDays(plan, SUNDAY_MORNING, taken).find((d) => d.date === '2026-11-23')!;
    assert.equal(day.jalali, '1405-09-02');
    assert.equal(day.free, 2 + 6 * 4 + 2 - 1, '07:30-08:00 and 14:00-14:30 hold two, six full hours four, less the one taken');
  });

  it('a time between slot starts is no slot', () => {
    assert.equal(offeredSlotAt(plan, tehran('2026-11-23T08:05'), SUNDAY_MORNING), null);
    assert.equal(offeredSlotAt(plan, tehran('2026-11-22T09:45'), SUNDAY_MORNING), null, 'inside the lead time');
  });
});
