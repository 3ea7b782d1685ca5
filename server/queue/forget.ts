// An earlier day's no-shows can no longer be reinstated (decide refuses them), so once a new day
// has begun they are forgotten: the in-memory state then holds one day, however long the server
// runs. They stay in the store as no-shows; restoring at start-up leaves them out likewise.
import type { QueueState } from './types.js';

export function forgetEarlierNoShows(state: QueueState, today: string): void {
  for (const [id, ticket] of state.tickets) if (ticket.status === 'no_show' && ticket.day !== today) state.tickets.delete(id);
}
