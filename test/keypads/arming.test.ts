// When a desk keypad is armed and disarmed, from the events of one commit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QueueEvent } from '../../server/queue/index.js';
import { armingChange } from '../../server/keypads/arming.js';

const at = 0;
const finished = (ticketId: string, deskId = 'desk-1'): QueueEvent => ({ type: 'ticket.finished', at, ticketId, deskId, outcome: 'done', note: null, serviceSeconds: 60 });
const called = (ticketId: string, deskId = 'desk-1'): QueueEvent => ({
  type: 'ticket.called', at, ticketId, deskId, serviceId: 'certificate', number: '1001', priorityGroup: null, waitedSeconds: 10, how: 'next',
});
const started = (ticketId: string, deskId = 'desk-1'): QueueEvent => ({ type: 'ticket.started', at, ticketId, deskId });

test('finishing a ticket arms the desk\'s keypad for it', () => {
  assert.deepEqual(armingChange([finished('T1')], 'desk-1'), { arm: 'T1' });
});

test('calling the next visitor disarms', () => {
  assert.equal(armingChange([called('T2')], 'desk-1'), 'disarm');
});

test('"next" that finishes and calls in one commit arms for the finished ticket', () => {
  assert.deepEqual(armingChange([finished('T1'), called('T2')], 'desk-1'), { arm: 'T1' });
});

test('serving the next visitor, or closing the desk, disarms', () => {
  assert.equal(armingChange([started('T2')], 'desk-1'), 'disarm');
  assert.equal(armingChange([{ type: 'desk.closed', at, deskId: 'desk-1' }], 'desk-1'), 'disarm');
});

test('another desk\'s events, transfers, recalls and pauses leave the keypad as it is', () => {
  assert.equal(armingChange([finished('T1', 'desk-2'), called('T2', 'desk-2')], 'desk-1'), null);
  const transferred: QueueEvent = { type: 'ticket.transferred', at, ticketId: 'T3', fromDeskId: 'desk-1', fromServiceId: 'a', serviceId: 'b', targetDeskId: null, rank: 1, servedSeconds: 5 };
  assert.equal(armingChange([transferred], 'desk-1'), null);
  assert.equal(armingChange([{ type: 'ticket.recalled', at, ticketId: 'T2', deskId: 'desk-1', recalls: 1 }], 'desk-1'), null);
  assert.equal(armingChange([{ type: 'desk.paused', at, deskId: 'desk-1', reason: 'break', note: null }], 'desk-1'), null);
});
