// Shared set-up for the estimator tests: a small office driven through the real domain, every event
// applied to the state and fed to a history, as the server does.
import { decide } from '../../server/queue/decide.js';
import { emptyState, evolve } from '../../server/queue/evolve.js';
import type { QueueCommand, QueueEvent, QueueState } from '../../server/queue/types.js';
import { ServiceHistory } from '../../server/estimate/history.js';
import { DEFAULT_POLICY } from '../../server/estimate/replay.js';

export const T0 = Date.UTC(2026, 10, 22, 4, 0, 0);
export const sec = (s: number) => T0 + s * 1000;

export interface Office {
  state: QueueState;
  history: ServiceHistory;
  events: QueueEvent[];
  run(command: QueueCommand): QueueEvent[];
}

export function office(desks: Array<{ id: string; services: string[] }>, serviceIds: string[] = ['S1', 'S2']): Office {
  const services = new Map(serviceIds.map((id, i) => [id, { id, prefix: String(i + 1), active: true, priorityGroups: ['elderly' as const] }]));
  const state = emptyState({ policy: DEFAULT_POLICY, services, timeZone: 'Asia/Tehran' }, desks);
  const history = new ServiceHistory({ timeZone: 'Asia/Tehran' });
  const events: QueueEvent[] = [];
  const run = (command: QueueCommand) => {
    const out = decide(command, state);
    for (const event of out) {
      evolve(state, event);
      history.observe(event);
      events.push(event);
    }
    return out;
  };
  for (const desk of desks) run({ type: 'openDesk', now: T0, deskId: desk.id, staffId: `staff-${desk.id}` });
  return { state, history, events, run };
}

/** Serves one visitor of a service start to finish at a desk, so the history learns its service time. */
export function serveOne(o: Office, id: string, serviceId: string, deskId: string, from: number, serviceSeconds: number): void {
  o.run({ type: 'issueTicket', now: sec(from), ticketId: id, serviceId, priorityGroup: null });
  o.run({ type: 'callTicket', now: sec(from), deskId, ticketId: id });
  o.run({ type: 'startService', now: sec(from), deskId, ticketId: id });
  o.run({ type: 'finishService', now: sec(from + serviceSeconds), deskId, ticketId: id, outcome: 'done', note: null });
}
