// The booking page's words in Persian and English. `fa` is the source: its keys type every lookup, so
// a misspelt key or a missing English text fails the build. A refusal from the server is shown in its
// own Persian sentence; in English the page says it by the refusal's code (`errorText`).
import type { Lang } from '../../server/time/persian.js';

const fa = {
  title: 'رزرو نوبت',
  heading: 'رزرو نوبت',
  manageHeading: 'نوبت رزروشده',
  stepService: 'خدمت',
  stepDay: 'روز',
  stepTime: 'ساعت',
  stepMobile: 'تلفن همراه',
  stepConfirm: 'تأیید',
  chooseService: 'برای کدام خدمت نوبت می‌خواهید؟',
  noBookable: 'اکنون هیچ خدمتی در این اداره نوبت اینترنتی نمی‌دهد.',
  chooseDay: 'روز مراجعه را انتخاب کنید',
  noDays: 'برای این خدمت روز خالی‌ای در پیش نیست.',
  freeCount: '{n} نوبت خالی',
  full: 'پر',
  previousMonth: 'ماه قبل',
  nextMonth: 'ماه بعد',
  chooseTime: 'ساعت مراجعه را انتخاب کنید',
  noSlots: 'در این روز ساعت خالی‌ای نمانده است. روز دیگری انتخاب کنید.',
  mobileLabel: 'شمارهٔ تلفن همراه',
  mobileHelp: 'کد تأیید به این شماره پیامک می‌شود. شماره را با رقم فارسی یا لاتین بنویسید، مانند ۰۹۱۲۳۴۵۶۷۸۹.',
  mobileInvalid: 'این شمارهٔ تلفن همراه درست نیست. شماره‌ای ۱۱ رقمی که با ۰۹ شروع می‌شود بنویسید.',
  sendCode: 'فرستادن کد تأیید',
  sending: 'در حال فرستادن…',
  codeLabel: 'کد تأیید پیامک‌شده',
  codeHelp: 'کدی را که به شمارهٔ {mobile} پیامک شد بنویسید. این ساعت تا {until} برای شما نگه داشته می‌شود.',
  confirm: 'تأیید و ثبت نوبت',
  confirming: 'در حال ثبت…',
  changeMobile: 'تغییر شماره',
  booked: 'نوبت شما ثبت شد',
  bookingCode: 'کد رزرو',
  keepCode: 'این کد را نگه دارید: در روز مراجعه آن را در کیوسک اداره وارد کنید یا کد QR را نشان دهید. برای لغو یا تغییر نوبت هم لازم است.',
  when: 'زمان مراجعه',
  service: 'خدمت',
  status: 'وضعیت',
  statusBooked: 'رزروشده',
  statusCancelled: 'لغوشده',
  statusCheckedIn: 'حضور ثبت شد',
  statusMissed: 'مراجعه نشد',
  arriveEarly: 'چند دقیقه پیش از زمان نوبت در اداره باشید.',
  manage: 'پیگیری، لغو یا تغییر نوبت رزروشده',
  manageLabel: 'کد رزرو',
  manageHelp: 'کدی را که پس از رزرو دیدید یا پیامک شد بنویسید.',
  find: 'نمایش نوبت',
  finding: 'در حال جست‌وجو…',
  cancel: 'لغو نوبت',
  cancelConfirm: 'این نوبت لغو شود؟ ساعت آن برای دیگران آزاد می‌شود.',
  cancelled: 'نوبت لغو شد.',
  reschedule: 'تغییر روز یا ساعت',
  rescheduling: 'روز و ساعت تازه را انتخاب کنید. کد رزرو همان می‌ماند.',
  rescheduled: 'زمان نوبت تغییر کرد.',
  newBooking: 'رزرو نوبت دیگر',
  back: 'بازگشت',
  loading: 'در حال بارگذاری…',
  unreachable: 'ارتباط با سامانهٔ اداره برقرار نشد. اتصال اینترنت را بررسی کنید و دوباره تلاش کنید.',
  tryAgain: 'دوباره تلاش کنید',
  holdExpired: 'مهلت نگه‌داشتن این ساعت گذشت. دوباره ساعتی انتخاب کنید.',
} as const;

export type BookKey = keyof typeof fa;

const en: Record<BookKey, string> = {
  title: 'Book a visit',
  heading: 'Book a visit',
  manageHeading: 'Your booking',
  stepService: 'Service',
  stepDay: 'Day',
  stepTime: 'Time',
  stepMobile: 'Mobile',
  stepConfirm: 'Confirm',
  chooseService: 'Which service do you need?',
  noBookable: 'No service of this office can be booked online now.',
  chooseDay: 'Choose the day of your visit',
  noDays: 'There is no free day ahead for this service.',
  freeCount: '{n} free',
  full: 'full',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  chooseTime: 'Choose the time of your visit',
  noSlots: 'No free time is left on this day. Choose another day.',
  mobileLabel: 'Mobile number',
  mobileHelp: 'A confirmation code is sent to this number by SMS. For example 09123456789.',
  mobileInvalid: 'This is not a valid mobile number. Type 11 digits starting with 09.',
  sendCode: 'Send the code',
  sending: 'Sending…',
  codeLabel: 'Code sent by SMS',
  codeHelp: 'Type the code sent to {mobile}. This time is held for you until {until}.',
  confirm: 'Confirm the booking',
  confirming: 'Booking…',
  changeMobile: 'Change the number',
  booked: 'Your visit is booked',
  bookingCode: 'Booking code',
  keepCode: 'Keep this code: on the day, type it at the office kiosk or show the QR code. You also need it to cancel or change the booking.',
  when: 'Time of visit',
  service: 'Service',
  status: 'Status',
  statusBooked: 'Booked',
  statusCancelled: 'Cancelled',
  statusCheckedIn: 'Checked in',
  statusMissed: 'Not attended',
  arriveEarly: 'Please be at the office a few minutes before your time.',
  manage: 'See, cancel or change a booking',
  manageLabel: 'Booking code',
  manageHelp: 'Type the code you saw after booking or received by SMS.',
  find: 'Show the booking',
  finding: 'Looking…',
  cancel: 'Cancel the booking',
  cancelConfirm: 'Cancel this booking? Its time becomes free for others.',
  cancelled: 'The booking was cancelled.',
  reschedule: 'Change the day or time',
  rescheduling: 'Choose the new day and time. The booking code stays the same.',
  rescheduled: 'The time of the booking was changed.',
  newBooking: 'Book another visit',
  back: 'Back',
  loading: 'Loading…',
  unreachable: 'The office could not be reached. Check the connection and try again.',
  tryAgain: 'Try again',
  holdExpired: 'This time is no longer held for you. Please choose a time again.',
};

const MESSAGES: Record<Lang, Record<BookKey, string>> = { fa, en };

/** The text for `key`, with `{name}` placeholders filled in. */
export function bt(lang: Lang, key: BookKey, values: Record<string, string> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

/** Refusals a visitor meets while booking, said in English by their code. */
const ENGLISH_REFUSALS: Record<string, string> = {
  slot_full: 'Someone has just taken the last place at this time. Please choose another.',
  slot_unavailable: 'This time can no longer be booked. Please choose another.',
  wrong_code: 'The code is not right. Check the SMS and type it again.',
  hold_expired: 'This time is no longer held for you. Please choose a time again.',
  mobile_limit: 'This mobile number already holds as many future bookings as allowed. Cancel one first.',
  sms_not_sent: 'No SMS can be sent to this number right now. Please try again a little later.',
  rate_limited: 'Too many requests in a row. Please wait a minute and try again.',
  unknown_booking: 'No booking has this code. Check it and try again.',
  booking_not_active: 'This booking was cancelled or has already been used.',
  booking_past: 'The time of this booking has passed.',
  not_bookable: 'This service cannot be booked online.',
  booking_off: 'This office does not take bookings online.',
};

/** What to tell the reader about a refusal: the server's own Persian sentence, or the English one for its code. */
export function errorText(lang: Lang, refusal: { code: string; message: string }): string {
  if (lang === 'fa') return refusal.message;
  return ENGLISH_REFUSALS[refusal.code] ?? `The office refused this (${refusal.code}).`;
}

/** Parts of one spoken label joined as the language writes a list: «۱۰:۰۰، ۳ نوبت خالی». */
export function joinParts(lang: Lang, parts: string[]): string {
  return parts.join(lang === 'fa' ? '، ' : ', ');
}
