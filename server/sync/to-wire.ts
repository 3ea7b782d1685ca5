// The office's side of the wire format: one stored event (its type and JSON) to what central may
// see of it, or null for events the organisation does not count (desks, configuration). Fields are
// picked one by one, never copied wholesale, so that a field added to an event later (a note, a
// mobile number) stays in the office unless it is added here on purpose.
import type { QueueEvent } from '../queue/index.js';
import type { RatingRecord } from '../keypads/rating-store.js';
import { RATING_EVENT } from '../keypads/rating-store.js';
import { serviceDay } from '../time/day.js';
import { ticketKey, type SyncEvent } from './wire.js';

export function toSyncEvent(seq: number, data: string, timeZone: string): SyncEvent | null {
  const event = JSON.parse(data) as QueueEvent | ({ type: typeof RATING_EVENT } & RatingRecord) | { type: string; at: number };
  const base = { seq, at: event.at };
  switch (event.type) {
    case 'ticket.issued': {
      const e = event as Extract<QueueEvent, { type: 'ticket.issued' }>;
      const issued = { ...base, type: e.type, ticket: ticketKey(e.ticketId), day: serviceDay(e.at, timeZone).iso, serviceId: e.serviceId };
      return e.promise ? { ...issued, promise: { seconds: e.promise.seconds, low: e.promise.low, high: e.promise.high } } : issued;
    }
    case 'ticket.called': {
      const e = event as Extract<QueueEvent, { type: 'ticket.called' }>;
      return { ...base, type: e.type, ticket: ticketKey(e.ticketId), waitedSeconds: e.waitedSeconds };
    }
    case 'ticket.finished': {
      const e = event as Extract<QueueEvent, { type: 'ticket.finished' }>;
      return { ...base, type: e.type, ticket: ticketKey(e.ticketId), serviceSeconds: e.serviceSeconds };
    }
    case 'ticket.transferred': {
      const e = event as Extract<QueueEvent, { type: 'ticket.transferred' }>;
      return { ...base, type: e.type, ticket: ticketKey(e.ticketId), serviceId: e.serviceId, servedSeconds: e.servedSeconds };
    }
    case 'ticket.no_show':
    case 'ticket.reinstated':
    case 'ticket.cancelled':
    case 'ticket.started':
    case 'ticket.parked':
    case 'ticket.recalled': {
      const e = event as Extract<QueueEvent, { ticketId: string }>;
      return { ...base, type: event.type, ticket: ticketKey(e.ticketId) };
    }
    case RATING_EVENT: {
      const e = event as RatingRecord;
      return { ...base, type: RATING_EVENT, day: serviceDay(e.at, timeZone).iso, serviceId: e.serviceId, button: e.button, buttons: e.buttons };
    }
    default:
      return null;
  }
}
