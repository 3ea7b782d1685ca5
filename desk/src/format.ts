// The desk's formatting: durations and waits in the reader's digits, on top of the kiosk's helpers.
import { clockText } from '../../ui/format.js';
import { localDigits } from '../../server/time/persian.js';
import { t, type Lang } from './i18n.js';

export { clockText, localDigits };

/** A running timer: «۰۴:۰۷», or «۱:۰۴:۰۷» past an hour. */
export function timerText(ms: number, lang: Lang): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return localDigits(h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`, lang);
}

/** A wait in whole minutes: «۱۲ دقیقه», or «کمتر از یک دقیقه». */
export function minutesText(ms: number, lang: Lang): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  return minutes < 1 ? t(lang, 'lessThanMinute') : t(lang, 'minutes', { n: localDigits(minutes, lang) });
}

/** A ticket number as shown: Persian digits in Persian. */
export function numberText(number: string, lang: Lang): string {
  return localDigits(number, lang);
}
