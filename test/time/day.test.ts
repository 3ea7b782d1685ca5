// The service day and the local clock in the office's time zone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { localClock, serviceDay } from '../../server/time/day.js';
import { instantAtLocal } from '../../server/time/zoned.js';

const TEHRAN = 'Asia/Tehran';
// Iran has kept UTC+03:30 all year since 1402 (2022); before that it had summer time.
const TEHRAN_OFFSET_MS = 3.5 * 3_600_000;
const tehran = (year: number, month: number, day: number, hour: number, minute: number) =>
  Date.UTC(year, month - 1, day, hour, minute) - TEHRAN_OFFSET_MS;

describe('serviceDay', () => {
  test('1 Azar 1405 is 22 November 2026', () => {
    assert.deepEqual(serviceDay(tehran(2026, 11, 22, 10, 0), TEHRAN), { iso: '2026-11-22', jalali: '1405-09-01' });
  });

  test('the day turns at local midnight, not at UTC midnight', () => {
    const lateEvening = tehran(2026, 11, 21, 23, 59);
    const justAfterMidnight = tehran(2026, 11, 22, 0, 1);
    // Both instants fall on 21 November in UTC…
    assert.equal(new Date(lateEvening).toISOString().slice(0, 10), '2026-11-21');
    assert.equal(new Date(justAfterMidnight).toISOString().slice(0, 10), '2026-11-21');
    // …but on two service days in Tehran.
    assert.deepEqual(serviceDay(lateEvening, TEHRAN), { iso: '2026-11-21', jalali: '1405-08-30' });
    assert.deepEqual(serviceDay(justAfterMidnight, TEHRAN), { iso: '2026-11-22', jalali: '1405-09-01' });
  });

  test('Nowruz starts a new Jalali year at local midnight', () => {
    assert.equal(serviceDay(tehran(2026, 3, 20, 23, 59), TEHRAN).jalali, '1404-12-29');
    assert.equal(serviceDay(tehran(2026, 3, 21, 0, 0), TEHRAN).jalali, '1405-01-01');
  });

  test('the same instant is a different day in another zone', () => {
    const ms = tehran(2026, 11, 22, 2, 0);
    assert.equal(serviceDay(ms, TEHRAN).iso, '2026-11-22');
    assert.equal(serviceDay(ms, 'UTC').iso, '2026-11-21');
  });

  test('in Tehran since 2023 the day is the UTC date of the instant plus 3:30', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        assert.equal(serviceDay(ms, TEHRAN).iso, new Date(ms + TEHRAN_OFFSET_MS).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('localClock', () => {
  test('weekday and minutes since local midnight', () => {
    assert.deepEqual(localClock(tehran(2026, 11, 22, 7, 30), TEHRAN), { weekday: 'sun', minutes: 450 });
    assert.deepEqual(localClock(tehran(2026, 11, 21, 23, 59), TEHRAN), { weekday: 'sat', minutes: 1439 });
    assert.deepEqual(localClock(tehran(2026, 11, 27, 0, 0), TEHRAN), { weekday: 'fri', minutes: 0 });
  });

  test('Tehran summer time before 2022 is honoured', () => {
    // 1 June 2021 in Tehran was UTC+04:30.
    assert.deepEqual(localClock(Date.UTC(2021, 5, 1, 3, 0), TEHRAN), { weekday: 'tue', minutes: 450 });
  });
});

describe('instantAtLocal', () => {
  test('turns a wall-clock time back into the instant', () => {
    assert.equal(instantAtLocal(2026, 11, 22, 450, TEHRAN), tehran(2026, 11, 22, 7, 30));
    assert.equal(instantAtLocal(2021, 6, 1, 450, TEHRAN), Date.UTC(2021, 5, 1, 3, 0));
  });

  test('a time skipped by a clock change lands after the change; a repeated one takes the earlier instant', () => {
    // Berlin skips 02:00–03:00 on 29 March 2026 and repeats 02:00–03:00 on 25 October 2026.
    assert.equal(instantAtLocal(2026, 3, 29, 150, 'Europe/Berlin'), Date.UTC(2026, 2, 29, 1, 30));
    assert.equal(instantAtLocal(2026, 10, 25, 150, 'Europe/Berlin'), Date.UTC(2026, 9, 25, 0, 30));
  });

  test('reading the instant back gives the same wall clock on ordinary days', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(TEHRAN, 'UTC', 'Asia/Kabul', 'Europe/Berlin'), (ms, zone) => {
        const wholeMinute = ms - (ms % 60_000);
        const { iso } = serviceDay(wholeMinute, zone);
        const { minutes } = localClock(wholeMinute, zone);
        const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
        const back = instantAtLocal(year, month, day, minutes, zone);
        assert.deepEqual(localClock(back, zone).minutes, minutes);
        assert.equal(serviceDay(back, zone).iso, iso);
      }),
    );
  });
});
