// ServiceHistory: learns what the estimators need from domain events, stays bounded, and rebuilds
// the same from a list of events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ServiceHistory } from '../../server/estimate/history.js';
import { office, sec, serveOne } from './fixtures.js';

test('service times are kept per service in a fixed window, however many visits', () => {
  const o = office([{ id: 'D1', services: ['S1', 'S2'] }]);
  for (let i = 0; i < 500; i++) serveOne(o, `t${i}`, 'S1', 'D1', i * 100, 10 + (i % 50));
  const times = o.history.serviceTimes('S1');
  assert.equal(times.length, 40);
  assert.equal(times.at(-1), 10 + (499 % 50));
  assert.ok(o.history.pooledServiceTimes().length <= 80);
  assert.ok(o.history.serviceTimesAtHour('S1', o.history.hourOf(sec(499 * 100))).length <= 20);
  assert.deepEqual(o.history.serviceTimes('S2'), []);
});

test('arrival rates count only the recent window, per service and priority group', () => {
  const o = office([{ id: 'D1', services: ['S1', 'S2'] }]);
  for (let i = 0; i < 120; i++) o.run({ type: 'issueTicket', now: sec(i * 60), ticketId: `n${i}`, serviceId: 'S1', priorityGroup: null });
  for (let i = 0; i < 6; i++) o.run({ type: 'issueTicket', now: sec(6000 + i * 60), ticketId: `p${i}`, serviceId: 'S1', priorityGroup: 'elderly' });
  const now = sec(7200);
  // One normal a minute over the last hour; six priority tickets in that hour.
  assert.ok(Math.abs(o.history.arrivalRate('S1', null, now) * 3600 - 60) <= 1);
  assert.equal(o.history.priorityArrivalRate('S1', now) * 3600, 6);
  assert.equal(o.history.arrivalRate('S2', null, now), 0);
});

test('no-shows, handovers, breaks and the last wait to be called are learnt', () => {
  const o = office([{ id: 'D1', services: ['S1'] }], ['S1']);
  o.run({ type: 'issueTicket', now: sec(0), ticketId: 'a', serviceId: 'S1', priorityGroup: null });
  o.run({ type: 'issueTicket', now: sec(1), ticketId: 'b', serviceId: 'S1', priorityGroup: null });
  o.run({ type: 'callNext', now: sec(30), deskId: 'D1' });
  o.run({ type: 'recall', now: sec(30), deskId: 'D1', ticketId: 'a' });
  o.run({ type: 'markNoShow', now: sec(90), deskId: 'D1', ticketId: 'a' });
  o.run({ type: 'callNext', now: sec(98), deskId: 'D1' });
  o.run({ type: 'startService', now: sec(98), deskId: 'D1', ticketId: 'b' });
  o.run({ type: 'finishService', now: sec(198), deskId: 'D1', ticketId: 'b', outcome: 'done', note: null });
  o.run({ type: 'pauseDesk', now: sec(200), deskId: 'D1', reason: 'break', note: null });
  o.run({ type: 'resumeDesk', now: sec(1100), deskId: 'D1' });
  assert.equal(o.history.noShowRate(), 0.5);
  assert.equal(o.history.noShowCostSeconds(), 60);
  assert.equal(o.history.handoverSeconds(), 8);
  assert.deepEqual(o.history.pauseDurations(), [900]);
  assert.equal(o.history.lastCalledWait('S1'), 97);
  assert.deepEqual(o.history.serviceTimes('S1'), [100]);
});

test('a history restored from the day\'s events answers as the live one', () => {
  const o = office([{ id: 'D1', services: ['S1', 'S2'] }]);
  for (let i = 0; i < 60; i++) serveOne(o, `t${i}`, i % 3 ? 'S1' : 'S2', 'D1', i * 200, 30 + i);
  const restored = ServiceHistory.fromEvents(o.events, { timeZone: 'Asia/Tehran' });
  const now = sec(60 * 200);
  for (const service of ['S1', 'S2']) {
    assert.deepEqual(restored.serviceTimes(service), o.history.serviceTimes(service));
    assert.equal(restored.lastCalledWait(service), o.history.lastCalledWait(service));
    assert.equal(restored.arrivalRate(service, null, now), o.history.arrivalRate(service, null, now));
  }
});
