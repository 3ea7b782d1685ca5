// Call-next: which waiting ticket a desk gets. Priority groups go first, but bounded so that normal
// tickets never starve: after `maxPriorityStreak` priority calls in a row at a desk, or once a normal
// ticket has waited past `normalWaitLimitMinutes` (and longer than any priority ticket), the
// longest-waiting normal ticket goes. Within a
// class the smallest rank (longest wait) wins; ties follow the order of the desk's workprofile.
// A booked visitor who checked in on time waits for the booked time, then goes ahead of the walk-ins
// of its class (earliest booking first); priority groups still go before it as they go before anyone.
import type { DeskState, QueueState, Ticket } from './types.js';

/** Waiting tickets a desk may call: those sent to it, and its workprofile's service queues. */
export function candidatesFor(state: QueueState, desk: DeskState): Ticket[] {
  const candidates: Ticket[] = [];
  for (const ticket of state.tickets.values()) {
    if (ticket.status !== 'issued') continue;
    if (ticket.targetDeskId === desk.id || (ticket.targetDeskId === null && desk.services.includes(ticket.serviceId))) {
      candidates.push(ticket);
    }
  }
  return candidates;
}

export function pickNext(state: QueueState, desk: DeskState, now: number): Ticket | null {
  const front: LineFront = { oldestNormal: null, oldestPriority: null, earliestNormalIssue: Infinity, earliestPriorityIssue: Infinity };
  for (const ticket of candidatesFor(state, desk)) {
    if (waitsForItsTime(ticket, now)) continue;
    if (ticket.priorityGroup === null) {
      if (!front.oldestNormal || compareInLine(ticket, front.oldestNormal, desk) < 0) front.oldestNormal = ticket;
      front.earliestNormalIssue = Math.min(front.earliestNormalIssue, ticket.issuedAt);
    } else {
      if (!front.oldestPriority || compareInLine(ticket, front.oldestPriority, desk) < 0) front.oldestPriority = ticket;
      front.earliestPriorityIssue = Math.min(front.earliestPriorityIssue, ticket.issuedAt);
    }
  }
  return chooseNext(front, desk, state.rules.policy, now);
}

/** What the choice of a desk's next ticket depends on, however the lines are searched. */
export interface LineFront {
  /** The first normal and the first priority ticket in the desk's calling order. */
  oldestNormal: Ticket | null;
  oldestPriority: Ticket | null;
  /** The earliest issue time among the desk's normal and its priority candidates (Infinity: none). */
  earliestNormalIssue: number;
  earliestPriorityIssue: number;
}

export function chooseNext(front: LineFront, desk: DeskState, policy: QueueState['rules']['policy'], now: number): Ticket | null {
  const { oldestNormal, oldestPriority } = front;
  if (!oldestPriority) return oldestNormal;
  if (!oldestNormal) return oldestPriority;
  const longestNormalWait = Math.max(0, now - front.earliestNormalIssue);
  const longestPriorityWait = Math.max(0, now - front.earliestPriorityIssue);
  // Past the limit a normal ticket goes first, but never ahead of a priority ticket that has waited
  // longer still: in an overloaded office that would leave priority visitors waiting the longest.
  const normalIsDue =
    desk.priorityStreak >= policy.maxPriorityStreak || (longestNormalWait >= policy.normalWaitLimitMinutes * 60_000 && longestNormalWait >= longestPriorityWait);
  return normalIsDue ? oldestNormal : oldestPriority;
}

/** A desk's run of priority calls after it calls `ticket` as its next (the policy bounds the run). */
export function priorityStreakAfter(streak: number, ticket: Ticket): number {
  return ticket.priorityGroup ? streak + 1 : 0;
}

/** A booked ticket that arrived early is not called before its time. */
export function waitsForItsTime(ticket: Ticket, now: number): boolean {
  return ticket.appointment != null && now < ticket.appointment.start;
}

/**
 * A desk's calling order within one class: booked tickets by their time, then rank, then the order of
 * its workprofile, then number, then id. The order is total, so the choice never depends on the order
 * in which tickets happen to be stored.
 */
export function compareInLine(a: Ticket, b: Ticket, desk: Pick<DeskState, 'services'>): number {
  const bookedA = a.appointment?.start ?? Infinity;
  const bookedB = b.appointment?.start ?? Infinity;
  if (bookedA !== bookedB) return bookedA < bookedB ? -1 : 1;
  if (a.rank !== b.rank) return a.rank - b.rank;
  const byProfile = desk.services.indexOf(a.serviceId) - desk.services.indexOf(b.serviceId);
  if (byProfile !== 0) return byProfile;
  return compareNumbers(a.number, b.number) || compareIds(a.id, b.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two tickets issued in the same millisecond keep the order of their numbers ("999" before "1000"). */
export function compareNumbers(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `a` stands before `b` in one line, by rank and then by number. */
export function isBefore(a: Ticket, b: Ticket): boolean {
  return a.rank < b.rank || (a.rank === b.rank && compareNumbers(a.number, b.number) < 0);
}

/** Waiting tickets of one service queue in calling order (ignoring priority), for "people ahead". */
export function waitingInService(state: QueueState, serviceId: string): Ticket[] {
  return [...state.tickets.values()]
    .filter((t) => t.status === 'issued' && t.serviceId === serviceId && t.targetDeskId === null)
    .sort((a, b) => (isBefore(a, b) ? -1 : isBefore(b, a) ? 1 : 0));
}

/** Smallest rank in a line, so a ticket put "first" goes before it but never before its own issue time. */
export function frontRank(state: QueueState, ticket: Ticket, line: { serviceId: string } | { deskId: string }): number {
  let front = ticket.issuedAt;
  for (const other of state.tickets.values()) {
    if (other.status !== 'issued' || other.id === ticket.id) continue;
    const inLine = 'deskId' in line ? other.targetDeskId === line.deskId : other.targetDeskId === null && other.serviceId === line.serviceId;
    if (inLine && other.rank - 1 < front) front = other.rank - 1;
  }
  return front;
}
