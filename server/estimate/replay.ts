// Replays an office-day trace through the real queue domain in virtual time: commands go through
// decide, events through evolve and the history, desks call by the product's own policy, and every
// estimator is asked at each issue. A day replays in milliseconds. Rules: test/fixtures/traces/README.md.
import { decide } from '../queue/decide.js';
import { emptyState, evolve } from '../queue/evolve.js';
import type { PriorityGroup, QueueCommand, QueueEvent, QueuePolicy, QueueRules, QueueState, ServiceRules } from '../queue/types.js';
import { instantAtLocal } from '../time/zoned.js';
import { Agenda } from './agenda.js';
import { ServiceHistory } from './history.js';
import { lesEstimator } from './les.js';
import { createNobatEstimator } from './nobat.js';
import { qlEstimator } from './ql.js';
import { scoreRows, type ScoreRow } from './score.js';
import { parseTrace, type TraceArrival, type TraceLine, type TraceOffice } from './trace.js';
import { keptPromise, newTicketSituation, waitPromise, type WaitPromiseView } from './promise.js';
import type { Estimator, WaitEstimate } from './types.js';

export interface ReplayRow {
  visitor: string;
  service: string;
  priorityGroup: PriorityGroup | null;
  /** Seconds since opening. */
  issuedAt: number;
  /** Seconds since opening of the first call; null only if no desk ever served the service. */
  calledAt: number | null;
  waitSeconds: number | null;
  outcome: 'served' | 'no_show' | 'not_called';
  /** Each estimator's point estimate at issue, in seconds. */
  estimates: Record<string, number>;
  /** The range of each estimator that gives one, in seconds. */
  ranges: Record<string, { low: number; high: number }>;
}

export interface ReplayResult {
  office: TraceOffice;
  visitors: ReplayRow[];
  scores: ScoreRow[];
  /** Every domain event of the day, in order: what a server would have committed. */
  events: QueueEvent[];
}

export interface ReplayOptions {
  /** Estimators to ask at each issue; the product's and the two baselines by default. */
  estimators?: readonly Estimator[];
  policy?: Partial<QueuePolicy>;
}

export const DEFAULT_POLICY: QueuePolicy = { maxPriorityStreak: 3, normalWaitLimitMinutes: 30, noShowGraceSeconds: 60, counterDigits: 3 };

type Step = { kind: 'finish' | 'noShow'; deskId: string; ticketId: string } | { kind: 'free'; deskId: string };

export function defaultEstimators(): Estimator[] {
  return [createNobatEstimator(), qlEstimator, lesEstimator];
}

export function replayTrace(lines: string | readonly (string | TraceLine)[], options: ReplayOptions = {}): ReplayResult {
  const { office, events: traceEvents } = parseTrace(lines);
  const estimators = options.estimators ?? defaultEstimators();
  const rules = rulesFor(office, options.policy);
  const state = emptyState(rules, office.desks);
  const history = new ServiceHistory({ timeZone: office.tz });
  const opening = openingInstant(office);
  const at = (t: number) => opening + Math.round(t * 1000);
  const log: QueueEvent[] = [];
  const rows = new Map<string, ReplayRow>();
  const arrivals = new Map<string, TraceArrival>();
  const idle = new Set<string>();
  /** Desks whose clerk has stepped away without pausing: signed in, calling no one. */
  const away = new Set<string>();
  const agenda = new Agenda<Step>();

  const apply = (command: QueueCommand): QueueEvent[] => {
    const events = decide(command, state);
    for (const event of events) {
      evolve(state, event);
      history.observe(event);
      log.push(event);
    }
    return events;
  };

  const dispatch = (now: number): void => {
    for (const desk of state.desks.values()) {
      if (!idle.has(desk.id) || !desk.open || desk.pause || away.has(desk.id)) continue;
      const call = apply({ type: 'callNext', now, deskId: desk.id }).find((e) => e.type === 'ticket.called');
      if (!call) continue;
      idle.delete(desk.id);
      const visitor = arrivals.get(call.ticketId)!;
      const row = rows.get(call.ticketId)!;
      row.calledAt = (now - opening) / 1000;
      row.waitSeconds = round1(call.waitedSeconds);
      if (visitor.patienceSeconds !== null && call.waitedSeconds > visitor.patienceSeconds) {
        row.outcome = 'no_show';
        apply({ type: 'recall', now, deskId: desk.id, ticketId: call.ticketId });
        agenda.schedule(now + office.recallSeconds * 1000, { kind: 'noShow', deskId: desk.id, ticketId: call.ticketId });
      } else {
        row.outcome = 'served';
        apply({ type: 'startService', now, deskId: desk.id, ticketId: call.ticketId });
        agenda.schedule(now + Math.round(visitor.serviceSeconds * 1000), { kind: 'finish', deskId: desk.id, ticketId: call.ticketId });
      }
    }
  };

  const runStep = (now: number, step: Step): void => {
    if (step.kind === 'finish') {
      apply({ type: 'finishService', now, deskId: step.deskId, ticketId: step.ticketId, outcome: 'done', note: null });
      agenda.schedule(now + office.handoverSeconds * 1000, { kind: 'free', deskId: step.deskId });
      return;
    }
    if (step.kind === 'noShow') apply({ type: 'markNoShow', now, deskId: step.deskId, ticketId: step.ticketId });
    idle.add(step.deskId);
    dispatch(now);
  };

  for (const desk of office.desks) {
    apply({ type: 'openDesk', now: opening, deskId: desk.id, staffId: `staff-${desk.id}` });
    idle.add(desk.id);
  }
  let next = 0;
  for (;;) {
    const traceAt = next < traceEvents.length ? at(traceEvents[next]!.t) : Infinity;
    if (agenda.size === 0 && traceAt === Infinity) break;
    if (agenda.peekTime() <= traceAt) {
      const due = agenda.pop()!;
      runStep(due.at, due.item);
      continue;
    }
    const event = traceEvents[next++]!;
    const now = traceAt;
    if (event.kind === 'arrive') {
      // As the server does: the promise is decided before issuing and kept with the ticket.
      const input = { state, history, now };
      const promising = estimators.find((e) => e.name === PROMISING);
      const estimate = promising?.estimateNew(input, event.service, event.priorityGroup);
      const promise = estimate ? waitPromise({ estimate, withinHours: true, ...newTicketSituation(state, event.service, event.priorityGroup) }) : null;
      apply({ type: 'issueTicket', now, ticketId: event.visitor, serviceId: event.service, priorityGroup: event.priorityGroup, promise: promise && keptPromise(promise) });
      arrivals.set(event.visitor, event);
      rows.set(event.visitor, rowAtIssue(event, estimators, input, estimate && promise ? { estimate, promise } : null));
    } else if (event.kind === 'desk') {
      const desk = state.desks.get(event.desk)!;
      if (event.state === 'closed' && !desk.pause) apply({ type: 'pauseDesk', now, deskId: event.desk, reason: 'break', note: null });
      if (event.state === 'open' && desk.pause) apply({ type: 'resumeDesk', now, deskId: event.desk });
      if (event.state === 'away') away.add(event.desk);
      if (event.state === 'open') away.delete(event.desk);
    }
    dispatch(now);
  }

  const visitors = [...rows.values()];
  return { office, visitors, scores: scoreRows(visitors, estimators), events: log };
}

/** The estimator whose range is the promise shown to the visitor (and kept with the ticket). */
const PROMISING = 'nobat';

function rowAtIssue(
  event: TraceArrival,
  estimators: readonly Estimator[],
  input: { state: QueueState; history: ServiceHistory; now: number },
  shown: { estimate: WaitEstimate; promise: WaitPromiseView } | null,
): ReplayRow {
  const row: ReplayRow = {
    visitor: event.visitor,
    service: event.service,
    priorityGroup: event.priorityGroup,
    issuedAt: event.t,
    calledAt: null,
    waitSeconds: null,
    outcome: 'not_called',
    estimates: {},
    ranges: {},
  };
  for (const estimator of estimators) {
    if (estimator.name === PROMISING && shown) {
      // Exactly what the visitor was told and the ticket keeps: the rounded range, or «soon» as its five minutes.
      const { estimate, promise } = shown;
      const kept = keptPromise(promise);
      row.estimates[estimator.name] = round1(kept?.seconds ?? estimate.seconds);
      row.ranges[estimator.name] = kept ? { low: kept.low, high: kept.high } : { low: round1(estimate.low), high: round1(estimate.high) };
      continue;
    }
    const estimate = estimator.estimate(input, event.visitor);
    row.estimates[estimator.name] = round1(estimate.seconds);
    if (estimator.ranged) row.ranges[estimator.name] = { low: round1(estimate.low), high: round1(estimate.high) };
  }
  return row;
}

function rulesFor(office: TraceOffice, policy: Partial<QueuePolicy> | undefined): QueueRules {
  const services = new Map<string, ServiceRules>(
    office.services.map((s, i) => [s.id, { id: s.id, prefix: String(i + 1), active: true, priorityGroups: ['elderly', 'disabled', 'veteran', 'pregnant'] }]),
  );
  // The domain lets a desk mark a no-show only after a grace time; the trace's recall cost is that time.
  const grace = Math.min(DEFAULT_POLICY.noShowGraceSeconds, Math.floor(office.recallSeconds));
  return { policy: { ...DEFAULT_POLICY, noShowGraceSeconds: grace, ...policy }, services, timeZone: office.tz };
}

function openingInstant(office: TraceOffice): number {
  const [year, month, day] = office.date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = office.opensAt.split(':').map(Number) as [number, number];
  return instantAtLocal(year, month, day, hours * 60 + minutes, office.tz);
}

function round1(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
