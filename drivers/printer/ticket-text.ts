// Turns the fields of a print job into the Persian strings printed on the ticket: Persian digits,
// the Jalali date and time in the office's time zone, people ahead, and the wait as a rounded range.

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

export function aheadText(ahead: number): string {
  if (ahead <= 0) return 'نفر بعدی شما هستید';
  return `${toPersianDigits(String(ahead))} نفر پیش از شما`;
}

/**
 * The wait range in whole minutes, low end rounded down and high end up, so the promise is rarely
 * broken; hours once the high end passes two hours.
 */
export function waitRangeText(wait: { low: number; high: number }): string {
  const lowSeconds = Math.max(0, Math.min(wait.low, wait.high));
  const highSeconds = Math.max(wait.low, wait.high);
  if (highSeconds < 60) return 'کمتر از یک دقیقه';
  if (highSeconds > 2 * 3600) {
    const lowHours = Math.max(1, Math.floor(lowSeconds / 3600));
    const highHours = Math.max(lowHours + 1, Math.ceil(highSeconds / 3600));
    return `${toPersianDigits(String(lowHours))} تا ${toPersianDigits(String(highHours))} ساعت`;
  }
  const lowMinutes = Math.floor(lowSeconds / 60);
  const highMinutes = Math.ceil(highSeconds / 60);
  if (lowMinutes === highMinutes) return `حدود ${toPersianDigits(String(highMinutes))} دقیقه`;
  if (lowMinutes === 0) return `کمتر از ${toPersianDigits(String(highMinutes))} دقیقه`;
  return `${toPersianDigits(String(lowMinutes))} تا ${toPersianDigits(String(highMinutes))} دقیقه`;
}
