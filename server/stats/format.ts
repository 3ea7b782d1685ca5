// Statistics as Persian text, for the printable report and the Excel workbooks: minutes, shares,
// Jalali dates and the generated paragraphs of indicators 10 and 11. Pure: figures in, text out.
import { faDigits, formatJalaliKey } from '../time/persian.js';
import type { IndicatorsReport, RatingSummary, ReportPeriod } from './types.js';

/** The survey question the keypads answer (the buttons' legend on the keypads). */
export const SURVEY_QUESTION = 'از خدمتی که امروز دریافت کردید چقدر راضی هستید؟';

/** What each button of a keypad means, from the worst to the best. */
export const BUTTON_LABELS: Record<number, readonly string[]> = {
  3: ['ناراضی', 'متوسط', 'راضی'],
  4: ['ناراضی', 'نسبتاً ناراضی', 'نسبتاً راضی', 'راضی'],
  5: ['خیلی ناراضی', 'ناراضی', 'متوسط', 'راضی', 'خیلی راضی'],
};

export const STATUS_LABELS: Record<string, string> = {
  issued: 'در انتظار',
  called: 'فراخوانده',
  serving: 'در حال خدمت',
  parked: 'معلق',
  done: 'خدمت‌گرفته',
  no_show: 'حاضر نشد',
  cancelled: 'لغوشده',
};

export const OUTCOME_LABELS: Record<string, string> = {
  done: 'انجام شد',
  referred: 'ارجاع شد',
  incomplete_documents: 'مدارک ناقص',
  staff: 'لغو به دست کارمند',
  day_closed: 'لغو در پایان روز',
};

/** Seconds as minutes with one decimal: 754 → 12.6 (a number, for tables and sheets). */
export function minutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 6) / 10;
}

/** A number in Persian digits with at most `decimals` decimals; «—» for nothing. */
export function faNumber(value: number | null, decimals = 1): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 10 ** decimals) / 10 ** decimals;
  const latin = rounded.toLocaleString('en-US', { maximumFractionDigits: decimals, useGrouping: true });
  return faDigits(latin.replaceAll(',', '٬').replace('.', '٫'));
}

/** A share 0–1 as a Persian percentage: 0.873 → «۸۷٫۳٪». */
/** Indicator 8 for a period that is not whole months: the visitors over its days, «۲ در ۱ روز (دورهٔ ناقص)». */
export function partialVisitors(issued: number, days: number): string {
  return `${faNumber(issued, 0)} در ${faNumber(days, 0)} روز (دورهٔ ناقص)`;
}

export function faPercent(share: number | null): string {
  return share === null ? '—' : `${faNumber(share * 100)}٪`;
}

/** Seconds as Persian minutes: 754 → «۱۲٫۶ دقیقه». */
export function faMinutes(seconds: number | null): string {
  return seconds === null ? '—' : `${faNumber(minutes(seconds))} دقیقه`;
}

/** «از ۱ آبان ۱۴۰۴ تا ۳۰ آبان ۱۴۰۴», or one day. */
export function periodText(period: ReportPeriod): string {
  if (period.fromJalali === period.toJalali) return formatJalaliKey(period.fromJalali, 'fa');
  return `از ${formatJalaliKey(period.fromJalali, 'fa')} تا ${formatJalaliKey(period.toJalali, 'fa')}`;
}

/** A Jalali key with slashes, as forms write it: '1405-09-01' → '1405/09/01' (Latin digits, for sheets). */
export function jalaliSlashes(key: string): string {
  return key.replaceAll('-', '/');
}

/** The local hour of a row: '8' → «۸ تا ۹». */
export function hourLabel(hour: string): string {
  return `${faDigits(hour)} تا ${faDigits(String(Number(hour) + 1))}`;
}

/** Indicator 10: how the turn system works and how well its promised waits held, with the period's figures. */
export function turnSystemText(report: IndicatorsReport): string[] {
  const t = report.turnSystem;
  const a = t.accuracy;
  const paragraphs = [
    'نوبت با کیوسک لمسی در ورودی اداره گرفته می‌شود. روی نوبت چاپی، شمارهٔ نوبت، شمار افراد پیش رو و زمان تقریبی انتظار به صورت بازه (مانند «۱۰ تا ۱۵ دقیقه») نوشته می‌شود؛ همین زمان روی تابلوی سالن انتظار و در صفحهٔ پیگیری نوبت (با کد QR روی نوبت، روی گوشی مراجع) نیز نشان داده می‌شود و تا فراخوانده شدن پیوسته به‌روز می‌گردد. فراخوان نوبت‌ها روی تابلو و با صدا اعلام می‌شود.',
    'زمان انتظار برای هر خدمت جداگانه برآورد می‌شود: سامانه صف همان خدمت را با نوبت‌های در انتظار (از جمله نوبت‌های اولویت‌دار)، باجه‌های باز و خدماتی که هر باجه ارائه می‌دهد، و زمان خدمت‌های اخیر همان روز شبیه‌سازی می‌کند. بازهٔ اعلام‌شده به دقیقه‌های گرد پهن می‌شود تا سقف آن کمتر شکسته شود.',
    `در این دوره ${faNumber(t.issued, 0)} نوبت صادر شد و ${faNumber(t.served, 0)} نفر خدمت گرفتند. میانگین انتظار تا فراخوان ${faMinutes(t.waitSeconds.mean)} بود و ۹۰ درصد مراجعان حداکثر ${faMinutes(t.waitSeconds.p90)} منتظر ماندند؛ ${faPercent(t.withinTargetShare)} مراجعان در زمان هدف خدمت خود فراخوانده شدند. بیشترین شمار افراد منتظر در یک لحظه ${faNumber(t.longestQueue, 0)} نفر بود.`,
  ];
  if (a.count === 0) {
    paragraphs.push('در این دوره برای هیچ نوبت فراخوانده‌شده‌ای زمان انتظار اعلام‌شده ثبت نشده است، پس دقت برآورد قابل سنجش نیست.');
  } else {
    paragraphs.push(
      `دقت زمان اعلام‌شده، بر پایهٔ ${faNumber(a.count, 0)} نوبت فراخوانده‌شده: انتظار واقعی ${faPercent(a.withinRangeShare)} مراجعان در همان بازه‌ای بود که به آنان اعلام شد و ${faPercent(a.notLaterShare)} دیرتر از سقف بازه فراخوانده نشدند؛ ${faPercent(a.pastUpperBy5Share)} بیش از ۵ دقیقه پس از سقف بازه فراخوانده شدند. میانگین قدر مطلق خطای برآورد ${faMinutes(a.meanAbsoluteErrorSeconds)} بود${lateness(a.meanLatenessSeconds)}.`,
    );
  }
  return paragraphs;
}

function lateness(seconds: number | null): string {
  if (seconds === null || Math.abs(seconds) < 30) return '';
  return seconds > 0 ? ` و مراجعان به طور میانگین ${faMinutes(seconds)} بیش از برآورد منتظر ماندند` : ` و مراجعان به طور میانگین ${faMinutes(-seconds)} زودتر از برآورد فراخوانده شدند`;
}

/** Indicator 11: how the survey is taken. */
export function surveyMethodText(report: IndicatorsReport): string {
  const { keypads, buttons } = report.survey;
  const sizes = buttons.length ? buttons.map((b) => faDigits(b)).join(' و ') : '۳ تا ۵';
  const where = [keypads.desk ? `روی میز ${faNumber(keypads.desk, 0)} باجه` : '', keypads.exit ? `${faNumber(keypads.exit, 0)} دستگاه در خروجی اداره` : ''].filter(Boolean).join(' و ');
  return `نظرسنجی پیوسته و بی‌نام با صفحه‌کلیدهای رضایت‌سنجی ${sizes} دکمه‌ای انجام می‌شود${where ? ` (در این دوره ${where})` : ''}. پس از پایان هر خدمت، صفحه‌کلید همان باجه برای همان نوبت روشن می‌شود و مراجع با فشار یک دکمه پاسخ می‌دهد؛ پاسخ به همان خدمت، باجه و ساعت نسبت داده می‌شود. دستگاه خروجی به هیچ نوبتی وابسته نیست و رضایت کلی از اداره را می‌سنجد.`;
}

/** Indicator 11: the results in one sentence. */
export function surveyResultText(ratings: RatingSummary): string {
  if (ratings.count === 0) return 'در این دوره پاسخی ثبت نشده است.';
  return `${faNumber(ratings.count, 0)} پاسخ ثبت شد. ${faPercent(ratings.topTwoShare)} پاسخ‌ها یکی از دو گزینهٔ بالا (راضی و خیلی راضی) بود و میانگین رضایت ${faNumber(ratings.meanOutOf5, 2)} از ۵ است.`;
}
