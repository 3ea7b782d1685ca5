// Booked visitors in the line: a check-in on time gives a ticket called at the booked time, ahead of
// the walk-ins of its class but still behind priority groups as the policy bounds them; an early
// arrival waits for the time; one who comes past the grace gets a walk-in's ticket; a check-in long
// before the time is refused.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { QueueCommand } from '../../server/queue/index.js';
import { given } from './given.js';
import { allDesksOpen, at, callNext, finish, issue, office } from './office.js';

const window = { earlyMinutes: 30, graceMinutes: 10 };
const tehran = (() => {
  const base = office();
  return { ...base, rules: { ...base.rules, checkIn: window } };
})();

/** A check-in at `minute` for a booking at `bookedMinute` in service A. */
const checkIn = (ticketId: string, minute: number, bookedMinute: number): QueueCommand => ({
  type: 'issueTicket', now: at(minute), ticketId, serviceId: 'A', priorityGroup: null, appointment: { id: `booking-${ticketId}`, start: at(bookedMinute) },
});

describe('booked tickets', () => {
  test('given walk-ins waiting, when the booked time comes, then the booked visitor is called first', () => {
    given(tehran, [...allDesksOpen, issue('w1', 'A', 0), issue('w2', 'A', 1), checkIn('b1', 5, 10)])
      .when(callNext('d3', 10))
      .then([{ type: 'ticket.called', ticketId: 'b1', deskId: 'd3' }]);
  });

  test('given an early check-in, when a desk calls before the booked time, then the walk-ins go and the booked one waits', () => {
    const scenario = given(tehran, [...allDesksOpen, checkIn('b1', 0, 20), issue('w1', 'A', 1)]);
    scenario.when(callNext('d3', 5)).then([{ type: 'ticket.called', ticketId: 'w1' }]);
    scenario.when(finish('d3', 'w1', 6)).then([{ type: 'ticket.finished', ticketId: 'w1' }]);
    scenario.when(callNext('d3', 7)).then([]);
    scenario.when(callNext('d3', 20)).then([{ type: 'ticket.called', ticketId: 'b1' }]);
  });

  test('given a check-in past the grace, then the ticket is a walk-in\'s and waits its turn by arrival', () => {
    const scenario = given(tehran, [...allDesksOpen, issue('w1', 'A', 14)]);
    scenario.when(checkIn('late', 21, 10)).then([{ type: 'ticket.issued', ticketId: 'late', appointment: { id: 'booking-late', start: at(10), late: true } }]);
    scenario.when(callNext('d3', 22)).then([{ type: 'ticket.called', ticketId: 'w1' }]);
    assert.equal(scenario.state.tickets.get('late')!.appointment, undefined, 'no booked place in the line');
  });

  test('given a check-in within the grace, then it keeps its booked place', () => {
    given(tehran, [...allDesksOpen, issue('w1', 'A', 0)])
      .when(checkIn('b1', 19, 10))
      .then([{ type: 'ticket.issued', ticketId: 'b1', appointment: { id: 'booking-b1', start: at(10), late: false } }]);
  });

  test('given a check-in before the window opens, then it is refused', () => {
    given(tehran, allDesksOpen).when(checkIn('b1', 0, 31)).thenRefuses('check_in_too_early');
    given(tehran, allDesksOpen).when(checkIn('b1', 1, 31)).then([{ type: 'ticket.issued', ticketId: 'b1' }]);
  });

  test('given a priority ticket and a due booking, then priority still goes first, inside its bounds', () => {
    given(tehran, [...allDesksOpen, checkIn('b1', 0, 5), issue('p1', 'A', 1, 'elderly')])
      .when(callNext('d3', 6))
      .then([{ type: 'ticket.called', ticketId: 'p1' }]);
  });

  test('given two due bookings, then the earlier booked time goes first whatever the arrival order', () => {
    given(tehran, [...allDesksOpen, checkIn('later', 0, 12), checkIn('earlier', 3, 10)])
      .when(callNext('d3', 15))
      .then([{ type: 'ticket.called', ticketId: 'earlier' }]);
  });
});
