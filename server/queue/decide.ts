// decide(command, state): checks a command against the current state and yields the events it
// causes, or throws a QueueRefusal. Reads the state, never changes it; the time arrives on the command.
import { refuse } from './errors.js';
import { frontRank, pickNext } from './policy.js';
import { formatNumber } from './numbering.js';
import { serviceDayOf } from './day.js';
import { isOpenAt } from '../time/hours.js';
import type { AppointmentRef, CheckInWindow, DeskState, QueueCommand, QueueEvent, QueueState, Ticket, TicketStatus } from './types.js';

type Of<T extends QueueCommand['type']> = Extract<QueueCommand, { type: T }>;

export function decide(command: QueueCommand, state: QueueState): QueueEvent[] {
  switch (command.type) {
    case 'issueTicket': return issueTicket(command, state);
    case 'callNext': return callNext(command, state);
    case 'callTicket': return callTicket(command, state);
    case 'recall': return recall(command, state);
    case 'markNoShow': return markNoShow(command, state);
    case 'reinstate': return reinstate(command, state);
    case 'startService': return startService(command, state);
    case 'park': return park(command, state);
    case 'finishService': return finishService(command, state);
    case 'transfer': return transfer(command, state);
    case 'cancel': return cancel(command, state);
    case 'openDesk': return openDesk(command, state);
    case 'closeDesk': return closeDesk(command, state);
    case 'pauseDesk': return pauseDesk(command, state);
    case 'resumeDesk': return resumeDesk(command, state);
    case 'closeDay': return closeDay(command, state);
  }
}

function issueTicket(c: Of<'issueTicket'>, state: QueueState): QueueEvent[] {
  const service = state.rules.services.get(c.serviceId);
  if (!service) throw refuse.unknownService(c.serviceId);
  if (!service.active) throw refuse.serviceClosed(c.serviceId);
  if (service.hours && !isOpenAt(service.hours, c.now, state.rules.timeZone)) throw refuse.outsideHours(c.serviceId);
  if (c.priorityGroup && !service.priorityGroups.includes(c.priorityGroup)) throw refuse.priorityNotAllowed(c.priorityGroup, c.serviceId);
  const day = serviceDayOf(c.now, state.rules.timeZone);
  const counter = (state.counterDay === day ? (state.counters.get(c.serviceId) ?? 0) : 0) + 1;
  const number = formatNumber(service.prefix, counter, state.rules.policy.counterDigits);
  const appointment = c.appointment ? checkedIn(c.appointment, c.now, state.rules.checkIn ?? DEFAULT_CHECK_IN) : null;
  return [{ type: 'ticket.issued', at: c.now, ticketId: c.ticketId, serviceId: c.serviceId, number, counter, day, priorityGroup: c.priorityGroup, ...(c.promise ? { promise: c.promise } : {}), ...(appointment ? { appointment } : {}), ...(c.language ? { language: c.language } : {}) }];
}

export const DEFAULT_CHECK_IN: CheckInWindow = { earlyMinutes: 60, graceMinutes: 10 };

/** A booked visitor checking in: not before the window opens; past the grace, the ticket is a walk-in's. */
function checkedIn(appointment: AppointmentRef, now: number, window: CheckInWindow): AppointmentRef & { late: boolean } {
  const opensAt = appointment.start - window.earlyMinutes * 60_000;
  if (now < opensAt) throw refuse.tooEarly(opensAt);
  return { id: appointment.id, start: appointment.start, late: now > appointment.start + window.graceMinutes * 60_000 };
}

function callNext(c: Of<'callNext'>, state: QueueState): QueueEvent[] {
  const desk = readyDesk(state, c.deskId);
  const [finished, deskAfter] = finishCurrentIfServing(desk, state, c.now);
  const ticket = pickNext(state, deskAfter, c.now);
  if (!ticket) return finished;
  return [...finished, called(ticket, c.deskId, c.now, 'next')];
}

function callTicket(c: Of<'callTicket'>, state: QueueState): QueueEvent[] {
  const desk = readyDesk(state, c.deskId);
  const ticket = findTicket(state, c.ticketId);
  if (ticket.status === 'parked') {
    if (ticket.deskId !== desk.id && !desk.services.includes(ticket.serviceId)) throw refuse.notInWorkprofile(ticket.id, desk.id);
  } else {
    requireStatus(ticket, ['issued'], 'call');
    const mayCall = ticket.targetDeskId === desk.id || (ticket.targetDeskId === null && desk.services.includes(ticket.serviceId));
    if (!mayCall) throw refuse.notInWorkprofile(ticket.id, desk.id);
  }
  const [finished] = finishCurrentIfServing(desk, state, c.now);
  return [...finished, called(ticket, desk.id, c.now, ticket.status === 'parked' ? 'call_back' : 'specific')];
}

function recall(c: Of<'recall'>, state: QueueState): QueueEvent[] {
  const ticket = heldTicket(state, c.deskId, c.ticketId, ['called'], 'recall');
  return [{ type: 'ticket.recalled', at: c.now, ticketId: ticket.id, deskId: c.deskId, recalls: ticket.recalls + 1 }];
}

function markNoShow(c: Of<'markNoShow'>, state: QueueState): QueueEvent[] {
  const ticket = heldTicket(state, c.deskId, c.ticketId, ['called'], 'mark a no-show');
  if (ticket.recalls < 1) throw refuse.recallFirst(ticket.id);
  const graceMs = state.rules.policy.noShowGraceSeconds * 1000;
  const sinceLastCall = c.now - (ticket.lastCalledAt ?? c.now);
  if (sinceLastCall < graceMs) throw refuse.graceNotOver(ticket.id, Math.ceil((graceMs - sinceLastCall) / 1000));
  return [{ type: 'ticket.no_show', at: c.now, ticketId: ticket.id, deskId: c.deskId }];
}

function reinstate(c: Of<'reinstate'>, state: QueueState): QueueEvent[] {
  const ticket = findTicket(state, c.ticketId);
  requireStatus(ticket, ['no_show'], 'reinstate');
  if (ticket.day !== serviceDayOf(c.now, state.rules.timeZone)) throw refuse.notSameDay(ticket.id);
  const rank = c.position === 'first' ? frontRank(state, ticket, { serviceId: ticket.serviceId }) : c.now;
  return [{ type: 'ticket.reinstated', at: c.now, ticketId: ticket.id, rank }];
}

function startService(c: Of<'startService'>, state: QueueState): QueueEvent[] {
  const ticket = heldTicket(state, c.deskId, c.ticketId, ['called'], 'start');
  return [{ type: 'ticket.started', at: c.now, ticketId: ticket.id, deskId: c.deskId }];
}

function park(c: Of<'park'>, state: QueueState): QueueEvent[] {
  const ticket = heldTicket(state, c.deskId, c.ticketId, ['called', 'serving'], 'park');
  return [{ type: 'ticket.parked', at: c.now, ticketId: ticket.id, deskId: c.deskId }];
}

function finishService(c: Of<'finishService'>, state: QueueState): QueueEvent[] {
  const ticket = heldTicket(state, c.deskId, c.ticketId, ['called', 'serving'], 'finish');
  return [finished(ticket, c.deskId, c.now, c.outcome, c.note)];
}

function transfer(c: Of<'transfer'>, state: QueueState): QueueEvent[] {
  const ticket = heldTicket(state, c.deskId, c.ticketId, ['called', 'serving'], 'transfer');
  let serviceId = ticket.serviceId;
  let targetDeskId: string | null = null;
  if ('serviceId' in c.to) {
    const service = state.rules.services.get(c.to.serviceId);
    if (!service) throw refuse.unknownService(c.to.serviceId);
    if (!service.active) throw refuse.serviceClosed(c.to.serviceId);
    serviceId = service.id;
  } else {
    if (!state.desks.has(c.to.deskId)) throw refuse.unknownDesk(c.to.deskId);
    if (c.to.deskId === c.deskId) throw refuse.sameDesk(ticket.id);
    targetDeskId = c.to.deskId;
  }
  const moved = { ...ticket, serviceId };
  const rank = c.position === 'first' ? frontRank(state, moved, targetDeskId ? { deskId: targetDeskId } : { serviceId }) : c.now;
  const servedSeconds = ticket.startedAt === null ? 0 : Math.max(0, (c.now - ticket.startedAt) / 1000);
  return [{ type: 'ticket.transferred', at: c.now, ticketId: ticket.id, fromDeskId: c.deskId, fromServiceId: ticket.serviceId, serviceId, targetDeskId, rank, servedSeconds }];
}

function cancel(c: Of<'cancel'>, state: QueueState): QueueEvent[] {
  const ticket = findTicket(state, c.ticketId);
  requireStatus(ticket, ['issued', 'parked'], 'cancel');
  return [{ type: 'ticket.cancelled', at: c.now, ticketId: ticket.id, deskId: c.deskId, reason: 'staff' }];
}

function openDesk(c: Of<'openDesk'>, state: QueueState): QueueEvent[] {
  const desk = findDesk(state, c.deskId);
  if (desk.open && desk.staffId === c.staffId) return [];
  // A new sign-in takes the desk over, with any ticket it holds: a clerk whose browser died must
  // not leave the desk locked, and the edge then refuses the old session's actions. The event
  // names whom it was taken from, for the audit trail.
  const takenOverFrom = desk.open && desk.staffId ? { takenOverFrom: desk.staffId } : {};
  return [{ type: 'desk.opened', at: c.now, deskId: desk.id, staffId: c.staffId, ...takenOverFrom }];
}

function closeDesk(c: Of<'closeDesk'>, state: QueueState): QueueEvent[] {
  const desk = findDesk(state, c.deskId);
  if (!desk.open) return [];
  if (desk.currentTicketId) throw refuse.deskBusy(desk.id, desk.currentTicketId);
  return [{ type: 'desk.closed', at: c.now, deskId: desk.id }];
}

function pauseDesk(c: Of<'pauseDesk'>, state: QueueState): QueueEvent[] {
  const desk = findDesk(state, c.deskId);
  if (!desk.open) throw refuse.deskNotOpen(desk.id);
  return [{ type: 'desk.paused', at: c.now, deskId: desk.id, reason: c.reason, note: c.note }];
}

function resumeDesk(c: Of<'resumeDesk'>, state: QueueState): QueueEvent[] {
  const desk = findDesk(state, c.deskId);
  if (!desk.open) throw refuse.deskNotOpen(desk.id);
  return desk.pause ? [{ type: 'desk.resumed', at: c.now, deskId: desk.id }] : [];
}

/** Ends a service day: whatever is still open from an earlier day is cancelled, so it can never be called. */
function closeDay(c: Of<'closeDay'>, state: QueueState): QueueEvent[] {
  const today = serviceDayOf(c.now, state.rules.timeZone);
  const events: QueueEvent[] = [];
  for (const ticket of state.tickets.values()) {
    if (ticket.day === today || ticket.status === 'no_show') continue;
    events.push({ type: 'ticket.cancelled', at: c.now, ticketId: ticket.id, deskId: ticket.deskId, reason: 'day_closed' });
  }
  return events;
}

function called(ticket: Ticket, deskId: string, now: number, how: 'next' | 'specific' | 'call_back'): QueueEvent {
  const waitedSeconds = Math.max(0, (now - ticket.issuedAt) / 1000);
  return { type: 'ticket.called', at: now, ticketId: ticket.id, deskId, serviceId: ticket.serviceId, number: ticket.number, priorityGroup: ticket.priorityGroup, waitedSeconds, how };
}

function finished(ticket: Ticket, deskId: string, now: number, outcome: 'done' | 'referred' | 'incomplete_documents', note: string | null): QueueEvent {
  // From this visit's start, else from the latest call: `calledAt` is the first call ever, before any
  // transfer, park or no-show, and would count time spent waiting in another line as service.
  const since = ticket.startedAt ?? ticket.lastCalledAt ?? now;
  return { type: 'ticket.finished', at: now, ticketId: ticket.id, deskId, outcome, note, serviceSeconds: Math.max(0, (now - since) / 1000) };
}

/** Calling while serving someone finishes that service first ("next" is how clerks end a visit). */
function finishCurrentIfServing(desk: DeskState, state: QueueState, now: number): [QueueEvent[], DeskState] {
  if (!desk.currentTicketId) return [[], desk];
  const current = state.tickets.get(desk.currentTicketId);
  if (!current) return [[], desk];
  if (current.status !== 'serving') throw refuse.deskBusy(desk.id, current.id);
  return [[finished(current, desk.id, now, 'done', null)], { ...desk, currentTicketId: null }];
}

function readyDesk(state: QueueState, deskId: string): DeskState {
  const desk = findDesk(state, deskId);
  if (!desk.open) throw refuse.deskNotOpen(deskId);
  if (desk.pause) throw refuse.deskPaused(deskId);
  return desk;
}

function heldTicket(state: QueueState, deskId: string, ticketId: string, allowed: TicketStatus[], action: string): Ticket {
  const desk = findDesk(state, deskId);
  if (!desk.open) throw refuse.deskNotOpen(deskId);
  const ticket = findTicket(state, ticketId);
  requireStatus(ticket, allowed, action);
  if (ticket.deskId !== deskId) throw refuse.notAtDesk(ticketId, deskId);
  return ticket;
}

function requireStatus(ticket: Ticket, allowed: TicketStatus[], action: string): void {
  if (!allowed.includes(ticket.status)) throw refuse.wrongState(ticket.id, ticket.status, action);
}

function findTicket(state: QueueState, id: string): Ticket {
  const ticket = state.tickets.get(id);
  if (!ticket) throw refuse.unknownTicket(id);
  return ticket;
}

function findDesk(state: QueueState, id: string): DeskState {
  const desk = state.desks.get(id);
  if (!desk) throw refuse.unknownDesk(id);
  return desk;
}
