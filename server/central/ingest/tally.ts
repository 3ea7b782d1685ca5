// The organisation's figures per office, day and service, kept exact as events arrive. A ticket is
// counted where the office counts it (its day of issue and the service it ended in, by its status
// now), so each event moves the ticket's whole share: remove what it contributed before, add what it
// contributes after. Pure: the batch's events and the tickets' states in, the new states and the
// changes to the figures out.
import type { SyncEvent } from '../../sync/wire.js';

export type TicketStatus = 'issued' | 'called' | 'serving' | 'parked' | 'done' | 'no_show' | 'cancelled';

export interface TicketTally {
  day: string;
  serviceId: string;
  status: TicketStatus;
  /** Issue to first call; set once. */
  waitMs: number | null;
  /** Time at desks, all of them (a transferred ticket's desks add up). */
  serviceMs: number;
  transfers: number;
}

/** Additive figures of one office, day and service. */
export interface DayFigures {
  issued: number;
  served: number;
  noShows: number;
  cancelled: number;
  transferred: number;
  waitCount: number;
  waitMs: number;
  serviceCount: number;
  serviceMs: number;
  ratings: number;
  ratingsTopTwo: number;
  /** Rating points on a 1–5 scale, times 3 (so that 3- and 4-button keypads' points are integers). */
  ratingPoints3: number;
}

export const FIGURES: ReadonlyArray<keyof DayFigures> = ['issued', 'served', 'noShows', 'cancelled', 'transferred', 'waitCount', 'waitMs', 'serviceCount', 'serviceMs', 'ratings', 'ratingsTopTwo', 'ratingPoints3'];

export function noFigures(): DayFigures {
  return { issued: 0, served: 0, noShows: 0, cancelled: 0, transferred: 0, waitCount: 0, waitMs: 0, serviceCount: 0, serviceMs: 0, ratings: 0, ratingsTopTwo: 0, ratingPoints3: 0 };
}

export interface TallyResult {
  /** Tickets whose state changed, by key. */
  tickets: Map<string, TicketTally>;
  /** Changes to the figures, by `${day}|${serviceId}` (rows with no service: an empty id). */
  figures: Map<string, DayFigures>;
  /** Events about tickets central never saw issued (their office's log began later). */
  orphans: number;
}

export const cellKey = (day: string, serviceId: string) => `${day}|${serviceId}`;

/** Folds the batch's events, in order, over the tickets' states as they were before it. */
export function tally(events: readonly SyncEvent[], known: ReadonlyMap<string, TicketTally>): TallyResult {
  const tickets = new Map<string, TicketTally>();
  const figures = new Map<string, DayFigures>();
  let orphans = 0;
  const cell = (day: string, serviceId: string) => {
    const key = cellKey(day, serviceId);
    let found = figures.get(key);
    if (!found) figures.set(key, (found = noFigures()));
    return found;
  };
  const share = (ticket: TicketTally, sign: 1 | -1) => {
    const c = cell(ticket.day, ticket.serviceId);
    const done = ticket.status === 'done';
    c.issued += sign;
    if (done) c.served += sign;
    if (ticket.status === 'no_show') c.noShows += sign;
    if (ticket.status === 'cancelled') c.cancelled += sign;
    if (ticket.transfers > 0) c.transferred += sign;
    if (ticket.waitMs !== null) {
      c.waitCount += sign;
      c.waitMs += sign * ticket.waitMs;
    }
    if (done) {
      c.serviceCount += sign;
      c.serviceMs += sign * ticket.serviceMs;
    }
  };

  for (const event of events) {
    if (event.type === 'rating.recorded') {
      const c = cell(event.day, event.serviceId ?? '');
      c.ratings += 1;
      if (event.button >= event.buttons - 1) c.ratingsTopTwo += 1;
      c.ratingPoints3 += 3 + ((event.button - 1) * 12) / (event.buttons - 1);
      continue;
    }
    const before = event.type === 'ticket.issued' ? undefined : (tickets.get(event.ticket) ?? known.get(event.ticket));
    if (event.type !== 'ticket.issued' && !before) {
      orphans += 1;
      continue;
    }
    const after = evolve(before, event);
    if (before) share(before, -1);
    share(after, 1);
    tickets.set(event.ticket, after);
  }
  for (const [key, change] of figures) if (FIGURES.every((f) => change[f] === 0)) figures.delete(key);
  return { tickets, figures, orphans };
}

/** A ticket's state after one of its events, as the office's tickets table has it. */
function evolve(ticket: TicketTally | undefined, event: Exclude<SyncEvent, { type: 'rating.recorded' }>): TicketTally {
  if (event.type === 'ticket.issued') return { day: event.day, serviceId: event.serviceId, status: 'issued', waitMs: null, serviceMs: 0, transfers: 0 };
  const t = ticket!;
  switch (event.type) {
    case 'ticket.called':
      return { ...t, status: 'called', waitMs: t.waitMs ?? Math.round(event.waitedSeconds * 1000) };
    case 'ticket.started':
      return { ...t, status: 'serving' };
    case 'ticket.parked':
      return { ...t, status: 'parked' };
    case 'ticket.no_show':
      return { ...t, status: 'no_show' };
    case 'ticket.reinstated':
      return { ...t, status: 'issued' };
    case 'ticket.transferred':
      return { ...t, status: 'issued', serviceId: event.serviceId, serviceMs: t.serviceMs + Math.round(event.servedSeconds * 1000), transfers: t.transfers + 1 };
    case 'ticket.finished':
      return { ...t, status: 'done', serviceMs: t.serviceMs + Math.round(event.serviceSeconds * 1000) };
    case 'ticket.cancelled':
      return { ...t, status: 'cancelled' };
    case 'ticket.recalled':
      return t;
  }
}
