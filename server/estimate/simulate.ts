// One forward simulation of the office's real dispatch from now until a given ticket is called: the
// waiting lines, each desk freed when its current visitor is expected to finish (or its break to
// end), the product's own policy choosing every call, and visitors arriving meanwhile who may
// overtake it. Durations come from a model, drawn afresh in each run.
import { priorityStreakAfter } from '../queue/policy.js';
import type { DeskState, QueueState, Ticket } from '../queue/types.js';
import type { Random } from './random.js';
import type { SimLines } from './sim-lines.js';

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

/**
 * The time (ms) the target is called in one run; Infinity if no desk would ever call it. `lines` are
 * `base`'s waiting lines with the target among them (SimLines.of), shared by the estimate's runs.
 */
export function simulateCallTime(base: QueueState, lines: SimLines, target: Ticket, now: number, model: DispatchModel, random: Random): number {
  let calledAt = Infinity;
  simulateDispatch(base, lines, now, model, random, (ticket, t) => {
    if (ticket.id !== target.id) return false;
    calledAt = t;
    return true;
  });
  return calledAt;
}

/**
 * One run in which every ticket that `isTarget` picks among those waiting in `lines` is called
 * (`targets` of them): `onCall` hears each with its time (ms). Those no desk would ever call are
 * not heard of.
 */
export function simulateAllCalls(
  base: QueueState,
  lines: SimLines,
  now: number,
  model: DispatchModel,
  random: Random,
  targets: { count: number; isTarget(ticket: Ticket): boolean },
  onCall: (ticket: Ticket, at: number) => void,
): void {
  let left = targets.count;
  if (left === 0) return;
  simulateDispatch(base, lines, now, model, random, (ticket, t) => {
    if (ticket.id.startsWith('~') || !targets.isTarget(ticket)) return false;
    onCall(ticket, t);
    return --left === 0;
  });
}

/** Simulates calls from now until `onCall` (told of every call, arrivals included) says stop. */
function simulateDispatch(base: QueueState, lines: SimLines, now: number, model: DispatchModel, random: Random, onCall: (ticket: Ticket, at: number) => boolean): void {
  model.beginRun(random);
  lines.beginRun();
  // Calls change a desk's priority streak, which the policy reads on its next call.
  const desks = [...base.desks.values()].map((desk) => ({ ...desk, currentTicketId: null }));
  const readyAt = [...base.desks.values()].map((desk) => model.deskReadyAt(desk, random));
  let arrival = model.nextArrival(now, random);
  let phantoms = 0;
  for (let calls = 0; calls < MAX_CALLS; calls++) {
    let i = -1;
    for (let j = 0; j < desks.length; j++) if (i < 0 || readyAt[j]! < readyAt[i]!) i = j;
    const t = i < 0 ? Infinity : readyAt[i]!;
    if (t === Infinity) return;
    const desk = desks[i]!;
    while (arrival && arrival.at <= t) {
      lines.arrive(phantomTicket(`~p${phantoms++}`, arrival.serviceId, arrival.priorityGroup, arrival.at));
      arrival = model.nextArrival(arrival.at, random);
    }
    const next = lines.pick(desk, t);
    if (!next) {
      readyAt[i] = arrival ? Math.max(t, arrival.at) : Infinity;
      continue;
    }
    if (onCall(next, t)) return;
    lines.remove(next);
    desk.priorityStreak = priorityStreakAfter(desk.priorityStreak, next);
    readyAt[i] = t + model.occupancy(next, t, random);
  }
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
