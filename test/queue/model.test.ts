// Model-based test of the queue domain: random sequences of kiosk and desk commands run against the
// real decide/evolve and against a small model kept here, written from design §4 rather than from the
// code. The model says which commands must be refused and which events must follow; where the domain
// has a choice (which ticket call-next picks), the model checks the choice against the rules:
//   - a ticket is held by at most one desk, and a desk holds at most one ticket;
//   - a finished or cancelled ticket is never called again, and no ticket is called twice without
//     being put back in between (transfer, reinstate, park);
//   - call-next keeps the order of each line and class: it never skips an earlier ticket of the same
//     line (a service's queue, or the tickets sent to one desk) and the same class (priority or not);
//   - priority first, but never more than maxPriorityStreak priority call-nexts in a row at a desk
//     while a normal ticket waited for it, and never past a normal ticket that waited the limit;
//   - call-next finds a ticket whenever one waits for the desk;
//   - ticket numbers never repeat within a day, and count per service from 1 each day.
// Lines are lists here: "first" goes to the front and "last" to the back, where the domain uses ranks.
// Every command takes at least a second, so no two tickets are ever put in a line at the same instant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decide, emptyState, evolveAll, QueueRefusal } from '../../server/queue/index.js';
import type { FinishOutcome, Position, PriorityGroup, QueueCommand, QueueEvent, QueueRules, QueueState, ServiceRules } from '../../server/queue/index.js';
import { assertEventsMatch, type ExpectedEvent } from './given.js';

const POLICY = { maxPriorityStreak: 2, normalWaitLimitMinutes: 20, noShowGraceSeconds: 60, counterDigits: 1 };
const SERVICES: ServiceRules[] = [
  { id: 'A', prefix: '1', active: true, priorityGroups: ['elderly', 'disabled'] },
  { id: 'B', prefix: '2', active: true, priorityGroups: ['veteran'] },
  { id: 'C', prefix: '3', active: true, priorityGroups: [] },
];
const DESKS = [
  { id: 'd1', services: ['A', 'B'] },
  { id: 'd2', services: ['B', 'C'] },
  { id: 'd3', services: ['C', 'A'] },
];
const RULES: QueueRules = { policy: POLICY, services: new Map(SERVICES.map((s) => [s.id, s])), timeZone: 'Asia/Tehran' };
const PRIORITY_GROUPS: PriorityGroup[] = ['elderly', 'disabled', 'veteran', 'pregnant'];
const STAFF = ['s1', 's2'];
/** 2026-11-22 00:00 in Tehran; runs start somewhere in that day, some late enough to cross midnight. */
const MIDNIGHT = Date.UTC(2026, 10, 21, 20, 30);

type Status = 'waiting' | 'called' | 'serving' | 'parked' | 'no_show' | 'done' | 'cancelled';

interface ModelTicket {
  id: string;
  service: string;
  priority: boolean;
  status: Status;
  /** The desk holding it (called, serving) or that parked it. */
  desk: string | null;
  /** The desk it was sent to, while it waits for that desk only. */
  sentTo: string | null;
  day: string;
  issuedAt: number;
  startedAt: number | null;
  /** The latest call or recall: the grace time and an unstarted visit's service time count from it. */
  lastSummonedAt: number;
  recalls: number;
  /** False from a call until the ticket is put back: a second call in between would be a double call. */
  mayBeCalled: boolean;
}

/** What a command aims at: a ticket the model knows, or one that never existed. */
type Target = ModelTicket | { id: string; status: 'unknown' };

interface ModelDesk {
  id: string;
  services: string[];
  open: boolean;
  staff: string | null;
  paused: boolean;
  holding: string | null;
  /** Priority call-nexts in a row (design: "after N priority calls in a row … the normal ticket goes"). */
  priorityCalls: number;
  /** Priority call-nexts in a row, each made while a normal ticket waited for this desk. */
  priorityCallsOverNormal: number;
}

class Model {
  now: number;
  readonly tickets: ModelTicket[] = [];
  readonly byId = new Map<string, ModelTicket>();
  readonly desks = new Map<string, ModelDesk>(
    DESKS.map((d) => [d.id, { id: d.id, services: d.services, open: false, staff: null, paused: false, holding: null, priorityCalls: 0, priorityCallsOverNormal: 0 }]),
  );
  /** Waiting tickets per line, front first: `service:A`, or `desk:d2` for tickets sent to a desk. */
  readonly lines = new Map<string, string[]>();
  readonly issuedPerDay = new Map<string, { numbers: Set<string>; perService: Map<string, number> }>();
  private nextId = 1;

  constructor(start: number) {
    this.now = start;
  }

  /** Tehran keeps UTC+03:30 all year since 2022; the model does not ask Intl. */
  today(): string {
    return new Date(this.now + 3.5 * 3_600_000).toISOString().slice(0, 10);
  }

  newTicketId(): string {
    return `t${this.nextId++}`;
  }

  /** A ticket chosen by a generated index, or a ticket that never existed when there are none. */
  pick(index: number): Target {
    if (this.tickets.length === 0) return { id: 'ghost', status: 'unknown' };
    return this.tickets[index % this.tickets.length] ?? { id: 'ghost', status: 'unknown' };
  }

  desk(index: number): ModelDesk {
    const desk = this.desks.get(DESKS[index % DESKS.length]!.id);
    assert.ok(desk);
    return desk;
  }

  /** For commands on a desk's own ticket: a desk holding one when there is any, so they seldom miss. */
  busyDesk(index: number): ModelDesk {
    const busy = [...this.desks.values()].filter((d) => d.holding !== null);
    return busy[index % Math.max(1, busy.length)] ?? this.desk(index);
  }

  /** A no-show when there is any, for reinstating; else any ticket. */
  pickNoShow(index: number): Target {
    const noShows = this.tickets.filter((t) => t.status === 'no_show');
    return noShows[index % Math.max(1, noShows.length)] ?? this.pick(index);
  }

  lineOf(ticket: ModelTicket): string {
    return ticket.sentTo ? `desk:${ticket.sentTo}` : `service:${ticket.service}`;
  }

  enterLine(ticket: ModelTicket, position: Position): void {
    const key = this.lineOf(ticket);
    const line = this.lines.get(key) ?? [];
    if (position === 'first') line.unshift(ticket.id);
    else line.push(ticket.id);
    this.lines.set(key, line);
  }

  leaveLine(ticket: ModelTicket): void {
    const line = this.lines.get(this.lineOf(ticket)) ?? [];
    const i = line.indexOf(ticket.id);
    assert.ok(i >= 0, `model: ${ticket.id} is not in its line`);
    line.splice(i, 1);
  }

  /** Waiting tickets this desk may call: those sent to it and those of its services' queues. */
  candidates(desk: ModelDesk): ModelTicket[] {
    return this.tickets.filter((t) => t.status === 'waiting' && (t.sentTo === desk.id || (t.sentTo === null && desk.services.includes(t.service))));
  }
}

interface Real {
  state: QueueState;
}

type Outcome = { events: QueueEvent[] } | { refusal: QueueRefusal };

function execute(real: Real, command: QueueCommand): Outcome {
  try {
    const events = decide(command, real.state);
    evolveAll(real.state, events);
    return { events };
  } catch (error) {
    if (error instanceof QueueRefusal) return { refusal: error };
    throw error;
  }
}

/** The command must be refused, for one of the reasons the model sees. */
function assertRefused(outcome: Outcome, reasons: string[], what: string): void {
  if (!('refusal' in outcome)) return assert.fail(`${what}: expected a refusal (${reasons.join(' or ')}), got ${JSON.stringify(outcome.events)}`);
  assert.ok(reasons.includes(outcome.refusal.code), `${what}: refused with ${outcome.refusal.code}, expected ${reasons.join(' or ')}`);
}

function assertAccepted(outcome: Outcome, what: string): QueueEvent[] {
  if ('refusal' in outcome) return assert.fail(`${what}: refused with ${outcome.refusal.code} (${outcome.refusal.message}), the model allows it`);
  return outcome.events;
}

/** Runs `command`; refusal expected when the model has reasons, otherwise events matching `expected`. */
function expectOutcome(real: Real, command: QueueCommand, reasons: string[], expected: () => ExpectedEvent[], what: string): boolean {
  const outcome = execute(real, command);
  if (reasons.length > 0) {
    assertRefused(outcome, reasons, what);
    return false;
  }
  assertEventsMatch(assertAccepted(outcome, what), expected());
  return true;
}

/** Why a desk may not act on a ticket it should hold in one of `allowed` states. */
function heldReasons(desk: ModelDesk, ticket: Target, allowed: Status[]): string[] {
  if (!desk.open) return ['desk_not_open'];
  if (!('desk' in ticket) || ticket.status === 'done' || ticket.status === 'cancelled') return ['unknown_ticket'];
  const reasons: string[] = [];
  if (!allowed.includes(ticket.status)) reasons.push('invalid_state');
  if (ticket.desk !== desk.id) reasons.push('not_your_ticket');
  return reasons;
}

/** The desk and ticket a command on a held ticket acts on: the ticket a busy desk holds, or any desk and ticket. */
function deskAndTicket(model: Model, deskIndex: number, target: number | 'held'): [ModelDesk, Target] {
  if (target !== 'held') return [model.desk(deskIndex), model.pick(target)];
  const desk = model.busyDesk(deskIndex);
  return [desk, (desk.holding && model.byId.get(desk.holding)) || model.pick(deskIndex)];
}

function finishHeld(model: Model, desk: ModelDesk, outcome: FinishOutcome, note: string | null = null): ExpectedEvent {
  const ticket = model.byId.get(desk.holding ?? '');
  assert.ok(ticket);
  const since = ticket.startedAt ?? ticket.lastSummonedAt;
  return { type: 'ticket.finished', ticketId: ticket.id, deskId: desk.id, outcome, note, serviceSeconds: (model.now - since) / 1000 };
}

function endTicket(model: Model, ticket: ModelTicket, status: 'done' | 'cancelled'): void {
  if (ticket.status === 'waiting') model.leaveLine(ticket);
  if (ticket.desk) {
    const desk = model.desks.get(ticket.desk);
    if (desk?.holding === ticket.id) desk.holding = null;
  }
  ticket.status = status;
  ticket.desk = null;
}

/** The model's side of a call: the ticket leaves its line and the desk holds it. */
function callInModel(model: Model, desk: ModelDesk, ticket: ModelTicket): void {
  assert.ok(ticket.mayBeCalled, `${ticket.id} called twice without being put back in between`);
  assert.ok(ticket.status === 'waiting' || ticket.status === 'parked', `${ticket.id} called while ${ticket.status}`);
  if (ticket.status === 'waiting') model.leaveLine(ticket);
  ticket.status = 'called';
  ticket.desk = desk.id;
  ticket.sentTo = null;
  ticket.lastSummonedAt = model.now;
  ticket.startedAt = null;
  ticket.recalls = 0;
  ticket.mayBeCalled = false;
  desk.holding = ticket.id;
}

abstract class Step implements fc.Command<Model, Real> {
  check(): boolean {
    return true;
  }
  run(model: Model, real: Real): void {
    model.now += 1000;
    this.apply(model, real);
    checkInvariants(model, real);
  }
  abstract apply(model: Model, real: Real): void;
  abstract toString(): string;
}

class AdvanceClock extends Step {
  constructor(readonly minutes: number) {
    super();
  }
  apply(model: Model): void {
    model.now += this.minutes * 60_000;
  }
  toString(): string {
    return `advance(${this.minutes} min)`;
  }
}

/** A visitor's priority group: none, one the service accepts (none if it accepts none), or any group at all. */
type GroupChoice = { kind: 'none' } | { kind: 'accepted' | 'any'; index: number };

class Issue extends Step {
  readonly group: PriorityGroup | null;
  constructor(readonly service: number, choice: GroupChoice) {
    super();
    const accepted = SERVICES[service % SERVICES.length]!.priorityGroups;
    const pool = choice.kind === 'any' ? PRIORITY_GROUPS : accepted;
    this.group = choice.kind === 'none' ? null : (pool[choice.index % Math.max(1, pool.length)] ?? null);
  }
  apply(model: Model, real: Real): void {
    const service = SERVICES[this.service % SERVICES.length]!;
    const id = model.newTicketId();
    const reasons = this.group && !service.priorityGroups.includes(this.group) ? ['priority_not_allowed'] : [];
    const day = model.today();
    const issued = model.issuedPerDay.get(day) ?? { numbers: new Set<string>(), perService: new Map<string, number>() };
    model.issuedPerDay.set(day, issued);
    const counter = (issued.perService.get(service.id) ?? 0) + 1;
    const number = service.prefix + String(counter).padStart(POLICY.counterDigits, '0');
    const command: QueueCommand = { type: 'issueTicket', now: model.now, ticketId: id, serviceId: service.id, priorityGroup: this.group };
    const accepted = expectOutcome(real, command, reasons, () => [
      { type: 'ticket.issued', ticketId: id, serviceId: service.id, counter, number, day, priorityGroup: this.group },
    ], this.toString());
    if (!accepted) return;
    assert.ok(!issued.numbers.has(number), `number ${number} issued twice on ${day}`);
    issued.numbers.add(number);
    issued.perService.set(service.id, counter);
    const ticket: ModelTicket = {
      id, service: service.id, priority: this.group !== null, status: 'waiting', desk: null, sentTo: null, day, issuedAt: model.now,
      startedAt: null, lastSummonedAt: 0, recalls: 0, mayBeCalled: true,
    };
    model.tickets.push(ticket);
    model.byId.set(id, ticket);
    model.enterLine(ticket, 'last');
  }
  toString(): string {
    return `issue(${SERVICES[this.service % SERVICES.length]!.id}, ${this.group})`;
  }
}

class OpenDesk extends Step {
  constructor(readonly desk: number, readonly staff: number) {
    super();
  }
  apply(model: Model, real: Real): void {
    const desk = model.desk(this.desk);
    const staff = STAFF[this.staff % STAFF.length]!;
    const same = desk.open && desk.staff === staff;
    expectOutcome(real, { type: 'openDesk', now: model.now, deskId: desk.id, staffId: staff }, [], () => (same ? [] : [{ type: 'desk.opened', deskId: desk.id, staffId: staff }]), this.toString());
    desk.open = true;
    desk.staff = staff;
  }
  toString(): string {
    return `openDesk(${DESKS[this.desk % DESKS.length]!.id}, ${STAFF[this.staff % STAFF.length]})`;
  }
}

class CallNext extends Step {
  constructor(readonly desk: number) {
    super();
  }
  apply(model: Model, real: Real): void {
    const desk = model.desk(this.desk);
    const held = desk.holding ? model.byId.get(desk.holding) : undefined;
    const command: QueueCommand = { type: 'callNext', now: model.now, deskId: desk.id };
    const reasons = !desk.open ? ['desk_not_open'] : desk.paused ? ['desk_paused'] : held?.status === 'called' ? ['desk_busy'] : [];
    const outcome = execute(real, command);
    if (reasons.length > 0) return assertRefused(outcome, reasons, this.toString());
    const events = assertAccepted(outcome, this.toString());
    const expectedFinish: ExpectedEvent[] = held ? [finishHeld(model, desk, 'done')] : [];
    assertEventsMatch(events.slice(0, expectedFinish.length), expectedFinish);
    if (held) endTicket(model, held, 'done');

    const candidates = model.candidates(desk);
    const calls = events.slice(expectedFinish.length);
    if (candidates.length === 0) {
      assert.deepEqual(calls, [], 'call-next called a ticket the model does not see waiting for this desk');
      return;
    }
    assert.equal(calls.length, 1, `call-next yielded no call although ${candidates.map((t) => t.id).join(', ')} wait for ${desk.id}`);
    const call = calls[0]!;
    assert.ok(call.type === 'ticket.called' && call.deskId === desk.id && call.how === 'next', `unexpected ${JSON.stringify(call)}`);
    const ticket = candidates.find((t) => t.id === call.ticketId);
    assert.ok(ticket, `call-next at ${desk.id} picked ${call.ticketId}, which is not a candidate there`);

    const line = model.lines.get(model.lineOf(ticket)) ?? [];
    const skipped = line.slice(0, line.indexOf(ticket.id)).map((id) => model.byId.get(id)!).filter((t) => t.priority === ticket.priority);
    assert.deepEqual(skipped.map((t) => t.id), [], `call-next at ${desk.id} took ${ticket.id} past earlier tickets of its line and class`);

    const normals = candidates.filter((t) => !t.priority);
    const priorities = candidates.filter((t) => t.priority);
    const longestNormal = Math.max(0, ...normals.map((t) => model.now - t.issuedAt));
    const longestPriority = Math.max(0, ...priorities.map((t) => model.now - t.issuedAt));
    const normalOverdue = longestNormal >= POLICY.normalWaitLimitMinutes * 60_000 && longestNormal >= longestPriority;
    const normalIsDue = desk.priorityCalls >= POLICY.maxPriorityStreak || normalOverdue;
    if (ticket.priority && normals.length > 0) {
      assert.ok(!normalIsDue, `call-next at ${desk.id} took priority ${ticket.id} although a normal ticket was due`);
    }
    if (!ticket.priority && priorities.length > 0) {
      assert.ok(normalIsDue, `call-next at ${desk.id} took normal ${ticket.id} before priority ${priorities.map((t) => t.id).join(', ')}`);
    }
    desk.priorityCalls = ticket.priority ? desk.priorityCalls + 1 : 0;
    desk.priorityCallsOverNormal = ticket.priority && normals.length > 0 ? desk.priorityCallsOverNormal + 1 : 0;
    assert.ok(desk.priorityCallsOverNormal <= POLICY.maxPriorityStreak, `${desk.id}: ${desk.priorityCallsOverNormal} priority calls in a row while a normal ticket waited`);
    callInModel(model, desk, ticket);
  }
  toString(): string {
    return `callNext(${DESKS[this.desk % DESKS.length]!.id})`;
  }
}

class CallTicket extends Step {
  constructor(readonly desk: number, readonly ticket: number) {
    super();
  }
  apply(model: Model, real: Real): void {
    const desk = model.desk(this.desk);
    const ticket = model.pick(this.ticket);
    const held = desk.holding ? model.byId.get(desk.holding) : undefined;
    const reasons: string[] = [];
    if (!desk.open) reasons.push('desk_not_open');
    else if (desk.paused) reasons.push('desk_paused');
    else if (!('desk' in ticket) || ticket.status === 'done' || ticket.status === 'cancelled') reasons.push('unknown_ticket');
    else {
      if (ticket.status === 'waiting' && !(ticket.sentTo === desk.id || (ticket.sentTo === null && desk.services.includes(ticket.service)))) reasons.push('not_in_workprofile');
      if (ticket.status === 'parked' && ticket.desk !== desk.id && !desk.services.includes(ticket.service)) reasons.push('not_in_workprofile');
      if (ticket.status !== 'waiting' && ticket.status !== 'parked') reasons.push('invalid_state');
      if (held?.status === 'called') reasons.push('desk_busy');
    }
    const command: QueueCommand = { type: 'callTicket', now: model.now, deskId: desk.id, ticketId: ticket.id };
    const how = 'desk' in ticket && ticket.status === 'parked' ? 'call_back' : 'specific';
    const accepted = expectOutcome(real, command, reasons, () => [
      ...(held ? [finishHeld(model, desk, 'done')] : []),
      { type: 'ticket.called', ticketId: ticket.id, deskId: desk.id, how },
    ], this.toString());
    if (!accepted || !('desk' in ticket)) return;
    if (held) endTicket(model, held, 'done');
    callInModel(model, desk, ticket);
  }
  toString(): string {
    return `callTicket(${DESKS[this.desk % DESKS.length]!.id}, #${this.ticket})`;
  }
}

class Recall extends Step {
  constructor(readonly desk: number, readonly ticket: number | 'held') {
    super();
  }
  apply(model: Model, real: Real): void {
    const [desk, ticket] = deskAndTicket(model, this.desk, this.ticket);
    const reasons = heldReasons(desk, ticket, ['called']);
    const recalls = 'recalls' in ticket ? ticket.recalls + 1 : 1;
    const accepted = expectOutcome(real, { type: 'recall', now: model.now, deskId: desk.id, ticketId: ticket.id }, reasons, () => [
      { type: 'ticket.recalled', ticketId: ticket.id, deskId: desk.id, recalls },
    ], this.toString());
    if (!accepted || !('desk' in ticket)) return;
    ticket.recalls = recalls;
    ticket.lastSummonedAt = model.now;
  }
  toString(): string {
    return `recall(${this.ticket === 'held' ? `busy desk #${this.desk}` : DESKS[this.desk % DESKS.length]!.id}, ${this.ticket})`;
  }
}

class NoShow extends Step {
  constructor(readonly desk: number, readonly ticket: number | 'held') {
    super();
  }
  apply(model: Model, real: Real): void {
    const [desk, ticket] = deskAndTicket(model, this.desk, this.ticket);
    const reasons = heldReasons(desk, ticket, ['called']);
    if (reasons.length === 0 && 'desk' in ticket) {
      if (ticket.recalls === 0) reasons.push('recall_first');
      else if (model.now - ticket.lastSummonedAt < POLICY.noShowGraceSeconds * 1000) reasons.push('grace_not_over');
    }
    const accepted = expectOutcome(real, { type: 'markNoShow', now: model.now, deskId: desk.id, ticketId: ticket.id }, reasons, () => [
      { type: 'ticket.no_show', ticketId: ticket.id, deskId: desk.id },
    ], this.toString());
    if (!accepted || !('desk' in ticket)) return;
    ticket.status = 'no_show';
    ticket.desk = null;
    desk.holding = null;
  }
  toString(): string {
    return `noShow(${this.ticket === 'held' ? `busy desk #${this.desk}` : DESKS[this.desk % DESKS.length]!.id}, ${this.ticket})`;
  }
}

class Start extends Step {
  constructor(readonly desk: number, readonly ticket: number | 'held') {
    super();
  }
  apply(model: Model, real: Real): void {
    const [desk, ticket] = deskAndTicket(model, this.desk, this.ticket);
    const reasons = heldReasons(desk, ticket, ['called']);
    const accepted = expectOutcome(real, { type: 'startService', now: model.now, deskId: desk.id, ticketId: ticket.id }, reasons, () => [
      { type: 'ticket.started', ticketId: ticket.id, deskId: desk.id },
    ], this.toString());
    if (!accepted || !('desk' in ticket)) return;
    ticket.status = 'serving';
    ticket.startedAt = model.now;
  }
  toString(): string {
    return `start(${this.ticket === 'held' ? `busy desk #${this.desk}` : DESKS[this.desk % DESKS.length]!.id}, ${this.ticket})`;
  }
}

class Park extends Step {
  constructor(readonly desk: number, readonly ticket: number | 'held') {
    super();
  }
  apply(model: Model, real: Real): void {
    const [desk, ticket] = deskAndTicket(model, this.desk, this.ticket);
    const reasons = heldReasons(desk, ticket, ['called', 'serving']);
    const accepted = expectOutcome(real, { type: 'park', now: model.now, deskId: desk.id, ticketId: ticket.id }, reasons, () => [
      { type: 'ticket.parked', ticketId: ticket.id, deskId: desk.id },
    ], this.toString());
    if (!accepted || !('desk' in ticket)) return;
    ticket.status = 'parked';
    ticket.mayBeCalled = true;
    desk.holding = null;
  }
  toString(): string {
    return `park(${this.ticket === 'held' ? `busy desk #${this.desk}` : DESKS[this.desk % DESKS.length]!.id}, ${this.ticket})`;
  }
}

class Finish extends Step {
  constructor(readonly desk: number, readonly ticket: number | 'held', readonly outcome: FinishOutcome) {
    super();
  }
  apply(model: Model, real: Real): void {
    const [desk, ticket] = deskAndTicket(model, this.desk, this.ticket);
    const reasons = heldReasons(desk, ticket, ['called', 'serving']);
    const command: QueueCommand = { type: 'finishService', now: model.now, deskId: desk.id, ticketId: ticket.id, outcome: this.outcome, note: null };
    const accepted = expectOutcome(real, command, reasons, () => [finishHeld(model, desk, this.outcome)], this.toString());
    if (!accepted || !('desk' in ticket)) return;
    endTicket(model, ticket, 'done');
  }
  toString(): string {
    return `finish(${this.ticket === 'held' ? `busy desk #${this.desk}` : DESKS[this.desk % DESKS.length]!.id}, ${this.ticket}, ${this.outcome})`;
  }
}

class Transfer extends Step {
  constructor(readonly desk: number, readonly ticket: number | 'held', readonly to: { service: number } | { desk: number }, readonly position: Position) {
    super();
  }
  apply(model: Model, real: Real): void {
    const [desk, ticket] = deskAndTicket(model, this.desk, this.ticket);
    const to = 'service' in this.to ? { serviceId: SERVICES[this.to.service % SERVICES.length]!.id } : { deskId: model.desk(this.to.desk).id };
    const reasons = heldReasons(desk, ticket, ['called', 'serving']);
    if (reasons.length === 0 && 'deskId' in to && to.deskId === desk.id) reasons.push('same_target');
    const service = 'serviceId' in to ? to.serviceId : 'service' in ticket ? ticket.service : '';
    const sentTo = 'deskId' in to ? to.deskId : null;
    const command: QueueCommand = { type: 'transfer', now: model.now, deskId: desk.id, ticketId: ticket.id, to, position: this.position };
    const accepted = expectOutcome(real, command, reasons, () => [
      { type: 'ticket.transferred', ticketId: ticket.id, fromDeskId: desk.id, serviceId: service, targetDeskId: sentTo },
    ], this.toString());
    if (!accepted || !('desk' in ticket)) return;
    Object.assign(ticket, { status: 'waiting', service, sentTo, desk: null, startedAt: null, recalls: 0, mayBeCalled: true });
    model.enterLine(ticket, this.position);
    desk.holding = null;
  }
  toString(): string {
    const to = 'service' in this.to ? SERVICES[this.to.service % SERVICES.length]!.id : DESKS[this.to.desk % DESKS.length]!.id;
    return `transfer(${this.ticket === 'held' ? `busy desk #${this.desk}` : DESKS[this.desk % DESKS.length]!.id}, ${this.ticket}, → ${to}, ${this.position})`;
  }
}

class Cancel extends Step {
  constructor(readonly ticket: number) {
    super();
  }
  apply(model: Model, real: Real): void {
    const ticket = model.pick(this.ticket);
    const reasons = !('desk' in ticket) || ticket.status === 'done' || ticket.status === 'cancelled'
      ? ['unknown_ticket']
      : ticket.status !== 'waiting' && ticket.status !== 'parked' ? ['invalid_state'] : [];
    const accepted = expectOutcome(real, { type: 'cancel', now: model.now, ticketId: ticket.id, deskId: null }, reasons, () => [
      { type: 'ticket.cancelled', ticketId: ticket.id, reason: 'staff' },
    ], this.toString());
    if (!accepted || !('desk' in ticket)) return;
    endTicket(model, ticket, 'cancelled');
  }
  toString(): string {
    return `cancel(#${this.ticket})`;
  }
}

class Reinstate extends Step {
  constructor(readonly ticket: number, readonly position: Position) {
    super();
  }
  apply(model: Model, real: Real): void {
    const ticket = model.pickNoShow(this.ticket);
    const reasons = !('desk' in ticket) || ticket.status === 'done' || ticket.status === 'cancelled'
      ? ['unknown_ticket']
      : ticket.status !== 'no_show' ? ['invalid_state'] : ticket.day !== model.today() ? ['not_same_day'] : [];
    const accepted = expectOutcome(real, { type: 'reinstate', now: model.now, ticketId: ticket.id, position: this.position }, reasons, () => [
      { type: 'ticket.reinstated', ticketId: ticket.id },
    ], this.toString());
    if (!accepted || !('desk' in ticket)) return;
    Object.assign(ticket, { status: 'waiting', sentTo: null, recalls: 0, mayBeCalled: true });
    model.enterLine(ticket, this.position);
  }
  toString(): string {
    return `reinstate(#${this.ticket}, ${this.position})`;
  }
}

class Pause extends Step {
  constructor(readonly desk: number) {
    super();
  }
  apply(model: Model, real: Real): void {
    const desk = model.desk(this.desk);
    const accepted = expectOutcome(real, { type: 'pauseDesk', now: model.now, deskId: desk.id, reason: 'break', note: null }, desk.open ? [] : ['desk_not_open'], () => [
      { type: 'desk.paused', deskId: desk.id, reason: 'break' },
    ], this.toString());
    if (accepted) desk.paused = true;
  }
  toString(): string {
    return `pause(${DESKS[this.desk % DESKS.length]!.id})`;
  }
}

class Resume extends Step {
  constructor(readonly desk: number) {
    super();
  }
  apply(model: Model, real: Real): void {
    const desk = model.desk(this.desk);
    const accepted = expectOutcome(real, { type: 'resumeDesk', now: model.now, deskId: desk.id }, desk.open ? [] : ['desk_not_open'], () =>
      desk.paused ? [{ type: 'desk.resumed', deskId: desk.id }] : [], this.toString());
    if (accepted) desk.paused = false;
  }
  toString(): string {
    return `resume(${DESKS[this.desk % DESKS.length]!.id})`;
  }
}

const statusInState: Record<Status, string | null> = {
  waiting: 'issued', called: 'called', serving: 'serving', parked: 'parked', no_show: 'no_show', done: null, cancelled: null,
};

function checkInvariants(model: Model, real: Real): void {
  const { state } = real;
  const holders = new Map<string, string>();
  for (const desk of state.desks.values()) {
    const modelDesk = model.desks.get(desk.id);
    assert.ok(modelDesk);
    assert.equal(desk.currentTicketId, modelDesk.holding, `${desk.id} holds ${desk.currentTicketId}, the model says ${modelDesk.holding}`);
    assert.equal(desk.open, modelDesk.open);
    assert.equal(desk.pause !== null, modelDesk.paused);
    if (!desk.currentTicketId) continue;
    const other = holders.get(desk.currentTicketId);
    assert.equal(other, undefined, `${desk.currentTicketId} is held by ${other} and ${desk.id}`);
    holders.set(desk.currentTicketId, desk.id);
    const ticket = state.tickets.get(desk.currentTicketId);
    assert.ok(ticket && (ticket.status === 'called' || ticket.status === 'serving') && ticket.deskId === desk.id, `${desk.id} holds ${desk.currentTicketId}, which is not with it`);
  }
  for (const ticket of state.tickets.values()) {
    if (ticket.status === 'called' || ticket.status === 'serving') {
      assert.equal(holders.get(ticket.id), ticket.deskId, `${ticket.id} is ${ticket.status} but no desk holds it`);
    }
  }
  for (const ticket of model.tickets) {
    const inState = state.tickets.get(ticket.id);
    assert.equal(inState?.status ?? null, statusInState[ticket.status], `${ticket.id}: state says ${inState?.status}, the model ${ticket.status}`);
    if (inState && ticket.status === 'waiting') {
      assert.equal(inState.serviceId, ticket.service);
      assert.equal(inState.targetDeskId, ticket.sentTo);
    }
  }
  assert.equal(state.tickets.size, model.tickets.filter((t) => statusInState[t.status] !== null).length, 'the state holds tickets the model does not know');
}

/** d1 and d2 are signed in when the run starts; d3 waits for an openDesk command. */
function openAtStart(model: Model, state: QueueState): { model: Model; real: Real } {
  for (const deskId of ['d1', 'd2']) {
    evolveAll(state, decide({ type: 'openDesk', now: model.now, deskId, staffId: 's1' }, state));
    Object.assign(model.desks.get(deskId) ?? {}, { open: true, staff: 's1' });
  }
  return { model, real: { state } };
}

const deskIndex = fc.nat({ max: DESKS.length - 1 });
const ticketIndex = fc.nat({ max: 40 });
const heldOrAny = fc.oneof({ weight: 4, arbitrary: fc.constant<'held'>('held') }, { weight: 1, arbitrary: ticketIndex });
const position = fc.constantFrom<Position>('first', 'last');
const groupChoice: fc.Arbitrary<GroupChoice> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<GroupChoice>({ kind: 'none' }) },
  { weight: 3, arbitrary: fc.nat({ max: 3 }).map((index): GroupChoice => ({ kind: 'accepted', index })) },
  { weight: 1, arbitrary: fc.nat({ max: 3 }).map((index): GroupChoice => ({ kind: 'any', index })) },
);
/** Mostly a few minutes between commands, sometimes a long lull (past the wait limit, or past midnight). */
const minutes = fc.oneof({ weight: 5, arbitrary: fc.nat({ max: 4 }) }, { weight: 1, arbitrary: fc.nat({ max: 120 }) });

const commands = fc.commands(
  [
    minutes.map((m) => new AdvanceClock(m)),
    minutes.map((m) => new AdvanceClock(m)),
    fc.tuple(fc.nat({ max: SERVICES.length - 1 }), groupChoice).map(([s, g]) => new Issue(s, g)),
    fc.tuple(fc.nat({ max: SERVICES.length - 1 }), groupChoice).map(([s, g]) => new Issue(s, g)),
    fc.tuple(fc.nat({ max: SERVICES.length - 1 }), groupChoice).map(([s, g]) => new Issue(s, g)),
    fc.tuple(deskIndex, fc.nat({ max: STAFF.length - 1 })).map(([d, s]) => new OpenDesk(d, s)),
    deskIndex.map((d) => new CallNext(d)),
    deskIndex.map((d) => new CallNext(d)),
    deskIndex.map((d) => new CallNext(d)),
    fc.tuple(deskIndex, ticketIndex).map(([d, t]) => new CallTicket(d, t)),
    fc.tuple(deskIndex, heldOrAny).map(([d, t]) => new Recall(d, t)),
    fc.tuple(deskIndex, heldOrAny).map(([d, t]) => new Recall(d, t)),
    fc.tuple(deskIndex, heldOrAny).map(([d, t]) => new NoShow(d, t)),
    fc.tuple(deskIndex, heldOrAny).map(([d, t]) => new NoShow(d, t)),
    fc.tuple(deskIndex, heldOrAny).map(([d, t]) => new Start(d, t)),
    fc.tuple(deskIndex, heldOrAny).map(([d, t]) => new Park(d, t)),
    fc.tuple(deskIndex, heldOrAny, fc.constantFrom<FinishOutcome>('done', 'referred', 'incomplete_documents')).map(([d, t, o]) => new Finish(d, t, o)),
    fc.tuple(deskIndex, heldOrAny, fc.oneof(fc.record({ service: fc.nat({ max: SERVICES.length - 1 }) }), fc.record({ desk: deskIndex })), position)
      .map(([d, t, to, p]) => new Transfer(d, t, to, p)),
    ticketIndex.map((t) => new Cancel(t)),
    fc.tuple(ticketIndex, position).map(([t, p]) => new Reinstate(t, p)),
    fc.tuple(ticketIndex, position).map(([t, p]) => new Reinstate(t, p)),
    fc.tuple(deskIndex, fc.nat({ max: 2 })).map(([d, n]) => (n === 0 ? new Pause(d) : new Resume(d))),
  ],
  { maxCommands: 120, size: 'max' },
);

test('random office days keep the queue rules (model-based)', () => {
  fc.assert(
    fc.property(fc.nat({ max: 24 * 60 - 1 }), commands, (startMinute, steps) => {
      const start = MIDNIGHT + startMinute * 60_000;
      fc.modelRun(() => openAtStart(new Model(start), emptyState(RULES, DESKS)), steps);
    }),
    { numRuns: 2500 },
  );
});
