// Persian formatting: digits, dates, clock times, wait ranges and numbers in words.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  faDigits,
  formatClock,
  formatJalaliDate,
  localDigits,
  numberToPersianWords,
  roundWaitRange,
  toLatinDigits,
  waitRangeText,
  weekdayName,
} from '../../server/time/persian.js';

const TEHRAN = 'Asia/Tehran';
const tehran = (year: number, month: number, day: number, hour: number, minute: number) =>
  Date.UTC(year, month - 1, day, hour, minute) - 3.5 * 3_600_000;
const minutes = (n: number) => n * 60;

describe('digits', () => {
  test('faDigits writes Persian digits without a thousands separator', () => {
    assert.equal(faDigits(2045), '۲۰۴۵');
    assert.equal(faDigits('10:05'), '۱۰:۰۵');
    assert.equal(faDigits(1.5), '۱٫۵');
    assert.equal(faDigits('باجه 3'), 'باجه ۳');
  });

  test('matches Intl fa-IR digits', () => {
    const intl = new Intl.NumberFormat('fa-IR', { useGrouping: false });
    fc.assert(fc.property(fc.nat(), (n) => assert.equal(faDigits(n), intl.format(n))));
  });

  test('localDigits leaves English alone', () => {
    assert.equal(localDigits(12, 'en'), '12');
    assert.equal(localDigits(12, 'fa'), '۱۲');
  });

  test('toLatinDigits reads Persian and Arabic-Indic digits', () => {
    assert.equal(toLatinDigits('۱۲۳۴'), '1234');
    assert.equal(toLatinDigits('٤٥٦ و 7'), '456 و 7');
    fc.assert(fc.property(fc.nat(), (n) => assert.equal(toLatinDigits(faDigits(n)), String(n))));
  });
});

describe('dates and times', () => {
  const morning = tehran(2026, 11, 22, 7, 5);

  test('formatJalaliDate', () => {
    assert.equal(formatJalaliDate(morning, TEHRAN, 'fa'), '۱ آذر ۱۴۰۵');
    assert.equal(formatJalaliDate(morning, TEHRAN, 'en'), '1 Azar 1405');
    assert.equal(formatJalaliDate(morning, TEHRAN, 'fa', { weekday: true }), 'یکشنبه ۱ آذر ۱۴۰۵');
    assert.equal(formatJalaliDate(morning, TEHRAN, 'en', { weekday: true }), 'Sunday, 1 Azar 1405');
  });

  test('formatJalaliDate uses the local day', () => {
    assert.equal(formatJalaliDate(tehran(2026, 3, 20, 23, 59), TEHRAN, 'fa'), '۲۹ اسفند ۱۴۰۴');
    assert.equal(formatJalaliDate(tehran(2026, 3, 21, 0, 1), TEHRAN, 'fa'), '۱ فروردین ۱۴۰۵');
  });

  test('formatClock is 24-hour, zero-padded', () => {
    assert.equal(formatClock(morning, TEHRAN, 'fa'), '۰۷:۰۵');
    assert.equal(formatClock(tehran(2026, 11, 22, 14, 30), TEHRAN, 'en'), '14:30');
    assert.equal(formatClock(tehran(2026, 11, 22, 0, 0), TEHRAN, 'en'), '00:00');
  });

  test('weekdayName', () => {
    assert.equal(weekdayName('tue', 'fa'), 'سه‌شنبه');
    assert.equal(weekdayName('thu', 'en'), 'Thursday');
  });
});

describe('roundWaitRange', () => {
  test('a point estimate becomes the step around it: 1 minute under 10, 2 under 20, 5 under an hour', () => {
    assert.deepEqual(roundWaitRange(minutes(7)), { low: minutes(7), high: minutes(8) });
    assert.deepEqual(roundWaitRange(minutes(12)), { low: minutes(12), high: minutes(14) });
    assert.deepEqual(roundWaitRange(minutes(10)), { low: minutes(10), high: minutes(12) });
    assert.deepEqual(roundWaitRange(minutes(32)), { low: minutes(30), high: minutes(35) });
  });

  test('the shortest promise is five minutes: «کمتر از ۵ دقیقه»', () => {
    assert.deepEqual(roundWaitRange(0), { low: 0, high: minutes(5) });
    assert.deepEqual(roundWaitRange({ low: 30, high: minutes(2) }), { low: 0, high: minutes(5) });
    assert.deepEqual(roundWaitRange({ low: minutes(3), high: minutes(4) }), { low: minutes(3), high: minutes(5) });
  });

  test('a range is widened to whole steps, 10 minutes past an hour', () => {
    assert.deepEqual(roundWaitRange({ low: minutes(7.5), high: minutes(13) }), { low: minutes(7), high: minutes(14) });
    assert.deepEqual(roundWaitRange({ low: minutes(17), high: minutes(23) }), { low: minutes(16), high: minutes(25) });
    assert.deepEqual(roundWaitRange({ low: minutes(62), high: minutes(75) }), { low: minutes(60), high: minutes(80) });
  });

  test('negative waits count as none; a non-finite wait is refused', () => {
    assert.deepEqual(roundWaitRange({ low: -30, high: 100 }), { low: 0, high: minutes(5) });
    assert.throws(() => roundWaitRange(Number.NaN), RangeError);
  });

  test('always contains the raw range, on whole minutes, at least one step wide, and rounds to itself', () => {
    const wait = fc.double({ min: 0, max: 6 * 3600, noNaN: true });
    fc.assert(
      fc.property(wait, wait, (a, b) => {
        const rounded = roundWaitRange({ low: Math.min(a, b), high: Math.max(a, b) });
        assert.ok(rounded.low <= Math.min(a, b) && rounded.high >= Math.max(a, b));
        assert.ok(rounded.high > rounded.low && rounded.high >= minutes(5));
        assert.equal(rounded.low % 60, 0);
        assert.equal(rounded.high % 60, 0);
        assert.deepEqual(roundWaitRange(rounded), rounded);
      }),
    );
  });
});

describe('waitRangeText', () => {
  const cases: [low: number, high: number, fa: string, en: string][] = [
    [0, minutes(3), 'کمتر از ۵ دقیقه', 'less than 5 minutes'],
    [0, minutes(13), 'کمتر از ۱۴ دقیقه', 'less than 14 minutes'],
    [minutes(4.5), minutes(8.2), '۴ تا ۹ دقیقه', '4 to 9 minutes'],
    [minutes(10), minutes(15), '۱۰ تا ۱۶ دقیقه', '10 to 16 minutes'],
    [minutes(20), minutes(25), '۲۰ تا ۲۵ دقیقه', '20 to 25 minutes'],
    [minutes(45), minutes(58), '۴۵ تا ۶۰ دقیقه', '45 to 60 minutes'],
    [minutes(65), minutes(75), '۱ ساعت تا ۱ ساعت و ۲۰ دقیقه', '1 hour to 1 hour 20 minutes'],
    [minutes(110), minutes(130), '۱ ساعت و ۵۰ دقیقه تا ۲ ساعت و ۱۰ دقیقه', '1 hour 50 minutes to 2 hours 10 minutes'],
    [0, minutes(70), 'کمتر از ۱ ساعت و ۱۰ دقیقه', 'less than 1 hour 10 minutes'],
    [minutes(20), minutes(90), '۲۰ دقیقه تا ۱ ساعت و ۳۰ دقیقه', '20 minutes to 1 hour 30 minutes'],
    [minutes(20), Number.POSITIVE_INFINITY, 'نامعلوم', 'unknown'],
  ];
  for (const [low, high, fa, en] of cases) {
    test(`${low / 60}–${high / 60} min reads «${fa}»`, () => {
      assert.equal(waitRangeText({ low, high }, 'fa'), fa);
      assert.equal(waitRangeText({ low, high }, 'en'), en);
    });
  }

  test('has no Latin digits in Persian', () => {
    const wait = fc.double({ min: 0, max: 8 * 3600, noNaN: true });
    fc.assert(fc.property(wait, wait, (a, b) => assert.doesNotMatch(waitRangeText({ low: a, high: b }, 'fa'), /[0-9]/)));
  });
});

describe('numberToPersianWords', () => {
  const cases: [number, string][] = [
    [0, 'صفر'],
    [5, 'پنج'],
    [11, 'یازده'],
    [20, 'بیست'],
    [21, 'بیست و یک'],
    [100, 'صد'],
    [101, 'صد و یک'],
    [110, 'صد و ده'],
    [999, 'نهصد و نود و نه'],
    [1000, 'هزار'],
    [1001, 'هزار و یک'],
    [2045, 'دو هزار و چهل و پنج'],
    [12_000, 'دوازده هزار'],
    [100_000, 'صد هزار'],
    [1_000_000, 'یک میلیون'],
    [1_000_001, 'یک میلیون و یک'],
    [2_300_000_000, 'دو میلیارد و سیصد میلیون'],
    [-3, 'منفی سه'],
  ];
  for (const [n, words] of cases) test(`${n} → ${words}`, () => assert.equal(numberToPersianWords(n), words));

  test('refuses what cannot be spoken as an integer', () => {
    assert.throws(() => numberToPersianWords(1.5), RangeError);
    assert.throws(() => numberToPersianWords(Number.MAX_SAFE_INTEGER + 1), RangeError);
  });

  test('never has empty words or a dangling «و»', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const words = numberToPersianWords(n);
        assert.doesNotMatch(words, /\s{2}|^\s|\s$|^و |\sو$|و و/);
      }),
    );
  });
});
