// The office schema's problems in Persian, for the administration screen: each names the field in
// words an office admin knows («پیشوند») and says what is wanted. The English wording stays with the
// office file's start-up check (load.ts).
import type { z } from 'zod';

export interface ProblemFa {
  /** Where, as the schema's path joined with dots (`services.2.prefix`). */
  path: string;
  /** The field's Persian name and what is wrong with it. */
  message: string;
}

const FIELD_LABELS: Record<string, string> = {
  id: 'شناسه',
  code: 'کد',
  name: 'نام',
  nameEn: 'نام انگلیسی',
  prefix: 'پیشوند شماره',
  targetWaitMinutes: 'زمان انتظار هدف',
  priorityGroups: 'گروه‌های اولویت',
  active: 'فعال بودن',
  description: 'شرح خدمت',
  descriptionEn: 'شرح انگلیسی',
  documents: 'مدارک لازم',
  documentsEn: 'مدارک لازم (انگلیسی)',
  steps: 'مراحل',
  stepsEn: 'مراحل (انگلیسی)',
  legalBasis: 'مبنای قانونی',
  legalBasisEn: 'مبنای قانونی (انگلیسی)',
  fees: 'هزینه',
  feesEn: 'هزینه (انگلیسی)',
  expectedMinutes: 'زمان لازم برای خدمت',
  number: 'شمارهٔ باجه',
  services: 'فهرست کار',
  week: 'ساعت کاری',
  from: 'ساعت شروع',
  to: 'ساعت پایان',
  charter: 'منشور حقوق شهروندی',
  announcements: 'اعلان‌ها',
  publicUrl: 'نشانی عمومی سرور',
  timeZone: 'منطقهٔ زمانی',
  maxPriorityStreak: 'بیشترین نوبت اولویت‌دار پیاپی',
  normalWaitLimitMinutes: 'سقف انتظار نوبت عادی',
  noShowGraceSeconds: 'مهلت پیش از ثبت غیبت',
  counterDigits: 'رقم‌های شمارنده',
  widthDots: 'عرض کاغذ',
  headerText: 'سرعنوان بلیت',
  nvHeader: 'نگه‌داری سرعنوان در حافظهٔ چاپگر',
  logo: 'نشان بلیت',
  clipSet: 'مجموعهٔ صدا',
  chime: 'زنگ پیش از اعلام',
  username: 'نام کاربری',
  role: 'نقش',
  password: 'گذرواژه',
};

/** The English messages the schema gives its patterns, and what they ask for in Persian. */
const PATTERN_MESSAGES: Record<string, string> = {
  'only Latin letters, digits, "-" and "_", 1 to 32 characters': 'فقط حروف لاتین، رقم، «-» و «_»، از ۱ تا ۳۲ نویسه',
  'a time of day as HH:MM': 'ساعت را به شکل ۰۷:۳۰ بنویسید',
  'upper-case Latin letters and digits, 1 to 8': 'فقط حروف بزرگ لاتین و رقم، از ۱ تا ۸ نویسه',
  'one to three digits or upper-case letters': 'یک تا سه رقم یا حرف بزرگ لاتین',
  'lower-case Latin letters, digits, ".", "_" and "-", 2 to 32': 'فقط حروف کوچک لاتین، رقم، «.»، «_» و «-»، از ۲ تا ۳۲ نویسه',
  'lower-case Latin letters, digits and "-", 1 to 40': 'فقط حروف کوچک لاتین، رقم و «-»، از ۱ تا ۴۰ نویسه',
  '"from" must be before "to"': 'ساعت شروع باید پیش از ساعت پایان باشد',
  'not a known IANA time zone': 'منطقهٔ زمانی شناخته‌شده نیست',
  'at least 8 characters': 'دست‌کم ۸ نویسه',
};

const digits = new Intl.NumberFormat('fa-IR', { useGrouping: false });

export function persianProblems(issues: readonly z.core.$ZodIssue[]): ProblemFa[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    // The office-wide checks say it all in one sentence, naming what they concern.
    const sentence = issue.code === 'custom' ? (issue.params as { fa?: unknown } | undefined)?.fa : undefined;
    return { path, message: typeof sentence === 'string' ? sentence : `${labelOf(issue.path)}: ${whatIsWrong(issue)}` };
  });
}

function labelOf(path: readonly PropertyKey[]): string {
  const named = [...path].reverse().find((key) => typeof key === 'string' && key in FIELD_LABELS);
  const label = named === undefined ? 'مقدار' : (FIELD_LABELS[String(named)] ?? 'مقدار');
  // A list item: «مدارک لازم، مورد ۳».
  const last = path.at(-1);
  return typeof last === 'number' && named === path.at(-2) ? `${label}، مورد ${digits.format(last + 1)}` : label;
}

function whatIsWrong(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'custom': {
      const fa = (issue.params as { fa?: unknown } | undefined)?.fa;
      return typeof fa === 'string' ? fa : (PATTERN_MESSAGES[issue.message] ?? 'مقدار پذیرفته نیست');
    }
    case 'invalid_format':
      if (issue.format === 'url') return 'یک نشانی کامل بنویسید، مانند http://192.168.1.10:8080';
      return PATTERN_MESSAGES[issue.message] ?? 'شکل مقدار نادرست است';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'نباید خالی باشد' : `دست‌کم ${digits.format(Number(issue.minimum))} نویسه`;
      if (issue.origin === 'array') return `دست‌کم ${digits.format(Number(issue.minimum))} مورد لازم است`;
      return issue.inclusive ? `دست‌کم ${digits.format(Number(issue.minimum))}` : `بیشتر از ${digits.format(Number(issue.minimum))}`;
    case 'too_big':
      if (issue.origin === 'string') return `حداکثر ${digits.format(Number(issue.maximum))} نویسه`;
      if (issue.origin === 'array') return `حداکثر ${digits.format(Number(issue.maximum))} مورد`;
      return `حداکثر ${digits.format(Number(issue.maximum))}`;
    case 'invalid_type':
      return issue.message.endsWith('received undefined') ? 'لازم است' : 'نوع مقدار نادرست است';
    case 'invalid_value':
    case 'invalid_union':
      return 'یکی از مقدارهای مجاز را انتخاب کنید';
    case 'unrecognized_keys':
      return `فیلد ناشناخته: ${issue.keys.join('، ')}`;
    default:
      return PATTERN_MESSAGES[issue.message] ?? 'مقدار پذیرفته نیست';
  }
}
