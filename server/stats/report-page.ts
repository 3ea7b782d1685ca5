// The printable indicators report (/manager/report): one A4 HTML page per period, right to left, in
// Persian digits and Jalali dates, styled only by report-page.css (no inline script or style, for
// the strict Content-Security-Policy). Pure: the report and the time of printing in, HTML out.
import { faDigits } from '../time/digits.js';
import { BUTTON_LABELS, SURVEY_QUESTION, faMinutes, faNumber, faPercent, partialVisitors, periodText, surveyMethodText, surveyResultText, turnSystemText } from './format.js';
import { escape, page, section } from './html.js';
import type { IndicatorsReport } from './types.js';
import { voiceSections } from '../voice/report-sections.js';

/** The whole page. `printedAt` is the office's local date and time, already in Persian. */
export function indicatorsPage(report: IndicatorsReport, printedAt: string): string {
  const period = periodText(report.period);
  return page(
    `گزارش شاخص‌ها — ${report.office} — ${period}`,
    `<header>
  <p class="kicker">گزارش شاخص‌های حقوق شهروندی در نظام اداری — شاخص‌های ۸ تا ۱۲، ۱۹، ۲۰، ۲۲ و ۲۳</p>
  <h1>${escape(report.office)}</h1>
  <p class="period">دورهٔ گزارش: <strong>${escape(period)}</strong> (${faNumber(report.period.days, 0)} روز)</p>
</header>
<main>
${indicator8(report)}
${indicator9(report)}
${indicator10(report)}
${indicator11(report)}
${voiceSections(report)}
</main>
<footer>تهیه‌شده با سامانهٔ نوبت‌دهی «نوبت» در ${escape(printedAt)}. زمان‌ها به دقیقه است.</footer>`,
  );
}

/** A page that says, in Persian, why the report is not shown (not signed in, not allowed, bad period). */
export function messagePage(title: string, message: string, link?: { href: string; text: string }): string {
  return page(title, `<main class="message"><h1>${escape(title)}</h1><p>${escape(message)}</p>${link ? `<p><a href="${escape(link.href)}">${escape(link.text)}</a></p>` : ''}</main>`);
}

function indicator8(report: IndicatorsReport): string {
  const perMonth = (issued: number) => (report.partialPeriod ? escape(partialVisitors(issued, report.period.days)) : faNumber(report.months > 0 ? issued / report.months : null, 1));
  const rows = report.visitorsPerMonth.map((r) => `<tr><th scope="row">${escape(r.name)}</th><td>${faNumber(r.issued, 0)}</td><td>${perMonth(r.issued)}</td></tr>`);
  const total = report.visitorsPerMonth.reduce((sum, r) => sum + r.issued, 0);
  return section(
    'شاخص ۸ — میانگین تعداد مراجعان هر خدمت در ماه',
    `<table>
  <thead><tr><th scope="col">خدمت</th><th scope="col">مراجعان در دوره</th><th scope="col">میانگین در ماه</th></tr></thead>
  <tbody>${rows.join('')}</tbody>
  <tfoot><tr><th scope="row">همهٔ خدمت‌ها</th><td>${faNumber(total, 0)}</td><td>${perMonth(total)}</td></tr></tfoot>
</table>
<p class="note">${
      report.partialPeriod
        ? 'دوره ماه‌های کامل شمسی را در بر نمی‌گیرد؛ میانگین ماهانه فقط از ماه‌های کامل ساخته می‌شود و اینجا شمار مراجعان همان روزها آمده است.'
        : `میانگین ماهانه = مراجعان دوره ÷ ${faNumber(report.months, 0)} ماه.`
    }</p>`,
  );
}

function indicator9(report: IndicatorsReport): string {
  const rows = report.serviceTime.map(
    (r) =>
      `<tr><th scope="row">${escape(r.name)}</th><td>${faNumber(r.served, 0)}</td><td>${faMinutes(r.meanSeconds)}</td><td>${faMinutes(r.p90Seconds)}</td><td>${faMinutes(r.meanWaitSeconds)}</td><td>${faNumber(r.targetWaitMinutes, 0)} دقیقه</td></tr>`,
  );
  return section(
    'شاخص ۹ — میانگین زمان لازم برای ارائهٔ هر خدمت',
    `<table>
  <thead><tr><th scope="col">خدمت</th><th scope="col">خدمت‌گرفته</th><th scope="col">میانگین زمان خدمت</th><th scope="col">۹۰٪ کمتر از</th><th scope="col">میانگین انتظار</th><th scope="col">هدف انتظار</th></tr></thead>
  <tbody>${rows.join('')}</tbody>
</table>
<p class="note">زمان خدمت از آغاز رسیدگی در باجه تا پایان آن است؛ انتظار از گرفتن نوبت تا فراخوان.</p>`,
  );
}

function indicator10(report: IndicatorsReport): string {
  const a = report.turnSystem.accuracy;
  const [how, estimate, figures, accuracy] = turnSystemText(report);
  return section(
    'شاخص ۱۰ — سامانهٔ نوبت‌دهی و اعلام زمان انتظار',
    `<p>${escape(how ?? '')}</p>
<p>${escape(estimate ?? '')}</p>
<p>${escape(figures ?? '')}</p>
<p>${escape(accuracy ?? '')}</p>
<table class="figures">
  <tbody>
    <tr><th scope="row">نوبت‌های فراخوانده با زمان اعلام‌شده</th><td>${faNumber(a.count, 0)}</td></tr>
    <tr><th scope="row">انتظار واقعی درون بازهٔ اعلام‌شده</th><td>${faPercent(a.withinRangeShare)}</td></tr>
    <tr><th scope="row">فراخوانده نه دیرتر از سقف بازه</th><td>${faPercent(a.notLaterShare)}</td></tr>
    <tr><th scope="row">فراخوانده بیش از ۵ دقیقه پس از سقف بازه</th><td>${faPercent(a.pastUpperBy5Share)}</td></tr>
    <tr><th scope="row">میانگین قدر مطلق خطای برآورد</th><td>${faMinutes(a.meanAbsoluteErrorSeconds)}</td></tr>
  </tbody>
</table>`,
  );
}

function indicator11(report: IndicatorsReport): string {
  const { ratings } = report.survey;
  const tables = ratings.distribution.map(({ buttons, counts }) => {
    const total = counts.reduce((a, b) => a + b, 0);
    const rows = counts
      .map((count, i) => ({ count, i }))
      .reverse()
      .map(({ count, i }) => {
        const share = total ? count / total : 0;
        return `<tr><th scope="row">${escape(BUTTON_LABELS[buttons]?.[i] ?? faDigits(i + 1))}</th><td>${faNumber(count, 0)}</td><td>${faPercent(share)}</td><td class="bar"><meter min="0" max="1" value="${share.toFixed(4)}">${faPercent(share)}</meter></td></tr>`;
      });
    return `<table>
  <caption>صفحه‌کلیدهای ${faDigits(buttons)} دکمه‌ای</caption>
  <thead><tr><th scope="col">پاسخ</th><th scope="col">شمار</th><th scope="col">سهم</th><th scope="col"><span class="visually-hidden">نمودار</span></th></tr></thead>
  <tbody>${rows.join('')}</tbody>
</table>`;
  });
  return section(
    'شاخص ۱۱ — نظرسنجی از مراجعان',
    `<dl>
  <dt>روش</dt><dd>${escape(surveyMethodText(report))}</dd>
  <dt>پرسش</dt><dd>«${escape(SURVEY_QUESTION)}»</dd>
  <dt>شمار پاسخ‌ها</dt><dd>${faNumber(ratings.count, 0)} (از باجه‌ها ${faNumber(report.survey.byKind.desk, 0)}، از خروجی ${faNumber(report.survey.byKind.exit, 0)})</dd>
  <dt>نتیجه</dt><dd>${escape(surveyResultText(ratings))}</dd>
</dl>
${tables.join('\n')}`,
  );
}
