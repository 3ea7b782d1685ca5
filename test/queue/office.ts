// A small office for the queue tests, and commands written in minutes from its opening, so a test
// reads «at minute 5 desk d1 calls next» instead of epoch milliseconds.
import type { FinishOutcome, PauseReason, Position, PriorityGroup, QueueCommand, QueuePolicy, QueueRules, ServiceRules } from '../../server/queue/index.js';
import type { Office } from './given.js';

/** 09:00 in Tehran (UTC+03:30) on 2026-11-22, which is 1405-09-01. */
export const OPENING = Date.UTC(2026, 10, 22, 5, 30);
export const TODAY = '2026-11-22';
export const TOMORROW = '2026-11-23';

export const DEFAULT_POLICY: QueuePolicy = { maxPriorityStreak: 2, normalWaitLimitMinutes: 30, noShowGraceSeconds: 60, counterDigits: 3 };

/**
 * Services: A (prefix 1, elderly and disabled may go first), B (prefix 2, no priority groups),
 * C (prefix 3, switched off). Desks: d1 serves A then B, d2 serves B, d3 serves A.
 */
export function office(policy: Partial<QueuePolicy> = {}): Office {
  const services: ServiceRules[] = [
    { id: 'A', prefix: '1', active: true, priorityGroups: ['elderly', 'disabled'] },
    { id: 'B', prefix: '2', active: true, priorityGroups: [] },
    { id: 'C', prefix: '3', active: false, priorityGroups: [] },
  ];
  const rules: QueueRules = {
    policy: { ...DEFAULT_POLICY, ...policy },
    services: new Map(services.map((s) => [s.id, s])),
    timeZone: 'Asia/Tehran',
  };
  return { rules, desks: [{ id: 'd1', services: ['A', 'B'] }, { id: 'd2', services: ['B'] }, { id: 'd3', services: ['A'] }] };
}

/** The instant `minutes` after the office opened (fractions allowed). */
export const at = (minutes: number): number => OPENING + Math.round(minutes * 60_000);

export const issue = (ticketId: string, serviceId: string, minute: number, priorityGroup: PriorityGroup | null = null): QueueCommand => ({
  type: 'issueTicket', now: at(minute), ticketId, serviceId, priorityGroup,
});
export const openDesk = (deskId: string, minute = 0, staffId = `staff-${deskId}`): QueueCommand => ({ type: 'openDesk', now: at(minute), deskId, staffId });
export const closeDesk = (deskId: string, minute: number): QueueCommand => ({ type: 'closeDesk', now: at(minute), deskId });
export const pauseDesk = (deskId: string, minute: number, reason: PauseReason = 'break', note: string | null = null): QueueCommand => ({
  type: 'pauseDesk', now: at(minute), deskId, reason, note,
});
export const resumeDesk = (deskId: string, minute: number): QueueCommand => ({ type: 'resumeDesk', now: at(minute), deskId });
export const callNext = (deskId: string, minute: number): QueueCommand => ({ type: 'callNext', now: at(minute), deskId });
export const callTicket = (deskId: string, ticketId: string, minute: number): QueueCommand => ({ type: 'callTicket', now: at(minute), deskId, ticketId });
export const recall = (deskId: string, ticketId: string, minute: number): QueueCommand => ({ type: 'recall', now: at(minute), deskId, ticketId });
export const markNoShow = (deskId: string, ticketId: string, minute: number): QueueCommand => ({ type: 'markNoShow', now: at(minute), deskId, ticketId });
export const reinstate = (ticketId: string, position: Position, minute: number): QueueCommand => ({ type: 'reinstate', now: at(minute), ticketId, position });
export const start = (deskId: string, ticketId: string, minute: number): QueueCommand => ({ type: 'startService', now: at(minute), deskId, ticketId });
export const park = (deskId: string, ticketId: string, minute: number): QueueCommand => ({ type: 'park', now: at(minute), deskId, ticketId });
export const finish = (deskId: string, ticketId: string, minute: number, outcome: FinishOutcome = 'done', note: string | null = null): QueueCommand => ({
  type: 'finishService', now: at(minute), deskId, ticketId, outcome, note,
});
export const transfer = (
  deskId: string,
  ticketId: string,
  to: { serviceId: string } | { deskId: string },
  position: Position,
  minute: number,
): QueueCommand => ({ type: 'transfer', now: at(minute), deskId, ticketId, to, position });
export const cancel = (ticketId: string, minute: number, deskId: string | null = null): QueueCommand => ({ type: 'cancel', now: at(minute), ticketId, deskId });
export const closeDay = (minute: number): QueueCommand => ({ type: 'closeDay', now: at(minute) });

/** Desks d1, d2 and d3 signed in at opening. */
export const allDesksOpen: QueueCommand[] = [openDesk('d1'), openDesk('d2'), openDesk('d3')];
