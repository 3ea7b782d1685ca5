// Booking opens at 08:00 and 200 citizens rush it over real HTTP for the same 40 places: each reads
// the day's free slots, asks to hold one, and on "full" reads again and tries another, until it holds
// one or none is left. Measures every POST /appointments answer and checks that no place was sold
// twice (per slot, holds never exceed its capacity; exactly 40 holds in all).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOffice } from '../../server/config/load.js';
import { demoOffice } from '../../server/config/demo-office.js';
import { startServer } from '../../server/main.js';
import { createLogger } from '../../server/log.js';
import { percentile, type BenchFigure } from './figure.js';

const CITIZENS = 200;
const PLACES = 40;
/** 08:00 in Tehran on Sunday 1 Azar 1405: booking for Monday opens. */
const OPENING = Date.parse('2026-11-22T08:00:00+03:30');
const DAY = '2026-11-23';
const UNLIMITED = { capacity: 1_000_000, refillPerSecond: 1_000_000 };

interface Slot {
  start: number;
  free: number;
}

export default async function run(): Promise<BenchFigure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nobat-bench-booking-'));
  // Monday 08:00–18:00, four places an hour in 15-minute slots: 40 slots of one place.
  const config = parseOffice(
    {
      ...demoOffice,
      services: demoOffice.services.map((s) => (s.id === 'payment' ? { ...s, hours: { alwaysOpen: false, week: { mon: [{ from: '08:00', to: '18:00' }] } } } : s)),
      booking: { services: [{ serviceId: 'payment', capacity: { visits: 4 } }], daysAhead: 1, opensAt: '08:00', maxFutureBookingsPerMobile: 1 },
    },
    'booking bench office',
  );
  const started = performance.now();
  const server = await startServer({
    config,
    dataDir,
    port: 0,
    host: '127.0.0.1',
    clock: () => OPENING + Math.round(performance.now() - started),
    log: createLogger({ quiet: true }),
    printer: null,
    virtualKeypads: false,
    limits: { http: UNLIMITED, booking: { hold: UNLIMITED, lookup: UNLIMITED } },
  });
  const holdMs: number[] = [];
  let held = 0;
  let refusedFull = 0;
  let otherErrors = 0;
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/v1${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, ...(body ? { body: JSON.stringify(body) } : {}) });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const citizen = async (i: number) => {
    const mobile = `0912${String(1_000_000 + i).padStart(7, '0')}`;
    for (;;) {
      const slots = (await api('GET', `/appointments/slots?serviceId=payment&date=${DAY}`)).body as Slot[];
      const free = slots.filter((s) => s.free > 0);
      if (free.length === 0) return;
      // People pick alike: most want the earliest places, which makes the race for them real.
      const pick = free[Math.min(free.length - 1, Math.floor((i * 7919) % Math.min(free.length, 5)))]!;
      const sent = performance.now();
      const answer = await api('POST', '/appointments', { serviceId: 'payment', start: pick.start, mobile });
      holdMs.push(performance.now() - sent);
      if (answer.status === 202) {
        held += 1;
        return;
      }
      if (answer.status === 409) refusedFull += 1;
      else {
        otherErrors += 1;
        return;
      }
    }
  };
  let rushSeconds = 0;
  let soldTwice = 0;
  let holdsInDb = 0;
  try {
    const rushStart = performance.now();
    await Promise.all(Array.from({ length: CITIZENS }, (_, i) => citizen(i)));
    rushSeconds = (performance.now() - rushStart) / 1000;
    const perSlot = server.db.prepare(`SELECT start, COUNT(*) AS n FROM appointment_holds GROUP BY start`).all() as Array<{ start: number; n: number }>;
    soldTwice = perSlot.filter((row) => row.n > 1).length;
    holdsInDb = perSlot.reduce((sum, row) => sum + row.n, 0);
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (soldTwice > 0 || holdsInDb !== PLACES || held !== PLACES || otherErrors > 0) {
    throw new Error(`booking rush: ${held} held, ${holdsInDb} holds stored over ${PLACES} places, ${soldTwice} slots sold twice, ${otherErrors} other errors`);
  }
  holdMs.sort((a, b) => a - b);
  const detail = `${CITIZENS} clients over real HTTP (one process, keep-alive), ${PLACES} one-place slots opening at 08:00; each reads the slots and retries on "full"; ${holdMs.length} holds asked, ${refusedFull} refused full, ${held} held, 0 slots sold twice`;
  return [
    { name: 'booking rush: POST /appointments answer, p50', value: percentile(holdMs, 50), unit: 'ms', detail },
    { name: 'booking rush: POST /appointments answer, p99', value: percentile(holdMs, 99), unit: 'ms', detail },
    { name: 'booking rush: until every place is held', value: rushSeconds, unit: 's', detail },
    { name: 'booking rush: hold requests answered per second', value: holdMs.length / rushSeconds, unit: 'req/s', detail },
    { name: 'booking rush: slots sold twice', value: soldTwice, unit: 'slots', target: { op: '<=', value: 0 }, detail },
  ];
}
