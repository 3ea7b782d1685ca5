// Call-next policy (design §4): priority groups first, but bounded by a streak limit and a wait limit
// for normal tickets; otherwise the longest-waiting ticket; only what the desk's workprofile allows.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { candidatesFor, pickNext } from '../../server/queue/index.js';
import { given, type Past } from './given.js';
import { allDesksOpen, at, callNext, callTicket, closeDesk, finish, issue, office, openDesk, start, transfer } from './office.js';

// maxPriorityStreak 2, normalWaitLimitMinutes 30.
const tehran = office();

/** Calls next at `deskId` and finishes each call at once; returns the tickets called, in order. */
function callRound(past: Past[], deskId: string, calls: number, fromMinute: number): string[] {
  const scenario = given(tehran, past);
  const called: string[] = [];
  for (let i = 0; i < calls; i++) {
    const minute = fromMinute + i * 0.1;
    const state = scenario.when(callNext(deskId, minute)).then([{ type: 'ticket.called', deskId }]);
    const ticketId = state.desks.get(deskId)?.currentTicketId;
    assert.ok(ticketId);
    called.push(ticketId);
    scenario.when(finish(deskId, ticketId, minute + 0.05)).then([{ type: 'ticket.finished', ticketId }]);
  }
  return called;
}

describe('call-next policy', () => {
  test('priority groups go before normal tickets that waited longer', () => {
    given(tehran, [...allDesksOpen, issue('n1', 'A', 0), issue('n2', 'A', 1), issue('p1', 'A', 2, 'elderly')])
      .when(callNext('d1', 3))
      .then([{ type: 'ticket.called', ticketId: 'p1' }]);
  });

  test('among priority tickets, the longest-waiting goes first whatever its group', () => {
    given(tehran, [...allDesksOpen, issue('p1', 'A', 0, 'disabled'), issue('p2', 'A', 1, 'elderly')])
      .when(callNext('d1', 2))
      .then([{ type: 'ticket.called', ticketId: 'p1' }]);
  });

  test('after maxPriorityStreak priority calls in a row at a desk, a waiting normal ticket goes', () => {
    const past = [...allDesksOpen, issue('n1', 'A', 0), issue('n2', 'A', 0.5), issue('p1', 'A', 1, 'elderly'), issue('p2', 'A', 2, 'elderly'), issue('p3', 'A', 3, 'disabled'), issue('p4', 'A', 4, 'elderly')];
    assert.deepEqual(callRound(past, 'd1', 6, 5), ['p1', 'p2', 'n1', 'p3', 'p4', 'n2']);
  });

  test('the streak is counted per desk', () => {
    const past = [...allDesksOpen, issue('n1', 'A', 0), issue('p1', 'A', 1, 'elderly'), issue('p2', 'A', 2, 'elderly'), issue('p3', 'A', 3, 'elderly')];
    const afterTwoAtD1 = [...past, callNext('d1', 4), finish('d1', 'p1', 4.1), callNext('d1', 4.2), finish('d1', 'p2', 4.3)];
    given(tehran, afterTwoAtD1).when(callNext('d3', 5)).then([{ type: 'ticket.called', ticketId: 'p3', deskId: 'd3' }]);
    given(tehran, afterTwoAtD1).when(callNext('d1', 5)).then([{ type: 'ticket.called', ticketId: 'n1', deskId: 'd1' }]);
  });

  test('calling a ticket by its number does not count towards the streak', () => {
    const past = [...allDesksOpen, issue('n1', 'A', 0), issue('p1', 'A', 1, 'elderly'), issue('p2', 'A', 2, 'elderly'), issue('p3', 'A', 3, 'elderly')];
    const specificThenNext = [...past, callTicket('d1', 'p1', 4), finish('d1', 'p1', 4.1), callNext('d1', 4.2), finish('d1', 'p2', 4.3)];
    given(tehran, specificThenNext).when(callNext('d1', 5)).then([{ type: 'ticket.called', ticketId: 'p3' }]);
  });

  test('closing the desk starts a new streak', () => {
    const past = [...allDesksOpen, issue('n1', 'A', 0), issue('p1', 'A', 1, 'elderly'), issue('p2', 'A', 2, 'elderly'), issue('p3', 'A', 3, 'elderly')];
    const reopened = [...past, callNext('d1', 4), finish('d1', 'p1', 4.1), callNext('d1', 4.2), finish('d1', 'p2', 4.3), closeDesk('d1', 4.4), openDesk('d1', 4.5)];
    given(tehran, reopened).when(callNext('d1', 5)).then([{ type: 'ticket.called', ticketId: 'p3' }]);
  });

  test('a normal ticket that has waited normalWaitLimitMinutes goes before priority tickets', () => {
    const past = [...allDesksOpen, issue('n1', 'A', 0), issue('p1', 'A', 10, 'elderly')];
    given(tehran, past).when(callNext('d1', 29.9)).then([{ type: 'ticket.called', ticketId: 'p1' }]);
    given(tehran, past).when(callNext('d1', 30)).then([{ type: 'ticket.called', ticketId: 'n1' }]);
  });

  test('an overdue normal ticket does not go ahead of a priority ticket that has waited longer still', () => {
    const past = [...allDesksOpen, issue('p1', 'A', 0, 'elderly'), issue('n1', 'A', 1)];
    given(tehran, past).when(callNext('d1', 40)).then([{ type: 'ticket.called', ticketId: 'p1' }]);
  });

  test('once the wait limit is passed, the longest-waiting normal ticket of the workprofile goes', () => {
    const past = [...allDesksOpen, issue('b1', 'B', 0), issue('a1', 'A', 1), issue('p1', 'A', 2, 'elderly')];
    given(tehran, past).when(callNext('d1', 30)).then([{ type: 'ticket.called', ticketId: 'b1' }]);
  });

  test('without priority tickets, the longest-waiting ticket across the workprofile goes', () => {
    given(tehran, [...allDesksOpen, issue('a1', 'A', 1), issue('b1', 'B', 0), issue('a2', 'A', 2)])
      .when(callNext('d1', 3))
      .then([{ type: 'ticket.called', ticketId: 'b1' }]);
  });

  test('equal waits follow the order of the workprofile', () => {
    given(tehran, [...allDesksOpen, issue('b1', 'B', 0), issue('a1', 'A', 0)])
      .when(callNext('d1', 1))
      .then([{ type: 'ticket.called', ticketId: 'a1' }]);
  });

  test('the workprofile restricts the candidates: an older ticket of another service is not called', () => {
    const past = [...allDesksOpen, issue('a1', 'A', 0, 'elderly'), issue('a2', 'A', 1), issue('b1', 'B', 2)];
    given(tehran, past).when(callNext('d2', 3)).then([{ type: 'ticket.called', ticketId: 'b1' }]);
    given(tehran, past).when(callNext('d3', 3)).then([{ type: 'ticket.called', ticketId: 'a1' }]);
  });

  test('a ticket sent to a desk is a candidate there only, whatever the workprofiles', () => {
    const state = given(tehran, [...allDesksOpen, issue('a1', 'A', 0), issue('a2', 'A', 1), callNext('d3', 2), start('d3', 'a1', 3), transfer('d3', 'a1', { deskId: 'd2' }, 'last', 4)]).state;
    const ids = (deskId: string) => {
      const desk = state.desks.get(deskId);
      assert.ok(desk);
      return candidatesFor(state, desk).map((t) => t.id).sort();
    };
    assert.deepEqual(ids('d1'), ['a2']);
    assert.deepEqual(ids('d2'), ['a1']);
    assert.deepEqual(ids('d3'), ['a2']);
    const d2 = state.desks.get('d2');
    assert.ok(d2);
    assert.equal(pickNext(state, d2, at(5))?.id, 'a1');
  });

  test('a ticket sent to a desk takes its turn by its rank among that desk\'s own lines', () => {
    // a1 sent to d1 last at minute 4 waits behind b1 (minute 1) but before b2 (minute 5).
    const past = [...allDesksOpen, issue('a1', 'A', 0), issue('b1', 'B', 1), callNext('d3', 2), transfer('d3', 'a1', { deskId: 'd1' }, 'last', 4), issue('b2', 'B', 5)];
    assert.deepEqual(callRound(past, 'd1', 3, 6), ['b1', 'a1', 'b2']);
  });
});
