// What a visitor is told about their wait (design §6, api.md "Wait promise"): one decision for the
// kiosk, the slip, the display, the phone page, the manager's screen and the API. A number only when
// an honest one exists: no desk open, outside hours and "you are next" are said in words instead.
import { roundWaitRange, type WaitRange } from '../time/wait-range.js';
import { zonedParts } from '../time/zoned.js';
import type { Weekday } from '../config/schema.js';
import { candidatesFor } from '../queue/policy.js';
import type { PriorityGroup, QueueState, WaitPromise } from '../queue/types.js';
import type { WaitEstimate } from './types.js';

export type WaitNote = 'no_desk_open' | 'outside_hours' | 'next';

/** An instant said as the office's clock reads it: «ساعت ۷:۳۰», or «شنبه ساعت ۷:۳۰» on another day. */
export interface OfficeMoment {
  at: number;
  /** 'HH:MM', office time. */
  clock: string;
  /** The office's weekday ('sat' … 'fri'), or null when it is today. */
  weekday: Weekday | null;
}

export interface WaitPromiseView {
  /** The rounded range shown (seconds), or null when no honest number exists. */
  estimatedWait: WaitRange | null;
  /** The point estimate (seconds), inside the range, or null with it. */
  estimatedWaitSeconds: number | null;
  waitNote: WaitNote | null;
  /** outside_hours: when the service opens next; no_desk_open: when its desks usually open today. */
  opensAt?: OfficeMoment;
}

export interface WaitSituation {
  estimate: WaitEstimate;
  /** Within the service's opening hours now. */
  withinHours: boolean;
  /** A signed-in desk has the service in its workprofile (or is the ticket's own desk). */
  deskOpen: boolean;
  /** Tickets that will be called before this one. */
  ahead: number;
  /** A desk that calls this line is open, not paused, has no visitor and would call this ticket next. */
  deskFree: boolean;
  /** When the service next opens (outside hours) or opened today (the usual desk opening). */
  opening?: OfficeMoment | null;
}

/**
 * "You are next" is a promise too: kept as called within the first step of the rounding (5 min), so
 * the indicators report and the benchmark score it like any range.
 */
export const NEXT_RANGE: WaitRange = { low: 0, high: 300 };

export function waitPromise(situation: WaitSituation): WaitPromiseView {
  const opensAt = situation.opening ? { opensAt: situation.opening } : {};
  if (!situation.withinHours) return { estimatedWait: null, estimatedWaitSeconds: null, waitNote: 'outside_hours', ...opensAt };
  if (!situation.deskOpen) return { estimatedWait: null, estimatedWaitSeconds: null, waitNote: 'no_desk_open', ...opensAt };
  if (situation.ahead === 0 && situation.deskFree) return { estimatedWait: null, estimatedWaitSeconds: null, waitNote: 'next' };
  const { seconds, low, high } = situation.estimate;
  // A run in which no desk would ever call the ticket (all of them gone for good) gives no number.
  if (![seconds, low, high].every(Number.isFinite)) return { estimatedWait: null, estimatedWaitSeconds: null, waitNote: 'no_desk_open' };
  const shown = roundWaitRange({ low, high });
  return { estimatedWait: shown, estimatedWaitSeconds: Math.round(Math.min(shown.high, Math.max(shown.low, seconds))), waitNote: null };
}

/** What the ticket keeps of its promise (the issue command carries it): the range and the point. */
export function keptPromise(view: WaitPromiseView): WaitPromise | null {
  const range = promisedRange(view);
  return range ? { seconds: view.estimatedWaitSeconds ?? range.low, low: range.low, high: range.high } : null;
}

/** The range a promise commits to, as kept with the ticket and scored: null when it named no time. */
export function promisedRange(view: Pick<WaitPromiseView, 'estimatedWait' | 'waitNote'>): WaitRange | null {
  if (view.estimatedWait) return view.estimatedWait;
  return view.waitNote === 'next' ? NEXT_RANGE : null;
}

/** An instant as the office's clock says it, relative to `now` (same day: no weekday). */
export function officeMoment(at: number, now: number, timeZone: string): OfficeMoment {
  const then = zonedParts(at, timeZone);
  const today = zonedParts(now, timeZone);
  const sameDay = then.year === today.year && then.month === today.month && then.day === today.day;
  const clock = `${String(then.hour).padStart(2, '0')}:${String(then.minute).padStart(2, '0')}`;
  return { at, clock, weekday: sameDay ? null : then.weekday };
}

/** Where a new ticket of this service and class would stand: the line ahead of it and the desks that call it. */
export function newTicketSituation(state: QueueState, serviceId: string, priorityGroup: PriorityGroup | string | null): Pick<WaitSituation, 'deskOpen' | 'ahead' | 'deskFree'> {
  const desks = [...state.desks.values()].filter((d) => d.open && d.services.includes(serviceId));
  let ahead = 0;
  for (const ticket of state.tickets.values()) {
    if (ticket.status !== 'issued' || ticket.targetDeskId !== null || ticket.serviceId !== serviceId) continue;
    if (priorityGroup === null || ticket.priorityGroup !== null) ahead++;
  }
  return {
    deskOpen: desks.length > 0,
    ahead,
    // Free with nothing else to call: the new ticket would be its next.
    deskFree: desks.some((d) => !d.pause && d.currentTicketId === null && candidatesFor(state, d).length === 0),
  };
}
