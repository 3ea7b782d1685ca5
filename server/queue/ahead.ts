// "People ahead" of a waiting ticket in its own line, as the kiosk and tracking page show it. Priority
// tickets may overtake a normal one, so a normal ticket counts every waiting priority ticket too.
import { isBefore } from './policy.js';
import type { QueueState, Ticket } from './types.js';

export function aheadOf(state: QueueState, ticket: Ticket): number {
  if (ticket.status !== 'issued') return 0;
  let ahead = 0;
  for (const other of state.tickets.values()) {
    if (other.status !== 'issued' || other.id === ticket.id) continue;
    const sameLine = ticket.targetDeskId ? other.targetDeskId === ticket.targetDeskId : other.targetDeskId === null && other.serviceId === ticket.serviceId;
    if (!sameLine) continue;
    if (isBefore(other, ticket)) {
      if (ticket.priorityGroup === null || other.priorityGroup !== null) ahead++;
    } else if (ticket.priorityGroup === null && other.priorityGroup !== null) {
      ahead++;
    }
  }
  return ahead;
}
