// "Your turn is near" and "you are called" by SMS, for visitors who left a mobile number for their
// ticket. It watches committed events: a subscribed ticket with few enough people ahead gets one
// "near" message, its call one "called" message, each under its own idempotency key, so nothing is
// sent twice however often the office commits or restarts. A ticket that ends erases its number.
import type { Statement } from 'better-sqlite3';
import { aheadOf, type QueueState, type Ticket } from '../queue/index.js';
import type { StoredEvent } from '../store/event-store.js';
import type { Db } from '../store/open.js';
import type { Logger } from '../log.js';
import type { EnqueueOutcome, SmsOutbox } from './outbox.js';
import type { SmsSettings } from './settings.js';
import { messageText, type MessageKind } from './texts.js';

/** Tickets with a number left at once at most: each commit looks at every one of them. */
export const MAX_SUBSCRIPTIONS = 500;

export type SubscribeOutcome = 'subscribed' | 'unknown_ticket' | 'ticket_closed' | 'full';

export interface TurnNoticesDeps {
  db: Db;
  state: QueueState;
  outbox: SmsOutbox;
  settings: () => SmsSettings | undefined;
  officeName: () => string;
  deskNumber: (deskId: string) => number | undefined;
  /** A message was queued: the dispatcher should look. */
  queued: () => void;
  clock: () => number;
  log: Logger;
}

const ENDED = new Set(['ticket.finished', 'ticket.no_show', 'ticket.cancelled']);

export class TurnNotices {
  /** ticket id → mobile number, as stored (loaded at start, so a restart keeps the subscriptions). */
  private readonly numbers = new Map<string, string>();
  /** Keys of the messages already in the outbox for subscribed tickets, to skip asking the store again. */
  private readonly queuedKeys = new Set<string>();
  private readonly insert: Statement;
  private readonly remove: Statement;

  constructor(private readonly deps: TurnNoticesDeps) {
    this.insert = deps.db.prepare(`INSERT INTO sms_subscriptions (ticket_id, mobile, created_at) VALUES (?, ?, ?) ON CONFLICT (ticket_id) DO UPDATE SET mobile = excluded.mobile`);
    this.remove = deps.db.prepare(`DELETE FROM sms_subscriptions WHERE ticket_id = ?`);
    for (const row of deps.db.prepare(`SELECT ticket_id, mobile FROM sms_subscriptions`).all() as Array<{ ticket_id: string; mobile: string }>) {
      if (deps.state.tickets.has(row.ticket_id)) {
        this.numbers.set(row.ticket_id, row.mobile);
        for (const kind of ['turnNear', 'called'] as const) if (deps.outbox.has(`${kind}:${row.ticket_id}`)) this.queuedKeys.add(`${kind}:${row.ticket_id}`);
      } else this.remove.run(row.ticket_id); // ended while the server was down, or of an earlier day
    }
  }

  subscribe(ticketId: string, mobile: string): SubscribeOutcome {
    const ticket = this.deps.state.tickets.get(ticketId);
    if (!ticket) return 'unknown_ticket';
    if (ticket.status !== 'issued' && ticket.status !== 'parked') return 'ticket_closed';
    if (!this.numbers.has(ticketId) && this.numbers.size >= MAX_SUBSCRIPTIONS) return 'full';
    this.insert.run(ticketId, mobile, this.deps.clock());
    this.numbers.set(ticketId, mobile);
    this.check();
    return 'subscribed';
  }

  /** Called with each command's committed events. */
  observe(events: readonly StoredEvent[]): void {
    if (this.numbers.size === 0) return;
    for (const { event } of events) {
      if (!('ticketId' in event) || !this.numbers.has(event.ticketId)) continue;
      if (event.type === 'ticket.called') this.send('called', event.ticketId, { desk: this.deps.deskNumber(event.deskId) });
      if (ENDED.has(event.type)) this.forget(event.ticketId);
    }
    this.check();
  }

  private check(): void {
    const settings = this.deps.settings();
    if (!settings) return;
    for (const ticketId of this.numbers.keys()) {
      const ticket = this.deps.state.tickets.get(ticketId);
      if (!ticket) {
        this.forget(ticketId);
        continue;
      }
      // "Near" is a promise too: not while no open desk calls this line.
      if (ticket.status !== 'issued' || !this.lineIsServed(ticket)) continue;
      const ahead = aheadOf(this.deps.state, ticket);
      if (ahead <= settings.turnNearAhead) this.send('turnNear', ticketId, { ahead });
    }
  }

  private lineIsServed(ticket: Ticket): boolean {
    for (const desk of this.deps.state.desks.values()) {
      if (!desk.open || desk.pause) continue;
      if (ticket.targetDeskId ? desk.id === ticket.targetDeskId : desk.services.includes(ticket.serviceId)) return true;
    }
    return false;
  }

  private send(kind: MessageKind, ticketId: string, fields: { ahead?: number; desk?: number | undefined }): void {
    const key = `${kind}:${ticketId}`;
    const settings = this.deps.settings();
    const to = this.numbers.get(ticketId);
    const ticket = this.deps.state.tickets.get(ticketId);
    if (!settings || !to || !ticket || this.queuedKeys.has(key)) return;
    const text = messageText(kind === 'turnNear' && fields.ahead === 0 ? 'turnNext' : kind, { office: this.deps.officeName(), number: ticket.number, ...(fields.ahead !== undefined ? { ahead: fields.ahead } : {}), ...(fields.desk !== undefined ? { desk: fields.desk } : {}) }, settings);
    // One "near" per ticket; one "called" per ticket (a recall is announced on the display, not again by SMS).
    const outcome: EnqueueOutcome = this.deps.outbox.enqueue({ key, kind, to, text }, this.deps.clock());
    this.queuedKeys.add(key);
    if (outcome.queued) this.deps.queued();
    else if (outcome.reason !== 'duplicate') this.deps.log.warn('sms message not queued', { kind, reason: outcome.reason });
  }

  private forget(ticketId: string): void {
    this.numbers.delete(ticketId);
    this.queuedKeys.delete(`turnNear:${ticketId}`);
    this.queuedKeys.delete(`called:${ticketId}`);
    this.remove.run(ticketId);
  }
}
