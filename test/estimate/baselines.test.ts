// QL and LES against cases computed by hand from the traces README's definitions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { qlEstimator } from '../../server/estimate/ql.js';
import { lesEstimator } from '../../server/estimate/les.js';
import { office, sec, serveOne } from './fixtures.js';

test('QL: (ahead + 1) × mean service time ÷ open desks, a desk counting 1/k per service', () => {
  const o = office([{ id: 'D1', services: ['S1'] }, { id: 'D2', services: ['S1', 'S2'] }]);
  serveOne(o, 'a', 'S1', 'D1', 0, 100);
  serveOne(o, 'b', 'S1', 'D1', 100, 200);
  for (const [i, id] of ['x', 'y', 'z'].entries()) o.run({ type: 'issueTicket', now: sec(400 + i), ticketId: id, serviceId: 'S1', priorityGroup: null });
  o.run({ type: 'issueTicket', now: sec(403), ticketId: 'other', serviceId: 'S2', priorityGroup: null });
  const input = { state: o.state, history: o.history, now: sec(403) };
  // z has two ahead in S1; mean 150 s; desks 1 + 1/2.
  assert.equal(qlEstimator.estimate(input, 'z').seconds, (3 * 150) / 1.5);
  assert.equal(qlEstimator.estimate(input, 'x').seconds, 150 / 1.5);
  // A new S1 ticket would have all three ahead.
  assert.equal(qlEstimator.estimateNew(input, 'S1', null).seconds, (4 * 150) / 1.5);
  // D2 on a break: only D1 serves S1.
  o.run({ type: 'pauseDesk', now: sec(404), deskId: 'D2', reason: 'break', note: null });
  assert.equal(qlEstimator.estimate({ ...input, now: sec(404) }, 'z').seconds, 3 * 150);
});

test('QL with no service finished yet uses a typical service time; with every desk away, the configured desks', () => {
  const o = office([{ id: 'D1', services: ['S1', 'S2'] }]);
  o.run({ type: 'issueTicket', now: sec(1), ticketId: 'x', serviceId: 'S1', priorityGroup: null });
  const input = { state: o.state, history: o.history, now: sec(1) };
  assert.equal(qlEstimator.estimate(input, 'x').seconds, 300 / 0.5);
  o.run({ type: 'pauseDesk', now: sec(2), deskId: 'D1', reason: 'prayer', note: null });
  assert.equal(qlEstimator.estimate({ ...input, now: sec(2) }, 'x').seconds, 300 / 0.5);
});

test('LES: the wait of the last visitor of the same service to be called, 0 before anyone was', () => {
  const o = office([{ id: 'D1', services: ['S1', 'S2'] }]);
  o.run({ type: 'issueTicket', now: sec(0), ticketId: 'a', serviceId: 'S1', priorityGroup: null });
  o.run({ type: 'issueTicket', now: sec(10), ticketId: 'b', serviceId: 'S2', priorityGroup: null });
  o.run({ type: 'issueTicket', now: sec(20), ticketId: 'c', serviceId: 'S1', priorityGroup: null });
  const at = (s: number) => ({ state: o.state, history: o.history, now: sec(s) });
  assert.equal(lesEstimator.estimate(at(20), 'c').seconds, 0);
  o.run({ type: 'callNext', now: sec(130), deskId: 'D1' }); // a, waited 130 s
  assert.equal(lesEstimator.estimate(at(130), 'c').seconds, 130);
  assert.equal(lesEstimator.estimateNew(at(130), 'S2', null).seconds, 0);
  o.run({ type: 'startService', now: sec(130), deskId: 'D1', ticketId: 'a' });
  o.run({ type: 'callNext', now: sec(200), deskId: 'D1' }); // finishes a, calls b (S2), waited 190 s
  assert.equal(lesEstimator.estimate(at(200), 'c').seconds, 130);
  assert.equal(lesEstimator.estimateNew(at(200), 'S2', null).seconds, 190);
});
