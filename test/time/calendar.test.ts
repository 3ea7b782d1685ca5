// The Jalali calendar: known dates, leap years, month and year ranges, and round trips.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  gregorianToJalali,
  isJalaliLeapYear,
  jalaliMonthLength,
  jalaliMonthRange,
  jalaliToGregorian,
  jalaliYearRange,
  parseDateKey,
  toDateKey,
} from '../../server/time/calendar.js';

const date = (key: string) => parseDateKey(key);
const DAY_MS = 86_400_000;

describe('known Jalali dates', () => {
  const pairs: [jalali: string, gregorian: string][] = [
    ['1405-01-01', '2026-03-21'], // Nowruz 1405
    ['1405-09-01', '2026-11-22'],
    ['1404-01-01', '2025-03-21'],
    ['1403-12-30', '2025-03-20'], // Esfand 30 of a leap year
    ['1399-12-30', '2021-03-20'],
    ['1357-11-22', '1979-02-11'],
    ['1348-10-11', '1970-01-01'],
  ];
  for (const [jalali, gregorian] of pairs) {
    test(`${jalali} is ${gregorian}`, () => {
      assert.equal(toDateKey(jalaliToGregorian(date(jalali))), gregorian);
      assert.equal(toDateKey(gregorianToJalali(date(gregorian))), jalali);
    });
  }
});

describe('leap years', () => {
  test('Esfand has 30 days in a leap year and 29 otherwise', () => {
    assert.equal(isJalaliLeapYear(1403), true);
    assert.equal(jalaliMonthLength(1403, 12), 30);
    assert.equal(isJalaliLeapYear(1404), false);
    assert.equal(jalaliMonthLength(1404, 12), 29);
    assert.equal(isJalaliLeapYear(1408), true);
  });

  test('Esfand 30 of a common year does not exist', () => {
    assert.throws(() => jalaliToGregorian(date('1404-12-30')), RangeError);
  });

  test('the day after Esfand 29 of a common year is Nowruz', () => {
    const esfand29 = jalaliToGregorian(date('1404-12-29'));
    const next = new Date(Date.UTC(esfand29.year, esfand29.month - 1, esfand29.day) + DAY_MS);
    const nextJalali = gregorianToJalali({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() });
    assert.equal(toDateKey(nextJalali), '1405-01-01');
  });

  test('months 1–6 have 31 days, 7–11 have 30', () => {
    for (let month = 1; month <= 11; month++) assert.equal(jalaliMonthLength(1405, month), month <= 6 ? 31 : 30);
  });
});

describe('ranges', () => {
  test('a Jalali month as Gregorian days', () => {
    assert.deepEqual(jalaliMonthRange(1405, 9), { first: '2026-11-22', last: '2026-12-21' });
    assert.deepEqual(jalaliMonthRange(1403, 12), { first: '2025-02-19', last: '2025-03-20' });
  });

  test('a Jalali year as Gregorian days', () => {
    assert.deepEqual(jalaliYearRange(1405), { first: '2026-03-21', last: '2027-03-20' });
    assert.deepEqual(jalaliYearRange(1403), { first: '2024-03-20', last: '2025-03-20' });
  });

  test('months that do not exist are refused', () => {
    assert.throws(() => jalaliMonthRange(1405, 13), RangeError);
    assert.throws(() => jalaliMonthRange(1405, 0), RangeError);
    assert.throws(() => jalaliYearRange(1405.5), RangeError);
  });
});

describe('invalid input', () => {
  test('Gregorian dates that do not exist are refused', () => {
    assert.throws(() => gregorianToJalali(date('2026-02-29')), RangeError);
    assert.throws(() => gregorianToJalali(date('2026-13-01')), RangeError);
  });

  test('keys must be YYYY-MM-DD', () => {
    assert.throws(() => parseDateKey('1405-9-1'), RangeError);
    assert.deepEqual(parseDateKey('1405-09-01'), { year: 1405, month: 9, day: 1 });
  });
});

// Days from 1900-01-01 to 2200-12-31 as UTC midnights.
const gregorianDay = fc
  .integer({ min: Date.UTC(1900, 0, 1) / DAY_MS, max: Date.UTC(2200, 11, 31) / DAY_MS })
  .map((dayNumber) => {
    const asDate = new Date(dayNumber * DAY_MS);
    return { year: asDate.getUTCFullYear(), month: asDate.getUTCMonth() + 1, day: asDate.getUTCDate() };
  });

describe('properties', () => {
  test('Gregorian → Jalali → Gregorian is the identity', () => {
    fc.assert(fc.property(gregorianDay, (gregorian) => assert.deepEqual(jalaliToGregorian(gregorianToJalali(gregorian)), gregorian)));
  });

  test('Jalali → Gregorian → Jalali is the identity for every valid Jalali date', () => {
    const jalaliDate = fc
      .record({ year: fc.integer({ min: 1280, max: 1580 }), month: fc.integer({ min: 1, max: 12 }) })
      .chain(({ year, month }) => fc.integer({ min: 1, max: jalaliMonthLength(year, month) }).map((day) => ({ year, month, day })));
    fc.assert(fc.property(jalaliDate, (jalali) => assert.deepEqual(gregorianToJalali(jalaliToGregorian(jalali)), jalali)));
  });

  test('the next Gregorian day is the next Jalali day', () => {
    fc.assert(
      fc.property(gregorianDay, (gregorian) => {
        const today = gregorianToJalali(gregorian);
        const nextDate = new Date(Date.UTC(gregorian.year, gregorian.month - 1, gregorian.day) + DAY_MS);
        const tomorrow = gregorianToJalali({ year: nextDate.getUTCFullYear(), month: nextDate.getUTCMonth() + 1, day: nextDate.getUTCDate() });
        const endOfMonth = today.day === jalaliMonthLength(today.year, today.month);
        const expected = !endOfMonth
          ? { ...today, day: today.day + 1 }
          : today.month < 12
            ? { year: today.year, month: today.month + 1, day: 1 }
            : { year: today.year + 1, month: 1, day: 1 };
        assert.deepEqual(tomorrow, expected);
      }),
    );
  });

  // They first differ in 1502 (2123–2124), where the leap-year rules part.
  test("agrees with ICU's persian calendar (Intl) from 1925 to 2122", () => {
    const icu = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
    fc.assert(
      fc.property(gregorianDay.filter((gregorian) => gregorian.year >= 1925 && gregorian.year <= 2122), (gregorian) => {
        const parts = icu.formatToParts(Date.UTC(gregorian.year, gregorian.month - 1, gregorian.day, 12));
        const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
        assert.deepEqual(gregorianToJalali(gregorian), { year: part('year'), month: part('month'), day: part('day') });
      }),
      { numRuns: 1000 },
    );
  });
});
