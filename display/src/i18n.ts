// The display's words in Persian and English. `fa` is the source: its keys type every lookup, so a
// misspelt key or a missing English text fails the build. Direction is data, not a special case.
import { createTranslator } from '../../ui/i18n.js';

export { applyDocumentLanguage, type Lang } from '../../ui/i18n.js';

const fa = {
  title: 'تابلوی نوبت',
  number: 'شماره',
  desk: 'باجه',
  goToDesk: 'به باجهٔ {desk} مراجعه کنید',
  recall: 'تکرار',
  meeting: 'ملاقات با مدیر',
  noCalls: 'هنوز شماره‌ای اعلام نشده است',
  recentCalls: 'شماره‌های اعلام‌شده',
  services: 'خدمات و صف انتظار',
  waiting: 'در انتظار',
  people: '{n} نفر',
  estimatedWait: 'انتظار تقریبی',
  closed: 'اکنون ارائه نمی‌شود',
  noNewTickets: 'نوبت تازه داده نمی‌شود؛ نوبت‌های گرفته‌شده رسیدگی می‌شوند',
  charter: 'منشور حقوق شهروندی',
  steps: 'مراحل کار',
  expectedTime: 'زمان انجام کار در باجه: حدود {n} دقیقه',
  reconnecting: 'ارتباط با سامانه برقرار نیست؛ در حال اتصال دوباره…',
} as const;

export type MessageKey = keyof typeof fa;

const en: Record<MessageKey, string> = {
  title: 'Queue board',
  number: 'Number',
  desk: 'Desk',
  goToDesk: 'Please go to desk {desk}',
  recall: 'Again',
  meeting: 'Meeting the manager',
  noCalls: 'No number has been called yet',
  recentCalls: 'Called numbers',
  services: 'Services and waiting lines',
  waiting: 'Waiting',
  people: '{n}',
  estimatedWait: 'Estimated wait',
  closed: 'Not available now',
  noNewTickets: 'No new tickets; tickets already taken will be served',
  charter: "Citizens' rights charter",
  steps: 'Steps',
  expectedTime: 'Time at the desk: about {n} {minute|minutes}',
  reconnecting: 'Lost the connection to the system; reconnecting…',
};

export const { t, tn } = createTranslator<MessageKey>({ fa, en });
