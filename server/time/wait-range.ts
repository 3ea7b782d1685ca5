// The estimated wait as a promise a person can hold us to: a rounded range whose upper end is the
// promise («۱۰ تا ۱۵ دقیقه»), never a falsely precise minute. Rounding widens, never narrows.
import type { Weekday } from '../config/schema.js';
import type { OfficeMoment, WaitPromiseView } from '../estimate/promise.js';
import { localDigits, type Lang } from './digits.js';

/** A wait in seconds, from `low` to `high`. */
export interface WaitRange {
  low: number;
  high: number;
}

/**
 * Rounding step in minutes: 1 under 10 minutes, 2 under 20, 5 under an hour, 10 up to three hours, 30
 * beyond. Each boundary is a whole number of both steps around it, so a rounded range rounds to itself.
 */
function stepMinutes(minutes: number): number {
  if (minutes < 10) return 1;
  if (minutes < 20) return 2;
  if (minutes < 60) return 5;
  if (minutes < 180) return 10;
  return 30;
}

/** The shortest promise: «کمتر از ۵ دقیقه», as long as "you are next" (promise.ts). */
export const SHORTEST_PROMISE_MINUTES = 5;

/**
 * A wait estimate (seconds, or a range of seconds) widened to whole steps: the low end rounded down,
 * the high end up, at least one step wide and reaching at least five minutes.
 * 12 min → 12–14 min; 3–4 min → 3–5 min; 25–32 min → 25–35 min.
 */
export function roundWaitRange(estimate: number | WaitRange): WaitRange {
  const raw = typeof estimate === 'number' ? { low: estimate, high: estimate } : estimate;
  if (!Number.isFinite(raw.low) || !Number.isFinite(raw.high)) throw new RangeError(`not a finite wait: ${raw.low}–${raw.high}`);
  const lowMinutes = Math.max(0, Math.min(raw.low, raw.high)) / 60;
  const highMinutes = Math.max(0, raw.low, raw.high) / 60;
  const low = Math.floor(lowMinutes / stepMinutes(lowMinutes)) * stepMinutes(lowMinutes);
  let high = Math.max(SHORTEST_PROMISE_MINUTES, Math.ceil(highMinutes / stepMinutes(highMinutes)) * stepMinutes(highMinutes));
  if (high <= low) high = low + stepMinutes(low);
  return { low: low * 60, high: high * 60 };
}

const WORDS = {
  fa: { unknown: 'نامعلوم', lessThan: 'کمتر از', to: 'تا', about: 'حدود', minutes: 'دقیقه' },
  en: { unknown: 'unknown', lessThan: 'less than', to: 'to', about: 'about', minutes: 'minutes' },
} as const;

/**
 * A wait range in words, exactly the rounded range: «کمتر از ۵ دقیقه», «۱۰ تا ۱۵ دقیقه»,
 * «۱ ساعت و ۱۰ دقیقه تا ۱ ساعت و ۲۰ دقیقه»; "less than 5 minutes", "10 to 15 minutes". A range
 * that cannot be estimated (Infinity) reads «نامعلوم» / "unknown".
 */
export function waitRangeText(range: WaitRange, lang: Lang): string {
  const words = WORDS[lang];
  if (!Number.isFinite(range.low) || !Number.isFinite(range.high)) return words.unknown;
  const rounded = roundWaitRange(range);
  const low = rounded.low / 60;
  const high = rounded.high / 60;
  if (low === 0) return `${words.lessThan} ${duration(high, lang)}`;
  if (high <= 60) return `${localDigits(low, lang)} ${words.to} ${localDigits(high, lang)} ${words.minutes}`;
  return `${duration(low, lang)} ${words.to} ${duration(high, lang)}`;
}

const NOTES = {
  fa: {
    next: 'نوبت شما به‌زودی اعلام می‌شود',
    no_desk_open: 'هنوز باجه‌ای برای این خدمت باز نیست',
    usually: (when: string) => `باجه‌ها معمولاً ${when} باز می‌شوند`,
    outside_hours: 'خارج از ساعت کاری',
    opens: (when: string) => `نوبت‌دهی ${when} آغاز می‌شود`,
    at: (clock: string) => `ساعت ${clock}`,
    separator: '؛ ',
  },
  en: {
    next: 'You will be called shortly',
    no_desk_open: 'No desk is open for this service yet',
    usually: (when: string) => `desks usually open ${when}`,
    outside_hours: 'Outside opening hours',
    opens: (when: string) => `opens ${when}`,
    at: (clock: string) => `at ${clock}`,
    separator: '; ',
  },
} as const;

const WEEKDAYS: Record<Lang, Record<Weekday, string>> = {
  fa: { sat: 'شنبه', sun: 'یکشنبه', mon: 'دوشنبه', tue: 'سه‌شنبه', wed: 'چهارشنبه', thu: 'پنجشنبه', fri: 'جمعه' },
  en: { sat: 'Saturday', sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday' },
};

const WAIT_LABEL = { fa: 'زمان تقریبی انتظار', en: 'Estimated wait' } as const;

/** What a visitor reads about their wait, from the one promise (server/estimate/promise.ts). */
export function waitPromiseText(promise: WaitPromiseView, lang: Lang): string {
  const notes = NOTES[lang];
  if (promise.estimatedWait) return waitRangeText(promise.estimatedWait, lang);
  const when = promise.opensAt ? momentText(promise.opensAt, lang) : null;
  switch (promise.waitNote) {
    case 'next':
      return notes.next;
    case 'no_desk_open':
      return when ? `${notes.no_desk_open}${notes.separator}${notes.usually(when)}` : notes.no_desk_open;
    case 'outside_hours':
      return when ? `${notes.outside_hours}${notes.separator}${notes.opens(when)}` : notes.outside_hours;
    default:
      return WORDS[lang].unknown;
  }
}

/** The slip's line: «زمان تقریبی انتظار: ۱۰ تا ۱۵ دقیقه» for a range, the note alone otherwise. */
export function waitLineText(promise: WaitPromiseView, lang: Lang): string {
  const text = waitPromiseText(promise, lang);
  return promise.estimatedWait ? `${WAIT_LABEL[lang]}: ${text}` : text;
}

/** «ساعت ۷:۳۰», «شنبه ساعت ۷:۳۰»; "at 07:30", "Saturday at 07:30". */
function momentText(moment: OfficeMoment, lang: Lang): string {
  const clock = lang === 'fa' ? localDigits(moment.clock.replace(/^0(?=\d:)/, ''), lang) : moment.clock;
  const at = NOTES[lang].at(clock);
  return moment.weekday === null ? at : `${WEEKDAYS[lang][moment.weekday]} ${at}`;
}

/** Whole minutes in hours and minutes: «۱ ساعت و ۱۰ دقیقه», "1 hour 10 minutes", "25 minutes". */
function duration(totalMinutes: number, lang: Lang): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const hourText = lang === 'fa' ? `${localDigits(hours, lang)} ساعت` : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const minuteText = lang === 'fa' ? `${localDigits(minutes, lang)} دقیقه` : `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  if (hours === 0) return minuteText;
  if (minutes === 0) return hourText;
  return lang === 'fa' ? `${hourText} و ${minuteText}` : `${hourText} ${minuteText}`;
}
