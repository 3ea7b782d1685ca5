// Opening hours: open or closed at an instant, and when the office next opens.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { openingHoursSchema } from '../../server/config/schema.js';
import { officeHours } from '../../server/config/demo-office.js';
import { isOpenAt, minutesOfClockTime, nextOpening } from '../../server/time/hours.js';

const TEHRAN = 'Asia/Tehran';
const tehran = (year: number, month: number, day: number, hour: number, minute: number) =>
  Date.UTC(year, month - 1, day, hour, minute) - 3.5 * 3_600_000;
// Saturday 21 November 2026 starts a week; Thursday is the 26th, Friday the 27th.
const SATURDAY = 21;
const WEDNESDAY = 25;
const THURSDAY = 26;
const FRIDAY = 27;

const hours = openingHoursSchema.parse(officeHours);

describe('isOpenAt', () => {
  test('a period includes its start and excludes its end', () => {
    assert.equal(isOpenAt(hours, tehran(2026, 11, SATURDAY, 7, 29), TEHRAN), false);
    assert.equal(isOpenAt(hours, tehran(2026, 11, SATURDAY, 7, 30), TEHRAN), true);
    assert.equal(isOpenAt(hours, tehran(2026, 11, SATURDAY, 14, 29), TEHRAN), true);
    assert.equal(isOpenAt(hours, tehran(2026, 11, SATURDAY, 14, 30), TEHRAN), false);
  });

  test('Thursday closes at noon and Friday stays closed', () => {
    assert.equal(isOpenAt(hours, tehran(2026, 11, THURSDAY, 11, 59), TEHRAN), true);
    assert.equal(isOpenAt(hours, tehran(2026, 11, THURSDAY, 12, 0), TEHRAN), false);
    assert.equal(isOpenAt(hours, tehran(2026, 11, FRIDAY, 10, 0), TEHRAN), false);
  });

  test('alwaysOpen is open at any hour', () => {
    assert.equal(isOpenAt({ ...hours, alwaysOpen: true }, tehran(2026, 11, FRIDAY, 3, 0), TEHRAN), true);
  });

  test('several periods in a day (a midday break)', () => {
    const withBreak = openingHoursSchema.parse({ week: { sat: [{ from: '13:00', to: '16:00' }, { from: '08:00', to: '12:00' }] } });
    assert.equal(isOpenAt(withBreak, tehran(2026, 11, SATURDAY, 12, 30), TEHRAN), false);
    assert.equal(isOpenAt(withBreak, tehran(2026, 11, SATURDAY, 13, 0), TEHRAN), true);
    assert.equal(nextOpening(withBreak, tehran(2026, 11, SATURDAY, 12, 30), TEHRAN), tehran(2026, 11, SATURDAY, 13, 0));
  });
});

describe('nextOpening', () => {
  test('is now when open now', () => {
    const ms = tehran(2026, 11, SATURDAY, 9, 15);
    assert.equal(nextOpening(hours, ms, TEHRAN), ms);
  });

  test('is today when before opening', () => {
    assert.equal(nextOpening(hours, tehran(2026, 11, SATURDAY, 6, 0), TEHRAN), tehran(2026, 11, SATURDAY, 7, 30));
  });

  test('is tomorrow after closing', () => {
    assert.equal(nextOpening(hours, tehran(2026, 11, WEDNESDAY, 15, 0), TEHRAN), tehran(2026, 11, THURSDAY, 7, 30));
  });

  test('skips Friday: Thursday afternoon opens on Saturday', () => {
    assert.equal(nextOpening(hours, tehran(2026, 11, THURSDAY, 12, 0), TEHRAN), tehran(2026, 11, 28, 7, 30));
    assert.equal(nextOpening(hours, tehran(2026, 11, FRIDAY, 23, 59), TEHRAN), tehran(2026, 11, 28, 7, 30));
  });

  test('crosses a month and a year', () => {
    const fridayHoursOnly = openingHoursSchema.parse({ week: { fri: [{ from: '09:00', to: '10:00' }] } });
    // Thursday 31 December 2026 → Friday 1 January 2027.
    assert.equal(nextOpening(fridayHoursOnly, tehran(2026, 12, 31, 12, 0), TEHRAN), tehran(2027, 1, 1, 9, 0));
  });

  test('is null when the week has no period', () => {
    assert.equal(nextOpening(openingHoursSchema.parse({}), tehran(2026, 11, SATURDAY, 9, 0), TEHRAN), null);
  });

  test('is the first open minute: open then, and closed every minute before', () => {
    const quarterHour = fc.integer({ min: 0, max: 14 * 24 * 4 }).map((n) => tehran(2026, 11, SATURDAY, 0, 0) + n * 15 * 60_000);
    fc.assert(
      fc.property(quarterHour, (ms) => {
        const opening = nextOpening(hours, ms, TEHRAN);
        assert.ok(opening !== null && opening >= ms);
        assert.equal(isOpenAt(hours, opening, TEHRAN), true);
        for (let minute = ms; minute < opening; minute += 60_000) assert.equal(isOpenAt(hours, minute, TEHRAN), false);
      }),
      { numRuns: 60 },
    );
  });
});

test('minutesOfClockTime', () => {
  assert.equal(minutesOfClockTime('07:30'), 450);
  assert.equal(minutesOfClockTime('00:00'), 0);
  assert.throws(() => minutesOfClockTime('7:30'), RangeError);
});
