// The citizens' voice's sections of the printable indicators report: indicators 12, 19, 20, 22 and
// 23 as Persian tables and sentences. Pure: the report in, HTML out.
import { escape, section } from '../stats/html.js';
import { faNumber, faPercent } from '../stats/format.js';
import type { IndicatorsReport } from '../stats/types.js';
import { FEEDBACK_KINDS } from './config.js';
import { KIND_LABELS, REASON_LABELS, RESULT_LABELS, MEETING_RESULTS } from './labels.js';

const STATUS_FA = { received: 'رسیده، بررسی‌نشده', in_progress: 'در دست بررسی', answered: 'پاسخ داده شده', closed: 'بسته شده' } as const;

export function voiceSections(report: IndicatorsReport): string {
  return [indicator12(report), indicator19(report), indicator20(report), indicator22(report), indicator23(report)].join('\n');
}

/** A duration as Persian hours, or days beyond two days: «۵٫۲ ساعت», «۳٫۱ روز». */
export function faDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  return seconds < 48 * 3600 ? `${faNumber(seconds / 3600)} ساعت` : `${faNumber(seconds / 86_400)} روز`;
}

function indicator12(report: IndicatorsReport): string {
  const r = report.respect;
  const sentence = r.complaints === 0
    ? 'در این دوره شکایتی ثبت نشده است.'
    : `از ${faNumber(r.complaints, 0)} شکایت ثبت‌شده، ${faNumber(r.staffBehaviour, 0)} شکایت دربارهٔ «رفتار و ادبیات کارکنان» بود (${faPercent(r.share)}).`;
  return section(
    'شاخص ۱۲ — سهم شکایت از رفتار کارکنان از کل شکایت‌ها',
    `<p>${escape(sentence)}</p>
<table class="figures">
  <tbody>
    <tr><th scope="row">همهٔ شکایت‌ها</th><td>${faNumber(r.complaints, 0)}</td></tr>
    <tr><th scope="row">شکایت از رفتار و ادبیات کارکنان</th><td>${faNumber(r.staffBehaviour, 0)}</td></tr>
    <tr><th scope="row">سهم</th><td>${faPercent(r.share)}</td></tr>
  </tbody>
</table>`,
  );
}

function indicator19(report: IndicatorsReport): string {
  const o = report.openData;
  return section(
    'شاخص ۱۹ — انتشار گزارش عملکرد و آمار برای شهروندان',
    `<p>${escape(`آمار ماهانهٔ هر خدمت (شمار مراجعان، میانگین انتظار و زمان خدمت، سهم فراخوان در زمان هدف، رضایت، شکایت‌های رسیده و پاسخ‌داده و میانگین زمان پاسخ) در صفحهٔ همگانی «آمار اداره» در نشانی /open منتشر می‌شود و به صورت JSON و CSV نیز در دسترس است. برای حفظ حریم افراد، هر خانه‌ای که دربارهٔ کمتر از ۵ نفر باشد نشان داده نمی‌شود.`)}</p>
<table class="figures">
  <tbody>
    <tr><th scope="row">ماه‌های منتشرشده</th><td>${faNumber(o.months.length, 0)}</td></tr>
    <tr><th scope="row">ردیف‌های خدمت و ماه</th><td>${faNumber(o.rows, 0)}</td></tr>
    <tr><th scope="row">خانه‌های پنهان‌شده (کمتر از ۵ نفر)</th><td>${faNumber(o.suppressedCells, 0)} از ${faNumber(o.cells, 0)}</td></tr>
  </tbody>
</table>`,
  );
}

function indicator20(report: IndicatorsReport): string {
  const m = report.publicMeetings;
  const f = m.followUps;
  const schedule = m.weeklyMinutes >= m.weeklyMinutesRequired
    ? `جلسه‌های ملاقات عمومی مدیران ${faNumber(m.weeklyMinutes / 60)} ساعت در هفته برنامه‌ریزی شده است.`
    : `جلسه‌های ملاقات عمومی مدیران ${faNumber(m.weeklyMinutes / 60)} ساعت در هفته است؛ کمتر از دو ساعتی که برنامهٔ ۹ می‌خواهد.`;
  const reasons = m.byReason.map((r) => `<tr><th scope="row">${escape(REASON_LABELS[r.reason])}</th><td>${faNumber(r.count, 0)}</td></tr>`).join('');
  const results = MEETING_RESULTS.map((r) => `<tr><th scope="row">${escape(RESULT_LABELS[r])}</th><td>${faNumber(m.byResult[r], 0)}</td></tr>`).join('');
  return section(
    'شاخص ۲۰ — ملاقات عمومی مدیران با مردم',
    `<p>${escape(schedule)}</p>
<table class="figures">
  <tbody>
    <tr><th scope="row">جلسه‌های برگزارشده</th><td>${faNumber(m.sessionsHeld, 0)}</td></tr>
    <tr><th scope="row">شهروندان ثبت‌نام‌کرده</th><td>${faNumber(m.registered, 0)}</td></tr>
    <tr><th scope="row">شهروندان ملاقات‌شده</th><td>${faNumber(m.citizensMet, 0)}</td></tr>
    <tr><th scope="row">پیگیری‌ها</th><td>${faNumber(f.total, 0)} (انجام‌شده ${faNumber(f.done, 0)}، به‌موقع ${faNumber(f.doneOnTime, 0)}، باز ${faNumber(f.open, 0)}، گذشته از مهلت ${faNumber(f.overdue, 0)})</td></tr>
    <tr><th scope="row">سهم پیگیری‌های به‌موقع</th><td>${faPercent(f.onTimeShare)}</td></tr>
    <tr><th scope="row">رضایت شهروندان از ملاقات (از ۵)</th><td>${m.satisfaction.meanOutOf5 === null ? '—' : faNumber(m.satisfaction.meanOutOf5)} (${faNumber(m.satisfaction.answers, 0)} پاسخ)</td></tr>
  </tbody>
</table>
<table>
  <caption>علت مراجعه</caption>
  <thead><tr><th scope="col">علت</th><th scope="col">شمار</th></tr></thead>
  <tbody>${reasons}</tbody>
</table>
<table>
  <caption>نتیجهٔ ملاقات</caption>
  <thead><tr><th scope="col">نتیجه</th><th scope="col">شمار</th></tr></thead>
  <tbody>${results}</tbody>
</table>`,
  );
}

function indicator22(report: IndicatorsReport): string {
  const f = report.feedback;
  const head = FEEDBACK_KINDS.map((k) => `<th scope="col">${escape(KIND_LABELS[k].fa)}</th>`).join('');
  const rows = f.byTopic
    .map((t) => `<tr><th scope="row">${escape(t.name)}</th>${FEEDBACK_KINDS.map((k) => `<td>${faNumber(t.byKind[k], 0)}</td>`).join('')}<td>${faNumber(t.total, 0)}</td></tr>`)
    .join('');
  const totals = FEEDBACK_KINDS.map((k) => `<td>${faNumber(f.byKind[k], 0)}</td>`).join('');
  const statuses = (Object.keys(STATUS_FA) as Array<keyof typeof STATUS_FA>).map((s) => `<tr><th scope="row">${escape(STATUS_FA[s])}</th><td>${faNumber(f.byStatus[s], 0)}</td></tr>`).join('');
  return section(
    'شاخص ۲۲ — سامانهٔ رسیدگی به شکایات، انتقادات و پیشنهادها',
    `<p>${escape('مراجعان در کیوسک ورودی یا در صفحهٔ پیگیری نوبت روی گوشی، شکایت، انتقاد، پیشنهاد یا قدردانی خود را با موضوع آن ثبت می‌کنند و کد پیگیری می‌گیرند؛ پاسخ مدیر با همان کد خوانده می‌شود.')}</p>
<table>
  <thead><tr><th scope="col">موضوع</th>${head}<th scope="col">همه</th></tr></thead>
  <tbody>${rows}</tbody>
  <tfoot><tr><th scope="row">همهٔ موضوع‌ها</th>${totals}<td>${faNumber(f.total, 0)}</td></tr></tfoot>
</table>
<table class="figures">
  <caption>آنچه انجام شد</caption>
  <tbody>${statuses}</tbody>
</table>`,
  );
}

function indicator23(report: IndicatorsReport): string {
  const rows = report.answerTime.byKind
    .map(
      (k) =>
        `<tr><th scope="row">${escape(KIND_LABELS[k.kind].fa)}</th><td>${faNumber(k.filed, 0)}</td><td>${faNumber(k.answered, 0)}</td><td>${faDuration(k.meanSeconds)}</td><td>${faDuration(k.p90Seconds)}</td><td>${faDuration(k.targetSeconds)}</td><td>${faPercent(k.withinTargetShare)}</td><td>${faNumber(k.overdue, 0)}</td></tr>`,
    )
    .join('');
  return section(
    'شاخص ۲۳ — میانگین زمان پاسخ به شکایات، انتقادات و پیشنهادها',
    `<table>
  <thead><tr><th scope="col">نوع</th><th scope="col">رسیده</th><th scope="col">پاسخ‌داده</th><th scope="col">میانگین زمان پاسخ</th><th scope="col">۹۰٪ کمتر از</th><th scope="col">زمان هدف</th><th scope="col">پاسخ در زمان هدف</th><th scope="col">بی‌پاسخ و گذشته از هدف</th></tr></thead>
  <tbody>${rows}</tbody>
</table>
<p class="note">زمان پاسخ از ثبت تا نخستین پاسخ مدیر است.</p>`,
  );
}
