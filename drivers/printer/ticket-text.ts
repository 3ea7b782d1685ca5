// Turns the fields of a print job into the Persian strings printed on the ticket: Persian digits,
// the Jalali date and time in the office's time zone, and people ahead (the wait line comes worded by the server).

const persianDigits = '۰۱۲۳۴۵۶۷۸۹';

/** Replaces ASCII (and Arabic-Indic) digits with Persian ones; everything else is kept. */
export function toPersianDigits(text: string): string {
  return text.replace(/[0-9\u0660-\u0669]/g, (d) => persianDigits[d.charCodeAt(0) & 0xf]!);
}

/** «یکشنبه ۱ آذر ۱۴۰۵» and «۱۴:۰۵» in `timeZone`, from the Persian (Jalali) calendar. */
export function jalaliDateAndTime(epochMs: number, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
    timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long',
  }).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
  const time = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
    timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(epochMs);
  return { date, time: toPersianDigits(time) };
}

/** The date and time in English, still of the Persian calendar the office keeps: «Sunday 1 Azar 1405», «14:05». */
export function jalaliDateAndTimeEn(epochMs: number, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-u-ca-persian', { timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = new Intl.DateTimeFormat('en-u-ca-persian', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(epochMs);
  return { date: `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`, time };
}

const englishPlural = new Intl.PluralRules('en');

export function aheadText(ahead: number, language: 'fa' | 'en' = 'fa'): string {
  // Not «نفر بعدی شما هستید»: with nobody ahead the wait may still be a visit under way or no desk open.
  if (language === 'en') return ahead <= 0 ? 'Nobody is ahead of you in line' : `${ahead} ${englishPlural.select(ahead) === 'one' ? 'person' : 'people'} ahead of you`;
  if (ahead <= 0) return 'کسی پیش از شما در صف نیست';
  return `${toPersianDigits(String(ahead))} نفر پیش از شما`;
}
