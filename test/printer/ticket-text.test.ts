// The Persian wording of a ticket: digits, Jalali date and time, people ahead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aheadText, jalaliDateAndTime, toPersianDigits } from '../../drivers/printer/ticket-text.js';

test('digits become Persian, letters stay', () => {
  assert.equal(toPersianDigits('A-1042'), 'A-۱۰۴۲');
  assert.equal(toPersianDigits('٣٤'), '۳۴');
});

test('Jalali date and time in the office time zone', () => {
  // 2025-03-25 09:07 UTC is Tuesday 5 Farvardin 1404, 12:37 in Tehran (UTC+3:30).
  assert.deepEqual(jalaliDateAndTime(Date.UTC(2025, 2, 25, 9, 7), 'Asia/Tehran'), { date: 'سه‌شنبه ۵ فروردین ۱۴۰۴', time: '۱۲:۳۷' });
  // 20:45 UTC on 20 March 2025 is already Nowruz 1404 in Tehran, but not in UTC.
  assert.match(jalaliDateAndTime(Date.UTC(2025, 2, 20, 20, 45), 'Asia/Tehran').date, /۱ فروردین ۱۴۰۴$/);
  assert.match(jalaliDateAndTime(Date.UTC(2025, 2, 20, 20, 45), 'UTC').date, /۳۰ اسفند ۱۴۰۳$/);
});

test('people ahead', () => {
  assert.equal(aheadText(0), 'کسی پیش از شما در صف نیست');
  assert.equal(aheadText(12), '۱۲ نفر پیش از شما');
});
