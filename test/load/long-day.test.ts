// A compressed long office day through the real server, real sockets and the real store: 3,000
// visitors, 12 desks, 8 services (lib/long-day.ts). No error is logged, every ticket is served or a
// no-show, the statistics agree with the run's own record, the display hears every call, retried
// clicks call nothing new, memory stays flat over the day, and the next day starts with nothing of
// this one in memory. Memory figures themselves are in the bench (longday.bench.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Logger } from '../../server/log.js';
import { startTestOffice, type TestOffice } from '../integration/lib/office-server.js';
import { expectedSummary, generateVisitors, heapSlopePerHour, largeOffice, runDay, type DayRun } from './lib/long-day.js';

/** 07:30 in Tehran on Sunday 1 Azar 1405 (2026-11-22). */
const OPENING = Date.parse('2026-11-22T04:00:00Z');
const DAY = '2026-11-22';
const VISITORS = 3000;
const MB = 2 ** 20;

describe('a long office day at high speed', () => {
  const logged: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const log: Logger = {
    info: () => {},
    warn: (message, fields) => void logged.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
    error: (message, fields) => void logged.push({ level: 'error', message, ...(fields ? { fields } : {}) }),
  };
  let office: TestOffice;
  let run: DayRun;

  before(async () => {
    // The day runs about a hundred times faster than a real one, so the clerks' and kiosks'
    // request rates are that much higher than a person's: the per-session limits are lifted.
    const unlimited = { capacity: 1e9, refillPerSecond: 1e9 };
    office = await startTestOffice({ config: largeOffice(), now: OPENING, log, limits: { http: unlimited, socket: unlimited } });
    run = await runDay(office, generateVisitors(VISITORS, 1405));
  });
  after(() => office?.stop());

  test('nothing goes wrong: no error logged, no socket dropped, every call announced, retried clicks answered alike', async () => {
    assert.deepEqual(logged.filter((l) => l.level === 'error'), []);
    assert.equal(run.disconnects, 0);
    assert.ok(run.retries > 10, `some clicks were retried (${run.retries})`);
    assert.equal(run.retriesAnswered, run.retries);
    const expected = run.calls + run.recalls;
    const deadline = Date.now() + 30_000;
    while (run.announced < expected && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(run.announced, expected, 'the display heard every call and recall');
  });

  test('every ticket is served or a no-show, in the store as in the run', () => {
    assert.equal(run.tickets.length, VISITORS);
    const unresolved = run.tickets.filter((r) => (r.finishedAt === null) === (r.noShowAt === null));
    assert.deepEqual(unresolved, []);
    assert.ok(run.tickets.some((r) => r.noShowAt !== null), 'the day had no-shows');
    const rows = office.server.db.prepare(`SELECT status, COUNT(*) AS n FROM tickets WHERE day = ? GROUP BY status ORDER BY status`).all(DAY);
    assert.deepEqual(rows, [
      { status: 'done', n: run.tickets.filter((r) => r.finishedAt !== null).length },
      { status: 'no_show', n: run.tickets.filter((r) => r.noShowAt !== null).length },
    ]);
    const numbers = office.server.db.prepare(`SELECT COUNT(DISTINCT number) AS n FROM tickets WHERE day = ?`).get(DAY) as { n: number };
    assert.equal(numbers.n, VISITORS, 'no number given twice');
    const called = office.server.db.prepare(`SELECT COUNT(*) AS n FROM events WHERE type = 'ticket.called'`).get() as { n: number };
    assert.equal(called.n, run.calls, 'no ticket called twice');
  });

  test('the statistics match the truth the run recorded', async () => {
    const { status, body } = await office.api('GET', `/stats/summary?from=${DAY}&to=${DAY}`, { token: run.managerToken });
    assert.equal(status, 200, JSON.stringify(body));
    for (const truth of expectedSummary(run.tickets)) {
      const reported = body.services.find((s: { serviceId: string }) => s.serviceId === truth.serviceId);
      assert.ok(reported, truth.serviceId);
      assert.deepEqual(
        { issued: reported.issued, served: reported.served, noShows: reported.noShows, cancelled: reported.cancelled },
        { issued: truth.issued, served: truth.served, noShows: truth.noShows, cancelled: truth.cancelled },
        truth.serviceId,
      );
      assert.ok(Math.abs(reported.waitSeconds.mean - truth.meanWaitSeconds!) < 0.01, `${truth.serviceId} mean wait ${reported.waitSeconds.mean} vs ${truth.meanWaitSeconds}`);
      assert.ok(Math.abs(reported.serviceSeconds.mean - truth.meanServiceSeconds!) < 0.01, `${truth.serviceId} mean service ${reported.serviceSeconds.mean} vs ${truth.meanServiceSeconds}`);
    }
  });

  test('memory stays flat over the day (heap after GC)', () => {
    assert.ok(run.memory.length >= 10, `${run.memory.length} samples`);
    const first = run.memory[1]!.heapUsed; // after the first half hour: modules, caches and sockets are in
    const last = run.memory.at(-1)!.heapUsed;
    const detail = run.memory.map((s) => `${(s.at / 3600).toFixed(1)} h: ${(s.heapUsed / MB).toFixed(1)} MB`).join(', ');
    assert.ok(last - first < 40 * MB, `heap grew by ${((last - first) / MB).toFixed(1)} MB over the day: ${detail}`);
    assert.ok(heapSlopePerHour(run.memory) < 4 * MB, `heap trend ${(heapSlopePerHour(run.memory) / MB).toFixed(2)} MB/h: ${detail}`);
  });

  test('the next morning nothing of this day is held in memory', async () => {
    office.clock.now = OPENING + 24 * 3600 * 1000;
    const kiosk = office.server.accounts.addDevice('kiosk', 'next day', null).token;
    const { status, body } = await office.api('POST', '/tickets', { token: kiosk, body: { serviceId: 'civil' } });
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.number, '1001', 'numbering starts again');
    assert.deepEqual([...office.server.office.state.tickets.keys()], [body.id]);
  });
});
