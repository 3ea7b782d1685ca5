// The queue's rules and desks as a configuration gives them: built at start-up, and applied again
// to the running state after an admin's change, so that the next command already follows it.
// Tickets are never touched: a closed service's waiting tickets stay valid and callable.
import type { OfficeConfig } from '../config/schema.js';
import { closedDesk, type QueueRules, type QueueState } from '../queue/index.js';

export function rulesOf(config: OfficeConfig): QueueRules {
  return {
    policy: config.policy,
    timeZone: config.timeZone,
    ...(config.booking ? { checkIn: config.booking.checkIn } : {}),
    services: new Map(config.services.map((s) => [s.id, { id: s.id, prefix: s.prefix, active: s.active, priorityGroups: s.priorityGroups, hours: s.hours ?? config.hours }])),
  };
}

/** New desks arrive closed, removed ones go (the editor refuses removing a desk in use), workprofiles follow. */
export function applyConfig(state: QueueState, config: OfficeConfig): void {
  state.rules = rulesOf(config);
  const configured = new Set(config.desks.map((d) => d.id));
  for (const id of [...state.desks.keys()]) if (!configured.has(id)) state.desks.delete(id);
  for (const desk of config.desks) {
    const running = state.desks.get(desk.id);
    if (running) running.services = [...desk.services];
    else state.desks.set(desk.id, closedDesk(desk.id, desk.services));
  }
}
