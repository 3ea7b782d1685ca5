// Scores as the traces README defines them, on rows small enough to check by hand; and the
// generator's days are reproducible and in the trace format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatScoreTable, improvementOverBest, scoreRows } from '../../server/estimate/score.js';
import type { ReplayRow } from '../../server/estimate/replay.js';
import { generateTrace } from '../../server/estimate/generate.js';
import { parseTrace, traceToJsonLines } from '../../server/estimate/trace.js';

const row = (visitor: string, wait: number | null, estimate: number, range: [number, number], outcome: ReplayRow['outcome'] = 'served'): ReplayRow => ({
  visitor,
  service: 'S1',
  priorityGroup: null,
  issuedAt: 0,
  calledAt: wait,
  waitSeconds: wait,
  outcome,
  estimates: { e: estimate },
  ranges: { e: { low: range[0], high: range[1] } },
});

test('MAE, RMSE, bias, within, under-promise and coverage, with no-shows apart', () => {
  const rows = [
    row('a', 600, 600, [500, 700]), // exact
    row('b', 1200, 600, [500, 700]), // 10 min longer than told: under-promised, outside
    row('c', 0, 120, [0, 200]), // 2 min over, within the 3 min floor
    row('d', 60, 1200, [0, 100], 'no_show'), // not scored
  ];
  const [s] = scoreRows(rows, [{ name: 'e', ranged: true }]);
  assert.equal(s!.served, 3);
  assert.equal(s!.noShows, 1);
  assert.equal(s!.maeMinutes, (0 + 600 + 120) / 3 / 60);
  assert.equal(s!.rmseMinutes, Math.sqrt((600 ** 2 + 120 ** 2) / 3) / 60);
  assert.equal(s!.biasMinutes, (0 - 600 + 120) / 3 / 60);
  assert.equal(s!.withinShare, 2 / 3);
  assert.equal(s!.underPromiseShare, 1 / 3);
  assert.equal(s!.coverage, 2 / 3);
  assert.equal(s!.meanWidthMinutes, (200 + 200 + 200) / 3 / 60);
  const table = formatScoreTable([s!], 'day');
  assert.match(table, /^day\nestimator/);
  assert.match(table, /\ne\s+3\s+1\s+4\.00/);
});

test('improvement over the best of the others', () => {
  const base = { served: 1, noShows: 0, rmseMinutes: 0, biasMinutes: 0, withinShare: 0, underPromiseShare: 0, coverage: null, meanWidthMinutes: null, pastUpperShare: null, intervalScoreMinutes: null };
  const scores = [
    { ...base, estimator: 'nobat', maeMinutes: 3 },
    { ...base, estimator: 'ql', maeMinutes: 6 },
    { ...base, estimator: 'les', maeMinutes: 4 },
  ];
  assert.equal(improvementOverBest(scores, 'nobat'), 25);
});

test('generated days are reproducible from their seed and parse back as traces', () => {
  const a = traceToJsonLines(generateTrace({ seed: 9, scenario: 'breaks' }));
  assert.equal(traceToJsonLines(generateTrace({ seed: 9, scenario: 'breaks' })), a);
  assert.notEqual(traceToJsonLines(generateTrace({ seed: 10, scenario: 'breaks' })), a);
  const trace = parseTrace(a);
  assert.equal(trace.office.scenario, 'breaks');
  assert.equal(trace.events.at(-1)!.kind, 'end');
  assert.ok(trace.events.filter((e) => e.kind === 'desk').length === 6);
  assert.throws(() => parseTrace('{"kind":"office"}\n'), /line 1/);
});
