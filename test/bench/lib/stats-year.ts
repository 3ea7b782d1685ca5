// A year of a large office in a real SQLite file, for the statistics bench: two million tickets over
// the working days of Jalali 1404 with a morning peak, per-service shares and service times, waits
// that grow with the hour's load, no-shows, cancellations, transfers, the promise made at issue, and
// keypad ratings. Written in one transaction with prepared statements, and kept under bench/out/
// keyed by GENERATOR_VERSION, so that a rerun opens the file instead of writing it again.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoOffice } from '../../../server/config/demo-office.js';
import type { OfficeInput } from '../../../server/config/schema.js';
import { openDatabase } from '../../../server/store/open.js';
import { jalaliYearRange, gregorianToJalali, parseDateKey, toDateKey } from '../../../server/time/calendar.js';
import { instantAtLocal, weekdayOf } from '../../../server/time/zoned.js';
import { roundWaitRange } from '../../../server/time/wait-range.js';
import { seededRandom } from '../../../server/estimate/random.js';

/** Bump when the rows written change, so that a stale cached file is not measured. */
export const GENERATOR_VERSION = 4;
export const YEAR_TICKETS = 2_000_000;
export const JALALI_YEAR = 1404;
const DESKS = 60;
const TZ = 'Asia/Tehran';

/** Share of the day's tickets issued in each hour from 07:00 (the office opens at 07:30). */
const HOUR_WEIGHTS = [0.5, 1.3, 1.7, 1.6, 1.3, 1.0, 0.7, 0.3];
/** Share of tickets per demo service, and the mean minutes each takes at the desk. */
const SERVICE_MIX: Record<string, { share: number; meanMinutes: number }> = {
  certificate: { share: 0.3, meanMinutes: 6 },
  payment: { share: 0.25, meanMinutes: 3 },
  request: { share: 0.18, meanMinutes: 8 },
  complaint: { share: 0.07, meanMinutes: 10 },
  documents: { share: 0.15, meanMinutes: 2.5 },
  contractor: { share: 0.05, meanMinutes: 12 },
};

export interface StatsYear {
  dataDir: string;
  officeFile: string;
  tickets: number;
  ratings: number;
  /** The Jalali month measured by the bench: a full one in the middle of the year. */
  month: string;
  /** Whether the file was written by this run (false: reused from bench/out/). */
  generated: boolean;
  generateMs: number;
}

/** The demo office's services at 60 desks, each desk serving two or three of them. */
export function benchOffice(): OfficeInput {
  const profiles = [['certificate', 'payment'], ['request', 'documents', 'certificate'], ['payment', 'documents'], ['complaint', 'contractor', 'request'], ['certificate', 'request']];
  return {
    ...demoOffice,
    name: 'اداره نمونه با ۶۰ باجه',
    desks: Array.from({ length: DESKS }, (_, i) => ({ id: `desk-${i + 1}`, name: `باجه ${i + 1}`, number: i + 1, services: profiles[i % profiles.length]! })),
  };
}

export function statsYear(outDir: string): StatsYear {
  const dir = join(outDir, `stats-year-v${GENERATOR_VERSION}`);
  const dataDir = join(dir, 'data');
  const officeFile = join(dir, 'office.json');
  const done = join(dir, 'complete');
  const month = `${JALALI_YEAR}-08`;
  if (existsSync(done)) return { dataDir, officeFile, tickets: YEAR_TICKETS, ratings: -1, month, generated: false, generateMs: 0 };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(officeFile, JSON.stringify(benchOffice(), null, 1));
  const started = performance.now();
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const counts = writeYear(join(tmp, 'nobat.db'));
  renameSync(join(tmp, 'nobat.db'), join(dataDir, 'nobat.db'));
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(done, JSON.stringify(counts));
  return { dataDir, officeFile, ...counts, month, generated: true, generateMs: performance.now() - started };
}

function writeYear(path: string): { tickets: number; ratings: number } {
  const db = openDatabase(path);
  // Speed over durability while generating: a failed run is thrown away (no `complete` marker).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  const random = seededRandom(1404);
  const office = benchOffice();
  const desksByService = new Map<string, string[]>();
  for (const desk of office.desks) for (const s of desk.services) desksByService.set(s, [...(desksByService.get(s) ?? []), desk.id]);
  const services = office.services.map((s) => ({ id: s.id, prefix: s.prefix, ...SERVICE_MIX[s.id]! }));
  const days = workingDays(JALALI_YEAR);

  const insertUser = db.prepare(`INSERT INTO users (id, username, name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, 'staff', '-', 1, 0)`);
  const insertTicket = db.prepare(`INSERT INTO tickets (id, day, jday, jmonth, hour, service_id, first_service_id, number, counter, priority_group, status,
      desk_id, rank, issued_at, called_at, last_called_at, recalls, started_at, finished_at, wait_s, service_s, outcome, transfers, staff_id,
      promised_s, promised_low_s, promised_high_s, called_desk_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertRating = db.prepare(`INSERT INTO ratings (at, day, jday, jmonth, hour, keypad_id, device, boot, seq, kind, desk_id, ticket_id, service_id, staff_id, button, buttons)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'b1', ?, ?, ?, ?, ?, ?, ?, 5)`);

  let tickets = 0;
  let ratings = 0;
  db.transaction(() => {
    for (let i = 1; i <= DESKS + 5; i++) insertUser.run(`staff-${i}`, `staff${i}`, `کارمند ${i}`);
    // A few busier and quieter days, and slightly more visitors as the year goes on; YEAR_TICKETS in all.
    const weights = days.map((_, dayIndex) => (0.85 + 0.3 * random()) * (0.9 + (0.2 * dayIndex) / days.length));
    const scale = YEAR_TICKETS / weights.reduce((a, b) => a + b, 0);
    let issuedSoFar = 0;
    let weightSoFar = 0;
    days.forEach((day, dayIndex) => {
      weightSoFar += weights[dayIndex]!;
      const dayTickets = Math.round(weightSoFar * scale) - issuedSoFar;
      issuedSoFar += dayTickets;
      const [y, m, d] = day.iso.split('-').map(Number) as [number, number, number];
      const midnight = instantAtLocal(y, m, d, 0, TZ);
      const counters = new Map<string, number>();
      const arrivals: Array<{ at: number; hour: number; service: (typeof services)[number] }> = [];
      for (let n = 0; n < dayTickets; n++) {
        const hourIndex = pick(HOUR_WEIGHTS, random());
        const minute = hourIndex === 0 ? 30 + random() * 30 : random() * 60;
        const hour = 7 + hourIndex;
        arrivals.push({ at: midnight + Math.round((hour * 60 + minute) * 60_000), hour, service: services[pick(services.map((s) => s.share), random())]! });
      }
      arrivals.sort((a, b) => a.at - b.at);
      for (const { at, hour, service } of arrivals) {
        const counter = (counters.get(service.id) ?? 0) + 1;
        counters.set(service.id, counter);
        const load = HOUR_WEIGHTS[hour - 7]!;
        const wait = Math.round(gamma2(random, 240 + 420 * load) * 10) / 10;
        const promised = Math.max(0, wait * (0.6 + 0.8 * random()));
        const shown = roundWaitRange({ low: promised * 0.8, high: promised * 1.25 });
        const roll = random();
        const status = roll < 0.05 ? 'no_show' : roll < 0.08 ? 'cancelled' : 'done';
        const deskChoices = desksByService.get(service.id)!;
        const deskId = deskChoices[Math.floor(random() * deskChoices.length)]!;
        const staffId = `staff-${Number(deskId.slice(5)) + (random() < 0.05 ? 1 : 0)}`;
        const calledAt = status === 'cancelled' && random() < 0.5 ? null : at + wait * 1000;
        const serviceSeconds = status === 'done' ? Math.round(service.meanMinutes * 60 * (0.3 + gamma2(random, 0.7)) * 10) / 10 : null;
        const startedAt = status === 'done' && calledAt !== null ? calledAt + 20_000 : null;
        const finishedAt = startedAt !== null && serviceSeconds !== null ? startedAt + serviceSeconds * 1000 : calledAt !== null ? calledAt + 60_000 : at + 1_800_000;
        const transfers = status === 'done' && random() < 0.03 ? 1 : 0;
        const id = ticketId(random);
        insertTicket.run(
          id, day.iso, day.jalali, day.jalali.slice(0, 7), hour, service.id, service.id, `${service.prefix}${String(counter).padStart(3, '0')}`, counter,
          random() < 0.06 ? 'elderly' : null, status, status === 'done' ? deskId : null, at, at, calledAt, calledAt, status === 'no_show' ? 1 : 0,
          startedAt, finishedAt, calledAt === null ? null : wait, serviceSeconds, status === 'done' ? 'done' : status === 'cancelled' ? 'staff' : null,
          transfers, calledAt === null ? null : staffId, Math.round(promised), shown.low, shown.high, calledAt === null ? null : deskId,
        );
        tickets++;
        if (status === 'done' && random() < 0.35) {
          const ratedAt = finishedAt + 5_000;
          insertRating.run(ratedAt, day.iso, day.jalali, day.jalali.slice(0, 7), hour, `kp-${deskId}`, `kp-${deskId}`, ratings + 1, 'desk', deskId, id, service.id, staffId, button(random(), wait));
          ratings++;
        }
        if (random() < 0.03) {
          insertRating.run(finishedAt + 60_000, day.iso, day.jalali, day.jalali.slice(0, 7), hour, 'kp-exit', 'kp-exit', ratings + 1, 'exit', null, null, null, null, button(random(), wait));
          ratings++;
        }
      }
    });
  })();
  db.pragma('journal_mode = WAL');
  db.exec('ANALYZE');
  db.close();
  return { tickets, ratings };
}

/** Working days of a Jalali year: every day but Friday (holidays are not modelled). */
function workingDays(year: number): Array<{ iso: string; jalali: string }> {
  const { first, last } = jalaliYearRange(year);
  const days: Array<{ iso: string; jalali: string }> = [];
  const start = parseDateKey(first);
  for (let t = Date.UTC(start.year, start.month - 1, start.day); ; t += 86_400_000) {
    const date = new Date(t);
    const parts = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    const iso = toDateKey(parts);
    if (iso > last) break;
    if (weekdayOf(parts.year, parts.month, parts.day) === 'fri') continue;
    days.push({ iso, jalali: toDateKey(gregorianToJalali(parts)) });
  }
  return days;
}

/** Visitors who waited longer rate lower, on five buttons (5 = best). */
function button(roll: number, waitSeconds: number): number {
  const shift = waitSeconds > 1200 ? 0.25 : 0;
  const weights = [0.04 + shift / 3, 0.06 + shift / 3, 0.15 + shift / 3, 0.35, 0.4 - shift];
  return pick(weights, roll) + 1;
}

function pick(weights: readonly number[], roll: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let rest = roll * total;
  for (let i = 0; i < weights.length; i++) {
    rest -= weights[i]!;
    if (rest < 0) return i;
  }
  return weights.length - 1;
}

/** A gamma(2) variate with the given mean: skewed to the right like real waits and service times. */
function gamma2(random: () => number, mean: number): number {
  return (-Math.log(1 - random()) - Math.log(1 - random())) * (mean / 2);
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function ticketId(random: () => number): string {
  let id = '';
  for (let i = 0; i < 16; i++) id += ID_CHARS[Math.floor(random() * 64)];
  return id;
}

