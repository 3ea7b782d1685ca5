// evolve(state, event): the state after an event. It changes `state` in place and returns it: an
// office day holds thousands of tickets and takes thousands of events a second, and copying the
// maps on every event would cost O(n) each. Callers apply events only after they are committed,
// and `decide` never sees a half-applied state.
import type { DeskState, QueueEvent, QueueRules, QueueState, Ticket } from './types.js';
import { priorityStreakAfter } from './policy.js';

export function emptyState(rules: QueueRules, desks: Array<{ id: string; services: string[] }>): QueueState {
  return {
    rules,
    tickets: new Map(),
    desks: new Map(desks.map((d) => [d.id, closedDesk(d.id, d.services)])),
    counters: new Map(),
    counterDay: null,
  };
}

export function closedDesk(id: string, services: string[]): DeskState {
  return { id, services: [...services], open: false, staffId: null, pause: null, currentTicketId: null, priorityStreak: 0 };
}

export function evolve(state: QueueState, event: QueueEvent): QueueState {
  switch (event.type) {
    case 'ticket.issued': {
      if (state.counterDay !== event.day) {
        state.counters.clear();
        state.counterDay = event.day;
      }
      state.counters.set(event.serviceId, Math.max(event.counter, state.counters.get(event.serviceId) ?? 0));
      state.tickets.set(event.ticketId, {
        id: event.ticketId,
        number: event.number,
        serviceId: event.serviceId,
        priorityGroup: event.priorityGroup,
        status: 'issued',
        day: event.day,
        issuedAt: event.at,
        rank: event.at,
        targetDeskId: null,
        deskId: null,
        calledAt: null,
        lastCalledAt: null,
        recalls: 0,
        startedAt: null,
        ...(event.appointment && !event.appointment.late ? { appointment: { start: event.appointment.start } } : {}),
      });
      return state;
    }
    case 'ticket.called': {
      const ticket = update(state, event.ticketId, { status: 'called', deskId: event.deskId, lastCalledAt: event.at, recalls: 0, startedAt: null });
      if (ticket && ticket.calledAt === null) ticket.calledAt = event.at;
      const desk = state.desks.get(event.deskId);
      if (desk) {
        desk.currentTicketId = event.ticketId;
        if (event.how === 'next' && ticket) desk.priorityStreak = priorityStreakAfter(desk.priorityStreak, ticket);
      }
      return state;
    }
    case 'ticket.recalled':
      update(state, event.ticketId, { recalls: event.recalls, lastCalledAt: event.at });
      return state;
    case 'ticket.started':
      update(state, event.ticketId, { status: 'serving', startedAt: event.at });
      return state;
    case 'ticket.parked':
      update(state, event.ticketId, { status: 'parked' });
      releaseDesk(state, event.deskId, event.ticketId);
      return state;
    case 'ticket.no_show':
      update(state, event.ticketId, { status: 'no_show', deskId: null });
      releaseDesk(state, event.deskId, event.ticketId);
      return state;
    case 'ticket.reinstated':
      update(state, event.ticketId, { status: 'issued', rank: event.rank, deskId: null, targetDeskId: null, recalls: 0 });
      return state;
    case 'ticket.transferred':
      update(state, event.ticketId, {
        status: 'issued',
        serviceId: event.serviceId,
        targetDeskId: event.targetDeskId,
        rank: event.rank,
        deskId: null,
        recalls: 0,
        startedAt: null,
      });
      releaseDesk(state, event.fromDeskId, event.ticketId);
      return state;
    case 'ticket.finished':
    case 'ticket.cancelled': {
      const ticket = state.tickets.get(event.ticketId);
      state.tickets.delete(event.ticketId);
      if (ticket?.deskId) releaseDesk(state, ticket.deskId, event.ticketId);
      if (event.deskId) releaseDesk(state, event.deskId, event.ticketId);
      return state;
    }
    case 'desk.opened': {
      const desk = state.desks.get(event.deskId);
      if (desk) Object.assign(desk, { open: true, staffId: event.staffId });
      return state;
    }
    case 'desk.closed': {
      const desk = state.desks.get(event.deskId);
      if (desk) Object.assign(desk, { open: false, staffId: null, pause: null, priorityStreak: 0 });
      return state;
    }
    case 'desk.paused': {
      const desk = state.desks.get(event.deskId);
      if (desk) desk.pause = { reason: event.reason, note: event.note, since: event.at };
      return state;
    }
    case 'desk.resumed': {
      const desk = state.desks.get(event.deskId);
      if (desk) desk.pause = null;
      return state;
    }
  }
}

export function evolveAll(state: QueueState, events: readonly QueueEvent[]): QueueState {
  for (const event of events) evolve(state, event);
  return state;
}

function update(state: QueueState, ticketId: string, changes: Partial<Ticket>): Ticket | undefined {
  const ticket = state.tickets.get(ticketId);
  if (ticket) Object.assign(ticket, changes);
  return ticket;
}

function releaseDesk(state: QueueState, deskId: string, ticketId: string): void {
  const desk = state.desks.get(deskId);
  if (desk && desk.currentTicketId === ticketId) desk.currentTicketId = null;
}
