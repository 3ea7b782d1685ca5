// Visitors give up while they wait: the longer someone has waited when called, the likelier they
// have gone, so a long line costs its desks less per visitor than the day's flat no-show share says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { abandonmentRate } from '../../server/estimate/abandonment.js';
import { dispatchModel } from '../../server/estimate/model.js';
import { phantomTicket } from '../../server/estimate/simulate.js';
import { office, sec, serveOne } from './fixtures.js';

const outcome = (waitedMinutes: number, noShow: boolean) => ({ waitedSeconds: waitedMinutes * 60, noShow });

test('the rate of giving up is what makes the no-shows of the waits seen', () => {
  // Half of those called after an hour had gone; nobody called after a minute had.
  const outcomes = [...Array.from({ length: 20 }, (_, i) => outcome(60, i % 2 === 0)), ...Array.from({ length: 20 }, () => outcome(1, false))];
  const rate = abandonmentRate(outcomes)!;
  const expected = outcomes.reduce((sum, o) => sum + 1 - Math.exp(-rate * o.waitedSeconds * 1000), 0);
  assert.ok(Math.abs(expected - 10) < 0.01, `expected no-shows ${expected}`);
  // An hour's wait loses nearly half; a minute's, about one in a hundred.
  assert.ok(1 - Math.exp(-rate * 3_600_000) > 0.4 && 1 - Math.exp(-rate * 60_000) < 0.02);
  assert.equal(abandonmentRate([outcome(30, false), outcome(5, false)]), null, 'no no-show: no rate');
  assert.equal(abandonmentRate([]), null);
});

test('a visitor called after a long wait holds the desk less, on average, than one called at once', () => {
  const o = office([{ id: 'D1', services: ['S1'] }], ['S1']);
  for (let i = 0; i < 10; i++) serveOne(o, `s${i}`, 'S1', 'D1', i * 300, 240);
  // Four visitors called after waiting 50 minutes had gone.
  for (let i = 0; i < 4; i++) {
    const id = `g${i}`;
    const from = 3000 + i * 3200;
    o.run({ type: 'issueTicket', now: sec(from), ticketId: id, serviceId: 'S1', priorityGroup: null });
    o.run({ type: 'callTicket', now: sec(from + 3000), deskId: 'D1', ticketId: id });
    o.run({ type: 'recall', now: sec(from + 3000), deskId: 'D1', ticketId: id });
    o.run({ type: 'markNoShow', now: sec(from + 3060), deskId: 'D1', ticketId: id });
  }
  const now = sec(20_000);
  const model = dispatchModel(o.state, o.history, now, 'priority');
  const random = () => 0.5;
  const freshlyCalled = model.occupancy(phantomTicket('a', 'S1', null, now), now, random);
  const longWaiting = model.occupancy(phantomTicket('b', 'S1', null, now - 3_600_000), now, random);
  assert.ok(longWaiting < freshlyCalled * 0.8, `an hour's wait ${longWaiting} ms against none ${freshlyCalled} ms`);
});
