// The words of the kiosk's citizens'-voice screens; `fa` is the source of the keys, as in i18n.ts.
import type { FeedbackKind, MeetingReason } from './data/voice.js';
import { createTranslator, type Lang } from '../../ui/i18n.js';

const fa = {
  feedbackTile: 'ثبت شکایت، انتقاد یا پیشنهاد',
  feedbackTileHelp: 'نظر شما خوانده می‌شود و پاسخ آن را با کد پیگیری می‌بینید.',
  meetingTile: 'ملاقات با مدیر',
  meetingTileHelp: 'امروز از ساعت {from} تا {to}، {place}',
  kindQuestion: 'چه می‌خواهید ثبت کنید؟',
  topicQuestion: 'دربارهٔ چیست؟',
  serviceQuestion: 'به کدام خدمت مربوط است؟ (اختیاری)',
  noService: 'به خدمت خاصی مربوط نیست',
  textQuestion: 'متن خود را بنویسید',
  textPlaceholder: 'با صفحه‌کلید زیر بنویسید…',
  charactersLeft: '{n} نویسهٔ دیگر می‌توانید بنویسید',
  mobileQuestion: 'شمارهٔ همراه برای پاسخ (اختیاری)',
  mobileHelp: 'اگر بخواهید پاسخ را با پیامک هم بگیرید، شمارهٔ همراه خود را بنویسید؛ وگرنه خالی بگذارید.',
  keptStatement: 'آنچه نگه داشته می‌شود: متن، نوع و موضوع نظر شما، تا اداره به آن رسیدگی و پاسخ دهد. نام شما پرسیده نمی‌شود. شمارهٔ همراه، اگر بنویسید، رمزگذاری‌شده نگه داشته می‌شود، فقط مدیران برای پاسخ به شما آن را می‌بینند، و {n} روز پس از ثبت پاک می‌شود. هیچ‌یک روی تابلو، رسید یا آمار عمومی نمی‌آید.',
  next: 'ادامه',
  submit: 'ثبت',
  sending: 'در حال ثبت…',
  filedTitle: 'ثبت شد',
  codeLabel: 'کد پیگیری شما',
  codeHelp: 'با این کد، وضعیت و پاسخ را در نشانی {url} ببینید یا کد روی رسید را با تلفن همراه اسکن کنید.',
  takeReceipt: 'رسید کد پیگیری را از چاپگر بردارید',
  receiptFailed: 'رسید چاپ نشد؛ لطفاً کد را یادداشت کنید یا از صفحه عکس بگیرید.',
  reasonQuestion: 'موضوع ملاقات چیست؟',
  meetingTextQuestion: 'در چند کلمه بنویسید (اختیاری)',
  sessionQuestion: 'کدام ملاقات؟',
  registeredTitle: 'نوبت ملاقات شما',
  numberLabel: 'شمارهٔ شما در صف ملاقات',
  watchForCall: 'شمارهٔ شما روی تابلو اعلام می‌شود.',
  noMeetingToday: 'امروز ملاقات عمومی باز نیست.',
  failed: 'ثبت ممکن نشد',
  loading: 'در حال بارگذاری…',
  complaint: 'شکایت',
  criticism: 'انتقاد',
  suggestion: 'پیشنهاد',
  appreciation: 'قدردانی',
  unresolved_matter: 'کار انجام‌نشده یا معطل',
  reason_complaint: 'شکایت از تصمیم یا رفتار',
  request: 'درخواست ویژه',
  reason_suggestion: 'پیشنهاد',
  other: 'سایر',
} as const;

export type VoiceKey = keyof typeof fa;

const en: Record<VoiceKey, string> = {
  feedbackTile: 'Complaint, criticism or suggestion',
  feedbackTileHelp: 'What you write is read, and you see the answer with a follow-up code.',
  meetingTile: 'Meet the manager',
  meetingTileHelp: 'Today from {from} to {to}, {place}',
  kindQuestion: 'What would you like to file?',
  topicQuestion: 'What is it about?',
  serviceQuestion: 'Which service is it about? (optional)',
  noService: 'Not about one service',
  textQuestion: 'Write your message',
  textPlaceholder: 'Type with the keyboard below…',
  charactersLeft: '{n} more {character|characters} allowed',
  mobileQuestion: 'Mobile number for the answer (optional)',
  mobileHelp: 'To get the answer by text message as well, enter your mobile number; otherwise leave it empty.',
  keptStatement: 'What is kept: your message, its kind and topic, so that the office can look into it and answer. Your name is not asked. A mobile number, if you give one, is kept encrypted, seen only by managers to answer you, and erased {n} {day|days} after filing. None of it appears on the board, the receipt or the public statistics.',
  next: 'Next',
  submit: 'Submit',
  sending: 'Submitting…',
  filedTitle: 'Received',
  codeLabel: 'Your follow-up code',
  codeHelp: 'With this code, see the status and the answer at {url}, or scan the code on the receipt with your phone.',
  takeReceipt: 'Take the receipt with your code from the printer',
  receiptFailed: 'The receipt was not printed; please note the code or take a photo of the screen.',
  reasonQuestion: 'What is the meeting about?',
  meetingTextQuestion: 'In a few words (optional)',
  sessionQuestion: 'Which meeting?',
  registeredTitle: 'Your meeting number',
  numberLabel: 'Your number in the meeting line',
  watchForCall: 'Your number will be called on the board.',
  noMeetingToday: 'No public meeting is open today.',
  failed: 'It could not be submitted',
  loading: 'Loading…',
  complaint: 'Complaint',
  criticism: 'Criticism',
  suggestion: 'Suggestion',
  appreciation: 'Appreciation',
  unresolved_matter: 'A matter not done or held up',
  reason_complaint: 'A complaint about a decision or conduct',
  request: 'A special request',
  reason_suggestion: 'A suggestion',
  other: 'Other',
};

const { t, tn } = createTranslator<VoiceKey>({ fa, en });

/** The text for `key`, `{name}` filled in; with `count`, `{one|other}` chosen by the language's plural rules. */
export function vt(lang: Lang, key: VoiceKey, values: Record<string, string> = {}, count?: number): string {
  return count === undefined ? t(lang, key, values) : tn(lang, key, count, values);
}

export function kindLabel(lang: Lang, kind: FeedbackKind): string {
  return vt(lang, kind);
}

export function reasonLabel(lang: Lang, reason: MeetingReason): string {
  return vt(lang, reason === 'complaint' ? 'reason_complaint' : reason === 'suggestion' ? 'reason_suggestion' : reason);
}
