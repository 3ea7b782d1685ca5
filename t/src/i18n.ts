// The phone page's words in Persian and English. `fa` is the source: its keys type every lookup, so
// a misspelt key or a missing English text fails the build. Each status says how the ticket stands
// or how it ended, honestly: a visitor sent away for a missing document is not told "done".
import { createTranslator, type Lang } from '../../ui/i18n.js';

const fa = {
  title: 'نوبت شما',
  numberLabel: 'شمارهٔ نوبت',
  ahead: 'نفر پیش از شما',
  wait: 'زمان تقریبی انتظار',
  serviceClosed: 'این خدمت دیگر نوبت تازه نمی‌دهد، اما نوبت شما معتبر است و به آن رسیدگی می‌شود.',
  sound: 'فعال کردن صدای اعلام نوبت',
  reconnecting: 'در حال برقراری دوباره ارتباط…',
  issued: 'در صف انتظار',
  transferred: 'نوبت شما به این خدمت منتقل شد و در صف آن است',
  called: 'نوبت شما رسید',
  calledToDesk: 'به باجهٔ {desk} مراجعه کنید',
  serving: 'در حال رسیدگی',
  parked: 'در انتظار تکمیل کار',
  done: 'کار شما انجام شد',
  referred: 'کار شما به واحد یا مرجع دیگری ارجاع شد؛ طبق راهنمایی باجه اقدام کنید',
  incomplete_documents: 'کار شما انجام نشد، چون مدارک کامل نبود. با مدارک کامل دوباره نوبت بگیرید',
  no_show: 'هنگام فراخوان حاضر نبودید و نوبت شما گذشت. اگر هنوز در اداره هستید، از یکی از باجه‌ها بخواهید نوبتتان را دوباره فعال کند، یا از کیوسک نوبت تازه بگیرید',
  cancelled: 'این نوبت باطل شد',
  notFound: 'این نوبت پیدا نشد',
  notFoundHelp: 'نشانی را از روی برگهٔ نوبت دوباره بررسی کنید، یا از کیوسک نوبت تازه بگیرید.',
  refused: 'اکنون نمی‌توان این نوبت را نشان داد',
  feedback: 'ثبت شکایت، انتقاد یا پیشنهاد دربارهٔ این نوبت',
} as const;

export type TrackKey = keyof typeof fa;

const en: Record<TrackKey, string> = {
  title: 'Your ticket',
  numberLabel: 'Ticket number',
  ahead: 'people ahead of you',
  wait: 'Estimated wait',
  serviceClosed: 'This service no longer gives new tickets, but yours is valid and will be served.',
  sound: 'Turn on the call sound',
  reconnecting: 'Reconnecting…',
  issued: 'Waiting in line',
  transferred: 'Your ticket was transferred to this service and is in its line',
  called: 'It is your turn',
  calledToDesk: 'Please go to desk {desk}',
  serving: 'Being served',
  parked: 'On hold until your case can continue',
  done: 'Your service is complete',
  referred: 'Your case was referred to another unit or office; follow what the desk told you',
  incomplete_documents: 'Not completed: documents were missing. Take a new ticket when you have them all',
  no_show: 'You were not there when called, so your turn passed. If you are still in the office, ask at a desk to put your ticket back in line, or take a new ticket at the kiosk',
  cancelled: 'This ticket was cancelled',
  notFound: 'This ticket was not found',
  notFoundHelp: 'Check the address on your ticket slip, or take a new ticket at the kiosk.',
  refused: 'This ticket cannot be shown right now',
  feedback: 'A complaint, criticism or suggestion about this ticket',
};

/** The text for `key`, with `{name}` placeholders filled in. */
export const { t: tt } = createTranslator<TrackKey>({ fa, en });

/** True for the words of a status the page knows. */
export function isStatusKey(key: string): key is TrackKey {
  return Object.hasOwn(fa, key);
}

/**
 * The reader's language: the address's `?lang=` (the kiosk adds it when the visitor read it in
 * English), else the one chosen on this page before, else Persian, the office's language. The
 * browser's own language is no guide: many Persian readers' phones are set to English.
 */
export function pickLanguage(fromAddress: string | null, chosen: string | null): Lang {
  for (const lang of [fromAddress, chosen]) if (lang === 'fa' || lang === 'en') return lang;
  return 'fa';
}
