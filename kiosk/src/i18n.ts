// The kiosk's words in Persian and English. `fa` is the source: its keys type every lookup, so a
// misspelt key or a missing English text fails the build. Direction is data, not a special case.
import type { Lang } from '../../server/time/persian.js';

export type { Lang };

export const LANGUAGES: Record<Lang, { dir: 'rtl' | 'ltr'; label: string }> = {
  fa: { dir: 'rtl', label: 'فارسی' },
  en: { dir: 'ltr', label: 'English' },
};

/** Sets the page's language and direction (and its title, where the screen has one to say). */
export function applyDocumentLanguage(lang: Lang, title?: string): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = LANGUAGES[lang].dir;
  if (title !== undefined) document.title = `${title} — ${lang === 'fa' ? 'نوبت' : 'nobat'}`;
}

const fa = {
  title: 'نوبت‌دهی',
  chooseService: 'خدمت مورد نظر خود را انتخاب کنید',
  waiting: 'در انتظار',
  people: 'نفر',
  estimatedWait: 'زمان تقریبی انتظار',
  closed: 'اکنون ارائه نمی‌شود',
  serviceWithdrawn: 'این خدمت دیگر در این اداره نوبت نمی‌دهد. خدمت دیگری برگزینید.',
  unknownWait: 'نامعلوم',
  back: 'بازگشت',
  home: 'صفحهٔ اصلی',
  charter: 'منشور حقوق شهروندی',
  noCharter: 'متن منشور برای این اداره ثبت نشده است.',
  description: 'این خدمت چیست',
  documents: 'مدارک لازم',
  steps: 'مراحل کار',
  legalBasis: 'مبنای قانونی',
  fees: 'هزینه',
  expectedTime: 'زمان انجام کار در باجه',
  minutesAbout: 'حدود {n} دقیقه',
  priorityTitle: 'نوبت اولویت‌دار',
  priorityNone: 'نوبت عادی',
  elderly: 'سالمندان',
  disabled: 'توان‌خواهان',
  veteran: 'ایثارگران',
  pregnant: 'بانوان باردار',
  priorityNotice: 'نوبت اولویت‌دار فقط برای همین گروه‌هاست. کارمند باجه ممکن است مدرک آن را از شما بخواهد.',
  takeTicket: 'گرفتن نوبت',
  issuing: 'در حال صدور نوبت…',
  retrying: 'ارتباط با سامانه برقرار نیست؛ دوباره تلاش می‌کنیم. لطفاً صبر کنید.',
  serverUnavailable: 'سامانه اکنون نمی‌تواند نوبت ثبت کند؛ دوباره تلاش می‌کنیم. لطفاً صبر کنید یا به کارکنان خبر دهید.',
  issueFailed: 'صدور نوبت ممکن نشد',
  yourNumber: 'شمارهٔ نوبت شما',
  ahead: 'نفر پیش از شما',
  issuedAt: 'ساعت صدور',
  scanToTrack: 'برای دنبال کردن نوبت روی تلفن همراه، این کد را اسکن کنید',
  watchBoard: 'شمارهٔ خود را روی تابلو دنبال کنید و هنگام اعلام به باجه بروید.',
  takeSlip: 'برگهٔ نوبت خود را از چاپگر بردارید',
  idleTitle: 'هنوز اینجا هستید؟',
  idleText: 'اگر صفحه را لمس نکنید، کیوسک تا {n} ثانیهٔ دیگر به صفحهٔ اصلی برمی‌گردد.',
  stay: 'ادامه می‌دهم',
  done: 'تمام',
  pairTitle: 'جفت‌کردن این کیوسک',
  pairHelp: 'این کیوسک هنوز به سامانه شناسانده نشده است. کد هشت‌رقمی‌ای را که مدیر سامانه با این فرمان گرفته است وارد کنید:',
  pairButton: 'جفت‌کردن',
  printFailed: 'بلیت شما چاپ نشد',
  printBusy: 'چاپگر مشغول است؛ بلیت شما چاپ نمی‌شود',
  printFallback: 'نوبت شما ثبت شده است. لطفاً شماره را یادداشت کنید یا از این صفحه و کد آن عکس بگیرید. کارکنان باخبر شده‌اند.',
  reconnecting: 'در حال برقراری دوباره ارتباط با سامانه…',
  loading: 'در حال بارگذاری…',
  guidanceOnly: 'راهنمای خدمات',
} as const;

export type MessageKey = keyof typeof fa;

const en: Record<MessageKey, string> = {
  title: 'Take a number',
  chooseService: 'Choose the service you need',
  waiting: 'Waiting',
  people: '{person|people}',
  estimatedWait: 'Estimated wait',
  closed: 'Not available now',
  serviceWithdrawn: 'This service no longer gives tickets here. Please choose another.',
  unknownWait: 'unknown',
  back: 'Back',
  home: 'Home',
  charter: "Citizens' rights charter",
  noCharter: 'This office has not published its charter here.',
  description: 'What this service is',
  documents: 'Documents to bring',
  steps: 'Steps',
  legalBasis: 'Legal basis',
  fees: 'Fees',
  expectedTime: 'Time at the desk',
  minutesAbout: 'about {n} {minute|minutes}',
  priorityTitle: 'Priority ticket',
  priorityNone: 'Regular ticket',
  elderly: 'Elderly',
  disabled: 'Disabled',
  veteran: 'Veterans',
  pregnant: 'Pregnant women',
  priorityNotice: 'Priority tickets are only for these groups. Staff at the desk may ask you for proof.',
  takeTicket: 'Take a ticket',
  issuing: 'Issuing your ticket…',
  retrying: 'Cannot reach the system; trying again. Please wait.',
  serverUnavailable: 'The system cannot record tickets right now; trying again. Please wait or tell the staff.',
  issueFailed: 'The ticket could not be issued',
  yourNumber: 'Your number',
  ahead: 'people ahead of you',
  issuedAt: 'Issued at',
  scanToTrack: 'Scan this code to follow your ticket on your phone',
  watchBoard: 'Watch the board for your number and go to the desk when it is called.',
  takeSlip: 'Take your ticket slip from the printer',
  idleTitle: 'Are you still there?',
  idleText: 'Unless you touch the screen, the kiosk goes back to the start in {n} {second|seconds}.',
  stay: 'Stay',
  done: 'Done',
  pairTitle: 'Pair this kiosk',
  pairHelp: 'The system does not know this kiosk yet. Enter the eight-digit code an administrator got with this command:',
  pairButton: 'Pair',
  printFailed: 'Your ticket was not printed',
  printBusy: 'The printer is busy; your ticket will not be printed',
  printFallback: 'Your turn is registered. Please note the number or take a photo of this screen and its code. Staff have been told.',
  reconnecting: 'Reconnecting to the system…',
  loading: 'Loading…',
  guidanceOnly: 'Service guide',
};

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { fa, en };

/** The text for `key`, with `{name}` placeholders filled in. */
export function t(lang: Lang, key: MessageKey, values: Record<string, string> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

/** `t` for a message about `count` things: its `{one|other}` choices follow the language's plural rules. */
export function tn(lang: Lang, key: MessageKey, count: number, values: Record<string, string> = {}): string {
  return pluralize(lang, t(lang, key, values), count);
}

/** Picks each `{one|other}` of `text` by Intl.PluralRules («1 person», "2 people"); Persian needs none. */
export function pluralize(lang: Lang, text: string, count: number): string {
  const one = new Intl.PluralRules(lang).select(count) === 'one';
  return text.replace(/\{([^{}|]*)\|([^{}|]*)\}/g, (_, singular: string, plural: string) => (one ? singular : plural));
}
