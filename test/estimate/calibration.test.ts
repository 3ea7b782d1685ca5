// The promised range learns from the day: errors of the points given to visitors already called
// widen (or narrow) the range for the same service, class and place in line, and a coarser window
// or the prior answers until there are enough.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Calibration, ERROR_SCALE_SECONDS, positionBucket } from '../../server/estimate/calibration.js';
import { createNobatEstimator } from '../../server/estimate/nobat.js';
import { office, sec, serveOne } from './fixtures.js';

test('a service whose visitors waited longer than told gets a range reaching that far', () => {
  const calibration = new Calibration();
  assert.equal(calibration.band('S1', false, 2).from, 'prior');
  // Told 10 minutes, every one waited 15 to 20.
  for (let i = 0; i < 40; i++) calibration.observe('S1', false, 2, 600, 900 + (i % 10) * 30);
  const band = calibration.band('S1', false, 2);
  assert.equal(band.from, 'service');
  const range = calibration.range(600, band);
  assert.ok(range.low >= 600 && range.high >= 1100 && range.high <= 1200, `${range.low}–${range.high}`);
  // Another service in the same place in line borrows the class's window until it has its own.
  assert.equal(calibration.band('S2', false, 2).from, 'class');
  assert.equal(calibration.band('S2', true, 4).from, 'day');
  assert.ok(ERROR_SCALE_SECONDS > 0);
});

test('positions in line fall into buckets', () => {
  assert.deepEqual([0, 1, 2, 3, 5, 6, 10, 11, 20, 21, 400].map(positionBucket), [0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
});

test('a clerk who slows down moves the estimate within a quarter-hour', () => {
  const o = office([{ id: 'D1', services: ['S1'] }], ['S1']);
  for (let i = 0; i < 20; i++) serveOne(o, `a${i}`, 'S1', 'D1', i * 100, 100);
  const before = createNobatEstimator().estimateNew({ state: o.state, history: o.history, now: sec(2000) }, 'S1', null);
  // From then on every visit takes 300 s: five of them, 25 minutes.
  for (let i = 0; i < 5; i++) serveOne(o, `b${i}`, 'S1', 'D1', 2000 + i * 300, 300);
  for (let i = 0; i < 4; i++) o.run({ type: 'issueTicket', now: sec(3500), ticketId: `w${i}`, serviceId: 'S1', priorityGroup: null });
  const later = createNobatEstimator().estimateNew({ state: o.state, history: o.history, now: sec(3500) }, 'S1', null);
  // Four ahead: at 100 s a visit that is 400 s, at 300 s 1,200; the recent visits weigh most, so
  // within 25 minutes of the slowdown the estimate has nearly doubled.
  assert.ok(before.seconds <= 10, `idle desk before: ${before.seconds}`);
  assert.ok(later.seconds >= 1.8 * 4 * 100, `four ahead after the slowdown: ${later.seconds}`);
});

test('a signed-in desk that calls no one while people wait counts as away', () => {
  const o = office([{ id: 'D1', services: ['S1'] }, { id: 'D2', services: ['S1'] }], ['S1']);
  for (let i = 0; i < 10; i++) serveOne(o, `h${i}`, 'S1', i % 2 ? 'D1' : 'D2', i * 120, 120);
  // D2 serves on; D1 last finished at 1200 s and stays idle with people waiting.
  for (let i = 0; i < 6; i++) o.run({ type: 'issueTicket', now: sec(1300 + i), ticketId: `w${i}`, serviceId: 'S1', priorityGroup: null });
  o.run({ type: 'callNext', now: sec(1310), deskId: 'D2' });
  const estimator = createNobatEstimator();
  const soon = estimator.estimateNew({ state: o.state, history: o.history, now: sec(1320) }, 'S1', null);
  const quiet = estimator.estimateNew({ state: o.state, history: o.history, now: sec(2400) }, 'S1', null);
  // Two desks share the line at first; twenty minutes later only one is counted on.
  assert.ok(quiet.seconds > soon.seconds * 1.5, `${soon.seconds} then ${quiet.seconds}`);
});

test('shown ranges passed more often than allowed reach further; ranges never missed narrow', () => {
  const errors = (calibration: Calibration) => {
    for (let i = 0; i < 100; i++) calibration.observe('S1', false, 3, 600, 300 + i * 6);
    return calibration.band('S1', false, 3);
  };
  const passed = new Calibration();
  const kept = new Calibration();
  const start = errors(new Calibration());
  // One visitor in three called after the range they were shown; or every one inside it.
  for (let i = 0; i < 60; i++) passed.observeShown(300, 900, i % 3 === 0 ? 1200 : 600);
  for (let i = 0; i < 60; i++) kept.observeShown(0, 1800, 600);
  assert.ok(errors(passed).high > start.high, 'passed: the upper end moves out');
  assert.ok(errors(kept).high < start.high && errors(kept).low > start.low, 'kept: both ends move in');
});
