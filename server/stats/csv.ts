// The tickets of a range as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Persian),
// Persian headers, Jalali and ISO dates, local clock times, durations in seconds as numbers. One day
// is read at a time, so a year streams out without holding it in memory. Free-text notes are left
// out (staff may write names or phone numbers in them); ticket ids too (they open the tracking page).
import type { OfficeConfig } from '../config/schema.js';
import type { Db } from '../store/open.js';
import { zoneOffsetMs } from '../time/zoned.js';
import { csvLine } from './cells.js';
import { OUTCOME_LABELS, STATUS_LABELS, jalaliSlashes } from './format.js';
import { staffNames, ticketsOfDay, type TicketExportRow } from './queries.js';
import { daysOf, type StatsRange } from './range.js';

const BOM = '\uFEFF';
const HEADER = [
  'تاریخ (شمسی)', 'تاریخ (میلادی)', 'شماره نوبت', 'خدمت', 'خدمت درخواستی', 'گروه اولویت', 'وضعیت', 'باجه', 'کارمند',
  'ساعت صدور', 'ساعت فراخوان', 'ساعت پایان', 'انتظار (ثانیه)', 'زمان خدمت (ثانیه)', 'نتیجه', 'انتقال', 'انتظار اعلام‌شده (ثانیه)',
  'کمینه بازه اعلام‌شده (ثانیه)', 'بیشینه بازه اعلام‌شده (ثانیه)', 'امتیاز', 'شمار دکمه‌ها',
];
const PRIORITY_LABELS: Record<string, string> = { elderly: 'سالمند', disabled: 'توان‌خواه', veteran: 'ایثارگر', pregnant: 'باردار' };

/** The CSV, a day per chunk, starting with the byte-order mark and the header. */
export function* ticketsCsv(db: Db, config: OfficeConfig, range: StatsRange): Generator<string> {
  const services = new Map(config.services.map((s) => [s.id, s.name]));
  const desks = new Map(config.desks.map((d) => [d.id, d.name]));
  const staff = staffNames(db);
  const clock = localClock(config.timeZone);
  yield `${BOM}${csvLine(HEADER)}\r\n`;
  for (const { iso } of daysOf(range)) {
    const rows = ticketsOfDay(db, iso);
    if (rows.length === 0) continue;
    yield rows.map((row) => csvLine(cells(row, services, desks, staff, clock)) + '\r\n').join('');
  }
}

function cells(row: TicketExportRow, services: Map<string, string>, desks: Map<string, string>, staff: Map<string, string>, clock: (ms: number | null) => string | null) {
  const seconds = (value: number | null) => (value === null ? null : Math.round(value));
  return [
    jalaliSlashes(row.jday),
    row.day,
    row.number,
    services.get(row.serviceId) ?? row.serviceId,
    services.get(row.firstServiceId) ?? row.firstServiceId,
    row.priorityGroup ? (PRIORITY_LABELS[row.priorityGroup] ?? row.priorityGroup) : null,
    STATUS_LABELS[row.status] ?? row.status,
    row.deskId ? (desks.get(row.deskId) ?? row.deskId) : null,
    row.staffId ? (staff.get(row.staffId) ?? row.staffId) : null,
    clock(row.issuedAt),
    clock(row.calledAt),
    clock(row.finishedAt),
    seconds(row.waitSeconds),
    seconds(row.serviceSeconds),
    row.outcome ? (OUTCOME_LABELS[row.outcome] ?? row.outcome) : null,
    row.transfers,
    seconds(row.promisedSeconds),
    seconds(row.promisedLow),
    seconds(row.promisedHigh),
    row.ratingButton,
    row.ratingButtons,
  ];
}

// Zones change their offset on a quarter hour at the finest (Asia/Kathmandu is +05:45).
const QUARTER_HOUR_MS = 900_000;

/** HH:MM:SS on the office's wall clock; the zone's offset is looked up once per quarter hour of time. */
function localClock(timeZone: string): (ms: number | null) => string | null {
  const offsets = new Map<number, number>();
  return (ms) => {
    if (ms === null) return null;
    const quarter = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = offsets.get(quarter);
    if (offset === undefined) offsets.set(quarter, (offset = zoneOffsetMs(quarter * QUARTER_HOUR_MS, timeZone)));
    return new Date(ms + offset).toISOString().slice(11, 19);
  };
}
