// The replay: hand-made days whose waits are worked out by hand, determinism, and every visitor
// accounted for exactly once on a generated day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replayTrace } from '../../server/estimate/replay.js';
import { generateTrace } from '../../server/estimate/generate.js';
import { traceToJsonLines, type TraceLine } from '../../server/estimate/trace.js';
import { qlEstimator } from '../../server/estimate/ql.js';
import { lesEstimator } from '../../server/estimate/les.js';

const officeLine = (desks: Array<{ id: string; services: string[] }>): TraceLine => ({
  kind: 'office',
  scenario: 'hand',
  seed: 0,
  date: '2026-11-22',
  tz: 'Asia/Tehran',
  opensAt: '07:30',
  recallSeconds: 60,
  handoverSeconds: 8,
  services: [
    { id: 'S1', name: 'one' },
    { id: 'S2', name: 'two' },
  ],
  desks,
});

const arrive = (t: number, visitor: string, serviceSeconds: number, extra: { service?: string; priorityGroup?: 'elderly' | null; patienceSeconds?: number | null } = {}): TraceLine => ({
  t,
  kind: 'arrive',
  visitor,
  service: extra.service ?? 'S1',
  priorityGroup: extra.priorityGroup ?? null,
  serviceSeconds,
  patienceSeconds: extra.patienceSeconds ?? null,
});

const baselines = { estimators: [qlEstimator, lesEstimator] };

test('one desk: service, handover, a no-show costing a recall, and a break', () => {
  const lines: TraceLine[] = [
    officeLine([{ id: 'D1', services: ['S1'] }]),
    arrive(10, 'v1', 100), // called at once: 10; free again at 10 + 100 + 8 = 118
    arrive(20, 'v2', 50), // called 118 (waited 98); free at 118 + 50 + 8 = 176
    arrive(30, 'v3', 70, { patienceSeconds: 60 }), // called 176, long gone: recall until 236
    arrive(40, 'v4', 100), // called 236 (waited 196); serving until 336
    { t: 250, kind: 'desk', desk: 'D1', state: 'closed' }, // finishes v4, then the break
    arrive(260, 'v5', 30), // called when the desk reopens at 400 (waited 140)
    { t: 400, kind: 'desk', desk: 'D1', state: 'open' },
    { t: 500, kind: 'end' },
  ];
  const { visitors, scores } = replayTrace(lines, baselines);
  const byVisitor = Object.fromEntries(visitors.map((v) => [v.visitor, v]));
  assert.deepEqual(
    visitors.map((v) => [v.visitor, v.calledAt, v.waitSeconds, v.outcome]),
    [
      ['v1', 10, 0, 'served'],
      ['v2', 118, 98, 'served'],
      ['v3', 176, 146, 'no_show'],
      ['v4', 236, 196, 'served'],
      ['v5', 400, 140, 'served'],
    ],
  );
  // LES at v5's issue: the last S1 visitor called was v4, who waited 196 s.
  assert.equal(byVisitor.v5!.estimates.les, 196);
  // QL at v2's issue: nobody ahead, no service finished yet (typical 300 s), one desk.
  assert.equal(byVisitor.v2!.estimates.ql, 300);
  assert.equal(scores.find((s) => s.estimator === 'les')!.noShows, 1);
  assert.equal(scores.find((s) => s.estimator === 'les')!.served, 4);
});

test('a priority visitor overtakes a normal one, and the desk that comes free first calls', () => {
  const lines: TraceLine[] = [
    officeLine([{ id: 'D1', services: ['S1'] }, { id: 'D2', services: ['S2', 'S1'] }]),
    arrive(0, 'a', 300), // D1 at once; D1 free at 308
    arrive(5, 'b', 100, { service: 'S2' }), // D2 at once; D2 free at 113
    arrive(10, 'n', 50), // normal, S1
    arrive(20, 'p', 50, { priorityGroup: 'elderly' }), // priority, S1: D2 calls p first at 113
    { t: 1000, kind: 'end' },
  ];
  const { visitors } = replayTrace(lines, baselines);
  const waits = Object.fromEntries(visitors.map((v) => [v.visitor, v.waitSeconds]));
  // p: 113 - 20 = 93; n: D2 free again at 113 + 50 + 8 = 171, before D1 at 308 → 161.
  assert.deepEqual(waits, { a: 0, b: 0, n: 161, p: 93 });
});

test('replay is deterministic: the same day gives the same rows and events', () => {
  const text = traceToJsonLines(generateTrace({ seed: 11, scenario: 'priority', hours: 3 }));
  const first = replayTrace(text);
  const second = replayTrace(text);
  assert.deepEqual(second.visitors, first.visitors);
  assert.deepEqual(second.events, first.events);
  assert.deepEqual(second.scores, first.scores);
});

test('every visitor appears once, and every served one is called and finished exactly once', () => {
  const trace = generateTrace({ seed: 5, scenario: 'surge', hours: 4 });
  const { visitors, events } = replayTrace(traceToJsonLines(trace), baselines);
  const arrivals = trace.events.filter((e) => e.kind === 'arrive').map((e) => e.visitor);
  assert.deepEqual(visitors.map((v) => v.visitor), arrivals);
  assert.equal(new Set(visitors.map((v) => v.visitor)).size, arrivals.length);
  const count = (type: string, id: string) => events.filter((e) => e.type === type && 'ticketId' in e && e.ticketId === id).length;
  const served = visitors.filter((v) => v.outcome === 'served');
  assert.ok(served.length > 0 && visitors.some((v) => v.outcome === 'no_show'));
  for (const v of served) {
    assert.equal(count('ticket.called', v.visitor), 1, v.visitor);
    assert.equal(count('ticket.finished', v.visitor), 1, v.visitor);
    assert.equal(v.waitSeconds, Math.round((v.calledAt! - v.issuedAt) * 10) / 10);
  }
  for (const v of visitors.filter((r) => r.outcome === 'no_show')) assert.equal(count('ticket.no_show', v.visitor), 1);
});
