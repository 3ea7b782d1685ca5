// Statistics over a replayed office day: the surge trace runs through the real Office and SQLite
// file of a running server, keypad ratings are added, and every figure the API reports is checked
// against what this test computes itself from the trace and the pure replay's visitor rows.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ReplayRow } from '../../server/estimate/replay.js';
import { serviceDay } from '../../server/time/day.js';
import { zonedParts } from '../../server/time/zoned.js';
import { ADMIN, CLERK, MANAGER, runTraceOffice, targetMinutes, type TraceOfficeRun } from './lib/trace-office.js';
import { sampleTrace } from '../fixtures/traces.js';

const TRACE = sampleTrace('surge.jsonl');
// Percentiles come from histograms of 5-second buckets (below 10 minutes) or 30-second ones.
const TOLERANCE_S = (seconds: number) => (seconds < 600 ? 5 : seconds < 3600 ? 30 : 60);

let run: TraceOfficeRun;
let manager: string;
let opening: number;
let day: { iso: string; jalali: string };
const ratings: Array<{ visitor: string | null; deskId: string | null; serviceId: string | null; staffId: string | null; button: number; buttons: number }> = [];

describe('statistics over a replayed day (surge trace)', () => {
  before(async () => {
    run = await runTraceOffice(TRACE);
    opening = run.replay.events[0]!.at;
    day = serviceDay(opening, run.config.timeZone);
    // A keypad press for every third served visitor at the desk that served them, and seven at the exit.
    const calledBy = deskOfEachTicket();
    served().forEach((v, i) => {
      if (i % 3 !== 0) return;
      const deskId = calledBy.get(v.visitor)!;
      ratings.push({ visitor: v.visitor, deskId, serviceId: v.service, staffId: run.staffOf(deskId), button: (i % 5) + 1, buttons: 5 });
    });
    for (let j = 0; j < 7; j++) ratings.push({ visitor: null, deskId: null, serviceId: null, staffId: null, button: (j % 3) + 1, buttons: 3 });
    const insert = run.office.server.db.prepare(`INSERT INTO ratings (at, day, jday, jmonth, hour, keypad_id, device, boot, seq, kind, desk_id, ticket_id, service_id, staff_id, button, buttons)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'boot', ?, ?, ?, ?, ?, ?, ?, ?)`);
    ratings.forEach((r, seq) => {
      const at = opening + 3_600_000;
      insert.run(at, day.iso, day.jalali, day.jalali.slice(0, 7), zonedParts(at, run.config.timeZone).hour, r.deskId ? `kp-${r.deskId}` : 'kp-exit', r.deskId ? `kp-${r.deskId}` : 'kp-exit', seq, r.deskId ? 'desk' : 'exit', r.deskId, r.visitor, r.serviceId, r.staffId, r.button, r.buttons);
    });
    for (const [i, user] of run.config.desks.entries()) run.office.server.db.prepare(`INSERT INTO users (id, username, name, role, password_hash, created_at) VALUES (?, ?, ?, 'staff', '-', 0)`).run(run.staffOf(user.id), `desk${i}`, `کارمند ${user.id}`);
    manager = await run.office.login(MANAGER.username, undefined, MANAGER.password);
  });
  after(() => run.office.stop());

  it('reports each service as the trace and the replay say', async () => {
    const { status, body } = await run.office.api('GET', `/stats/report?from=${day.jalali}&by=service`, { token: manager });
    assert.equal(status, 200);
    assert.deepEqual(body.period, { from: day.iso, to: day.iso, fromJalali: day.jalali, toJalali: day.jalali, days: 1 });
    assert.deepEqual(body.rows.map((r: { key: string }) => r.key), run.config.services.map((s) => s.id));
    let sawNoShows = false;
    for (const [index, service] of run.config.services.entries()) {
      const row = body.rows.find((r: { key: string }) => r.key === service.id);
      const visitors = run.replay.visitors.filter((v) => v.service === service.id);
      const waited = visitors.filter((v) => v.waitSeconds !== null).map((v) => v.waitSeconds!);
      assert.equal(row.name, service.name);
      assert.equal(row.issued, visitors.length);
      assert.equal(row.served, visitors.filter((v) => v.outcome === 'served').length);
      assert.equal(row.noShows, visitors.filter((v) => v.outcome === 'no_show').length);
      sawNoShows ||= row.noShows > 0;
      assert.equal(row.cancelled, 0);
      assert.equal(row.transferred, 0);
      assertDistribution(row.waitSeconds, waited, `${service.id} wait`);
      assertDistribution(row.serviceSeconds, serviceSecondsOf(visitors.filter((v) => v.outcome === 'served')), `${service.id} service time`);
      assert.equal(row.withinTargetShare, waited.length ? waited.filter((w) => w <= targetMinutes(index) * 60).length / waited.length : null);
      assert.equal(row.longestQueue, longestQueue(visitors), `${service.id} longest queue`);
      assertRatings(row.ratings, ratings.filter((r) => r.serviceId === service.id));
    }
    assert.ok(sawNoShows, 'the surge trace has visitors who gave up');
    assert.equal(body.total.issued, run.replay.visitors.length);
    assert.equal(body.total.longestQueue, longestQueue(run.replay.visitors));
    assertRatings(body.total.ratings, ratings);
  });

  it('reports each desk, staff member, hour and day', async () => {
    const get = async (by: string) => (await run.office.api('GET', `/stats/report?from=${day.iso}&by=${by}`, { token: manager })).body;
    const calledBy = deskOfEachTicket();
    const desks = await get('desk');
    assert.deepEqual(desks.rows.map((r: { key: string }) => r.key), run.config.desks.map((d) => d.id));
    for (const row of desks.rows) {
      const mine = run.replay.visitors.filter((v) => calledBy.get(v.visitor) === row.key);
      assert.equal(row.served, mine.filter((v) => v.outcome === 'served').length, `${row.key} served`);
      assert.equal(row.noShows, mine.filter((v) => v.outcome === 'no_show').length, `${row.key} no-shows`);
      assertDistribution(row.serviceSeconds, serviceSecondsOf(mine.filter((v) => v.outcome === 'served')), `${row.key} service time`);
      assertRatings(row.ratings, ratings.filter((r) => r.deskId === row.key));
    }
    const staff = await get('staff');
    for (const desk of run.config.desks) {
      const row = staff.rows.find((r: { key: string }) => r.key === run.staffOf(desk.id));
      assert.equal(row.name, `کارمند ${desk.id}`);
      assert.equal(row.served, desks.rows.find((r: { key: string }) => r.key === desk.id).served);
    }
    const hours = await get('hour');
    const issuedByHour = new Map<string, number>();
    for (const v of run.replay.visitors) {
      const hour = String(zonedParts(opening + v.issuedAt * 1000, run.config.timeZone).hour);
      issuedByHour.set(hour, (issuedByHour.get(hour) ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries(hours.rows.filter((r: { issued: number }) => r.issued > 0).map((r: { key: string; issued: number }) => [r.key, r.issued])), Object.fromEntries(issuedByHour));
    const month = await run.office.api('GET', `/stats/report?from=${day.jalali.slice(0, 7)}&by=day`, { token: manager });
    assert.equal(month.body.rows.length, 30, 'Azar has 30 days, each a row');
    const busy = month.body.rows.filter((r: { issued: number }) => r.issued > 0);
    assert.deepEqual(busy.map((r: { key: string; iso: string }) => [r.key, r.iso]), [[day.jalali, day.iso]]);
    assert.equal(busy[0].issued, run.replay.visitors.length);
  });

  it('gives indicators 8 to 11, with how well the promised waits held', async () => {
    const { status, body } = await run.office.api('GET', `/stats/indicators?from=${day.jalali.slice(0, 7)}`, { token: manager });
    assert.equal(status, 200);
    assert.equal(body.months, 1);
    assert.equal(body.partialPeriod, false);
    for (const row of body.visitorsPerMonth) assert.equal(row.perMonth, run.replay.visitors.filter((v) => v.service === row.serviceId).length);
    // One day is not made into a month (it would read «۶۰ در ماه» for 2 visitors).
    const oneDay = (await run.office.api('GET', `/stats/indicators?from=${day.iso}`, { token: manager })).body;
    assert.equal(oneDay.partialPeriod, true);
    for (const row of oneDay.visitorsPerMonth) assert.equal(row.perMonth, null);
    const called = run.replay.visitors.filter((v) => v.waitSeconds !== null);
    const accuracy = body.turnSystem.accuracy;
    assert.equal(accuracy.count, called.length);
    // The replay rounds waits to a tenth of a second; the store keeps milliseconds.
    const inside = called.filter((v) => within(v).inside).length;
    const notLater = called.filter((v) => within(v).notLater).length;
    assert.ok(Math.abs(accuracy.withinRangeShare * called.length - inside) <= 1, `within range ${accuracy.withinRangeShare * called.length} vs ${inside}`);
    assert.ok(Math.abs(accuracy.notLaterShare * called.length - notLater) <= 1);
    const pastBy5 = called.filter((v) => v.waitSeconds! > v.ranges.nobat!.high + 300).length;
    assert.ok(Math.abs(accuracy.pastUpperBy5Share * called.length - pastBy5) <= 1, `more than 5 min past ${accuracy.pastUpperBy5Share * called.length} vs ${pastBy5}`);
    const mae = called.reduce((sum, v) => sum + Math.abs(v.waitSeconds! - v.estimates.nobat!), 0) / called.length;
    assert.ok(Math.abs(accuracy.meanAbsoluteErrorSeconds - mae) < 0.5, `MAE ${accuracy.meanAbsoluteErrorSeconds} vs ${mae}`);
    assert.equal(body.survey.ratings.count, ratings.length);
    assert.deepEqual(body.survey.keypads, { desk: new Set(ratings.filter((r) => r.deskId).map((r) => r.deskId)).size, exit: 1 });
    assert.deepEqual(body.survey.buttons, [3, 5]);
  });

  it('keeps the summary of api.md, now with ratings', async () => {
    const { body } = await run.office.api('GET', `/stats/summary?from=${day.iso}&to=${day.iso}`, { token: manager });
    const first = body.services[0];
    assert.equal(first.serviceId, run.config.services[0]!.id);
    assert.deepEqual(Object.keys(first).sort(), ['cancelled', 'issued', 'name', 'noShows', 'ratings', 'served', 'serviceId', 'serviceSeconds', 'waitSeconds']);
    const mine = ratings.filter((r) => r.serviceId === first.serviceId);
    assert.equal(first.ratings.count, mine.length);
    assert.ok(Math.abs(first.ratings.mean - mean(mine.map((r) => 1 + ((r.button - 1) * 4) / (r.buttons - 1)))) < 1e-9);
  });

  it('lets only managers and admins in, and explains a bad period in Persian', async () => {
    const path = `/stats/report?from=${day.jalali}`;
    assert.equal((await run.office.api('GET', path)).status, 401);
    const clerk = await run.office.login(CLERK.username, run.config.desks[0]!.id, CLERK.password);
    assert.equal((await run.office.api('GET', path, { token: clerk })).status, 403);
    assert.equal((await run.office.api('GET', '/stats/indicators?from=1405', { token: clerk })).status, 403);
    const admin = await run.office.login(ADMIN.username, undefined, ADMIN.password);
    assert.equal((await run.office.api('GET', path, { token: admin })).status, 200);
    const gregorian = await run.office.api('GET', `/stats/report?from=${day.iso}&by=hour`, { token: manager });
    const persianDigits = await run.office.api('GET', `/stats/report?from=${encodeURIComponent('۱۴۰۵/۰۹/۰۱')}&by=hour`, { token: manager });
    assert.deepEqual(persianDigits.body, gregorian.body);
    for (const bad of ['from=1404-12-30', 'from=2026-02-30', 'from=1405-13', 'from=1405-09-10&to=1405-09-01', 'from=yesterday', 'from=1405&by=month', 'to=1405']) {
      const answer = await run.office.api('GET', `/stats/report?${bad}`, { token: manager });
      assert.equal(answer.status, 400, bad);
      assert.equal(answer.body.error.code, 'invalid_request');
      assert.match(answer.body.error.message, /درخواست نادرست است/);
    }
    // The summary of api.md has the same limits (a span of 75 years was a 500).
    for (const bad of ['from=2024-01-01&to=2099-12-31', 'from=2026-11-22&to=2026-11-21']) {
      const answer = await run.office.api('GET', `/stats/summary?${bad}`, { token: manager });
      assert.equal(answer.status, 400, bad);
      assert.match(answer.body.error.message, /درخواست نادرست است/);
    }
  });

  it('keeps a closed day and reads it back as computed', async () => {
    const get = async (by: string) => (await run.office.api('GET', `/stats/report?from=${day.jalali}&by=${by}`, { token: manager })).body;
    const groupings = ['service', 'desk', 'staff', 'hour', 'day'];
    const live = await Promise.all(groupings.map(get));
    const kept = () => run.office.server.db.prepare(`SELECT figures FROM stats_days WHERE day = ?`).get(day.iso) as { figures: string } | undefined;
    assert.equal(kept(), undefined, 'today is never kept');
    run.office.clock.advance(24 * 3600);
    manager = await run.office.login(MANAGER.username, undefined, MANAGER.password); // sessions last a working day
    assert.deepEqual(await Promise.all(groupings.map(get)), live, 'the next day, the same figures');
    const row = kept();
    assert.ok(row, 'the closed day is kept');
    // Proof that a kept day is read rather than recomputed: change what is kept, see it answered.
    const figures = JSON.parse(row.figures);
    figures.groups.total.total.issued += 1000;
    run.office.server.db.prepare(`UPDATE stats_days SET figures = ? WHERE day = ?`).run(JSON.stringify(figures), day.iso);
    assert.equal((await get('service')).total.issued, live[0].total.issued + 1000);
    run.office.server.db.prepare(`DELETE FROM stats_days WHERE day = ?`).run(day.iso);
    assert.deepEqual(await get('service'), live[0], 'a dropped day is computed again');
  });
});

function served(): ReplayRow[] {
  return run.replay.visitors.filter((v) => v.outcome === 'served');
}

/** The desk that last called each ticket, from the pure replay's events. */
function deskOfEachTicket(): Map<string, string> {
  const desks = new Map<string, string>();
  for (const event of run.replay.events) if (event.type === 'ticket.called') desks.set(event.ticketId, event.deskId);
  return desks;
}

/** The trace's own service time for each visitor (ground truth the replay used). */
function serviceSecondsOf(visitors: ReplayRow[]): number[] {
  const arrivals = new Map<string, number>();
  for (const event of run.replay.events) if (event.type === 'ticket.finished') arrivals.set(event.ticketId, event.serviceSeconds);
  return visitors.map((v) => arrivals.get(v.visitor)!);
}

/** The most visitors waiting for their first call at once (a call before an issue at the same instant). */
function longestQueue(visitors: ReplayRow[]): number {
  const moves = visitors.flatMap((v) => [{ t: v.issuedAt, d: 1 }, ...(v.calledAt === null ? [] : [{ t: v.calledAt, d: -1 }])]).sort((a, b) => a.t - b.t || a.d - b.d);
  let waiting = 0;
  let longest = 0;
  for (const move of moves) longest = Math.max(longest, (waiting += move.d));
  return longest;
}

/** Whether the real wait fell inside the range the visitor was shown, and not after its upper end. */
function within(v: ReplayRow): { inside: boolean; notLater: boolean } {
  const shown = v.ranges.nobat!;
  const wait = v.waitSeconds!;
  return { inside: wait >= shown.low && wait <= shown.high, notLater: wait <= shown.high };
}

function assertDistribution(actual: { count: number; mean: number | null; p50: number | null; p90: number | null; max: number | null }, values: number[], what: string): void {
  assert.equal(actual.count, values.length, `${what}: count`);
  if (values.length === 0) return assert.deepEqual(actual, { count: 0, mean: null, p50: null, p90: null, max: null }, what);
  const sorted = [...values].sort((a, b) => a - b);
  const near = (got: number | null, want: number, tolerance: number, name: string) => assert.ok(got !== null && Math.abs(got - want) <= tolerance, `${what}: ${name} ${got} vs ${want}`);
  near(actual.mean, mean(values), 0.06, 'mean');
  near(actual.max, sorted.at(-1)!, 0.06, 'max');
  near(actual.p50, nearestRank(sorted, 50), TOLERANCE_S(nearestRank(sorted, 50)), 'p50');
  near(actual.p90, nearestRank(sorted, 90), TOLERANCE_S(nearestRank(sorted, 90)), 'p90');
}

function assertRatings(actual: { count: number; distribution: Array<{ buttons: number; counts: number[] }>; topTwoShare: number | null; meanOutOf5: number | null }, expected: typeof ratings): void {
  assert.equal(actual.count, expected.length);
  const sizes = [...new Set(expected.map((r) => r.buttons))].sort();
  assert.deepEqual(
    actual.distribution,
    sizes.map((buttons) => ({ buttons, counts: Array.from({ length: buttons }, (_, b) => expected.filter((r) => r.buttons === buttons && r.button === b + 1).length) })),
  );
  if (expected.length === 0) return assert.equal(actual.meanOutOf5, null);
  assert.ok(Math.abs(actual.topTwoShare! - expected.filter((r) => r.button >= r.buttons - 1).length / expected.length) < 1e-9);
  assert.ok(Math.abs(actual.meanOutOf5! - mean(expected.map((r) => 1 + ((r.button - 1) * 4) / (r.buttons - 1)))) < 1e-9);
}

function nearestRank(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
