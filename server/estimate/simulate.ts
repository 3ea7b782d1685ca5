// One forward simulation of the office's real dispatch from now until a given ticket is called: a
// clone of the queue, each desk freed when its current visitor is expected to finish (or its break
// to end), the product's own pickNext choosing every call, and visitors arriving meanwhile who may
// overtake it. Durations come from a model, drawn afresh in each run.
import { evolve } from '../queue/evolve.js';
import { pickNext } from '../queue/policy.js';
import type { DeskState, QueueState, Ticket } from '../queue/types.js';
import type { Random } from './random.js';

export interface DispatchModel {
  /** Called before each run, so that a model can draw what stays fixed for one run. */
  beginRun(random: Random): void;
  /** When each desk can next call (ms), drawn for this run; Infinity if it will not come back. */
  deskReadyAt(desk: DeskState, random: Random): number;
  /** How long a called ticket keeps its desk (ms): service and handover, or the cost of a no-show. */
  occupancy(ticket: Ticket, calledAt: number, random: Random): number;
  /** The next expected arrival after `after` (ms) that may matter, or null when none is expected. */
  nextArrival(after: number, random: Random): { at: number; serviceId: string; priorityGroup: Ticket['priorityGroup'] } | null;
}

// A day has at most a few thousand calls; past this the simulation is not converging on the ticket.
const MAX_CALLS = 5000;

/** The time (ms) the target is called in one run; Infinity if no desk would ever call it. */
export function simulateCallTime(base: QueueState, target: Ticket, now: number, model: DispatchModel, random: Random): number {
  model.beginRun(random);
  const state = cloneWaiting(base, target);
  const desks = [...state.desks.values()];
  const readyAt = desks.map((desk) => model.deskReadyAt(base.desks.get(desk.id)!, random));
  let arrival = model.nextArrival(now, random);
  let phantoms = 0;
  for (let calls = 0; calls < MAX_CALLS; calls++) {
    let i = -1;
    for (let j = 0; j < desks.length; j++) if (i < 0 || readyAt[j]! < readyAt[i]!) i = j;
    const t = i < 0 ? Infinity : readyAt[i]!;
    if (t === Infinity) return Infinity;
    const desk = desks[i]!;
    while (arrival && arrival.at <= t) {
      const id = `~p${phantoms++}`;
      state.tickets.set(id, phantomTicket(id, arrival.serviceId, arrival.priorityGroup, arrival.at));
      arrival = model.nextArrival(arrival.at, random);
    }
    const next = pickNext(state, desk, t);
    if (!next) {
      readyAt[i] = arrival ? Math.max(t, arrival.at) : Infinity;
      continue;
    }
    if (next.id === target.id) return t;
    // The domain's own evolve keeps the desk's priority streak, which the policy reads on the next call.
    const call = { type: 'ticket.called' as const, at: t, ticketId: next.id, deskId: desk.id, serviceId: next.serviceId, number: next.number, priorityGroup: next.priorityGroup, waitedSeconds: (t - next.issuedAt) / 1000, how: 'next' as const };
    evolve(state, call);
    state.tickets.delete(next.id);
    desk.currentTicketId = null;
    readyAt[i] = t + model.occupancy(next, t, random);
  }
  return Infinity;
}

/** A ticket not yet issued, for "what would a new ticket wait" and for expected priority arrivals. */
export function phantomTicket(id: string, serviceId: string, priorityGroup: Ticket['priorityGroup'], at: number): Ticket {
  return {
    id,
    number: `~${id}`,
    serviceId,
    priorityGroup,
    status: 'issued',
    day: '',
    issuedAt: at,
    rank: at,
    targetDeskId: null,
    deskId: null,
    calledAt: null,
    lastCalledAt: null,
    recalls: 0,
    startedAt: null,
  };
}

// Only waiting tickets matter to pickNext; desks are copied because calls change their streaks.
function cloneWaiting(base: QueueState, target: Ticket): QueueState {
  const tickets = new Map<string, Ticket>();
  for (const ticket of base.tickets.values()) if (ticket.status === 'issued') tickets.set(ticket.id, { ...ticket });
  tickets.set(target.id, { ...target });
  const desks = new Map<string, DeskState>();
  for (const desk of base.desks.values()) desks.set(desk.id, { ...desk, currentTicketId: null });
  return { ...base, tickets, desks };
}
