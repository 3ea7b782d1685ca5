// Call-next: which waiting ticket a desk gets. Priority groups go first, but bounded so that normal
// tickets never starve: after `maxPriorityStreak` priority calls in a row at a desk, or once a normal
// ticket has waited past `normalWaitLimitMinutes` (and longer than any priority ticket), the
// longest-waiting normal ticket goes. Within a
// class the smallest rank (longest wait) wins; ties follow the order of the desk's workprofile.
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
  let oldestNormal: Ticket | null = null;
  let oldestPriority: Ticket | null = null;
  let longestNormalWait = 0;
  let longestPriorityWait = 0;
  const order = (a: Ticket, b: Ticket) => compareInLine(a, b, desk);
  for (const ticket of candidatesFor(state, desk)) {
    if (ticket.priorityGroup === null) {
      if (!oldestNormal || order(ticket, oldestNormal) < 0) oldestNormal = ticket;
      longestNormalWait = Math.max(longestNormalWait, now - ticket.issuedAt);
    } else {
      if (!oldestPriority || order(ticket, oldestPriority) < 0) oldestPriority = ticket;
      longestPriorityWait = Math.max(longestPriorityWait, now - ticket.issuedAt);
    }
  }
  if (!oldestPriority) return oldestNormal;
  if (!oldestNormal) return oldestPriority;
  const { maxPriorityStreak, normalWaitLimitMinutes } = state.rules.policy;
  // Past the limit a normal ticket goes first, but never ahead of a priority ticket that has waited
  // longer still: in an overloaded office that would leave priority visitors waiting the longest.
  const normalIsDue =
    desk.priorityStreak >= maxPriorityStreak || (longestNormalWait >= normalWaitLimitMinutes * 60_000 && longestNormalWait >= longestPriorityWait);
  return normalIsDue ? oldestNormal : oldestPriority;
}

function compareInLine(a: Ticket, b: Ticket, desk: DeskState): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  const byProfile = desk.services.indexOf(a.serviceId) - desk.services.indexOf(b.serviceId);
  if (byProfile !== 0) return byProfile;
  return compareNumbers(a.number, b.number);
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
