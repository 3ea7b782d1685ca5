// The ticket lifecycle of design §4, one transition or refusal per test, as given / when / then.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aheadOf, type QueueEvent } from '../../server/queue/index.js';
import { given, type Past } from './given.js';
import {
  OPENING, TODAY, TOMORROW, allDesksOpen, at, callNext, callTicket, cancel, closeDay, closeDesk, finish, issue, markNoShow, office,
  openDesk, park, pauseDesk, recall, reinstate, resumeDesk, start, transfer,
} from './office.js';

const tehran = office();

/** A ticket.issued event as the store would hold it, for histories that commands cannot easily reach. */
function issuedEvent(ticketId: string, serviceId: 'A' | 'B', counter: number, atMs: number, day: string): QueueEvent {
  const prefix = serviceId === 'A' ? '1' : '2';
  return { type: 'ticket.issued', at: atMs, ticketId, serviceId, number: prefix + String(counter).padStart(3, '0'), counter, day, priorityGroup: null };
}

describe('issuing a ticket', () => {
  test('gives the service prefix and the first counter of the day, zero-padded', () => {
    given(tehran).when(issue('t1', 'A', 0)).then([
      { type: 'ticket.issued', at: at(0), ticketId: 't1', serviceId: 'A', number: '1001', counter: 1, day: TODAY, priorityGroup: null },
    ]);
  });

  test('counts per service: each service has its own counter', () => {
    given(tehran, [issue('t1', 'A', 0), issue('t2', 'A', 1), issue('t3', 'B', 2)])
      .when(issue('t4', 'B', 3))
      .then([{ type: 'ticket.issued', number: '2002', counter: 2 }]);
    given(tehran, [issue('t1', 'A', 0), issue('t2', 'A', 1), issue('t3', 'B', 2)])
      .when(issue('t4', 'A', 3))
      .then([{ type: 'ticket.issued', number: '1003', counter: 3 }]);
  });

  test('records an allowed priority group', () => {
    given(tehran).when(issue('t1', 'A', 0, 'disabled')).then([{ type: 'ticket.issued', priorityGroup: 'disabled', number: '1001' }]);
  });

  test('refuses an unknown service', () => {
    given(tehran).when(issue('t1', 'Z', 0)).thenRefuses('unknown_service');
  });

  test('refuses a service that is switched off', () => {
    given(tehran).when(issue('t1', 'C', 0)).thenRefuses('service_closed');
  });

  test('refuses a priority group the service does not accept', () => {
    given(tehran).when(issue('t1', 'B', 0, 'elderly')).thenRefuses('priority_not_allowed');
    given(tehran).when(issue('t1', 'A', 0, 'veteran')).thenRefuses('priority_not_allowed');
  });

  test('restarts the counters at midnight in Tehran, not at midnight UTC', () => {
    const at2358 = Date.UTC(2026, 10, 22, 20, 28); // 23:58 in Tehran, 20:28 UTC
    const at2359 = Date.UTC(2026, 10, 22, 20, 29);
    const at0001 = Date.UTC(2026, 10, 22, 20, 31); // 00:01 on 2026-11-23 in Tehran, still 2026-11-22 in UTC
    const lateEvening = given(tehran, [{ type: 'issueTicket', now: at2358, ticketId: 't1', serviceId: 'A', priorityGroup: null }]);
    lateEvening
      .when({ type: 'issueTicket', now: at2359, ticketId: 't2', serviceId: 'A', priorityGroup: null })
      .then([{ type: 'ticket.issued', number: '1002', counter: 2, day: TODAY }]);
    lateEvening
      .when({ type: 'issueTicket', now: at0001, ticketId: 't3', serviceId: 'A', priorityGroup: null })
      .then([{ type: 'ticket.issued', number: '1001', counter: 1, day: TOMORROW }]);
    lateEvening
      .when({ type: 'issueTicket', now: at0001 + 1000, ticketId: 't4', serviceId: 'B', priorityGroup: null })
      .then([{ type: 'ticket.issued', number: '2001', counter: 1, day: TOMORROW }]);
  });

  test('grows the counter past its padding instead of wrapping', () => {
    given(tehran, [issuedEvent('t999', 'A', 999, at(0), TODAY)])
      .when(issue('t1000', 'A', 1))
      .then([{ type: 'ticket.issued', number: '11000', counter: 1000 }]);
  });
});

describe('calling next', () => {
  test('calls the longest-waiting ticket of the desk', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 1), issue('t2', 'A', 2)])
      .when(callNext('d1', 5))
      .then([{ type: 'ticket.called', at: at(5), ticketId: 't1', deskId: 'd1', how: 'next', waitedSeconds: 240 }]);
  });

  test('yields nothing when no ticket waits for the desk', () => {
    given(tehran, allDesksOpen).when(callNext('d1', 1)).then([]);
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0)]).when(callNext('d2', 1)).then([]);
  });

  test('refuses a desk nobody is signed in at, and an unknown desk', () => {
    given(tehran, [issue('t1', 'A', 0)]).when(callNext('d1', 1)).thenRefuses('desk_not_open');
    given(tehran, [issue('t1', 'A', 0)]).when(callNext('d9', 1)).thenRefuses('unknown_desk');
  });

  test('refuses a paused desk', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), pauseDesk('d1', 1)]).when(callNext('d1', 2)).thenRefuses('desk_paused');
  });

  test('finishes the ticket being served first ("next" ends a visit)', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), issue('t2', 'A', 1), callNext('d1', 2), start('d1', 't1', 3)])
      .when(callNext('d1', 8))
      .then([
        { type: 'ticket.finished', ticketId: 't1', deskId: 'd1', outcome: 'done', note: null, serviceSeconds: 300 },
        { type: 'ticket.called', ticketId: 't2', deskId: 'd1', how: 'next' },
      ]);
  });

  test('finishes the ticket being served even when nobody else waits', () => {
    const after = given(tehran, [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1), start('d1', 't1', 2)])
      .when(callNext('d1', 4))
      .then([{ type: 'ticket.finished', ticketId: 't1', serviceSeconds: 120 }]);
    assert.equal(after.desks.get('d1')?.currentTicketId, null);
  });

  test('refuses while the desk holds a called ticket not yet dealt with', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), issue('t2', 'A', 1), callNext('d1', 2)])
      .when(callNext('d1', 3))
      .thenRefuses('desk_busy');
  });

  test('two desks calling one after the other get different tickets', () => {
    const first = given(tehran, [...allDesksOpen, issue('t1', 'A', 0), issue('t2', 'A', 1)]);
    first.when(callNext('d1', 2)).then([{ type: 'ticket.called', ticketId: 't1', deskId: 'd1' }]);
    first.when(callNext('d3', 2)).then([{ type: 'ticket.called', ticketId: 't2', deskId: 'd3' }]);
    first.when(callNext('d1', 2)).thenRefuses('desk_busy');
  });
});

describe('calling a specific ticket', () => {
  test('calls a waiting ticket out of turn', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), issue('t2', 'A', 1)])
      .when(callTicket('d1', 't2', 2))
      .then([{ type: 'ticket.called', ticketId: 't2', deskId: 'd1', how: 'specific', waitedSeconds: 60 }]);
  });

  test('refuses a ticket of a service outside the workprofile', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0)]).when(callTicket('d2', 't1', 1)).thenRefuses('not_in_workprofile');
  });

  test('refuses a ticket another desk already called', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), callNext('d3', 1)]).when(callTicket('d1', 't1', 2)).thenRefuses('invalid_state');
  });

  test('refuses an unknown ticket', () => {
    given(tehran, allDesksOpen).when(callTicket('d1', 'nope', 1)).thenRefuses('unknown_ticket');
  });

  test('refuses while holding a called ticket, and finishes a served one first', () => {
    const past = [...allDesksOpen, issue('t1', 'A', 0), issue('t2', 'A', 1), callNext('d1', 2)];
    given(tehran, past).when(callTicket('d1', 't2', 3)).thenRefuses('desk_busy');
    given(tehran, [...past, start('d1', 't1', 3)])
      .when(callTicket('d1', 't2', 4))
      .then([
        { type: 'ticket.finished', ticketId: 't1', serviceSeconds: 60 },
        { type: 'ticket.called', ticketId: 't2', how: 'specific' },
      ]);
  });
});

describe('recalling', () => {
  test('counts the recalls of the called ticket', () => {
    const past = [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1)];
    given(tehran, past).when(recall('d1', 't1', 2)).then([{ type: 'ticket.recalled', at: at(2), ticketId: 't1', deskId: 'd1', recalls: 1 }]);
    given(tehran, [...past, recall('d1', 't1', 2)]).when(recall('d1', 't1', 3)).then([{ type: 'ticket.recalled', recalls: 2 }]);
  });

  test('refuses a ticket held by another desk', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1)]).when(recall('d3', 't1', 2)).thenRefuses('not_your_ticket');
  });

  test('refuses a ticket that is being served or still waiting', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1), start('d1', 't1', 2)]).when(recall('d1', 't1', 3)).thenRefuses('invalid_state');
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0)]).when(recall('d1', 't1', 3)).thenRefuses('invalid_state');
  });
});

describe('marking a no-show', () => {
  const calledOnce = [...allDesksOpen, issue('t1', 'A', 0), issue('t2', 'A', 0.5), callNext('d1', 1)];

  test('needs a recall first, however long the visitor has been called', () => {
    given(tehran, calledOnce).when(markNoShow('d1', 't1', 20)).thenRefuses('recall_first');
  });

  test('waits the grace time counted from the last call, recalls included', () => {
    const recalled = [...calledOnce, recall('d1', 't1', 3)];
    given(tehran, recalled).when(markNoShow('d1', 't1', 3.5)).thenRefuses('grace_not_over');
    given(tehran, recalled).when(markNoShow('d1', 't1', 4)).then([{ type: 'ticket.no_show', at: at(4), ticketId: 't1', deskId: 'd1' }]);
  });

  test('frees the desk for the next call', () => {
    given(tehran, [...calledOnce, recall('d1', 't1', 2), markNoShow('d1', 't1', 3)])
      .when(callNext('d1', 3))
      .then([{ type: 'ticket.called', ticketId: 't2' }]);
  });

  test('refuses a ticket at another desk or not called', () => {
    given(tehran, [...calledOnce, recall('d1', 't1', 2)]).when(markNoShow('d3', 't1', 5)).thenRefuses('not_your_ticket');
    given(tehran, [...calledOnce, recall('d1', 't1', 2), start('d1', 't1', 3)]).when(markNoShow('d1', 't1', 5)).thenRefuses('invalid_state');
  });
});

describe('reinstating a no-show', () => {
  const noShow = [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1), recall('d1', 't1', 2), markNoShow('d1', 't1', 3), issue('t2', 'A', 4), issue('t3', 'A', 5)];

  test('puts it last: behind everyone waiting', () => {
    const state = given(tehran, noShow).when(reinstate('t1', 'last', 6)).then([{ type: 'ticket.reinstated', at: at(6), ticketId: 't1', rank: at(6) }]);
    const t1 = state.tickets.get('t1');
    assert.ok(t1);
    assert.equal(t1.status, 'issued');
    assert.equal(aheadOf(state, t1), 2);
    given(tehran, [...noShow, reinstate('t1', 'last', 6)]).when(callNext('d1', 7)).then([{ type: 'ticket.called', ticketId: 't2' }]);
  });

  test('puts it first: before everyone waiting', () => {
    given(tehran, [...noShow, reinstate('t1', 'first', 6)]).when(callNext('d1', 7)).then([{ type: 'ticket.called', ticketId: 't1', how: 'next' }]);
  });

  test('puts a ticket that had been sent to one desk back in its service\'s queue', () => {
    const sentThenMissed = [...allDesksOpen, issue('t1', 'A', 0), callNext('d3', 1), transfer('d3', 't1', { deskId: 'd1' }, 'last', 2),
      callNext('d1', 3), recall('d1', 't1', 4), markNoShow('d1', 't1', 5), reinstate('t1', 'last', 6)];
    given(tehran, sentThenMissed).when(callNext('d3', 7)).then([{ type: 'ticket.called', ticketId: 't1', deskId: 'd3' }]);
  });

  test('refuses on a later day', () => {
    const nextMorning = OPENING + 24 * 3_600_000;
    given(tehran, noShow).when({ type: 'reinstate', now: nextMorning, ticketId: 't1', position: 'last' }).thenRefuses('not_same_day');
  });

  test('refuses a ticket that is not a no-show', () => {
    given(tehran, noShow).when(reinstate('t2', 'first', 6)).thenRefuses('invalid_state');
  });
});

describe('starting service', () => {
  test('starts the called ticket', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1)])
      .when(start('d1', 't1', 2))
      .then([{ type: 'ticket.started', at: at(2), ticketId: 't1', deskId: 'd1' }]);
  });

  test('refuses twice, at another desk, and a waiting ticket', () => {
    const called = [...allDesksOpen, issue('t1', 'A', 0), issue('t2', 'A', 0), callNext('d1', 1)];
    given(tehran, [...called, start('d1', 't1', 2)]).when(start('d1', 't1', 3)).thenRefuses('invalid_state');
    given(tehran, called).when(start('d3', 't1', 2)).thenRefuses('not_your_ticket');
    given(tehran, called).when(start('d1', 't2', 2)).thenRefuses('invalid_state');
  });
});

describe('parking and calling back', () => {
  const serving = [...allDesksOpen, issue('t1', 'A', 0), issue('t2', 'A', 1), callNext('d1', 2), start('d1', 't1', 3)];

  test('parks a served ticket and frees the desk; call-next passes it over', () => {
    given(tehran, serving).when(park('d1', 't1', 4)).then([{ type: 'ticket.parked', at: at(4), ticketId: 't1', deskId: 'd1' }]);
    given(tehran, [...serving, park('d1', 't1', 4)]).when(callNext('d1', 5)).then([{ type: 'ticket.called', ticketId: 't2' }]);
    given(tehran, [...serving, park('d1', 't1', 4)]).when(finish('d1', 't1', 5)).thenRefuses('invalid_state');
  });

  test('parks a called ticket too', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1)]).when(park('d1', 't1', 2)).then([{ type: 'ticket.parked', ticketId: 't1' }]);
  });

  test('calls a parked ticket back, at its desk or at another desk of its service', () => {
    const parked = [...serving, park('d1', 't1', 4)];
    given(tehran, parked).when(callTicket('d1', 't1', 9)).then([{ type: 'ticket.called', ticketId: 't1', deskId: 'd1', how: 'call_back' }]);
    given(tehran, parked).when(callTicket('d3', 't1', 9)).then([{ type: 'ticket.called', ticketId: 't1', deskId: 'd3', how: 'call_back' }]);
    given(tehran, parked).when(callTicket('d2', 't1', 9)).thenRefuses('not_in_workprofile');
  });

  test('refuses to park a waiting ticket or one held elsewhere', () => {
    given(tehran, serving).when(park('d1', 't2', 4)).thenRefuses('invalid_state');
    given(tehran, serving).when(park('d3', 't1', 4)).thenRefuses('not_your_ticket');
  });
});

describe('finishing', () => {
  test('from serving: records the outcome and note, and times the service from its start', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1), start('d1', 't1', 2)])
      .when(finish('d1', 't1', 9.5, 'incomplete_documents', 'بدون کارت ملی'))
      .then([{ type: 'ticket.finished', at: at(9.5), ticketId: 't1', deskId: 'd1', outcome: 'incomplete_documents', note: 'بدون کارت ملی', serviceSeconds: 450 }]);
  });

  test('from called, without a start: times the service from the call', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1)])
      .when(finish('d1', 't1', 4, 'referred'))
      .then([{ type: 'ticket.finished', outcome: 'referred', serviceSeconds: 180 }]);
  });

  test('from called after a recall: times the service from the latest call, when the visitor was last summoned', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1), recall('d1', 't1', 3)])
      .when(finish('d1', 't1', 4))
      .then([{ type: 'ticket.finished', serviceSeconds: 60 }]);
  });

  test('from called after a transfer: times the service from the call at this desk, not the first call', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), callNext('d3', 1), start('d3', 't1', 2), transfer('d3', 't1', { serviceId: 'B' }, 'last', 5), callNext('d2', 20)])
      .when(finish('d2', 't1', 22))
      .then([{ type: 'ticket.finished', ticketId: 't1', deskId: 'd2', serviceSeconds: 120 }]);
  });

  test('from called after a no-show and reinstatement: times the service from the latest call', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1), recall('d1', 't1', 2), markNoShow('d1', 't1', 3), reinstate('t1', 'first', 30), callNext('d3', 31)])
      .when(finish('d3', 't1', 33))
      .then([{ type: 'ticket.finished', ticketId: 't1', serviceSeconds: 120 }]);
  });

  test('frees the desk and forgets the ticket', () => {
    const done = [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1), finish('d1', 't1', 2)];
    given(tehran, done).when(callTicket('d1', 't1', 3)).thenRefuses('unknown_ticket');
    given(tehran, done).when(closeDesk('d1', 3)).then([{ type: 'desk.closed', deskId: 'd1' }]);
  });

  test('refuses a waiting ticket and one held by another desk', () => {
    const called = [...allDesksOpen, issue('t1', 'A', 0), issue('t2', 'A', 0), callNext('d1', 1)];
    given(tehran, called).when(finish('d1', 't2', 2)).thenRefuses('invalid_state');
    given(tehran, called).when(finish('d3', 't1', 2)).thenRefuses('not_your_ticket');
  });
});

describe('transferring', () => {
  const bWaiting = [...allDesksOpen, issue('b1', 'B', 0), issue('b2', 'B', 1), issue('a1', 'A', 2), callNext('d3', 3), start('d3', 'a1', 4)];

  test('to a service, last: the same ticket joins the end of the other queue', () => {
    const state = given(tehran, bWaiting)
      .when(transfer('d3', 'a1', { serviceId: 'B' }, 'last', 6))
      .then([{ type: 'ticket.transferred', at: at(6), ticketId: 'a1', fromDeskId: 'd3', fromServiceId: 'A', serviceId: 'B', targetDeskId: null, rank: at(6) }]);
    const a1 = state.tickets.get('a1');
    assert.ok(a1);
    assert.deepEqual([a1.status, a1.serviceId, a1.number, a1.deskId], ['issued', 'B', '1001', null]);
    assert.equal(state.desks.get('d3')?.currentTicketId, null);
    assert.equal(aheadOf(state, a1), 2);
    given(tehran, [...bWaiting, transfer('d3', 'a1', { serviceId: 'B' }, 'last', 6), callNext('d2', 7), finish('d2', 'b1', 8), callNext('d2', 9), finish('d2', 'b2', 10)])
      .when(callNext('d2', 11))
      .then([{ type: 'ticket.called', ticketId: 'a1', deskId: 'd2', how: 'next' }]);
  });

  test('to a service, first: it goes before everyone waiting there', () => {
    given(tehran, [...bWaiting, transfer('d3', 'a1', { serviceId: 'B' }, 'first', 6)])
      .when(callNext('d2', 7))
      .then([{ type: 'ticket.called', ticketId: 'a1', deskId: 'd2' }]);
  });

  test('to a desk: only that desk calls it, by call-next or by number', () => {
    const sent = [...bWaiting, transfer('d3', 'a1', { deskId: 'd2' }, 'last', 6)];
    given(tehran, bWaiting).when(transfer('d3', 'a1', { deskId: 'd2' }, 'last', 6)).then([
      { type: 'ticket.transferred', ticketId: 'a1', serviceId: 'A', targetDeskId: 'd2', fromServiceId: 'A' },
    ]);
    given(tehran, sent).when(callNext('d1', 7)).then([{ type: 'ticket.called', ticketId: 'b1', deskId: 'd1' }]);
    given(tehran, sent).when(callNext('d3', 7)).then([]);
    given(tehran, sent).when(callTicket('d3', 'a1', 7)).thenRefuses('not_in_workprofile');
    given(tehran, sent).when(callTicket('d2', 'a1', 7)).then([{ type: 'ticket.called', ticketId: 'a1', deskId: 'd2', how: 'specific' }]);
    given(tehran, [...sent, callNext('d2', 7)]).when(callNext('d2', 8)).thenRefuses('desk_busy');
  });

  test('to a desk, first or last among the tickets sent to it', () => {
    const oneSent = [...allDesksOpen, issue('a1', 'A', 0), issue('a2', 'A', 1), callNext('d3', 3), transfer('d3', 'a1', { deskId: 'd2' }, 'last', 4), callNext('d3', 5)];
    given(tehran, [...oneSent, transfer('d3', 'a2', { deskId: 'd2' }, 'first', 6)]).when(callNext('d2', 7)).then([{ type: 'ticket.called', ticketId: 'a2' }]);
    given(tehran, [...oneSent, transfer('d3', 'a2', { deskId: 'd2' }, 'last', 6)]).when(callNext('d2', 7)).then([{ type: 'ticket.called', ticketId: 'a1' }]);
  });

  test('from called, not only from serving', () => {
    given(tehran, [...allDesksOpen, issue('a1', 'A', 0), callNext('d1', 1)])
      .when(transfer('d1', 'a1', { serviceId: 'B' }, 'last', 2))
      .then([{ type: 'ticket.transferred', ticketId: 'a1', serviceId: 'B' }]);
  });

  test('refuses an unknown or switched-off service, an unknown desk, its own desk, and a ticket it does not hold', () => {
    given(tehran, bWaiting).when(transfer('d3', 'a1', { serviceId: 'Z' }, 'last', 6)).thenRefuses('unknown_service');
    given(tehran, bWaiting).when(transfer('d3', 'a1', { serviceId: 'C' }, 'last', 6)).thenRefuses('service_closed');
    given(tehran, bWaiting).when(transfer('d3', 'a1', { deskId: 'd9' }, 'last', 6)).thenRefuses('unknown_desk');
    given(tehran, bWaiting).when(transfer('d3', 'a1', { deskId: 'd3' }, 'last', 6)).thenRefuses('same_target');
    given(tehran, bWaiting).when(transfer('d1', 'a1', { serviceId: 'B' }, 'last', 6)).thenRefuses('not_your_ticket');
    given(tehran, bWaiting).when(transfer('d3', 'b1', { serviceId: 'A' }, 'last', 6)).thenRefuses('invalid_state');
  });
});

describe('cancelling', () => {
  test('cancels a waiting ticket, which is then never called', () => {
    const past = [...allDesksOpen, issue('t1', 'A', 0)];
    given(tehran, past).when(cancel('t1', 1)).then([{ type: 'ticket.cancelled', at: at(1), ticketId: 't1', deskId: null, reason: 'staff' }]);
    given(tehran, [...past, cancel('t1', 1)]).when(callNext('d1', 2)).then([]);
    given(tehran, [...past, cancel('t1', 1)]).when(callTicket('d1', 't1', 2)).thenRefuses('unknown_ticket');
  });

  test('cancels a parked ticket', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1), park('d1', 't1', 2)])
      .when(cancel('t1', 3, 'd1'))
      .then([{ type: 'ticket.cancelled', ticketId: 't1', deskId: 'd1', reason: 'staff' }]);
  });

  test('refuses a called ticket: the desk deals with it', () => {
    given(tehran, [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1)]).when(cancel('t1', 2)).thenRefuses('invalid_state');
  });
});

describe('desks', () => {
  test('open with a staff member; opening again by the same person changes nothing', () => {
    given(tehran).when(openDesk('d1', 0, 'zahra')).then([{ type: 'desk.opened', at: at(0), deskId: 'd1', staffId: 'zahra', takenOverFrom: undefined }]);
    given(tehran, [openDesk('d1', 0, 'zahra')]).when(openDesk('d1', 1, 'zahra')).then([]);
    given(tehran).when(openDesk('d9', 0)).thenRefuses('unknown_desk');
  });

  test('another staff member takes the desk over, with the ticket it holds, and the event says from whom', () => {
    const state = given(tehran, [openDesk('d1', 0, 'zahra'), issue('t1', 'A', 0), callNext('d1', 1)])
      .when(openDesk('d1', 2, 'reza'))
      .then([{ type: 'desk.opened', deskId: 'd1', staffId: 'reza', takenOverFrom: 'zahra' }]);
    assert.equal(state.desks.get('d1')?.staffId, 'reza');
    assert.equal(state.desks.get('d1')?.currentTicketId, 't1');
    given(tehran, [openDesk('d1', 0, 'zahra'), issue('t1', 'A', 0), callNext('d1', 1), openDesk('d1', 2, 'reza')])
      .when(start('d1', 't1', 3))
      .then([{ type: 'ticket.started', ticketId: 't1' }]);
  });

  test('close when free; closing a closed desk changes nothing', () => {
    given(tehran, allDesksOpen).when(closeDesk('d1', 1)).then([{ type: 'desk.closed', at: at(1), deskId: 'd1' }]);
    given(tehran).when(closeDesk('d1', 1)).then([]);
    given(tehran, [...allDesksOpen, closeDesk('d1', 1), issue('t1', 'A', 2)]).when(callNext('d1', 3)).thenRefuses('desk_not_open');
  });

  test('refuse to close while holding a called or served ticket', () => {
    const called = [...allDesksOpen, issue('t1', 'A', 0), callNext('d1', 1)];
    given(tehran, called).when(closeDesk('d1', 2)).thenRefuses('desk_busy');
    given(tehran, [...called, start('d1', 't1', 2)]).when(closeDesk('d1', 3)).thenRefuses('desk_busy');
  });

  test('pause with a reason; a paused desk gets no calls, another desk gets the ticket', () => {
    given(tehran, allDesksOpen).when(pauseDesk('d1', 1, 'prayer', 'نماز ظهر')).then([
      { type: 'desk.paused', at: at(1), deskId: 'd1', reason: 'prayer', note: 'نماز ظهر' },
    ]);
    const paused = [...allDesksOpen, pauseDesk('d1', 1, 'break'), issue('t1', 'A', 2)];
    given(tehran, paused).when(callTicket('d1', 't1', 3)).thenRefuses('desk_paused');
    given(tehran, paused).when(callNext('d3', 3)).then([{ type: 'ticket.called', ticketId: 't1', deskId: 'd3' }]);
  });

  test('resume a paused desk; resuming a desk at work changes nothing', () => {
    given(tehran, [...allDesksOpen, pauseDesk('d1', 1)]).when(resumeDesk('d1', 2)).then([{ type: 'desk.resumed', at: at(2), deskId: 'd1' }]);
    given(tehran, [...allDesksOpen, pauseDesk('d1', 1), resumeDesk('d1', 2), issue('t1', 'A', 3)]).when(callNext('d1', 4)).then([{ type: 'ticket.called', ticketId: 't1' }]);
    given(tehran, allDesksOpen).when(resumeDesk('d1', 2)).then([]);
  });

  test('refuse to pause or resume a closed desk', () => {
    given(tehran).when(pauseDesk('d1', 1)).thenRefuses('desk_not_open');
    given(tehran).when(resumeDesk('d1', 1)).thenRefuses('desk_not_open');
  });
});

describe('closing the day', () => {
  test('cancels what is left from earlier days, keeps today', () => {
    const yesterday = OPENING - 24 * 3_600_000;
    const past: Past[] = [
      openDesk('d1', -24 * 60),
      { type: 'issueTicket', now: yesterday, ticketId: 'old-waiting', serviceId: 'B', priorityGroup: null },
      { type: 'issueTicket', now: yesterday + 1000, ticketId: 'old-called', serviceId: 'A', priorityGroup: null },
      { type: 'issueTicket', now: yesterday + 2000, ticketId: 'old-parked', serviceId: 'A', priorityGroup: null },
      { type: 'callTicket', now: yesterday + 3000, deskId: 'd1', ticketId: 'old-parked' },
      { type: 'park', now: yesterday + 4000, deskId: 'd1', ticketId: 'old-parked' },
      { type: 'callTicket', now: yesterday + 5000, deskId: 'd1', ticketId: 'old-called' },
      issue('today', 'A', 0),
    ];
    const state = given(tehran, past).when(closeDay(1)).then([
      { type: 'ticket.cancelled', ticketId: 'old-waiting', deskId: null, reason: 'day_closed' },
      { type: 'ticket.cancelled', ticketId: 'old-called', deskId: 'd1', reason: 'day_closed' },
      { type: 'ticket.cancelled', ticketId: 'old-parked', deskId: 'd1', reason: 'day_closed' },
    ]);
    assert.deepEqual([...state.tickets.keys()], ['today']);
    assert.equal(state.desks.get('d1')?.currentTicketId, null);
    given(tehran, [...past, closeDay(1)]).when(callNext('d1', 2)).then([{ type: 'ticket.called', ticketId: 'today' }]);
  });

  test('has nothing to do on a day with only its own tickets', () => {
    given(tehran, [issue('t1', 'A', 0)]).when(closeDay(60)).then([]);
  });
});

describe('people ahead (aheadOf)', () => {
  test('a normal ticket counts earlier tickets of its line and every waiting priority ticket', () => {
    const state = given(tehran, [
      ...allDesksOpen,
      issue('n1', 'A', 0), issue('p1', 'A', 1, 'elderly'), issue('n2', 'A', 2), issue('p2', 'A', 3, 'disabled'), issue('n3', 'A', 4),
      issue('b1', 'B', 0),
    ]).state;
    const ahead = (id: string) => {
      const ticket = state.tickets.get(id);
      assert.ok(ticket, id);
      return aheadOf(state, ticket);
    };
    assert.equal(ahead('n1'), 2, 'n1: p1 and p2 may overtake it');
    assert.equal(ahead('n2'), 3, 'n2: n1, p1, p2');
    assert.equal(ahead('n3'), 4);
    assert.equal(ahead('p1'), 0, 'a priority ticket counts only earlier priority tickets');
    assert.equal(ahead('p2'), 1);
    assert.equal(ahead('b1'), 0, 'another service is another line');
  });

  test('a ticket that is not waiting has nobody ahead; a called one leaves the line', () => {
    const state = given(tehran, [...allDesksOpen, issue('t1', 'A', 0), issue('t2', 'A', 1), callNext('d1', 2)]).state;
    const t1 = state.tickets.get('t1');
    const t2 = state.tickets.get('t2');
    assert.ok(t1 && t2);
    assert.equal(aheadOf(state, t1), 0);
    assert.equal(aheadOf(state, t2), 0);
  });

  test('a ticket sent to a desk counts only the tickets sent to that desk', () => {
    const state = given(tehran, [
      ...allDesksOpen, issue('a1', 'A', 0), issue('a2', 'A', 1), issue('a3', 'A', 2), issue('a4', 'A', 3),
      callNext('d3', 4), transfer('d3', 'a1', { deskId: 'd2' }, 'last', 5),
      callNext('d3', 6), transfer('d3', 'a2', { deskId: 'd2' }, 'last', 7),
    ]).state;
    const a2 = state.tickets.get('a2');
    assert.ok(a2);
    assert.equal(aheadOf(state, a2), 1);
  });
});
