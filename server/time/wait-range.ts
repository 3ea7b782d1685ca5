// The estimated wait as a promise a person can hold us to: a rounded range whose upper end is the
// promise («۱۰ تا ۱۵ دقیقه»), never a falsely precise minute. Rounding widens, never narrows.
import { localDigits, type Lang } from './digits.js';

/** A wait in seconds, from `low` to `high`. */
export interface WaitRange {
  low: number;
  high: number;
}

/** Rounding step in minutes: 5 under an hour, 10 up to three hours, 30 beyond. */
function stepMinutes(minutes: number): number {
  if (minutes < 60) return 5;
  if (minutes < 180) return 10;
  return 30;
}

/**
 * A wait estimate (seconds, or a range of seconds) widened to whole steps: the low end rounded down,
 * the high end up, and at least one step wide. 12 min → 10–15 min; 10–10 min → 10–15 min.
 */
export function roundWaitRange(estimate: number | WaitRange): WaitRange {
  const raw = typeof estimate === 'number' ? { low: estimate, high: estimate } : estimate;
  if (!Number.isFinite(raw.low) || !Number.isFinite(raw.high)) throw new RangeError(`not a finite wait: ${raw.low}–${raw.high}`);
  const lowMinutes = Math.max(0, Math.min(raw.low, raw.high)) / 60;
  const highMinutes = Math.max(0, raw.low, raw.high) / 60;
  const low = Math.floor(lowMinutes / stepMinutes(lowMinutes)) * stepMinutes(lowMinutes);
  let high = Math.ceil(highMinutes / stepMinutes(highMinutes)) * stepMinutes(highMinutes);
  if (high <= low) high = low + stepMinutes(low);
  return { low: low * 60, high: high * 60 };
}

const WORDS = {
  fa: { unknown: 'نامعلوم', lessThan: 'کمتر از', to: 'تا', about: 'حدود', minutes: 'دقیقه' },
  en: { unknown: 'unknown', lessThan: 'less than', to: 'to', about: 'about', minutes: 'minutes' },
} as const;

/**
 * A wait range in words: «کمتر از ۵ دقیقه», «۱۰ تا ۱۵ دقیقه», «حدود ۱ ساعت و ۱۰ دقیقه»;
 * "less than 5 minutes", "10 to 15 minutes", "about 1 hour 10 minutes". A range that cannot be
 * estimated (no desk open: Infinity) reads «نامعلوم» / "unknown".
 */
export function waitRangeText(range: WaitRange, lang: Lang): string {
  const words = WORDS[lang];
  if (!Number.isFinite(range.low) || !Number.isFinite(range.high)) return words.unknown;
  const rounded = roundWaitRange(range);
  const low = rounded.low / 60;
  const high = rounded.high / 60;
  if (high <= 60) {
    if (low === 0) return `${words.lessThan} ${localDigits(high, lang)} ${words.minutes}`;
    return `${localDigits(low, lang)} ${words.to} ${localDigits(high, lang)} ${words.minutes}`;
  }
  // Past an hour a two-sided range gets too long for a ticket; say the middle, rounded up.
  if (low >= 60) {
    const middle = (low + high) / 2;
    const step = stepMinutes(middle);
    return `${words.about} ${duration(Math.ceil(middle / step) * step, lang)}`;
  }
  return `${duration(low, lang)} ${words.to} ${duration(high, lang)}`;
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
