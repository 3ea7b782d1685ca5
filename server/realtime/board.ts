// The waiting room's recent calls, kept from committed events (and rebuilt from today's at start-up),
// with the public meetings' calls beside them.
import type { StoredEvent } from '../store/event-store.js';
import type { MeetingCall } from '../voice/meeting-store.js';
import type { PublicCall } from './contract.js';

export const RECENT_CALLS = 12;

export class RecentCalls {
  private calls: PublicCall[] = [];

  constructor(private readonly deskNumber: (deskId: string) => number | undefined) {}

  /** Turns committed events into public calls, remembering the latest; returns the new ones. */
  observe(stored: readonly StoredEvent[], numbers: (ticketId: string) => { number: string; serviceId: string } | undefined): PublicCall[] {
    const fresh: PublicCall[] = [];
    for (const { seq, event } of stored) {
      if (event.type !== 'ticket.called' && event.type !== 'ticket.recalled') continue;
      const ticket = event.type === 'ticket.called' ? { number: event.number, serviceId: event.serviceId } : numbers(event.ticketId);
      if (!ticket) continue;
      fresh.push({ seq, number: ticket.number, serviceId: ticket.serviceId, deskId: event.deskId, deskNumber: this.deskNumber(event.deskId) ?? 0, recall: event.type === 'ticket.recalled', at: event.at });
    }
    if (fresh.length > 0) this.calls = [...fresh.reverse(), ...this.calls].slice(0, RECENT_CALLS);
    return fresh.reverse();
  }

  /** A call that is not a ticket's (a public meeting's), kept among the others. */
  add(call: PublicCall): void {
    this.calls = [call, ...this.calls].slice(0, RECENT_CALLS);
  }

  /** Calls read back from the log at start-up (the public meetings'), merged in by sequence. */
  restore(calls: readonly PublicCall[]): void {
    this.calls = [...this.calls, ...calls].sort((a, b) => b.seq - a.seq).slice(0, RECENT_CALLS);
  }

  list(): PublicCall[] {
    return this.calls;
  }
}

/** A public meeting's call as the board shows it: the meeting line's number and the place, no desk. */
export function meetingCall(called: MeetingCall): PublicCall {
  return { seq: called.seq, number: called.number, serviceId: '', deskId: '', deskNumber: 0, recall: called.recall, at: called.at, meeting: { place: called.place } };
}
