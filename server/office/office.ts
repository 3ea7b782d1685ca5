// The office at run time: the one place where a command meets the clock, the domain, the store and
// the listeners. decide → commit → evolve → publish, in that order, so nothing is answered, shown
// or printed before it is durable, and a refused or failed commit leaves the state untouched.
import { EventEmitter } from 'node:events';
import { refuse } from '../queue/errors.js';
import { decide, evolveAll, serviceDayOf, type QueueCommand, type QueueEvent, type QueueState } from '../queue/index.js';
import type { EventStore, StoredEvent } from '../store/event-store.js';
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

export interface Committed {
  events: StoredEvent[];
}

interface OfficeEvents {
  committed: [StoredEvent[]];
}

export class Office extends EventEmitter<OfficeEvents> {
  constructor(
    readonly state: QueueState,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly observers: Array<(event: QueueEvent) => void> = [],
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
   * Runs one command. `requestKey`, when given, makes the command idempotent: a retried request
   * with the same key does nothing and returns the ticket the first one concerned.
   */
  execute(input: CommandInput, actor: Actor, requestKey?: string): { events: StoredEvent[]; replayedTicketId?: string | null } {
    const fingerprint = requestKey ? commandFingerprint(input) : undefined;
    if (requestKey) {
      const earlier = this.store.requestOutcome(requestKey);
      if (earlier && earlier.command !== null && earlier.command !== fingerprint) throw refuse.requestKeyReused(requestKey);
      if (earlier) return { events: [], replayedTicketId: earlier.ticketId };
    }
    const now = this.clock();
    this.closeEarlierDay(now);
    const command = { ...input, now } as QueueCommand;
    const events = decide(command, this.state);
    const ticketId = 'ticketId' in command ? command.ticketId : lastTicketId(events);
    if (events.length === 0 && !requestKey) return { events: [] };
    const stored = this.commit(events, actor, now, requestKey ? { requestKey, requestTicketId: ticketId, requestCommand: fingerprint } : {});
    return { events: stored };
  }

  /** Tickets left open from an earlier day are cancelled before the first command of a new day. */
  private closeEarlierDay(now: number): void {
    const today = serviceDayOf(now, this.state.rules.timeZone);
    if (this.state.counterDay === null || this.state.counterDay === today) return;
    const events = decide({ type: 'closeDay', now }, this.state);
    if (events.length > 0) this.commit(events, SYSTEM, now, {});
  }

  private commit(events: QueueEvent[], actor: Actor, at: number, request: { requestKey?: string; requestTicketId?: string | null; requestCommand?: string }): StoredEvent[] {
    const stored = this.store.commit(events, { actor: actor.id, staffId: actor.staffId, at, ...request });
    evolveAll(this.state, events);
    for (const event of events) for (const observe of this.observers) observe(event);
    if (stored.length > 0) this.emit('committed', stored);
    return stored;
  }
}

/** What a command asks for, without the fresh id a retried ticket request would carry anew. */
function commandFingerprint(input: CommandInput): string {
  const { ticketId, ...rest } = input as CommandInput & { ticketId?: string };
  return JSON.stringify(input.type === 'issueTicket' ? rest : { ...rest, ticketId });
}

/** The ticket a command ended on: call-next may finish one ticket and then call another. */
function lastTicketId(events: QueueEvent[]): string | null {
  const last = events.at(-1);
  return last && 'ticketId' in last ? last.ticketId : null;
}
