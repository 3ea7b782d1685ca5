// The one formatting module the screens, tickets and spoken calls use: Persian digits, Jalali dates,
// clock times, wait ranges and numbers in words, each in Persian or English.
export { faDigits, localDigits, toLatinDigits, type Lang } from './digits.js';
export { formatClock, formatJalaliDate, formatJalaliKey, formatJalaliMonth, weekdayName, type JalaliDateFormat } from './dates.js';
export { roundWaitRange, waitLineText, waitPromiseText, waitRangeText, type WaitRange } from './wait-range.js';
export { numberToPersianWords } from './persian-words.js';
