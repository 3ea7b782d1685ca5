// The exports of a replayed day (the breaks trace, with desk pauses) read back as a manager's
// spreadsheet program would: the indicators and statistics workbooks with exceljs (sheets, Persian
// headers, right-to-left views, numbers as numbers, Jalali dates), the tickets CSV parsed back (BOM,
// one row per ticket), and names that look like formulas neutralised in both.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { serviceDay } from '../../server/time/day.js';
import { CLERK, MANAGER, runTraceOffice, type TraceOfficeRun } from './lib/trace-office.js';
import { sampleTrace } from '../fixtures/traces.js';

const FORMULA_NAME = '=HYPERLINK("http://example.test","خدمت")';
let run: TraceOfficeRun;
let manager: string;
let day: { iso: string; jalali: string };

async function download(path: string, token?: string): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> {
  const response = await fetch(`${run.office.server.url}/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), bytes: Buffer.from(await response.arrayBuffer()) };
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe('exports of a replayed day (breaks trace)', () => {
  before(async () => {
    run = await runTraceOffice(sampleTrace('breaks.jsonl'), (config) => ({ ...config, services: config.services.map((s, i) => (i === 1 ? { ...s, name: FORMULA_NAME } : s)) }));
    day = serviceDay(run.replay.events[0]!.at, run.config.timeZone);
    manager = await run.office.login(MANAGER.username, undefined, MANAGER.password);
  });
  after(() => run.office.stop());

  it('writes the indicators workbook right to left, in Persian, with numbers as numbers', async () => {
    const answer = await download(`/stats/indicators.xlsx?from=${day.jalali.slice(0, 7)}`, manager);
    assert.equal(answer.status, 200);
    assert.match(answer.type ?? '', /spreadsheetml/);
    assert.match(answer.disposition ?? '', /attachment; filename="nobat-indicators-1405-09-01_1405-09-30\.xlsx"/);
    const book = await workbook(answer.bytes);
    assert.deepEqual(book.worksheets.map((s) => s.name), ['مشخصات', 'شاخص ۸', 'شاخص ۹', 'شاخص ۱۰', 'شاخص ۱۱', 'شاخص ۱۲', 'شاخص ۱۹', 'شاخص ۲۰', 'شاخص ۲۲', 'شاخص ۲۳']);
    for (const sheet of book.worksheets) assert.equal(sheet.views[0]?.rightToLeft, true, `${sheet.name} is right to left`);
    const about = book.getWorksheet('مشخصات')!;
    assert.equal(about.getCell('B3').value, 'از ۱ آذر ۱۴۰۵ تا ۳۰ آذر ۱۴۰۵');
    assert.equal(about.getCell('B4').value, '1405/09/01');
    assert.equal(about.getCell('B5').value, '1405/09/30');
    const visitors = book.getWorksheet('شاخص ۸')!;
    assert.deepEqual([1, 2, 3].map((c) => visitors.getRow(1).getCell(c).value), ['خدمت', 'شمار مراجعان در دوره', 'میانگین مراجعان در ماه']);
    run.config.services.forEach((service, i) => {
      const row = visitors.getRow(i + 2);
      const issued = run.replay.visitors.filter((v) => v.service === service.id).length;
      assert.equal(row.getCell(1).value, i === 1 ? `'${FORMULA_NAME}` : service.name, 'a name that looks like a formula starts with an apostrophe');
      assert.equal(row.getCell(2).value, issued);
      assert.equal(typeof row.getCell(3).value, 'number');
      assert.equal(row.getCell(3).value, issued, 'one whole month: the monthly mean is the count');
    });
    const times = book.getWorksheet('شاخص ۹')!;
    const served = run.replay.visitors.filter((v) => v.service === run.config.services[0]!.id && v.outcome === 'served');
    const serviceSeconds = new Map<string, number>();
    for (const e of run.replay.events) if (e.type === 'ticket.finished') serviceSeconds.set(e.ticketId, e.serviceSeconds);
    const mean = served.reduce((sum, v) => sum + serviceSeconds.get(v.visitor)!, 0) / served.length;
    assert.equal(times.getRow(2).getCell(2).value, served.length);
    assert.equal(times.getRow(2).getCell(3).value, Math.round(mean / 6) / 10, 'mean service time in minutes, one decimal');
    assert.equal(times.getColumn(3).numFmt, '0.0');
    const turn = book.getWorksheet('شاخص ۱۰')!;
    assert.equal(turn.getCell('B2').value, run.replay.visitors.length);
    assert.equal(turn.getCell('B10').numFmt, '0.0%');
    const text = turn.getColumn(1).values.filter((v): v is string => typeof v === 'string').join(' ');
    assert.match(text, /زمان تقریبی انتظار/);
    assert.match(text, /درون|در همان بازه/);
    assert.match(book.getWorksheet('شاخص ۱۱')!.getColumn(1).values.filter((v) => typeof v === 'string').join(' '), /پرسش: /);
  });

  it('writes the statistics workbook with a sheet per grouping', async () => {
    const answer = await download(`/stats/report.xlsx?from=${day.iso}`, manager);
    assert.equal(answer.status, 200);
    const book = await workbook(answer.bytes);
    assert.deepEqual(book.worksheets.map((s) => s.name), ['مشخصات', 'خدمت‌ها', 'باجه‌ها', 'کارکنان', 'ساعت‌ها', 'روزها']);
    const services = book.getWorksheet('خدمت‌ها')!;
    assert.equal(services.getCell('A1').value, 'خدمت');
    assert.equal(services.getCell('B1').value, 'صادرشده');
    const total = services.getRow(run.config.services.length + 2);
    assert.equal(total.getCell(1).value, 'همه');
    assert.equal(total.getCell(2).value, run.replay.visitors.length);
    const days = book.getWorksheet('روزها')!;
    assert.deepEqual([days.getCell('A2').value, days.getCell('B2').value, days.getCell('C2').value], [day.jalali.replaceAll('-', '/'), day.iso, run.replay.visitors.length]);
  });

  it('writes every ticket to a CSV that Excel reads as UTF-8, formulas neutralised', async () => {
    const answer = await download(`/stats/tickets.csv?from=${day.jalali}&to=${day.iso}`, manager);
    assert.equal(answer.status, 200);
    assert.match(answer.type ?? '', /^text\/csv; charset=utf-8/);
    assert.deepEqual([...answer.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 byte-order mark');
    const rows = parseCsv(answer.bytes.toString('utf8').slice(1));
    const [header, ...tickets] = rows;
    assert.equal(header![0], 'تاریخ (شمسی)');
    assert.equal(tickets.length, run.replay.visitors.length);
    const column = (name: string) => header!.indexOf(name);
    const first = tickets[0]!;
    assert.equal(first[column('تاریخ (شمسی)')], day.jalali.replaceAll('-', '/'));
    assert.equal(first[column('تاریخ (میلادی)')], day.iso);
    assert.match(first[column('ساعت صدور')]!, /^07:3\d:\d\d$/, 'the office opens at 07:30 local time');
    const served = tickets.filter((t) => t[column('وضعیت')] === 'خدمت‌گرفته');
    assert.equal(served.length, run.replay.visitors.filter((v) => v.outcome === 'served').length);
    for (const t of served) assert.match(t[column('زمان خدمت (ثانیه)')]!, /^\d+$/);
    const formula = tickets.filter((t) => t[column('خدمت')]!.includes('HYPERLINK'));
    assert.ok(formula.length > 0);
    for (const t of formula) assert.equal(t[column('خدمت')], `'${FORMULA_NAME}`);
    assert.ok(!header!.some((h) => /یادداشت|note/i.test(h)), 'no free-text notes');
  });

  it('refuses the exports to anyone but managers and admins', async () => {
    assert.equal((await download(`/stats/tickets.csv?from=${day.iso}`)).status, 401);
    const clerk = await run.office.login(CLERK.username, run.config.desks[0]!.id, CLERK.password);
    for (const path of ['/stats/tickets.csv', '/stats/indicators.xlsx', '/stats/report.xlsx']) assert.equal((await download(`${path}?from=${day.iso}`, clerk)).status, 403, path);
    assert.equal((await download('/stats/tickets.csv?from=1405-13-01', manager)).status, 400);
  });
});

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}
