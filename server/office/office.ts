// The office at run time: the one place where a command meets the clock, the domain, the store and
// the listeners. Commands that arrive within one turn of the event loop form a batch (group
// commit): each is decided in order against the state the earlier ones left, all their events are
// written in ONE transaction (one fsync), and only after that COMMIT is any of them answered,
// observed or published. A refused command drops out of the batch alone; a failed COMMIT fails
// every command in it and puts the in-memory state back to what the store holds.
import { EventEmitter } from 'node:events';
import { QueueRefusal, refuse } from '../queue/errors.js';
import { decide, evolveAll, forgetEarlierNoShows, serviceDayOf, type QueueCommand, type QueueEvent, type QueueState } from '../queue/index.js';
import type { CommitEntry, EventStore, StoredEvent } from '../store/event-store.js';
import { restoreState } from '../store/restore.js';
import { ticketRecord } from '../store/ticket-rows.js';
import { createLogger, type Logger } from '../log.js';
import type { Clock } from './clock.js';

/** Who a command comes from; recorded with its events. */
export interface Actor {
  /** 'user:<id>', 'device:<id>', 'system' or 'demo-kiosk'. */
  id: string;
  staffId: string | null;
}

export const SYSTEM: Actor = { id: 'system', staffId: null };

/** A command without its time: the office stamps it with its own clock. */
export type CommandInput = QueueCommand extends infer C ? (C extends QueueCommand ? Omit<C, 'now'> : never) : never;

export interface Executed {
  /** The command's events as committed, with their sequence numbers. */
  events: StoredEvent[];
  /** Set when the request key had been used before: the ticket that first request concerned. */
  replayedTicketId?: string | null;
}

interface OfficeEvents {
  /** A batch's events as committed, and beside each the actor whose command caused it ('device:<id>', 'user:<id>', 'system'…). */
  committed: [StoredEvent[], readonly (string | null)[]];
}

interface Pending {
  input: CommandInput;
  actor: Actor;
  requestKey: string | undefined;
  resolve(result: Executed): void;
  reject(error: unknown): void;
}

/** What one command of a batch came to, before the batch is committed. */
type Outcome =
  | { kind: 'entry'; entry: number }
  | { kind: 'replay'; ticketId: string | null }
  | { kind: 'nothing' }
  | { kind: 'refused'; error: unknown };

export class Office extends EventEmitter<OfficeEvents> {
  private queue: Pending[] = [];

  constructor(
    readonly state: QueueState,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly observers: Array<(event: QueueEvent) => void> = [],
    private readonly log: Pick<Logger, 'error'> = createLogger(),
  ) {
    super();
  }

  now(): number {
    return this.clock();
  }

  lastSeq(): number {
    return this.store.lastSeq();
  }

  /** Events a reconnecting client missed, or null when the gap is too large and a snapshot must do. */
  missedSince(seq: number, limit = 500): StoredEvent[] | null {
    if (this.store.lastSeq() - seq > limit) return null;
    return this.store.eventsAfter(seq, limit);
  }

  /**
   * Runs one command; resolves once its events are committed, or rejects with its refusal or the
   * store's error. `requestKey`, when given, makes the command idempotent: a retried request with
   * the same key (even within the same batch) does nothing and answers with the ticket the first
   * one concerned.
   */
  execute(input: CommandInput, actor: Actor, requestKey?: string): Promise<Executed> {
    return new Promise<Executed>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.flush());
      this.queue.push({ input, actor, requestKey, resolve, reject });
    });
  }

  /**
   * An admin's configuration change is not a command of the batch: it commits in its own transaction
   * and is applied to `state.rules` and the desks at once (apply-config.ts), between turns. So every
   * command is decided here against the configuration committed before it in the event log, even one
   * sent before the change: a ticket for a service closed (inactive, or outside its hours) in the
   * same turn is refused, a call follows the desk's new workprofile, a removed desk is unknown. A
   * failed COMMIT takes back this batch's events only; the change, committed already, stands whole.
   */
  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    const entries: CommitEntry[] = [];
    const outcomes: Outcome[] = [];
    const keys = new Map<string, { command: string; ticketId: string | null }>();
    let stored: StoredEvent[][];
    try {
      for (const pending of batch) outcomes.push(this.decideInBatch(pending, entries, keys));
      stored = this.store.commitAll(entries);
    } catch (error) {
      // Events of this batch may already be evolved into the state: take it back from the store.
      this.reloadState();
      for (const pending of batch) pending.reject(error);
      return;
    }
    // Answers go out after this function returns (promise continuations), so after publishing too.
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.kind === 'refused') pending.reject(outcome.error);
      else if (outcome.kind === 'replay') pending.resolve({ events: [], replayedTicketId: outcome.ticketId });
      else pending.resolve({ events: outcome.kind === 'entry' ? stored[outcome.entry]! : [] });
    });
    this.publish(stored.flat(), stored.flatMap((events, i) => events.map(() => entries[i]!.meta.actor)));
  }

  /** Observers and listeners; one that throws is logged and does not stop the others. */
  private publish(stored: StoredEvent[], actors: (string | null)[]): void {
    if (stored.length === 0) return;
    const guarded = (run: () => void) => {
      try {
        run();
      } catch (error) {
        this.log.error('listener failed after a commit', { error: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
      }
    };
    for (const { event } of stored) for (const observe of this.observers) guarded(() => observe(event));
    guarded(() => this.emit('committed', stored, actors));
  }

  /**
   * Decides one command against the state the batch has reached so far and evolves it in. Deciding
   * never changes the state, so a command that throws there drops out alone; a failure while
   * evolving propagates and fails the batch.
   */
  private decideInBatch(pending: Pending, entries: CommitEntry[], keys: Map<string, { command: string; ticketId: string | null }>): Outcome {
    const { input, actor, requestKey } = pending;
    const fingerprint = requestKey ? commandFingerprint(input) : undefined;
    const now = this.clock();
    if (requestKey) {
      const earlier = keys.get(requestKey) ?? this.store.requestOutcome(requestKey);
      if (earlier && earlier.command !== null && earlier.command !== fingerprint) return { kind: 'refused', error: refuse.requestKeyReused(requestKey) };
      if (earlier) return { kind: 'replay', ticketId: earlier.ticketId };
    }
    this.closeEarlierDay(now, entries);
    const command = { ...input, now } as QueueCommand;
    let events: QueueEvent[];
    try {
      events = decide(command, this.state);
    } catch (error) {
      return { kind: 'refused', error: this.refusalOfStored(error, command) };
    }
    const ticketId = 'ticketId' in command ? command.ticketId : lastTicketId(events);
    if (events.length === 0 && !requestKey) return { kind: 'nothing' };
    if (requestKey) keys.set(requestKey, { command: fingerprint!, ticketId });
    evolveAll(this.state, events);
    const meta = { actor: actor.id, staffId: actor.staffId, at: now, ...(requestKey ? { requestKey, requestTicketId: ticketId, requestCommand: fingerprint } : {}) };
    return { kind: 'entry', entry: entries.push({ events, meta }) - 1 };
  }

  /**
   * The state keeps only today's open tickets (and no-shows), so the domain calls a finished,
   * cancelled or earlier day's ticket unknown; the store still knows it, and an action on it is a
   * conflict with its status (409), not an id the office never issued (404).
   */
  private refusalOfStored(error: unknown, command: QueueCommand): unknown {
    if (!(error instanceof QueueRefusal) || error.code !== 'unknown_ticket' || !('ticketId' in command)) return error;
    const record = ticketRecord(this.store.db, command.ticketId);
    if (!record) return error;
    if (command.type === 'reinstate' && record.status === 'no_show') return refuse.notSameDay(record.id);
    return refuse.wrongState(record.id, record.status, command.type);
  }

  /** Tickets left open from an earlier day are cancelled before the first command of a new day. */
  private closeEarlierDay(now: number, entries: CommitEntry[]): void {
    const today = serviceDayOf(now, this.state.rules.timeZone);
    if (this.state.counterDay === null || this.state.counterDay === today) return;
    const events = decide({ type: 'closeDay', now }, this.state);
    if (events.length > 0) {
      evolveAll(this.state, events);
      entries.push({ events, meta: { actor: SYSTEM.id, staffId: SYSTEM.staffId, at: now } });
    }
    forgetEarlierNoShows(this.state, today);
  }

  /** Puts the in-memory state back to the store's, in place: the read model and sockets hold it. */
  private reloadState(): void {
    const desks = [...this.state.desks.values()].map((d) => ({ id: d.id, services: d.services }));
    const fresh = restoreState(this.store.db, this.state.rules, desks);
    for (const key of ['tickets', 'desks', 'counters'] as const) {
      const map = this.state[key] as Map<string, unknown>;
      map.clear();
      for (const [id, value] of fresh[key]) map.set(id, value);
    }
    this.state.counterDay = fresh.counterDay;
  }
}

/** What a command asks for, without the fresh id and estimate a retried ticket request would carry anew. */
function commandFingerprint(input: CommandInput): string {
  // The slip's language is not what a ticket request asks for: a retry in the other language is the same ticket.
  const { ticketId, promise, language: _language, ...rest } = input as CommandInput & { ticketId?: string; promise?: unknown; language?: unknown };
  return JSON.stringify(input.type === 'issueTicket' ? rest : { ...rest, ticketId, promise });
}

/** The ticket a command ended on: call-next may finish one ticket and then call another. */
function lastTicketId(events: QueueEvent[]): string | null {
  const last = events.at(-1);
  return last && 'ticketId' in last ? last.ticketId : null;
}
