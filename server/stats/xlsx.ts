// Excel workbooks of the statistics (a sheet per grouping) and of the indicators report (a sheet per
// indicator), laid out right to left with Persian headers, Jalali dates and numbers as numbers
// (minutes with one decimal, shares as percentages) so that a manager can sum and chart them.
import type ExcelJS from 'exceljs';
import { safeCellText } from './cells.js';
import { BUTTON_LABELS, SURVEY_QUESTION, hourLabel, jalaliSlashes, minutes, partialVisitors, periodText, surveyMethodText, surveyResultText, turnSystemText } from './format.js';
import type { Figures, Grouping, IndicatorsReport, ReportPeriod, ReportRow, StatsReport } from './types.js';
import { voiceSheets } from '../voice/workbook-sheets.js';

type Cell = string | number | null;
interface Column {
  header: string;
  width: number;
  format?: string;
}

const MINUTES = '0.0';
const SHARE = '0.0%';
const COUNT = '#,##0';

const GROUPING_SHEETS: Record<Grouping, { sheet: string; key: string }> = {
  service: { sheet: 'خدمت‌ها', key: 'خدمت' },
  desk: { sheet: 'باجه‌ها', key: 'باجه' },
  staff: { sheet: 'کارکنان', key: 'کارمند' },
  hour: { sheet: 'ساعت‌ها', key: 'ساعت' },
  day: { sheet: 'روزها', key: 'روز (شمسی)' },
};

/** The statistics of a period, one sheet per grouping given. */
export async function statisticsWorkbook(office: string, reports: StatsReport[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  const period = reports[0]?.period;
  if (period) aboutSheet(workbook, office, period, 'آمار نوبت‌دهی');
  for (const report of reports) {
    const names = GROUPING_SHEETS[report.by];
    const columns: Column[] = [
      { header: names.key, width: report.by === 'service' ? 30 : 18 },
      ...(report.by === 'day' ? [{ header: 'روز (میلادی)', width: 14 }] : []),
      ...FIGURE_COLUMNS,
      ...(report.by === 'service' ? [{ header: 'بیشترین صف همزمان', width: 12, format: COUNT }] : []),
    ];
    const rows = report.rows.map((row) => [rowLabel(report.by, row), ...(report.by === 'day' ? [row.iso ?? null] : []), ...figureCells(row), ...(report.by === 'service' ? [row.longestQueue ?? 0] : [])]);
    const total = ['همه', ...(report.by === 'day' ? [null] : []), ...figureCells(report.total), ...(report.by === 'service' ? [report.total.longestQueue] : [])];
    table(workbook, names.sheet, columns, [...rows, total], { boldLast: true });
  }
  return write(workbook);
}

/** The citizens'-rights indicators of a period: 8 to 11, then the citizens' voice's 12, 19, 20, 22 and 23. */
export async function indicatorsWorkbook(report: IndicatorsReport): Promise<Buffer> {
  const workbook = await newWorkbook();
  aboutSheet(workbook, report.office, report.period, 'گزارش شاخص‌های حقوق شهروندی (۸ تا ۱۲، ۱۹، ۲۰، ۲۲ و ۲۳)', [['شمار ماه‌ها', report.months]]);
  table(
    workbook,
    'شاخص ۸',
    [{ header: 'خدمت', width: 34 }, { header: 'شمار مراجعان در دوره', width: 18, format: COUNT }, { header: 'میانگین مراجعان در ماه', width: 20, format: '#,##0.0' }],
    report.visitorsPerMonth.map((row) => [row.name, row.issued, row.perMonth ?? partialVisitors(row.issued, report.period.days)]),
  );
  table(
    workbook,
    'شاخص ۹',
    [
      { header: 'خدمت', width: 34 },
      { header: 'خدمت‌گرفته', width: 12, format: COUNT },
      { header: 'میانگین زمان خدمت (دقیقه)', width: 16, format: MINUTES },
      { header: 'صدک ۹۰ زمان خدمت (دقیقه)', width: 16, format: MINUTES },
      { header: 'میانگین انتظار (دقیقه)', width: 16, format: MINUTES },
      { header: 'زمان هدف انتظار (دقیقه)', width: 16, format: MINUTES },
    ],
    report.serviceTime.map((row) => [row.name, row.served, minutes(row.meanSeconds), minutes(row.p90Seconds), minutes(row.meanWaitSeconds), row.targetWaitMinutes]),
  );
  const t = report.turnSystem;
  const sheet10 = table(
    workbook,
    'شاخص ۱۰',
    [{ header: 'سنجه', width: 46 }, { header: 'مقدار', width: 16 }],
    [
      ['نوبت‌های صادرشده', t.issued],
      ['خدمت‌گرفته', t.served],
      ['میانگین انتظار تا فراخوان (دقیقه)', minutes(t.waitSeconds.mean)],
      ['میانهٔ انتظار (دقیقه)', minutes(t.waitSeconds.p50)],
      ['صدک ۹۰ انتظار (دقیقه)', minutes(t.waitSeconds.p90)],
      ['سهم فراخوانده در زمان هدف', t.withinTargetShare],
      ['بیشترین شمار منتظران در یک لحظه', t.longestQueue],
      ['نوبت‌های دارای زمان اعلام‌شده و فراخوانده', t.accuracy.count],
      ['سهم انتظار واقعی درون بازهٔ اعلام‌شده', t.accuracy.withinRangeShare],
      ['سهم فراخوانده نه دیرتر از سقف بازه', t.accuracy.notLaterShare],
      ['سهم فراخوانده بیش از ۵ دقیقه پس از سقف بازه', t.accuracy.pastUpperBy5Share],
      ['میانگین قدر مطلق خطای برآورد (دقیقه)', minutes(t.accuracy.meanAbsoluteErrorSeconds)],
      ['میانگین دیرکرد نسبت به برآورد (دقیقه)', minutes(t.accuracy.meanLatenessSeconds)],
    ],
  );
  for (const r of [7, 10, 11]) sheet10.getCell(r, 2).numFmt = SHARE;
  for (const r of [4, 5, 6, 12, 13]) sheet10.getCell(r, 2).numFmt = MINUTES;
  notes(sheet10, ['سازوکار سامانهٔ نوبت‌دهی و اعلام زمان انتظار', ...turnSystemText(report)]);

  const s = report.survey;
  const distribution = s.ratings.distribution.flatMap(({ buttons, counts }) =>
    counts.map((count, i): Cell[] => [`${buttons} دکمه‌ای`, i + 1, BUTTON_LABELS[buttons]?.[i] ?? String(i + 1), count, s.ratings.count ? count / s.ratings.count : null]),
  );
  const sheet11 = table(
    workbook,
    'شاخص ۱۱',
    [{ header: 'صفحه‌کلید', width: 14 }, { header: 'دکمه', width: 8, format: COUNT }, { header: 'معنا', width: 16 }, { header: 'شمار پاسخ', width: 12, format: COUNT }, { header: 'سهم', width: 10, format: SHARE }],
    [
      ...distribution,
      ['همه', null, null, s.ratings.count, s.ratings.count ? 1 : null],
      ['سهم دو گزینهٔ بالا', null, null, null, s.ratings.topTwoShare],
      ['میانگین از ۵', null, null, null, s.ratings.meanOutOf5],
      ['از صفحه‌کلید باجه‌ها', null, null, s.byKind.desk, null],
      ['از صفحه‌کلید خروجی', null, null, s.byKind.exit, null],
    ],
    { boldLast: false },
  );
  sheet11.getCell(distribution.length + 4, 5).numFmt = '0.00';
  notes(sheet11, ['روش نظرسنجی', surveyMethodText(report), `پرسش: ${SURVEY_QUESTION}`, `نتیجه: ${surveyResultText(s.ratings)}`]);
  for (const sheet of voiceSheets(report)) {
    const added = table(workbook, sheet.name, sheet.columns, sheet.rows);
    for (const [row, column, format] of sheet.cellFormats ?? []) added.getCell(row, column).numFmt = format;
  }
  return write(workbook);
}

const FIGURE_COLUMNS: Column[] = [
  { header: 'صادرشده', width: 10, format: COUNT },
  { header: 'خدمت‌گرفته', width: 10, format: COUNT },
  { header: 'حاضر نشد', width: 10, format: COUNT },
  { header: 'لغوشده', width: 10, format: COUNT },
  { header: 'انتقال‌یافته', width: 10, format: COUNT },
  { header: 'میانگین انتظار (دقیقه)', width: 12, format: MINUTES },
  { header: 'میانهٔ انتظار (دقیقه)', width: 12, format: MINUTES },
  { header: 'صدک ۹۰ انتظار (دقیقه)', width: 12, format: MINUTES },
  { header: 'بیشینهٔ انتظار (دقیقه)', width: 12, format: MINUTES },
  { header: 'میانگین زمان خدمت (دقیقه)', width: 12, format: MINUTES },
  { header: 'میانهٔ زمان خدمت (دقیقه)', width: 12, format: MINUTES },
  { header: 'صدک ۹۰ زمان خدمت (دقیقه)', width: 12, format: MINUTES },
  { header: 'بیشینهٔ زمان خدمت (دقیقه)', width: 12, format: MINUTES },
  { header: 'سهم فراخوان در زمان هدف', width: 12, format: SHARE },
  { header: 'شمار امتیازها', width: 10, format: COUNT },
  { header: 'میانگین امتیاز از ۵', width: 10, format: '0.00' },
  { header: 'سهم دو گزینهٔ بالا', width: 10, format: SHARE },
];

function figureCells(f: Figures): Cell[] {
  const w = f.waitSeconds;
  const s = f.serviceSeconds;
  return [
    f.issued, f.served, f.noShows, f.cancelled, f.transferred,
    minutes(w.mean), minutes(w.p50), minutes(w.p90), minutes(w.max),
    minutes(s.mean), minutes(s.p50), minutes(s.p90), minutes(s.max),
    f.withinTargetShare, f.ratings.count, f.ratings.meanOutOf5, f.ratings.topTwoShare,
  ];
}

function rowLabel(by: Grouping, row: ReportRow): string {
  if (by === 'hour') return hourLabel(row.key);
  if (by === 'day') return jalaliSlashes(row.key);
  return row.name ?? row.key;
}

/** exceljs loads at the first export, not at start-up: it would keep about 20 MB resident for nothing. */
async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'nobat';
  return workbook;
}

function aboutSheet(workbook: ExcelJS.Workbook, office: string, period: ReportPeriod, title: string, extra: Cell[][] = []): void {
  table(workbook, 'مشخصات', [{ header: 'عنوان', width: 22 }, { header: title, width: 48 }], [
    ['اداره', office],
    ['دوره', periodText(period)],
    ['از تاریخ (شمسی)', jalaliSlashes(period.fromJalali)],
    ['تا تاریخ (شمسی)', jalaliSlashes(period.toJalali)],
    ['از تاریخ (میلادی)', period.from],
    ['تا تاریخ (میلادی)', period.to],
    ['شمار روزها', period.days],
    ...extra,
  ]);
}

/** A right-to-left sheet: a bold header row frozen at the top, then the rows. */
function table(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Cell[][], options: { boldLast?: boolean } = {}): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: safeCellText(c.header), width: c.width, ...(c.format ? { style: { numFmt: c.format } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? safeCellText(cell) : cell)));
  if (options.boldLast && rows.length > 0) sheet.getRow(rows.length + 1).font = { bold: true };
  return sheet;
}

/** Paragraphs below a sheet's table, one per row, wrapped across the first columns. */
function notes(sheet: ExcelJS.Worksheet, paragraphs: string[]): void {
  let row = sheet.rowCount + 2;
  for (const [i, text] of paragraphs.entries()) {
    const cell = sheet.getCell(row, 1);
    cell.value = safeCellText(text);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true };
    sheet.mergeCells(row, 1, row, Math.max(2, sheet.columnCount));
    sheet.getRow(row).height = i === 0 ? 20 : Math.min(200, 16 * Math.ceil(text.length / 90));
    row++;
  }
}

async function write(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
