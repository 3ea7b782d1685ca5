// The nobat estimator: a case simple enough to work out by hand, the kiosk's per-service form, and
// the relation the design asks for on a generated day: clearly better than the classic predictors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNobatEstimator } from '../../server/estimate/nobat.js';
import { replayTrace } from '../../server/estimate/replay.js';
import { generateTrace } from '../../server/estimate/generate.js';
import { traceToJsonLines } from '../../server/estimate/trace.js';
import { improvementOverBest } from '../../server/estimate/score.js';
import { office, sec, serveOne } from './fixtures.js';

const nobat = createNobatEstimator();

test('with fixed service times the simulation gives the wait worked out by hand', () => {
  const o = office([{ id: 'D1', services: ['S1'] }], ['S1']);
  for (let i = 0; i < 10; i++) serveOne(o, `h${i}`, 'S1', 'D1', i * 100, 100);
  // Now: D1 is 40 s into a 100 s visit; x and y wait.
  o.run({ type: 'issueTicket', now: sec(1000), ticketId: 'cur', serviceId: 'S1', priorityGroup: null });
  o.run({ type: 'callNext', now: sec(1000), deskId: 'D1' });
  o.run({ type: 'startService', now: sec(1000), deskId: 'D1', ticketId: 'cur' });
  o.run({ type: 'issueTicket', now: sec(1010), ticketId: 'x', serviceId: 'S1', priorityGroup: null });
  o.run({ type: 'issueTicket', now: sec(1020), ticketId: 'y', serviceId: 'S1', priorityGroup: null });
  const input = { state: o.state, history: o.history, now: sec(1040) };
  const x = nobat.estimate(input, 'x');
  const y = nobat.estimate(input, 'y');
  assert.equal(x.seconds, 60);
  assert.equal(y.seconds, 160);
  // Nobody called today was promised anything yet: the range is the prior's, around the point.
  assert.ok(x.low < 60 && x.high > 60 && y.low < 160 && y.high > 160);
  // The whole line at once gives each ticket the same.
  assert.deepEqual(Object.fromEntries(nobat.estimateAll!(input)), { x, y });
  assert.equal(nobat.estimateNew(input, 'S1', null).seconds, 260);
  // A priority newcomer goes before x and y.
  assert.equal(nobat.estimateNew(input, 'S1', 'elderly').seconds, 60);
});

test('a desk on a break counts from its expected return, learnt from earlier breaks', () => {
  const o = office([{ id: 'D1', services: ['S1'] }], ['S1']);
  for (let i = 0; i < 10; i++) serveOne(o, `h${i}`, 'S1', 'D1', i * 100, 100);
  o.run({ type: 'pauseDesk', now: sec(1000), deskId: 'D1', reason: 'break', note: null });
  o.run({ type: 'resumeDesk', now: sec(1600), deskId: 'D1' });
  o.run({ type: 'pauseDesk', now: sec(2000), deskId: 'D1', reason: 'break', note: null });
  o.run({ type: 'issueTicket', now: sec(2100), ticketId: 'x', serviceId: 'S1', priorityGroup: null });
  // Breaks last 600 s here; this one started 100 s ago.
  assert.equal(nobat.estimate({ state: o.state, history: o.history, now: sec(2100) }, 'x').seconds, 500);
});

test('an idle open desk means no wait, and the range always holds the estimate', () => {
  const o = office([{ id: 'D1', services: ['S1', 'S2'] }]);
  const input = { state: o.state, history: o.history, now: sec(5) };
  assert.equal(nobat.estimateNew(input, 'S2', null).seconds, 0);
  const { visitors } = replayTrace(traceToJsonLines(generateTrace({ seed: 3, scenario: 'breaks', hours: 3 })));
  for (const row of visitors) {
    const range = row.ranges.nobat!;
    assert.ok(range.low <= row.estimates.nobat! && row.estimates.nobat! <= range.high, row.visitor);
  }
});

for (const scenario of ['morning-peak', 'workprofiles'] as const) {
  test(`on a generated ${scenario} day nobat's MAE is at least 25 % below the best classic predictor`, () => {
    const { scores } = replayTrace(traceToJsonLines(generateTrace({ seed: 2024, scenario })));
    const score = (name: string) => scores.find((s) => s.estimator === name)!;
    const bestClassic = Math.min(score('ql').maeMinutes, score('les').maeMinutes);
    assert.ok(score('nobat').maeMinutes <= 0.75 * bestClassic, `nobat ${score('nobat').maeMinutes} vs best classic ${bestClassic}`);
    assert.ok(improvementOverBest(scores, 'nobat') >= 25);
    // And it under-promises less often than LES, the classic that lags behind a rising queue.
    assert.ok(score('nobat').underPromiseShare < score('les').underPromiseShare);
  });
}

test('the whole line at once agrees with each ticket estimated alone, priority tickets included', () => {
  const services = ['S1', 'S2', 'S3'];
  const o = office([{ id: 'D1', services: ['S1', 'S2'] }, { id: 'D2', services: ['S2', 'S3'] }, { id: 'D3', services }], services);
  for (let i = 0; i < 30; i++) serveOne(o, `h${i}`, services[i % 3]!, 'D3', i * 200, 60 + ((i * 37) % 120));
  for (let i = 0; i < 60; i++) o.run({ type: 'issueTicket', now: sec(7000 + i * 5), ticketId: `w${i}`, serviceId: services[i % 3]!, priorityGroup: i % 7 === 0 ? 'elderly' : null });
  const input = { state: o.state, history: o.history, now: sec(7400) };
  const all = nobat.estimateAll!(input);
  assert.equal(all.size, 60);
  for (let i = 0; i < 60; i++) {
    const alone = nobat.estimate(input, `w${i}`);
    const together = all.get(`w${i}`)!;
    // Two independent sets of 20 runs: their medians differ by sampling error only.
    assert.ok(Math.abs(together.seconds - alone.seconds) <= 0.2 * alone.seconds + 90, `w${i}: ${together.seconds} vs ${alone.seconds}`);
    assert.ok(together.low <= together.seconds && together.seconds <= together.high);
  }
});
