// Which desks can serve a service right now: open, not paused, with the service in their workprofile.
// A desk counts 1/k towards each of its k services (the traces README's QL definition).
import type { QueueState } from '../queue/types.js';

export function openDeskShare(state: QueueState, serviceId: string): number {
  let share = 0;
  for (const desk of state.desks.values()) {
    if (!desk.open || desk.pause || !desk.services.includes(serviceId)) continue;
    share += 1 / desk.services.length;
  }
  return share;
}

/** The same share over every configured desk, open or not: the capacity when all are back. */
export function configuredDeskShare(state: QueueState, serviceId: string): number {
  let share = 0;
  for (const desk of state.desks.values()) {
    if (desk.services.includes(serviceId)) share += 1 / desk.services.length;
  }
  return share;
}
