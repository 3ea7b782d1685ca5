// The public open-statistics page (/open) and its CSV: the office's monthly figures per service as
// published to citizens, Persian first, printable on A4 with the report's style sheet, a withheld
// cell shown as «کمتر از ۵». Pure: the summary in, text out.
import { csvLine } from '../stats/cells.js';
import { faMinutes, faNumber, faPercent } from '../stats/format.js';
import { escape, page, section } from '../stats/html.js';
import { formatJalaliKey } from '../time/dates.js';
import { OPEN_COLUMNS, type OpenColumn, type OpenRow, type OpenSummary } from './open-summary.js';
import { faDuration } from './report-sections.js';

const HEADERS_FA: Record<OpenColumn, string> = {
  visitors: 'مراجعان',
  meanWaitSeconds: 'میانگین انتظار',
  meanServiceSeconds: 'میانگین زمان خدمت',
  withinTargetShare: 'فراخوان در زمان هدف',
  satisfactionOutOf5: 'رضایت (از ۵)',
  complaintsReceived: 'شکایت رسیده',
  complaintsAnswered: 'شکایت پاسخ‌داده',
  meanAnswerSeconds: 'میانگین زمان پاسخ',
};

const CSV_HEADERS: Record<OpenColumn, string> = {
  visitors: 'visitors',
  meanWaitSeconds: 'mean_wait_seconds',
  meanServiceSeconds: 'mean_service_seconds',
  withinTargetShare: 'within_target_share',
  satisfactionOutOf5: 'satisfaction_out_of_5',
  complaintsReceived: 'complaints_received',
  complaintsAnswered: 'complaints_answered',
  meanAnswerSeconds: 'mean_answer_seconds',
};

const WITHHELD_FA = 'کمتر از ۵';
/** What a withheld cell reads in the CSV. */
export const WITHHELD_CSV = '<5';

export function openPage(summary: OpenSummary, printedAt: string): string {
  const months = summary.months.map((month) => {
    const rows = summary.rows.filter((r) => r.month === month);
    const body = rows.map((r) => `<tr><th scope="row">${escape(r.service)}</th>${OPEN_COLUMNS.map((c) => `<td>${cellText(r, c)}</td>`).join('')}</tr>`).join('');
    return section(
      monthName(month),
      `<table>
  <thead><tr><th scope="col">خدمت</th>${OPEN_COLUMNS.map((c) => `<th scope="col">${escape(HEADERS_FA[c])}</th>`).join('')}</tr></thead>
  <tbody>${body}</tbody>
</table>`,
    );
  });
  return page(
    `آمار عملکرد — ${summary.office}`,
    `<header>
  <p class="kicker">آمار عملکرد اداره برای شهروندان (شاخص ۱۹ حقوق شهروندی)</p>
  <h1>${escape(summary.office)}</h1>
  <p class="period">از ${escape(formatJalaliKey(summary.fromJalali, 'fa'))} تا ${escape(formatJalaliKey(summary.toJalali, 'fa'))}</p>
</header>
<main>
<p>${escape('این صفحه آمار ماهانهٔ هر خدمت را نشان می‌دهد: شمار مراجعان، میانگین انتظار از گرفتن نوبت تا فراخوان، میانگین زمان خدمت در باجه، سهم مراجعانی که در زمان هدف خدمت فراخوانده شدند، میانگین رضایت از صفحه‌کلیدهای نظرسنجی، و شکایت‌های رسیده و پاسخ‌داده با میانگین زمان پاسخ. همهٔ اعداد جمعی‌اند و هیچ خانه‌ای که دربارهٔ کمتر از ۵ نفر باشد نشان داده نمی‌شود («کمتر از ۵»).')}</p>
${months.join('\n')}
<p class="note" lang="en" dir="ltr">${escape("The office's monthly figures per service, published for citizens: visitors, mean wait, mean service time, share called within target, satisfaction, complaints received and answered, mean time to answer. Aggregates only; any cell about fewer than 5 people is withheld. Also as JSON and CSV at /api/v1/open/summary.")}</p>
</main>
<footer>${escape(`تهیه‌شده با سامانهٔ نوبت‌دهی «نوبت» در ${printedAt}.`)}</footer>`,
  );
}

/** UTF-8 with a BOM (so that Excel reads the Persian names), one row per service and month. */
export function openCsv(summary: OpenSummary): string {
  const header = csvLine(['month_jalali', 'service_id', 'service', 'service_en', ...OPEN_COLUMNS.map((c) => CSV_HEADERS[c])]);
  const rows = summary.rows.map((r) => csvLine([r.month, r.serviceId, r.service, r.serviceEn, ...OPEN_COLUMNS.map((c) => (r.suppressed.includes(c) ? WITHHELD_CSV : round(r[c])))]));
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}

function cellText(row: OpenRow, column: OpenColumn): string {
  if (row.suppressed.includes(column)) return `<span class="withheld">${WITHHELD_FA}</span>`;
  const value = row[column];
  switch (column) {
    case 'meanWaitSeconds':
    case 'meanServiceSeconds':
      return faMinutes(value);
    case 'withinTargetShare':
      return faPercent(value);
    case 'satisfactionOutOf5':
      return faNumber(value, 2);
    case 'meanAnswerSeconds':
      return faDuration(value);
    default:
      return faNumber(value, 0);
  }
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}

/** '1405-09' → «آذر ۱۴۰۵». */
function monthName(month: string): string {
  return formatJalaliKey(`${month}-01`, 'fa').replace(/^\S+\s/, '');
}
