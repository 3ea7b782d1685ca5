// The organisation's figures per office, day and service, kept exact as events arrive. A ticket is
// counted where the office counts it (its day of issue and the service it ended in, by its status
// now), so each event moves the ticket's whole share: remove what it contributed before, add what it
// contributes after. Pure: the batch's events and the tickets' states in, the new states and the
// changes to the figures out. Beside the sums, each cell keeps histograms of the waits and service
// times in the office's own buckets (so percentiles add up across days and offices) and their maxima.
import { bucketOf } from '../../stats/queries.js';
import type { SyncEvent, SyncPromise } from '../../sync/wire.js';

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
  /** The same two in seconds as the office has them (unrounded), for the histogram buckets and maxima. */
  waitSeconds: number | null;
  serviceSeconds: number;
  /** The wait the visitor was told at issue, if any (indicator 10). */
  promise: SyncPromise | null;
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
  /** Called tickets that were told a wait at issue, and how the wait compared (the office's promiseSums). */
  promiseCount: number;
  promiseWithin: number;
  promiseNotLater: number;
  promisePastUpperBy5: number;
  promiseAbsErrorMs: number;
  promiseLatenessMs: number;
}

export const FIGURES: ReadonlyArray<keyof DayFigures> = [
  'issued', 'served', 'noShows', 'cancelled', 'transferred', 'waitCount', 'waitMs', 'serviceCount', 'serviceMs', 'ratings', 'ratingsTopTwo', 'ratingPoints3',
  'promiseCount', 'promiseWithin', 'promiseNotLater', 'promisePastUpperBy5', 'promiseAbsErrorMs', 'promiseLatenessMs',
];

export function noFigures(): DayFigures {
  return Object.fromEntries(FIGURES.map((f) => [f, 0])) as unknown as DayFigures;
}

/**
 * Changes to a cell's spreads: histogram counts by bucket (lower bound, seconds) and the largest
 * times added. A maximum only grows: a wait that moves to another service with its transferred
 * ticket stays its old service's maximum (the total's is exact; a service's within one bucket).
 */
export interface SpreadChange {
  wait: Map<number, number>;
  service: Map<number, number>;
  waitMax: number | null;
  serviceMax: number | null;
}

export interface TallyResult {
  /** Tickets whose state changed, by key. */
  tickets: Map<string, TicketTally>;
  /** Changes to the figures, by `${day}|${serviceId}` (rows with no service: an empty id). */
  figures: Map<string, DayFigures>;
  /** Changes to the histograms and maxima, by the same keys. */
  spreads: Map<string, SpreadChange>;
  /** Events about tickets central never saw issued (their office's log began later). */
  orphans: number;
}

export const cellKey = (day: string, serviceId: string) => `${day}|${serviceId}`;

/** Folds the batch's events, in order, over the tickets' states as they were before it. */
export function tally(events: readonly SyncEvent[], known: ReadonlyMap<string, TicketTally>): TallyResult {
  const tickets = new Map<string, TicketTally>();
  const figures = new Map<string, DayFigures>();
  const spreads = new Map<string, SpreadChange>();
  let orphans = 0;
  const cell = (day: string, serviceId: string) => {
    const key = cellKey(day, serviceId);
    let found = figures.get(key);
    if (!found) figures.set(key, (found = noFigures()));
    return found;
  };
  const spread = (day: string, serviceId: string) => {
    const key = cellKey(day, serviceId);
    let found = spreads.get(key);
    if (!found) spreads.set(key, (found = { wait: new Map(), service: new Map(), waitMax: null, serviceMax: null }));
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
    if (ticket.waitSeconds !== null) {
      const s = spread(ticket.day, ticket.serviceId);
      bump(s.wait, bucketOf(ticket.waitSeconds), sign);
      if (sign > 0) s.waitMax = Math.max(s.waitMax ?? 0, ticket.waitSeconds);
      if (ticket.promise) promised(c, ticket.waitSeconds, ticket.promise, sign);
    }
    if (done) {
      const s = spread(ticket.day, ticket.serviceId);
      bump(s.service, bucketOf(ticket.serviceSeconds), sign);
      if (sign > 0) s.serviceMax = Math.max(s.serviceMax ?? 0, ticket.serviceSeconds);
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
  for (const [key, change] of spreads) {
    for (const histogram of [change.wait, change.service]) for (const [bucket, n] of histogram) if (n === 0) histogram.delete(bucket);
    if (change.wait.size === 0 && change.service.size === 0 && change.waitMax === null && change.serviceMax === null) spreads.delete(key);
  }
  return { tickets, figures, spreads, orphans };
}

function bump(histogram: Map<number, number>, bucket: number, by: number): void {
  histogram.set(bucket, (histogram.get(bucket) ?? 0) + by);
}

/** A called ticket's wait against the one it was promised, as the office's promiseSums compares them. */
function promised(c: DayFigures, wait: number, promise: SyncPromise, sign: 1 | -1): void {
  c.promiseCount += sign;
  if (wait >= promise.low && wait <= promise.high) c.promiseWithin += sign;
  if (wait <= promise.high) c.promiseNotLater += sign;
  if (wait > promise.high + 300) c.promisePastUpperBy5 += sign;
  c.promiseAbsErrorMs += sign * Math.round(Math.abs(wait - promise.seconds) * 1000);
  c.promiseLatenessMs += sign * Math.round((wait - promise.seconds) * 1000);
}

/** A ticket's state after one of its events, as the office's tickets table has it. */
function evolve(ticket: TicketTally | undefined, event: Exclude<SyncEvent, { type: 'rating.recorded' }>): TicketTally {
  if (event.type === 'ticket.issued') return { day: event.day, serviceId: event.serviceId, status: 'issued', waitMs: null, serviceMs: 0, transfers: 0, waitSeconds: null, serviceSeconds: 0, promise: event.promise ?? null };
  const t = ticket!;
  switch (event.type) {
    case 'ticket.called':
      return { ...t, status: 'called', waitMs: t.waitMs ?? Math.round(event.waitedSeconds * 1000), waitSeconds: t.waitSeconds ?? event.waitedSeconds };
    case 'ticket.started':
      return { ...t, status: 'serving' };
    case 'ticket.parked':
      return { ...t, status: 'parked' };
    case 'ticket.no_show':
      return { ...t, status: 'no_show' };
    case 'ticket.reinstated':
      return { ...t, status: 'issued' };
    case 'ticket.transferred':
      return { ...t, status: 'issued', serviceId: event.serviceId, serviceMs: t.serviceMs + Math.round(event.servedSeconds * 1000), serviceSeconds: t.serviceSeconds + event.servedSeconds, transfers: t.transfers + 1 };
    case 'ticket.finished':
      return { ...t, status: 'done', serviceMs: t.serviceMs + Math.round(event.serviceSeconds * 1000), serviceSeconds: t.serviceSeconds + event.serviceSeconds };
    case 'ticket.cancelled':
      return { ...t, status: 'cancelled' };
    case 'ticket.recalled':
      return t;
  }
}
