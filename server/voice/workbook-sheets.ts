// The citizens' voice's sheets of the indicators workbook (indicators 12, 19, 20, 22, 23) as plain
// tables: header, width and number format per column, then rows of numbers and text; xlsx.ts lays
// them out like the other sheets. Times in hours with one decimal, shares as fractions. Pure.
import type { IndicatorsReport } from '../stats/types.js';
import { FEEDBACK_KINDS } from './config.js';
import { KIND_LABELS, MEETING_RESULTS, REASON_LABELS, RESULT_LABELS } from './labels.js';

export interface SheetColumn {
  header: string;
  width: number;
  format?: string;
}
export interface VoiceSheet {
  name: string;
  columns: SheetColumn[];
  rows: Array<Array<string | number | null>>;
  /** Formats of single cells ([row, column], 1-based, the header being row 1): shares in a measure sheet. */
  cellFormats?: Array<[number, number, string]>;
}

const COUNT = '#,##0';
const SHARE = '0.0%';
const HOURS = '0.0';
const hours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 360) / 10);
const measure = [{ header: 'سنجه', width: 46 }, { header: 'مقدار', width: 16 }];

export function voiceSheets(report: IndicatorsReport): VoiceSheet[] {
  const r = report.respect;
  const o = report.openData;
  const m = report.publicMeetings;
  const f = report.feedback;
  return [
    { name: 'شاخص ۱۲', columns: measure, rows: [['همهٔ شکایت‌ها', r.complaints], ['شکایت از رفتار و ادبیات کارکنان', r.staffBehaviour], ['سهم از همهٔ شکایت‌ها', r.share]], cellFormats: [[4, 2, SHARE]] },
    {
      name: 'شاخص ۱۹',
      columns: measure,
      rows: [['نشانی صفحهٔ آمار همگانی', o.page], ['نشانی JSON', o.json], ['نشانی CSV', o.csv], ['ماه‌های منتشرشده', o.months.length], ['ردیف‌های خدمت و ماه', o.rows], ['خانه‌ها', o.cells], ['خانه‌های پنهان‌شده (کمتر از ۵ نفر)', o.suppressedCells]],
    },
    {
      name: 'شاخص ۲۰',
      columns: measure,
      rows: [
        ['ملاقات عمومی در هفته (دقیقه)', m.weeklyMinutes],
        ['حداقل خواستهٔ برنامهٔ ۹ (دقیقه)', m.weeklyMinutesRequired],
        ['جلسه‌های برگزارشده', m.sessionsHeld],
        ['شهروندان ثبت‌نام‌کرده', m.registered],
        ['شهروندان ملاقات‌شده', m.citizensMet],
        ...m.byReason.map((x): [string, number] => [`علت: ${REASON_LABELS[x.reason]}`, x.count]),
        ...MEETING_RESULTS.map((x): [string, number] => [`نتیجه: ${RESULT_LABELS[x]}`, m.byResult[x]]),
        ['پیگیری‌ها', m.followUps.total],
        ['پیگیری‌های انجام‌شده', m.followUps.done],
        ['پیگیری‌های به‌موقع', m.followUps.doneOnTime],
        ['پیگیری‌های باز', m.followUps.open],
        ['پیگیری‌های گذشته از مهلت', m.followUps.overdue],
        ['سهم پیگیری‌های به‌موقع', m.followUps.onTimeShare],
        ['پاسخ‌های پرسش رضایت از ملاقات', m.satisfaction.answers],
        ['رضایت از ملاقات (میانگین از ۵)', m.satisfaction.meanOutOf5],
      ],
      cellFormats: [[m.byReason.length + MEETING_RESULTS.length + 12, 2, SHARE]],
    },
    {
      name: 'شاخص ۲۲',
      columns: [{ header: 'موضوع', width: 30 }, ...FEEDBACK_KINDS.map((k) => ({ header: KIND_LABELS[k].fa, width: 12, format: COUNT })), { header: 'همه', width: 10, format: COUNT }],
      rows: [
        ...f.byTopic.map((t) => [t.name, ...FEEDBACK_KINDS.map((k) => t.byKind[k]), t.total]),
        ['همهٔ موضوع‌ها', ...FEEDBACK_KINDS.map((k) => f.byKind[k]), f.total],
        [],
        ['آنچه انجام شد'],
        ['رسیده، بررسی‌نشده', f.byStatus.received],
        ['در دست بررسی', f.byStatus.in_progress],
        ['پاسخ داده شده', f.byStatus.answered],
        ['بسته شده', f.byStatus.closed],
      ],
    },
    {
      name: 'شاخص ۲۳',
      columns: [
        { header: 'نوع', width: 14 },
        { header: 'رسیده', width: 10, format: COUNT },
        { header: 'پاسخ‌داده', width: 10, format: COUNT },
        { header: 'میانگین زمان پاسخ (ساعت)', width: 16, format: HOURS },
        { header: 'صدک ۹۰ زمان پاسخ (ساعت)', width: 16, format: HOURS },
        { header: 'زمان هدف (ساعت)', width: 14, format: HOURS },
        { header: 'سهم پاسخ در زمان هدف', width: 14, format: SHARE },
        { header: 'بی‌پاسخ و گذشته از هدف', width: 14, format: COUNT },
      ],
      rows: report.answerTime.byKind.map((k) => [KIND_LABELS[k.kind].fa, k.filed, k.answered, hours(k.meanSeconds), hours(k.p90Seconds), hours(k.targetSeconds), k.withinTargetShare, k.overdue]),
    },
  ];
}
