// The booking page's Jalali month grids: the months the bookable days fall in, weeks from Saturday,
// and only the bookable days carrying a free count.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { calendarMonths } from '../../book/src/calendar-grid.js';

describe('the booking calendar', () => {
  test('lays out Azar 1405 from its first day, a Sunday, with only the bookable days free', () => {
    const [azar, ...rest] = calendarMonths([
      { date: '2026-11-23', free: 4 },
      { date: '2026-11-22', free: 12 },
    ]);
    assert.equal(rest.length, 0);
    assert.deepEqual({ year: azar!.year, month: azar!.month }, { year: 1405, month: 9 });
    assert.equal(azar!.leadingBlanks, 1, '1 Azar 1405 (22 November 2026) is a Sunday: one empty Saturday before it');
    assert.equal(azar!.days.length, 30);
    assert.deepEqual(azar!.days[0], { day: 1, date: '2026-11-22', free: 12 });
    assert.deepEqual(azar!.days[1], { day: 2, date: '2026-11-23', free: 4 });
    assert.equal(azar!.days[29]!.date, '2026-12-21');
    assert.ok(azar!.days.slice(2).every((d) => d.free === null), 'the other days cannot be pressed');
  });

  test('spans two Jalali months when the bookable days do, in order', () => {
    const months = calendarMonths([
      { date: '2026-12-22', free: 1 },
      { date: '2026-12-21', free: 2 },
    ]);
    assert.deepEqual(
      months.map((m) => [m.year, m.month, m.days.filter((d) => d.free !== null).map((d) => d.day)]),
      [
        [1405, 9, [30]],
        [1405, 10, [1]],
      ],
    );
    // 1 Dey 1405 is a Tuesday: Saturday, Sunday and Monday before it.
    assert.equal(months[1]!.leadingBlanks, 3);
  });

  test('has no month without a bookable day', () => {
    assert.deepEqual(calendarMonths([]), []);
  });

});
