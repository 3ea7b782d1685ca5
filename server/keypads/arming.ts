// When a desk keypad invites a rating, decided from the events of one commit alone (pure; a commit
// is the batch of commands the office wrote in one transaction).
// A desk that finishes a ticket arms its keypad for that ticket; once the desk has moved on to the
// next visitor, the keypad is disarmed, so a late press never lands on a ticket it was not meant for.
import type { QueueEvent } from '../queue/index.js';

/** Arm for a ticket, disarm, or leave the keypad as it is. */
export type ArmingChange = { arm: string } | 'disarm' | null;

export function armingChange(events: readonly QueueEvent[], deskId: string): ArmingChange {
  let change: ArmingChange = null;
  for (const event of events) {
    if (!('deskId' in event) || event.deskId !== deskId) continue;
    switch (event.type) {
      case 'ticket.finished':
        change = { arm: event.ticketId };
        break;
      case 'ticket.called':
        // Pressing "next" while serving finishes that visit and calls the next in one commit; the
        // visitor just served is still at the desk, so that arm stands until the next one is served.
        if (change === null) change = 'disarm';
        break;
      case 'ticket.started':
      case 'desk.closed':
        change = 'disarm';
        break;
    }
  }
  return change;
}
